// The news back office: creating, editing and deleting posts; the date typed on the instance's
// wall clock and stored in UTC; the image (re-encoded WebP, replaced, removed, refused when not
// an image); refused forms answer 422 with their messages in French and English and write nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { countRows, loginAs, makeProject, postMultipart } from '../../../test/helpers/factories.ts';
import { makePost } from './test-fixtures.ts';

let t: TestApp;
before(async () => (t = await makeApp({ env: { TIME_ZONE: 'Europe/Paris' } })));
after(() => t.close());

const form = (o: Record<string, string> = {}) => ({ title: 'Réunion de rentrée', slug: '', project_id: '', published_at: '2026-07-14T10:30', body_md: 'Venez **nombreux**.', image_alt: '', ...o });
const row = (slug: string) => t.db.sqlite.prepare('select * from news_posts where slug = ?').get(slug) as Record<string, unknown> | undefined;

test('an administrator creates a post: the slug comes from the title, the Paris time is stored in UTC', async () => {
  const { client } = await loginAs(t, 'admin');
  const project = makeProject(t.db, { title: 'Projet lié' });
  await client.get('/admin/news/new');
  const res = await client.post('/admin/news', form({ project_id: String(project) }));
  assert.equal(res.statusCode, 303);
  const post = row('reunion-de-rentree')!;
  assert.equal(res.headers.location, `/admin/news/${post.id}/edit`);
  assert.equal(post.published_at, '2026-07-14T08:30:00.000Z', 'summer time in Paris is UTC+2');
  assert.equal(post.project_id, project);
  const edit = await client.get(String(res.headers.location));
  assert.match(edit.body, /L’actualité est créée/);
  assert.match(edit.body, /value="2026-07-14T10:30"/, 'shown again on the wall clock');
  assert.match((await client.get('/admin/news')).body, /Réunion de rentrée/);
});

test('an empty date keeps a draft; a date to come schedules the post', async () => {
  const { client } = await loginAs(t, 'admin');
  await client.get('/admin/news/new');
  assert.equal((await client.post('/admin/news', form({ title: 'Un brouillon', published_at: '' }))).statusCode, 303);
  assert.equal(row('un-brouillon')!.published_at, null);
  assert.equal((await client.post('/admin/news', form({ title: 'Plus tard', published_at: '2099-01-01T09:00' }))).statusCode, 303);
  const list = (await client.get('/admin/news')).body;
  assert.match(list, /Brouillon/);
  assert.match(list, /Programmée/);
});

for (const [lang, messages] of [
  ['fr', { required: 'Ce champ est obligatoire.', date: 'Indiquez une date et une heure valides.', slug: 'Utilisez seulement des lettres minuscules', choice: 'Ce choix ne fait pas partie des options proposées.' }],
  ['en', { required: 'This field is required.', date: 'Give a valid date and time.', slug: 'Use only lowercase letters', choice: 'This choice is not one of the options offered.' }],
] as const) {
  test(`refused forms answer 422 with their messages and write nothing (${lang})`, async () => {
    const { client } = await loginAs(t, 'admin');
    client.cookies.set('lang', lang);
    await client.get('/admin/news/new');
    const before = countRows(t, 'news_posts');
    const cases: [Record<string, string>, string[]][] = [
      [form({ title: '', body_md: '' }), [messages.required]],
      [form({ published_at: '2026-02-31T10:00' }), [messages.date]],
      [form({ slug: 'Pas Bon!' }), [messages.slug]],
      [form({ project_id: '999999' }), [messages.choice]],
      [form({ title: 'x'.repeat(151) }), [lang === 'fr' ? 'ne doit pas dépasser 150 caractères' : 'must not be longer than 150 characters']],
    ];
    for (const [body, expected] of cases) {
      const res = await client.post('/admin/news', body);
      assert.equal(res.statusCode, 422, JSON.stringify(body));
      for (const m of expected) assert.ok(res.body.includes(m), `${m} in the answer to ${JSON.stringify(body)}`);
      assert.match(res.body, /class="error-summary"/);
    }
    assert.equal(countRows(t, 'news_posts'), before);
  });
}

test('a slug already taken is refused with 422 on creation and on edit, and the values are kept', async () => {
  const { client } = await loginAs(t, 'admin');
  const taken = makePost(t.db, { slug: `prise-${process.pid}` });
  const other = makePost(t.db);
  await client.get('/admin/news/new');
  const before = countRows(t, 'news_posts');
  const created = await client.post('/admin/news', form({ slug: taken.slug, title: 'Titre gardé' }));
  assert.equal(created.statusCode, 422);
  assert.match(created.body, /Une autre actualité a déjà cette adresse/);
  assert.match(created.body, /value="Titre gardé"/);
  assert.equal(countRows(t, 'news_posts'), before);
  const edited = await client.post(`/admin/news/${other.id}`, form({ slug: taken.slug }));
  assert.equal(edited.statusCode, 422);
  assert.match(String(row(other.slug)?.title), /^Actualité \d+$/, 'the post did not change');
});

