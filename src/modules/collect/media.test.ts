// A proposal's illustration image and attachments: the form turns multipart only when the step
// asks for files; images re-encoded without their metadata and served with the proposal's
// visibility; attachments (PDF by their first bytes, or images) listed with name and size;
// refusals (wrong kind, too large, too many, missing) with 422 and nothing written; edits that
// keep, replace or remove; drafts that keep text only; the export and erasure of a person's files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { addUser, anonymous, countRows, loginAs } from '../../../test/helpers/factories.ts';
import { write } from '../../db/write.ts';
import { erasePersonalData } from '../../platform/personal-data.ts';
import { makeCollect, setState, type CollectOptions } from './test-fixtures.ts';
import { attachment, filesOnDisk, image, pdf, photo, png, postForm, textFile, type File } from './media-test-fixtures.ts';
import { sweepRemovedFiles } from './media-files.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const text = { title: 'Un verger partagé', summary: 'Des arbres fruitiers au square.', body: 'Vingt arbres entretenus par les habitants.', intent: 'submit' };
const withFiles: CollectOptions['form'] = (f) => {
  f.fields.image.mode = 'optional';
  f.fields.attachments.mode = 'optional';
};
const idOf = (location: unknown) => Number(/proposals\/(\d+)$/.exec(String(location))?.[1]);
const filesOf = (proposalId: number) => t.db.sqlite.prepare('select id, role, name, kind, bytes, alt, stored, card from collect_files where proposal_id = ? order by role, position').all(proposalId) as { id: number; role: string; name: string; kind: string; bytes: number; alt: string; stored: string; card: string | null }[];

test('the form asks for files only when the step does: multipart then, a plain form otherwise', async () => {
  const plain = makeCollect(t.db);
  const files = makeCollect(t.db, { form: withFiles });
  const { client } = await loginAs(t);
  const a = await client.get(`/collect/${plain.stepId}/proposals/new`);
  assert.doesNotMatch(a.body, /enctype=|type="file"/);
  const b = await client.get(`/collect/${files.stepId}/proposals/new`);
  assert.match(b.body, /enctype="multipart\/form-data"/);
  assert.match(b.body, /<input type="file" id="field-image" name="image" accept="image\/png,image\/jpeg,image\/webp"/);
  assert.match(b.body, /<input type="file" id="field-attachments" name="attachments" multiple/);
  assert.match(b.body, /Un brouillon garde le texte seulement/);
});

test('a citizen submits a proposal with an image and attachments: re-encoded without metadata, shown on the card and the page, listed with name and size', async () => {
  const c = makeCollect(t.db, { form: withFiles });
  const { client } = await loginAs(t);
  await client.get(`/collect/${c.stepId}/proposals/new`);
  const res = await postForm(t, client, `/collect/${c.stepId}/proposals`, { ...text, image_alt: 'Le square vu depuis la rue' }, [image(await photo()), attachment(pdf(), 'C:\\Users\\cam\\Plan du square.PDF'), attachment(await png(), 'croquis.png', 'image/png')]);
  assert.equal(res.statusCode, 303, res.body);
  const id = idOf(res.headers.location);
  const rows = filesOf(id);
  assert.deepEqual(rows.map((r) => [r.role, r.name, r.kind]), [['attachment', 'Plan du square.pdf', 'pdf'], ['attachment', 'croquis.webp', 'webp'], ['image', '', 'webp']]);
  assert.equal(rows[2]!.alt, 'Le square vu depuis la rue');
  assert.equal(filesOnDisk(t).length, 4, 'the image, its card copy and two attachments');

  const page = await client.get(`/collect/${c.stepId}/proposals/${id}`);
  const img = rows[2]!;
  assert.match(page.body, new RegExp(`<img src="/collect/${c.stepId}/files/${img.id}" alt="Le square vu depuis la rue" width="640" height="480">`));
  assert.match(page.body, new RegExp(`<a href="/collect/${c.stepId}/files/${rows[0]!.id}" download>Plan du square.pdf</a> <span class="meta">\\(PDF, 1 Ko\\)</span>`));
  assert.match(page.body, /croquis\.webp<\/a> <span class="meta">\(image WebP, 1 Ko\)/);
  const list = await client.get(`/collect/${c.stepId}`);
  assert.match(list.body, new RegExp(`<img class="collect-card-image" src="/collect/${c.stepId}/files/${img.id}/card" alt=""`));

  const served = await (await anonymous(t)).get(`/collect/${c.stepId}/files/${img.id}`);
  assert.equal(served.statusCode, 200);
  assert.equal(served.headers['content-type'], 'image/webp');
  const meta = await sharp(served.rawPayload).metadata();
  assert.equal(meta.format, 'webp');
  assert.equal(meta.exif, undefined, 'no EXIF (author, GPS) left');
  const card = await (await anonymous(t)).get(`/collect/${c.stepId}/files/${img.id}/card`);
  assert.equal((await sharp(card.rawPayload).metadata()).width, 480);
  const doc = await client.get(`/collect/${c.stepId}/files/${rows[0]!.id}`);
  assert.equal(doc.headers['content-type'], 'application/pdf');
  assert.equal(doc.headers['content-disposition'], "attachment; filename*=UTF-8''Plan%20du%20square.pdf");
  assert.ok(doc.rawPayload.subarray(0, 5).equals(Buffer.from('%PDF-')));
});

