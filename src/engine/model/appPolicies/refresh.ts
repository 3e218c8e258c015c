import { createStream, type RandomStream } from '../../random';
import type { CacheEntry, CacheInstance } from '../cache/cacheInstance';
import { cacheKey } from '../cacheKey';
import type { Model } from '../model';
import type { Request } from '../request';
import { send, startAt } from '../journey/moves';
import { Stage } from '../journey/stages';

/**
 * Refreshes that keep a key warm: refresh-ahead (a hit near expiry reloads in the background),
 * stale-while-revalidate (a stale hit is served and reloaded), and probabilistic early refresh
 * (XFetch: a hit may recompute before expiry, so a hot key never goes cold).
 */
export class Refresh {
  private readonly random: RandomStream;

  constructor(seed: number) {
    this.random = createStream(seed, 'refresh');
  }

  /** Early refresh: whether this hit recomputes the value now (draws only under that policy). */
  refreshesEarly(m: Model, entry: CacheEntry): boolean {
    if (m.settings.stampede !== 'early-refresh' || entry.ttlMs === Infinity) return false;
    const settings = m.config.topology.database;
    const deltaMs = settings.readMs + settings.diskReadMs + 2 * m.settings.appToDatabaseMs;
    const u = 1 - this.random.next();
    return m.clock.nowMs - deltaMs * m.config.policies.earlyRefreshBeta * Math.log(u) >= entry.expiresAtMs;
  }

  /** Refresh-ahead: a hit in the last fraction of its TTL reloads the key in the background. */
  maybeAhead(m: Model, instance: CacheInstance, entry: CacheEntry, req: Request, key = -1): void {
    const fraction = instance.config.ttl.refreshAheadFraction;
    if (fraction <= 0 || entry.ttlMs === Infinity || entry.refreshing) return;
    if (entry.expiresAtMs - m.clock.nowMs > fraction * entry.ttlMs) return;
    if (instance.tier === 'local' || instance.tier === 'distributed')
      this.fromDatabase(m, instance, key, entry);
    else this.throughOrigin(m, instance, req);
  }

  /** A background read from the database that refills a local cache or a node. */
  fromDatabase(m: Model, instance: CacheInstance, key: number, entry: CacheEntry): void {
    if (entry.refreshing) return;
    entry.refreshing = true;
    const req = m.requests.take();
    req.dataKey = entry.dataKey;
    req.valueKey = entry.dataKey;
    req.sizeBytes = entry.sizeBytes;
    req.issuedAtMs = m.clock.nowMs;
    req.refresh = instance;
    req.refreshKey = key;
    req.space = m.keys.rangeOf(entry.dataKey).space;
    startAt(m, req, instance.tier === 'local' ? Stage.AppWork : Stage.CacheNode);
    send(m, req, instance.node, 'db', m.settings.appToDatabaseMs, Stage.Database);
  }

  /** A background revalidation of a browser or CDN copy, through the usual path to the app. */
  throughOrigin(m: Model, instance: CacheInstance, user: Request): void {
    const browser = instance.tier === 'browser';
    const key = browser ? user.dataKey : cacheKey(m, user);
    const entry = instance.peek(key);
    if (entry === undefined || entry.refreshing) return;
    entry.refreshing = true;
    const req = m.requests.take();
    req.client = browser ? user.client : -1;
    req.space = user.space;
    req.keyIndex = user.keyIndex;
    req.dataKey = user.dataKey;
    req.valueKey = user.dataKey;
    req.sizeBytes = user.sizeBytes;
    req.issuedAtMs = m.clock.nowMs;
    req.refresh = instance;
    if (browser) {
      req.missedBrowser = true;
      startAt(m, req, Stage.Client);
    } else {
      req.viaCdn = true;
      req.missedCdn = true;
      startAt(m, req, Stage.Cdn);
    }
    send(m, req, instance.node, 'lb', m.settings.cdnToAppMs, Stage.App);
  }
}
