// Files sent as answers: recognised by their first bytes (never by the name a browser gives), and
// kept out of the public uploads folder (DATA_DIR/private/questions), read back by administrators only.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FileKind } from './types.ts';

const starts = (data: Buffer, bytes: number[], at = 0) => bytes.every((b, i) => data[at + i] === b);

/** The kind of a file from its content, or null for anything else. */
export function sniffFile(data: Buffer): FileKind | null {
  if (starts(data, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (starts(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts(data, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts(data, [0x52, 0x49, 0x46, 0x46]) && starts(data, [0x57, 0x45, 0x42, 0x50], 8)) return 'webp';
  // OpenDocument and Office Open XML files are zip archives.
  if (starts(data, [0x50, 0x4b, 0x03, 0x04])) return 'office';
  return null;
}

const EXTENSION: Record<FileKind, string> = { pdf: 'pdf', png: 'png', jpeg: 'jpg', webp: 'webp', office: 'zip' };
const folder = (dataDir: string) => path.join(dataDir, 'private', 'questions');

/** Writes the file under a random name (answers are private); returns that name. */
export async function storeAnswerFile(dataDir: string, data: Buffer, kind: FileKind): Promise<string> {
  const name = `${crypto.randomBytes(16).toString('hex')}.${EXTENSION[kind]}`;
  await fs.mkdir(folder(dataDir), { recursive: true });
  await fs.writeFile(path.join(folder(dataDir), name), data);
  return name;
}

/** The stored file's full path (basename: a stored name never leaves its folder). */
export const answerFilePath = (dataDir: string, stored: string) => path.join(folder(dataDir), path.basename(stored));

export const FILE_MIME: Record<FileKind, string> = { pdf: 'application/pdf', png: 'image/png', jpeg: 'image/jpeg', webp: 'image/webp', office: 'application/zip' };
