import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { loadSealed } from '@council/shared/sealed';
import type { Queryable } from '../../bot/src/store';
import type { BenchDatabase } from '../lib/databases';
import { httpClient } from '../lib/http';
import { ceremony, proofChecksPerSec } from '../lib/proofs';
import { spawnService } from '../lib/processes';
import { quantile } from '../lib/stats';

/**
 * Single-row durable transactions on `database`, as many as the service could run at once (PGlite
 * one at a time, PostgreSQL as many as the service's pool of 10), for `durationMs`.
 */
export async function dbCommitsPerSec(database: BenchDatabase, durationMs = 3_000) {
  const db = await database.open();
  try {
    await db.query(
      'CREATE TABLE IF NOT EXISTS bench_commits (id bigserial PRIMARY KEY, note text NOT NULL)',
    );
    const writers = database.engine === 'postgres' ? 10 : 1;
    const commitOne = (tx: Queryable) =>
      tx.query('INSERT INTO bench_commits (note) VALUES ($1)', ['ballot-sized row']);
    for (let i = 0; i < 50; i++) await db.transaction(commitOne);
    let commits = 0;
    const started = performance.now();
    const until = started + durationMs;
    await Promise.all(
      Array.from({ length: writers }, async () => {
        while (performance.now() < until) {
          await db.transaction(commitOne);
          commits++;
        }
      }),
    );
    return commits / ((performance.now() - started) / 1000);
  } finally {
    await db.close();
  }
}

/**
 * Requests per second of a bare restify endpoint on the service's own setup, with the same body,
 * headers and client as a ballot: `requests` at once (at least 2,000, to be measurable), after a
 * round that opens every socket; the median of three rounds.
 */
export async function bareHttpRps(options: {
  requests: number;
  path: string;
  body: unknown;
  headers: Record<string, string>;
  workDir: string;
  maxSockets: number;
}): Promise<number> {
  const bare = await spawnService({
    entry: 'bench/bare-server.ts',
    env: { MAX_BODY_BYTES: '50000000' },
    logFile: join(options.workDir, 'bare-server.log'),
  });
  const client = httpClient(bare.url, options.maxSockets);
  const requests = Math.max(options.requests, 2_000);
  const burst = async () => {
    const started = performance.now();
    const replies = await Promise.all(
      Array.from({ length: requests }, () =>
        client.post(options.path, options.body, options.headers),
      ),
    );
    if (replies.some((reply) => reply.status !== 200)) throw new Error('the bare endpoint refused');
    return requests / ((performance.now() - started) / 1000);
  };
  try {
    await burst();
    const rates = [await burst(), await burst(), await burst()];
    return quantile(rates, 0.5);
  } finally {
    client.close();
    await bare.stop();
  }
}

/**
 * Tab ballots checked a second by the service's proof checker with nothing else running, as many
 * workers as the service starts (one per core): the most sealed ballots the API could take, since
 * the service checks every tab ballot's proofs before it enters the meeting's queue.
 */
export async function proofCheckBaseline(choices: number): Promise<number> {
  const sealed = await loadSealed();
  const { key } = ceremony(sealed);
  const context = { meetingId: 'baseline', voteId: 'baseline' };
  const ballots = Array.from({ length: 1_000 }, (_, i) =>
    sealed.encryptBallot(key.publicKey, context, i % choices, choices),
  );
  return proofChecksPerSec({
    sealed,
    publicKey: key.publicKey,
    context,
    ballots,
    choices,
    workers: availableParallelism(),
  });
}
