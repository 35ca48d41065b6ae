// The word diff of amendments: escaped user text, accessible markers, whole words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffHtml, sameText, escapeHtml } from './diff.ts';

const labels = { insStart: "début d'ajout", insEnd: "fin d'ajout", delStart: 'début de suppression', delEnd: 'fin de suppression' };

test('a replaced word shows as one deletion and one insertion with hidden markers', () => {
  const { html, insertions, deletions } = diffHtml('Le conseil se réunit chaque mois.', 'Le conseil se réunit chaque semaine.', labels);
  assert.equal(insertions, 1);
  assert.equal(deletions, 1);
  assert.match(html, /<del><span class="visually-hidden">\[début de suppression\] <\/span>mois<span class="visually-hidden"> \[fin de suppression\]<\/span><\/del>/);
  assert.match(html, /<ins><span class="visually-hidden">\[début d&#39;ajout\] <\/span>semaine<span class="visually-hidden"> \[fin d&#39;ajout\]<\/span><\/ins>/);
  assert.match(html, /^Le conseil se réunit chaque /);
});

test('script tags in either text come out escaped, never as markup', () => {
  const { html } = diffHtml('avant <script>alert(1)</script>', 'après <script>alert(2)</script> <img src=x onerror=alert(3)>', labels);
  assert.doesNotMatch(html, /<script/i);
  assert.doesNotMatch(html, /<img/i);
  assert.match(html, /&lt;script&gt;/);
  assert.match(html, /&lt;img src=x onerror=alert\(3\)&gt;/);
});

test('identical texts give no insertion nor deletion', () => {
  const r = diffHtml('Un texte.', 'Un texte.', labels);
  assert.deepEqual([r.insertions, r.deletions, r.html], [0, 0, 'Un texte.']);
});

test('line breaks become visible breaks', () => {
  const { html } = diffHtml('a\nb', 'a\nc', labels);
  assert.match(html, /^a<br>\n/);
});

test('labels are escaped too', () => {
  const { html } = diffHtml('a', 'b', { ...labels, insStart: '<b>' });
  assert.match(html, /\[&lt;b&gt;\]/);
});

test('sameText ignores line endings and trailing spaces but not words', () => {
  assert.equal(sameText('a  \r\nb\n', 'a\nb'), true);
  assert.equal(sameText('a b', 'a c'), false);
  assert.equal(escapeHtml(`&<>"'`), '&amp;&lt;&gt;&quot;&#39;');
});
