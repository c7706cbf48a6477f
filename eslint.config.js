// Lint rules, including the layering (lint/layering.js): each folder lists what it may
// import, so only native-bridge/ touches koffi and the renderer reaches nothing but the
// contract and the domain logic.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import regexp from 'eslint-plugin-regexp';
import { layering } from './lint/layering.js';

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
    plugins: { layering },
    rules: { 'layering/allowed-imports': 'error' },
  },
);
