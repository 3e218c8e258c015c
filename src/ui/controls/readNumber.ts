/** What a number field holds: a value, or a message that says what is wrong and what is allowed. */
export type NumberReading = { ok: true; value: number } | { ok: false; message: string };

/**
 * Reads a number a person typed, checking its range, so a control can say exactly what is wrong
 * beside the field instead of sending the engine a bad command.
 *
 * @example readNumber('-1', { label: 'TTL', min: 0, max: 1e9, unit: 's' }) // { ok: false, message: 'TTL must be between 0 and 1000000000 s' }
 */
export function readNumber(
  text: string,
  rule: { label: string; min: number; max: number; integer?: boolean; unit?: string; above?: boolean },
): NumberReading {
  const unit = rule.unit ? ` ${rule.unit}` : '';
  const trimmed = text.trim();
  const value = Number(trimmed);
  if (trimmed === '' || !Number.isFinite(value)) {
    return { ok: false, message: `${rule.label} needs a number${unit ? ` in${unit}` : ''}` };
  }
  if (rule.integer && !Number.isInteger(value))
    return { ok: false, message: `${rule.label} must be a whole number` };
  const tooLow = rule.above ? value <= rule.min : value < rule.min;
  if (tooLow || value > rule.max) {
    const low = rule.above ? `more than ${rule.min}` : `at least ${rule.min}`;
    return { ok: false, message: `${rule.label} must be ${low} and at most ${rule.max}${unit}` };
  }
  return { ok: true, value };
}
