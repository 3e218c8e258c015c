import type { NodeId } from '../../events';
import type { Model } from '../model';
import type { Request } from '../request';
import { Stage } from './stages';

// The only writers of a request's stage. Each reports the move to the model's onMove hook, which
// tests point at assertAllowedMove, so a move the journey table (stages.ts) lacks fails loudly.

/** A request begins its journey at `stage` (a user's request, a background refresh, a flush). */
export function startAt(m: Model, req: Request, stage: Stage): void {
  if (m.onMove !== null) m.onMove(null, stage);
  req.stage = stage;
}

/** Moves a request to `stage` without scheduling it (the caller schedules it, or it ends there). */
export function moveTo(m: Model, req: Request, stage: Stage): void {
  if (m.onMove !== null) m.onMove(req.stage, stage);
  req.stage = stage;
}

/** Sends a request along an edge: it arrives at `stage` after the hop's latency. */
export function send(m: Model, req: Request, from: NodeId, to: NodeId, meanMs: number, stage: Stage): void {
  const now = m.clock.nowMs;
  const arriveMs = now + m.network.hopMs(meanMs);
  if (m.sink.on) m.sink.emit({ type: 'hop', t: now, req: req.id, from, to, arriveMs });
  moveTo(m, req, stage);
  m.scheduler.schedule(arriveMs, req);
}

/** Moves a request on where it is (no network between the two stages), after `delayMs`. */
export function at(m: Model, req: Request, stage: Stage, delayMs = 0): void {
  moveTo(m, req, stage);
  m.scheduler.schedule(m.clock.nowMs + delayMs, req);
}

/** The request's journey is over and nothing will read it again. */
export function finish(m: Model, req: Request): void {
  moveTo(m, req, Stage.Done);
  m.requests.release(req);
}