test('the image is re-encoded as WebP in uploads/news, replaced, then removed with its file', async () => {
  const { client } = await loginAs(t, 'admin');
  await client.get('/admin/news/new');
  const jpeg = await sharp({ create: { width: 2400, height: 1600, channels: 3, background: '#3366aa' } }).jpeg().withMetadata({ exif: { IFD0: { Copyright: 'Secret' } } }).toBuffer();
  const fields = Object.entries(form({ title: 'Avec image', image_alt: 'La place du marché' })).map(([name, value]) => ({ name, value }));
  const res = await postMultipart(t, client, '/admin/news', [{ name: '_csrf', value: client.csrf }, ...fields, { name: 'image', filename: 'photo.jpg', type: 'image/jpeg', data: jpeg }]);
  assert.equal(res.statusCode, 303);
  const first = row('avec-image')!;
  assert.match(String(first.image_path), /^news\/[0-9a-f]{20}\.webp$/);
  const file = path.join(t.dataDir, 'uploads', String(first.image_path));
  const meta = await sharp(fs.readFileSync(file)).metadata();
  assert.deepEqual([meta.format, meta.width, meta.height, meta.exif], ['webp', 945, 630, undefined]);
  const page = await t.client().get('/news/avec-image');
  assert.match(page.body, new RegExp(`<img class="news-image" src="/uploads/${first.image_path}" alt="La place du marché">`));

  const png = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#aa3366' } }).png().toBuffer();
  const replaced = await postMultipart(t, client, `/admin/news/${first.id}`, [{ name: '_csrf', value: client.csrf }, ...fields, { name: 'image', filename: 'autre.png', type: 'image/png', data: png }]);
  assert.equal(replaced.statusCode, 303);
  const second = row('avec-image')!;
  assert.notEqual(second.image_path, first.image_path);
  assert.ok(!fs.existsSync(file), 'the old file is deleted');

  const removed = await client.post(`/admin/news/${first.id}`, { ...form({ title: 'Avec image' }), slug: 'avec-image', remove_image: '1' });
  assert.equal(removed.statusCode, 303);
  assert.equal(row('avec-image')!.image_path, null);
  assert.ok(!fs.existsSync(path.join(t.dataDir, 'uploads', String(second.image_path))));
});

test('a file that is not an image is refused with 422 and nothing is stored', async () => {
  const { client } = await loginAs(t, 'admin');
  await client.get('/admin/news/new');
  const before = countRows(t, 'news_posts');
  const fields = Object.entries(form({ title: 'Pas une image' })).map(([name, value]) => ({ name, value }));
  const res = await postMultipart(t, client, '/admin/news', [{ name: '_csrf', value: client.csrf }, ...fields, { name: 'image', filename: 'image.png', type: 'image/png', data: Buffer.from('%PDF-1.4 not an image') }]);
  assert.equal(res.statusCode, 422);
  assert.match(res.body, /Ce fichier n’est pas une image PNG, JPEG ou WebP lisible/);
  assert.equal(countRows(t, 'news_posts'), before);
  // A GIF is an image, but not one the form names: refused the same way.
  const gif = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#336699' } }).gif().toBuffer();
  const refused = await postMultipart(t, client, '/admin/news', [{ name: '_csrf', value: client.csrf }, ...fields, { name: 'image', filename: 'anim.gif', type: 'image/gif', data: gif }]);
  assert.equal(refused.statusCode, 422);
  assert.match(refused.body, /value="Pas une image"/, 'the values typed are kept');
  assert.equal(countRows(t, 'news_posts'), before);
  const folder = path.join(t.dataDir, 'uploads', 'news');
  assert.deepEqual(fs.existsSync(folder) ? fs.readdirSync(folder) : [], [], 'no file stored for a refused form');
  const forged = await postMultipart(t, client, '/admin/news', [{ name: '_csrf', value: 'forged' }, ...fields]);
  assert.equal(forged.statusCode, 403, 'the token is checked before the file is read');
});

test('deleting a post asks for a confirmation, then removes it', async () => {
  const { client } = await loginAs(t, 'admin');
  const post = makePost(t.db, { title: 'À supprimer' });
  const confirm = await client.get(`/admin/news/${post.id}/delete`);
  assert.match(confirm.body, /L’actualité « À supprimer » et son image seront supprimées définitivement/);
  const res = await client.post(`/admin/news/${post.id}/delete`);
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/admin/news');
  assert.equal(countRows(t, `news_posts where id = ${post.id}`), 0);
  assert.equal((await client.post(`/admin/news/${post.id}/delete`)).statusCode, 404, 'twice: already gone');
});

test('the dashboard links to the news admin', async () => {
  const { client } = await loginAs(t, 'admin');
  assert.match((await client.get('/admin')).body, /<a href="\/admin\/news">Actualités<\/a>/);
});
