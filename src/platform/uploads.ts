// Uploaded images (the logo, project covers): decoded by sharp, so the content decides, not the
// file name; shrunk to fit a box; re-encoded without metadata (EXIF, GPS); stored under a
// content-hash name in DATA_DIR/uploads/<folder> and served at /uploads/<folder>/<name>.
// sharp (libvips) is loaded on the first upload only: a server that never gets one saves its memory.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

export const IMAGE_MAX_BYTES = 5 * 1024 * 1024;
/** A few kilobytes can declare a huge canvas (a 16,000,000 × 16 PNG takes 31 KB): the size read
 * from the header is checked before anything is decoded. A 40-megapixel photo still passes. */
export const IMAGE_MAX_SIDE = 12_000;
export const IMAGE_MAX_PIXELS = 40_000_000;
const ACCEPTED = new Set(['png', 'jpeg', 'webp', 'gif', 'avif', 'heif']);

export class NotAnImage extends Error {}
/** Decodable, but larger than IMAGE_MAX_SIDE or IMAGE_MAX_PIXELS. */
export class ImageTooLarge extends NotAnImage {}
/** The form error that says so. */
export const imageTooLargeError = { key: 'uploads.errors.dimensions', params: { side: IMAGE_MAX_SIDE, megapixels: IMAGE_MAX_PIXELS / 1_000_000 } };

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
  let meta: { format?: string; width?: number; height?: number };
  try {
    meta = await sharp(input, { limitInputPixels: false }).metadata(); // reads the header only
  } catch {
    throw new NotAnImage();
  }
  const accepted = shape.accept ? new Set(shape.accept) : ACCEPTED;
  if (!meta.format || !accepted.has(meta.format)) throw new NotAnImage();
  const [w, h] = [meta.width ?? 0, meta.height ?? 0];
  if (w > IMAGE_MAX_SIDE || h > IMAGE_MAX_SIDE || w * h > IMAGE_MAX_PIXELS) throw new ImageTooLarge();
  try {
    // rotate() applies the EXIF orientation before the metadata is dropped.
    const resized = sharp(input, { limitInputPixels: IMAGE_MAX_PIXELS }).rotate().resize(shape.width, shape.height, { fit: 'inside', withoutEnlargement: true });
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
