/**
 * The traffic spike's multiplier and duration as the Faults panel shows them, shared with the spike
 * shortcut so that the key sends the spike the panel would.
 */
export const spikeInputs = $state({ multiplier: 5, seconds: 10 });