const refusals: [string, CollectOptions['form'], () => Promise<File[]>, RegExp][] = [
  ['a text file as the image', withFiles, async () => [image(textFile(), 'photo.jpg')], /id="field-image-error">Ce fichier n’est pas une image lisible/],
  ['a text file named .pdf as an attachment', withFiles, async () => [attachment(textFile(), 'devis.pdf')], /id="field-attachments-error">« devis » n’est ni un PDF ni une image/],
  ['an attachment larger than the step allows', (f) => (withFiles(f), (f.files.mb = 1)), async () => [attachment(pdf(1024 * 1024 + 10))], /id="field-attachments-error">Chaque fichier doit faire 1 Mo au plus/],
  ['an image larger than the step allows', (f) => (withFiles(f), (f.files.mb = 1)), async () => [image(Buffer.concat([await png(), Buffer.alloc(1024 * 1024)]), 'big.png', 'image/png')], /id="field-image-error">Chaque fichier doit faire 1 Mo au plus/],
  ['more attachments than the step allows', (f) => (withFiles(f), (f.files.count = 2)), async () => [attachment(pdf()), attachment(pdf()), attachment(pdf())], /id="field-attachments-error">Vous pouvez joindre 2 fichiers au plus/],
  ['no image where one is required', (f) => (f.fields.image.mode = 'required'), async () => [attachment(pdf())], /id="field-image-error">Choisissez une image d’illustration/],
  ['no attachment where one is required', (f) => (f.fields.attachments.mode = 'required'), async () => [], /id="field-attachments-error">Joignez au moins un fichier/],
];
for (const [name, form, files, message] of refusals) {
  test(`refused with 422, nothing written: ${name}`, async () => {
    const c = makeCollect(t.db, { form });
    const { client } = await loginAs(t);
    await client.get(`/collect/${c.stepId}/proposals/new`);
    const before = filesOnDisk(t);
    const sent = await files();
    const res = await postForm(t, client, `/collect/${c.stepId}/proposals`, text, sent);
    assert.equal(res.statusCode, 422);
    assert.match(res.body, message);
    if (sent.length) assert.match(res.body, /Les fichiers choisis n’ont pas été conservés/);
    assert.match(res.body, /Un verger partagé/, 'the text is kept');
    assert.equal(countRows(t, `collect_proposals where step_id = ${c.stepId}`), 0);
    assert.deepEqual(filesOnDisk(t), before);
  });
}

test('the refusal reads in English for an English reader', async () => {
  const c = makeCollect(t.db, { form: withFiles });
  const { client } = await loginAs(t);
  await client.get('/lang/en');
  await client.get(`/collect/${c.stepId}/proposals/new`);
  const res = await postForm(t, client, `/collect/${c.stepId}/proposals`, text, [image(textFile())]);
  assert.equal(res.statusCode, 422);
  assert.match(res.body, /This file is not a readable image/);
  assert.match(res.body, /The files you chose were not kept/);
});

test('a file past the hard maximum or a file input no form has is refused before anything is written', async () => {
  const c = makeCollect(t.db, { form: withFiles });
  const { client } = await loginAs(t);
  await client.get(`/collect/${c.stepId}/proposals/new`);
  const big = await postForm(t, client, `/collect/${c.stepId}/proposals`, text, [attachment(pdf(9 * 1024 * 1024))]);
  assert.equal(big.statusCode, 422);
  assert.match(big.body, /Chaque fichier doit faire 5 Mo au plus/);
  const stray = await postForm(t, client, `/collect/${c.stepId}/proposals`, text, [{ name: 'other', filename: 'x.pdf', type: 'application/pdf', data: pdf() }]);
  assert.equal(stray.statusCode, 400);
  assert.equal(countRows(t, `collect_proposals where step_id = ${c.stepId}`), 0);
});

