// JTAG IDCODE / SWD DPIDR knowledge: is a value a real part's ID (so the chip answered,
// just not the one the config expects), and which target cfg fits it.
// Layout (IEEE 1149.1): [31:28] version, [27:12] part, [11:1] JEP106 manufacturer, [0] = 1.

export interface KnownIdcode {
  idcode: number;
  /** What answers with this ID. */
  part: string;
  /** Target cfg that expects it, relative to OpenOCD's scripts folder (when one family owns the ID). */
  targetCfg?: string;
  /** Other stock target cfgs whose default CPUTAPID is this ID (an ARM DP ID is shared by many families). */
  alsoCfgs?: string[];
  /** A clone or a different revision that works with targetCfg once CPUTAPID is set. */
  compatibleWith?: string;
}

// ARM debug-port IDs, checked against the defaults (_CPUTAPID) of OpenOCD 0.12's tcl/target/*.cfg:
// the value names the DP design (SW-DP or JTAG-DP, version), not one chip, so several families share one.
const CM34_V2_CFGS = ['target/stm32f4x.cfg', 'target/stm32f3x.cfg', 'target/stm32f2x.cfg', 'target/stm32l4x.cfg', 'target/stm32g4x.cfg', 'target/stm32l1.cfg'];
const DPV2_V6_CFGS = ['target/stm32h7x.cfg', 'target/stm32wbx.cfg', 'target/stm32wlx.cfg', 'target/stm32mp15x.cfg'];

