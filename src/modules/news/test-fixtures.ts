// Test fixtures of the news, on top of test/helpers/factories.ts: posts written straight to the
// database, published, scheduled or drafts, for the site or for a project.
import { daysFromNow } from '../../../test/helpers/factories.ts';
import type { Db } from '../../db/open.ts';
import { insertPost } from './writes.ts';

let n = 0;

export interface PostOptions {
  title?: string;
  slug?: string;
  body?: string;
  projectId?: number | null;
  /** Published yesterday unless given; null: a draft. */
  publishedAt?: string | null;
  imagePath?: string | null;
}

/** A post "Actualité <n>"; returns its id and slug. */
export function makePost(db: Db, o: PostOptions = {}): { id: number; slug: string } {
  n += 1;
  const slug = o.slug ?? `actualite-${n}-${process.pid}`;
  const id = insertPost(
    db,
    { title: o.title ?? `Actualité ${n}`, slug, project_id: o.projectId ?? null, published_at: o.publishedAt === undefined ? daysFromNow(-1) : o.publishedAt, body_md: o.body ?? `Le texte de l’actualité ${n}.`, image_alt: '' },
    o.imagePath ?? null,
  );
  return { id, slug };
}
