// Projects admin: who may, the form's checks (title, slug, lengths, visibility), the cover
// image (resized, EXIF stripped, non-images refused), links, and deletion.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { loginAs, anonymous, countRows as count, makeProject, postMultipart } from '../../../test/helpers/factories.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const project = (slug: string) => t.db.sqlite.prepare('select * from projects where slug = ?').get(slug) as Record<string, unknown> | undefined;

test('only administrators reach the projects admin; others are refused and nothing is written', async () => {
  const anon = await anonymous(t);
  const { client: citizen } = await loginAs(t, 'citizen');
  const id = makeProject(t.db, { slug: 'intouchable', title: 'Intouchable' });
  for (const url of ['/admin/projects', '/admin/projects/new', `/admin/projects/${id}/edit`, `/admin/projects/${id}/delete`]) {
    assert.equal((await anon.get(url)).statusCode, 303, url);
    assert.equal((await citizen.get(url)).statusCode, 403, url);
  }
  const before = count(t.db, 'projects');
  assert.equal((await citizen.post('/admin/projects', { title: 'Pirate', visibility: 'public' })).statusCode, 403);
  assert.equal((await anon.post('/admin/projects', { title: 'Pirate', visibility: 'public' })).statusCode, 401);
  assert.equal((await citizen.post(`/admin/projects/${id}`, { title: 'Modifié', visibility: 'public' })).statusCode, 403);
  assert.equal((await citizen.post(`/admin/projects/${id}/delete`, {})).statusCode, 403);
  assert.equal(count(t.db, 'projects'), before);
  assert.equal(project('intouchable')?.title, 'Intouchable');
});

test('an administrator creates a project whose slug comes from the title, with themes and districts', async () => {
  const { client } = await loginAs(t, 'admin');
  const theme = t.db.sqlite.prepare("insert into themes (name) values ('Urbanisme')").run().lastInsertRowid;
  const district = t.db.sqlite.prepare("insert into districts (name) values ('Nord-Est')").run().lastInsertRowid;
  const res = await client.submit('/admin/projects/new', {
    title: 'Réaménagement de la place du Marché',
    slug: '',
    summary: 'Donnez votre avis',
    body_md: '# Contexte\n\nLa place…',
    visibility: 'public',
    theme_ids: [String(theme), '999999'],
    district_ids: String(district),
  }, '/admin/projects');
  assert.equal(res.statusCode, 303);
  const row = project('reamenagement-de-la-place-du-marche');
  assert.ok(row);
  assert.equal(res.headers.location, `/admin/projects/${row.id}/edit`);
  assert.equal(row.visibility, 'public');
  assert.deepEqual(t.db.sqlite.prepare('select theme_id from project_themes where project_id = ?').all(row.id), [{ theme_id: Number(theme) }]);
  assert.deepEqual(t.db.sqlite.prepare('select district_id from project_districts where project_id = ?').all(row.id), [{ district_id: Number(district) }]);
  const edit = await client.get(`/admin/projects/${row.id}/edit`);
  assert.match(edit.body, /Le projet a été créé/);
  assert.match(edit.body, new RegExp(`id="theme_ids-${theme}" name="theme_ids" value="${theme}" checked`));
  // Edit: unticking every theme removes the links.
  assert.equal((await client.post(`/admin/projects/${row.id}`, { title: 'Place du Marché', slug: 'place-du-marche', visibility: 'draft', archived: '1' })).statusCode, 303);
  const saved = project('place-du-marche');
  assert.equal(saved?.title, 'Place du Marché');
  assert.equal(saved?.archived, 1);
  assert.equal(saved?.visibility, 'draft');
  assert.deepEqual(t.db.sqlite.prepare('select theme_id from project_themes where project_id = ?').all(row.id), []);
});

