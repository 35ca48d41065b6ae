// Requirements per action: a step still says what it asks for (postal code, district, a
// statement to tick), and now for which of its module's actions (vote, contribute...). JSON:
// { "postal_code": ["vote"], ... }; a requirement without an entry applies to every action.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('steps').addColumn('requirement_actions', 'text', (c) => c.notNull().defaultTo('{}')).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('steps').dropColumn('requirement_actions').execute();
}
