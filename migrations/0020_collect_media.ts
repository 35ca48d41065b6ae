// A proposal's files: its illustration image (one, re-encoded, with a smaller copy for cards)
// and its attachments (PDF as sent, images re-encoded), kept in DATA_DIR/private/collect and
// served through the proposal's visibility. Files that leave use are listed in
// collect_file_removals in the same transaction; their bytes are removed from disk after it.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('collect_files')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('proposal_id', 'integer', (c) => c.notNull().references('collect_proposals.contribution_id').onDelete('cascade'))
    .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('image', 'attachment')`))
    // File names under DATA_DIR/private/collect (random); `card` is the image's smaller copy.
    .addColumn('stored', 'text', (c) => c.notNull().unique())
    .addColumn('card', 'text')
    // The name shown for an attachment (from the browser's, cleaned), its kind and size.
    .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('pdf', 'webp')`))
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('alt', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('collect_files_proposal').on('collect_files').columns(['proposal_id', 'role', 'position']).execute();
  await db.schema.createIndex('collect_files_author').on('collect_files').columns(['author_id']).execute();
  // One illustration image per proposal, whatever two requests do at once.
  await sql`CREATE UNIQUE INDEX collect_files_one_image ON collect_files (proposal_id) WHERE role = 'image'`.execute(db);

  await db.schema.createTable('collect_file_removals').addColumn('stored', 'text', (c) => c.primaryKey()).execute();
  // Whatever deletes a file's row (a replaced image, an erasure, a step deleted in cascade), its
  // bytes are queued for removal from disk in the same transaction.
  await sql`CREATE TRIGGER collect_files_removed AFTER DELETE ON collect_files BEGIN
    INSERT OR IGNORE INTO collect_file_removals (stored) SELECT old.stored UNION ALL SELECT old.card WHERE old.card IS NOT NULL;
  END`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('collect_file_removals').execute();
  await db.schema.dropTable('collect_files').execute();
}
