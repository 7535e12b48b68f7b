/**
 * `npm run audit -- verify --meeting <id>` checks a meeting's hash chain on the configured database
 * (DATABASE_URL, or the PGlite folder DATA_DIR); `verify --file <events.jsonl>` checks an export,
 * with no database at all. `export --meeting <id> --out <dir>` writes events.jsonl and votes.csv.
 * `--last-hash <hex>` also checks that the log ends at the event whose hash the signed minutes carry.
 * `verify-tally --meeting <id>` checks every counted secret vote of a meeting from its log and the
 * sealed ballots' table, `verify-tally --file <tally-record.json>` one published tally record.
 * `verify-minutes --file <minutes.pdf> [--meeting <id>]` checks the seal of signed minutes, and
 * with the database that the file, the approvals and their hashes are those the log records.
 * `verify-publications --meeting <id> [--out <dir>]` checks that the bytes kept for each entry of the
 * register of publications have the SHA-256 it records, and the chain; then renders each document
 * again from the log (the origin is PUBLIC_URL's, as served): a page this code renders otherwise,
 * its kept bytes intact, is listed as such (the templates changed) and is no failure. `--out`
 * writes the kept bytes of each entry.
 * Exit status: 0 intact (verified), 1 broken (not verified), 2 the check could not be made.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fold, type Event } from '@council/shared';
import { loadSealed } from '@council/shared/sealed';
import { parseConfig } from '../config';
import { openDb, openMeetingStore, type MeetingStore } from '../store';
import { tallyRecordOf } from '../meetings/tally-record';
import { eventsJsonl, votesCsv } from './export';
import { describeMinutes, verifyMinutes, type MinutesVerdict } from './minutes';
import { publicationOrigin } from '../public/link';
import { describePublications, verifyPublications, type PublicationsVerdict } from './publications';
import { checkTally, describeTally, parseTallyRecord, type VoteVerdict } from './tally';
import { describeVerdict, parseEventsJsonl, verifyChain, type Verdict } from './verify';

const usage = `usage:
  npm run audit -- verify --meeting <id> [--last-hash <hex>]
  npm run audit -- verify --file <events.jsonl> [--last-hash <hex>]
  npm run audit -- export --meeting <id> --out <dir>
  npm run audit -- verify-tally --meeting <id> [--vote <id>]
  npm run audit -- verify-tally --file <tally-record.json>
  npm run audit -- verify-minutes --file <minutes.pdf> [--meeting <id>]
  npm run audit -- verify-publications --meeting <id> [--out <dir>]
verify-publications: exit 0 when every page the register records is kept with its hash and the
chain is intact (a page this code re-renders differently is listed as intact: the templates
changed since), 1 when a kept page is altered (or missing, and rendered otherwise), an entry is
impossible or the chain is broken, 2 when the check could not be made.`;

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

async function verifyTallies(options: {
  meeting?: string;
  file?: string;
  vote?: string;
}): Promise<VoteVerdict[]> {
  const sealed = await loadSealed();
  if (options.file !== undefined && options.meeting === undefined) {
    const record = parseTallyRecord(await readFile(options.file, 'utf8'));
    if (typeof record !== 'string') return [checkTally(sealed, record)];
    return [
      { voteId: options.file, ok: false, problems: [record], ballots: 0, counts: {}, evidence: '' },
    ];
  }
  const meetingId = options.meeting;
  if (meetingId === undefined || options.file !== undefined) {
    throw new UsageError('verify-tally takes either --meeting or --file');
  }
  return withMeeting(meetingId, async (store) => {
    const meeting = fold((await store.readEvents(meetingId)).map((row) => row.data as Event));
    if (meeting.status === 'none') return [];
    const verdicts: VoteVerdict[] = [];
    for (const vote of Object.values(meeting.votes)) {
      if (options.vote !== undefined && vote.id !== options.vote) continue;
      // Counted from a sealed box: votes counted by the counter box before it have no record.
      if (!vote.sealed?.aggregate || !vote.result) continue;
      const board = await store.board(vote.id);
      const record = tallyRecordOf(meetingId, meeting, vote, board, vote.result.tally);
      const logged = { participants: vote.participants.length, evidence: vote.sealed.evidence };
      verdicts.push(checkTally(sealed, record, logged));
    }
    if (verdicts.length === 0) {
      throw new UsageError(`no counted sealed ballot box in meeting ${meetingId}`);
    }
    return verdicts;
  });
}

async function verifySealedMinutes(options: {
  meeting?: string;
  file?: string;
}): Promise<MinutesVerdict> {
  if (options.file === undefined) throw new UsageError('verify-minutes takes --file');
  const pdf = await readFile(options.file);
  const meetingId = options.meeting;
  if (meetingId === undefined) return verifyMinutes(pdf);
  return withMeeting(meetingId, async (store) =>
    verifyMinutes(pdf, await store.readEvents(meetingId)),
  );
}

/** Each entry's kept bytes, when they are those it records: event-<seq>-<document>.html. */
async function writeKeptPages(verdict: PublicationsVerdict, out: string): Promise<number> {
  await mkdir(out, { recursive: true });
  let written = 0;
  for (const { seq, path, page } of verdict.entries) {
    if (!page) continue;
    // The path after /public/{municipality}/{meeting}, its "/" made "-": a name, never a folder.
    const document = path.split('/').slice(4).join('-');
    await writeFile(join(out, `event-${seq}-${document}.html`), page);
    written += 1;
  }
  return written;
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
      vote: { type: 'string' },
    },
  });
  const [command, ...rest] = positionals;
  if (rest.length > 0) throw new UsageError(`unexpected ${rest.join(' ')}`);
  if (command === 'verify-minutes') {
    const verdict = await verifySealedMinutes(values);
    process.stdout.write(`${describeMinutes(verdict)}\n`);
    return verdict.ok ? 0 : 1;
  }
  if (command === 'verify-publications') {
    const meetingId = values.meeting;
    if (meetingId === undefined || values.file !== undefined) {
      throw new UsageError('verify-publications takes --meeting');
    }
    const origin = publicationOrigin(parseConfig(process.env));
    const verdict = await withMeeting(meetingId, async (store) =>
      verifyPublications(await store.readEvents(meetingId), origin, (hash) =>
        store.publishedPages.find(meetingId, hash),
      ),
    );
    process.stdout.write(`${describePublications(verdict)}\n`);
    if (values.out !== undefined) {
      const written = await writeKeptPages(verdict, values.out);
      process.stdout.write(`wrote ${written} kept page(s) to ${values.out}\n`);
    }
    return verdict.ok ? 0 : 1;
  }
  if (command === 'verify-tally') {
    const verdicts = await verifyTallies(values);
    process.stdout.write(verdicts.map((v) => `${describeTally(v)}\n`).join(''));
    return verdicts.every((v) => v.ok) ? 0 : 1;
  }
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
