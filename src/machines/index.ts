export { cacheNodeMachine, type CacheNodeEvent, type CacheNodeState } from './cacheNode';
export { databaseMachine, type DatabaseEvent, type DatabaseState } from './database';
export { appServerMachine, type AppServerEvent, type AppServerState } from './appServer';
export { sessionMachine, type SessionContext, type SessionEvent, type SessionState } from './session';
export * from './playback';
export * from './lessonRunner';
