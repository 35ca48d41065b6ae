// The municipality's primary colour: buttons and links use it with white text, so it must reach
// WCAG AA contrast (4.5:1) against white. Formulas from WCAG 2.2 (relative luminance).
export const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

export function luminance(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** True when white text on this colour reaches 4.5:1. */
export function readableWithWhite(hex: string): boolean {
  return HEX_COLOUR.test(hex) && contrastRatio(hex, '#ffffff') >= 4.5;
}

/** The stylesheet that carries the colour (CSP forbids inline styles). */
export function themeCss(hex: string): string {
  const colour = HEX_COLOUR.test(hex) ? hex : '#1d4ed8';
  return `:root{--primary:${colour};}\n`;
}
