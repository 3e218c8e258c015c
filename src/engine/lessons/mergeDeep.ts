/**
 * `changes` merged over `base`: objects merge field by field, anything else (numbers, text, lists)
 * replaces. A lesson states only what it changes in its preset; a list such as `keySpaces` or
 * `faults` is given whole, since merging lists item by item would be a guess.
 */
export function mergeDeep(base: unknown, changes: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(changes)) return structuredClone(changes);
  const out: Record<string, unknown> = structuredClone(base);
  for (const [key, value] of Object.entries(changes))
    out[key] = key in out ? mergeDeep(out[key], value) : structuredClone(value);
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
