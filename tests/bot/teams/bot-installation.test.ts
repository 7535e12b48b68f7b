import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Meeting } from '../../../shared/src';
import { graphInstaller } from '../../../bot/src/teams/bot-installer';
import { overHttp } from '../support/over-http';
import { demo, nextCommandId, personOf, type Person } from '../support/service';
import { chatOf, type ChatPerson } from '../support/teams';
import { testDatabases, type TestDatabase } from '../store/databases';
import { BOT_START_MS, posted, startBot, type RunningBot } from './bot';

const CATALOG_APP_ID = 'b5c7f2a1-council-app';
const GRAPH_TOKEN = 'graph-token-of-the-bot';

interface GraphCall {
  readonly path: string;
  readonly authorization: string | undefined;
  readonly body: unknown;
}

/** Microsoft Graph as the bot sees it: installs the app for `installable` users, refuses others. */
async function fakeGraph(onInstalled: (user: string) => boolean) {
  const calls: GraphCall[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = req.url ?? '';
      calls.push({
        path,
        authorization: req.headers.authorization,
        body: JSON.parse(Buffer.concat(chunks).toString() || 'null') as unknown,
      });
      const user = /^\/v1\.0\/users\/([^/]+)\/teamwork\/installedApps$/.exec(path)?.[1];
      const installed = req.method === 'POST' && user && onInstalled(decodeURIComponent(user));
      res.writeHead(installed ? 201 : 403, { 'content-type': 'application/json' });
      res.end(installed ? '{}' : '{"error":{"code":"Forbidden"}}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}

/**
 * Issue 16, point 3, over the Bot Framework protocol and a fake Graph: a convened member whose
 * chat Teams refuses because the app is not installed for them gets it installed (Graph's
 * installedApps with the app's catalog id) and their convocation after all; one Graph refuses, or
 * one who blocked the bot, stays listed unreachable for the secretariat, on each database.
 */
describe.each(testDatabases())(
  'the bot installs itself for unreachable members, on %s',
  (_engine, fresh) => {
    let database: TestDatabase;
    let bot: RunningBot;
    let graph: Awaited<ReturnType<typeof fakeGraph>>;
    let director: Person;
    let meetingId = '';
    const http = overHttp(() => meetingId);
    const member = (index: number) => bot.members[index] as ChatPerson;
    const installable = () => member(4);
    const refusedByGraph = () => member(5);
    const blocked = () => member(6);
    const refused: Record<string, string> = {};

    beforeAll(async () => {
      database = await fresh();
      graph = await fakeGraph((user) => {
        if (user !== installable().aadObjectId) return false;
        // Installed: Teams now lets the bot open the member's chat (an empty refusal is none).
        refused[installable().id] = '';
        return true;
      });
      bot = await startBot({
        db: await database.connect(),
        installer: graphInstaller({
          catalogAppId: CATALOG_APP_ID,
          graphUrl: graph.url,
          token: () => Promise.resolve(GRAPH_TOKEN),
        }),
      });
      Object.assign(refused, {
        [installable().id]: 'BotNotInConversationRoster',
        [refusedByGraph().id]: 'BotNotInConversationRoster',
        [blocked().id]: 'ConversationBlockedByUser',
      });
      bot.connector.refusedChats = refused;
      director = personOf(bot.running, demo.director.aadObjectId);
      const start = new Date(Date.now() + 10 * 86_400_000).toISOString();
      const created = await director.call('POST', '/api/meetings', {
        commandId: nextCommandId(),
        council: { ...demo, meeting: { ...demo.meeting, scheduledStart: start } },
      });
      meetingId = created.body.meetingId as string;
      const chat = chatOf({
        serviceUrl: bot.connector.url,
        conversationId: '19:meeting_installation@thread.v2',
        tenantId: demo.tenantId,
        teamsMeetingId: 'installation-meeting',
      });
      await bot.send(chat.message(bot.director, `link ${meetingId}`, 'fr-BE'));
      await bot.send(chat.message(bot.director, 'convoquer Séance à distance.', 'fr-BE'));
    }, BOT_START_MS);
    afterAll(async () => {
      await bot.close();
      await graph.close();
      await database.drop();
    });

    async function receipts(): Promise<Meeting> {
      const deadline = Date.now() + 90_000;
      for (;;) {
        const meeting = await http.meeting(director);
        const done = bot.members.every((m) => {
          const receipt = meeting.convocation?.receipts[m.aadObjectId];
          return receipt?.delivered !== undefined || receipt?.unreachable !== undefined;
        });
        if (done || Date.now() > deadline) return meeting;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }

    test('a member without the app gets it installed through Graph, then their convocation in their 1:1 chat', async () => {
      const meeting = await receipts();
      const receipt = meeting.convocation?.receipts[installable().aadObjectId];
      expect(receipt?.delivered).toEqual(expect.any(String));
      expect(receipt?.unreachable).toBeUndefined();
      const install = graph.calls.find((c) => c.path.includes(installable().aadObjectId));
      expect(install).toEqual({
        path: `/v1.0/users/${installable().aadObjectId}/teamwork/installedApps`,
        authorization: `Bearer ${GRAPH_TOKEN}`,
        body: {
          'teamsApp@odata.bind': `${graph.url}/v1.0/appCatalogs/teamsApps/${CATALOG_APP_ID}`,
        },
      });
      const opened = bot.connector.calls.find(
        (c) =>
          c.kind === 'create' &&
          c.conversationId !== '' &&
          (c.body.members as { id: string }[] | undefined)?.[0]?.id === installable().id,
      );
      expect(opened).toBeDefined();
      expect(
        bot.connector.calls.some((c) => posted(c) && c.conversationId === opened?.conversationId),
      ).toBe(true);
    });

    test('a member Graph will not install for, and one who blocked the bot, stay listed unreachable for the secretariat; no install is tried for a blocked member', async () => {
      const meeting = await receipts();
      const receiptOf = (person: ChatPerson) => meeting.convocation?.receipts[person.aadObjectId];
      expect(receiptOf(refusedByGraph())?.unreachable?.failure).toBe('notInstalled');
      expect(receiptOf(blocked())?.unreachable?.failure).toBe('blocked');
      expect(graph.calls.map((c) => c.path).sort()).toEqual(
        [installable(), refusedByGraph()]
          .map((p) => `/v1.0/users/${p.aadObjectId}/teamwork/installedApps`)
          .sort(),
      );
    });
  },
);
