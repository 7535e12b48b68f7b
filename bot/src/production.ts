/**
 * What production refuses to start without (DESIGN.md, security principles): the local
 * conveniences switched off, verified TLS to the database and a tenant allow-list. Each problem
 * names its variable, so that `parseConfig` lists them all with the others.
 */
export function productionProblems(env: NodeJS.ProcessEnv): string[] {
  if (!isProduction(env.NODE_ENV)) return [];
  const set = (name: string) => Boolean(env[name]?.trim());
  const problems: string[] = [];
  if (!set('MicrosoftAppId')) {
    problems.push('MicrosoftAppId: required in production (Bot Framework auth on /api/messages)');
  }
  if (env.AUTH_MODE !== 'entra') {
    problems.push('AUTH_MODE: must be entra in production (dev sign-in lets anyone be anyone)');
  }
  if (!env.ENTRA_ALLOWED_TENANTS?.split(',').some((tenant) => tenant.trim())) {
    problems.push(
      'ENTRA_ALLOWED_TENANTS: required in production (the tenants whose users may sign in)',
    );
  }
  if (!/^https:\/\/[^/]/i.test(env.PUBLIC_URL?.trim() ?? '')) {
    problems.push(
      'PUBLIC_URL: required in production, over https (the address Teams dialogs and links name)',
    );
  }
  const database = databaseTlsProblem(env.DATABASE_URL);
  if (database) problems.push(`DATABASE_URL: ${database}`);
  // The owner's connection carries the most powerful password of all: the same TLS or none.
  const migration =
    env.DATABASE_MIGRATION_URL?.trim() && databaseTlsProblem(env.DATABASE_MIGRATION_URL);
  if (migration) problems.push(`DATABASE_MIGRATION_URL: ${migration}`);
  if (env.NODE_TLS_REJECT_UNAUTHORIZED?.trim() === '0') {
    problems.push(
      'NODE_TLS_REJECT_UNAUTHORIZED: must not be 0 in production (it turns off every certificate check)',
    );
  }
  return problems;
}

export function isProduction(nodeEnv: string | undefined): boolean {
  return nodeEnv?.trim().toLowerCase() === 'production';
}

/**
 * pg (through pg-connection-string) reads the last `sslmode` of the URL. Only `verify-full` checks
 * both the certificate chain and the host name whatever the driver's version: `require` and
 * `verify-ca` mean that today in pg 8 but weaker things under libpq semantics (`uselibpqcompat`,
 * and pg 9), `no-verify` and `disable` nothing at all.
 */
function databaseTlsProblem(databaseUrl: string | undefined): string | null {
  if (!databaseUrl?.trim()) return 'required in production (PostgreSQL with verified TLS)';
  const url = URL.parse(databaseUrl);
  if (url === null) return null;
  const modes = url.searchParams.getAll('sslmode');
  if (modes.length === 0 || modes.some((mode) => mode !== 'verify-full')) {
    return 'must ask for sslmode=verify-full in production (TLS with the certificate and host name verified)';
  }
  return null;
}
