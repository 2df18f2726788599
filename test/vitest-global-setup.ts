// vitest globalSetup: no OpenOCD started by the run may outlive it (test/openocd-orphans.ts).
import { assertNoLeftoverOpenOcd, markRun } from './openocd-orphans';

export default function setup(): () => Promise<void> {
  const run = markRun();
  return async () => {
    try {
      await assertNoLeftoverOpenOcd(run);
    } catch (err) {
      // vitest reports a teardown error but would still exit 0: make the run fail.
      process.exitCode = 1;
      throw err;
    }
  };
}
