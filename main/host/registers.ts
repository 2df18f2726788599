// The registers table: the core registers (the first group of `reg`, e.g. "arm v7m
// registers") read in one round trip. A running core is a normal state here, not an
// error: the snapshot says "running" with no values and the panel shows a hint.
import type { CoreState, RegistersSnapshot, RegisterValue } from '../../shared/workbench';
import { BFAR_ADDR, CFSR_ADDR, decodeFaultStatus, HFSR_ADDR, MMFAR_ADDR } from '../faults/decode';
import { nameOfAddress, sourceOfAddress } from '../symbols/firmware-symbols';
import { TargetNotHaltedError } from '../openocd/errors';
import type { Session } from '../session/session';

export async function readCoreRegisters(session: Session): Promise<RegistersSnapshot> {
  const state: CoreState = await session.target.state();
  if (state !== 'halted') return { state, registers: [] };
  try {
    const groups = await session.registers.readAll();
    const core = (groups[0]?.registers ?? []).filter((r) => r.bits <= 32);
    if (core.length === 0) return { state, registers: [] };
    const values = await session.registers.readMany(core.map((r) => r.name));
    const registers: RegisterValue[] = core.map((r) => {
      const value = values[r.name] ?? 0;
      const out: RegisterValue = { name: r.name, bits: r.bits, value };
      if (r.name !== 'pc' && r.name !== 'lr') return out;
      const symbol = nameOfAddress(value & ~1);
      // LR holds the return address: its line is that of the call, one instruction before.
      const source = sourceOfAddress(r.name === 'lr' ? (value & ~1) - 2 : value);
      if (symbol !== undefined) out.symbol = symbol;
      if (source !== undefined) out.source = source;
      return out;
    });
    const snapshot: RegistersSnapshot = { state, registers };
    // In the HardFault handler: say why it faulted (CFSR/HFSR/BFAR).
    if (((values.xPSR ?? values.xpsr ?? 0) & 0x1ff) === 3) {
      const [cfsr, hfsr] = [await session.memory.readU32(CFSR_ADDR), await session.memory.readU32(HFSR_ADDR)];
      const [mmfar, bfar] = [await session.memory.readU32(MMFAR_ADDR), await session.memory.readU32(BFAR_ADDR)];
      snapshot.fault = decodeFaultStatus(cfsr, hfsr, bfar, mmfar);
    }
    return snapshot;
  } catch (e) {
    // It resumed between the state query and the read.
    if (e instanceof TargetNotHaltedError) return { state: 'running', registers: [] };
    throw e;
  }
}
