// Demo content for `palabre demo`: an "À propos" page, published, linked from the header menu
// after "Accueil". Skipped when a page already has its slug (the demo runs twice, adds once).
import type { DemoContext } from '../../platform/module.ts';
import { write } from '../../db/write.ts';
import { forgetSite } from '../../platform/site.ts';

export const ABOUT_SLUG = 'a-propos';

const ABOUT_MD = `Cette plateforme est l’espace de participation citoyenne de la commune. Habitants, associations et agents y préparent ensemble les décisions qui concernent la vie locale.

## Comment participer

- **Consultez** les projets ouverts et leurs étapes, depuis la page d’accueil.
- **Contribuez** : donnez votre avis, proposez des idées, amendez les textes, votez.
- **Suivez** les résultats : chaque étape se conclut par une synthèse publiée ici.

## Qui anime la plateforme

Le service démocratie locale de la mairie modère les échanges selon les [conditions d’utilisation](/pages/conditions-utilisation) et répond aux questions des participants.`;

export function seed({ db, log }: DemoContext, now = new Date()): void {
  const iso = now.toISOString();
  const added = write(db, (tx) => {
    if (tx.first(db.selectFrom('site_pages').select('id').where('slug', '=', ABOUT_SLUG))) return false;
    const pageId = tx.run(db.insertInto('site_pages').values({ slug: ABOUT_SLUG, title: 'À propos', body_md: ABOUT_MD, published: 1, created_at: iso, updated_at: iso })).lastInsertRowid;
    const last = tx.first(db.selectFrom('site_menu_items').select((eb) => eb.fn.max('position').as('p')).where('menu', '=', 'header'));
    tx.run(db.insertInto('site_menu_items').values({ menu: 'header', position: Number(last?.p ?? 0) + 1, kind: 'page', page_id: pageId, target: '', label: '', created_at: iso }));
    return true;
  });
  forgetSite(db);
  log(added ? 'site: the "À propos" page and its header entry added' : 'site: the "À propos" page exists, nothing added');
}
