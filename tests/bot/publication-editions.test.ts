/**
 * The publication's pages rendered once per meeting version (issue 17): what every GET and the
 * register's publisher share, so that a crowd or a harvester reading an unchanged sitting costs no
 * render.
 */
import { evolve, SYSTEM, type Event, type Meeting } from '../../shared/src';
import { createEditions } from '../../bot/src/publication/editions';
import { sha256 } from '../../bot/src/sha256';
import { command, play } from '../shared/support/spec';
import { flemishSitting, meetingOf, ORIGIN } from './publication/sitting';

const events = flemishSitting();
const meeting = meetingOf(events);
const version = events.length;

/** The meeting once the register recorded `path`: the only change a publication makes. */
function registered(state: Meeting, path: string): Meeting {
  const [published] = play(
    events,
    command(SYSTEM, {
      type: 'PublishDocument',
      kind: 'agenda',
      path,
      sha256: 'a'.repeat(64),
      asOf: 1,
    }),
  ).slice(events.length) as [Event];
  const next = evolve(state, published);
  if (next.status === 'none') throw new Error('no meeting');
  return next;
}

describe('the publication’s editions', () => {
  test('a sitting’s pages are rendered once per version, whatever the number of requests', () => {
    const editions = createEditions(ORIGIN);
    const edition = editions.at(meeting.id, meeting, version);
    const paths = edition.documents.map((d) => d.path);
    for (let reader = 0; reader < 5; reader += 1) {
      const again = editions.at(meeting.id, meeting, version);
      for (const path of paths) again.page(path);
      again.pages();
    }
    expect(editions.renders).toBe(paths.length);
  });

  test('each page is the very bytes its document renders, with their hash', () => {
    const editions = createEditions(ORIGIN);
    for (const page of editions.at(meeting.id, meeting, version).pages()) {
      const html = page.document.render();
      expect(page.bytes.toString('utf8')).toBe(html);
      expect(page.sha256).toBe(sha256(html));
    }
  });

  test('an entry of the register makes a version that shows the same pages: nothing is rendered again', () => {
    const editions = createEditions(ORIGIN);
    const edition = editions.at(meeting.id, meeting, version);
    const [first] = edition.pages();
    const renders = editions.renders;
    const later = registered(meeting, first?.document.path ?? '');
    expect(editions.at(meeting.id, later, version + 1)).toBe(edition);
    edition.pages();
    expect(editions.renders).toBe(renders);
    expect(edition.asOf).toBe(version);
  });

  test('any other change is a new edition, rendered again', () => {
    const editions = createEditions(ORIGIN);
    const edition = editions.at(meeting.id, meeting, version);
    edition.pages();
    const renders = editions.renders;
    const changed: Meeting = {
      ...meeting,
      setup: { ...meeting.setup, municipality: 'Gemeente Herzien' },
    };
    const next = editions.at(meeting.id, changed, version + 1);
    expect(next).not.toBe(edition);
    expect(next.pages()[0]?.bytes.toString('utf8')).toContain('Gemeente Herzien');
    expect(editions.renders).toBe(renders + next.documents.length);
    // A reader who loaded the older version meanwhile gets its pages, and the newer stays held.
    expect(editions.at(meeting.id, meeting, version).asOf).toBe(version);
    expect(editions.at(meeting.id, changed, version + 1)).toBe(next);
  });

  test('the index is rendered again only when the sittings it lists, or their versions, change', () => {
    const editions = createEditions(ORIGIN);
    let renders = 0;
    const render = () => `<p>${++renders}</p>`;
    const first = editions.index('gent', 'm1@7 m2@9', render);
    expect(editions.index('gent', 'm1@7 m2@9', render)).toBe(first);
    expect(renders).toBe(1);
    expect(editions.index('gent', 'm1@8 m2@9', render).bytes.toString()).toBe('<p>2</p>');
    expect(editions.index('brugge', 'm3@1', render).bytes.toString()).toBe('<p>3</p>');
    expect(editions.renders).toBe(3);
  });
});
