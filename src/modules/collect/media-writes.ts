// Writes of a proposal's files, inside the proposal's own transaction (writes.ts): the new image
// replaces the old one, attachments are added or removed, the image's description changes. A
// deleted row queues its bytes for removal (trigger of migration 0020); the caller sweeps them.
import { sql } from 'kysely';
import type { Db } from '../../db/open.ts';
import type { Tx } from '../../db/write.ts';

export interface StoredFile {
  stored: string;
  card: string | null;
  name: string;
  kind: 'pdf' | 'webp';
  bytes: number;
  width: number | null;
  height: number | null;
}

/** What a submission or an edit does to the files, once the new ones are on disk. */
export interface MediaChange {
  image: StoredFile | null;
  /** Drop the current image (also when `image` replaces it). */
  removeImage: boolean;
  /** The image's description; null: unchanged. */
  alt: string | null;
  attachments: StoredFile[];
  removeAttachments: number[];
}

export function applyMedia(db: Db, tx: Tx, proposalId: number, authorId: number, m: MediaChange, now: string): void {
  if (m.removeImage || m.image) tx.run(db.deleteFrom('collect_files').where('proposal_id', '=', proposalId).where('role', '=', sql.lit('image')));
  if (m.image) tx.run(db.insertInto('collect_files').values({ proposal_id: proposalId, author_id: authorId, role: 'image', ...m.image, alt: m.alt ?? '', created_at: now }));
  else if (m.alt !== null) tx.run(db.updateTable('collect_files').set({ alt: m.alt }).where('proposal_id', '=', proposalId).where('role', '=', sql.lit('image')));
  if (m.removeAttachments.length) tx.run(db.deleteFrom('collect_files').where('proposal_id', '=', proposalId).where('role', '=', 'attachment').where('id', 'in', m.removeAttachments));
  if (m.attachments.length === 0) return;
  const last = tx.first(db.selectFrom('collect_files').select((eb) => eb.fn.max('position').as('p')).where('proposal_id', '=', proposalId).where('role', '=', 'attachment'));
  let position = Number(last?.p ?? 0);
  for (const a of m.attachments) tx.run(db.insertInto('collect_files').values({ proposal_id: proposalId, author_id: authorId, role: 'attachment', ...a, position: ++position, created_at: now }));
}

/** Erasure: a person's images and documents may show or name them; their rows go, the bytes follow. */
export function eraseMedia(db: Db, tx: Tx, userId: number): void {
  tx.run(db.deleteFrom('collect_files').where('author_id', '=', userId));
}
