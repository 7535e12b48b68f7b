/**
 * `npm run audit -- verify --meeting <id>` checks a meeting's hash chain on the configured database
 * (DATABASE_URL, or the PGlite folder DATA_DIR); `verify --file <events.jsonl>` checks an export,
 * with no database at all. `export --meeting <id> --out <dir>` writes events.jsonl and votes.csv.
 * `--last-hash <hex>` also checks that the log ends at the event whose hash the signed minutes carry.
 * Exit status: 0 intact, 1 broken, 2 the check could not be made.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Event } from '@council/shared';
import { parseConfig } from '../config';
import { openDb, openMeetingStore, type MeetingStore } from '../store';
import { eventsJsonl, votesCsv } from './export';
import { describeVerdict, parseEventsJsonl, verifyChain, type Verdict } from './verify';

const usage = `usage:
  npm run audit -- verify --meeting <id> [--last-hash <hex>]
  npm run audit -- verify --file <events.jsonl> [--last-hash <hex>]
  npm run audit -- export --meeting <id> --out <dir>`;

class UsageError extends Error {}

async function openStore(): Promise<MeetingStore> {
  const config = parseConfig(process.env);
  // Opening PGlite on a folder that does not exist would create an empty database there.
  if (!config.DATABASE_URL && !existsSync(config.DATA_DIR)) {
    throw new UsageError(`no database at ${config.DATA_DIR}: set DATABASE_URL or DATA_DIR`);
  }
  return openMeetingStore(
    await openDb({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR }),
  );
}

async function withMeeting<T>(
  meetingId: string,
  use: (store: MeetingStore) => Promise<T>,
): Promise<T> {
  const store = await openStore();
  try {
    if (!(await store.findMeeting(meetingId))) throw new UsageError(`no meeting ${meetingId}`);
    return await use(store);
  } finally {
    await store.close();
  }
}

function withLastHash(verdict: Verdict, lastHash: string | undefined): Verdict {
  if (!verdict.intact || lastHash === undefined || verdict.lastHash === lastHash.toLowerCase()) {
    return verdict;
  }
  return {
    intact: false,
    where: `event ${verdict.lastSeq}`,
    reason: `the log ends at hash ${verdict.lastHash}, not at ${lastHash}`,
  };
}

async function verify(options: { meeting?: string; file?: string }): Promise<Verdict> {
  if (options.file !== undefined && options.meeting === undefined) {
    const events = parseEventsJsonl(await readFile(options.file, 'utf8'));
    return Array.isArray(events) ? verifyChain(events) : events;
  }
  if (options.meeting !== undefined && options.file === undefined) {
    return withMeeting(options.meeting, async (store) =>
      verifyChain(await store.readEvents(options.meeting ?? '')),
    );
  }
  throw new UsageError('verify takes either --meeting or --file');
}

async function exportMeeting(meetingId: string, out: string): Promise<Verdict> {
  return withMeeting(meetingId, async (store) => {
    const stored = await store.readEvents(meetingId);
    await mkdir(out, { recursive: true });
    await writeFile(join(out, 'events.jsonl'), eventsJsonl(stored));
    await writeFile(join(out, 'votes.csv'), votesCsv(stored.map((row) => row.data as Event)));
    return verifyChain(stored);
  });
}

async function main(argv: readonly string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      meeting: { type: 'string' },
      file: { type: 'string' },
      out: { type: 'string' },
      'last-hash': { type: 'string' },
    },
  });
  const [command, ...rest] = positionals;
  if (rest.length > 0) throw new UsageError(`unexpected ${rest.join(' ')}`);
  let verdict: Verdict;
  if (command === 'verify') {
    verdict = withLastHash(await verify(values), values['last-hash']);
  } else if (command === 'export' && values.meeting && values.out) {
    verdict = await exportMeeting(values.meeting, values.out);
    process.stdout.write(`wrote events.jsonl and votes.csv to ${values.out}\n`);
  } else {
    throw new UsageError(command ? `cannot ${command} with these options` : 'no command');
  }
  process.stdout.write(`${describeVerdict(verdict)}\n`);
  return verdict.intact ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
        ? `${message}\n${usage}\n`
        : `audit failed: ${message}\n`,
    );
    process.exitCode = 2;
  },
);
