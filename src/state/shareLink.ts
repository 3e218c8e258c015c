import type { TimedCommand } from '../engine/scenario/commandSchema';
import type { Scenario } from '../engine/scenario/schema';

/** The URL hash that holds a run: `#run=` then base64url of `{ scenario, commands, atMs? }` as JSON. */
export const shareLinkPrefix = '#run=';
/** The URL hash that holds a comparison: `#compare=` then base64url of its document as JSON. */
export const comparisonLinkPrefix = '#compare=';

/** A hash of `prefix` and a value as base64url JSON: what every share link is. */
export function encodeHashJson(prefix: string, value: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return prefix + btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * The JSON text after `prefix` in a hash, or null when the hash does not start with it. The text
 * still has to be validated (the worker does that, naming any bad field).
 *
 * @throws Error with a message a person can act on when the link is cut short or mangled.
 */
export function decodeHashJson(prefix: string, hash: string): string | null {
  if (!hash.startsWith(prefix)) return null;
  const body = hash.slice(prefix.length).trim();
  if (!/^[A-Za-z0-9_-]*$/.test(body) || body.length % 4 === 1 || body.length === 0) {
    throw new Error(
      `The share link is damaged: after "${prefix}" it should hold only letters, digits, "-" and "_". ` +
        'Copy the whole link again.',
    );
  }
  const base64 = body.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error('The share link is damaged: its data is not text. Copy the whole link again.');
  }
}

/** The hash of a share link for a run. Restoring it replays the run exactly, to `atMs` when given. */
export function encodeShareLink(run: {
  scenario: Scenario;
  commands: readonly TimedCommand[];
  atMs?: number;
}): string {
  return encodeHashJson(shareLinkPrefix, run);
}

/**
 * The JSON text a share link holds, or null when the hash holds no run.
 *
 * @throws Error with a message a person can act on when the link is cut short or mangled.
 */
export function decodeShareLink(hash: string): string | null {
  return decodeHashJson(shareLinkPrefix, hash);
}

/**
 * The longest share link offered, in characters. Chromium refuses to open an address longer than
 * 2 MiB (2,097,152 characters) and other browsers hold less; a run that needs more goes in a run file.
 */
export const maxShareLinkChars = 2_000_000;
