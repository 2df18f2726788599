// The Device panel's read: the power-on check's id readers (main/check/parts), the
// comparator counts the debug service uses (main/debug/thumb) and the stm32f1x option
// bytes (main/session/flash), gathered into one DeviceInfo. Reads only; the target
// must be halted for `stm32f1x options_read`.
import type { DeviceInfo, DeviceOptions } from '../../shared/device';
import { STM32F1_REGS, decodeCpuid, stm32f1Part, stm32f1Revision } from '../check/parts';
import { dwtComparators, fpbCodeComparators } from '../debug/thumb';
import type { Session } from '../session/session';
import type { Stm32f1xOptions } from '../session/flash/types';

const CPUID = 0xe000ed00;
const FP_CTRL = 0xe0002000;
const DWT_CTRL = 0xe0001000;
const FLASH_BASE = 0x08000000;
/** F1 WRP: one bit per 4 KiB (4 pages of 1 KiB on low/medium density). */
const WRP_BLOCK = 0x1000;

const IMPLEMENTERS: Record<number, string> = { 0x41: 'ARM' };

export async function readDeviceInfo(s: Session): Promise<DeviceInfo> {
  const cpuid = (await s.memory.readU32(CPUID)) >>> 0;
  const c = decodeCpuid(cpuid);
  const [fp, dwt] = await Promise.all([s.memory.readU32(FP_CTRL).catch(() => undefined), s.memory.readU32(DWT_CTRL).catch(() => undefined)]);
  const info: DeviceInfo = {
    idcode: null,
    devId: null,
    devName: null,
    revision: null,
    flashSizeKiB: null,
    uid: null,
    core: { cpuid, name: c.core, revision: c.revision, implementer: IMPLEMENTERS[c.implementer] ?? `0x${c.implementer.toString(16)}` },
    breakpoints: fp === undefined ? null : fpbCodeComparators(fp),
    watchpoints: dwt === undefined ? null : dwtComparators(dwt),
    options: null,
  };
  // The part's own registers are read only where OpenOCD drives it as an stm32f1x (the
  // virtual board is one); for other parts their addresses differ, so they are not guessed.
  if (!(await isStm32f1x(s))) return info;
  // The id registers are in the DBGMCU and system memory, readable even at RDP 1.
  const idcode = (await s.memory.readU32(STM32F1_REGS.dbgmcuIdcode)) >>> 0;
  info.idcode = idcode;
  info.devId = idcode & 0xfff;
  info.devName = stm32f1Part(info.devId)?.name ?? null;
  info.revision = stm32f1Revision(info.devId, idcode >>> 16);
  info.flashSizeKiB = await s.memory.readU16(STM32F1_REGS.flashSizeKB);
  const uidWords = await s.memory.readU32(STM32F1_REGS.uid, 3);
  info.uid = [...uidWords].reverse().map((w) => (w >>> 0).toString(16).padStart(8, '0')).join('');
  // FLASH_OBR / FLASH_WRPR hold what the chip loaded at its last reset: the registers
  // `stm32f1x options_read` reads, but that command needs a halted core and this is a
  // read, so it must not stop the firmware.
  const obr = (await s.memory.readU32(STM32F1_REGS.flashObr)) >>> 0;
  const wrpr = (await s.memory.readU32(STM32F1_REGS.flashWrpr)) >>> 0;
  info.options = toOptions(optionsFromRegisters(obr, wrpr), info.flashSizeKiB);
  return info;
}

export function toOptions(o: Stm32f1xOptions, flashKiB: number): DeviceOptions {
  // 32 WRP bits; only those that cover flash that exists are shown (16 on a 64 KiB part).
  const blocks = Math.min(32, Math.max(1, Math.ceil((flashKiB * 1024) / WRP_BLOCK)));
  const wrp = Array.from({ length: blocks }, (_, i) => ({
    index: i,
    address: FLASH_BASE + i * WRP_BLOCK,
    size: WRP_BLOCK,
    // WRPR bit = 0 means protected.
    protected: ((o.writeProtection >>> i) & 1) === 0,
  }));
  return {
    rdp: o.readProtection ? 1 : 0,
    wrp,
    user: { wdgSw: o.watchdog === 'software', nRstStop: !o.resetOnStop, nRstStdby: !o.resetOnStandby },
    optionByte: o.optionByte >>> 0,
    writeProtection: o.writeProtection >>> 0,
  };
}

export async function isStm32f1x(s: Session): Promise<boolean> {
  const banks = await s.flash.banks().catch(() => []);
  return banks.some((b) => b.index === 0 && b.driver === 'stm32f1x');
}

/** RM0008 §3.3.4 FLASH_OBR: OPTERR bit 0, RDPRT bit 1, WDG_SW 2, nRST_STOP 3, nRST_STDBY 4, data 10-25. */
export function optionsFromRegisters(obr: number, wrpr: number): Stm32f1xOptions {
  return {
    optionByte: obr,
    writeProtection: wrpr,
    readProtection: (obr & 2) !== 0,
    watchdog: obr & 4 ? 'software' : 'hardware',
    resetOnStop: (obr & 8) === 0,
    resetOnStandby: (obr & 16) === 0,
    userData: (obr >>> 10) & 0xffff,
    complementError: (obr & 1) !== 0,
    raw: `FLASH_OBR 0x${obr.toString(16)} FLASH_WRPR 0x${wrpr.toString(16)}`,
  };
}
