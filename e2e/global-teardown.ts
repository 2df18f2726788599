// Playwright globalTeardown: fails the run if any OpenOCD it started is still alive.
import { assertNoLeftoverOpenOcd, currentRun } from '../test/openocd-orphans';

export default async function globalTeardown(): Promise<void> {
  const run = currentRun();
  if (run) await assertNoLeftoverOpenOcd(run);
}
