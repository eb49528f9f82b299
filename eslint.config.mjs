// ESLint flat config. Besides the recommended TypeScript rules it enforces the architecture:
// src/core/** is a pure engine (no vscode, no file system, network or process access),
// and src/cli/** never imports vscode.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const IO_MODULES = ['fs', 'fs/promises', 'http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns', 'child_process', 'worker_threads', 'cluster', 'vm', 'module'];
const noIo = IO_MODULES.flatMap((m) => [m, `node:${m}`]).map((name) => ({ name, message: 'src/core does no I/O of its own: files come through the FileHost interface.' }));
const noVscode = { name: 'vscode', message: 'Only src/extension may import vscode.' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test/fixtures/**', 'test/workspaces/**', 'sample/**', '.bench/**', '**/*.d.ts', '**/*.generated.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly', __filename: 'readonly', Buffer: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noVscode, ...noIo] }],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'src/core opens no network connection.' }, { name: 'require', message: 'src/core never requires modules dynamically (it never loads workspace code).' }],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.name='eval']", message: 'The engine never evaluates code.' }, { selector: "NewExpression[callee.name='Function']", message: 'The engine never evaluates code.' }, { selector: 'ImportExpression', message: 'The engine never imports modules dynamically.' }],
    },
  },
  {
    // The transfer map webview's page script runs in the browser.
    files: ['media/**/*.js'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly', Intl: 'readonly', acquireVsCodeApi: 'readonly' } },
  },
  {
    files: ['src/cli/**/*.ts', 'src/server/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode] }] },
  },
);
