import type { AppServer } from '../components/appServer';
import type { Request } from '../request';

/** How long a load holds its key's lock at the distributed cache. */
const lockHoldMs = 1000;

/**
 * Stampede protection's state: single-flight coalescing at each app server (one request loads a
 * key, the others wait on its answer) and locks at the distributed cache. The policy in force is a
 * setting; probabilistic early refresh lives with the other refreshes (refresh.ts).
 */
export class Stampede {
  /** Locks held at the distributed cache: cache key → expiry time. */
  private readonly locks = new Map<number, number>();

  /**
   * Coalescing: a request follows the leader already loading its key (returns true: it waits on
   * the leader's answer), or becomes the leader itself.
   */
  followsLeader(server: AppServer, key: number, req: Request): boolean {
    const leader = server.inFlight.get(key);
    if (leader !== undefined) {
      (leader.waiters ??= []).push(req);
      return true;
    }
    server.inFlight.set(key, req);
    req.leadsKey = key;
    return false;
  }

  /** A leader has its answer: its server no longer names it, so the request can be reused. */
  endLead(server: AppServer, req: Request): void {
    const key = req.leadsKey;
    if (key < 0) return;
    if (server.inFlight.get(key) === req) server.inFlight.delete(key);
    req.leadsKey = -1;
  }

  /** Lock: whether another request holds the key's lock; if not, this request takes it. */
  lockedByOther(key: number, nowMs: number, req: Request): boolean {
    const heldUntil = this.locks.get(key);
    if (heldUntil !== undefined && heldUntil > nowMs && !req.holdsLock) return true;
    this.locks.set(key, nowMs + lockHoldMs);
    req.holdsLock = true;
    return false;
  }

  releaseLock(req: Request, key: number): void {
    if (req.holdsLock) {
      this.locks.delete(key);
      req.holdsLock = false;
    }
  }
}
