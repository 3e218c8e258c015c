export type { Lesson, LessonStep } from './lesson';
export type { GoalCheck, Prediction, StepBlock } from './lessonSchema';
export { parseLesson } from './parseLesson';
export { evaluateGoal, goalMet, checkMetric, openBucket, type CheckResult, type GoalContext } from './evaluateGoal';
export { describeCheck, formatGoalValue } from './describeCheck';
export { goalMetrics, goalEvents, goalMetricNames, goalEventNames, type GoalMetricName } from './goalMetrics';
export { replayLesson, type StepReplay } from './replayLesson';
