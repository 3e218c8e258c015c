declare module 'virtual:cachescope-demos' {
  import type { Demo } from '../../engine/demos/demo';
  /** Every demo script, parsed and validated when the app was built, in order. */
  const demos: Demo[];
  export default demos;
}
