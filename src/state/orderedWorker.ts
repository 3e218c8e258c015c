/**
 * A worker that answers each message it is sent, in the order sent, wrapped so that several messages
 * can wait at once (a warm-up, then a sweep's plan, then its variants): each `ask` resolves with its
 * own answer. Ending the worker, or its failing, resolves every pending ask with null.
 */
export class OrderedWorker<To, From> {
  readonly #pending: ((answer: From | null) => void)[] = [];
  #failure: string | null = null;

  constructor(
    private readonly worker: Worker,
    /** Called once when the worker fails outside a message (it could not start, or threw). */
    onFailure: (message: string) => void,
  ) {
    worker.onmessage = (event: MessageEvent<From>) => this.#pending.shift()?.(event.data);
    worker.onerror = (event: ErrorEvent) => {
      this.#failure = event.message || 'a worker failed';
      this.end();
      onFailure(this.#failure);
    };
  }

  ask(message: To): Promise<From | null> {
    if (this.#failure !== null) return Promise.resolve(null);
    return new Promise((resolve) => {
      this.#pending.push(resolve);
      this.worker.postMessage(message);
    });
  }

  end(): void {
    this.worker.terminate();
    for (const resolve of this.#pending.splice(0)) resolve(null);
  }
}
