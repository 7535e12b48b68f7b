import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  councilFileSchema,
  meetingSetupSchema,
  setupFromCouncilFile,
  type WireCommand,
} from '../../shared/src';
import { createLogger } from '../../bot/src/log';
import { createMeetingService } from '../../bot/src/meetings/service';
import { openDb, openMeetingStore, type Db } from '../../bot/src/store';
import { audit } from './support/audit';
import { demo } from './support/service';

// Each check starts npm, tsx and a database in a child process: slow on a busy two-core machine.
jest.setTimeout(180_000);

const council = councilFileSchema.parse(demo);
const director = council.director.aadObjectId;
const [chair, ...councillors] = council.members.map((m) => m.aadObjectId);

/** A short sitting through the real command pipeline: 26 members, one motion on the first item. */
async function holdMeeting(db: Db): Promise<string> {
  const store = await openMeetingStore(db);
  try {
    const meetings = createMeetingService(store, createLogger('silent'));
    const setup = meetingSetupSchema.parse(setupFromCouncilFile(council));
    const created = await meetings.create(council.tenantId, {
      commandId: randomUUID(),
      by: director,
      command: { type: 'CreateMeeting', setup },
    });
    const must = async (by: string | undefined, command: WireCommand) => {
      const answer = await meetings.execute({
        meetingId: created.meetingId,
        commandId: randomUUID(),
        by: by ?? '',
        command,
      });
      if (!answer.ok) throw new Error(`${command.type}: ${answer.error.code}`);
    };
    await must(director, {
      type: 'ConveneMeeting',
      place: 'Council chamber',
      reason: 'Chamber under renovation',
    });
    await must(chair, { type: 'OpenMeeting' });
    for (const member of [chair, ...councillors.slice(0, 25)])
      await must(member, { type: 'CheckIn' });
    await must(chair, { type: 'NextItem' });
    await must(councillors[3], { type: 'ProposeMotion', text: 'Approve the minutes as sent' });
    return created.meetingId;
  } finally {
    await store.close();
  }
}

/** As someone with the database's keys would: around the append-only trigger, past the service. */
async function tamperInDatabase(db: Db, meetingId: string, seq: number): Promise<void> {
  try {
    await db.transaction(async (tx) => {
      await tx.query('SET LOCAL session_replication_role = replica');
      await tx.query(
        `UPDATE events SET data = jsonb_set(data, '{text}', to_jsonb(replace(data->>'text', 'sent', 'sant')))
         WHERE meeting_id = $1 AND seq = $2`,
        [meetingId, seq],
      );
    });
  } finally {
    await db.close();
  }
}

/** Changes the byte just after the first `after` on line `seq` of an export to another one. */
function changeOneByte(jsonl: string, seq: number, after: string): string {
  const lines = jsonl.split('\n');
  const line = lines[seq - 1] ?? '';
  const found = line.indexOf(after);
  if (found === -1) throw new Error(`line ${seq} has no ${after}`);
  const at = found + after.length;
  const byte = line[at] === '0' ? '1' : '0';
  lines[seq - 1] = line.slice(0, at) + byte + line.slice(at + 1);
  return lines.join('\n');
}

interface Engine {
  readonly env: NodeJS.ProcessEnv;
  open(): Promise<Db>;
  drop(): Promise<void>;
}

const { DATABASE_URL: _ignored, ...baseEnv } = process.env;

async function pgliteEngine(): Promise<Engine> {
  const dataDir = await mkdtemp(join(tmpdir(), 'audit-pglite-'));
  return {
    env: { ...baseEnv, DATA_DIR: dataDir },
    open: () => openDb({ dataDir }),
    drop: () => rm(dataDir, { recursive: true, force: true }),
  };
}

function postgresEngine(url: string): () => Promise<Engine> {
  return () =>
    Promise.resolve({
      env: { ...baseEnv, DATABASE_URL: url },
      open: () => openDb({ databaseUrl: url }),
      drop: () => Promise.resolve(),
    });
}

const engines: [string, () => Promise<Engine>][] = [
  ['PGlite in DATA_DIR', pgliteEngine],
  ...(process.env.TEST_DATABASE_URL
    ? [
        ['PostgreSQL at DATABASE_URL', postgresEngine(process.env.TEST_DATABASE_URL)] as [
          string,
          () => Promise<Engine>,
        ],
      ]
    : []),
];

