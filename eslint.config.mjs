// Lint holds the process boundaries of design.md: shared/ is pure, renderer/ never
// reaches into main/, and only app/ may touch electron.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'net', 'http', 'https', 'crypto', 'events', 'stream', 'stream/*', 'url', 'util', 'worker_threads', 'zlib', 'readline', 'tty', 'timers', 'timers/*', 'dgram', 'dns', 'assert', 'buffer', 'process'];

const restrict = (groups) => ({
  'no-restricted-imports': ['error', { patterns: groups }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only app/ imports electron.' }] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict([
      { group: nodeBuiltins, message: 'shared/ is pure: no node imports.' },
      { group: ['electron', 'react', 'react-dom', 'react/*', 'zustand', 'ws'], message: 'shared/ imports nothing from electron or react.' },
      { group: ['**/main/**', '**/renderer/**', '**/app/**'], message: 'shared/ depends on nothing else in the project.' },
    ]),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: restrict([
      { group: ['**/main/**', '**/app/**'], message: 'renderer/ never imports main/ or app/: talk through the shared contract.' },
      { group: ['electron'], message: 'Only app/ imports electron.' },
      { group: nodeBuiltins, message: 'renderer/ runs in a sandboxed page: no node imports.' },
    ]),
  },
  {
    files: ['main/**/*.ts'],
    rules: restrict([
      { group: ['electron'], message: 'main/ must run under plain Node: only app/ imports electron.' },
      { group: ['**/renderer/**', '**/app/**', 'react', 'react-dom'], message: 'main/ never imports renderer/ or app/.' },
    ]),
  },
  {
    // CommonJS launchers and helpers: require() is how they load.
    files: ['bin/**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['app/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