test('bad input is refused with clear messages, the values kept and nothing written', async () => {
  const { client } = await loginAs(t, 'admin');
  makeProject(t.db, { slug: 'deja-pris' });
  await client.get('/admin/projects/new');
  const before = count(t.db, 'projects');
  const cases: [Record<string, string>, RegExp][] = [
    [{ title: '', visibility: 'public' }, /Ce champ est obligatoire/],
    [{ title: 'x'.repeat(151), visibility: 'public' }, /ne doit pas dépasser 150 caractères/],
    [{ title: 'Bon titre', summary: 's'.repeat(301), visibility: 'public' }, /ne doit pas dépasser 300 caractères/],
    [{ title: 'Bon titre', body_md: 'b'.repeat(50001), visibility: 'public' }, /ne doit pas dépasser 50/],
    [{ title: 'Bon titre', slug: 'Pas un slug!', visibility: 'public' }, /lettres minuscules sans accent/],
    [{ title: 'Bon titre', slug: 'double--tiret', visibility: 'public' }, /lettres minuscules sans accent/],
    [{ title: 'Bon titre', slug: 'deja-pris', visibility: 'public' }, /déjà utilisée par un autre projet/],
    [{ title: 'Déjà pris', visibility: 'public' }, /déjà utilisée par un autre projet/],
    [{ title: '!!!', visibility: 'public' }, /Indiquez une adresse/],
    [{ title: 'Bon titre', visibility: 'secret' }, /ne fait pas partie des options/],
    [{ title: 'Bon titre', visibility: 'restricted' }, /au moins un groupe/],
  ];
  for (const [form, message] of cases) {
    const res = await client.post('/admin/projects', form);
    assert.equal(res.statusCode, 422, JSON.stringify(form).slice(0, 60));
    assert.match(res.body, message);
  }
  const kept = await client.post('/admin/projects', { title: 'Titre gardé', slug: 'deja-pris', summary: 'Résumé gardé', visibility: 'public' });
  assert.match(kept.body, /value="Titre gardé"/);
  assert.match(kept.body, />Résumé gardé<\/textarea>/);
  assert.equal(count(t.db, 'projects'), before);
  assert.equal((await client.post('/admin/projects', { title: 'Sans jeton', visibility: 'public', _csrf: 'faux' })).statusCode, 403);
  assert.equal(count(t.db, 'projects'), before);
});

test('a restricted project keeps its chosen groups', async () => {
  const { client } = await loginAs(t, 'admin');
  const group = t.db.sqlite.prepare("insert into user_groups (name) values ('Élus')").run().lastInsertRowid;
  await client.get('/admin/projects/new');
  assert.equal((await client.post('/admin/projects', { title: 'Réservé', visibility: 'restricted', group_ids: String(group) })).statusCode, 303);
  const row = project('reserve');
  assert.equal(row?.visibility, 'restricted');
  assert.deepEqual(t.db.sqlite.prepare('select group_id from project_groups where project_id = ?').all(row?.id), [{ group_id: Number(group) }]);
});

