// What the check knows about a part: where its SRAM and flash are, which device id it
// answers with, where its flash-size and unique-id registers sit. STM32F1 only for now
// (the family the virtual board is); other parts run the generic steps and skip the
// part-specific reads with a reason, rather than guessing addresses.

export interface PartInfo {
  family: 'STM32F1';
  /** e.g. "STM32F10x medium density". */
  name: string;
  devId: number;
  sram: { base: number; size: number };
  flash: { base: number; pageSize: number };
}

/** STM32F1 DBGMCU_IDCODE DEV_ID values (RM0008 §31.6.1, PM0075). SRAM is the largest of the density. */
const STM32F1_DEVIDS: Record<number, { name: string; sramKB: number; pageSize: number }> = {
  0x412: { name: 'STM32F10x low density', sramKB: 10, pageSize: 1024 },
  0x410: { name: 'STM32F10x medium density', sramKB: 20, pageSize: 1024 },
  0x414: { name: 'STM32F10x high density', sramKB: 64, pageSize: 2048 },
  0x418: { name: 'STM32F105/107 connectivity line', sramKB: 64, pageSize: 2048 },
  0x420: { name: 'STM32F100 value line', sramKB: 8, pageSize: 1024 },
  0x428: { name: 'STM32F100 high-density value line', sramKB: 32, pageSize: 2048 },
  0x430: { name: 'STM32F10x XL density', sramKB: 96, pageSize: 2048 },
};

export const STM32F1_REGS = {
  dbgmcuIdcode: 0xe0042000,
  flashSizeKB: 0x1ffff7e0,
  uid: 0x1ffff7e8,
  flashObr: 0x4002201c,
  flashWrpr: 0x40022020,
} as const;

export const SRAM_BASE = 0x20000000;
export const FLASH_BASE = 0x08000000;

export function stm32f1Part(devId: number): PartInfo | undefined {
  const d = STM32F1_DEVIDS[devId];
  if (!d) return undefined;
  return { family: 'STM32F1', name: d.name, devId, sram: { base: SRAM_BASE, size: d.sramKB * 1024 }, flash: { base: FLASH_BASE, pageSize: d.pageSize } };
}

/** The family a profile's target cfg names, when the check knows it. */
export function familyOfTargetCfg(cfg: string | undefined): 'STM32F1' | undefined {
  return cfg && /stm32f1x\.cfg$/.test(cfg) ? 'STM32F1' : undefined;
}

/** ARM CPUID PARTNO (bits 15:4) of the cores the check names. */
export const CORTEX_PARTS: Record<number, string> = {
  0xc20: 'Cortex-M0',
  0xc60: 'Cortex-M0+',
  0xc21: 'Cortex-M1',
  0xc23: 'Cortex-M3',
  0xc24: 'Cortex-M4',
  0xc27: 'Cortex-M7',
  0xd20: 'Cortex-M23',
  0xd21: 'Cortex-M33',
};

export function decodeCpuid(cpuid: number): { implementer: number; core: string; revision: string; partNo: number } {
  const implementer = (cpuid >>> 24) & 0xff;
  const variant = (cpuid >>> 20) & 0xf;
  const partNo = (cpuid >>> 4) & 0xfff;
  const rev = cpuid & 0xf;
  return { implementer, partNo, core: CORTEX_PARTS[partNo] ?? `unknown core (PARTNO 0x${partNo.toString(16)})`, revision: `r${variant}p${rev}` };
}

/** STM32F1 REV_ID to the silicon revision letter (medium density: 0x0000 A, 0x2000 B, 0x2001 Z, 0x2003 Y/1/2/X). */
export function stm32f1Revision(devId: number, revId: number): string {
  if (devId === 0x410) return ({ 0x0000: 'A', 0x2000: 'B', 0x2001: 'Z', 0x2003: 'Y' } as Record<number, string>)[revId] ?? `0x${revId.toString(16)}`;
  if (devId === 0x414) return ({ 0x1000: 'A', 0x1001: 'Z', 0x1003: 'Y' } as Record<number, string>)[revId] ?? `0x${revId.toString(16)}`;
  return `0x${revId.toString(16).padStart(4, '0')}`;
}
