import { InputError } from '../engine/inputError';

/** Runs a parse and puts the file's name in front of its InputError, so the person knows which file. */
export function inFile<T>(path: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof InputError) {
      const [summary] = error.message.split('\n');
      throw new InputError(`${path}: ${summary}`, error.problems);
    }
    throw error;
  }
}