test('a cover image is resized to fit 1200×630, re-encoded as WebP without its EXIF data, and served', async () => {
  const { client } = await loginAs(t, 'admin');
  await client.get('/admin/projects/new');
  const jpeg = await sharp({ create: { width: 2400, height: 1600, channels: 3, background: '#3366aa' } })
    .jpeg()
    .withExif({ IFD0: { Copyright: 'Secret photographer', ImageDescription: 'GPS here' } })
    .toBuffer();
  assert.ok((await sharp(jpeg).metadata()).exif, 'the test image carries EXIF');
  const res = await postMultipart(t, client, '/admin/projects', [
    { name: '_csrf', value: client.csrf },
    { name: 'title', value: 'Avec image' },
    { name: 'visibility', value: 'public' },
    { name: 'theme_ids', value: '1' },
    { name: 'cover', filename: 'photo.jpg', type: 'image/jpeg', data: jpeg },
  ]);
  assert.equal(res.statusCode, 303, res.body.slice(0, 300));
  const row = project('avec-image');
  const coverPath = String(row?.cover_path);
  assert.match(coverPath, /^projects\/[0-9a-f]{20}\.webp$/);
  const file = path.join(t.dataDir, 'uploads', coverPath);
  const meta = await sharp(fs.readFileSync(file)).metadata();
  assert.equal(meta.format, 'webp');
  assert.ok(meta.width! <= 1200 && meta.height! <= 630, `${meta.width}×${meta.height}`);
  assert.equal(meta.width, 945); // 2400×1600 fits 630 high: 945×630
  assert.equal(meta.exif, undefined);
  const served = await client.get(`/uploads/${coverPath}`);
  assert.equal(served.statusCode, 200);

  // Replacing it removes the old file; removing it too.
  const png = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#aa3366' } }).png().toBuffer();
  await client.get(`/admin/projects/${row?.id}/edit`);
  const replaced = await postMultipart(t, client, `/admin/projects/${row?.id}`, [
    { name: '_csrf', value: client.csrf },
    { name: 'title', value: 'Avec image' },
    { name: 'slug', value: 'avec-image' },
    { name: 'visibility', value: 'public' },
    { name: 'cover', filename: 'autre.png', type: 'image/png', data: png },
  ]);
  assert.equal(replaced.statusCode, 303);
  const newPath = String(project('avec-image')?.cover_path);
  assert.notEqual(newPath, coverPath);
  assert.equal(fs.existsSync(file), false);
  // No file chosen: the browser sends an empty part; the cover stays.
  const kept = await postMultipart(t, client, `/admin/projects/${row?.id}`, [
    { name: '_csrf', value: client.csrf },
    { name: 'title', value: 'Avec image' },
    { name: 'slug', value: 'avec-image' },
    { name: 'visibility', value: 'public' },
    { name: 'cover', filename: '', type: 'application/octet-stream', data: Buffer.alloc(0) },
  ]);
  assert.equal(kept.statusCode, 303);
  assert.equal(project('avec-image')?.cover_path, newPath);
  assert.equal((await client.post(`/admin/projects/${row?.id}`, { title: 'Avec image', slug: 'avec-image', visibility: 'public', remove_cover: '1' })).statusCode, 303);
  assert.equal(project('avec-image')?.cover_path, null);
  assert.equal(fs.existsSync(path.join(t.dataDir, 'uploads', newPath)), false);
});

test('a file that is not an image is refused as a cover and nothing is written', async () => {
  const { client } = await loginAs(t, 'admin');
  await client.get('/admin/projects/new');
  const before = count(t.db, 'projects');
  const res = await postMultipart(t, client, '/admin/projects', [
    { name: '_csrf', value: client.csrf },
    { name: 'title', value: 'Faux fichier' },
    { name: 'visibility', value: 'public' },
    { name: 'cover', filename: 'image.png', type: 'image/png', data: Buffer.from('%PDF-1.4 not an image at all') },
  ]);
  assert.equal(res.statusCode, 422);
  assert.match(res.body, /n’est pas une image PNG, JPEG ou WebP lisible/);
  assert.match(res.body, /value="Faux fichier"/);
  assert.equal(count(t.db, 'projects'), before);
});

test('deleting a project asks for confirmation, then removes it and its steps', async () => {
  const { client } = await loginAs(t, 'admin');
  const id = makeProject(t.db, { slug: 'a-supprimer', title: 'À supprimer' });
  t.db.sqlite.prepare("insert into steps (project_id, position, type, title, created_at, updated_at) values (?, 1, 'presentation', 'É', '2026-01-01', '2026-01-01')").run(id);
  const confirm = await client.get(`/admin/projects/${id}/delete`);
  assert.equal(confirm.statusCode, 200);
  assert.match(confirm.body, /À supprimer/);
  assert.equal((await client.post(`/admin/projects/${id}/delete`, {})).statusCode, 303);
  assert.equal(project('a-supprimer'), undefined);
  assert.equal(t.db.sqlite.prepare('select 1 from steps where project_id = ?').get(id), undefined);
  assert.equal((await client.post(`/admin/projects/${id}/delete`, {})).statusCode, 404);
  assert.equal((await client.get('/admin/projects/999999/edit')).statusCode, 404);
});

test('the admin list shows every project, drafts included', async () => {
  const { client } = await loginAs(t, 'admin');
  makeProject(t.db, { slug: 'brouillon-liste', title: 'Brouillon de liste', visibility: 'draft' });
  const res = await client.get('/admin/projects');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /Brouillon de liste/);
  assert.match(res.body, /Brouillon<\/td>/);
});
