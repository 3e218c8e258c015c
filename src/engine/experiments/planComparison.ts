import { InputError } from '../inputError';
import type { Scenario } from '../scenario/schema';
import type { SettingChange, VariantSpec } from './comparisonSpec';
import { readSweepValues, variantWith } from './sweepSetting';

export type { SettingChange, VariantSpec } from './comparisonSpec';

/** A variant ready to run: its spec and its scenario, validated as a whole. */
export interface ComparisonVariant extends VariantSpec {
  scenario: Scenario;
}

/** Fewer is not a comparison; more do not fit side by side at 1280 pixels. */
export const minComparisonVariants = 2;
export const maxComparisonVariants = 4;
/** A name is a column heading and a CSV field: short enough to read at a glance. */
export const maxVariantNameLength = 40;

/**
 * The variants of a comparison, each the base scenario with its changes applied in order (the same
 * seed, so every variant sees the same requests). Everything is checked before any variant runs.
 *
 * @throws InputError naming the variant and what is wrong: the count, an empty or repeated name, a
 *   variant that changes nothing, a setting path (with a suggestion) or a value the scenario refuses
 */
export function planComparison(base: Scenario, specs: readonly VariantSpec[]): ComparisonVariant[] {
  if (specs.length < minComparisonVariants || specs.length > maxComparisonVariants) {
    throw new InputError(
      `A comparison has ${minComparisonVariants} to ${maxComparisonVariants} variants, not ${specs.length}.`,
    );
  }
  const seen = new Map<string, number>();
  return specs.map((spec, i) => {
    const name = spec.name.trim();
    const label = `variant ${i + 1}`;
    if (name === '') throw new InputError(`${label}: give it a name.`);
    if (name.length > maxVariantNameLength) {
      throw new InputError(`${label}: a name has at most ${maxVariantNameLength} characters.`);
    }
    const other = seen.get(name.toLowerCase());
    if (other !== undefined) {
      throw new InputError(
        `${label}: the name "${name}" is already variant ${other + 1}'s; names tell variants apart.`,
      );
    }
    seen.set(name.toLowerCase(), i);
    // The first variant is the run the person came from; any other must differ from it.
    if (i > 0 && spec.changes.length === 0) {
      throw new InputError(
        `variant "${name}": it changes no setting, so it is the same as "${specs[0].name.trim()}".`,
      );
    }
    let scenario = base;
    const changes: SettingChange[] = [];
    for (const change of spec.changes) {
      try {
        const [value] =
          typeof change.value === 'string'
            ? readSweepValues(scenario, change.path, [change.value])
            : [change.value];
        scenario = variantWith(scenario, change.path, value);
        changes.push({ path: change.path, value });
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        throw new InputError(`variant "${name}": ${error.message}`, error.problems);
      }
    }
    return { name, changes, scenario };
  });
}
