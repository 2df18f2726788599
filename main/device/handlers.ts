// The Device panel's channels: the chip's ids, core, comparators and option bytes (a
// read), and the option-bytes write (operator only: it can erase the flash).
import type { HandlersFor } from '../host/handlers-for';
import type { HostServices } from '../host/services';
import { readDeviceInfo } from './device-info';
import { writeOptionBytes } from './option-bytes';

export function deviceHandlers(services: HostServices): HandlersFor<'deviceInfo' | 'writeOptionBytes'> {
  return {
    deviceInfo: () => readDeviceInfo(services.sessions.get()),
    writeOptionBytes: (change) => writeOptionBytes(services.sessions.get(), change),
  };
}
