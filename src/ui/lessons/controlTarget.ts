import type { Command } from '../../engine/scenario/commandSchema';
import { tierLabel as labelOf } from '../../engine/tiers/tierRegistry';

/**
 * The control a step is about, found on screen by the words the controls panel shows: the section
 * (a `<details>` of the controls panel, by its summary), optionally a tier's group, and a field by
 * its label or a button by its text. `choose` first picks, in a select, what the control acts on
 * (the cache node for Fail node N, the key space for its fields).
 */
export interface ControlTarget {
  section: 'Cache tiers' | 'Policies' | 'Workload' | 'Faults' | 'Purge';
  tier?: string;
  label?: string;
  button?: string;
  choose?: { label: string; value: string };
  /** The control in words, for the button: "Distributed cache, Eviction". */
  name: string;
}

const tierFields: Record<string, string> = {
  capacity: 'Capacity',
  eviction: 'Eviction',
  samples: 'Eviction',
  replication: 'Replication',
};
const ttlFields: Record<string, string> = {
  seconds: 'TTL',
  jitter: 'TTL jitter',
  staleWhileRevalidateSeconds: 'Stale-while-revalidate',
};
const policyFields: Record<string, string> = {
  read: 'Read policy',
  write: 'Write policy',
  writeBackFlushMs: 'Write-back flush delay',
  stampede: 'Stampede protection',
  cacheKeyIncludesUser: 'Cache key includes user',
};
const busFields: Record<string, string> = {
  enabled: 'Invalidation bus',
  delayMs: 'Invalidation delay',
  lossProbability: 'Invalidation loss',
};
const workloadFields: Record<string, string> = { ratePerSecond: 'Request rate', writeRatio: 'Write ratio' };
const keySpaceFields: Record<string, string> = {
  keys: 'Keys',
  popularity: 'Popularity',
  http: 'Cache-Control',
};

/**
 * The control that a step's solution uses, from its first command: no lesson names it. Returns null
 * when the step has no solution, or its command has no control of its own.
 *
 * @example controlTarget([{ type: 'node.fail', node: 0 }]) // { section: 'Faults', button: 'Fail node 1', … }
 */
export function controlTarget(solution: readonly Command[]): ControlTarget | null {
  const command = solution[0];
  if (!command) return null;
  switch (command.type) {
    case 'tier.configure': {
      const tierLabel = labelOf(command.tier);
      const key = Object.keys(command.changes)[0] ?? 'enabled';
      const ttlKey = Object.keys(command.changes.ttl ?? {})[0];
      const label =
        key === 'enabled'
          ? tierLabel
          : key === 'ttl'
            ? (ttlFields[ttlKey] ?? 'TTL')
            : (tierFields[key] ?? tierLabel);
      return {
        section: 'Cache tiers',
        tier: command.tier,
        label,
        name: label === tierLabel ? `${tierLabel} on or off` : `${tierLabel}, ${label}`,
      };
    }
    case 'policies.set':
      return field('Policies', policyFields[Object.keys(command.changes)[0]]);
    case 'bus.configure':
      return field('Policies', busFields[Object.keys(command.changes)[0]] ?? 'Invalidation bus');
    case 'workload.set':
      return field('Workload', workloadFields[Object.keys(command.changes)[0]]);
    case 'keySpace.set': {
      const what = keySpaceFields[Object.keys(command.changes)[0]];
      const target = what ? field('Workload', `${what} (${command.name})`) : null;
      return target && { ...target, choose: { label: 'Key space', value: command.name } };
    }
    case 'purge':
      return field('Purge', 'Purge from', 'Purge');
    case 'node.fail':
    case 'node.recover': {
      const button = `${command.type === 'node.fail' ? 'Fail' : 'Recover'} node ${command.node + 1}`;
      return {
        section: 'Faults',
        choose: { label: 'Cache node', value: String(command.node) },
        button,
        name: button,
      };
    }
    case 'database.slow':
      return button('Slow database');
    case 'database.fail':
      return button('Fail database');
    case 'database.recover':
      return button('Recover database');
    case 'traffic.spike':
      return button('Traffic spike');
    default:
      return null;
  }
}

function field(
  section: ControlTarget['section'],
  label: string | undefined,
  name = label,
): ControlTarget | null {
  return label ? { section, label, name: name ?? label } : null;
}

function button(text: string): ControlTarget {
  return { section: 'Faults', button: text, name: text };
}

/**
 * Opens the target's section of the controls panel, scrolls the control into view and focuses it.
 * `root` is where the controls panel is (the document). Returns false when the control is not on
 * screen (the tier is off, say), so the caller can say so.
 */
export async function revealControl(
  target: ControlTarget,
  root: ParentNode,
  settle: () => Promise<void>,
): Promise<boolean> {
  const details = [...root.querySelectorAll<HTMLDetailsElement>('details')].find(
    (d) => d.querySelector(':scope > summary')?.textContent?.trim() === target.section,
  );
  if (!details) return false;
  details.open = true;
  await settle();
  let scope: ParentNode = details;
  if (target.tier) scope = details.querySelector(`fieldset[data-tier="${target.tier}"]`) ?? details;
  if (target.choose) {
    // Absent when there is only one to choose from (a single key space).
    const select = labelled(scope, target.choose.label);
    if (select instanceof HTMLSelectElement && select.value !== target.choose.value) {
      select.value = target.choose.value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await settle();
    }
  }
  const element = target.button
    ? [...scope.querySelectorAll<HTMLButtonElement>('button')].find(
        (b) => b.textContent?.trim() === target.button,
      )
    : labelled(scope, target.label!);
  if (!element) return false;
  element.scrollIntoView?.({ block: 'center' });
  element.focus();
  return true;
}

/** The control a label names: its text, or its text before a unit in brackets ("TTL (s)"). */
function labelled(scope: ParentNode, text: string): HTMLElement | null {
  const label = [...scope.querySelectorAll<HTMLLabelElement>('label')].find((l) => {
    const words = l.textContent?.trim() ?? '';
    return words === text || words.startsWith(`${text} (`);
  });
  if (!label) return null;
  return label.control ?? (label.htmlFor ? label.ownerDocument.getElementById(label.htmlFor) : null);
}
