import { join } from 'node:path';
import { councilApi } from '../../bot/src/demo-meeting/client';
import { startTellers, type Tellers } from '../../bot/src/demo-meeting/tellers';
import { largeCouncil } from '../../bench/lib/council';
import { audit, ballotRecord } from '../../bench/lib/databases';
import { httpClient, type HttpClient } from '../../bench/lib/http';
import { sleep, spawnService, type ServiceProcess } from '../../bench/lib/processes';
import {
  command,
  must,
  openSecretVote,
  openSession,
  readMeeting,
  signInCouncil,
  type Person,
} from '../../bench/lib/session';
import { serviceDatabases, workFolder } from './support/databases';

const VOTERS = 1_000;

jest.setTimeout(300_000);

describe.each(serviceDatabases())('%s', (_engine, freshDatabase) => {
  test('a service killed (SIGKILL) during a burst of 1,000 ballots and started again on the same data has counted every acknowledged ballot, none twice', async () => {
    const database = await freshDatabase();
    const work = await workFolder();
    const start = (name: string) =>
      spawnService({
        env: { ...database.env, LOG_LEVEL: 'warn' },
        logFile: join(work, `${name}.log`),
      });
    let service: ServiceProcess = await start('first');
    let client: HttpClient = httpClient(service.url, 64);
    let tellers: Tellers | undefined;
    try {
      const council = largeCouncil(VOTERS);
      const session = await openSession(client, council, { concurrency: 64 });
      // The director and two tellers hold the key; their tabs keep their shares through the crash.
      const trustees = [council.director, ...council.members.slice(1, 3)].map((p) => ({
        id: p.aadObjectId,
        name: p.name,
      }));
      const named = { type: 'NameTellers', tellers: trustees.slice(1).map((t) => t.id) } as const;
      await must(command(client, session.chair, session.meetingId, named), 'name tellers');
      const tabsOn = (url: string) =>
        startTellers(councilApi(url, council.tenantId), session.meetingId, trustees, {
          ...(tellers ? { kept: tellers.kept } : {}),
        });
      tellers = await tabsOn(service.url);
      await tellers.ready();
      const { voteId, choices } = await openSecretVote(client, session);
      const ballots = session.members.map((voter, index) => ({
        voter: voter.id,
        choice: choices[index % choices.length] as string,
        commandId: `ballot-${index}`,
      }));
      const cast = (people: ReadonlyMap<string, Person>, ballot: (typeof ballots)[number]) =>
        command(
          client,
          people.get(ballot.voter) as Person,
          session.meetingId,
          { type: 'CastBallot', voteId, choice: ballot.choice },
          ballot.commandId,
        );

      // Every ballot at once; the service is killed once the first hundred are acknowledged.
      const firstPeople = new Map(session.members.map((person) => [person.id, person]));
      const acknowledged = new Set<string>();
      let killing: Promise<void> | undefined;
      await Promise.all(
        ballots.map(async (ballot) => {
          const reply = await cast(firstPeople, ballot).catch(() => undefined);
          if (reply?.status === 200) acknowledged.add(ballot.voter);
          if (acknowledged.size >= 100) killing ??= service.kill();
        }),
      );
      await killing;
      expect(acknowledged.size).toBeGreaterThanOrEqual(100);
      expect(acknowledged.size).toBeLessThan(VOTERS);

      await tellers.stop();
      service = await start('second');
      client.close();
      client = httpClient(service.url, 64);
      tellers = await tabsOn(service.url);
      const people = await signInCouncil(client, council);
      const again = new Map(people.members.map((person) => [person.id, person]));
      const before = (await readMeeting(client, people.chair, session.meetingId)).votes[voteId];
      const participants = before?.participants ?? [];
      expect(new Set(participants).size).toBe(participants.length);
      for (const member of acknowledged) expect(participants).toContain(member);

      // A second ballot of a member already counted is refused; a retried one is answered as before.
      const [someone] = acknowledged;
      const second = await command(client, again.get(someone ?? '') as Person, session.meetingId, {
        type: 'CastBallot',
        voteId,
        choice: choices[0] as string,
      });
      expect(second.body).toMatchObject({ code: 'ALREADY_VOTED' });
      const retried = await Promise.all(ballots.map((ballot) => cast(again, ballot)));
      expect(retried.map((reply) => reply.status)).toEqual(ballots.map(() => 200));

      let vote = (await readMeeting(client, people.director, session.meetingId)).votes[voteId];
      for (let i = 0; i < 600 && vote?.status !== 'counted'; i++) {
        await sleep(100);
        vote = (await readMeeting(client, people.director, session.meetingId)).votes[voteId];
      }
      const tally = vote?.result?.tally ?? {};
      expect(vote?.status).toBe('counted');
      expect(Object.values(tally).reduce((sum, n) => sum + n, 0)).toBe(VOTERS);
      expect(new Set(vote?.participants).size).toBe(VOTERS);
      expect(vote?.participants).toHaveLength(VOTERS);

      await service.stop();
      const db = await database.open();
      try {
        const record = await ballotRecord(db, session.meetingId, voteId);
        expect(audit(acknowledged, record)).toEqual({ lost: 0, duplicated: 0 });
        expect(record.register.size).toBe(VOTERS);
        expect(record.counted).toBe(VOTERS);
      } finally {
        await db.close();
      }
    } finally {
      await tellers?.stop();
      client.close();
      await service.kill();
      await database.drop();
    }
  });
});
