import { InputError } from '../engine/inputError';

/**
 * A flag's whole-number value within [min, max], or an InputError naming the flag and the range.
 *
 * @example
 * parseWhole('--seed', '42', 0, 4294967295); // 42
 */
export function parseWhole(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `from ${min} to ${max}`;
    throw new InputError(`${flag}: expected a whole number ${range}, got ${JSON.stringify(text)}`);
  }
  return value;
}
