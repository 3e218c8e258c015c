import type { Model } from './model';
import type { Request } from './request';

/** The key the shared caches store a request's data under. */
export function cacheKey(m: Model, req: Request): number {
  // Worked out once per request and kept on it, until a command changes the keying (settings epoch).
  const settings = m.settings;
  if (req.keyEpoch === settings.epoch) return req.cacheKey;
  const space = settings.keySpaces[req.space];
  const key =
    space.perUser && !settings.cacheKeyIncludesUser
      ? m.keys.sharedCacheKey(req.space, req.keyIndex)
      : req.dataKey;
  req.cacheKey = key;
  req.keyEpoch = settings.epoch;
  return key;
}
