import { join } from 'node:path';
import { lessonMargins } from '../engine/lessons/lessonMargins';
import { readCourse } from './readCourse';

/**
 * Prints, for every step of every lesson, each check's figure at its closest without the solution
 * (waiting alone, or part of the solution, from the worse of the step's two starts) and after it, as
 * a Markdown table: `npm run lessons:margins`.
 */
const course = readCourse(join(import.meta.dirname, '../../lessons'));
console.log('| Lesson | Step | Check | Without the solution (closest) | After the solution | Met after |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const lesson of course) {
  for (const row of lessonMargins(lesson)) {
    const met = row.metAfterMs === null ? 'not met' : `${(row.metAfterMs / 1000).toFixed(2)} s`;
    console.log(
      `| ${row.lesson} | ${row.step} | ${row.check} | ${row.withoutSolution ?? 'watching step'} | ${row.withSolution} | ${met} |`,
    );
  }
}
