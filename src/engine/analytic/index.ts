/** Closed-form results of caching theory that the simulation is checked against and drawn beside. */
export { characteristicTime } from './characteristicTime';
export { cheLru } from './cheLru';
export { fifoRandomApproximateMissRatio, fifoRandomMissRatio, kingGelenbeMissRatio } from './fifoRandom';
export { ttlHitRatio } from './ttlHitRatio';
