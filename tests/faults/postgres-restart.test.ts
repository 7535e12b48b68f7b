import { join } from 'node:path';
import { openPostgres } from '../../bot/src/store';
import { text } from '../../bot/src/store/sql';
import { largeCouncil } from '../../bench/lib/council';
import { httpClient } from '../../bench/lib/http';
import { isReady, sleep, spawnService } from '../../bench/lib/processes';
import { command, openSecretVote, openSession, readMeeting } from '../../bench/lib/session';
import { nameTellers, type Tellers } from '../../bench/lib/tellers';
import { postgresBin, throwawayCluster } from './support/cluster';
import { workFolder } from './support/databases';

jest.setTimeout(240_000);

async function eventually(check: () => Promise<boolean>, seconds: number): Promise<boolean> {
  for (const deadline = Date.now() + seconds * 1000; Date.now() < deadline;) {
    if (await check()) return true;
    await sleep(200);
  }
  return check();
}

const bin = postgresBin();
if (bin) {
  describe('PostgreSQL restarted under a running service', () => {
    test('the service stays up, says it is not ready while the database is away, reconnects, and has lost no acknowledged command', async () => {
      const cluster = await throwawayCluster(bin);
      const service = await spawnService({
        env: { DATABASE_URL: cluster.url, LOG_LEVEL: 'warn' },
        logFile: join(await workFolder(), 'service.log'),
      });
      const client = httpClient(service.url, 16);
      let tellers: Tellers | undefined;
      try {
        const session = await openSession(client, largeCouncil(49), { concurrency: 16 });
        // The trustees' tabs stay open through the restart, to count the vote after it.
        tellers = await nameTellers(client, session, service.url);
        const { voteId, choices } = await openSecretVote(client, session);

        // Ballots one after another, each sent again with its own command id until acknowledged.
        const acknowledged: string[] = [];
        const voting = (async () => {
          for (const [index, member] of session.members.entries()) {
            const commandId = `ballot-${index}`;
            const ballot = {
              type: 'CastBallot' as const,
              voteId,
              choice: choices[index % 3] as string,
            };
            for (;;) {
              const reply = await command(
                client,
                member,
                session.meetingId,
                ballot,
                commandId,
              ).catch(() => undefined);
              if (reply?.status === 200) break;
              // A service that died cannot acknowledge anything: fail now, with its last words.
              if (service.child.exitCode !== null || service.child.signalCode !== null) {
                throw new Error(`the service exited:\n${(await service.log()).slice(-3_000)}`);
              }
              await sleep(100);
            }
            acknowledged.push(commandId);
            await sleep(30);
          }
        })();

        expect(await eventually(() => Promise.resolve(acknowledged.length >= 10), 60)).toBe(true);
        await cluster.stop('immediate');
        expect(await eventually(async () => !(await isReady(service.url)), 30)).toBe(true);
        await sleep(1_000);
        await cluster.start();
        await voting;
        expect(await eventually(() => isReady(service.url), 60)).toBe(true);
        expect(service.child.exitCode).toBeNull();

        let vote = (await readMeeting(client, session.director, session.meetingId)).votes[voteId];
        for (let i = 0; i < 300 && vote?.status !== 'counted'; i++) {
          await sleep(100);
          vote = (await readMeeting(client, session.director, session.meetingId)).votes[voteId];
        }
        expect(vote?.status).toBe('counted');
        expect(Object.values(vote?.result?.tally ?? {}).reduce((sum, n) => sum + n, 0)).toBe(49);
        expect(new Set(vote?.participants).size).toBe(49);

        const db = await openPostgres({ connectionString: cluster.url });
        try {
          const rows = await db.query('SELECT command_id FROM commands WHERE meeting_id = $1', [
            session.meetingId,
          ]);
          const handled = new Set(rows.map((row) => text(row, 'command_id')));
          expect(acknowledged.filter((id) => !handled.has(id))).toEqual([]);
        } finally {
          await db.close();
        }
      } finally {
        await tellers?.stop();
        client.close();
        await service.kill();
        await cluster.destroy();
      }
    });
  });
}
