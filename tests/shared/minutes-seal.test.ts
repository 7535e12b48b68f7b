import { minutesOf, sealFor, type Reader } from '../../shared/src';
import { CHAIR, sitting } from './support/council';
import { Sitting, linesOf } from './support/minutes';

/** The log as the store numbers and hashes it. */
const logOf = (s: Sitting) =>
  s.events.map((event, index) => ({ seq: index + 1, hash: `hash-${index + 1}`, event }));

const sealOf = (s: Sitting, reader: Reader) => sealFor(s.session.meeting, logOf(s), reader);

/** Six members present on the first item, which is put to a named vote left unpublished. */
function countedNotPublished(): Sitting {
  const s = new Sitting(sitting({ members: 9, present: 6 }));
  s.vote({ type: 'OpenVote' }, () => 'yes', { publish: false });
  return s;
}

describe('minutes: what each copy is sealed with', () => {
  test('the director’s copy is sealed by the number and hash of the log’s last event', () => {
    const s = countedNotPublished();
    const last = logOf(s).at(-1);
    expect(sealOf(s, 'director')).toEqual({ seq: last?.seq, hash: last?.hash });
  });

  test('a copy without a count not yet published is sealed by the last event it shows, by hash and time, with no number', () => {
    const s = countedNotPublished();
    const log = logOf(s);
    expect(log.at(-1)?.event.type).toBe('VoteCounted');
    const shown = log.at(-2);

    expect(sealOf(s, 'councillor')).toEqual({ hash: shown?.hash, at: shown?.event.at });
    expect(sealOf(s, 'chair')).toEqual(sealOf(s, 'councillor'));
  });

  test('an observer’s copy never carries a number, and what happens in closed session leaves its seal as it was', () => {
    const s = new Sitting(sitting({ members: 9, present: 6 }));
    s.do(CHAIR, { type: 'NextItem' }).do(CHAIR, { type: 'NextItem' });
    const before = { observer: sealOf(s, 'observer'), public: sealOf(s, null) };
    const last = logOf(s).at(-1);
    expect(before.observer).toEqual({ hash: last?.hash, at: last?.event.at });

    s.do(CHAIR, { type: 'NextItem' });
    s.vote({ type: 'OpenVote' }, () => 'yes');

    expect(s.session.meeting.currentItemId).toBe('staff');
    expect({ observer: sealOf(s, 'observer'), public: sealOf(s, null) }).toEqual(before);
    expect(sealOf(s, 'director')).toMatchObject({ seq: logOf(s).length });
  });

  test('a copy says when it stood, and its footer gives the fingerprint without a number', () => {
    const s = countedNotPublished();
    const seal = { hash: 'cd'.repeat(32), at: '2026-11-23T19:12:00.000Z' };
    const minutes = minutesOf({ events: s.events, reader: 'councillor', seal });
    if (!minutes) throw new Error('no minutes');

    expect(minutes.footer).toBe(`SHA-256 fingerprint of the last event in this copy: ${seal.hash}`);
    expect(minutes.asOf).toBe(seal.at);
    expect(linesOf(minutes)).toContain('As of 20:12.');
    expect(linesOf(minutes).join('\n')).not.toMatch(/event no\./);
  });
});
