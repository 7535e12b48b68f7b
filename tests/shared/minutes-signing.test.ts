import { fold, signatoriesOf, type Event, type Meeting } from '../../shared/src';
import {
  CHAIR,
  council,
  councillor,
  created,
  DIRECTOR,
  minutesApproval,
  sitting,
} from './support/council';
import { linesOf, Sitting } from './support/minutes';
import { command, given, play } from './support/spec';

const PDF = 'a'.repeat(64);
const LAST = 'b'.repeat(64);
const OTHER_PDF = 'c'.repeat(64);
const SEALED = 'd'.repeat(64);

const close = command(CHAIR, { type: 'CloseMeeting' });
const submit = (pdf = PDF) =>
  command(DIRECTOR, { type: 'SubmitMinutes', seq: 12, pdf, lastEvent: LAST });
const approve = (by: string, pdf = PDF, lastEvent = LAST) =>
  command(by, { type: 'ApproveMinutes', pdf, lastEvent });
const seal = command('system', { type: 'SealMinutes', sealed: SEALED });

function closedSitting(profile?: 'wallonia' | 'flanders' | 'brussels' | 'roberts'): Event[] {
  return play(
    sitting({ members: 9, present: 6, tellers: false, ...(profile ? { profile } : {}) }),
    close,
  );
}

const submitted = (): Event[] => play(closedSitting(), submit());

function meetingAfter(events: Event[]): Meeting {
  const state = fold(events);
  if (state.status === 'none') throw new Error('no meeting');
  return state;
}

describe('signing the minutes', () => {
  test('each region names its signatories with the article: the chair and the director in Wallonia, Flanders and Brussels; the secretary under Robert’s Rules', () => {
    const named = (['wallonia', 'flanders', 'brussels', 'roberts'] as const).map((profile) => {
      const meeting = meetingAfter(closedSitting(profile));
      return {
        profile,
        signatories: signatoriesOf(meeting).map((m) => m.id),
        cites: /L1132-3|art\. 32|art\. 89|RONR/.test(meeting.profile.minutesSignedBy.source),
      };
    });
    expect(named).toEqual([
      { profile: 'wallonia', signatories: [CHAIR, DIRECTOR], cites: true },
      { profile: 'flanders', signatories: [CHAIR, DIRECTOR], cites: true },
      { profile: 'brussels', signatories: [CHAIR, DIRECTOR], cites: true },
      { profile: 'roberts', signatories: [DIRECTOR], cites: true },
    ]);
  });

  test('the director submits the final minutes once the sitting is closed, named by the hashes of the PDF and of the last event', () => {
    const outcome = given(...closedSitting()).when(submit());
    outcome.then({ type: 'MinutesSubmitted', by: DIRECTOR, seq: 12, pdf: PDF, lastEvent: LAST });
    expect(outcome.after).toMatchObject({
      signing: { submitted: { seq: 12, pdf: PDF, lastEvent: LAST }, approvals: [] },
    });
  });

  test('minutes are not final while the sitting runs, nor while a result waits to be published', () => {
    given(...sitting({ members: 9, present: 6, tellers: false }))
      .when(submit())
      .thenRefuses('MINUTES_NOT_FINAL');
    const open = command(CHAIR, { type: 'OpenVote' });
    const unpublished = play(
      sitting({ members: 9, present: 6, tellers: false }),
      open,
      command(CHAIR, { type: 'CloseVote', voteId: open.newId }),
      close,
    );
    given(...unpublished)
      .when(submit())
      .thenRefuses('MINUTES_NOT_FINAL');
  });

  test('only the director submits the minutes, and the same minutes once', () => {
    given(...closedSitting())
      .when(command(CHAIR, { type: 'SubmitMinutes', seq: 12, pdf: PDF, lastEvent: LAST }))
      .thenRefuses('NOT_AUTHORIZED');
    given(...submitted())
      .when(submit())
      .thenRefuses('MINUTES_ALREADY_SUBMITTED');
  });

  test('a signatory approves the submitted minutes: the event carries who, when and both hashes', () => {
    const outcome = given(...submitted()).when(approve(CHAIR));
    outcome.then({ type: 'MinutesApproved', by: CHAIR, pdf: PDF, lastEvent: LAST });
    expect(meetingAfter([...submitted(), ...outcome.events]).signing?.approvals).toEqual([
      { member: CHAIR, at: outcome.events[0]?.at },
    ]);
  });

  test('a councillor who is not a signatory cannot approve the minutes', () => {
    given(...submitted())
      .when(approve(councillor(1)))
      .thenRefuses('NOT_SIGNATORY');
  });

  test('a signatory approves once', () => {
    given(...play(submitted(), approve(CHAIR)))
      .when(approve(CHAIR))
      .thenRefuses('ALREADY_APPROVED');
  });

  test('an approval of other minutes than those submitted (stale hashes) is refused', () => {
    given(...submitted())
      .when(approve(CHAIR, OTHER_PDF))
      .thenRefuses('MINUTES_CHANGED');
    given(...submitted())
      .when(approve(CHAIR, PDF, OTHER_PDF))
      .thenRefuses('MINUTES_CHANGED');
  });

  test('minutes submitted again ask every signatory again, and an approval of the first ones is stale', () => {
    const resubmitted = play(submitted(), approve(CHAIR), submit(OTHER_PDF));
    expect(meetingAfter(resubmitted).signing?.approvals).toEqual([]);
    given(...resubmitted)
      .when(approve(DIRECTOR))
      .thenRefuses('MINUTES_CHANGED');
    given(...resubmitted)
      .when(approve(DIRECTOR, OTHER_PDF))
      .then({ type: 'MinutesApproved' });
  });

  test('nothing is approved before the minutes are submitted', () => {
    given(...closedSitting())
      .when(approve(CHAIR))
      .thenRefuses('MINUTES_NOT_SUBMITTED');
    given(...closedSitting())
      .when(seal)
      .thenRefuses('MINUTES_NOT_SUBMITTED');
  });

  test('the minutes are sealed once every signatory has approved, in any order, and only then', () => {
    given(...play(submitted(), approve(DIRECTOR)))
      .when(seal)
      .thenRefuses('APPROVALS_MISSING');
    const approved = play(submitted(), approve(DIRECTOR), approve(CHAIR));
    const outcome = given(...approved).when(seal);
    outcome.then({ type: 'MinutesSealed', sealed: SEALED });
    expect(outcome.after).toMatchObject({ signing: { sealed: { hash: SEALED } } });
  });

  test('sealed minutes are neither approved, submitted nor sealed again', () => {
    const sealed = play(submitted(), approve(CHAIR), approve(DIRECTOR), seal);
    given(...sealed)
      .when(submit(OTHER_PDF))
      .thenRefuses('MINUTES_SEALED');
    given(...sealed)
      .when(approve(CHAIR))
      .thenRefuses('MINUTES_SEALED');
    given(...sealed)
      .when(seal)
      .thenRefuses('MINUTES_SEALED');
  });

  test('only the service seals the minutes', () => {
    const approved = play(submitted(), approve(DIRECTOR), approve(CHAIR));
    given(...approved)
      .when(command(DIRECTOR, { type: 'SealMinutes', sealed: SEALED }))
      .thenRefuses('NOT_AUTHORIZED');
  });

  test('a council whose rules name no signatory cannot have its minutes submitted', () => {
    const history = play(
      sitting({ members: 9, present: 6, tellers: false, overrides: { minutesSignedBy: [] } }),
      close,
    );
    given(...history)
      .when(submit())
      .thenRefuses('NO_SIGNATORY');
  });
});

