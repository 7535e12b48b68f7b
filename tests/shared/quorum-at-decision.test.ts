import { fold, profiles, profileWith, type Event, type Meeting } from '../../shared/src';
import {
  CHAIR,
  DIRECTOR,
  checkedIn,
  convened,
  council,
  created,
  firstMembers,
  itemTakenUp,
  opened,
  sitting,
} from './support/council';
import { linesOf, Sitting } from './support/minutes';
import { command, given, play } from './support/spec';

const SYSTEM = 'system';
const nine = firstMembers(9);

function meetingOf(log: Event[]): Meeting {
  const state = fold(log);
  if (state.status === 'none') throw new Error('no meeting');
  return state;
}

const cast = (by: string, choice = 'yes') =>
  command(by, { type: 'CastBallot', voteId: 'v1', choice });
const checkOut = (by: string) => command(by, { type: 'CheckOut' });
const checkIn = (by: string) => command(by, { type: 'CheckIn' });
const close = () => command(CHAIR, { type: 'CloseVote', voteId: 'v1' });
const count = () => command(SYSTEM, { type: 'CountVote', voteId: 'v1' });

/** 9 in office, all present, a named vote open, 4 have voted yes and the other 5 have left. */
function fourVotedFiveLeft(options: Parameters<typeof sitting>[0] = {}): Event[] {
  return play(
    sitting({ members: 9, present: 9, ...options }),
    command(CHAIR, { type: 'OpenVote', secret: false }, 'v1'),
    ...nine.slice(0, 4).map((member) => cast(member)),
    ...nine.slice(4).map(checkOut),
  );
}

/** The 9-member case through a whole sitting: 4 vote, 5 leave, the chair closes, the director publishes. */
function voidVote(s: Sitting, open: { motionId?: string }): void {
  s.do(CHAIR, { type: 'OpenVote', secret: false, ...open }, { id: 'v1' });
  for (const member of nine.slice(0, 4)) {
    s.do(member, { type: 'CastBallot', voteId: 'v1', choice: 'yes' });
  }
  for (const member of nine.slice(4)) s.do(member, { type: 'CheckOut' });
  s.do(CHAIR, { type: 'CloseVote', voteId: 'v1' });
  s.do(SYSTEM, { type: 'CountVote', voteId: 'v1' });
  s.do(DIRECTOR, { type: 'PublishResult', voteId: 'v1' });
}

