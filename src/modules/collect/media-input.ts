// Reading a proposal's files from its form (multipart, platform/multipart.ts): the illustration
// image and its description, the attachments added and those removed, each checked by content
// (an image decoded by sharp, a PDF by its first bytes) and size, against the step's limits;
// errors beside the fields. Then the new files written to disk before the proposal's transaction,
// and removed again if that transaction fails.
import type { FastifyRequest } from 'fastify';
import { checkText, type FormErrors } from '../../platform/forms.ts';
import { ImageTooLarge, NotAnImage, imageTooLargeError } from '../../platform/uploads.ts';
import { sniffFile } from '../../platform/questions/files.ts';
import type { FormValues } from '../../platform/questions/types.ts';
import type { FormConfig } from './rules.ts';
import type { ProposalMedia } from './media-queries.ts';
import type { MediaChange, StoredFile } from './media-writes.ts';
import { processAttachedImage, processIllustration, removeMediaFiles, storeMediaFile, type ProcessedImage } from './media-files.ts';
import { ALT_MAX, MB, cleanFileName } from './media-rules.ts';

interface ReadyFile {
  data: Buffer;
  kind: 'pdf' | 'webp';
  name: string;
}

/** The files read and checked, not yet on disk. */
export interface MediaInput {
  image: ProcessedImage | null;
  removeImage: boolean;
  alt: string | null;
  attachments: ReadyFile[];
  removeAttachments: number[];
}

const NONE: ProposalMedia = { image: null, attachments: [], lat: null, lng: null };
const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : []);

async function readImage(data: Buffer, errors: FormErrors): Promise<ProcessedImage | null> {
  try {
    return await processIllustration(data);
  } catch (err) {
    if (err instanceof ImageTooLarge) errors.image = imageTooLargeError;
    else if (err instanceof NotAnImage) errors.image = { key: 'collect.media.errors.not_image' };
    else throw err;
    return null;
  }
}

/** A PDF as sent, or an image re-encoded; anything else is refused by its content. */
async function readAttachment(data: Buffer, filename: string): Promise<ReadyFile | { error: string }> {
  const kind = sniffFile(data);
  if (kind === 'pdf') return { data, kind: 'pdf', name: cleanFileName(filename, 'pdf') };
  if (kind !== 'png' && kind !== 'jpeg' && kind !== 'webp') return { error: 'collect.media.errors.attachment_kind' };
  try {
    return { data: await processAttachedImage(data), kind: 'webp', name: cleanFileName(filename, 'webp') };
  } catch (err) {
    if (err instanceof NotAnImage) return { error: 'collect.media.errors.attachment_kind' };
    throw err;
  }
}

/**
 * The form's files against the step's configuration and what the proposal already has (an
 * edit); fields the form does not show are ignored, as their text fields are.
 */
export async function readMedia(request: FastifyRequest, form: FormConfig, values: FormValues, errors: FormErrors, existing: ProposalMedia = NONE): Promise<MediaInput> {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const upload = request.upload ?? { file: null, tooBig: false, files: [], tooMany: false };
  const maxBytes = form.files.mb * MB;
  const tooBig = { key: 'collect.media.errors.too_big', params: { mb: form.files.mb } };
  const input: MediaInput = { image: null, removeImage: false, alt: null, attachments: [], removeAttachments: [] };

  if (form.fields.image.mode !== 'off') {
    const alt = typeof values.image_alt === 'string' ? values.image_alt.trim() : '';
    checkText(errors, 'image_alt', alt, { max: ALT_MAX });
    input.alt = alt;
    input.removeImage = !!existing.image && list(body.remove_image).length > 0;
    if (upload.tooBig || (upload.file && upload.file.length > maxBytes)) errors.image = tooBig;
    else if (upload.file) input.image = await readImage(upload.file, errors);
    if (!errors.image && form.fields.image.mode === 'required' && !input.image && (!existing.image || input.removeImage)) errors.image = { key: 'collect.media.errors.image_required' };
  }

  if (form.fields.attachments.mode !== 'off') {
    const ids = new Set(existing.attachments.map((a) => a.id));
    input.removeAttachments = list(body.remove_attachment).map(Number).filter((id) => ids.has(id));
    const sent = upload.files.filter((f) => f.field === 'attachments');
    const kept = existing.attachments.length - input.removeAttachments.length;
    if (upload.tooMany || kept + sent.length > form.files.count) errors.attachments = { key: 'collect.media.errors.too_many', params: { max: form.files.count } };
    else if (sent.some((f) => f.tooBig || !f.data || f.data.length > maxBytes)) errors.attachments = tooBig;
    else {
      for (const f of sent) {
        const read = await readAttachment(f.data!, f.filename);
        if ('error' in read) {
          errors.attachments = { key: read.error, params: { name: cleanFileName(f.filename, 'pdf').replace(/\.pdf$/, '') } };
          break;
        }
        input.attachments.push(read);
      }
    }
    if (!errors.attachments && form.fields.attachments.mode === 'required' && kept + input.attachments.length === 0) errors.attachments = { key: 'collect.media.errors.attachments_required' };
  }
  return input;
}

/** True when the form brought new files (a 422 must say they were not kept). */
export const hasNewFiles = (request: FastifyRequest) => !!request.upload && (!!request.upload.file || request.upload.files.length > 0);

/** Writes the new files; the change to apply in the proposal's transaction, and how to undo the disk. */
export async function storeMedia(dataDir: string, m: MediaInput): Promise<{ change: MediaChange; discard: () => Promise<void> }> {
  const written: string[] = [];
  const store = async (data: Buffer, ext: 'webp' | 'pdf') => {
    const name = await storeMediaFile(dataDir, data, ext);
    written.push(name);
    return name;
  };
  let image: StoredFile | null = null;
  if (m.image) image = { stored: await store(m.image.page, 'webp'), card: await store(m.image.card, 'webp'), name: '', kind: 'webp', bytes: m.image.page.length, width: m.image.width, height: m.image.height };
  const attachments: StoredFile[] = [];
  for (const a of m.attachments) attachments.push({ stored: await store(a.data, a.kind), card: null, name: a.name, kind: a.kind, bytes: a.data.length, width: null, height: null });
  return {
    change: { image, removeImage: m.removeImage, alt: m.alt, attachments, removeAttachments: m.removeAttachments },
    discard: () => removeMediaFiles(dataDir, written),
  };
}
