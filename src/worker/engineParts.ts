import { createEngine } from '../engine/createEngine';
import { exportRun } from '../engine/export/exportRun';
import { parseRunDocument } from '../engine/scenario/parseRunDocument';
import { parseJson } from '../engine/input/jsonText';
import { parseCommands, parseScenario } from '../engine/scenario/parseScenario';
import { loadPreset } from '../engine/scenario/presets';
import { traceScenario } from '../engine/workload/traceScenario';
import { readTrace } from './traceRun';

/**
 * The real engine's parts that the worker's host is given. One list, so that tests which drive the
 * host as the app does wire it exactly as the worker does.
 */
export const engineParts = {
  createEngine,
  parseScenario,
  parseCommands,
  parseJson,
  parseRunDocument,
  exportRun,
  loadPreset,
  readTrace,
  traceScenario,
};
