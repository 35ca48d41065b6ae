// The notifications module's own table, typed by declaration merging (its other tables,
// follows and notifications, are the platform's: every module writes them).
declare module '../../db/schema.ts' {
  interface Schema {
    notifications_digests: NotificationsDigestsTable;
  }
}

/** One row per local day whose digest run started. */
export interface NotificationsDigestsTable {
  day: string;
  started_at: string;
}