export const KNOWN_IDCODES: KnownIdcode[] = [
  // SW-DP (also what hla/ST-Link reports as the "idcode" over SWD).
  { idcode: 0x1ba01477, part: 'Cortex-M3 SW-DP v1 (STM32F1 over SWD)', targetCfg: 'target/stm32f1x.cfg' },
  {
    idcode: 0x2ba01477,
    part: 'Cortex-M3/M4 SW-DP v2 (STM32F2/F3/F4/L1/L4/G4; also CKS32F103 / APM32F103 clones of the STM32F103)',
    alsoCfgs: CM34_V2_CFGS,
    compatibleWith: 'STM32F103 clone',
  },
  { idcode: 0x0bb11477, part: 'Cortex-M0 SW-DP (STM32F0)', targetCfg: 'target/stm32f0x.cfg' },
  { idcode: 0x0bc11477, part: 'Cortex-M0+ SW-DP (STM32G0/L0, Kinetis KL)', targetCfg: 'target/stm32g0x.cfg', alsoCfgs: ['target/stm32l0.cfg', 'target/klx.cfg'] },
  { idcode: 0x0bc12477, part: 'Cortex-M0+ SW-DP v2 with multidrop (e.g. RP2040)' },
  { idcode: 0x5ba02477, part: 'Cortex-M7 SW-DP (STM32F7)', targetCfg: 'target/stm32f7x.cfg' },
  { idcode: 0x6ba02477, part: 'SW-DP v2 of STM32H7 (Cortex-M7), STM32WB/WL (Cortex-M4), STM32MP1', alsoCfgs: DPV2_V6_CFGS },
  { idcode: 0x0be12477, part: 'ARMv8-M (Cortex-M33) SW-DP (STM32L5/U5)', alsoCfgs: ['target/stm32l5x.cfg', 'target/stm32u5x.cfg'] },
  // JTAG-DP.
  { idcode: 0x3ba00477, part: 'Cortex-M3 JTAG-DP (STM32F1 over JTAG)', targetCfg: 'target/stm32f1x.cfg' },
  { idcode: 0x1ba00477, part: 'Cortex-M3 r0 JTAG-DP (early Stellaris, EM357; STM32F1 look-alikes)', targetCfg: 'target/stm32f1x.cfg', compatibleWith: 'STM32F1 look-alike' },
  { idcode: 0x4ba00477, part: 'Cortex-M3/M4 JTAG-DP (STM32F2/F3/F4/L1/L4/G4 over JTAG)', alsoCfgs: CM34_V2_CFGS },
  { idcode: 0x5ba00477, part: 'Cortex-M7 JTAG-DP (STM32F7)', targetCfg: 'target/stm32f7x.cfg' },
  { idcode: 0x6ba00477, part: 'JTAG-DP of STM32H7, STM32WB/WL, STM32MP1', alsoCfgs: DPV2_V6_CFGS },
  // ST boundary-scan TAPs (manufacturer 0x020).
  { idcode: 0x06412041, part: 'STM32F1 low-density boundary scan', targetCfg: 'target/stm32f1x.cfg' },
  { idcode: 0x06410041, part: 'STM32F1 medium-density boundary scan (STM32F103C8 "Blue Pill")', targetCfg: 'target/stm32f1x.cfg' },
  { idcode: 0x16410041, part: 'STM32F1 medium-density (rev X/Y/Z) boundary scan', targetCfg: 'target/stm32f1x.cfg' },
  { idcode: 0x06414041, part: 'STM32F1 high-density boundary scan', targetCfg: 'target/stm32f1x.cfg' },
  { idcode: 0x06418041, part: 'STM32F1 connectivity-line boundary scan', targetCfg: 'target/stm32f1x.cfg' },
  { idcode: 0x06420041, part: 'STM32F100 value-line boundary scan', targetCfg: 'target/stm32f1x.cfg' },
  { idcode: 0x06428041, part: 'STM32F100 high-density value-line boundary scan', targetCfg: 'target/stm32f1x.cfg' },
  { idcode: 0x06430041, part: 'STM32F1 XL-density boundary scan', targetCfg: 'target/stm32f1x.cfg' },
  { idcode: 0x06411041, part: 'STM32F2 boundary scan', targetCfg: 'target/stm32f2x.cfg' },
  { idcode: 0x06413041, part: 'STM32F405/407 boundary scan', targetCfg: 'target/stm32f4x.cfg' },
  { idcode: 0x06419041, part: 'STM32F42x/43x boundary scan', targetCfg: 'target/stm32f4x.cfg' },
  { idcode: 0x06423041, part: 'STM32F401 B/C boundary scan', targetCfg: 'target/stm32f4x.cfg' },
  { idcode: 0x06431041, part: 'STM32F411 boundary scan', targetCfg: 'target/stm32f4x.cfg' },
  { idcode: 0x06422041, part: 'STM32F30x boundary scan', targetCfg: 'target/stm32f3x.cfg' },
  { idcode: 0x06432041, part: 'STM32F37x boundary scan', targetCfg: 'target/stm32f3x.cfg' },
  { idcode: 0x06438041, part: 'STM32F334 boundary scan', targetCfg: 'target/stm32f3x.cfg' },
  // GigaDevice (JEP106 bank 8, 0x51 -> 0x3d1) boundary scan of the GD32F103.
  { idcode: 0x790007a3, part: 'GD32F103 boundary scan (GigaDevice STM32F103 look-alike)', targetCfg: 'target/stm32f1x.cfg', compatibleWith: 'STM32F1 look-alike' },
];

const BY_ID = new Map(KNOWN_IDCODES.map((k) => [k.idcode >>> 0, k]));

export function lookupIdcode(idcode: number): KnownIdcode | undefined {
  return BY_ID.get(idcode >>> 0);
}

export function manufacturerOf(idcode: number): number {
  return (idcode >>> 1) & 0x7ff;
}

/**
 * True when the value looks like a real IDCODE: bit 0 set, not all ones, and a
 * manufacturer field that is not the reserved 0x7f / 0x000. Garbage from a broken
 * wire is all ones, all zeroes, or has bit 0 clear.
 */
export function isPlausibleIdcode(idcode: number): boolean {
  const v = idcode >>> 0;
  if (v === 0 || v === 0xffffffff || (v & 1) === 0) return false;
  const mfg = manufacturerOf(v);
  return mfg !== 0 && (mfg & 0x7f) !== 0x7f;
}

/** Same part, different version nibble: a revision or a clone of the expected chip. */
export function sameExceptVersion(a: number, b: number): boolean {
  return ((a ^ b) & 0x0fffffff) === 0;
}

export { formatAddress as hex32 } from '../../shared/hex';

export function parseHex(s: string): number {
  return Number.parseInt(s.replace(/^0x/i, ''), 16) >>> 0;
}
