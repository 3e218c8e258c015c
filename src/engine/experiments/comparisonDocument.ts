import { InputError } from '../inputError';
import { jsonWords } from '../input/inputWords';
import { parseWithSchema } from '../input/parseWithSchema';
import type { TimedCommand } from '../scenario/commandSchema';
import { parseCommands, parseScenario } from '../scenario/parseScenario';
import type { Scenario } from '../scenario/schema';
import { z } from '../zod';
import { planComparison, type ComparisonVariant } from './planComparison';
import { commandsForVariant, widestVariant } from './variantCommands';

/**
 * A comparison as a share link holds it: the run it came from, its variants' names and changes, the
 * one command log every variant applies, and the moment on screen.
 */
export interface ComparisonDocument {
  scenario: Scenario;
  variants: ComparisonVariant[];
  commands: TimedCommand[];
  atMs?: number;
}

const settingValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const documentSchema = z
  .object({
    scenario: z.unknown(),
    variants: z.array(
      z
        .object({
          name: z.string(),
          changes: z.array(z.object({ path: z.string(), value: settingValue }).strict()),
        })
        .strict(),
    ),
    commands: z.array(z.unknown()).default([]),
    atMs: z.number().min(0).optional(),
  })
  .strict();

/**
 * Validates a comparison document: its shape, the scenario, every variant (planComparison) and the
 * commands against each variant they reach (parseVariantCommands).
 *
 * @throws InputError naming each problem by its path, or the variant that refuses a command
 */
export function parseComparisonDocument(input: unknown): ComparisonDocument {
  const result = parseWithSchema(documentSchema, input, jsonWords);
  if (!result.ok) throw new InputError('The comparison is not valid', result.problems);
  const { data } = result;
  const scenario = parseScenario(data.scenario);
  const variants = planComparison(scenario, data.variants);
  const commands = parseVariantCommands(data.commands, variants);
  return { scenario, variants, commands, ...(data.atMs !== undefined ? { atMs: data.atMs } : {}) };
}

/**
 * Commands for a comparison's one log, each checked against every variant it reaches
 * (variantCommands.ts): a node fault needs that node in at least one variant, and reaches only
 * those that have it; every other command must suit every variant.
 *
 * @throws InputError naming the variant that refuses a command, and why
 */
export function parseVariantCommands(
  input: unknown,
  variants: readonly ComparisonVariant[],
  label = 'commands',
): TimedCommand[] {
  const named = (variant: ComparisonVariant, check: () => TimedCommand[]) => {
    try {
      return check();
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      throw new InputError(
        `variant "${variant.name}" cannot apply it: ${error.message.split('\n')[0]}`,
        error.problems,
      );
    }
  };
  // Read as the variant with the most cache nodes reads it, so a node only it has is a node.
  const widest = widestVariant(variants);
  if (!widest) return [];
  const all = named(widest, () => parseCommands(input, widest.scenario, label));
  for (const variant of variants) {
    named(variant, () => parseCommands(commandsForVariant(all, variant.scenario), variant.scenario, label));
  }
  return all;
}
