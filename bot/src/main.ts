import { createAuthenticator } from './auth';
import { parseConfig } from './config';
import { loadCouncil } from './demo';
import { createServer } from './http/server';
import { createLogger } from './log';
import { openServiceStore } from './store';
import { teamsChat } from './teams';

const config = parseConfig(process.env);
const log = createLogger(config.LOG_LEVEL);

const auth = await createAuthenticator(
  config.AUTH_MODE === 'dev'
    ? { mode: 'dev', server: { host: config.HOST, nodeEnv: config.NODE_ENV } }
    : {
        mode: 'entra',
        entra: {
          clientId: config.ENTRA_CLIENT_ID ?? '',
          ...(config.ENTRA_APP_ID_URI ? { applicationIdUri: config.ENTRA_APP_ID_URI } : {}),
          ...(config.ENTRA_ALLOWED_TENANTS ? { allowedTenants: config.ENTRA_ALLOWED_TENANTS } : {}),
          ...(config.ENTRA_ALLOWED_CLIENT_APPS
            ? { allowedClientApps: config.ENTRA_ALLOWED_CLIENT_APPS }
            : {}),
        },
      },
);
const { db, store } = await openServiceStore({
  databaseUrl: config.DATABASE_URL,
  migrationUrl: config.DATABASE_MIGRATION_URL,
  dataDir: config.DATA_DIR,
});
const service = createServer({ config, store, auth, log, chat: teamsChat({ config }) });
await service.start();
await new Promise<void>((resolve) => {
  service.server.listen(config.PORT, config.HOST, resolve);
});
const address = service.server.address();
const base = `http://${config.HOST}:${typeof address === 'object' ? address.port : config.PORT}`;
log.info(
  {
    url: base,
    database: db.engine,
    authMode: auth.mode,
    bot: config.MicrosoftAppId ? config.MicrosoftAppType : 'local (no Bot Framework auth)',
  },
  'meeting service listening',
);

if (config.DEMO_COUNCIL) {
  const meetingId = await loadCouncil(service, config.DEMO_COUNCIL);
  log.info({ meetingId }, 'demo council ready');
  process.stdout.write(
    `\nThe demo council meets at ${base}/tab/index.html?meeting=${meetingId}\n` +
      `API: ${base}/api/openapi.json · health: ${base}/healthz\n\n`,
  );
}

let closing = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'draining');
    service.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