describe.each(engines)('npm run audit on %s', (_name, engine) => {
  let database: Engine;
  let meetingId: string;
  let out: string;
  /** The event that proposes the motion, whose text the tampering changes. */
  let motionSeq: number;
  let lastHash: string;

  beforeAll(async () => {
    database = await engine();
    meetingId = await holdMeeting(await database.open());
    out = await mkdtemp(join(tmpdir(), 'audit-export-'));
  }, 120_000);
  afterAll(async () => {
    await database.drop();
    await rm(out, { recursive: true, force: true });
  });

  test('verify --meeting finds the chain of a meeting nobody touched intact, and exits 0', async () => {
    const run = await audit(['verify', '--meeting', meetingId], database.env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(
        `^intact: 31 events of meeting ${meetingId}; last event 31, hash [0-9a-f]{64}$`,
        'm',
      ),
    );
    lastHash = /hash ([0-9a-f]{64})/.exec(run.stdout)?.[1] ?? '';
  });

  test('export writes the events as JSON Lines and the votes as CSV; verify --file finds the export intact', async () => {
    const exported = await audit(['export', '--meeting', meetingId, '--out', out], database.env);
    expect(exported.code).toBe(0);
    const jsonl = await readFile(join(out, 'events.jsonl'), 'utf8');
    const lines = jsonl.trimEnd().split('\n');
    expect(lines).toHaveLength(31);
    motionSeq = lines.findIndex((line) => line.includes('"type":"MotionProposed"')) + 1;
    expect(motionSeq).toBe(31);
    expect(existsSync(join(out, 'votes.csv'))).toBe(true);
    const run = await audit(['verify', '--file', join(out, 'events.jsonl')], baseEnv);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`last event 31, hash ${lastHash}`);
    const paper = await audit(
      ['verify', '--file', join(out, 'events.jsonl'), '--last-hash', lastHash],
      baseEnv,
    );
    expect(paper.code).toBe(0);
  });

  const hashMismatch = 'the hash does not match the event';
  test.each([
    {
      what: 'a letter of the motion’s text',
      line: 31,
      after: 'Approve the minutes as ',
      seq: 31,
      type: 'MotionProposed',
      reason: hashMismatch,
    },
    {
      what: 'a digit of a time',
      line: 5,
      after: '"at":"',
      seq: 5,
      type: 'MemberCheckedIn',
      reason: hashMismatch,
    },
    {
      what: 'a member’s id',
      line: 7,
      after: '"member":"',
      seq: 7,
      type: 'MemberCheckedIn',
      reason: hashMismatch,
    },
    {
      what: 'a character of its hash',
      line: 10,
      after: '"hash":"',
      seq: 10,
      type: 'MemberCheckedIn',
      reason: hashMismatch,
    },
    {
      what: 'a character of the previous hash',
      line: 12,
      after: '"prevHash":"',
      seq: 12,
      type: 'MemberCheckedIn',
      reason: 'prevHash is not the previous hash',
    },
    {
      what: 'its sequence number',
      line: 20,
      after: '"seq":2',
      seq: 21,
      type: 'MemberCheckedIn',
      reason: 'a sequence number is missing',
    },
  ])(
    'changing one byte of one event in an export ($what) is caught at that event',
    async ({ line, after, seq, type, reason }) => {
      const jsonl = await readFile(join(out, 'events.jsonl'), 'utf8');
      const changed = changeOneByte(jsonl, line, after);
      expect(changed.length).toBe(jsonl.length);
      expect(changed).not.toBe(jsonl);
      const file = join(out, `tampered-${line}.jsonl`);
      await writeFile(file, changed);
      const run = await audit(['verify', '--file', file], baseEnv);
      expect(run.code).toBe(1);
      const broken = new RegExp(`^BROKEN at event ${seq} \\(${type}, [^)]+\\): ${reason}$`, 'm');
      expect(run.stdout).toMatch(broken);
    },
  );

  test('an export cut short is caught against the hash the signed minutes carry', async () => {
    const jsonl = await readFile(join(out, 'events.jsonl'), 'utf8');
    const file = join(out, 'cut.jsonl');
    await writeFile(file, jsonl.split('\n').slice(0, 30).join('\n'));
    const run = await audit(['verify', '--file', file, '--last-hash', lastHash], baseEnv);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`BROKEN at event 30: the log ends at hash`);
    const headless = join(out, 'headless.jsonl');
    await writeFile(headless, jsonl.split('\n').slice(1).join('\n'));
    const noStart = await audit(['verify', '--file', headless], baseEnv);
    expect(noStart.code).toBe(1);
    expect(noStart.stdout).toContain('the log does not start at event 1');
  });

  test('a meeting the database does not hold cannot be checked: exit 2', async () => {
    const run = await audit(['verify', '--meeting', 'no-such-meeting'], database.env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no meeting no-such-meeting');
  });

  test('changing one byte of one stored event in the database is caught at that event', async () => {
    await tamperInDatabase(await database.open(), meetingId, motionSeq);
    const run = await audit(['verify', '--meeting', meetingId], database.env);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^BROKEN at event 31 \(MotionProposed, [^)]+\): the hash does not match the event$/m,
    );
  });
});

describe('npm run audit says why it cannot check', () => {
  test('no command, no database, no file, or two sources: exit 2 with the reason', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'audit-empty-'));
    try {
      const none = await audit([], baseEnv);
      expect(none.code).toBe(2);
      expect(none.stderr).toContain('usage:');
      const missing = join(dataDir, 'nothing-here');
      const noDatabase = await audit(['verify', '--meeting', 'm'], {
        ...baseEnv,
        DATA_DIR: missing,
      });
      expect(noDatabase.code).toBe(2);
      expect(noDatabase.stderr).toContain(`no database at ${missing}`);
      expect(existsSync(missing)).toBe(false);
      const noFile = await audit(['verify', '--file', join(dataDir, 'none.jsonl')], baseEnv);
      expect(noFile.code).toBe(2);
      expect(noFile.stderr).toContain('ENOENT');
      const both = await audit(['verify', '--file', 'x', '--meeting', 'y'], baseEnv);
      expect(both.code).toBe(2);
      expect(both.stderr).toContain('either --meeting or --file');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  test('a line that is not JSON breaks the log at that line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'audit-bad-'));
    try {
      const file = join(dir, 'events.jsonl');
      await writeFile(file, '{"meetingId":"m","seq":1\n');
      const run = await audit(['verify', '--file', file], baseEnv);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('BROKEN at line 1: the line is not JSON');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
