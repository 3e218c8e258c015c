import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../../src/cli/benchArgs';
import { InputError } from '../../src/engine/inputError';

describe('the bench command line', () => {
  it('measures everything, over the default key spaces, when given no flags', () => {
    expect(parseBenchArgs([])).toEqual({
      mode: 'bench',
      json: false,
      quick: false,
      keys: null,
      modelOnly: false,
    });
  });

  it('reads a list of key counts and the other flags', () => {
    expect(parseBenchArgs(['--quick', '--json', '--model-only', '--keys', '1000,5000, 20000'])).toEqual({
      mode: 'bench',
      json: true,
      quick: true,
      keys: [1000, 5000, 20000],
      modelOnly: true,
    });
    expect(parseBenchArgs(['--keys=250'])).toMatchObject({ keys: [250] });
  });

  it.each([
    [['--keys', '1000,,5000'], /--keys: expected whole numbers separated by commas/],
    [['--keys', ''], /--keys: expected whole numbers separated by commas/],
    [['--keys', '0'], /--keys: expected a whole number from 1 to 10000000, got "0"/],
    [['--keys', '1e5'], /--keys: expected a whole number from 1 to 10000000, got "1e5"/],
    [['--keys', '20000000'], /--keys: expected a whole number from 1 to 10000000/],
    [['--fast'], /Unknown option '--fast'.*npm run bench -- --help/],
    [['--keys'], /--keys.*argument missing.*npm run bench -- --help/],
  ])('rejects %j with a message naming the flag', (argv, message) => {
    let thrown: unknown;
    try {
      parseBenchArgs(argv);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as Error).message).toMatch(message);
  });

  it('answers --help with the usage', () => {
    expect(parseBenchArgs(['--help'])).toEqual({ mode: 'help' });
  });
});
