// Test files for a proposal's media: real images made by sharp (one with EXIF and GPS to see them
// dropped), a small PDF, a text file dressed as either; and the multipart post of the proposal
// form, parts in document order as a browser sends them.
import sharp from 'sharp';
import fs from 'node:fs';
import { postMultipart } from '../../../test/helpers/factories.ts';
import type { Client, TestApp } from '../../../test/helpers/app.ts';
import { mediaDir } from './media-files.ts';

/** A 640 × 480 photo with a camera's metadata, as a phone sends it. */
export const photo = () =>
  sharp({ create: { width: 640, height: 480, channels: 3, background: '#3a7d44' } })
    .jpeg()
    .withExif({ IFD0: { Artist: 'Camille Martin', Copyright: 'Camille' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 0/1' } })
    .toBuffer();
export const png = () => sharp({ create: { width: 200, height: 100, channels: 4, background: '#1d4ed8' } }).png().toBuffer();
export const pdf = (extra = 0) => Buffer.concat([Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n'), Buffer.alloc(extra, 0x20), Buffer.from('\n%%EOF\n')]);
export const textFile = () => Buffer.from('Ceci est un simple texte, pas une image.');

export type File = { name: string; filename: string; type: string; data: Buffer };
export const image = (data: Buffer, filename = 'photo.jpg', type = 'image/jpeg'): File => ({ name: 'image', filename, type, data });
export const attachment = (data: Buffer, filename = 'plan.pdf', type = 'application/pdf'): File => ({ name: 'attachments', filename, type, data });

/** Posts the proposal form as multipart: the token first, then the fields, then the files. */
export function postForm(t: TestApp, client: Client, url: string, fields: Record<string, string | string[]>, files: File[] = []) {
  const parts = [{ name: '_csrf', value: client.csrf }, ...Object.entries(fields).flatMap(([name, v]) => (Array.isArray(v) ? v : [v]).map((value) => ({ name, value }))), ...files];
  return postMultipart(t, client, url, parts);
}

/** The files on disk in DATA_DIR/private/collect. */
export const filesOnDisk = (t: TestApp): string[] => (fs.existsSync(mediaDir(t.dataDir)) ? fs.readdirSync(mediaDir(t.dataDir)).sort() : []);
