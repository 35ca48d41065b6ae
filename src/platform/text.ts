// Plain-text helpers for what lists show of longer texts.

/** The start of a text for a card: at most `max` characters (code points), with an ellipsis. */
export function excerpt(text: string, max = 280): string {
  if (text.length <= max) return text; // never more code points than UTF-16 units
  // 2 × max + 1 units hold more than max code points, so past them the text is always cut.
  const chars = [...text.slice(0, 2 * max + 1)];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
}
