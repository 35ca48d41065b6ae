// Demo content for `palabre demo`: two published news posts, one for the whole site and one
// attached to the charter project (made by the projects seed; found by its slug, never created:
// without it the post is the site's). Each post is added only when its slug is free, so running
// the demo twice adds nothing. The header menu gets a link to the list, so visitors find it.
import type { DemoContext } from '../../platform/module.ts';
import { readSync, write } from '../../db/write.ts';
import { forgetSite } from '../../platform/site.ts';
import { insertPost } from './writes.ts';
import type { PostFields } from './rules.ts';

export const CHARTER_SLUG = 'charte-participation';
const DAY = 24 * 3600_000;

export const DEMO_POSTS = [
  {
    slug: 'bienvenue-sur-la-plateforme',
    title: 'Bienvenue sur la plateforme de participation',
    daysAgo: 12,
    charter: false,
    body:
      'La commune ouvre sa **plateforme de participation citoyenne**.\n\n' +
      'Vous pouvez y suivre les projets en cours, donner votre avis, proposer des idées et vous inscrire aux réunions publiques.\n\n' +
      'Créez votre compte pour participer : il suffit d’une adresse e-mail.',
  },
  {
    slug: 'charte-premiers-retours',
    title: 'Charte de la participation : les premiers retours',
    daysAgo: 3,
    charter: true,
    body:
      'Depuis l’ouverture de la consultation, plus de quarante contributions ont été déposées sur le projet de charte.\n\n' +
      'Les thèmes qui reviennent le plus souvent :\n\n' +
      '- la **place des jeunes** dans les instances de quartier ;\n' +
      '- le **suivi des décisions** une fois la concertation terminée ;\n' +
      '- l’accès aux réunions pour les personnes qui travaillent en soirée.\n\n' +
      'Un atelier est prévu pour approfondir ces questions : inscrivez-vous depuis la page des événements.',
  },
] as const;

export async function seed({ db, log }: DemoContext, now = new Date()): Promise<void> {
  const r = readSync(db);
  const charter = r.first(db.selectFrom('projects').select('id').where('slug', '=', CHARTER_SLUG));
  let added = 0;
  for (const p of DEMO_POSTS) {
    if (r.first(db.selectFrom('news_posts').select('id').where('slug', '=', p.slug))) continue;
    const at = new Date(now.getTime() - p.daysAgo * DAY).toISOString();
    const fields: PostFields = { title: p.title, slug: p.slug, project_id: p.charter ? (charter?.id ?? null) : null, published_at: at, body_md: p.body, image_alt: '' };
    insertPost(db, fields, null, at);
    added++;
  }
  const linked = linkFromHeader(db, now);
  log(added || linked ? `news: ${added} posts added${linked ? ', and the header menu links to them' : ''}` : 'news: the demo posts exist, nothing added');
}

export const MENU_LABEL = 'Actualités';

/** Adds "Actualités" → /news at the end of the header menu (the site's menus table), unless an
 * entry leads there already; true when added. */
function linkFromHeader(db: DemoContext['db'], now: Date): boolean {
  const added = write(db, (tx) => {
    if (tx.first(db.selectFrom('site_menu_items').select('id').where('kind', '=', 'path').where('target', '=', '/news'))) return false;
    const last = tx.first(db.selectFrom('site_menu_items').select((eb) => eb.fn.max('position').as('p')).where('menu', '=', 'header'));
    tx.run(db.insertInto('site_menu_items').values({ menu: 'header', position: Number(last?.p ?? 0) + 1, kind: 'path', page_id: null, target: '/news', label: MENU_LABEL, created_at: now.toISOString() }));
    return true;
  });
  forgetSite(db);
  return added;
}
