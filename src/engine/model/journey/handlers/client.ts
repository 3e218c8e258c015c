import { Lookup } from '../../cache/cacheInstance';
import type { Model } from '../../model';
import { answer, type Request } from '../../request';
import { finish, moveTo, send } from '../moves';
import { Stage } from '../stages';

/** Stage.Client: a read looks in the browser cache; what it misses goes to the CDN or the app. */
export function atClient(m: Model, req: Request): void {
  const settings = m.settings;
  const space = settings.keySpaces[req.space];
  if (req.op === 'read' && space.kind === 'data' && space.http !== 'no-store' && settings.browserEnabled) {
    const browser = m.clients.browser(req.client);
    const found = browser.lookup(req.dataKey, m.clock.nowMs, req.id);
    if (found !== Lookup.Miss) {
      const entry = browser.found!;
      answer(req, entry.version, entry.dataKey, 'browser');
      if (found === Lookup.HitStale) m.refresh.throughOrigin(m, browser, req);
      else m.refresh.maybeAhead(m, browser, entry, req);
      return complete(m, req);
    }
    req.missedBrowser = true;
  }
  const cdnUsable =
    req.op === 'read' && space.kind === 'data' && space.http === 'public' && settings.cdnEnabled;
  if (cdnUsable) {
    req.viaCdn = true;
    return send(m, req, m.clients.nodeId(req.client), 'cdn', settings.clientToCdnMs, Stage.Cdn);
  }
  send(m, req, m.clients.nodeId(req.client), 'lb', settings.clientToCdnMs + settings.cdnToAppMs, Stage.App);
}

/** Stage.ClientReply: the answer is back; the browser stores a read, drops its copy on a write. */
export function atClientReply(m: Model, req: Request): void {
  if (req.op === 'read' && req.missedBrowser && !req.failed) {
    m.clients
      .browser(req.client)
      .fill(req.dataKey, req.valueKey, req.version, req.sizeBytes, m.clock.nowMs, req.id);
  }
  if (req.op === 'write' && !req.failed && m.settings.browserEnabled) {
    // RFC 9111 §4.4: a successful unsafe request invalidates the cache's copy of the target.
    m.clients.browser(req.client).invalidate(req.dataKey, m.clock.nowMs, 'write');
  }
  if (req.refresh !== null) {
    const entry = req.refresh.peek(req.dataKey);
    if (entry !== undefined) entry.refreshing = false;
    return finish(m, req);
  }
  complete(m, req);
}

/** The user has the answer: check it against the truth and count it. */
export function complete(m: Model, req: Request): void {
  moveTo(m, req, Stage.Done);
  const now = m.clock.nowMs;
  const latencyMs = now - req.issuedAtMs;
  const ok = !req.failed;
  if (ok && req.op === 'read') {
    if (req.valueKey !== req.dataKey) {
      const owner = m.keys.ownerOf(req.valueKey);
      m.metrics.leaks++;
      if (m.sink.on)
        m.sink.emit({
          type: 'leak',
          t: now,
          req: req.id,
          client: req.client,
          key: m.keys.name(req.dataKey),
          owner,
        });
    } else {
      const truth = m.truth.version(req.dataKey);
      if (req.version < truth) {
        const stalenessMs = m.truth.stalenessMs(req.dataKey, req.version, now);
        m.metrics.staleRead(stalenessMs);
        if (m.sink.on)
          m.sink.emit({
            type: 'read.stale',
            t: now,
            req: req.id,
            client: req.client,
            key: m.keys.name(req.dataKey),
            version: req.version,
            truthVersion: truth,
            stalenessMs,
          });
      }
    }
  }
  const fromCache =
    req.servedBy === 'browser' ||
    req.servedBy === 'cdn' ||
    req.servedBy === 'local' ||
    req.servedBy === 'distributed';
  m.metrics.done(req.op, latencyMs, fromCache, ok);
  if (m.sink.on)
    m.sink.emit({
      type: 'request.done',
      t: now,
      req: req.id,
      client: req.client,
      op: req.op,
      key: m.keys.name(req.dataKey),
      latencyMs,
      servedBy: req.servedBy,
    });
  m.onRequestDone();
  m.requests.release(req);
}
