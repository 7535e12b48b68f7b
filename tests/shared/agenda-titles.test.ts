import demo from '../../bot/fixtures/council-demo.json';
import {
  councilFileSchema,
  fold,
  meetingSetupSchema,
  setupFromCouncilFile,
  titleIn,
  type MeetingSetup,
} from '../../shared/src';
import { CHAIR, DIRECTOR, convened, council, created, firstMembers } from './support/council';
import { linesOf, Sitting } from './support/minutes';
import { command, given } from './support/spec';

/** A French-speaking commune that titles its agenda in French only. */
function frenchOnly(): MeetingSetup {
  const setup = council({ members: 9 });
  return {
    ...setup,
    language: 'fr',
    agenda: setup.agenda.map((item) => ({ ...item, title: { fr: `Point ${item.id}` } })),
  };
}

describe('agenda titles: the meeting\u2019s language is the one required', () => {
  test('a French-only agenda is a valid setup, and the meeting is created with it', () => {
    expect(meetingSetupSchema.safeParse(frenchOnly()).success).toBe(true);
    given()
      .when(command(DIRECTOR, { type: 'CreateMeeting', setup: frenchOnly() }))
      .then({ type: 'MeetingCreated' });
  });

  test('an item without a title in the meeting\u2019s language is refused, naming the item', () => {
    const setup = frenchOnly();
    const untitled = setup.agenda.map((item, i) =>
      i === 1 ? { ...item, title: { nl: 'Begroting' } } : item,
    );
    const outcome = given().when(
      command(DIRECTOR, { type: 'CreateMeeting', setup: { ...setup, agenda: untitled } }),
    );
    outcome.thenRefuses('ITEM_TITLE_MISSING');
    expect(!outcome.decision.ok && outcome.decision.error.params).toEqual({
      item: 'budget',
      language: 'fr',
    });
    given(created(setup))
      .when(command(DIRECTOR, { type: 'ReviseAgenda', agenda: untitled }))
      .thenRefuses('ITEM_TITLE_MISSING');
  });

  test('a council file whose other titles are left blank gives items titled in French only', () => {
    const file = councilFileSchema.parse({
      ...demo,
      agenda: demo.agenda.map((item) => ({
        ...item,
        title: { ...item.title, nl: '', de: ' ', en: '' },
      })),
    });
    const setup = meetingSetupSchema.parse(setupFromCouncilFile(file));
    expect(setup.agenda[0]?.title).toEqual({ fr: demo.agenda[0]?.title.fr });
  });

  test('the meeting\u2019s language cannot change to one its agenda is not titled in', () => {
    given(created(frenchOnly()))
      .when(command(DIRECTOR, { type: 'ChooseLanguage', language: 'nl' }))
      .thenRefuses('ITEM_TITLE_MISSING');
    given(created(council()))
      .when(command(DIRECTOR, { type: 'ChooseLanguage', language: 'nl' }))
      .then({ type: 'LanguageChosen', language: 'nl' });
  });

  test('a title is read in the reader\u2019s language, else in the meeting\u2019s', () => {
    const item = { title: { fr: 'Budget 2027', nl: 'Begroting 2027' } };
    expect(titleIn(item, 'nl', 'fr')).toBe('Begroting 2027');
    expect(titleIn(item, 'de', 'fr')).toBe('Budget 2027');
  });

  test('an old log whose items have four titles still folds, each language read as before', () => {
    const meeting = fold([created(council())]);
    if (meeting.status === 'none') throw new Error('not created');
    const budget = meeting.setup.agenda[1];
    expect(budget && titleIn(budget, 'de', meeting.setup.language)).toBe('Budget amendment (de)');
  });

  test('the minutes of a French-only sitting give each item its French title', () => {
    const s = new Sitting([created(frenchOnly()), convened()]);
    s.do(CHAIR, { type: 'OpenMeeting' });
    for (const member of firstMembers(9)) s.do(member, { type: 'CheckIn' });
    s.do(CHAIR, { type: 'NextItem' });
    s.do(CHAIR, { type: 'CloseMeeting' });
    expect(linesOf(s.minutes('director'))).toContain('1. Point minutes');
  });
});
