// Project cover images: decoded by sharp (the content decides, not the file name), shrunk to fit
// 1200×630, re-encoded as WebP without metadata (EXIF, GPS), stored under a content-hash name
// in DATA_DIR/uploads/projects and served at /uploads/projects/<name>.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';

export const COVER_MAX_BYTES = 5 * 1024 * 1024;
const ACCEPTED = new Set(['png', 'jpeg', 'webp', 'gif', 'avif', 'heif']);

export class NotAnImage extends Error {}

/** The WebP to store, or NotAnImage. sharp drops EXIF and other metadata unless asked to keep it. */
export async function processCover(input: Buffer): Promise<Buffer> {
  let format: string | undefined;
  try {
    format = (await sharp(input).metadata()).format;
  } catch {
    throw new NotAnImage();
  }
  if (!format || !ACCEPTED.has(format)) throw new NotAnImage();
  try {
    // rotate() applies the EXIF orientation before the metadata is dropped.
    return await sharp(input).rotate().resize(1200, 630, { fit: 'inside', withoutEnlargement: true }).webp({ quality: 82 }).toBuffer();
  } catch {
    throw new NotAnImage(); // truncated or corrupt data behind a valid header
  }
}

const coversDir = (dataDir: string) => path.join(dataDir, 'uploads', 'projects');

/** Writes the file; returns its path relative to the uploads folder ('projects/<hash>.webp'). */
export async function storeCover(dataDir: string, webp: Buffer): Promise<string> {
  const name = `${crypto.createHash('sha256').update(webp).digest('hex').slice(0, 20)}.webp`;
  await fs.mkdir(coversDir(dataDir), { recursive: true });
  await fs.writeFile(path.join(coversDir(dataDir), name), webp);
  return `projects/${name}`;
}

export async function removeCover(dataDir: string, coverPath: string | null | undefined): Promise<void> {
  if (!coverPath) return;
  // basename: the stored path is ours, but a file outside the covers folder must never be at stake.
  await fs.rm(path.join(coversDir(dataDir), path.basename(coverPath)), { force: true });
}
