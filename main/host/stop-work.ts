// Stopping the process (a signal to `bringup serve` or the desktop app, its parent gone):
// work that programs flash is ended cleanly first, after the chunk in flight, so its final
// event (and the station's rows) say "the flash was interrupted at 0x…; the chip is partly
// programmed: flash again" before OpenOCD goes. Then OpenOCD and the station stop.
import type { HostServices } from './services';

export interface StoppedWork {
  /** The interrupted flash job's final words; undefined when nothing was flashing. */
  flash?: string;
}

/** Interrupts the flash job and the station (for `why`, e.g. "SIGTERM"), then stops OpenOCD. */
export async function stopWork(services: HostServices, why: string): Promise<StoppedWork> {
  const [flash] = await Promise.all([services.flashJobs.interrupt(why), services.station.dispose(why)]);
  await services.controller.dispose();
  return flash === undefined ? {} : { flash };
}
