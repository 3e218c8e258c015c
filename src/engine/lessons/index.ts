export type { Lesson, LessonStep } from './lesson';
export type { GoalCheck, Prediction, StepBlock } from './lessonSchema';
export { parseLesson } from './parseLesson';
export {
  evaluateGoal,
  goalMet,
  checkMetric,
  openBucket,
  type CheckResult,
  type GoalContext,
} from './evaluateGoal';
export { checkSpan, describeCheck, describeStanding, formatGoalValue } from './describeCheck';
export { readSetting, settingProblem } from './goalSettings';
export { goalMetrics, goalEvents, goalMetricNames, goalEventNames, type GoalMetricName } from './goalMetrics';
export { replayLesson, type StepReplay } from './replayLesson';
