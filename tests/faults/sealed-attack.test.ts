/**
 * The security review's attack (issue 15), against the sealed ballot box: after secret votes with
 * random choices, some sealed in the member's tab and some sent in clear as a card sends them, a
 * reader of the database reads every table, every row version still on the pages (pageinspect), the
 * write-ahead log (pg_waldump) and a dump, joins each member's participation to the rows its
 * transaction wrote, as the review did, and tries every value of 32 bytes the database and the
 * service's configuration hold as the key. The join still finds each member's ciphertext; nothing
 * it finds names a choice, and no ciphertext opens.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pageinspect } from '@electric-sql/pglite/contrib/pageinspect';
import type { Ciphertext, SealedBallot } from '@council/shared/sealed';
import { openPostgres, pgliteDb, type Db } from '../../bot/src/store';
import { loadTestLimits, spawnService } from '../../bench/lib/processes';
import { loadBoth } from '../shared/sealed/support';
import { postgresBin, throwawayCluster, type Cluster } from './support/cluster';
import { serviceDatabases, workFolder } from './support/databases';
import { keyTester, storedScalars } from './support/key-material';
import {
  indexKeys,
  liveRows,
  rowVersions,
  type LiveRow,
  type RowVersion,
} from './support/row-versions';
import { scanPairings, type ScanRecord, type SecretVoteTruth } from './support/secrecy-scan';
import { holdSecretVotes, type Sitting } from './support/secret-votes';

jest.setTimeout(600_000);

/** What the join finds: the transactions that registered a ballot, and what else each wrote. */
function ballotTransactions(rows: readonly LiveRow[], votes: ReadonlySet<string>): Set<string> {
  return new Set(
    rows
      .filter((r) => r.table === 'ballot_participation' && votes.has(String(r.row.vote_id)))
      .map((r) => r.xmin),
  );
}

const word = (choice: string) =>
  new RegExp(`(^|[^\\w-])${choice.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w-])`);

/** The choices of the secret votes, as whole words in text written by a ballot's transaction. */
function choicesNamed(text: string, truths: readonly SecretVoteTruth[]): string[] {
  const choices = new Set(truths.flatMap((t) => t.choices));
  return [...choices].filter((choice) => word(choice).test(text));
}

interface Reading {
  readonly rows: readonly LiveRow[];
  readonly versions: readonly RowVersion[];
  /** Other records a reader has: a dump, the service's log and settings. */
  readonly records: readonly ScanRecord[];
  /** Bytes with no structure to scan for pairings (files, WAL records): searched for keys only. */
  readonly material: readonly string[];
  /** The keys of every B-tree index entry: searched for keys too. */
  readonly indexKeys: readonly Buffer[];
  /** The WAL records of ballot transactions, as raw text, when the WAL could be read. */
  readonly wal?: {
    readonly linked: number;
    readonly records: readonly { tx: string; text: string }[];
    readonly withPageImages: number;
  };
}

/**
 * The attack's findings: pairings in what can be read as records, choices in what a ballot's
 * transaction wrote (rows, row versions, WAL records), and keys that open a ballot or a total.
 */
