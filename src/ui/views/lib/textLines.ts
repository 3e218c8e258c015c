import { estimatedWidth } from './fitText';

/**
 * A sentence broken at spaces into lines of at most `maxWidth` SVG units (SVG text does not wrap),
 * for the sentence under an exported chart's title. A word longer than a line has a line of its own.
 *
 * @example textLines('Misses of the cache per second, stacked by cause', 12, 200) → two lines
 */
export function textLines(text: string, fontSize: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const longer = current ? `${current} ${word}` : word;
    if (current && estimatedWidth(longer, fontSize) > maxWidth) {
      lines.push(current);
      current = word;
    } else {
      current = longer;
    }
  }
  if (current) lines.push(current);
  return lines;
}
