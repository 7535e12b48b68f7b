import { randomUUID } from 'node:crypto';
import { openMeetingStore, type MeetingStore } from '../../../bot/src/store';
import { testDatabases, type TestDatabase } from './databases';

/** Two stores on one database stand for two instances of the service. */
describe.each(testDatabases())('what the bot says, claimed once on %s', (engine, fresh) => {
  let database: TestDatabase;
  let first: MeetingStore;
  let second: MeetingStore;
  let meetingId: string;

  beforeAll(async () => {
    database = await fresh();
    first = await openMeetingStore(await database.connect());
    second = await openMeetingStore(await database.connect());
    meetingId = randomUUID();
    await first.createMeeting({ id: meetingId, tenantId: randomUUID() });
  });
  afterAll(async () => {
    await first.close();
    await second.close();
    await database.drop();
  });

  test('each event is announced by the one instance that claims it first', async () => {
    const [a, b] = await Promise.all([
      first.chatDeliveries.claimEvents(meetingId, [1, 2, 3, 4]),
      second.chatDeliveries.claimEvents(meetingId, [3, 4, 5]),
    ]);
    expect([...a, ...b].sort()).toEqual([1, 2, 3, 4, 5]);
    expect(await first.chatDeliveries.claimEvents(meetingId, [5, 6])).toEqual([6]);
  });

  test('a card version is sent once, and never after a later one', async () => {
    const sent: number[] = [];
    const send = (store: MeetingStore, version: number) =>
      store.chatDeliveries.sendCard(meetingId, 'vote:v-1:', version, () => {
        sent.push(version);
        return Promise.resolve();
      });
    expect(await send(first, 7)).toBe(true);
    expect(await send(second, 7)).toBe(false);
    expect(await send(second, 9)).toBe(true);
    expect(await send(first, 8)).toBe(false);
    expect(sent).toEqual([7, 9]);
  });

  // PGlite is one connection in one process: no other instance can claim meanwhile.
  if (engine === 'PostgreSQL') {
    test('a later version claimed while an earlier one is on its way reaches Teams after it', async () => {
      const order: string[] = [];
      let arrive: () => void = () => undefined;
      const onItsWay = new Promise<void>((resolve) => {
        arrive = resolve;
      });
      const earlier = first.chatDeliveries.sendCard(meetingId, 'rollCall:r-1:', 1, async () => {
        order.push('1 sent');
        await onItsWay;
        order.push('1 arrived');
      });
      while (order.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      const later = second.chatDeliveries.sendCard(meetingId, 'rollCall:r-1:', 2, () => {
        order.push('2 sent');
        return Promise.resolve();
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      arrive();
      expect(await Promise.all([earlier, later])).toEqual([true, true]);
      expect(order).toEqual(['1 sent', '1 arrived', '2 sent']);
    });
  }

  test('a send that fails gives its claim back, so the version can be sent again', async () => {
    const failing = first.chatDeliveries.sendCard(meetingId, 'item:i-1:', 3, () =>
      Promise.reject(new Error('Teams said 502')),
    );
    await expect(failing).rejects.toThrow('Teams said 502');
    expect(
      await second.chatDeliveries.sendCard(meetingId, 'item:i-1:', 3, () => Promise.resolve()),
    ).toBe(true);
  });
});