async function attack(sitting: Sitting, reading: Reading) {
  const { sealed, group } = await loadBoth();
  const votes = new Set(sitting.truths.map((t) => t.voteId));
  const transactions = ballotTransactions(reading.rows, votes);
  const ballots = reading.rows.filter((r) => r.table === 'sealed_ballots');

  const voters = new Map(
    sitting.truths.flatMap((t) => [...t.ballots.keys()]).map((id) => [id, { identifiers: [id] }]),
  );
  const pairings = scanPairings(
    [
      ...reading.rows.map((r, i) => ({ source: `${r.table} #${i}`, text: JSON.stringify(r.row) })),
      ...reading.records,
    ],
    sitting.truths,
    voters,
  );

  const named = [
    ...reading.rows
      .filter((r) => transactions.has(r.xmin))
      .map((r) => ({ where: `row of ${r.table}`, text: JSON.stringify(r.row) })),
    ...reading.versions
      .filter((v) => transactions.has(v.xmin))
      .map((v) => ({ where: `row version in ${v.relation}`, text: v.bytes.toString('latin1') })),
    ...(reading.wal?.records ?? []).map((r) => ({ where: `WAL of tx ${r.tx}`, text: r.text })),
  ].flatMap(({ where, text }) =>
    choicesNamed(text, sitting.truths).map((choice) => `${where} names ${choice}`),
  );

  const keys = storedScalars(group, [
    ...reading.rows.map((r) => JSON.stringify(r.row)),
    ...reading.versions.map((v) => v.bytes.toString('latin1')),
    ...reading.records.map((r) => r.text),
    ...reading.material,
    ...reading.indexKeys.map((key) => key.toString('latin1')),
  ]);
  const opens = keyTester(group);
  const targets: { ciphertext: Ciphertext; plaintexts: number[] }[] = [];
  for (const truth of sitting.truths) {
    const board = ballots
      .filter((r) => r.row.vote_id === truth.voteId)
      .map((r) => r.row.ballot as SealedBallot);
    for (const ballot of board.slice(0, 3)) {
      for (const choice of ballot.choices)
        targets.push({ ciphertext: choice.ciphertext, plaintexts: [0, 1] });
    }
    const total = sealed.aggregate(board, truth.choices.length);
    const counted = sitting.totals.get(truth.voteId) ?? {};
    total.ciphertexts.forEach((ciphertext, i) =>
      targets.push({ ciphertext, plaintexts: [counted[truth.choices[i] ?? ''] ?? 0] }),
    );
  }
  const opened = [...keys].flatMap(([key, scalar]) =>
    targets
      .filter((t) => opens(scalar, t.ciphertext, t.plaintexts))
      .map(() => `the stored value ${key} opens a ciphertext`),
  );

  // Transactions that wrote one member's participation and one ciphertext: an exact link.
  const exact = [...transactions].filter(
    (tx) =>
      reading.rows.filter((r) => r.xmin === tx && r.table === 'ballot_participation').length ===
        1 && ballots.filter((r) => r.xmin === tx).length === 1,
  ).length;

  return { transactions, ballots, exact, pairings, named, keys, opened };
}

function expectNothingLinked(
  sitting: Sitting,
  reading: Reading,
  found: Awaited<ReturnType<typeof attack>>,
) {
  const cast = sitting.truths.reduce((n, t) => n + t.ballots.size, 0);
  // The reader had the material: every ballot, and the trustees' shares gave the true totals.
  expect(found.ballots).toHaveLength(cast);
  for (const truth of sitting.truths) {
    const counts = Object.fromEntries(truth.choices.map((c) => [c, 0]));
    for (const choice of truth.ballots.values()) counts[choice] = (counts[choice] ?? 0) + 1;
    expect(sitting.totals.get(truth.voteId)).toEqual(counts);
  }
  // The join works as in the review: each sealed ballot was written by a ballot's transaction.
  expect(found.ballots.every((r) => found.transactions.has(r.xmin))).toBe(true);
  expect(found.exact).toBeGreaterThanOrEqual(sitting.truths.at(-1)?.ballots.size ?? 1);
  expect(reading.versions.length).toBeGreaterThan(reading.rows.length / 2);
  // pageinspect read the pages themselves: every live row of the box and the register is there.
  for (const table of ['sealed_ballots', 'ballot_participation']) {
    const onPages = new Set(
      reading.versions.filter((v) => v.relation === `"${table}"`).map((v) => v.xmin),
    );
    const live = reading.rows.filter((r) => r.table === table);
    expect(live.filter((r) => !onPages.has(r.xmin))).toEqual([]);
  }
  // Each ballot has an entry in the register's key and one in the box's, at least.
  expect(reading.indexKeys.length).toBeGreaterThan(2 * cast);
  expect(found.keys.size).toBeGreaterThan(cast * 10);
  expect({
    pairings: found.pairings.slice(0, 5),
    named: found.named.slice(0, 5),
    opened: found.opened.slice(0, 5),
  }).toEqual({ pairings: [], named: [], opened: [] });
}

test('the key check opens a ciphertext with its key, and not with another', async () => {
  const { sealed, group } = await loadBoth();
  const opens = keyTester(group);
  const key = group.randomScalar();
  const ballot = sealed.encryptBallot(
    group.encode(group.base(key)),
    { meetingId: 'm', voteId: 'v' },
    1,
    2,
  );
  const [zero, one] = ballot.choices.map((c) => c.ciphertext) as [Ciphertext, Ciphertext];
  expect(opens(key, one, [1])).toBe(true);
  expect(opens(key, zero, [0])).toBe(true);
  expect(opens(key, one, [0])).toBe(false);
  expect(opens(group.randomScalar(), one, [0, 1])).toBe(false);
  const stored = storedScalars(group, [JSON.stringify({ kept: group.encode(key) })]);
  expect([...stored.values()].some((s) => opens(s, one, [1]))).toBe(true);
});

