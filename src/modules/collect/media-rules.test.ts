// The pure rules of a proposal's files and place, table-driven: the admin's limits (bounded by
// the hard maximums, empty for the default), the names shown for attachments, and coordinates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FormErrors } from '../../platform/forms.ts';
import { cleanFileName, mediaConfig, parseCoordinates, readMediaConfig } from './media-rules.ts';

const LIMITS: [string, Record<string, string>, { count: number; mb: number } | string[]][] = [
  ['values within bounds are kept', { files_count: '2', file_mb: '8' }, { count: 2, mb: 8 }],
  ['empty values take the defaults', { files_count: '', file_mb: '' }, { count: 3, mb: 5 }],
  ['more attachments than the hard maximum are refused', { files_count: '6', file_mb: '5' }, ['files_count']],
  ['a size past the hard maximum is refused', { files_count: '3', file_mb: '9' }, ['file_mb']],
  ['zero, decimals and words are refused', { files_count: '0', file_mb: '2.5' }, ['files_count', 'file_mb']],
];
for (const [name, body, expected] of LIMITS) {
  test(`admin file limits: ${name}`, () => {
    const errors: FormErrors = {};
    const { config } = readMediaConfig(body, errors);
    if (Array.isArray(expected)) assert.deepEqual(Object.keys(errors), expected);
    else assert.deepEqual([config.files, errors], [expected, {}]);
  });
}

test('a stored configuration out of bounds reads as the defaults', () => {
  assert.deepEqual(mediaConfig({ files: { count: 50, mb: -1 }, insideDistrict: 'yes' }), { files: { count: 3, mb: 5 }, insideDistrict: false });
  assert.deepEqual(mediaConfig({ files: { count: 5, mb: 1 }, insideDistrict: true }), { files: { count: 5, mb: 1 }, insideDistrict: true });
});

const NAMES: [string, string, 'pdf' | 'webp', string][] = [
  ['folders are dropped and the extension is the stored kind', 'C:\\Users\\cam\\Plan du square.PDF', 'pdf', 'Plan du square.pdf'],
  ['an image keeps its name with its new kind', 'photos/croquis.png', 'webp', 'croquis.webp'],
  ['markup and control characters are removed', 'devis<script>"1".pdf', 'pdf', 'devisscript1.pdf'],
  ['an empty name is named by its kind', '.pdf', 'pdf', 'document.pdf'],
  ['a long name is shortened', `${'a'.repeat(300)}.pdf`, 'pdf', `${'a'.repeat(95)}.pdf`],
];
for (const [name, given, kind, expected] of NAMES) test(`attachment names: ${name}`, () => assert.equal(cleanFileName(given, kind), expected));

const COORDINATES: [string, string, string, { lat: number; lng: number } | null, boolean][] = [
  ['none given is no position', '', '', null, false],
  ['decimal degrees are read', '48.8566', '2.3522', { lat: 48.8566, lng: 2.3522 }, false],
  ['a decimal comma is read', '48,8566', '-1,68', { lat: 48.8566, lng: -1.68 }, false],
  ['one without the other is refused', '48.85', '', null, true],
  ['a latitude past 90 is refused', '91', '2', null, true],
  ['a longitude past 180 is refused', '45', '181', null, true],
  ['words are refused', 'nord', 'est', null, true],
];
for (const [name, lat, lng, expected, refused] of COORDINATES) {
  test(`coordinates: ${name}`, () => {
    const errors: FormErrors = {};
    assert.deepEqual(parseCoordinates({ lat, lng }, errors), expected);
    assert.equal('lat' in errors, refused);
  });
}
