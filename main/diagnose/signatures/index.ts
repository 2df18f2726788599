// Every category's signature table, in tie-break order (first wins on equal confidence:
// the cause that stops earliest in OpenOCD's start-up comes first).
import type { CategorySignatures } from '../types';
import { configNotFound } from './config-not-found';
import { configError } from './config-error';
import { portInUse } from './port-in-use';
import { usbPermission } from './usb-permission';
import { adapterNotFound } from './adapter-not-found';
import { adapterBusy } from './adapter-busy';
import { probeFirmware } from './probe-firmware';
import { openocdOutdated } from './openocd-outdated';
import { targetUnpowered } from './target-unpowered';
import { voltageOutOfRange } from './voltage-out-of-range';
import { wiring } from './wiring';
import { signalIntegrity } from './signal-integrity';
import { wrongTarget } from './wrong-target';
import { needsResetHold } from './needs-reset-hold';
import { gdbAttachNotHalted } from './gdb-attach-not-halted';
import { targetNotHalted } from './target-not-halted';
import { flashProtected } from './flash-protected';
import { flashDriver } from './flash-driver';
import { unknownCategory } from './unknown';

export const SIGNATURES: readonly CategorySignatures[] = [
  configNotFound,
  configError,
  portInUse,
  usbPermission,
  adapterNotFound,
  adapterBusy,
  probeFirmware,
  openocdOutdated,
  targetUnpowered,
  voltageOutOfRange,
  wiring,
  signalIntegrity,
  wrongTarget,
  needsResetHold,
  gdbAttachNotHalted,
  targetNotHalted,
  flashProtected,
  flashDriver,
  unknownCategory,
];
