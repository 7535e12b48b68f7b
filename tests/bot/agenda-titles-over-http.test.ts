import type { Meeting } from '../../shared/src';
import { databases } from './support/over-http';
import {
  demo,
  nextCommandId,
  personOf,
  startService,
  type Person,
  type RunningService,
} from './support/service';

/** The demo council (a French-speaking commune) with its agenda titled in French only. */
const frenchOnly = {
  ...demo,
  agenda: demo.agenda.map((item) => ({ ...item, title: { fr: item.title.fr } })),
};

describe.each(databases)(
  'agenda titles in the meeting\u2019s language only, on %s',
  (_name, databaseUrl) => {
    let running: RunningService;
    let director: Person;

    beforeAll(async () => {
      running = await startService(databaseUrl);
      director = personOf(running, demo.director.aadObjectId);
    });
    afterAll(() => running.close());

    test('a French commune creates a meeting whose items have only their French title', async () => {
      const created = await director.call('POST', '/api/meetings', {
        commandId: nextCommandId(),
        council: frenchOnly,
      });
      expect(created.status).toBe(201);
      const read = await director.get(`/api/meetings/${created.body.meetingId as string}`);
      const agenda = (read.body.meeting as Meeting).setup.agenda;
      expect(agenda[0]?.title).toEqual({ fr: demo.agenda[0]?.title.fr });
    });

    test('an item without its French title is refused with ITEM_TITLE_MISSING, said in the caller\u2019s language', async () => {
      const untitled = {
        ...frenchOnly,
        agenda: frenchOnly.agenda.map((item, i) =>
          i === 2 ? { ...item, title: { nl: demo.agenda[2]?.title.nl } } : item,
        ),
      };
      const refused = await director.call(
        'POST',
        '/api/meetings',
        { commandId: nextCommandId(), council: untitled },
        { 'accept-language': 'fr-BE' },
      );
      expect(refused.status).toBe(400);
      expect(refused.body).toEqual({
        code: 'ITEM_TITLE_MISSING',
        message: 'Le point item-3 n’a pas d’intitulé dans la langue de la séance (fr).',
      });
    });

    test('an agenda revised without the French title of an item is refused, and the agenda stays', async () => {
      const created = await director.call('POST', '/api/meetings', {
        commandId: nextCommandId(),
        council: frenchOnly,
      });
      const meetingId = created.body.meetingId as string;
      const before = (await director.get(`/api/meetings/${meetingId}`)).body.meeting as Meeting;
      const agenda = before.setup.agenda.map((item, i) =>
        i === 0 ? { ...item, title: { en: 'Minutes' } } : item,
      );
      const refused = await director.command(meetingId, { type: 'ReviseAgenda', agenda });
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('ITEM_TITLE_MISSING');
      const after = (await director.get(`/api/meetings/${meetingId}`)).body.meeting as Meeting;
      expect(after.setup.agenda).toEqual(before.setup.agenda);
    });
  },
);
