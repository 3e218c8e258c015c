import { createActor } from 'xstate';
import type { NodeId } from '../../events';
import { databaseMachine, type DatabaseEvent, type DatabaseState } from '../../../machines/database';
import { Lifecycle } from './lifecycle';
import { WorkQueue } from './workQueue';

/** The database primary or one replica: a bounded number of queries at once, and a queue. */
export class DatabaseServer {
  readonly work = new WorkQueue();

  constructor(readonly id: NodeId) {}
}

/**
 * The primary: a database server and its lifecycle (healthy, overloaded, down). It holds its server
 * rather than extending it, so primary and replicas are one shape where queries run.
 */
export class Database {
  readonly server = new DatabaseServer('db');
  /** Mirrors of the lifecycle, written only after the machine's transitions. */
  up = true;
  overloaded = false;
  /** How many times slower than its settings it runs now (a 'database.slow' command). */
  slowFactor = 1;
  private readonly lifecycle = new Lifecycle<DatabaseState, DatabaseEvent>(
    createActor(databaseMachine).start(),
  );
  private replicaTurn = 0;

  get state(): DatabaseState {
    return this.lifecycle.state;
  }

  /** Tells the lifecycle; returns whether its state changed. */
  send(event: DatabaseEvent): boolean {
    const changed = this.lifecycle.send(event);
    this.up = this.lifecycle.state !== 'down';
    this.overloaded = this.lifecycle.state === 'overloaded';
    return changed;
  }

  /**
   * The queue's length changed: the one comparison with the overload threshold. Returns whether
   * the lifecycle moved (into or out of `overloaded`).
   */
  noteQueue(length: number, overloadQueue: number): boolean {
    const overloaded = length >= overloadQueue;
    if (overloaded === this.overloaded) return false;
    return this.send(overloaded ? { type: 'db.overload' } : { type: 'db.drain' });
  }

  /** The replica the next read goes to, round robin. */
  nextReplica(replicas: number): number {
    return this.replicaTurn++ % replicas;
  }
}
