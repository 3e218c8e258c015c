import type { Model } from '../../model';
import type { Request } from '../../request';
import { Stage, stageCount } from '../stages';
import { atAppFromCache, atAppFromDatabase, atBalancer, atLockWait, atWorker } from './app';
import { atNode, atNodeFromDatabase } from './cacheNode';
import { atCdn, atCdnReply } from './cdn';
import { atClient, atClientReply } from './client';
import { atDatabase, atDatabaseDone } from './database';

/** What happens to a request when it reaches a stage (it moves on through moves.ts). */
export type StageHandler = (m: Model, req: Request) => void;

/** A request at Done is finished: nothing happens. */
function atDone(): void {}

/** Each stage's handler, one per stage: TypeScript refuses a table that leaves a stage out. */
const handlerOf: { readonly [S in Stage]: StageHandler } = {
  [Stage.Client]: atClient,
  [Stage.Cdn]: atCdn,
  [Stage.App]: atBalancer,
  [Stage.AppWork]: atWorker,
  [Stage.CacheNode]: atNode,
  [Stage.AppFromCache]: atAppFromCache,
  [Stage.LockWait]: atLockWait,
  [Stage.Database]: atDatabase,
  [Stage.DatabaseDone]: atDatabaseDone,
  [Stage.AppFromDatabase]: atAppFromDatabase,
  [Stage.CacheFromDatabase]: atNodeFromDatabase,
  [Stage.CdnReply]: atCdnReply,
  [Stage.ClientReply]: atClientReply,
  [Stage.Done]: atDone,
};

/** The dispatch: stageHandlers[req.stage](model, req). An array indexed by stage, for the fastest lookup. */
export const stageHandlers: readonly StageHandler[] = Array.from(
  { length: stageCount },
  (_, stage) => handlerOf[stage as Stage],
);
