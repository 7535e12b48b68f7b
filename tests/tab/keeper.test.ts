import { createKeeper, type Kept, type Slot } from '../../tab/src/sealed/keeper';
import { memoryStore } from './support/keeper-store';

const slot: Slot = { meetingId: 'meeting-1', ceremony: 1, member: 'teller-1' };

const drawn = (name: string): Kept => ({
  secret: {
    coefficients: [`${name}-a0-secret`, `${name}-a1-secret`],
    boxPublic: `${name}-box-public`,
    boxSecret: `${name}-box-secret`,
  },
  commitment: { boxKey: `${name}-box-public`, commitments: [`${name}-A0`, `${name}-A1`] },
});

/** Every byte a page could read of what is stored, as text. */
function readable(record: unknown): string {
  const { iv, data } = record as { iv: Uint8Array; data: ArrayBuffer };
  return Buffer.concat([Buffer.from(iv), Buffer.from(data)]).toString('latin1');
}

test('a trustee who reloads keeps their secret and their share', async () => {
  const store = memoryStore();
  await createKeeper(store).keepFirst(slot, () => drawn('first'));
  await createKeeper(store).keepShare(slot, 'the-share');
  const reloaded = createKeeper(store);
  expect(await reloaded.recall(slot)).toEqual({ ...drawn('first'), share: 'the-share' });
});

test('what is stored holds no secret in clear, under a key the page cannot export', async () => {
  const store = memoryStore();
  const keeper = createKeeper(store);
  await keeper.keepFirst(slot, () => drawn('first'));
  await keeper.keepShare(slot, 'the-share-scalar');
  const [record] = [...store.records.values()];
  const text = readable(record);
  for (const secret of ['first-a0-secret', 'first-box-secret', 'the-share-scalar']) {
    expect(text).not.toContain(secret);
  }
  const { key } = record as { key: CryptoKey };
  expect(key.extractable).toBe(false);
  await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
});

test('a second window of the same trustee keeps the secret the first drew, not its own', async () => {
  const store = memoryStore();
  const first = await createKeeper(store).keepFirst(slot, () => drawn('first'));
  const second = await createKeeper(store).keepFirst(slot, () => drawn('second'));
  expect(second).toEqual(first);
  expect(await createKeeper(store).recall(slot)).toEqual(drawn('first'));
});

test('each meeting, ceremony and member is kept apart', async () => {
  const keeper = createKeeper(memoryStore());
  await keeper.keepFirst(slot, () => drawn('first'));
  expect(await keeper.recall({ ...slot, ceremony: 2 })).toBeNull();
  expect(await keeper.recall({ ...slot, member: 'teller-2' })).toBeNull();
  expect(await keeper.recall({ ...slot, meetingId: 'meeting-2' })).toBeNull();
});

test('a stored record altered at rest does not open', async () => {
  const store = memoryStore();
  await createKeeper(store).keepFirst(slot, () => drawn('first'));
  const [[id, record]] = [...store.records.entries()] as [[string, { data: ArrayBuffer }]];
  const altered = new Uint8Array(record.data.slice(0));
  altered[0] = (altered[0] ?? 0) ^ 1;
  store.records.set(id, { ...record, data: altered.buffer });
  await expect(createKeeper(store).recall(slot)).rejects.toThrow();
});

test('a share cannot be kept for a ceremony this browser drew no secret for', async () => {
  await expect(createKeeper(memoryStore()).keepShare(slot, 'the-share')).rejects.toThrow();
});

test('a forgotten ceremony is deleted from what is stored; the other ceremonies are kept', async () => {
  const store = memoryStore();
  const keeper = createKeeper(store);
  const next = { ...slot, ceremony: 2 };
  await keeper.keepFirst(slot, () => drawn('first'));
  await keeper.keepShare(slot, 'the-share');
  await keeper.keepFirst(next, () => drawn('next'));
  await keeper.forget(slot);
  expect(store.records.size).toBe(1);
  const reloaded = createKeeper(store);
  expect(await reloaded.recall(slot)).toBeNull();
  expect(await reloaded.recall(next)).toEqual(drawn('next'));
  // Forgetting again, or what was never kept, is no error.
  await expect(reloaded.forget(slot)).resolves.toBeUndefined();
});
