/**
 * `sslmode=verify-full`, which production requires (bot/src/production.ts), makes pg check the
 * database server's certificate and name: a server that cannot prove it is the one named in
 * DATABASE_URL never receives the password. The server here speaks just enough PostgreSQL to
 * start TLS (it answers the SSLRequest with 'S') and hangs up once it gets anything through it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TLSSocket } from 'node:tls';
import { openPostgres } from '../../../bot/src/store';

let dir: string;
let server: Server;
let port: number;
let certificateFile: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'db-tls-'));
  certificateFile = join(dir, 'server.crt');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=db.council.test',
      '-addext',
      'subjectAltName=DNS:db.council.test',
      '-keyout',
      join(dir, 'server.key'),
      '-out',
      certificateFile,
    ],
    { stdio: 'ignore' },
  );
  const key = readFileSync(join(dir, 'server.key'));
  const cert = readFileSync(certificateFile);
  server = createServer((socket) => {
    socket.on('error', () => undefined);
    socket.once('data', () => {
      socket.write('S');
      const tls = new TLSSocket(socket, { isServer: true, key, cert });
      tls.on('error', () => undefined);
      tls.once('data', () => tls.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

const failureOf = async (query: string): Promise<string> => {
  const error: unknown = await openPostgres({
    connectionString: `postgres://council:secret@127.0.0.1:${port}/council?${query}`,
  }).then(
    async (db) => {
      await db.close();
      throw new Error('connected');
    },
    (reason: unknown) => reason,
  );
  return `${(error as { code?: string }).code ?? ''} ${(error as Error).message}`;
};

test('with sslmode=verify-full, a server whose certificate no trusted authority signed is refused', async () => {
  expect(await failureOf('sslmode=verify-full')).toMatch(/SELF_SIGNED|self[- ]signed/i);
});

test('with sslmode=verify-full, a trusted certificate for another name is refused', async () => {
  expect(await failureOf(`sslmode=verify-full&sslrootcert=${certificateFile}`)).toMatch(
    /ERR_TLS_CERT_ALTNAME_INVALID|does not match/i,
  );
});

test('the same server passes the certificate checks when they are switched off (what production refuses)', async () => {
  const failure = await failureOf('sslmode=no-verify');
  expect(failure).not.toMatch(/SELF_SIGNED|self[- ]signed|ALTNAME|does not match/i);
});
