/**
 * The HTTP baseline: the service's restify setup (parsers, refusal handling, request log) with one
 * bare route each for a command and a bot activity, answered as the service answers a ballot,
 * touching no token and no database.
 */
import { parseConfig } from '../bot/src/config';
import { baseServer } from '../bot/src/http/server';
import { createLogger } from '../bot/src/log';

const config = parseConfig(process.env);
const log = createLogger(config.LOG_LEVEL);
const server = baseServer({ config, log });

server.get('/readyz', (_req, res, next) => {
  res.send(200, { status: 'ready' });
  next();
});
server.post('/api/meetings/:meetingId/commands', (_req, res, next) => {
  res.send(200, { version: 1 });
  next();
});
server.post('/api/messages', (_req, res, next) => {
  res.send(200, { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: {} });
  next();
});

server.listen(config.PORT, config.HOST);
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.server.closeAllConnections();
  });
}
