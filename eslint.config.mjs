// Lint holds the process boundaries of design.md: shared/ is pure, renderer/ never
// reaches into main/, and only app/ may touch electron.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'net', 'http', 'https', 'crypto', 'events', 'stream', 'stream/*', 'url', 'util', 'worker_threads', 'zlib', 'readline', 'tty', 'timers', 'timers/*', 'dgram', 'dns', 'assert', 'buffer', 'process'];

const restrict = (groups) => ({
  'no-restricted-imports': ['error', { patterns: groups }],
});

// Node's own globals: TypeScript knows them wherever @types/node is loaded, so lint
// names them for the folders that must not touch them (tsconfig.web.json checks the rest).
const NODE_GLOBALS = ['process', 'Buffer', '__dirname', '__filename', 'require', 'module', 'exports', 'global', 'setImmediate', 'clearImmediate'].map(
  (name) => ({ name, message: 'Node global: this folder does not run under Node.' }),
);
const BROWSER_GLOBALS = ['window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'alert', 'fetch', 'WebSocket', 'self'].map(
  (name) => ({ name, message: 'Browser global: shared/ runs in both processes; pass what it needs in.' }),
);
// A dynamic import() reaches around no-restricted-imports: in shared/ and renderer/, none
// that names node, electron or anything whose name lint cannot see.
const NO_DYNAMIC_NODE_IMPORT = [
  'error',
  {
    selector: `ImportExpression[source.type='Literal'][source.value=/^(node:|electron$|${nodeBuiltins.filter((n) => !n.includes('*')).join('$|')}$)/]`,
    message: 'No dynamic import() of node or electron modules here.',
  },
  { selector: "ImportExpression[source.type!='Literal']", message: 'import() with a computed name: lint cannot check what it loads.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Node everywhere by default (main/, app/, e2e/, bench/, scripts/, test/, configs);
    // shared/ and renderer/ narrow it below.
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only app/ imports electron.' }] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': ['error', ...NODE_GLOBALS, ...BROWSER_GLOBALS],
      'no-restricted-syntax': NO_DYNAMIC_NODE_IMPORT,
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-globals': ['error', ...NODE_GLOBALS],
      'no-restricted-syntax': NO_DYNAMIC_NODE_IMPORT,
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
