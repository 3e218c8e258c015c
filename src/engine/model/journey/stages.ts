/**
 * The journey of one request, as a table of stages and the moves between them. Each stage has one
 * handler (handlers/index.ts, the dispatch that System.advance calls), and moves.ts is the only
 * writer of a request's stage: it reports every move, and tests fail on one that is not a row here.
 * The app can draw the same table as the chart of a request's life, so what students see is what runs.
 *
 * XState would model this well, but a request lives for microseconds of CPU and millions of them
 * run per second: measured here, an actor per request runs 10-30k requests/s and a plain table
 * reducer over 1M (DESIGN.md). Long-lived components (nodes, the database, sessions) are XState.
 */
export const enum Stage {
  /** At the client: look in the browser cache. */
  Client,
  /** At the CDN: look in the edge cache. */
  Cdn,
  /** At the load balancer: pick an app server, wait for a worker. */
  App,
  /** A worker has it: after the service time, look in the app-local cache. */
  AppWork,
  /** At a distributed cache node: look up, or store a write. */
  CacheNode,
  /** Back at the app with the node's answer. */
  AppFromCache,
  /** Waiting for another request's lock on the key; will look again. */
  LockWait,
  /** At the database: wait for a connection, then query. */
  Database,
  /** The query has run. */
  DatabaseDone,
  /** Back at the app with the database's answer. */
  AppFromDatabase,
  /** Back at the cache node with the database's answer (read-through, write-through). */
  CacheFromDatabase,
  /** On the way back through the CDN. */
  CdnReply,
  /** Back at the client: done. */
  ClientReply,
  /** Finished. */
  Done,
}

export const stageNames: Record<Stage, string> = {
  [Stage.Client]: 'client',
  [Stage.Cdn]: 'cdn',
  [Stage.App]: 'app.queue',
  [Stage.AppWork]: 'app.work',
  [Stage.CacheNode]: 'cache.node',
  [Stage.AppFromCache]: 'app.fromCache',
  [Stage.LockWait]: 'app.lockWait',
  [Stage.Database]: 'database.queue',
  [Stage.DatabaseDone]: 'database.done',
  [Stage.AppFromDatabase]: 'app.fromDatabase',
  [Stage.CacheFromDatabase]: 'cache.fromDatabase',
  [Stage.CdnReply]: 'cdn.reply',
  [Stage.ClientReply]: 'client.reply',
  [Stage.Done]: 'done',
};

/** A move of the journey; `from` is null where a journey begins. */
export interface JourneyMove {
  from: Stage | null;
  to: Stage;
  on: string;
}

/** Every move a request may make, with what it means. */
export const journey: readonly JourneyMove[] = [
  { from: null, to: Stage.Client, on: 'a user issues a request' },
  { from: null, to: Stage.Client, on: 'a background revalidation of a browser copy' },
  { from: null, to: Stage.Cdn, on: 'a background revalidation of a CDN copy' },
  { from: null, to: Stage.AppWork, on: 'a background refresh of a local cache' },
  { from: null, to: Stage.CacheNode, on: 'a background refresh of a node, or a write-back flush' },
  { from: Stage.Client, to: Stage.Done, on: 'browser hit' },
  { from: Stage.Client, to: Stage.Cdn, on: 'browser miss, public' },
  { from: Stage.Client, to: Stage.App, on: 'browser miss, or a write' },
  { from: Stage.Cdn, to: Stage.ClientReply, on: 'CDN hit' },
  { from: Stage.Cdn, to: Stage.App, on: 'CDN miss' },
  { from: Stage.App, to: Stage.AppWork, on: 'worker free' },
  { from: Stage.App, to: Stage.CdnReply, on: 'no server up' },
  { from: Stage.App, to: Stage.ClientReply, on: 'no server up' },
  { from: Stage.AppWork, to: Stage.CdnReply, on: 'local hit, or write done' },
  { from: Stage.AppWork, to: Stage.ClientReply, on: 'local hit, or write done' },
  { from: Stage.AppWork, to: Stage.CacheNode, on: 'local miss, or write to cache' },
  { from: Stage.AppWork, to: Stage.Database, on: 'no cache: query, or write' },
  { from: Stage.CacheNode, to: Stage.AppFromCache, on: 'hit, miss or write stored' },
  { from: Stage.CacheNode, to: Stage.Database, on: 'read-through miss, or write-through' },
  { from: Stage.AppFromCache, to: Stage.CdnReply, on: 'hit' },
  { from: Stage.AppFromCache, to: Stage.ClientReply, on: 'hit' },
  { from: Stage.AppFromCache, to: Stage.Database, on: 'miss: query' },
  { from: Stage.AppFromCache, to: Stage.LockWait, on: 'key locked by another request' },
  { from: Stage.LockWait, to: Stage.CacheNode, on: 'look again' },
  { from: Stage.Database, to: Stage.DatabaseDone, on: 'query ran' },
  { from: Stage.Database, to: Stage.Database, on: 'database down: a write-back flush tries again later' },
  { from: Stage.Database, to: Stage.AppFromDatabase, on: 'database down' },
  { from: Stage.Database, to: Stage.CacheFromDatabase, on: 'database down' },
  { from: Stage.Database, to: Stage.Done, on: 'database down (background refresh)' },
  { from: Stage.DatabaseDone, to: Stage.AppFromDatabase, on: 'answer to the app' },
  { from: Stage.DatabaseDone, to: Stage.CacheFromDatabase, on: 'answer to the cache node' },
  { from: Stage.DatabaseDone, to: Stage.Done, on: 'background refresh filled its cache' },
  { from: Stage.CacheFromDatabase, to: Stage.AppFromCache, on: 'filled, answer the app' },
  { from: Stage.AppFromDatabase, to: Stage.CdnReply, on: 'answer' },
  { from: Stage.AppFromDatabase, to: Stage.ClientReply, on: 'answer' },
  { from: Stage.CdnReply, to: Stage.ClientReply, on: 'filled the CDN' },
  { from: Stage.CdnReply, to: Stage.Done, on: 'background refresh of the CDN' },
  { from: Stage.ClientReply, to: Stage.Done, on: 'request complete' },
];

/** How many stages there are (the dispatch table has one handler for each). */
export const stageCount = Stage.Done + 1;

// Row `stageCount` of the matrix holds the stages a journey may begin at.
const allowed = new Uint8Array((stageCount + 1) * stageCount);
for (const move of journey) allowed[(move.from ?? stageCount) * stageCount + move.to] = 1;

/** Whether the journey table allows a move (from null: whether a journey may begin there). */
export function isAllowedMove(from: Stage | null, to: Stage): boolean {
  return allowed[(from ?? stageCount) * stageCount + to] === 1;
}

/** The name of a move's start, 'start' where a journey begins. */
export function moveStartName(from: Stage | null): string {
  return from === null ? 'start' : stageNames[from];
}

/** Throws, naming both stages, on a move the table does not allow: tests install it to fail loudly. */
export function assertAllowedMove(from: Stage | null, to: Stage): void {
  if (!isAllowedMove(from, to))
    throw new Error(
      `a request moved ${moveStartName(from)} → ${stageNames[to]}, which is not a row of the journey table`,
    );
}
