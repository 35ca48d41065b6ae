// Word-level diff of a section's text and an amendment's proposed text, as safe HTML: every
// piece of user text is escaped; insertions and deletions carry visually hidden start/end
// markers because some screen readers do not announce <ins> and <del>.
import { diffWordsWithSpace } from 'diff';

export interface DiffLabels {
  insStart: string;
  insEnd: string;
  delStart: string;
  delEnd: string;
}

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => entities[c]!);
}

const hidden = (label: string) => `<span class="visually-hidden">[${escapeHtml(label)}] </span>`;
const hiddenEnd = (label: string) => `<span class="visually-hidden"> [${escapeHtml(label)}]</span>`;

export interface DiffResult {
  html: string;
  insertions: number;
  deletions: number;
}

/** The diff of `before` → `after` as HTML for raw output; labels come from the catalogue. */
export function diffHtml(before: string, after: string, labels: DiffLabels): DiffResult {
  let html = '';
  let insertions = 0;
  let deletions = 0;
  for (const part of diffWordsWithSpace(before, after)) {
    // Line breaks stay visible without a stylesheet rule.
    const value = escapeHtml(part.value).replace(/\r?\n/g, '<br>\n');
    if (part.added) {
      insertions++;
      html += `<ins>${hidden(labels.insStart)}${value}${hiddenEnd(labels.insEnd)}</ins>`;
    } else if (part.removed) {
      deletions++;
      html += `<del>${hidden(labels.delStart)}${value}${hiddenEnd(labels.delEnd)}</del>`;
    } else {
      html += value;
    }
  }
  return { html, insertions, deletions };
}

/** Text compared for "unchanged": line endings and trailing spaces do not count as a change. */
export function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').trim();
  return norm(a) === norm(b);
}

/** The four screen-reader markers, from the catalogue in the reader's language. */
export function diffLabels(t: (key: string) => string): DiffLabels {
  return {
    insStart: t('consultation.amendment.diff.ins_start'),
    insEnd: t('consultation.amendment.diff.ins_end'),
    delStart: t('consultation.amendment.diff.del_start'),
    delEnd: t('consultation.amendment.diff.del_end'),
  };
}
