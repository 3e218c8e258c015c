import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

// The engine must be deterministic (DESIGN.md, Determinism): one seeded generator, simulated time only.
const nondeterminism = [
  { object: 'Math', property: 'random', message: 'Use the seeded streams of src/engine/random.' },
  { object: 'Date', property: 'now', message: 'The engine runs on simulated time only.' },
  { object: 'performance', property: 'now', message: 'The engine runs on simulated time only.' },
];

export default ts.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-properties': ['error', ...nondeterminism],
      'no-restricted-globals': ['error', { name: 'document', message: 'The engine has no DOM.' }, { name: 'window', message: 'The engine has no DOM.' }],
    },
  },
);
