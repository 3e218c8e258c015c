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

// The layers point one way, ui → state → worker → engine (DESIGN.md, Layers); machines are a leaf
// that imports nothing of ours. An import against the arrow is an error, named with the rule it breaks.
const up = (folders, message, extra = {}) => ({
  regex: `^(\\.\\./)+(${folders.join('|')})(/|$)`,
  message,
  ...extra,
});
const layerRules = [
  {
    files: ['src/engine/**/*.ts'],
    patterns: [
      up(['ui', 'state', 'worker', 'cli'], 'The engine imports nothing above it (ui → state → worker → engine).'),
      { regex: '^(node:|vite$|svelte|d3$|d3-(?!dsv))', message: 'The engine is pure TypeScript: no Node, Vite, Svelte or DOM D3.' },
    ],
  },
  { files: ['src/machines/**/*.ts'], patterns: [{ regex: '^\\.\\./', message: 'Machines are a leaf: they import nothing of ours.' }] },
  { files: ['src/worker/**/*.ts'], patterns: [up(['ui', 'state', 'cli'], 'The worker hosts the engine; it imports nothing of the page.')] },
  { files: ['src/state/**/*.ts'], patterns: [up(['ui', 'cli'], 'State turns worker messages into UI state; it imports no component.')] },
  {
    files: ['src/ui/**/*.ts', 'src/ui/**/*.svelte'],
    patterns: [
      up(['cli'], 'The page does not import Node entry points.'),
      up(['worker'], 'The page talks to the worker through src/state; it may import the protocol\'s types only.', {
        allowTypeImports: true,
      }),
    ],
  },
].map(({ files, patterns }) => ({
  files,
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
}));

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
  ...layerRules,
);
