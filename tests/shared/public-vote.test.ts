import { fold, meetingSetupSchema, profiles, type Event } from '../../shared/src';
import { CHAIR, DIRECTOR, council, created, defaultAgenda, sitting } from './support/council';
import { command, given } from './support/spec';

const title = (en: string) => ({ fr: en, nl: en, de: en, en });
const generalSecret = {
  id: 'square',
  title: title('Renaming the square'),
  session: 'public' as const,
  expectedVote: 'secret' as const,
};
const secretAgenda = [...defaultAgenda, generalSecret];

describe('public vote is the rule (secretOtherwise)', () => {
  test('every profile states whether a secret ballot may be held outside its secret subjects', () => {
    expect(profiles.wallonia.secretOtherwise).toMatchObject({
      value: false,
      status: 'unconfirmed',
    });
    expect(profiles.wallonia.secretOtherwise.source).toMatch(/^CDLD L1122-27/);
    expect(profiles.brussels.secretOtherwise).toMatchObject({
      value: false,
      status: 'unconfirmed',
    });
    expect(profiles.flanders.secretOtherwise).toMatchObject({
      value: false,
      status: 'unconfirmed',
    });
    expect(profiles.flanders.secretOtherwise.source).toMatch(/art\. 34/);
    expect(profiles.roberts.secretOtherwise).toMatchObject({ value: true, status: 'council' });
  });

  test('Wallonia CDLD L1122-27: a secret ballot on a general subject is refused', () => {
    given(...sitting({ item: 'minutes' }))
      .when(command(CHAIR, { type: 'OpenVote', secret: true }))
      .thenRefuses('SECRET_VOTE_NOT_ALLOWED');
  });

  test('Wallonia CDLD L1122-27: the same general subject is voted in public', () => {
    given(...sitting({ item: 'minutes' }))
      .when(command(CHAIR, { type: 'OpenVote' }))
      .then({ type: 'VoteOpened', secret: false });
  });

  test('Wallonia CDLD L1122-27: an appointment is still voted in secret', () => {
    given(...sitting({ item: 'water' }))
      .when(command(CHAIR, { type: 'OpenVote', secret: true }))
      .then({ type: 'VoteOpened', secret: true, kind: 'election' });
  });

  test.each(['brussels', 'flanders'] as const)(
    '%s: a secret ballot on a budget amendment is refused',
    (profile) => {
      given(...sitting({ profile, item: 'budget' }))
        .when(command(CHAIR, { type: 'OpenVote', secret: true }))
        .thenRefuses('SECRET_VOTE_NOT_ALLOWED');
    },
  );

  test("Robert's Rules: the assembly may order a ballot vote on any question", () => {
    given(...sitting({ profile: 'roberts', item: 'minutes' }))
      .when(command(CHAIR, { type: 'OpenVote', secret: true }))
      .then({ type: 'VoteOpened', secret: true });
  });

  test('house rules may allow a secret ballot on any subject (secretOtherwise overridden)', () => {
    given(...sitting({ item: 'minutes', overrides: { secretOtherwise: true } }))
      .when(command(CHAIR, { type: 'OpenVote', secret: true }))
      .then({ type: 'VoteOpened', secret: true });
  });

  test('Wallonia CDLD L1122-27: a meeting whose agenda announces a secret ballot on a general subject is not created', () => {
    const setup = meetingSetupSchema.parse({ ...council(), agenda: secretAgenda });
    given()
      .when(command(DIRECTOR, { type: 'CreateMeeting', setup }))
      .thenRefuses('SECRET_ITEM_NOT_ALLOWED');
  });

  test('Wallonia CDLD L1122-27: an agenda revised to a secret ballot on a general subject is refused', () => {
    const agenda = meetingSetupSchema.shape.agenda.parse(secretAgenda);
    const outcome = given(created()).when(command(DIRECTOR, { type: 'ReviseAgenda', agenda }));
    outcome.thenRefuses('SECRET_ITEM_NOT_ALLOWED');
    expect(outcome.decision).toMatchObject({ error: { params: { item: 'square' } } });
  });

  test("Robert's Rules: the same agenda is accepted", () => {
    const agenda = meetingSetupSchema.shape.agenda.parse(secretAgenda);
    given(created(council({ profile: 'roberts' })))
      .when(command(DIRECTOR, { type: 'ReviseAgenda', agenda }))
      .then({ type: 'AgendaRevised' });
  });

  test('choosing rules that forbid the secret ballot an agenda announces is refused', () => {
    const setup = council({ profile: 'roberts', agenda: secretAgenda });
    given(created(setup))
      .when(
        command(DIRECTOR, {
          type: 'ChooseRules',
          rules: { profile: 'wallonia', overrides: {} },
        }),
      )
      .thenRefuses('SECRET_ITEM_NOT_ALLOWED');
  });

  test('an item stored before the rule existed, announcing a secret ballot, opens in public', () => {
    // An agenda accepted before secretOtherwise existed still folds; its vote opens as the rules say.
    const old: Event[] = sitting({ profile: 'roberts', agenda: secretAgenda, item: 'square' });
    const first = old[0];
    if (first?.type !== 'MeetingCreated') throw new Error('no meeting');
    const wallonian = { ...first.setup, rules: { profile: 'wallonia' as const, overrides: {} } };
    const log: Event[] = [{ ...first, setup: wallonian }, ...old.slice(1)];
    expect(fold(log).status).toBe('open');
    given(...log)
      .when(command(CHAIR, { type: 'OpenVote' }))
      .then({ type: 'VoteOpened', secret: false });
  });
});
