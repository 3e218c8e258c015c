import { createActor } from 'xstate';
import type { NodeId } from '../../events';
import { appServerMachine, type AppServerEvent, type AppServerState } from '../../../machines/appServer';
import type { CacheInstance } from '../cache/cacheInstance';
import type { Request } from '../request';
import { Lifecycle } from './lifecycle';
import { WorkQueue } from './workQueue';

/** One app server: workers and their queue, an in-process cache, and a lifecycle. */
export class AppServer {
  readonly id: NodeId;
  readonly work = new WorkQueue();
  /** Single-flight: cache key → the request already loading it. */
  readonly inFlight = new Map<number, Request>();
  /** Whether the lifecycle is `up`: a mirror, written only after the machine's transitions. */
  up = true;
  private readonly lifecycle = new Lifecycle<AppServerState, AppServerEvent>(
    createActor(appServerMachine).start(),
  );

  constructor(
    readonly index: number,
    readonly local: CacheInstance,
  ) {
    this.id = `app:${index}`;
  }

  get state(): AppServerState {
    return this.lifecycle.state;
  }

  /** Tells the lifecycle; returns whether its state changed. The local cache lives and dies with the server. */
  send(event: AppServerEvent): boolean {
    const changed = this.lifecycle.send(event);
    this.up = this.lifecycle.state === 'up';
    this.local.up = this.up;
    return changed;
  }
}
