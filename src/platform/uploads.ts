// Uploaded images (the logo, project covers): decoded by sharp, so the content decides, not the
// file name; shrunk to fit a box; re-encoded without metadata (EXIF, GPS); stored under a
// content-hash name in DATA_DIR/uploads/<folder> and served at /uploads/<folder>/<name>.
// sharp (libvips) is loaded on the first upload only: a server that never gets one saves its memory.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

export const IMAGE_MAX_BYTES = 5 * 1024 * 1024;
const ACCEPTED = new Set(['png', 'jpeg', 'webp', 'gif', 'avif', 'heif']);

export class NotAnImage extends Error {}

export interface ImageShape {
  width: number;
  height: number;
  format: 'png' | 'webp';
  /** Formats taken in; by default the common photo and web formats. */
  accept?: readonly string[];
}

/** The re-encoded image, or NotAnImage. sharp drops EXIF and other metadata unless asked to keep it. */
export async function processImage(input: Buffer, shape: ImageShape): Promise<Buffer> {
  const { default: sharp } = await import('sharp');
  let format: string | undefined;
  try {
    format = (await sharp(input).metadata()).format;
  } catch {
    throw new NotAnImage();
  }
  const accepted = shape.accept ? new Set(shape.accept) : ACCEPTED;
  if (!format || !accepted.has(format)) throw new NotAnImage();
  try {
    // rotate() applies the EXIF orientation before the metadata is dropped.
    const resized = sharp(input).rotate().resize(shape.width, shape.height, { fit: 'inside', withoutEnlargement: true });
    return await (shape.format === 'png' ? resized.png() : resized.webp({ quality: 82 })).toBuffer();
  } catch {
    throw new NotAnImage(); // truncated or corrupt data behind a valid header
  }
}

/** Writes the file and returns its path under uploads/ (the same image always gets the same name). */
export async function storeUpload(dataDir: string, folder: string, prefix: string, data: Buffer, extension: string): Promise<string> {
  const name = `${prefix}${crypto.createHash('sha256').update(data).digest('hex').slice(0, 20)}.${extension}`;
  const dir = path.join(dataDir, 'uploads', folder);
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(path.join(dir, name), data);
  return folder ? `${folder}/${name}` : name;
}

export async function removeUpload(dataDir: string, folder: string, stored: string | null | undefined): Promise<void> {
  if (!stored) return;
  // basename: the stored path is ours, but a file outside its folder must never be at stake.
  await fs.rm(path.join(dataDir, 'uploads', folder, path.basename(stored)), { force: true });
}