test('who may upload: an anonymous visitor, a closed step and a missing token are refused before the files are read', async () => {
  const c = makeCollect(t.db, { form: withFiles });
  const anon = await anonymous(t);
  const a = await postForm(t, anon, `/collect/${c.stepId}/proposals`, text, [image(await png(), 'a.png', 'image/png')]);
  assert.ok([401, 403].includes(a.statusCode), String(a.statusCode));
  const { client } = await loginAs(t);
  await client.get(`/collect/${c.stepId}/proposals/new`);
  const token = client.csrf;
  client.csrf = 'forged';
  assert.equal((await postForm(t, client, `/collect/${c.stepId}/proposals`, text, [image(await png(), 'a.png', 'image/png')])).statusCode, 403);
  client.csrf = token;
  setState(t.db, c, 'closed');
  assert.equal((await postForm(t, client, `/collect/${c.stepId}/proposals`, text, [image(await png(), 'a.png', 'image/png')])).statusCode, 403);
  assert.equal(countRows(t, `collect_proposals where step_id = ${c.stepId}`), 0);
  assert.deepEqual(filesOnDisk(t).filter((f) => !f), []);
});

test('files follow their proposal: hidden or trashed, they are served only to those who may see it; another step\'s address gives a 404', async () => {
  const c = makeCollect(t.db, { form: withFiles });
  const other = makeCollect(t.db);
  const { client } = await loginAs(t);
  await client.get(`/collect/${c.stepId}/proposals/new`);
  const id = idOf((await postForm(t, client, `/collect/${c.stepId}/proposals`, text, [image(await png(), 'a.png', 'image/png')])).headers.location);
  const file = filesOf(id)[0]!;
  const url = `/collect/${c.stepId}/files/${file.id}`;
  assert.equal((await t.client().get(url)).headers['cache-control'], 'public, max-age=3600');
  assert.equal((await t.client().get(`/collect/${other.stepId}/files/${file.id}`)).statusCode, 404);
  assert.equal((await t.client().get(`/collect/${c.stepId}/files/999999`)).statusCode, 404);
  t.db.sqlite.prepare("update contributions set status = 'hidden' where id = ?").run(id);
  assert.equal((await t.client().get(url)).statusCode, 404, 'the public no longer gets it');
  const own = await client.get(url);
  assert.equal(own.statusCode, 200, 'its author still sees it');
  assert.equal(own.headers['cache-control'], 'private, no-store');
  t.db.sqlite.prepare("update contributions set status = 'published' where id = ?").run(id);
  assert.equal((await client.post(`/collect/${c.stepId}/proposals/${id}/delete`, {})).statusCode, 303);
  assert.equal((await client.get(url)).statusCode, 404, 'trashed: out of use, even for its author');
  assert.equal((await (await loginAs(t, 'moderator')).client.get(url)).statusCode, 200, 'moderators still see the trash');
});

test('an edit keeps the files, changes the description, replaces the image and removes an attachment; old bytes leave the disk', async () => {
  const c = makeCollect(t.db, { form: withFiles });
  const { client } = await loginAs(t);
  await client.get(`/collect/${c.stepId}/proposals/new`);
  const id = idOf((await postForm(t, client, `/collect/${c.stepId}/proposals`, text, [image(await png(), 'a.png', 'image/png'), attachment(pdf(), 'un.pdf'), attachment(pdf(10), 'deux.pdf')])).headers.location);
  const [one, two, img] = filesOf(id);
  const edit = await client.get(`/collect/${c.stepId}/proposals/${id}/edit`);
  assert.match(edit.body, /Retirer l’image actuelle/);
  assert.match(edit.body, new RegExp(`name="remove_attachment" value="${one!.id}"> <label for="field-remove_attachment-${one!.id}">Retirer « un.pdf »`));
  const url = `/collect/${c.stepId}/proposals/${id}/edit`;
  assert.equal((await postForm(t, client, url, { ...text, image_alt: 'Un carré bleu' })).statusCode, 303);
  assert.deepEqual(filesOf(id).map((f) => f.id), [one!.id, two!.id, img!.id], 'nothing sent, everything kept');
  assert.equal(filesOf(id)[2]!.alt, 'Un carré bleu');
  assert.equal((await postForm(t, client, url, { ...text, remove_attachment: String(one!.id) }, [image(await photo())])).statusCode, 303);
  const after = filesOf(id);
  assert.deepEqual(after.map((f) => f.name), ['deux.pdf', '']);
  assert.notEqual(after[1]!.id, img!.id);
  const disk = filesOnDisk(t);
  for (const gone of [one!.stored, img!.stored, img!.card!]) assert.ok(!disk.includes(gone), `${gone} removed`);
  assert.equal(countRows(t, 'collect_file_removals'), 0);
  // Removing the image, then too many attachments for what is kept.
  assert.equal((await postForm(t, client, url, { ...text, remove_image: '1' })).statusCode, 303);
  assert.equal(filesOf(id).filter((f) => f.role === 'image').length, 0);
  const tooMany = await postForm(t, client, url, text, [attachment(pdf()), attachment(pdf()), attachment(pdf())]);
  assert.equal(tooMany.statusCode, 422);
  assert.match(tooMany.body, /Vous pouvez joindre 3 fichiers au plus/);
});

