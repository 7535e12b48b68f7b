/**
 * `npm run demo -- --out DIR [--language fr|nl|de|en]`: the demo council holds a whole sitting
 * through the real service, on a loopback port with an in-memory database and dev sign-in, its
 * meeting chat spoken to over the bot protocol (a recording connector on loopback stands in for
 * Teams' Bot Connector); then DIR gets the director's minutes.pdf, the event log (events.jsonl)
 * and the votes (votes.csv), in the language asked for (French by default), and DIR/public/ the
 * sitting's public documents with their RDFa (the linked publication). What a city looks at
 * before adopting the app, and a smoke test of the whole service.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { councilFileSchema, isLanguage, type Event } from '@council/shared';
import { eventsJsonl, votesCsv } from '../audit/export';
import { createAuthenticator } from '../auth';
import { parseConfig } from '../config';
import { createServer } from '../http/server';
import { createLogger } from '../log';
import { openDb, openMeetingStore } from '../store';
import { teamsChat } from '../teams';
import { meetingChat } from './chat';
import { councilApi, type Person } from './client';
import { startRecordingConnector } from './connector';
import { chatPerson } from './teams';
import { runSampleMeeting, sampleCouncil } from './script';
import { signMinutes } from './signing';
import { writePublicDocuments } from './publication';
import { publicationOrigin } from '../public/link';

const CONVENED_DAYS_AHEAD = 10;

const councilFile = new URL('../../fixtures/council-demo.json', import.meta.url);

/** Starts ten days before the sitting, when it is convened; each step takes a second and a half. */
function scriptedClock(start: Date) {
  let time = start.getTime() - CONVENED_DAYS_AHEAD * 86_400_000;
  return {
    now: (): Date => {
      const at = new Date(time);
      time += 1_500;
      return at;
    },
    advance: (minutes: number): void => {
      time += minutes * 60_000;
    },
    advanceTo: (iso: string): void => {
      time = Math.max(time, new Date(iso).getTime());
    },
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { out: { type: 'string' }, language: { type: 'string' } },
  });
  const out = values.out;
  const language = values.language ?? 'fr';
  if (!out || !isLanguage(language)) {
    throw new Error('usage: npm run demo -- --out DIR [--language fr|nl|de|en]');
  }
  const file = councilFileSchema.parse(JSON.parse(await readFile(councilFile, 'utf8')));
  const council = sampleCouncil(file, language);
  const clock = scriptedClock(new Date(council.meeting.scheduledStart));

  const host = '127.0.0.1';
  const config = parseConfig({
    AUTH_MODE: 'dev',
    HOST: host,
    PORT: '0',
    LOG_LEVEL: 'silent',
    DOCUMENT_HOSTS: (council.documentHosts ?? []).join(','),
  });
  const auth = await createAuthenticator({
    mode: 'dev',
    server: { host, nodeEnv: config.NODE_ENV },
  });
  const store = await openMeetingStore(await openDb({}));
  const people = [council.director, council.observer, ...council.members].flatMap((p) =>
    p ? [chatPerson(p)] : [],
  );
  const connector = await startRecordingConnector({ members: () => people });
  const service = createServer({
    config,
    store,
    auth,
    log: createLogger('silent'),
    now: clock.now,
    chat: teamsChat({ config, cardUpdateIntervalMs: 50 }),
  });
  await service.start();
  try {
    await new Promise<void>((resolve) => {
      service.server.listen(0, host, resolve);
    });
    const url = `http://${host}:${service.server.address().port}`;
    const api = councilApi(url, council.tenantId);
    const chat = meetingChat({
      botUrl: url,
      connector,
      tenantId: council.tenantId,
      language: council.municipality.language,
    });
    const channels = {
      tab: api.tab,
      chat,
      linkChat: (director: Person, id: string) => chat.link(director, id),
    };
    const meetingId = await runSampleMeeting(api, council, channels, clock);

    const director = { id: council.director.aadObjectId, name: council.director.name };
    // The register records the closed sitting's pages in the log: the minutes come after it.
    await service.publisher.publish(meetingId);
    const pdf = await api.bytes(director, `/api/meetings/${meetingId}/minutes.pdf`);
    const stored = await store.readEvents(meetingId);
    await mkdir(out, { recursive: true });
    await writeFile(join(out, 'minutes.pdf'), pdf);
    await writeFile(join(out, 'events.jsonl'), eventsJsonl(stored));
    await writeFile(join(out, 'votes.csv'), votesCsv(stored.map((row) => row.data as Event)));
    // minutes.pdf is the director's copy the signatories approve: the sealed file begins with it.
    await writeFile(join(out, 'minutes-sealed.pdf'), await signMinutes(api, meetingId, director));
    const held = await service.meetings.load(meetingId);
    const published =
      held && held.state.status !== 'none'
        ? await writePublicDocuments(
            url,
            publicationOrigin(config),
            held.state,
            join(out, 'public'),
          )
        : 0;
    const last = stored.at(-1);
    process.stdout.write(
      `The demo council met: meeting ${meetingId}, ${stored.length} events, ` +
        `last hash ${last?.hash ?? '-'}.\n` +
        `The meeting chat went through the bot: ${chat.pressed} buttons pressed on its cards ` +
        `(roll call answers, ballots, the chair's), ${connector.calls.length} calls to the Bot Connector.\n` +
        chat.warnings.map((w) => `The bot warned ${w.person.name}: ${w.text}\n`).join('') +
        `Wrote minutes.pdf, events.jsonl and votes.csv to ${out}\n` +
        `The chair and the director approved the minutes; minutes-sealed.pdf seals them.\n` +
        `Wrote ${published} public pages (index, agenda, decision list, minutes, extracts) to ${join(out, 'public')}\n`,
    );
  } finally {
    await service.close();
    await connector.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
