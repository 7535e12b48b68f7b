import { botMemory } from '../../../bot/src/teams/memory';
import type { ChatMemory } from '../../../bot/src/store';

/** A chat memory in a Map that counts reads, and whose merges can be held back. */
function countingMemory() {
  const values = new Map<string, unknown>();
  const reads: string[] = [];
  let mergesVisible = true;
  const memory: ChatMemory = {
    recall(key) {
      reads.push(key);
      return Promise.resolve(values.get(key));
    },
    remember(key, value) {
      values.set(key, value);
      return Promise.resolve();
    },
    merge(key, entries) {
      if (mergesVisible)
        values.set(key, { ...(values.get(key) as object | undefined), ...entries });
      return Promise.resolve();
    },
    claim: () => Promise.resolve(true),
    lease: () => Promise.resolve(true),
    forget(key) {
      values.delete(key);
      return Promise.resolve();
    },
  };
  return {
    memory,
    values,
    reads,
    /** Another instance's write (or this one's) that a read does not show yet. */
    hideMerges() {
      mergesVisible = false;
    },
  };
}

describe("the bot's memory of people's Teams ids", () => {
  test('fifty turns at once read a tenant’s ids once, and trust them for two seconds', async () => {
    const chat = countingMemory();
    chat.values.set('people:tenant', { 'member-1': '29:one' });
    const memory = botMemory(chat.memory);
    const all = await Promise.all(Array.from({ length: 50 }, () => memory.people('tenant')));
    expect(all.every((ids) => ids['member-1'] === '29:one')).toBe(true);
    expect(await memory.people('tenant')).toEqual({ 'member-1': '29:one' });
    expect(chat.reads).toEqual(['people:tenant']);
  });

  test('what this instance learnt stays known when a later read does not show it yet', async () => {
    const chat = countingMemory();
    const memory = botMemory(chat.memory);
    chat.hideMerges();
    await memory.learnPeople('tenant', [{ id: '29:two', aadObjectId: 'member-2' }]);
    expect(await memory.people('tenant')).toEqual({ 'member-2': '29:two' });
    chat.values.set('people:tenant', { 'member-3': '29:three' });
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect(await memory.people('tenant')).toEqual({ 'member-2': '29:two', 'member-3': '29:three' });
    expect(chat.reads).toEqual(['people:tenant', 'people:tenant']);
  });
});
