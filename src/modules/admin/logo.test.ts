// The logo upload: real images made by sharp, stored as small PNGs without metadata, the old
// file removed; anything that is not a PNG, JPEG or WebP image is refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';
import { makeApp, type TestApp, type Client } from '../../../test/helpers/app.ts';
import { getSite } from '../../platform/site.ts';
import { loginAs, postMultipart } from '../../../test/helpers/factories.ts';

let t: TestApp;
let admin: Client;
before(async () => {
  t = await makeApp();
  admin = (await loginAs(t, 'admin')).client;
  await admin.get('/admin/settings');
});
after(() => t.close());

const uploads = () => path.join(t.dataDir, 'uploads');
const image = (width: number, height: number, colour: string) => sharp({ create: { width, height, channels: 3, background: colour } });
const upload = (data: Buffer, type = 'image/png', filename = 'logo.png', csrf?: string) => postMultipart(t, admin, '/admin/settings/logo', [{ name: '_csrf', value: csrf ?? admin.csrf }, { name: 'logo', filename, type, data }]);

test('a PNG logo is shrunk to fit 400×160, stored as PNG and shown in the header', async () => {
  const res = await upload(await image(1200, 300, '#123456').png().toBuffer());
  assert.equal(res.statusCode, 303);
  const name = getSite(t.db).logo_path;
  assert.match(name ?? '', /^logo-[0-9a-f]{20}\.png$/);
  const meta = await sharp(path.join(uploads(), name!)).metadata();
  assert.equal(meta.format, 'png');
  assert.ok(meta.width! <= 400 && meta.height! <= 160, `${meta.width}×${meta.height}`);
  assert.equal(meta.width, 400);
  const home = await t.client().get('/');
  assert.match(home.body, new RegExp(`<img src="/uploads/${name}"`));
  const file = await t.client().get(`/uploads/${name}`);
  assert.equal(file.statusCode, 200);
  assert.match(String(file.headers['content-type']), /image\/png/);
});

test('a JPEG logo with EXIF metadata is stored as PNG without it, and the old file is removed', async () => {
  const previous = getSite(t.db).logo_path;
  assert.ok(previous && fs.existsSync(path.join(uploads(), previous)));
  const jpeg = await image(300, 600, '#884422').jpeg().withMetadata({ exif: { IFD0: { Copyright: 'x' } } }).toBuffer();
  assert.ok((await sharp(jpeg).metadata()).exif, 'the test image does carry EXIF');
  const res = await upload(jpeg, 'image/jpeg', 'photo.jpg');
  assert.equal(res.statusCode, 303);
  const name = getSite(t.db).logo_path!;
  assert.notEqual(name, previous);
  const stored = fs.readFileSync(path.join(uploads(), name));
  const meta = await sharp(stored).metadata();
  assert.equal(meta.format, 'png');
  assert.ok(meta.height! <= 160 && meta.width! <= 400);
  assert.equal(meta.exif, undefined, 'no EXIF kept');
  assert.ok(!stored.includes(Buffer.from('Copyright')) && !stored.includes(Buffer.from('eXIf')));
  assert.equal(fs.existsSync(path.join(uploads(), previous)), false, 'the previous file is gone');
});

test('a WebP logo is accepted', async () => {
  const res = await upload(await image(100, 50, '#225588').webp().toBuffer(), 'image/webp', 'logo.webp');
  assert.equal(res.statusCode, 303);
  assert.equal((await sharp(path.join(uploads(), getSite(t.db).logo_path!)).metadata()).format, 'png');
});

const refused: [string, () => Promise<Buffer>, RegExp][] = [
  ['a text file named .png', async () => Buffer.from('ceci n’est pas une image'), /n’est pas une image PNG, JPEG ou WebP lisible/],
  ['a truncated PNG', async () => (await image(200, 200, '#000000').png().toBuffer()).subarray(0, 60), /n’est pas une image PNG, JPEG ou WebP lisible/],
  ['a GIF image', async () => image(20, 20, '#000000').gif().toBuffer(), /n’est pas une image PNG, JPEG ou WebP lisible/],
  ['an empty file', async () => Buffer.alloc(0), /Choisissez un fichier image/],
];
for (const [what, make, message] of refused) {
  test(`${what} is refused with 422 and a clear message, the logo unchanged`, async () => {
    const before = getSite(t.db);
    const files = fs.readdirSync(uploads()).sort();
    const res = await upload(await make());
    assert.equal(res.statusCode, 422);
    assert.match(res.body, message);
    assert.match(res.body, /enctype="multipart\/form-data"/);
    assert.match(res.body, /aria-describedby="field-logo-hint field-logo-error" aria-invalid="true"/);
    assert.deepEqual(getSite(t.db), before);
    assert.deepEqual(fs.readdirSync(uploads()).sort(), files);
  });
}

test('a file over 5 MB is refused with 413', async () => {
  const before = getSite(t.db);
  const res = await upload(Buffer.alloc(5 * 1024 * 1024 + 10, 1));
  assert.equal(res.statusCode, 413);
  assert.deepEqual(getSite(t.db), before);
});

test('an upload without a valid CSRF token is refused with 403 and writes nothing', async () => {
  const before = getSite(t.db);
  const files = fs.readdirSync(uploads()).sort();
  const res = await upload(await image(50, 50, '#000000').png().toBuffer(), 'image/png', 'logo.png', 'wrong');
  assert.equal(res.statusCode, 403);
  assert.deepEqual(getSite(t.db), before);
  assert.deepEqual(fs.readdirSync(uploads()).sort(), files);
});

test('the upload form sends the CSRF field before the file input', async () => {
  const page = await admin.get('/admin/settings');
  const form = /<form method="post" action="\/admin\/settings\/logo" enctype="multipart\/form-data">[\s\S]*?<\/form>/.exec(page.body)?.[0] ?? '';
  assert.ok(form.indexOf('name="_csrf"') >= 0 && form.indexOf('name="_csrf"') < form.indexOf('type="file"'));
});

test('removing the logo deletes its file and the header shows the name alone', async () => {
  const name = getSite(t.db).logo_path!;
  await admin.get('/admin/settings');
  const res = await admin.post('/admin/settings/logo/delete');
  assert.equal(res.statusCode, 303);
  assert.equal(getSite(t.db).logo_path, null);
  assert.equal(fs.existsSync(path.join(uploads(), name)), false);
  const home = await t.client().get('/');
  assert.doesNotMatch(home.body, /<img src="\/uploads\//);
});

/** A real, valid PNG of 16,000,000 × 16 one-bit pixels: about 31 KB, 256 megapixels once decoded. */
function hugeCanvasPng(): Buffer {
  const width = 16_000_000;
  const height = 16;
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // greyscale
  const row = Buffer.alloc(1 + width / 8); // filter byte + zeros
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

test('a tiny file declaring a huge canvas is refused from its header, in well under a second', async () => {
  const png = hugeCanvasPng();
  assert.ok(png.length < 64 * 1024, `${png.length} bytes`);
  const before = getSite(t.db);
  const started = Date.now();
  const res = await upload(png);
  assert.ok(Date.now() - started < 1000, `${Date.now() - started} ms`);
  assert.equal(res.statusCode, 422);
  assert.match(res.body, /Cette image est trop grande : 12\u202f000 pixels de côté et 40 millions de pixels au plus/);
  assert.deepEqual(getSite(t.db), before);
});
