// Lint rules, including the layering of design.md: only native-bridge/ touches koffi,
// the renderer reaches the host only through its platform adapter, core never imports Electron.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import regexp from 'eslint-plugin-regexp';

const restrict = (paths, patterns) => ({
  'no-restricted-imports': ['error', { paths, patterns }],
});

const koffiOnlyInBridge = { name: 'koffi', message: 'Only native-bridge/ may import koffi.' };
const noElectron = { name: 'electron', message: 'This layer must not import Electron.' };

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.cache/**', 'release/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'max-lines': ['warn', { max: 300, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['warn', { max: 60, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // Patterns meet input from peers, files and pasted commands: none may backtrack
    // super-linearly (ReDoS). Tests are held to it too, since their parsers read real replies.
    plugins: { regexp },
    rules: { 'regexp/no-super-linear-backtracking': 'error', 'regexp/no-super-linear-move': 'error' },
  },
  {
    // A suite's registration function is a list of cases, not logic.
    files: ['test/**'],
    rules: { 'max-lines-per-function': 'off' },
  },
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs'],
    ignores: ['native-bridge/**'],
    rules: restrict([koffiOnlyInBridge], []),
  },
  {
    files: ['renderer/**'],
    rules: restrict(
      [koffiOnlyInBridge, noElectron],
      [{ group: ['**/native-bridge/**', '**/core/**', '**/electron/**'], message: 'The renderer talks to the host only through renderer/src/platform.' }],
    ),
  },
  {
    files: ['core/**'],
    rules: restrict([koffiOnlyInBridge, noElectron], [{ group: ['**/electron/**'], message: 'core/ never imports Electron.' }]),
  },
  {
    files: ['contract/**', 'native-bridge/events.ts'],
    rules: restrict([], [{ group: ['../*', '../**', '!./events.js'], message: 'The contract and the event model import nothing of the app.' }]),
  },
);
