// `palabre recount <file>`: recomputes a votation's results from its published ballot file and
// prints them as plain lines (English, as the other commands), with the file's SHA-256 to compare
// with the one published at the close.
import { recountFile, type FileQuestion, type QuestionResult } from './ballot-file.ts';

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

function questionLines(q: FileQuestion, r: QuestionResult): string[] {
  const label = (o: number) => q.options[o] ?? `#${o}`;
  if (r.method === 'majority') {
    return [...r.result.map((x) => `  ${x.rank}. ${label(x.option)}: ${x.majorityGrade === null ? '-' : q.grades![x.majorityGrade]} (better ${pct(x.p)}, worse ${pct(x.q)}; ${x.counts.join('/')})`), `  blank: ${r.blank}`];
  }
  if (r.method === 'ranked') {
    const winner = r.result.condorcetWinner === null ? 'none' : label(r.result.condorcetWinner);
    return [...r.result.ranking.map((x) => `  ${x.rank}. ${label(x.option)} (${x.pairwiseWins} one-to-one wins)`), `  Condorcet winner: ${winner}`, `  blank: ${r.result.blank}`];
  }
  const votes = (x: { votes?: number; approvals?: number }) => x.votes ?? x.approvals ?? 0;
  return [...r.result.ranking.map((x) => `  ${x.rank}. ${label(x.option)}: ${votes(x as { votes?: number; approvals?: number })}`), `  blank: ${r.result.blank}`];
}

export function recountLines(content: Buffer): string[] {
  const { sha256, head, results } = recountFile(content);
  const lines = [`Votation ${head.step.id}: ${head.step.title}`, `SHA-256 of the file: ${sha256}`, `Ballots: ${results.ballots}`];
  head.questions.forEach((q, i) => lines.push('', `${i + 1}. ${q.title} (${q.method})`, ...questionLines(q, results.questions[i]!)));
  return lines;
}