test('the join names a choice that a ballot’s transaction wrote, as the counter box did', async () => {
  const truth = { voteId: 'v1', choices: ['yes', 'no'], ballots: new Map([['ana-0001', 'no']]) };
  const counter = Buffer.from('\u0000v1\u0000no\u0000\u0007', 'latin1');
  const found = await attack(
    { meetingId: 'm', truths: [truth], totals: new Map([['v1', { yes: 0, no: 1 }]]) },
    {
      rows: [
        {
          table: 'ballot_participation',
          xmin: '731',
          row: { vote_id: 'v1', member_id: 'ana-0001' },
        },
      ],
      versions: [{ relation: '"ballot_counters"', block: 0, xmin: '731', bytes: counter }],
      records: [],
      material: [],
      indexKeys: [],
    },
  );
  expect(found.named).toEqual(['row version in "ballot_counters" names no']);
});

const seed = Number(process.env.SECRECY_SEED ?? Math.floor(Math.random() * 2 ** 31));

/** A failure says which seed replays it, in its message and on a line of its own. */
async function replayable(run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    const replay = `SECRECY_SEED=${seed} replays this run`;
    console.error(replay);
    if (error instanceof Error) {
      error.message = `${replay}\n${error.message}`;
      if (error.stack) error.stack = `${replay}\n${error.stack}`;
    }
    throw error;
  }
}

describe.each(serviceDatabases().filter(([engine]) => engine === 'PGlite'))(
  'the review’s attack on %s',
  (_engine, freshDatabase) => {
    test('every table, every row version and the data folder: the join finds each ciphertext, and none opens', () =>
      replayable(async () => {
        const database = await freshDatabase();
        const env = { ...database.env, LOG_LEVEL: 'info' };
        const logFile = join(await workFolder(), 'service.log');
        const service = await spawnService({ env, logFile });
        let sitting: Sitting;
        try {
          sitting = await holdSecretVotes(service, seed, 2);
        } finally {
          await service.stop();
        }
        const dataDir = database.env.DATA_DIR ?? '';
        const db = pgliteDb(await PGlite.create(dataDir, { extensions: { pageinspect } }));
        try {
          const reading: Reading = {
            rows: await liveRows(db),
            versions: await rowVersions(db),
            material: await folderFiles(dataDir),
            indexKeys: await indexKeys(db),
            records: [
              { source: 'service log', text: await readFile(logFile, 'utf8') },
              { source: 'service settings', text: JSON.stringify({ ...loadTestLimits, ...env }) },
            ],
          };
          expectNothingLinked(sitting, reading, await attack(sitting, reading));
        } finally {
          await db.close();
          await database.drop();
        }
      }));
  },
);

const bin = postgresBin();
if (bin) {
  describe('the review’s attack on PostgreSQL', () => {
    test('every table, every row version, the WAL and a dump: the join finds each ciphertext, and none opens', () =>
      replayable(async () => {
        const cluster = await throwawayCluster(bin);
        const env = { DATABASE_URL: cluster.url, LOG_LEVEL: 'info' };
        const logFile = join(await workFolder(), 'service.log');
        try {
          const service = await spawnService({ env, logFile });
          let sitting: Sitting;
          try {
            sitting = await holdSecretVotes(service, seed, 2);
          } finally {
            await service.stop();
          }
          const db = await openPostgres({ connectionString: cluster.url });
          let rows: LiveRow[];
          let versions: RowVersion[];
          let keys: Buffer[];
          let files: Map<string, string>;
          try {
            rows = await liveRows(db);
            versions = await rowVersions(db, 'cluster');
            keys = await indexKeys(db);
            files = await fileNodes(db);
          } finally {
            await db.close();
          }
          const port = new URL(cluster.url).port;
          const dump = await cluster.tool('pg_dump', [
            '-h',
            '127.0.0.1',
            '-p',
            port,
            '-U',
            'postgres',
            'postgres',
          ]);
          await cluster.stop('fast');
          const transactions = ballotTransactions(
            rows,
            new Set(sitting.truths.map((t) => t.voteId)),
          );
          const wal = await readWal(cluster, transactions, files);
          const reading: Reading = {
            rows,
            versions,
            wal,
            material: wal.records.map((r) => r.text),
            indexKeys: keys,
            records: [
              ...dumpFields(dump.stdout),
              { source: 'service log', text: await readFile(logFile, 'utf8') },
              { source: 'service settings', text: JSON.stringify({ ...loadTestLimits, ...env }) },
            ],
          };
          // The WAL links them too: one transaction inserts the participation and the ciphertext.
          expect(wal.linked).toBeGreaterThan(0);
          // Every table of the cluster's database was read page by page, the catalogs' too.
          expect(versions.some((v) => v.relation.startsWith('pg_catalog.'))).toBe(true);
          expectNothingLinked(sitting, reading, await attack(sitting, reading));
        } finally {
          await cluster.destroy();
        }
      }));
  });
}

