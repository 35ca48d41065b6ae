// Display names: normalised once, refused when they would mislead (invisible, control, bidi,
// stacked accents, the site's own words), table-driven.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FormErrors } from './forms.ts';
import { checkDisplayName, fold, nameForMail, normalizeName, reservedNames } from './names.ts';

const reserved = reservedNames('Ville de Rezé');
const problem = (raw: string) => {
  const errors: FormErrors = {};
  checkDisplayName(errors, 'name', normalizeName(raw), reserved);
  return errors.name?.key ?? null;
};

test('ordinary names pass, in any script, once normalised', () => {
  for (const name of ['Camille', 'Jean-Édouard Lefèvre', 'Nguyễn Thị Minh Khai', 'محمد', '李小龙', 'Σωκράτης', 'Ana 🌻', 'A.B.', 'Élu n°3', 'हिन्दी']) {
    assert.equal(problem(name), null, name);
  }
  assert.equal(normalizeName('  Jean\u00a0\u00a0 Dupont\u3000'), 'Jean Dupont');
  // Decomposed accents are stored composed (NFC).
  assert.equal(normalizeName('Cle\u0301ment'), 'Clément');
});

test('names that hide characters, break lines or change the writing direction are refused', () => {
  const cases: [string, string][] = [
    ['Camille\r\nBcc: tout@ville.fr', 'names.errors.invisible'],
    ['Camille\nDupont', 'names.errors.invisible'],
    ['Cam\tille', 'names.errors.invisible'],
    ['Cam\u0000ille', 'names.errors.invisible'],
    ['Cam\u200bille', 'names.errors.invisible'],
    ['Cam\u200dille', 'names.errors.invisible'],
    ['Camille\u202eenilliC', 'names.errors.invisible'],
    ['\u2066Camille\u2069', 'names.errors.invisible'],
    ['Camille\u00ad', 'names.errors.invisible'],
    ['\u3164', 'names.errors.invisible'],
    ['Cam\u3164ille', 'names.errors.invisible'],
    ['\u2800\u2800', 'names.errors.invisible'],
    ['\ufeffCamille', 'names.errors.invisible'],
    ['Cam\u2028ille', 'names.errors.invisible'],
    ['...', 'names.errors.no_letter'],
    ['🌻🌻', 'names.errors.no_letter'],
    ['Z\u0335\u0321\u0327\u0328alg\u0336o', 'names.errors.marks'],
    ['', 'forms.required'],
    ['\u00a0 \u3000', 'forms.required'],
    ['é'.repeat(61), 'forms.too_long'],
  ];
  for (const [raw, key] of cases) assert.equal(problem(raw), key, JSON.stringify(raw));
  assert.equal(problem('é'.repeat(60)), null);
});

test('the site’s own names are reserved, whatever the case, accents or punctuation', () => {
  for (const name of ['participant supprimé', 'Participant Supprime', 'PARTICIPANT-SUPPRIMÉ', 'deleted participant', 'Admin', 'a.d.m.i.n', 'Modérateur', 'moderateur', 'Modératrice', 'Administrateur', 'Palabre', 'ville de reze', 'Ville de Rezé']) {
    assert.equal(problem(name), 'names.errors.reserved', name);
  }
  assert.equal(problem('Administrée du quartier'), null);
  assert.equal(fold('Modé-rateur'), 'moderateur');
});

test('a name on its way into an email stays on one line', () => {
  assert.equal(nameForMail('Camille\r\nBcc: tout@ville.fr'), 'Camille Bcc: tout@ville.fr');
  assert.equal(nameForMail('Cam\u202eille'), 'Cam ille');
  assert.equal(nameForMail(null), '');
});
