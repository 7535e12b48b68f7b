import fc from 'fast-check';
import {
  GENESIS_HASH,
  canonicalJson,
  checkChain,
  eventHash,
  type ChainedEvent,
} from '../../../bot/src/store';

function chainOf(...types: string[]): ChainedEvent[] {
  const events: ChainedEvent[] = [];
  for (const [index, type] of types.entries()) {
    const fields = {
      meetingId: 'm1',
      seq: index + 1,
      type,
      data: { index },
      at: '2025-03-17T19:30:00.000Z',
    };
    const prevHash = events.at(-1)?.hash ?? GENESIS_HASH;
    events.push({ ...fields, prevHash, hash: eventHash(prevHash, fields) });
  }
  return events;
}

test('canonical JSON sorts the keys of every object and keeps the order of arrays', () => {
  expect(canonicalJson({ b: 1, a: { d: [3, { f: 1, e: 2 }], c: null } })).toBe(
    '{"a":{"c":null,"d":[3,{"e":2,"f":1}]},"b":1}',
  );
  expect(canonicalJson({ z: undefined, y: 'é', x: new Date(Date.UTC(2025, 0, 1)) })).toBe(
    '{"x":"2025-01-01T00:00:00.000Z","y":"é"}',
  );
  expect(canonicalJson([undefined, 1])).toBe('[null,1]');
});

test('canonical JSON does not depend on the order in which keys were written', () => {
  fc.assert(
    fc.property(fc.jsonValue(), (value) => {
      const reordered = JSON.parse(JSON.stringify(value), (_key, item: unknown) =>
        item !== null && typeof item === 'object' && !Array.isArray(item)
          ? Object.fromEntries(Object.entries(item).reverse())
          : item,
      ) as unknown;
      expect(canonicalJson(reordered)).toBe(canonicalJson(value));
      expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
    }),
  );
});

test("an event's hash covers its meeting, seq, type, data, time and the previous hash", () => {
  const fields = { meetingId: 'm1', seq: 1, type: 'VoteOpened', data: { secret: true }, at: 'x' };
  const hash = eventHash(GENESIS_HASH, fields);
  expect(hash).toMatch(/^[0-9a-f]{64}$/);
  for (const changed of [
    { ...fields, meetingId: 'm2' },
    { ...fields, seq: 2 },
    { ...fields, type: 'VoteClosed' },
    { ...fields, data: { secret: false } },
    { ...fields, at: 'y' },
  ]) {
    expect(eventHash(GENESIS_HASH, changed)).not.toBe(hash);
  }
  expect(eventHash('1'.repeat(64), fields)).not.toBe(hash);
});

test('a chain is checked link by link from the genesis hash', () => {
  const events = chainOf('SessionOpened', 'RollCallOpened', 'MemberCheckedIn');
  expect(checkChain(events)).toEqual({ intact: true });
  expect(checkChain(events.slice(1))).toEqual({ intact: true });
  expect(checkChain([])).toEqual({ intact: true });

  const [first, second, third] = events as [ChainedEvent, ChainedEvent, ChainedEvent];
  expect(checkChain([first, third])).toMatchObject({ intact: false, seq: 3 });
  expect(checkChain([{ ...first, prevHash: '1'.repeat(64) }])).toMatchObject({ intact: false });
  expect(checkChain([first, { ...second, type: 'RollCallClosed' }, third])).toMatchObject({
    intact: false,
    seq: 2,
  });
  const rehashed = { ...second, data: { forged: true } };
  rehashed.hash = eventHash(rehashed.prevHash, rehashed);
  expect(checkChain([first, rehashed, third])).toMatchObject({ intact: false, seq: 3 });
});