/** Each field of each row of a plain-text pg_dump, as a record (JSON where it is JSON). */
function dumpFields(dump: string): ScanRecord[] {
  return dump
    .split('\n')
    .flatMap((line, n) =>
      line.split('\t').map((text, i) => ({ source: `pg_dump line ${n + 1} field ${i + 1}`, text })),
    );
}

/** Every file of a PGlite folder (its heap files, its WAL), as bytes read as text. */
async function folderFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => {
        const path = join(entry.parentPath, entry.name);
        return (await readFile(path)).toString('latin1');
      }),
  );
}

/** The file node of each table, which WAL records name. */
async function fileNodes(db: Db): Promise<Map<string, string>> {
  const rows = await db.query(
    `SELECT relname, pg_relation_filenode(oid)::text AS node FROM pg_class
     WHERE relnamespace = current_schema()::regnamespace AND relkind = 'r'`,
  );
  return new Map(rows.map((row) => [String(row.node), String(row.relname)]));
}

const walRecord =
  /^rmgr: \w+\s+len \(rec\/tot\):\s*\d+\/\s*(\d+), tx:\s*(\d+), lsn: ([0-9A-F]+)\/([0-9A-F]+), prev [^,]+, desc: (.*)$/;
const SEGMENT = 16 * 1024 * 1024;

/**
 * pg_waldump's listing of the whole WAL, and the bytes of each record of a ballot's transaction
 * read from the segment files. A record carrying a full-page image holds other transactions' rows
 * too (the page as it stood): those are counted, and their pages are what pageinspect reads.
 */
async function readWal(
  cluster: Cluster,
  transactions: ReadonlySet<string>,
  files: ReadonlyMap<string, string>,
) {
  const folder = join(cluster.data, 'pg_wal');
  const segments = (await readdir(folder)).filter((name) => /^[0-9A-F]{24}$/.test(name)).sort();
  const listing = await cluster
    .tool('pg_waldump', ['-p', folder, segments[0] ?? ''])
    .catch((error: unknown) => ({ stdout: (error as { stdout?: string }).stdout ?? '' }));
  const records: { tx: string; text: string }[] = [];
  const tables = new Map<string, Set<string>>();
  let withPageImages = 0;
  for (const line of listing.stdout.split('\n')) {
    const match = walRecord.exec(line);
    if (!match) continue;
    const [, total, tx, high, low, desc] = match as unknown as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    if (!transactions.has(tx)) continue;
    for (const [, node] of desc.matchAll(/rel \d+\/\d+\/(\d+)/g)) {
      const table = files.get(node ?? '');
      if (table) tables.set(tx, (tables.get(tx) ?? new Set()).add(table));
    }
    if (desc.includes('FPW')) {
      withPageImages++;
      continue;
    }
    const lsn = BigInt(`0x${high}`) * 2n ** 32n + BigInt(`0x${low}`);
    const segment = lsn / BigInt(SEGMENT);
    const name = `00000001${(segment / 256n).toString(16).toUpperCase().padStart(8, '0')}${(segment % 256n).toString(16).toUpperCase().padStart(8, '0')}`;
    const bytes = await readFile(join(folder, name));
    const at = Number(lsn % BigInt(SEGMENT));
    records.push({ tx, text: bytes.subarray(at, at + Number(total) + 64).toString('latin1') });
  }
  const linked = [...tables.values()].filter(
    (t) => t.has('ballot_participation') && t.has('sealed_ballots'),
  ).length;
  return { linked, records, withPageImages };
}
