// Writes to the instance's settings and legal pages. Every write to site_settings drops the
// in-memory copy (forgetSite) and moves updated_at, which versions the theme stylesheet URL.
import type { Db } from '../../db/open.ts';
import { write } from '../../db/write.ts';
import { forgetSite } from '../../platform/site.ts';
import type { SettingsValues } from './rules.ts';

export function saveSiteSettings(db: Db, values: SettingsValues, now = new Date()): void {
  write(db, (tx) =>
    tx.run(
      db
        .updateTable('site_settings')
        .set({
          name: values.name,
          primary_color: values.primary_color,
          intro_md: values.intro_md,
          contact_email: values.contact_email === '' ? null : values.contact_email,
          updated_at: now.toISOString(),
        })
        .where('id', '=', 1),
    ),
  );
  forgetSite(db);
}

/** Sets (or clears) the logo file name; returns the previous one so its file can be removed. */
export function setLogoPath(db: Db, fileName: string | null, now = new Date()): string | null {
  const previous = write(db, (tx) => {
    const row = tx.first(db.selectFrom('site_settings').select('logo_path').where('id', '=', 1));
    tx.run(db.updateTable('site_settings').set({ logo_path: fileName, updated_at: now.toISOString() }).where('id', '=', 1));
    return row?.logo_path ?? null;
  });
  forgetSite(db);
  return previous;
}

export function listLegalPages(db: Db) {
  return db.selectFrom('legal_pages').select(['slug', 'updated_at', (eb) => eb(eb.fn('length', ['body_md']), '>', 0).as('written')]).execute();
}

export function findLegalPage(db: Db, slug: string) {
  return db.selectFrom('legal_pages').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export function saveLegalPage(db: Db, slug: string, bodyMd: string, now = new Date()): boolean {
  return write(db, (tx) => tx.run(db.updateTable('legal_pages').set({ body_md: bodyMd, updated_at: now.toISOString() }).where('slug', '=', slug)).changes === 1);
}
