import { defineConfig } from 'vitest/config';
import { channelsDefine } from './scripts/contract-channels';

// Two projects: unit tests are pure and fast; integration tests drive the real
// OpenOCD binary (against the virtual board), so they run one file at a time.
export default defineConfig({
  test: {
    // No OpenOCD started by the run may outlive it: the teardown fails the run otherwise.
    globalSetup: ['./test/vitest-global-setup.ts'],
    projects: [
      {
        define: channelsDefine,
        test: {
          name: 'unit',
          include: ['{main,shared,renderer,app}/**/*.test.{ts,tsx}'],
          exclude: ['**/*.int.test.ts', 'node_modules/**'],
        },
      },
      {
        define: channelsDefine,
        test: {
          name: 'integration',
          include: ['{main,test}/**/*.int.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
