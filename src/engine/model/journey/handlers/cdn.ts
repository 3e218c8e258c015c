import { Lookup } from '../../cache/cacheInstance';
import { cacheKey } from '../../cacheKey';
import type { Model } from '../../model';
import { answer, type Request } from '../../request';
import { finish, send } from '../moves';
import { Stage } from '../stages';

/** Stage.Cdn: the edge cache answers, or the request goes on to the app. */
export function atCdn(m: Model, req: Request): void {
  const cdn = m.cdn;
  const found = cdn.lookup(cacheKey(m, req), m.clock.nowMs, req.id);
  if (found !== Lookup.Miss) {
    const entry = cdn.found!;
    answer(req, entry.version, entry.dataKey, 'cdn');
    if (found === Lookup.HitStale) m.refresh.throughOrigin(m, cdn, req);
    else m.refresh.maybeAhead(m, cdn, entry, req);
    return send(m, req, 'cdn', m.clients.nodeId(req.client), m.settings.clientToCdnMs, Stage.ClientReply);
  }
  req.missedCdn = true;
  send(m, req, 'cdn', 'lb', m.settings.cdnToAppMs, Stage.App);
}

/** Stage.CdnReply: the answer passes back through the CDN, which stores a read it missed. */
export function atCdnReply(m: Model, req: Request): void {
  if (req.missedCdn && !req.failed && req.op === 'read') {
    m.cdn.fill(cacheKey(m, req), req.valueKey, req.version, req.sizeBytes, m.clock.nowMs, req.id);
  }
  if (req.refresh === m.cdn || req.client < 0) {
    const entry = m.cdn.peek(cacheKey(m, req));
    if (entry !== undefined) entry.refreshing = false;
    return finish(m, req);
  }
  send(m, req, 'cdn', m.clients.nodeId(req.client), m.settings.clientToCdnMs, Stage.ClientReply);
}
