declare module 'virtual:cachescope-lessons' {
  import type { Lesson } from '../../engine/lessons/lesson';
  /** Every lesson of the course, parsed and validated when the app was built, in order. */
  const lessons: Lesson[];
  export default lessons;
}
