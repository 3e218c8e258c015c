import { createStream, type RandomStream } from '../../random';
import type { HotSettings } from '../hotSettings';

/** The network between the components: how long each hop takes. */
export class Network {
  private readonly random: RandomStream;

  constructor(
    seed: number,
    private readonly settings: HotSettings,
  ) {
    this.random = createStream(seed, 'latencies');
  }

  /** One draw of a hop's latency: the mean, varied by ± jitter. */
  hopMs(meanMs: number): number {
    const jitter = this.settings.jitter;
    return jitter > 0 ? meanMs * (1 + jitter * (2 * this.random.next() - 1)) : meanMs;
  }
}
