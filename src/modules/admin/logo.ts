// The logo file: decoded by sharp (the content decides, not the name), shrunk to fit 400×160,
// written as PNG without metadata under a content-hash name in DATA_DIR/uploads.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';

export const LOGO_MAX_BYTES = 5 * 1024 * 1024;
const ACCEPTED = new Set(['png', 'jpeg', 'webp']);

export class NotAnImage extends Error {}

/** The PNG to store, or NotAnImage. sharp drops EXIF and other metadata unless asked to keep it. */
export async function processLogo(input: Buffer): Promise<Buffer> {
  let format: string | undefined;
  try {
    format = (await sharp(input).metadata()).format;
  } catch {
    throw new NotAnImage();
  }
  if (!format || !ACCEPTED.has(format)) throw new NotAnImage();
  try {
    // rotate() applies the EXIF orientation before the metadata is dropped.
    return await sharp(input).rotate().resize(400, 160, { fit: 'inside', withoutEnlargement: true }).png().toBuffer();
  } catch {
    throw new NotAnImage(); // truncated or corrupt data behind a valid header
  }
}

const uploadsDir = (dataDir: string) => path.join(dataDir, 'uploads');

/** Writes the file and returns its name (the same image always gets the same name). */
export async function storeLogo(dataDir: string, png: Buffer): Promise<string> {
  const name = `logo-${crypto.createHash('sha256').update(png).digest('hex').slice(0, 16)}.png`;
  await fs.mkdir(uploadsDir(dataDir), { recursive: true });
  await fs.writeFile(path.join(uploadsDir(dataDir), name), png);
  return name;
}

export async function removeLogo(dataDir: string, name: string | null): Promise<void> {
  if (!name) return;
  // basename: the stored name is ours, but a file outside uploads must never be at stake.
  await fs.rm(path.join(uploadsDir(dataDir), path.basename(name)), { force: true });
}
