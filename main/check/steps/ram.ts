// Step 6: RAM. Data bus, address bus, then March C- over the part's SRAM through the
// debug port, with progress; what RAM held is read first and written back after, so the
// firmware's state survives (the core stays halted from the core step throughout).
import { ev, hex32, skipped, type CheckStep } from '../context';
import { marchOnTarget } from '../on-target-march';
import { addressBusTest, dataBusTest, marchCMinus, type BlockMemory, type RamFault } from '../ram-test';

function describe(f: RamFault): string {
  switch (f.kind) {
    case 'data-line':
      return `data line D${f.bit} does not follow at ${hex32(f.address)}: wrote ${hex32(f.wrote)}, read ${hex32(f.read)}`;
    case 'address-line':
      return f.detail;
    case 'cell':
      return `bit ${f.bit} at ${hex32(f.address)} is stuck at ${(f.read >> f.bit) & 1}: ${/^[⇕⇑⇓]/.test(f.element) ? `March C- ${f.element}` : f.element} expected 0x${f.expected.toString(16).padStart(2, '0')}, read 0x${f.read.toString(16).padStart(2, '0')}`;
  }
}

export const ramStep: CheckStep = async (ctx) => {
  const part = ctx.facts.part;
  if (!part) return skipped("the part's SRAM range is not known (the device step did not identify an STM32F1)");
  const { base, size } = part.sram;
  const m = ctx.session.memory;
  const mem: BlockMemory = { read: (a, n) => m.readBytes(a, n), write: (a, d) => m.writeBytes(a, d) };
  const started = Date.now();
  ctx.progress(`saving ${size} bytes of SRAM`, 0);
  const saved = await m.readBytes(base, size);
  const evidence = [ev('range', `${hex32(base)}–${hex32(base + size - 1)} (${size / 1024} KB)`)];
  let failure: string | undefined;
  let marchDone = false;
  try {
    const data = await dataBusTest(mem, base);
    evidence.push(ev('data bus (walking ones)', data.ok ? 'pass' : 'FAIL'));
    if (!data.ok && data.fault) failure = describe(data.fault);
    if (!failure) {
      const addr = await addressBusTest(mem, base, size);
      evidence.push(ev('address bus', addr.ok ? 'pass' : 'FAIL'));
      if (!addr.ok && addr.fault) failure = describe(addr.fault);
    }
    if (!failure && ctx.options.ramOverDebugPort !== true) {
      const onTarget = await marchOnTarget(ctx.session, base, size, (f, text) => ctx.progress(text, f));
      if (onTarget.unavailable) {
        evidence.push(ev('March C- on the target', `not possible (${onTarget.unavailable}): falling back to the debug port`));
      } else {
        marchDone = true;
        evidence.push(ev('March C- on the target', onTarget.ok ? `pass, cell by cell, ${((2 * 5 * size) / 1024 / onTarget.seconds).toFixed(0)} KiB/s of cell accesses (${onTarget.seconds.toFixed(2)} s)` : 'FAIL'));
        if (!onTarget.ok && onTarget.fault) failure = describe(onTarget.fault);
      }
    }
    if (!failure && !marchDone) {
      const march = await marchCMinus(mem, base, size, { signal: ctx.options.signal, onProgress: (f, el) => ctx.progress(`March C- ${el}`, f) });
      const seconds = (Date.now() - started) / 1000;
      evidence.push(ev('March C- over the debug port', march.ok ? `pass (${march.bytesMoved} bytes moved, ${Math.round(march.bytesMoved / 1024 / seconds)} KiB/s)` : 'FAIL'));
      if (!march.ok && march.fault) failure = describe(march.fault);
    }
  } finally {
    ctx.progress('restoring SRAM', 1);
    await m.writeBytes(base, saved);
  }
  if (failure) return { status: 'fail', summary: failure, evidence };
  return { status: 'pass', summary: `${size / 1024} KB of SRAM pass data-bus, address-bus and March C- tests`, evidence };
};
