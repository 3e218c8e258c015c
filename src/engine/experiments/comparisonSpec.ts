import type { SettingValue } from '../lessons/goalSettings';
import type { TimedCommand } from '../scenario/commandSchema';
import type { Scenario } from '../scenario/schema';

/*
 * What a comparison is made of, without the checks (planComparison.ts and comparisonDocument.ts make
 * them in the worker): the page builds these and its first script carries no schema library.
 */

/**
 * One setting a variant changes: a setting path as lessons and sweeps name it (docs/cli.md), and its
 * value; text for a number or a switch (as a person types it) is read as the sweep reads its values.
 */
export interface SettingChange {
  path: string;
  value: SettingValue;
}

/** What a person asks for: a variant's name and the settings it changes from the run it came from. */
export interface VariantSpec {
  name: string;
  changes: SettingChange[];
}

/** The document a comparison's link writes: what `parseComparisonDocument` reads back. */
export function comparisonDocument(
  scenario: Scenario,
  variants: readonly VariantSpec[],
  commands: readonly TimedCommand[],
  atMs?: number,
): object {
  return {
    scenario,
    variants: variants.map(({ name, changes }) => ({ name, changes })),
    commands,
    ...(atMs !== undefined ? { atMs } : {}),
  };
}
