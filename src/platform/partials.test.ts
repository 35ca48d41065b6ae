// The escaping of `<%= %>` output: every character that could open markup or leave an attribute.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml } from './partials.ts';

test('escapeHtml writes the five markup characters as entities and leaves the rest as it is', () => {
  const cases: [unknown, string][] = [
    [`<script>alert("x" & 'y')</script>`, '&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;'],
    ['Réunion publique · 20 h', 'Réunion publique · 20 h'],
    [42, '42'],
    [-1.5, '-1.5'],
    [true, 'true'],
    ['', ''],
    [null, 'null'],
  ];
  for (const [input, expected] of cases) assert.equal(escapeHtml(input), expected, String(input));
});
