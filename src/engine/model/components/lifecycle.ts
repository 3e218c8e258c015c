/** What a lifecycle needs of a started XState actor. */
interface LifecycleActor<TEvent> {
  send(event: TEvent): void;
  getSnapshot(): { value: unknown };
}

/**
 * A long-lived component's lifecycle: an XState actor, and its state value as a plain field. The
 * field is written only here, after each event the machine takes, so the request path reads the
 * machine's state without asking the actor (a snapshot read per request would cost).
 */
export class Lifecycle<TState extends string, TEvent> {
  /** The machine's state value, as of its last transition. */
  state: TState;

  constructor(private readonly actor: LifecycleActor<TEvent>) {
    this.state = actor.getSnapshot().value as TState;
  }

  /** Sends the machine an event; returns whether its state changed. */
  send(event: TEvent): boolean {
    this.actor.send(event);
    const before = this.state;
    this.state = this.actor.getSnapshot().value as TState;
    return this.state !== before;
  }
}