test('a draft keeps text only: files sent with it are not stored, and are taken when the draft is submitted', async () => {
  const c = makeCollect(t.db, { form: withFiles });
  const { client } = await loginAs(t);
  await client.get(`/collect/${c.stepId}/proposals/new`);
  const before = filesOnDisk(t).length;
  const saved = await postForm(t, client, `/collect/${c.stepId}/proposals`, { ...text, intent: 'draft' }, [image(await png(), 'a.png', 'image/png')]);
  assert.equal(saved.statusCode, 303);
  assert.equal(filesOnDisk(t).length, before);
  const draftUrl = String(saved.headers.location);
  const draft = await client.get(draftUrl);
  assert.match(draft.body, /enctype="multipart\/form-data"/);
  const res = await postForm(t, client, draftUrl, text, [image(await png(), 'a.png', 'image/png')]);
  assert.equal(res.statusCode, 303);
  assert.equal(filesOf(idOf(res.headers.location)).length, 1);
});

test('the account export lists a person\'s files; erasure removes their rows and then their bytes', async () => {
  const c = makeCollect(t.db, { form: withFiles });
  const { client, userId } = await loginAs(t);
  await client.get(`/collect/${c.stepId}/proposals/new`);
  const id = idOf((await postForm(t, client, `/collect/${c.stepId}/proposals`, text, [image(await png(), 'a.png', 'image/png'), attachment(pdf(), 'plan.pdf')])).headers.location);
  const stored = filesOf(id).flatMap((f) => [f.stored, f.card].filter((x): x is string => !!x));
  const part = (await client.get('/account/export')).json().collect;
  assert.deepEqual(part.files.map((f: { proposal_id: number; role: string; name: string }) => [f.proposal_id, f.role, f.name]), [[id, 'image', ''], [id, 'attachment', 'plan.pdf']]);
  addUser(t.db);
  write(t.db, (tx) => erasePersonalData(t.db, tx, t.app.manifests, userId));
  assert.equal(countRows(t, `collect_files where author_id = ${userId}`), 0);
  assert.equal(await sweepRemovedFiles(t.db, t.dataDir), 3);
  for (const s of stored) assert.ok(!filesOnDisk(t).includes(s));
});

test('the administrator sets the number and size of files and the district option; bad values are refused with 422', async () => {
  const c = makeCollect(t.db);
  const { client } = await loginAs(t, 'admin');
  const page = await client.get(`/collect/${c.stepId}/admin`);
  assert.match(page.body, /name="mode_image"/);
  assert.match(page.body, /id="field-files_count" name="files_count" type="text" value="3"/);
  const modes = { mode_summary: 'optional', mode_body: 'required', mode_category: 'off', mode_district: 'optional', mode_address: 'optional', mode_cost: 'off', mode_image: 'optional', mode_attachments: 'required' };
  const bad = await client.post(`/collect/${c.stepId}/admin/form`, { ...modes, files_count: '9', file_mb: '0' });
  assert.equal(bad.statusCode, 422);
  assert.match(bad.body, /id="field-files_count-error">Indiquez un nombre entier de 1 à 5/);
  assert.match(bad.body, /id="field-file_mb-error">Indiquez une taille entière de 1 à 8 Mo/);
  assert.equal((await client.post(`/collect/${c.stepId}/admin/form`, { ...modes, files_count: '2', file_mb: '4', inside_district: '1' })).statusCode, 303);
  const form = JSON.parse(t.db.sqlite.prepare('select form from collect_steps where step_id = ?').pluck().get(c.stepId) as string);
  assert.deepEqual([form.files, form.insideDistrict, form.fields.attachments.mode], [{ count: 2, mb: 4 }, true, 'required']);
  const citizen = await (await loginAs(t)).client.get(`/collect/${c.stepId}/proposals/new`);
  assert.match(citizen.body, /2 fichiers au plus, 4 Mo chacun/);
});
