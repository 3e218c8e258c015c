/**
 * The 'error' message for something thrown while handling the page's message: a person's mistake
 * (an InputError, by name, since the page's protocol carries no classes) with its problems, or a bug.
 */
export function errorMessage(error: unknown): {
  type: 'error';
  message: string;
  problems: string[];
  input: boolean;
} {
  const isInput = error instanceof Error && error.name === 'InputError';
  const problems = isInput ? [...((error as { problems?: string[] }).problems ?? [])] : [];
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return { type: 'error', message, problems, input: isInput };
}
