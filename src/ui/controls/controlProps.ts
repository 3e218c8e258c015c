import type { Command } from '../../engine/scenario/commandSchema';
import type { Scenario } from '../../engine/scenario/schema';

/** What every live control takes: the settings in effect at the time on screen, and where a change goes. */
export interface ControlProps {
  settings: Scenario;
  onapply: (command: Command) => void;
}

/** A control with options that exist only when a run is created: changing one starts the run over. */
export interface RestartingControlProps extends ControlProps {
  onrestart: (change: (settings: Scenario) => void) => void;
}
