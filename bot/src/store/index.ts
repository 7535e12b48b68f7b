export { openDb, type Db, type DbOptions, type Queryable } from './db';
export { openPglite, pgliteDb } from './pglite-db';
export { openPostgres, type PostgresOptions } from './postgres-db';
export { expectMigrated, migrate, migrations } from './migrations';
export { servicePrivileges } from './privileges';
export { openServiceStore } from './service-store';
export {
  openMeetingStore,
  type ChatMemory,
  type Commit,
  type CommitOutcome,
  type Meeting,
  type MeetingStore,
  type NewEvent,
  type StoredEvent,
} from './meeting-store';
export { issuedKey, type IssuedCommand } from './issued-command';
export type { ListedMeeting, ListingOptions, MeetingSummary, PublicSitting } from './summaries';
export { sealedBallotBox, type BallotBox, type SecretBallot } from './ballot-box';
export * from './errors';
export * from './hash-chain';
export type { ChatDeliveries } from './chat-deliveries';
export type { PublishedPagesShelf } from './published-pages';
