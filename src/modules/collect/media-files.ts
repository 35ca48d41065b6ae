// A proposal's files on disk: images decoded and re-encoded by the platform (uploads.ts: no
// metadata, bounded size), PDF recognised by its first bytes and kept as sent, each under a
// random name in DATA_DIR/private/collect (served through the proposal's visibility, never as
// a public folder); and the removal of the bytes of files whose rows are gone.
import { sql } from 'kysely';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../db/open.ts';
import { readSync, write } from '../../db/write.ts';
import { processImage } from '../../platform/uploads.ts';

const ACCEPT = ['png', 'jpeg', 'webp'];
/** The proposal's page shows the image up to 1200 × 900; cards a copy of 480 × 360. */
const PAGE = { width: 1200, height: 900, format: 'webp', accept: ACCEPT } as const;
const CARD = { width: 480, height: 360, format: 'webp', accept: ACCEPT } as const;
/** An image attached as a document (a plan, a photo of the place) keeps more detail. */
const ATTACHED = { width: 2400, height: 2400, format: 'webp', accept: ACCEPT } as const;

export const mediaDir = (dataDir: string) => path.join(dataDir, 'private', 'collect');
/** basename: a stored name never leaves its folder. */
export const mediaPath = (dataDir: string, stored: string) => path.join(mediaDir(dataDir), path.basename(stored));

export interface ProcessedImage {
  page: Buffer;
  card: Buffer;
  width: number;
  height: number;
}

/** The illustration image as WebP at two sizes (throws the platform's NotAnImage / ImageTooLarge). */
export async function processIllustration(data: Buffer): Promise<ProcessedImage> {
  const page = await processImage(data, PAGE);
  const card = await processImage(page, CARD);
  const { default: sharp } = await import('sharp');
  const meta = await sharp(page).metadata();
  return { page, card, width: meta.width ?? 0, height: meta.height ?? 0 };
}

/** An image sent as an attachment, re-encoded (its metadata, GPS included, dropped). */
export const processAttachedImage = (data: Buffer) => processImage(data, ATTACHED);

/** Writes the bytes under a random name; returns that name. */
export async function storeMediaFile(dataDir: string, data: Buffer, extension: 'webp' | 'pdf'): Promise<string> {
  const name = `${crypto.randomBytes(16).toString('hex')}.${extension}`;
  await fs.mkdir(mediaDir(dataDir), { recursive: true });
  await fs.writeFile(mediaPath(dataDir, name), data);
  return name;
}

export async function removeMediaFiles(dataDir: string, names: readonly string[]): Promise<void> {
  await Promise.all(names.map((n) => fs.rm(mediaPath(dataDir, n), { force: true })));
}

/**
 * Removes from disk the files queued by the trigger of migration 0020 (rows deleted), then
 * their queue entries; run after each write that may drop files, and by the module's job for
 * what a crash left. Returns how many were removed.
 */
export async function sweepRemovedFiles(db: Db, dataDir: string): Promise<number> {
  const names = readSync(db).all(db.selectFrom('collect_file_removals').select('stored').limit(sql.lit(500))).map((r) => r.stored);
  if (names.length === 0) return 0;
  await removeMediaFiles(dataDir, names);
  write(db, (tx) => tx.run(db.deleteFrom('collect_file_removals').where('stored', 'in', names)));
  return names.length;
}
