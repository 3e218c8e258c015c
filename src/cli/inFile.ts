import { InputError, inputErrorFrom } from '../engine/inputError';

/** Runs a parse and puts the file's name in front of its InputError, so the person knows which file. */
export function inFile<T>(path: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw error instanceof InputError ? inputErrorFrom(path, error) : error;
  }
}
