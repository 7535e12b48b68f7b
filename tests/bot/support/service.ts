import { createAuthenticator, type Authenticator } from '../../../bot/src/auth';
import { parseConfig } from '../../../bot/src/config';
import { createServer, type ServerDeps, type Service } from '../../../bot/src/http/server';
import { createLogger, type Logger } from '../../../bot/src/log';
import { PGlite } from '@electric-sql/pglite';
import {
  openPostgres,
  openMeetingStore,
  pgliteDb,
  type Db,
  type MeetingStore,
} from '../../../bot/src/store';
import { pgliteTemplate } from '../store/databases';
import demo from '../../../bot/fixtures/council-demo.json';
import { SECRETARIAT_ROLE } from '../../../shared/src';

export { demo };

/** The demo tenant gives its director the secretariat's app role, as a council's tenant would. */
const rolesOf = (objectId: string) =>
  objectId === demo.director.aadObjectId ? [SECRETARIAT_ROLE] : [];

/** Whom a test's token names. */
export interface TokenSubject {
  readonly tenantId: string;
  readonly objectId: string;
  readonly name: string;
  readonly roles: readonly string[];
}

export interface RunningService {
  readonly url: string;
  readonly service: Service;
  /** The service's own database handle, for tests that read what it stored. */
  readonly db: Db;
  /** A dev token; the demo director holds the secretariat's app role unless `roles` says otherwise. */
  tokenFor(objectId: string, tenantId?: string, roles?: readonly string[]): Promise<string>;
  close(): Promise<void>;
}

/**
 * The real service on a loopback port, with dev sign-in and a fresh in-memory PGlite (loaded from a
 * dump of a new cluster, which is faster than initdb) or PostgreSQL at `databaseUrl`; with `tabDir`,
 * it serves that built tab under /tab/; with `chat`, the chat bot answers at /api/messages; with
 * `db`, it runs on that database instead (which it closes with the service), through `store` when
 * one is already open on it; `env` adds settings.
 */
export async function startService(
  databaseUrl?: string,
  options: {
    readonly log?: Logger;
    readonly signIn?: Authenticator;
    readonly tabDir?: string;
    readonly chat?: ServerDeps['chat'];
    readonly db?: Db;
    readonly store?: MeetingStore;
    /** Settings on top of the test's own (MEETING_CREATORS, or `NODE_ENV: 'production'` with what that requires). */
    readonly env?: Readonly<Record<string, string>>;
    /** Issues the tokens `signIn` checks, when it is not a dev sign-in (Entra's, say). */
    readonly tokens?: (subject: TokenSubject) => Promise<string>;
    /** The key that seals the service's trustee secret, in place of the settings' source. */
    readonly trusteeKeys?: ServerDeps['trusteeKeys'];
    /** Starts the service's proof workers (one that fails, say). */
    readonly proofWorker?: ServerDeps['proofWorker'];
  } = {},
): Promise<RunningService> {
  const config = parseConfig({
    AUTH_MODE: 'dev',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    DOCUMENT_HOSTS: 'contoso.sharepoint.com,contoso-my.sharepoint.com',
    ...(options.tabDir ? { TAB_DIR: options.tabDir } : {}),
    ...options.env,
  });
  const auth = await createAuthenticator({
    mode: 'dev',
    server: { host: '127.0.0.1', nodeEnv: 'test' },
  });
  if (auth.mode !== 'dev') throw new Error('dev sign-in expected');
  const chosen = options.signIn ?? auth;
  const db =
    options.db ??
    (databaseUrl
      ? await openPostgres({ connectionString: databaseUrl })
      : pgliteDb(await PGlite.create({ loadDataDir: await pgliteTemplate() })));
  const store = options.store ?? (await openMeetingStore(db));
  const service = createServer({
    config,
    store,
    auth: chosen,
    log: options.log ?? createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
    ...(options.chat ? { chat: options.chat } : {}),
    ...(options.trusteeKeys ? { trusteeKeys: options.trusteeKeys } : {}),
    ...(options.proofWorker ? { proofWorker: options.proofWorker } : {}),
  });
  await service.start();
  await new Promise<void>((resolve) => {
    service.server.listen(0, '127.0.0.1', resolve);
  });
  const address = service.server.address();
  return {
    url: `http://127.0.0.1:${address.port}`,
    service,
    db,
    // A dev sign-in of the test's own (short-lived tokens, say) issues the tokens it checks.
    tokenFor: (objectId, tenantId = demo.tenantId, roles = rolesOf(objectId)) => {
      const subject = { tenantId, objectId, name: objectId, roles };
      if (options.tokens) return options.tokens(subject);
      return (chosen.mode === 'dev' ? chosen : auth).issueDevToken(subject);
    },
    close: () => service.close(),
  };
}

export interface Reply {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

let commandCounter = 0;
export const nextCommandId = () => `cmd-${Date.now()}-${++commandCounter}`;

/** A person of the council talking to the service over HTTP, with their own token. */
export function personOf(
  running: RunningService,
  objectId: string,
  tenantId?: string,
  roles?: readonly string[],
) {
  const token = running.tokenFor(objectId, tenantId, roles);
  async function call(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply> {
    const response = await fetch(`${running.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await token}`,
        'content-type': 'application/json',
        ...headers,
      },
      ...(body === undefined
        ? {}
        : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    };
  }
  return {
    id: objectId,
    call,
    get: (path: string) => call('GET', path),
    command: (
      meetingId: string,
      command: unknown,
      commandId = nextCommandId(),
      headers?: Record<string, string>,
    ) => call('POST', `/api/meetings/${meetingId}/commands`, { commandId, command }, headers),
  };
}

export type Person = ReturnType<typeof personOf>;
