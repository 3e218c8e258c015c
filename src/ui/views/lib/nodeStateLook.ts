import { okabeIto } from './palette';

/** How a node's box shows its lifecycle state: outline, fill pattern and a word, never colour alone. */
export interface NodeStateLook {
  stroke: string;
  strokeWidth: number;
  /** SVG stroke-dasharray, '' for a solid outline. */
  dash: string;
  pattern: 'none' | 'hatch' | 'stripes';
  /** The state in words, '' for the normal running states. */
  text: string;
}

const normal: NodeStateLook = { stroke: '#333333', strokeWidth: 1.5, dash: '', pattern: 'none', text: '' };

/** The look of a state from the component machines: up/healthy, down, warming, overloaded, others. */
export function nodeStateLook(state: string): NodeStateLook {
  switch (state) {
    case 'up':
    case 'healthy':
    case 'logged-in':
    case '':
      return normal;
    case 'down':
      return { stroke: '#333333', strokeWidth: 1.5, dash: '5 3', pattern: 'hatch', text: '✕ DOWN' };
    case 'warming':
      return { stroke: okabeIto.blue, strokeWidth: 2, dash: '2 3', pattern: 'none', text: 'warming…' };
    case 'overloaded':
      return {
        stroke: okabeIto.vermillion,
        strokeWidth: 3,
        dash: '',
        pattern: 'stripes',
        text: '⚠ OVERLOADED',
      };
    default:
      return { ...normal, text: state };
  }
}
