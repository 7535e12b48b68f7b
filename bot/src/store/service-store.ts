/**
 * The store the service runs on. With an owner's connection (DATABASE_MIGRATION_URL), the owner
 * migrates and grants the service's role (DATABASE_URL's user) what it needs, and disconnects;
 * the service then connects as that role, which runs no DDL. Without one, the service migrates
 * its own database, as it does locally and in tests.
 */
import { openDb, type Db } from './db';
import { openMeetingStore, type MeetingStore } from './meeting-store';
import { migrate } from './migrations';
import { openPostgres } from './postgres-db';
import { serviceRoleOf } from './roles';
import { ensureServiceRole } from './service-role';

export interface StoreSettings {
  databaseUrl?: string | undefined;
  migrationUrl?: string | undefined;
  dataDir?: string | undefined;
}

export async function openServiceStore({
  databaseUrl,
  migrationUrl,
  dataDir,
}: StoreSettings): Promise<{ db: Db; store: MeetingStore }> {
  if (databaseUrl && migrationUrl) {
    const owner = await openPostgres({
      connectionString: migrationUrl,
      applicationName: 'council-meetings:migrate',
    });
    try {
      const serviceRole = serviceRoleOf(databaseUrl);
      await ensureServiceRole(
        owner,
        serviceRole,
        decodeURIComponent(new URL(databaseUrl).password),
      );
      await migrate(owner, { serviceRole });
    } finally {
      await owner.close();
    }
  }
  const db = await openDb({ databaseUrl, dataDir });
  try {
    const store = await openMeetingStore(db, {
      migrations: databaseUrl && migrationUrl ? 'expect' : 'apply',
    });
    return { db, store };
  } catch (error) {
    await db.close();
    throw error;
  }
}
