// The CSV export of a consultation: one row per opinion, amendment, argument and source, read
// in keyset chunks so a huge export never holds one long read transaction (WAL growth).
import { sql } from 'kysely';
import type { Db } from '../../db/open.ts';
import { SOURCE_CATEGORIES } from './extras-queries.ts';

export const EXPORT_CHUNK = 1000;
export const EXPORT_KINDS = ['opinion', 'amendment', 'argument', 'source'] as const;

/** Rows of this step with id > afterId, in id order; authors by public name only. */
export function listExportRows(db: Db, stepId: number, afterId: number, limit = EXPORT_CHUNK) {
  return db
    .selectFrom('contributions as c')
    .innerJoin('users as u', 'u.id', 'c.author_id')
    .leftJoin('consultation_items as i', 'i.contribution_id', 'c.id')
    .leftJoin('consultation_arguments as a', 'a.contribution_id', 'c.id')
    .leftJoin('consultation_sources as s', 's.contribution_id', 'c.id')
    // Arguments and sources take their section from their parent item.
    .leftJoin('consultation_items as pi', 'pi.contribution_id', 'c.parent_id')
    .leftJoin('consultation_sections as sec', (j) => j.on((eb) => eb('sec.id', '=', eb.fn.coalesce('i.section_id', 'pi.section_id'))))
    .leftJoin('consultation_contribution_types as t', 't.id', 'i.type_id')
    .select([
      'c.id',
      'c.kind',
      'c.parent_id',
      'c.title',
      'c.body_md',
      'c.status',
      'c.created_at',
      'u.display_name',
      'u.deleted_at',
      'sec.title as section_title',
      't.name as type_name',
      'i.proposed_text',
      'i.votes_agree',
      'i.votes_mitigated',
      'i.votes_disagree',
      'i.votes_total',
      'i.arguments_for',
      'i.arguments_against',
      'i.sources_count',
      'a.side',
      'a.useful_count',
      's.url',
      's.category',
    ])
    .where('c.step_id', '=', stepId)
    .where('c.kind', 'in', EXPORT_KINDS)
    .where('c.id', '>', afterId)
    .orderBy('c.id')
    .limit(sql.lit(limit))
    .execute();
}
export type ExportRow = Awaited<ReturnType<typeof listExportRows>>[number];

export const EXPORT_COLUMNS = [
  'type',
  'id',
  'section',
  'parent_id',
  'contribution_type',
  'title',
  'body',
  'url',
  'side',
  'author',
  'status',
  'created_at',
  'votes_agree',
  'votes_mitigated',
  'votes_disagree',
  'votes_total',
  'arguments_for',
  'arguments_against',
  'sources_count',
  'useful_count',
] as const;

/**
 * One CSV record. `label` translates kinds, sides and categories; `deletedName` stands for
 * deleted accounts. Counters that do not apply to a kind stay empty rather than 0.
 */
export function exportRecord(r: ExportRow, label: (key: string) => string, deletedName: string): (string | number)[] {
  const isItem = r.kind === 'opinion' || r.kind === 'amendment';
  const n = (v: number | null) => (isItem && v !== null ? v : '');
  // An amendment's text is its proposed text; its justification goes with it in the same cell.
  const body = r.kind === 'amendment' ? `${r.proposed_text ?? ''}\n\n---\n${r.body_md}` : r.body_md;
  return [
    label(`consultation.export.kind.${r.kind}`),
    r.id,
    r.section_title ?? '',
    r.parent_id ?? '',
    r.kind === 'source' && r.category ? ((SOURCE_CATEGORIES as readonly string[]).includes(r.category) ? label(`consultation.source.category.${r.category}`) : r.category) : (r.type_name ?? ''),
    r.title ?? '',
    body,
    r.url ?? '',
    r.side ? label(`consultation.argument.side.${r.side}`) : '',
    r.deleted_at || r.display_name === null ? deletedName : r.display_name,
    label(`consultation.export.status.${r.status}`),
    r.created_at,
    n(r.votes_agree),
    n(r.votes_mitigated),
    n(r.votes_disagree),
    n(r.votes_total),
    n(r.arguments_for),
    n(r.arguments_against),
    n(r.sources_count),
    r.kind === 'argument' ? (r.useful_count ?? 0) : '',
  ];
}
