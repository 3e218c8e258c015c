import type { Plugin } from 'vite';

type Hook = (this: unknown, ...args: unknown[]) => unknown;

/** Calls a plugin's hooks as Vite would, with a context whose `error` throws (as a failed build does). */
export function pluginCaller(plugin: Plugin) {
  const context = {
    error(message: string): never {
      throw new Error(message);
    },
    addWatchFile() {},
  };
  return (name: 'buildStart' | 'resolveId' | 'load', ...args: unknown[]) => {
    const hook = plugin[name] as Hook | { handler: Hook };
    return (typeof hook === 'function' ? hook : hook.handler).call(context, ...args);
  };
}
