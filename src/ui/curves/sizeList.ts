/**
 * The cache sizes a person typed for a curve ("100, 200, 400" or "100 200 400"), as whole numbers > 0,
 * or what is wrong with them, naming the item.
 *
 * @example readSizeList('100, 2k') // { sizes: null, problem: '"2k" is not a whole number > 0' }
 */
export function readSizeList(
  text: string,
): { sizes: number[]; problem: null } | { sizes: null; problem: string } {
  const items = text.split(/[\s,;]+/).filter((item) => item !== '');
  if (items.length === 0) return { sizes: null, problem: 'Give at least one cache size.' };
  if (items.length > 40) return { sizes: null, problem: `At most 40 sizes, not ${items.length}.` };
  const sizes: number[] = [];
  for (const item of items) {
    const size = Number(item.replaceAll('_', ''));
    if (!/^\d[\d_]*$/.test(item) || !Number.isSafeInteger(size) || size < 1) {
      return { sizes: null, problem: `"${item}" is not a whole number > 0.` };
    }
    sizes.push(size);
  }
  return { sizes: [...new Set(sizes)].sort((a, b) => a - b), problem: null };
}
