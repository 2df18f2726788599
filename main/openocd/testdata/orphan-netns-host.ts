// A host process for netns.int.test.ts: starts OpenOCD for the virtual board through the
// controller (in a private network namespace, behind the relay), prints
// "READY <relay pid> <openocd pid>", then waits to be killed.
import { readFileSync } from 'node:fs';
import { VBOARD_PROFILE } from '../../profiles/builtin';
import { createController } from '../controller';
import { livePids } from '../registry';

async function main(): Promise<void> {
  const ctl = createController({});
  const st = await ctl.start(VBOARD_PROFILE);
  if (st.state !== 'connected') throw new Error(`not connected: ${st.exit?.reasonLines.join(' | ')}`);
  const relay = livePids()[0] as number;
  const ocd = readFileSync(`/proc/${relay}/task/${relay}/children`, 'utf8').trim();
  console.log(`READY ${relay} ${ocd} ${ctl.isolation()?.mode}`);
  setInterval(() => undefined, 1000);
}
main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
