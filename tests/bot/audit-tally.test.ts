import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TallyRecord } from '@council/shared/sealed';
import { evidenceOf } from '../../bot/src/meetings/tally-record';
import type { BenchDatabase } from '../../bench/lib/databases';
import { spawnService } from '../../bench/lib/processes';
import { serviceDatabases, workFolder } from '../faults/support/databases';
import { holdSecretVotes, type Sitting } from '../faults/support/secret-votes';
import { altered, ceremony, context, loadBoth } from '../shared/sealed/support';
import { audit } from './support/audit';

// Each check starts npm, tsx and libsodium in a child process: slow on a busy two-core machine.
jest.setTimeout(180_000);

const choices = ['yes', 'no', 'abstain'];
/** What the members chose, by choice index: 4 yes, 2 no, 1 abstain. */
const cast = [0, 1, 0, 2, 0, 1, 0];

/** A counted vote as the service publishes it: 2 of 3 trustees released their shares. */
async function countedRecord(): Promise<TallyRecord> {
  const { sealed } = await loadBoth();
  const held = ceremony(sealed, 3, 2);
  const ballots = cast.map((choice) =>
    sealed.encryptBallot(held.key.publicKey, context, choice, choices.length),
  );
  const aggregate = sealed.aggregate(ballots, choices.length);
  const partials = Object.fromEntries(
    held.trustees
      .slice(1)
      .map((trustee) => [
        trustee.member,
        sealed.decryptShare(held.shares[trustee.member] ?? '', trustee, aggregate, context),
      ]),
  );
  const counts = sealed.combine(held.key, aggregate, partials, context);
  return {
    context,
    choices,
    threshold: held.threshold,
    trustees: held.trustees,
    commitments: held.commitments,
    ballots,
    aggregate,
    partials,
    tally: Object.fromEntries(choices.map((choice, i) => [choice, counts[i] ?? 0])),
  };
}

describe('npm run audit -- verify-tally --file', () => {
  let folder: string;
  let record: TallyRecord;
  const { DATABASE_URL: _ignored, ...env } = process.env;

  const check = async (name: string, contents: unknown) => {
    const file = join(folder, name);
    await writeFile(file, typeof contents === 'string' ? contents : JSON.stringify(contents));
    return audit(['verify-tally', '--file', file], env);
  };

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'audit-tally-'));
    record = await countedRecord();
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  test('a tally record nobody touched is verified, with its totals, and exits 0', async () => {
    expect(record.tally).toEqual({ yes: 4, no: 2, abstain: 1 });
    const run = await check('intact.json', record);
    const totals = 'yes 4, no 2, abstain 1';
    expect(run.stdout).toBe(
      `verified: vote ${context.voteId}, 7 ballots: ${totals}; evidence ${evidenceOf(record)}\n`,
    );
    expect(run.code).toBe(0);
  });

  test('a count changed in the tally is not verified: exit 1, the choice named', async () => {
    const run = await check('tally.json', { ...record, tally: { ...record.tally, no: 3 } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`NOT VERIFIED: vote ${context.voteId}`);
    expect(run.stdout).toContain('the tally gives no 3, the ciphertexts 2');
  });

  test('a ballot taken off the board is found: the aggregate no longer adds up', async () => {
    const run = await check('short.json', { ...record, ballots: record.ballots.slice(1) });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('the aggregate says 7 ballots, the board holds 6');
    expect(run.stdout).toContain('the aggregate was not added from this board');
  });

  test('a ballot whose proof was altered is named by its tracker', async () => {
    const { sealed, group } = await loadBoth();
    const [first, ...rest] = record.ballots;
    if (!first) throw new Error('no ballot');
    const forged = { ...first, sum: { ...first.sum, z: altered(group, 'scalar', first.sum.z) } };
    const run = await check('proof.json', { ...record, ballots: [forged, ...rest] });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`ballot ${sealed.tracker(forged)} (1 on the board)`);
    expect(run.stdout).toContain('its proofs do not verify');
  });

  test('a partial decryption made with another trustee’s share is refused by its proof', async () => {
    const [, second, third] = record.trustees;
    if (!second || !third) throw new Error('three trustees expected');
    const partials = { ...record.partials, [second.member]: record.partials[third.member] };
    const run = await check('partial.json', { ...record, partials });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `the partial decryption by ${second.member} does not verify against their key`,
    );
    expect(run.stdout).toContain('1 valid partial decryptions, 2 needed');
  });

  test('a file that is not a tally record is not verified, and says why', async () => {
    const notJson = await check('broken.json', '{"context":');
    expect(notJson.code).toBe(1);
    expect(notJson.stdout).toContain('the file is not JSON');
    const { aggregate: _dropped, ...partial } = record;
    const missing = await check('missing.json', partial);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('aggregate is not as a tally record has it');
  });
});

