/**
 * The bot in the meeting chat, on botbuilder. Nothing outside this folder imports botbuilder: the
 * service sees a ChatEndpoint (one route, a lifetime), so that moving to the Teams SDK stays here.
 */
import {
  ActivityEventNames,
  CloudAdapter,
  ConfigurationServiceClientCredentialFactory,
  type TurnContext,
} from 'botbuilder';
import type { Request, Response } from 'restify';
import { z } from 'zod';
import { isReservedObjectId } from '../auth/identity';
import { isLoopbackHost } from '../auth/loopback';
import type { Config } from '../config';
import { assertLocalRequest } from '../http/local-only';
import { refusal } from '../http/problems';
import type { ChatCore, ChatEndpoint } from '../http/server';
import { localeOf, memberOf, tenantOf } from './activity';
import { ReusedConnectorsAuthentication } from './connectors';
import { createAnnouncer } from './announcer';
import { graphInstaller, graphToken, type BotInstaller } from './bot-installer';
import { createConvocationDesk } from './convocation-delivery';
import { CouncilBot } from './handler';
import { textsFor } from './i18n';
import { botMemory } from './memory';
import { cloudMessenger, type Messenger } from './messenger';
import { createMinutesDesk } from './minutes-delivery';
import { DIALOG_ORIGIN, originOf, trusteeDialog } from './trustee-dialog';
import { createTurns, errorResponse } from './turns';
import { previousSittings } from '../minutes/previous-sitting';
import { publicOrigin } from '../public/link';
import { cardViews } from './views';

export interface TeamsChatOptions {
  readonly config: Pick<
    Config,
    | 'MicrosoftAppId'
    | 'MicrosoftAppPassword'
    | 'MicrosoftAppTenantId'
    | 'MicrosoftAppType'
    | 'PUBLIC_URL'
    | 'TEAMS_APP_CATALOG_ID'
  > &
    Partial<Pick<Config, 'HOST' | 'PORT'>>;
  /** At most one update of a shared card in this interval; Teams wants 2 s or more. */
  readonly cardUpdateIntervalMs?: number;
  /** How long a meeting's leader may go silent before another instance follows it (30 s). */
  readonly leaseMs?: number;
  /** Replaces the Bot Connector (unit tests); by default the adapter's own. */
  readonly messenger?: Messenger;
  /** Installs the bot for a member it cannot reach (Graph); none: such members stay listed. */
  readonly installer?: BotInstaller;
}

/**
 * The least an activity needs before botbuilder sees it; anything less is a 400. The bot lives in
 * Teams only (the Agents Playground, `npm run playground`, speaks as msteams too), and nobody
 * speaks in the chat as the service itself.
 */
const activitySchema = z.looseObject({
  type: z.string().min(1).max(100),
  channelId: z.literal('msteams'),
  serviceUrl: z.url(),
  conversation: z.looseObject({ id: z.string().min(1).max(1_000) }),
  from: z
    .looseObject({
      id: z.string().min(1).max(1_000),
      aadObjectId: z
        .string()
        .refine((id) => !isReservedObjectId(id), 'reserved id')
        .optional(),
    })
    .optional(),
});

const proactive = new Set<string>([
  ActivityEventNames.ContinueConversation,
  ActivityEventNames.CreateConversation,
]);

