// Playwright globalSetup: marks the run so the teardown can find the OpenOCD processes
// it started (test/openocd-orphans.ts); workers inherit the mark through process.env.
import { markRun } from '../test/openocd-orphans';

export default function globalSetup(): void {
  markRun();
}
