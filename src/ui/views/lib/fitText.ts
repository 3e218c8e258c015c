/**
 * The `textLength` that squeezes a label into `maxWidth` SVG units, or undefined when it fits as it
 * is. Widths are estimated from the font size (average glyph widths of a system sans-serif), which
 * errs wide, so a label that fits is never squeezed; measuring would need a laid-out DOM.
 *
 * @example <text textLength={fitText('Load balancer', 11, 72, true)} lengthAdjust="spacingAndGlyphs">
 */
export function fitText(text: string, fontSize: number, maxWidth: number, bold = false): number | undefined {
  const estimated = text.length * fontSize * (bold ? 0.62 : 0.56);
  return estimated > maxWidth ? Math.max(1, maxWidth) : undefined;
}
