// Reading an electoral roll from CSV (RFC 4180: quoted fields, doubled quotes, CRLF or LF; comma
// or semicolon, as spreadsheets in French write): identifier, then optional name and email. A
// header row is recognised by its first cell and skipped.
export const ROLL_MAX = 500_000;
export const FIELD_MAX = 200;

export interface RollEntry {
  identifier: string;
  name: string | null;
  email: string | null;
}

export type RollProblem = { line: number; key: 'votation.roll.error.identifier' | 'votation.roll.error.email' | 'votation.roll.error.duplicate' | 'votation.roll.error.too_long' };

/** Splits CSV text into rows of cells. */
export function parseCsv(text: string): string[][] {
  const source = text.replace(/^\uFEFF/, '');
  const firstLine = source.slice(0, source.indexOf('\n') === -1 ? undefined : source.indexOf('\n'));
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === sep) { row.push(cell); cell = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) { row.push(cell); rows.push(row); }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const HEADER = /^(identifiant|identifier|id|numéro|numero|number)$/i;

/** The roll's entries, or the problems found (with their line numbers, 1-based). */
export function parseRoll(text: string): { entries: RollEntry[]; problems: RollProblem[] } {
  const rows = parseCsv(text);
  const entries: RollEntry[] = [];
  const problems: RollProblem[] = [];
  const seen = new Set<string>();
  rows.forEach((cells, i) => {
    const line = i + 1;
    const [identifier = '', name = '', email = ''] = cells.map((c) => c.trim());
    if (i === 0 && HEADER.test(identifier)) return;
    if (!identifier) return void problems.push({ line, key: 'votation.roll.error.identifier' });
    if (identifier.length > FIELD_MAX || name.length > FIELD_MAX || email.length > FIELD_MAX) return void problems.push({ line, key: 'votation.roll.error.too_long' });
    if (email && !EMAIL.test(email)) return void problems.push({ line, key: 'votation.roll.error.email' });
    if (seen.has(identifier)) return void problems.push({ line, key: 'votation.roll.error.duplicate' });
    seen.add(identifier);
    entries.push({ identifier, name: name || null, email: email ? email.toLowerCase() : null });
  });
  return { entries, problems };
}
