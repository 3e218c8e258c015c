export {
  cacheNodeMachine,
  type CacheNodeContext,
  type CacheNodeEvent,
  type CacheNodeState,
} from './cacheNode';
export {
  databaseMachine,
  type DatabaseContext,
  type DatabaseEvent,
  type DatabaseInput,
  type DatabaseState,
} from './database';
export {
  appServerMachine,
  type AppServerContext,
  type AppServerEvent,
  type AppServerState,
} from './appServer';
export { sessionMachine, type SessionContext, type SessionEvent, type SessionState } from './session';
export * from './playback';
export * from './lessonRunner';
