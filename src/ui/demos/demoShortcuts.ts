import type { DemoPlayer } from '../../state/demoPlayer.svelte';

/** A key binding, in the shape of the shortcut table (src/ui/keys/shortcuts.ts) that the `?` overlay lists. */
export interface DemoShortcut {
  keys: string[];
  label: string;
  group: string;
  run(): void;
  when?(): boolean;
}

/** The player whose demo the keys step through: the one mounted, while it has a demo open. */
let active: DemoPlayer | null = null;

/** Called by the mounted player; the keys then step its demo. */
export function bindDemoShortcuts(player: DemoPlayer | null): void {
  active = player;
}

/**
 * What presentation clickers send (PageDown, PageUp), and the keyboard's → and N. The player handles
 * them itself; the keys overlay lists them from here.
 */
export const demoShortcuts: DemoShortcut[] = [
  {
    keys: ['PageDown', 'ArrowRight', 'n'],
    label: 'Next beat of the demo: play to its moment and pause',
    group: 'Demo',
    run: () => active?.next(),
    when: () => active?.open ?? false,
  },
  {
    keys: ['PageUp'],
    label: 'Previous beat of the demo, exactly as it began',
    group: 'Demo',
    run: () => active?.previous(),
    when: () => active?.open ?? false,
  },
];

/** Where a key types or chooses: → and N are left to it there, and PageUp/PageDown to a text field. */
const choosing = 'input, select, textarea, [contenteditable]:not([contenteditable="false"])';
const typing =
  'input:not([type="range"]):not([type="checkbox"]):not([type="radio"]):not([type="button"]), textarea, [contenteditable]:not([contenteditable="false"])';

/** The demo shortcut a key press stands for, or null (another key, a modifier, a field that owns the key). */
export function demoShortcutFor(event: KeyboardEvent): DemoShortcut | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  const shortcut = demoShortcuts.find((s) => s.keys.includes(key));
  if (!shortcut || (shortcut.when && !shortcut.when())) return null;
  const target = event.target instanceof Element ? event.target : null;
  const page = key === 'PageDown' || key === 'PageUp';
  if (target?.closest(page ? typing : choosing)) return null;
  return shortcut;
}
