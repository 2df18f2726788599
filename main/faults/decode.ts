// Cortex-M3 fault status in words (ARMv7-M B3.2.15-B3.2.18): CFSR (MemManage, BusFault,
// UsageFault status), HFSR, and the fault address registers where their VALID bit says so.
// Read when the core sits in the HardFault handler, so the Registers panel says why.
export const CFSR_ADDR = 0xe000ed28;
export const HFSR_ADDR = 0xe000ed2c;
export const MMFAR_ADDR = 0xe000ed34;
export const BFAR_ADDR = 0xe000ed38;

const CFSR_BITS: readonly [number, string, string][] = [
  [0, 'IACCVIOL', 'instruction fetch from a location the MPU or XN forbids'],
  [1, 'DACCVIOL', 'data access the MPU forbids'],
  [3, 'MUNSTKERR', 'MemManage fault while unstacking on exception return'],
  [4, 'MSTKERR', 'MemManage fault while stacking on exception entry'],
  [8, 'IBUSERR', 'bus error on instruction fetch (a jump to an address with no memory?)'],
  [9, 'PRECISERR', 'precise data bus error (BFAR holds the address)'],
  [10, 'IMPRECISERR', 'imprecise data bus error (a buffered write failed)'],
  [11, 'UNSTKERR', 'bus fault while unstacking on exception return'],
  [12, 'STKERR', 'bus fault while stacking on exception entry (stack overflow?)'],
  [16, 'UNDEFINSTR', 'undefined instruction'],
  [17, 'INVSTATE', 'invalid state: executing with EPSR.T clear (a branch to an even address?)'],
  [18, 'INVPC', 'invalid EXC_RETURN or PC on exception return'],
  [19, 'NOCP', 'coprocessor instruction (no coprocessor on a Cortex-M3)'],
  [24, 'UNALIGNED', 'unaligned access with CCR.UNALIGN_TRP set'],
  [25, 'DIVBYZERO', 'divide by zero with CCR.DIV_0_TRP set'],
];
const HFSR_BITS: readonly [number, string, string][] = [
  [1, 'VECTTBL', 'bus fault reading the vector table'],
  [30, 'FORCED', 'a configurable fault escalated to HardFault (its handler is disabled)'],
  [31, 'DEBUGEVT', 'debug event (a BKPT with no debugger attached)'],
];

export interface FaultReport {
  cfsr: number;
  hfsr: number;
  /** Set when CFSR.BFARVALID. */
  bfar?: number;
  /** Set when CFSR.MMARVALID. */
  mmfar?: number;
  /** One line per set bit: "IBUSERR: bus error on instruction fetch ...". */
  reasons: string[];
}

export function decodeFaultStatus(cfsr: number, hfsr: number, bfar: number, mmfar: number): FaultReport {
  const reasons: string[] = [];
  const hex = (v: number): string => `0x${(v >>> 0).toString(16).padStart(8, '0')}`;
  for (const [bit, name, text] of CFSR_BITS) if (cfsr & (1 << bit)) reasons.push(`${name}: ${text}`);
  for (const [bit, name, text] of HFSR_BITS) if ((hfsr >>> bit) & 1) reasons.push(`${name}: ${text}`);
  const out: FaultReport = { cfsr: cfsr >>> 0, hfsr: hfsr >>> 0, reasons };
  if (cfsr & (1 << 15)) {
    out.bfar = bfar >>> 0;
    reasons.push(`BFAR = ${hex(bfar)}: the address of the failed access`);
  }
  if (cfsr & (1 << 7)) {
    out.mmfar = mmfar >>> 0;
    reasons.push(`MMFAR = ${hex(mmfar)}: the address the MPU refused`);
  }
  return out;
}