describe('approving the previous minutes, with corrections', () => {
  const correct = (itemId: string, by = DIRECTOR) =>
    command(by, { type: 'CorrectMinutes', itemId, text: 'Item 4: 12 votes for, not 11.' });
  const approvalItem = () =>
    sitting({
      members: 9,
      present: 6,
      tellers: false,
      agenda: [
        minutesApproval(SEALED),
        { id: 'budget', title: { en: 'Budget' }, session: 'public', subject: 'budget' },
      ],
    });

  test('the director records a correction the council adopted on the approval of the previous minutes', () => {
    const outcome = given(...approvalItem()).when(correct('minutes'));
    outcome.then({
      type: 'MinutesCorrected',
      itemId: 'minutes',
      text: 'Item 4: 12 votes for, not 11.',
    });
    expect(outcome.after).toMatchObject({
      corrections: { minutes: ['Item 4: 12 votes for, not 11.'] },
    });
  });

  test('a correction is recorded on the approval item only, by the director, in session', () => {
    given(...approvalItem())
      .when(correct('budget'))
      .thenRefuses('NOT_MINUTES_APPROVAL');
    given(...approvalItem())
      .when(correct('nowhere'))
      .thenRefuses('ITEM_NOT_FOUND');
    given(...approvalItem())
      .when(correct('minutes', councillor(1)))
      .thenRefuses('NOT_AUTHORIZED');
    given(...play(approvalItem(), close))
      .when(correct('minutes'))
      .thenRefuses('MEETING_CLOSED');
  });

  function approvedWithCorrection(): Sitting {
    const setup = council({ members: 9, language: 'fr' });
    const s = new Sitting([
      created({
        ...setup,
        agenda: [
          {
            ...minutesApproval(SEALED, { fr: 'Procès-verbal' }),
            expectedVote: 'named',
            candidates: [],
          },
        ],
      }),
    ]);
    s.do(DIRECTOR, {
      type: 'ConveneMeeting',
      place: 'Council chamber',
      reason: 'Chamber under renovation',
    }).do(CHAIR, { type: 'OpenMeeting' });
    for (const member of [CHAIR, councillor(1), councillor(2), councillor(3), councillor(4)]) {
      s.do(member, { type: 'CheckIn' });
    }
    s.do(CHAIR, { type: 'NextItem' });
    s.do(DIRECTOR, { type: 'CorrectMinutes', itemId: 'minutes', text: 'Point 4 : 12 voix pour.' });
    s.vote({ type: 'OpenVote' }, () => 'yes');
    return s;
  }

  test('the minutes of the sitting record the corrections adopted and the sealed file the approval points at', () => {
    const lines = linesOf(approvedWithCorrection().minutes('director')).join('\n');
    expect(lines).toContain('Corrections adoptées');
    expect(lines).toContain('Point 4 : 12 voix pour.');
    expect(lines).toContain(
      `Le procès-verbal de la séance du 5 novembre 2026 est approuvé. Procès-verbal signé et scellé, empreinte SHA-256 ${SEALED}.`,
    );
  });

  test('the council’s minutes name the address its members fetch the sealed file from; the public copy only its hash', () => {
    const s = approvedWithCorrection();
    const origin = 'https://council.example';
    const address = `${origin}/api/meetings/${encodeURIComponent(s.session.meeting.id)}/items/minutes/previous-minutes.pdf`;
    for (const reader of ['director', 'councillor'] as const) {
      expect(linesOf(s.minutes(reader, origin)).join('\n')).toContain(
        `Procès-verbal signé et scellé, empreinte SHA-256 ${SEALED}, à l’adresse ${address}.`,
      );
    }
    const publicCopy = linesOf(s.minutes('observer', origin)).join('\n');
    expect(publicCopy).toContain(`Procès-verbal signé et scellé, empreinte SHA-256 ${SEALED}.`);
    expect(publicCopy).not.toContain('/api/');
  });
});
