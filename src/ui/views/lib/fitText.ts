/**
 * A label's width in SVG units, estimated from the font size (average glyph widths of a system
 * sans-serif), which errs wide; measuring would need a laid-out DOM.
 */
export function estimatedWidth(text: string, fontSize: number, bold = false): number {
  return text.length * fontSize * (bold ? 0.62 : 0.56);
}

/**
 * The `textLength` that squeezes a label into `maxWidth` SVG units, or undefined when it fits as it
 * is. The estimate errs wide, so a label that fits is never squeezed.
 *
 * @example <text textLength={fitText('Load balancer', 11, 72, true)} lengthAdjust="spacingAndGlyphs">
 */
export function fitText(text: string, fontSize: number, maxWidth: number, bold = false): number | undefined {
  return estimatedWidth(text, fontSize, bold) > maxWidth ? Math.max(1, maxWidth) : undefined;
}
