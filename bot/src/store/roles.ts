/** Which database role does what: the owner (DATABASE_MIGRATION_URL) migrates, the service's role appends and reads. */

/** The role a PostgreSQL URL logs in as; empty when it names none. */
export function serviceRoleOf(databaseUrl: string): string {
  try {
    return decodeURIComponent(new URL(databaseUrl).username);
  } catch {
    return '';
  }
}

export function databaseRoleProblems(
  databaseUrl: string | undefined,
  migrationUrl: string | undefined,
): string[] {
  if (!migrationUrl?.trim()) return [];
  if (!databaseUrl?.trim()) return ['DATABASE_MIGRATION_URL: needs DATABASE_URL, the service role'];
  const service = serviceRoleOf(databaseUrl);
  if (!service)
    return ['DATABASE_URL: must name the service role (user) with DATABASE_MIGRATION_URL'];
  return service === serviceRoleOf(migrationUrl)
    ? ['DATABASE_MIGRATION_URL: must log in as the owner, not as the service role of DATABASE_URL']
    : [];
}