/** As someone with the database's keys would: around the append-only trigger. */
async function asOwner(database: BenchDatabase, sql: string, params: unknown[]): Promise<void> {
  const db = await database.open();
  try {
    await db.transaction(async (tx) => {
      await tx.query('SET LOCAL session_replication_role = replica');
      await tx.query(sql, params);
    });
  } finally {
    await db.close();
  }
}

describe.each(serviceDatabases())('npm run audit -- verify-tally --meeting on %s', (_e, fresh) => {
  const { DATABASE_URL: _ignored, ...baseEnv } = process.env;

  test('every counted sealed vote of a meeting is verified from its log and its board; a changed evidence hash and a ballot taken out of the table are found', async () => {
    const database = await fresh();
    const env = { ...baseEnv, ...database.env };
    try {
      const service = await spawnService({
        env: database.env,
        logFile: join(await workFolder(), 'service.log'),
      });
      let sitting: Sitting;
      try {
        sitting = await holdSecretVotes(service, 15, 1);
      } finally {
        await service.stop();
      }
      const [truth] = sitting.truths;
      if (!truth) throw new Error('no vote was held');
      const { meetingId } = sitting;
      const totals = truth.choices
        .map((choice) => `${choice} ${sitting.totals.get(truth.voteId)?.[choice] ?? 0}`)
        .join(', ');
      const intact = await audit(['verify-tally', '--meeting', meetingId], env);
      const verified = `verified: vote ${truth.voteId}, ${truth.ballots.size} ballots: ${totals}`;
      expect(intact.stdout).toMatch(new RegExp(`^${verified}; evidence [0-9a-f]{64}\\n$`));
      expect(intact.code).toBe(0);
      const evidence = intact.stdout.trim().slice(-64);

      const zeros = '0'.repeat(64);
      await asOwner(
        database,
        `UPDATE events SET data = jsonb_set(data, '{result,evidence}', to_jsonb($3::text))
         WHERE meeting_id = $1 AND type = 'VoteCounted' AND data->>'voteId' = $2`,
        [meetingId, truth.voteId, zeros],
      );
      const rehashed = await audit(['verify-tally', '--meeting', meetingId], env);
      expect(rehashed.code).toBe(1);
      expect(rehashed.stdout).toContain(
        `the record hashes to ${evidence}, the count kept ${zeros}`,
      );

      await asOwner(
        database,
        `DELETE FROM sealed_ballots
         WHERE ctid IN (SELECT ctid FROM sealed_ballots WHERE vote_id = $1 LIMIT 1)`,
        [truth.voteId],
      );
      const short = await audit(['verify-tally', '--meeting', meetingId], env);
      expect(short.code).toBe(1);
      expect(short.stdout).toContain(`NOT VERIFIED: vote ${truth.voteId}`);
      const size = truth.ballots.size;
      expect(short.stdout).toContain(
        `the board holds ${size - 1} ballots, but ${size} members took part`,
      );
      expect(short.stdout).toContain('the aggregate was not added from this board');
    } finally {
      await database.drop();
    }
  });
});