export function buildBot(core: Omit<ChatCore, 'limits'>, options: TeamsChatOptions) {
  const { config } = options;
  const appId = config.MicrosoftAppId ?? '';
  // With no app id, botbuilder's own local mode: no token checked on the way in, none sent out.
  const credentials = new ConfigurationServiceClientCredentialFactory(
    appId
      ? {
          MicrosoftAppId: appId,
          MicrosoftAppPassword: config.MicrosoftAppPassword,
          MicrosoftAppTenantId: config.MicrosoftAppTenantId,
          MicrosoftAppType: config.MicrosoftAppType,
        }
      : {},
  );
  const adapter = new CloudAdapter(
    new ReusedConnectorsAuthentication(
      { MicrosoftAppId: config.MicrosoftAppId, MicrosoftAppTenantId: config.MicrosoftAppTenantId },
      // botbuilder's own factory implements (rather than extends) the class it is typed as.
      // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
      credentials,
    ),
  );
  const memory = botMemory(core.store.chatMemory);
  const messenger = options.messenger ?? cloudMessenger(adapter, appId);
  const views = cardViews(memory, publicOrigin(options.config), previousSittings(core));
  const local = appId === '';
  const minutes = createMinutesDesk({
    ...core,
    memory,
    messenger,
    // Without Bot Framework auth anyone can forge an invoke: the bot then uploads to loopback only.
    mayUploadTo: (url) => (local ? isLoopbackHost(url.hostname) : url.protocol === 'https:'),
  });
  const announcer = createAnnouncer({
    ...core,
    memory,
    messenger,
    views,
    minutes,
    convocations: createConvocationDesk({
      ...core,
      memory,
      messenger,
      views,
      installer:
        options.installer ??
        (appId && config.TEAMS_APP_CATALOG_ID
          ? graphInstaller({
              catalogAppId: config.TEAMS_APP_CATALOG_ID,
              token: graphToken({ ...config, MicrosoftAppId: appId }),
            })
          : undefined),
    }),
    intervalMs: options.cardUpdateIntervalMs ?? 2_000,
    leaseMs: options.leaseMs,
  });
  const bot = new CouncilBot(
    createTurns({ ...core, memory, views, messenger, announcer, minutes, local }),
    minutes,
    trusteeDialog(core.meetings),
  );

  adapter.onTurnError = async (context: TurnContext, error: unknown) => {
    // A turn the bot started itself (to post, update, notify): its caller handles the failure.
    if (proactive.has(context.activity.name ?? '')) throw error;
    core.log.error({ err: error, activityType: context.activity.type }, 'bot turn failed');
    const t = textsFor(localeOf(context.activity));
    if (context.activity.type === 'invoke') {
      const answer = errorResponse(200, 'InternalError', t('error.internal'));
      await context.sendActivity({ type: 'invokeResponse', value: answer });
      return;
    }
    await context.sendActivity(t('error.internal')).catch(() => undefined);
  };

  return { adapter, bot, announcer, local };
}

function adapterRefusal(status: number): Error {
  if (status === 401) return refusal('UNAUTHENTICATED');
  if (status < 500) return refusal('INVALID_COMMAND', { detail: 'not an activity this bot takes' });
  return new Error(`the bot adapter answered ${status}`);
}

/** The chat bot for the service's composition root (bot/src/main.ts). */
export function teamsChat(options: TeamsChatOptions) {
  return (core: ChatCore): ChatEndpoint => {
    const { adapter, bot, announcer, local } = buildBot(core, options);
    return {
      async handle(req: Request, res: Response): Promise<void> {
        if (local) assertLocalRequest(req);
        if (req.getContentType().trim() !== 'application/json')
          throw refusal('UNSUPPORTED_MEDIA_TYPE');
        const activity = activitySchema.parse(req.body);
        // Without Bot Framework auth the bot must not be made to call anywhere but this machine.
        if (local && !isLoopbackHost(new URL(activity.serviceUrl).hostname)) {
          throw refusal('INVALID_COMMAND', {
            detail: 'serviceUrl must be on loopback in local mode',
          });
        }
        let status = 200;
        let body: unknown;
        let limited: Error | undefined;
        await adapter.process(
          { body: req.body as Record<string, unknown>, headers: req.headers, method: req.method },
          {
            socket: null,
            status(code: number) {
              status = code;
            },
            send(sent: unknown) {
              body = sent;
            },
            header: () => undefined,
            end: () => undefined,
          },
          async (context) => {
            context.turnState.set(DIALOG_ORIGIN, originOf(req, local, options.config.PUBLIC_URL));
            // After Bot Framework auth: the member is who the Connector says acts.
            const [tenantId, objectId] = [tenantOf(context.activity), memberOf(context.activity)];
            if (tenantId && objectId) {
              limited = await core.limits.person({ tenantId, objectId }).then(
                () => undefined,
                (refused: unknown) =>
                  refused instanceof Error ? refused : new Error(String(refused)),
              );
            }
            if (!limited) await bot.run(context);
          },
        );
        if (limited) throw limited;
        // botbuilder answers its own refusals and failures with its error's text (a URL, a reason
        // from the network); the caller gets the catalogue's words instead, and the log the status.
        if (status >= 400 && (body === undefined || typeof body === 'string')) {
          throw adapterRefusal(status);
        }
        res.send(status, body);
      },
      start: () => announcer.start(),
    };
  };
}
