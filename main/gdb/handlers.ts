// The GDB switch's channels (gdbState, setGdb) and the ELF symbols' (symbolInfo,
// loadSymbols, lookupSymbols). One switch per process: it describes the one OpenOCD.
import path from 'node:path';
import { cortexDebugLaunchText, gdbTargetCommand, type GdbSwitchState } from '../../shared/gdb';
import { findGdbMultiarch } from './find-gdb';
import { assetsDir } from '../paths';
import type { HandlersFor } from '../host/handlers-for';
import type { HostServices } from '../host/services';
import { ValidationError } from '../openocd/errors';
import { addressOfName, currentSymbols, nameOfAddress, useElfSymbols } from '../symbols/firmware-symbols';
import { GdbSwitch } from './switch';

const perProcess = new WeakMap<HostServices, GdbSwitch>();

export function gdbSwitchFor(services: HostServices): GdbSwitch {
  let s = perProcess.get(services);
  if (!s) perProcess.set(services, (s = new GdbSwitch()));
  return s;
}

type Channels = 'gdbState' | 'setGdb' | 'symbolInfo' | 'loadSymbols' | 'lookupSymbols';

export function gdbHandlers(services: HostServices): HandlersFor<Channels> {
  const { controller, profiles } = services;
  const profileNow = async () => {
    const id = controller.status().profileId;
    return id === undefined ? undefined : profiles.get(id);
  };
  const state = async (): Promise<GdbSwitchState> => {
    const port = controller.gdbPort();
    const st = gdbSwitchFor(services).state(await profileNow(), port);
    if (port === undefined) return st;
    // What to paste: the ELF whose symbols the workbench uses, the chip's SVD for the virtual board.
    const elf = currentSymbols();
    const svd = controller.virtualBoard() ? path.join(assetsDir(), 'svd', 'STM32F103.svd') : undefined;
    const gdbPath = findGdbMultiarch();
    return {
      ...st,
      command: gdbTargetCommand(port),
      launchJson: cortexDebugLaunchText({
        port,
        ...(elf ? { executable: elf.path ?? `\${workspaceFolder}/build/${elf.name}` } : {}),
        ...(svd ? { svdFile: svd } : {}),
        ...(gdbPath ? { gdbPath } : {}),
      }),
    };
  };
  return {
    gdbState: state,
    setGdb: async ({ enabled, port }) => {
      const sw = gdbSwitchFor(services);
      const profile = await profileNow();
      const before = sw.effective(profile);
      sw.set(enabled, port);
      const after = sw.effective(profile);
      const changed = before.enabled !== after.enabled || before.port !== after.port;
      if (!changed || controller.status().state !== 'connected' || !profile) return state();
      // OpenOCD opens its ports at init only: restart it on the same profile (the virtual
      // board stays on the bench, with its flash and RAM).
      await controller.start(services.board.profileFor(profile), sw.startOptions(profile));
      return { ...(await state()), reconnected: true };
    },
    symbolInfo: async () => currentSymbols(),
    loadSymbols: async ({ imageId }) => {
      const { name, bytes, format, path } = await services.images.raw(imageId);
      if (format !== 'elf') throw new ValidationError(`${name}: symbols come from an .elf file, not a .${format}`, { hint: 'Open the .elf your build produced (beside the .bin/.hex).' });
      return useElfSymbols(name, bytes, 'open', path);
    },
    lookupSymbols: async ({ addresses, names }) => ({
      names: addresses.map((a) => nameOfAddress(a) ?? null),
      addresses: names.map((n) => addressOfName(n) ?? null),
    }),
  };
}

/** After a flash of an .elf finished: its symbols name addresses from now on. */
export async function symbolsAfterFlash(services: HostServices, imageId: string): Promise<void> {
  const { name, bytes, format, path } = await services.images.raw(imageId);
  if (format === 'elf') useElfSymbols(name, bytes, 'flash', path);
}
