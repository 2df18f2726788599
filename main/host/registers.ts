// The registers table: the core registers (the first group of `reg`, e.g. "arm v7m
// registers") read in one round trip. A running core is a normal state here, not an
// error: the snapshot says "running" with no values and the panel shows a hint.
import type { CoreState, RegistersSnapshot } from '../../shared/workbench';
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
    return { state, registers: core.map((r) => ({ name: r.name, bits: r.bits, value: values[r.name] ?? 0 })) };
  } catch (e) {
    // It resumed between the state query and the read.
    if (e instanceof TargetNotHaltedError) return { state: 'running', registers: [] };
    throw e;
  }
}
