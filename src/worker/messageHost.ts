import { errorMessage } from './errorMessage';
import { isRunning, type HostMode } from './hostMode';
import { Seek } from './seek';

/**
 * What the single run's host and a comparison's share in taking the page's messages: their mode,
 * and one way to take a message. While a seek replays, a message waits and runs once it is done, in
 * order (as if the seek had been instant); otherwise it is dispatched, and what it throws goes to
 * the page as an error message, the run kept as it was.
 */
export abstract class MessageHost<Message extends { type: string }> {
  protected modeValue: HostMode = 'idle';
  protected readonly seekState = new Seek<Message>();

  constructor(private readonly postError: (message: ReturnType<typeof errorMessage>) => void) {}

  get mode(): HostMode {
    return this.modeValue;
  }

  /** True while the worker should keep calling tick. */
  get running(): boolean {
    return isRunning(this.modeValue);
  }

  handle(message: Message): void {
    if (this.modeValue === 'seeking' && Seek.waits(message)) {
      this.seekState.hold(message);
      return;
    }
    try {
      this.dispatch(message);
    } catch (error) {
      this.fail(error);
    }
  }

  protected abstract dispatch(message: Message): void;

  protected fail(error: unknown): void {
    this.postError(errorMessage(error));
  }

  /** Handles the messages held during a seek, until one of them starts another. */
  protected runHeld(): void {
    for (let next = this.seekState.nextHeld(); next !== undefined; next = this.seekState.nextHeld()) {
      this.handle(next);
      if (this.modeValue === 'seeking') return;
    }
  }
}
