// Forms with a file. Multipart bodies are refused (415) on every route but those that declare
// an upload, and there they are read as a stream only after the session and role checks: the
// CSRF token (the form's first field) is checked before anything else is read, and the form's
// own limits stop oversized fields, too many fields, or a file past its size.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from './http.ts';
import { csrfValid } from './csrf.ts';
import { cookieNames } from './session-cookie.ts';

export interface UploadForm {
  /** Name of the file input. */
  file: string;
  fileBytes: number;
  /** Other file inputs and how many files each may send (a form's attachments), read into
   * `upload.files`; each file at most fileBytes, all files together at most totalFileBytes. */
  moreFiles?: Record<string, number>;
  totalFileBytes?: number;
  /** Text fields the form may send (hidden ones and repeated checkboxes included). */
  fields: number;
  /** Bytes of the longest text field, and of all of them together. */
  fieldBytes: number;
  totalFieldBytes: number;
}

export interface Upload {
  /** The file's content; null when none was chosen. */
  file: Buffer | null;
  /** The file was larger than the form allows (its content was not kept). */
  tooBig: boolean;
  /** The files of `moreFiles` inputs, in the order sent (empty inputs left out). */
  files: UploadedFile[];
  /** More files were sent to one of `moreFiles` inputs than it takes (the extra ones not kept). */
  tooMany: boolean;
}

export interface UploadedFile {
  field: string;
  /** The name the browser gave (never trusted for the content's kind). */
  filename: string;
  /** Null when the file was larger than fileBytes (tooBig). */
  data: Buffer | null;
  tooBig: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    upload?: UploadForm;
  }
  interface FastifyRequest {
    upload: Upload;
    /** Set when the CSRF token came in a header (htmx), before the body was read. */
    csrfChecked: boolean;
  }
}

const isMultipartType = (request: FastifyRequest) => /^multipart\//i.test(request.headers['content-type'] ?? '');

/** onRequest: a multipart body where no upload is declared is refused before it is read. */
export async function refuseStrayMultipart(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (!isMultipartType(request) || request.routeOptions.config?.upload) return;
  // Close the connection rather than read a body nobody wants.
  reply.header('connection', 'close');
  throw new HttpError(415, 'errors.415.text');
}

/**
 * Route options of a form with a file: its fields land in `request.body` (repeated names as
 * arrays, as for other forms), its file in `request.upload`. A plain urlencoded post (no file
 * chosen, JavaScript-free browsers included) goes through the usual parser and CSRF check.
 */
export function uploadRoute(form: UploadForm) {
  return {
    config: { upload: form },
    preHandler: async (request: FastifyRequest, reply: FastifyReply) => {
      try {
        await readUpload(request, form);
      } catch (err) {
        reply.header('connection', 'close'); // the rest of the body is not read
        throw err;
      }
    },
  };
}

async function readUpload(request: FastifyRequest, form: UploadForm): Promise<void> {
  request.upload = { file: null, tooBig: false, files: [], tooMany: false };
  if (!request.isMultipart()) return;
  const fields: Record<string, string | string[]> = {};
  let csrfChecked = request.csrfChecked;
  let total = 0;
  let fileTotal = 0;
  const tooLarge = () => new HttpError(413, 'errors.413.text');
  // A few files past the counts are read and dropped, so "too many" is a message, not a 413.
  const files = 1 + Object.values(form.moreFiles ?? {}).reduce((a, b) => a + b + 5, 0);
  try {
    const parts = request.parts({ limits: { fields: form.fields, fieldSize: form.fieldBytes, files, fileSize: form.fileBytes, parts: form.fields + files } });
    for await (const part of parts) {
      if (!csrfChecked) {
        const token = part.type === 'field' && part.fieldname === '_csrf' ? part.value : undefined;
        if (!csrfValid(request.cookies[cookieNames(request.server.config).csrf], request.session?.id ?? null, token)) throw new HttpError(403, 'errors.csrf.text');
        csrfChecked = true;
        continue;
      }
      if (part.type === 'file') {
        const more = form.moreFiles?.[part.fieldname];
        if (part.fieldname !== form.file && more === undefined) throw new HttpError(400, 'errors.400.text');
        const data = await part.toBuffer();
        fileTotal += data.length;
        if (form.totalFileBytes !== undefined && fileTotal > form.totalFileBytes) throw tooLarge();
        if (more === undefined) {
          if (part.file.truncated) request.upload.tooBig = true;
          else if (data.length > 0) request.upload.file = data;
        } else if (data.length > 0 || part.file.truncated) {
          if (request.upload.files.filter((f) => f.field === part.fieldname).length >= more) request.upload.tooMany = true;
          else request.upload.files.push({ field: part.fieldname, filename: part.filename ?? '', data: part.file.truncated ? null : data, tooBig: part.file.truncated });
        }
        continue;
      }
      if (part.valueTruncated || typeof part.value !== 'string') throw tooLarge();
      total += Buffer.byteLength(part.value);
      if (total > form.totalFieldBytes) throw tooLarge();
      const previous = fields[part.fieldname];
      fields[part.fieldname] = previous === undefined ? part.value : [...(Array.isArray(previous) ? previous : [previous]), part.value];
    }
  } catch (err) {
    if (err instanceof HttpError) throw err;
    const status = (err as { statusCode?: number }).statusCode;
    // Busboy's limits (too many fields or parts) and malformed bodies.
    if (status === 413) throw tooLarge();
    if (status && status >= 400 && status < 500) throw new HttpError(400, 'errors.400.text');
    throw err;
  }
  if (!csrfChecked) throw new HttpError(403, 'errors.csrf.text');
  request.body = fields;
}
