import { InputError } from '../inputError';
import { opWrite } from '../replay/trace';
import type { Scenario } from '../scenario/schema';
import {
  blankRequest,
  createRequestGenerator,
  type KeySpaceChanges,
  type RequestGenerator,
  type WorkloadRequest,
} from './requestGenerator';
import {
  scenarioFitsTrace,
  traceArrivalMs,
  traceHasSizes,
  traceKeySpace,
  type TraceInput,
} from './traceScenario';

/** What a person is told when a command would change requests that the trace decides. */
function refused(what: string): never {
  throw new InputError(
    `${what}: this run's requests come from a trace, which sets when they come, their keys and ` +
      'which are writes; change the topology or the policies instead, or open a scenario to change the workload',
  );
}

/**
 * The workload of a trace-driven run: the trace's requests in order, each at its time
 * (traceArrivalMs), as reads or writes as the trace says, key i of the trace being key i of the
 * scenario's one key space (traceScenario made it). Sizes are the trace's; a trace without sizes
 * takes the key space's size setting, as a generated workload does. Clients take turns: request i
 * comes from client i mod clients (a cache server's trace does not say who asked).
 *
 * Nothing here is drawn at random, so a replay of the run gets the same requests.
 */
class TraceRequests implements RequestGenerator {
  readonly keySpaces: Scenario['workload']['keySpaces'];
  private readonly arrivalMs: (i: number) => number;
  private readonly lastSize: Float64Array;
  private readonly fallbackSize: (keyIndex: number) => number;
  private readonly clients: number;
  private position = 0;

  constructor(
    scenario: Scenario,
    private readonly input: TraceInput,
  ) {
    const { trace } = input;
    const { keySpaces, clients, ratePerSecond } = scenario.workload;
    if (!scenarioFitsTrace(scenario, trace)) {
      throw new InputError(
        `${input.name}: the scenario was not made for this trace (expected one key space "${traceKeySpace}" ` +
          `of ${trace.distinctKeys} keys); open the trace again`,
      );
    }
    this.keySpaces = keySpaces;
    this.clients = clients;
    this.arrivalMs = traceArrivalMs(trace, ratePerSecond);
    const generated = createRequestGenerator(scenario.workload, scenario.seed);
    this.fallbackSize = traceHasSizes(trace)
      ? (keyIndex) => this.lastSize[keyIndex]
      : (keyIndex) => generated.sizeBytesOf(0, keyIndex, 0);
    // Until a key is asked for, its size is that of its first request in the trace.
    this.lastSize = new Float64Array(trace.distinctKeys).fill(-1);
    for (let i = 0; i < trace.requests; i++) {
      if (this.lastSize[trace.keys[i]] < 0) this.lastSize[trace.keys[i]] = trace.sizes[i];
    }
  }

  peekTimeMs(): number {
    return this.position < this.input.trace.requests ? this.arrivalMs(this.position) : Infinity;
  }

  next(into: WorkloadRequest = blankRequest()): WorkloadRequest {
    const { trace } = this.input;
    const i = this.position;
    if (i >= trace.requests) throw new RangeError('TraceRequests.next: the trace has no requests left');
    this.position++;
    const keyIndex = trace.keys[i];
    this.lastSize[keyIndex] = trace.sizes[i];
    into.atMs = this.arrivalMs(i);
    into.client = i % this.clients;
    into.keySpace = 0;
    into.keyIndex = keyIndex;
    into.op = trace.ops[i] === opWrite ? 'write' : 'read';
    into.sizeBytes = this.sizeBytesOf(0, keyIndex);
    return into;
  }

  /** The size the key's latest request carried (a real trace's object may change size). */
  sizeBytesOf(_keySpace: number, keyIndex: number): number {
    return this.fallbackSize(keyIndex);
  }

  setRate(): void {
    refused('workload.set ratePerSecond');
  }

  setWriteRatio(): void {
    refused('workload.set writeRatio');
  }

  /** Only the Cache-Control may change (the model reads it from the settings): it decides no request. */
  setKeySpace(name: string, changes: KeySpaceChanges): void {
    const { http, ...rest } = changes;
    if (http === undefined || Object.keys(rest).length > 0) refused(`keySpace.set ${name}`);
  }

  spike(): void {
    refused('traffic.spike');
  }
}

/** The request source of a run whose scenario traceScenario made from this trace. */
export function createTraceRequests(scenario: Scenario, input: TraceInput): RequestGenerator {
  return new TraceRequests(scenario, input);
}
