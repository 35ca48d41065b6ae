// Reads of a proposal's files and place: its image and attachments (its page and edit form),
// its coordinates, what a page of cards shows (image and place of each, in one query for the
// page), and one file of a step with its proposal's status (to serve it or not).
import { sql } from 'kysely';
import type { Db } from '../../db/open.ts';
import { readSync } from '../../db/write.ts';
import { compiledQuery } from '../../db/compiled.ts';
import type { ContributionStatus } from '../../db/schema.ts';

export interface MediaFile {
  id: number;
  role: 'image' | 'attachment';
  name: string;
  kind: 'pdf' | 'webp';
  bytes: number;
  alt: string;
  width: number | null;
  height: number | null;
}

export interface ProposalMedia {
  image: MediaFile | null;
  attachments: MediaFile[];
  lat: number | null;
  lng: number | null;
}

/** A proposal's image, attachments in the order added, and coordinates. */
export function findProposalMedia(db: Db, proposalId: number): ProposalMedia {
  const r = readSync(db);
  const files = r.all(filesQuery(db, '', { proposalId }));
  const place = r.first(placeQuery(db, '', { proposalId }));
  return { image: files.find((f) => f.role === 'image') ?? null, attachments: files.filter((f) => f.role === 'attachment'), lat: place?.lat ?? null, lng: place?.lng ?? null };
}
const filesQuery = compiledQuery<{ proposalId: number }, MediaFile>((db, p) =>
  db.selectFrom('collect_files').select(['id', 'role', 'name', 'kind', 'bytes', 'alt', 'width', 'height']).where('proposal_id', '=', p.proposalId).orderBy('role').orderBy('position').orderBy('id'),
);
const placeQuery = compiledQuery<{ proposalId: number }, { lat: number | null; lng: number | null }>((db, p) =>
  db.selectFrom('collect_proposals').select(['lat', 'lng']).where('contribution_id', '=', p.proposalId),
);

export interface CardMedia {
  id: number;
  address: string;
  lat: number | null;
  lng: number | null;
  image_id: number | null;
}

/** The image and place of a page of cards: one query whatever the page's length. */
export function listCardMedia(db: Db, ids: readonly number[]): Map<number, CardMedia> {
  if (ids.length === 0) return new Map();
  const rows = readSync(db).all(cardMediaQuery(db, '', { ids: JSON.stringify(ids) }));
  return new Map(rows.map((r) => [r.id, r]));
}
const cardMediaQuery = compiledQuery<{ ids: string }, CardMedia>((db, p) =>
  db
    .selectFrom('collect_proposals as p')
    .leftJoin('collect_files as f', (j) => j.onRef('f.proposal_id', '=', 'p.contribution_id').on('f.role', '=', sql.lit('image')))
    .select(['p.contribution_id as id', 'p.address', 'p.lat', 'p.lng', 'f.id as image_id'])
    // Raw SQL: the page's ids as one JSON parameter, so the statement is compiled once.
    .where('p.contribution_id', 'in', sql<number>`(select value from json_each(${p.ids}))`),
);

export interface ServedFile {
  stored: string;
  card: string | null;
  kind: 'pdf' | 'webp';
  name: string;
  role: 'image' | 'attachment';
  status: ContributionStatus;
  author_id: number;
}

/** A file of a proposal of THIS step, with what decides who may see it. */
export function findServedFile(db: Db, stepId: number, fileId: number): ServedFile | undefined {
  return readSync(db).first(servedQuery(db, '', { stepId, fileId }));
}
const servedQuery = compiledQuery<{ stepId: number; fileId: number }, ServedFile>((db, p) =>
  db
    .selectFrom('collect_files as f')
    .innerJoin('collect_proposals as p', 'p.contribution_id', 'f.proposal_id')
    .innerJoin('contributions as c', 'c.id', 'p.contribution_id')
    .select(['f.stored', 'f.card', 'f.kind', 'f.name', 'f.role', 'c.status', 'c.author_id'])
    .where('f.id', '=', p.fileId)
    .where('p.step_id', '=', p.stepId),
);
