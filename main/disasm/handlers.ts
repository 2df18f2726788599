// The Disassembly view's channel: instructions around an address (the PC by default),
// read from the target through the session and named after the loaded ELF.
import type { HandlersFor } from '../host/handlers-for';
import type { HostServices } from '../host/services';
import { TargetNotHaltedError } from '../openocd/errors';
import { functionStartOf, nameOfAddress, sourceOfAddress } from '../symbols/firmware-symbols';
import { thumbDecoder } from './capstone';
import { disassembleAround } from './disassemble';
import { regionAt } from './mapping';

export function disasmHandlers(services: HostServices): HandlersFor<'disassemble'> {
  return {
    disassemble: async ({ address, before, after }) => {
      const s = services.sessions.get();
      let at = address;
      if (at === undefined) {
        if ((await s.target.state()) !== 'halted') throw new TargetNotHaltedError('disassemble: the target is running, so it has no PC to show', { hint: 'Halt it, or give an address.' });
        at = (await s.registers.pc()) >>> 0;
      }
      return disassembleAround(
        { decoder: await thumbDecoder(), read: (a, n) => s.memory.readBytes(a, n), functionStart: functionStartOf, nameOf: nameOfAddress, sourceOf: sourceOfAddress, regionAt },
        at,
        before,
        after,
      );
    },
  };
}
