export { createZipf, zipfProbabilities } from './zipf';
export { createKeySampler, hotKeyCount } from './keySampler';
export { createRateSchedule, type RateSchedule } from './rateSchedule';
export {
  createRequestGenerator,
  type KeySpaceChanges,
  type RequestGenerator,
  type WorkloadRequest,
} from './requestGenerator';
