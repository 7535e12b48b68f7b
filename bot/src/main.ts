import { createAuthenticator } from './auth';
import { databaseOf, demoLinks, sittingSoFar, startBanner } from './banner';
import { parseConfig } from './config';
import { loadCouncil } from './demo';
import { createServer } from './http/server';
import { reportTrusteeKeys, trusteeKeysFrom } from './meetings/trustee-keys';
import { createConsoleLogger, createLogger, logsForPeople } from './log';
import { openServiceStore } from './store';
import { teamsChat } from './teams';

const config = parseConfig(process.env);
const forPeople = logsForPeople(process.stdout, config.NODE_ENV);
const log = forPeople ? createConsoleLogger(config.LOG_LEVEL) : createLogger(config.LOG_LEVEL);

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
const trusteeKeys = trusteeKeysFrom(config);
await reportTrusteeKeys(trusteeKeys, log);
const service = createServer({
  config,
  store,
  auth,
  log,
  chat: teamsChat({ config }),
  ...(trusteeKeys ? { trusteeKeys } : {}),
});
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
  const meetingId = await loadCouncil(service, config.DEMO_COUNCIL, config.DOCUMENT_HOSTS);
  const loaded = await service.meetings.load(meetingId);
  if (loaded && loaded.state.status !== 'none') {
    const facts = {
      base,
      links: demoLinks(base, loaded.state),
      database: databaseOf(config.DATABASE_URL, config.DATA_DIR),
      dataDir: config.DATABASE_URL ? null : config.DATA_DIR,
      continuing: sittingSoFar(loaded.state, loaded.version),
    };
    // On a terminal one banner for a person; elsewhere every line stays JSON.
    if (forPeople) process.stdout.write(startBanner(facts));
    else log.info({ meetingId, ...facts }, 'demo council ready');
  }
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