describe('quorum at the moment of decision', () => {
  test('every region requires quorum when a vote closes as well as when it opens', () => {
    for (const profile of Object.values(profiles)) {
      expect(profile.quorumAt).toMatchObject({ value: 'decision', status: 'unconfirmed' });
      expect(profile.quorumAt.source).not.toBe('');
    }
    expect(profileWith('wallonia', { quorumAt: 'opening' }).quorumAt).toMatchObject({
      value: 'opening',
      status: 'council',
    });
  });

  test('a vote closed after quorum is lost is recorded as closed without quorum', () => {
    given(...fourVotedFiveLeft())
      .when(close())
      .then({
        type: 'VoteClosed',
        voteId: 'v1',
        reason: 'chair',
        participation: 4,
        quorumLost: { present: 4, needed: 5 },
      });
  });

  test('a vote closed without quorum is void, with the number present, whatever its count', () => {
    const log = play(fourVotedFiveLeft(), close());
    const [counted] = given(...log)
      .when(count())
      .then({ type: 'VoteCounted', voteId: 'v1' });
    expect(counted).toMatchObject({
      result: {
        outcome: { kind: 'void', reason: 'quorumLost', present: 4, needed: 5 },
        tally: { yes: 4 },
      },
    });
    const basis = counted?.type === 'VoteCounted' ? counted.result.rule.basis : [];
    expect(basis.map((b) => b.rule)).toContain('quorumAt');
  });

  test('the meeting shows quorum lost the moment a departure makes it so during a vote', () => {
    const before = play(
      sitting({ members: 9, present: 9 }),
      command(CHAIR, { type: 'OpenVote' }, 'v1'),
      ...nine.slice(5).map(checkOut),
    );
    expect(meetingOf(before).quorumLost).toBeNull();
    const after = given(...before).when(checkOut(nine[4] ?? '')).after;
    expect(after.status !== 'none' && after.quorumLost).toEqual({ present: 4, needed: 5 });
  });

  test('quorum regained before the close: the vote decides as usual', () => {
    const log = play(fourVotedFiveLeft(), checkIn(nine[4] ?? ''));
    expect(meetingOf(log).quorumLost).toBeNull();
    const closed = play(log, close());
    expect(closed.at(-1)).not.toHaveProperty('quorumLost');
    given(...closed)
      .when(count())
      .then({ type: 'VoteCounted', result: { outcome: { kind: 'adopted' } } });
  });

  test('quorum lost is no concern outside a vote, nor once the vote is closed', () => {
    const outside = play(sitting({ members: 9, present: 9 }), ...nine.slice(4).map(checkOut));
    expect(meetingOf(outside).quorumLost).toBeNull();
    expect(meetingOf(play(fourVotedFiveLeft(), close())).quorumLost).toBeNull();
  });

  test('where the council’s rules require quorum only at the opening, a vote closed without it decides', () => {
    const log = play(fourVotedFiveLeft({ overrides: { quorumAt: 'opening' } }), close());
    expect(log.at(-1)).not.toHaveProperty('quorumLost');
    expect(meetingOf(log).quorumLost).toBeNull();
    given(...log)
      .when(count())
      .then({ type: 'VoteCounted', result: { outcome: { kind: 'adopted' } } });
  });

  test('a convocation that may deliberate whatever the attendance decides without quorum', () => {
    const log = play(fourVotedFiveLeft({ convocation: 3 }), close());
    expect(log.at(-1)).not.toHaveProperty('quorumLost');
  });

  test('a vote that closes itself when all have voted is void too if quorum was lost', () => {
    const log = play(
      sitting({
        members: 9,
        present: 9,
        overrides: { presenceToCast: { present: false, returningMayVote: true } },
      }),
      command(CHAIR, { type: 'OpenVote' }, 'v1'),
      ...nine.slice(4).map(checkOut),
      ...nine.slice(0, 8).map((member) => cast(member)),
    );
    given(...log)
      .when(cast(nine[8] ?? ''))
      .then(
        { type: 'BallotCast' },
        { type: 'VoteClosed', reason: 'allVoted', quorumLost: { present: 4, needed: 5 } },
      );
  });

  test('a void vote’s motion is not decided, and may be put to the vote again', () => {
    const s = new Sitting(sitting({ members: 9, present: 9 }));
    s.do(nine[1] ?? '', { type: 'ProposeMotion', text: 'Repave the square' }, { id: 'm1' });
    voidVote(s, { motionId: 'm1' });
    expect(s.session.meeting.motions.m1?.status).toBe('proposed');
    for (const member of nine.slice(4)) s.do(member, { type: 'CheckIn' });
    s.do(CHAIR, { type: 'OpenVote', motionId: 'm1' }, { id: 'v2' });
    expect(s.session.meeting.motions.m1?.status).toBe('voting');
  });

  test('the minutes say the vote was void for want of quorum, in the meeting’s language', () => {
    const expected = {
      en: 'Vote void for want of quorum: 4 members present, 5 needed. Nothing is decided.',
      fr: 'Vote nul faute de quorum : 4 membres présents, 5 requis. Rien n’est décidé.',
      nl: 'Stemming ongeldig bij gebrek aan quorum: 4 leden aanwezig, 5 vereist. Er is niets beslist.',
      de: 'Abstimmung mangels Quorum nichtig: 4 Mitglieder anwesend, 5 erforderlich. Nichts ist beschlossen.',
    } as const;
    for (const [language, line] of Object.entries(expected)) {
      const s = new Sitting([
        created({ ...council({ members: 9 }), language: language as keyof typeof expected }),
        convened(),
        opened(),
        ...nine.map(checkedIn),
        itemTakenUp('minutes'),
      ]);
      voidVote(s, {});
      expect(linesOf(s.minutes('councillor')).join('\n')).toContain(line);
    }
  });
});
