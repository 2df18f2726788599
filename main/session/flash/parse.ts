// Parsers for the text OpenOCD 0.12 prints (src/flash/nor/tcl.c, stm32f1x.c).
// Each format string is quoted above its regex so it can be checked against the source.
import { FlashError } from '../../openocd/errors';
import type { FlashBank, FlashBankInfo, FlashSector, Stm32f1xOptions } from './types';

// "#%d : %s (%s) at " TARGET_ADDR_FMT ", size 0x%8.8" PRIx32 ", buswidth %u, chipwidth %u"
const BANK_LINE = /^#(\d+)\s*:\s*(\S+)\s+\((\S+)\)\s+at\s+0x([0-9a-fA-F]+),\s*size\s+0x([0-9a-fA-F]+),\s*buswidth\s+(\d+),\s*chipwidth\s+(\d+)/;

export function parseFlashBanks(text: string): FlashBank[] {
  const banks: FlashBank[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = BANK_LINE.exec(line.trim());
    if (!m) continue;
    banks.push({
      index: Number(m[1]),
      name: m[2]!,
      driver: m[3]!,
      base: parseInt(m[4]!, 16),
      size: parseInt(m[5]!, 16),
      busWidth: Number(m[6]),
      chipWidth: Number(m[7]),
    });
  }
  if (banks.length === 0 && text.trim() !== '') {
    throw new FlashError(`cannot read the list of flash banks from OpenOCD's reply: ${text.trim().slice(0, 200)}`, { openocdText: text });
  }
  return banks;
}

// "#%u : %s at " TARGET_ADDR_FMT ", size 0x%8.8" PRIx32 ", buswidth %u, chipwidth %u"
const INFO_HEADER = /^#(\d+)\s*:\s*(\S+)\s+at\s+0x([0-9a-fA-F]+),\s*size\s+0x([0-9a-fA-F]+),\s*buswidth\s+(\d+),\s*chipwidth\s+(\d+)/;
// "\t#%3i: 0x%8.8" PRIx32 " (0x%" PRIx32 " %" PRIu32 "kB) %s"
const BLOCK_LINE = /^#\s*(\d+):\s+0x([0-9a-fA-F]+)\s+\(0x([0-9a-fA-F]+)\s+\d+kB\)\s*(.*)$/;

interface ParsedInfo {
  index: number;
  driver: string;
  base: number;
  size: number;
  busWidth: number;
  chipWidth: number;
  blocks: FlashSector[];
  driverInfo: string;
}

/** One `flash info N [sectors]` reply: header, block lines, then the driver's free text. */
export function parseFlashInfoText(text: string): ParsedInfo {
  const lines = text.split(/\r?\n/);
  let header: RegExpExecArray | null = null;
  const blocks: FlashSector[] = [];
  const extra: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    if (!header) {
      header = INFO_HEADER.exec(line);
      continue;
    }
    const b = BLOCK_LINE.exec(line);
    if (b) {
      const state = b[4]!.trim();
      blocks.push({
        index: Number(b[1]),
        offset: parseInt(b[2]!, 16),
        address: 0,
        size: parseInt(b[3]!, 16),
        protected: state === 'protected' ? true : state === 'not protected' ? false : null,
      });
    } else {
      extra.push(line);
    }
  }
  if (!header) {
    throw new FlashError(`cannot read the flash bank info from OpenOCD's reply: ${text.trim().slice(0, 200)}`, { openocdText: text });
  }
  const base = parseInt(header[3]!, 16);
  for (const b of blocks) b.address = base + b.offset;
  return {
    index: Number(header[1]),
    driver: header[2]!,
    base,
    size: parseInt(header[4]!, 16),
    busWidth: Number(header[5]),
    chipWidth: Number(header[6]),
    blocks,
    driverInfo: extra.join('\n'),
  };
}

/**
 * Combines `flash info N sectors` (the erase units) with `flash info N` (the
 * protection units, which differ from sectors on stm32f1x: 4 pages per block).
 * A sector takes the protection state of the block that contains it.
 */
export function combineFlashInfo(sectorsText: string, blocksText: string): FlashBankInfo {
  const s = parseFlashInfoText(sectorsText);
  const b = parseFlashInfoText(blocksText);
  const sectors = s.blocks.map((sec) => {
    const block = b.blocks.find((blk) => sec.offset >= blk.offset && sec.offset < blk.offset + blk.size);
    return { ...sec, protected: sec.protected ?? block?.protected ?? null };
  });
  return {
    index: s.index,
    driver: s.driver,
    base: s.base,
    size: s.size,
    busWidth: s.busWidth,
    chipWidth: s.chipWidth,
    sectors,
    protectionBlocks: b.blocks,
    driverInfo: b.driverInfo || s.driverInfo,
  };
}

/** `stm32f1x options_read N` (stm32f1x.c stm32x_handle_options_read_command). */
export function parseStm32f1xOptions(text: string): Stm32f1xOptions {
  const num = (re: RegExp): number | undefined => {
    const m = re.exec(text);
    return m ? parseInt(m[1]!, 16) : undefined;
  };
  const optionByte = num(/option byte register = 0x([0-9a-fA-F]+)/);
  const writeProtection = num(/write protection register = 0x([0-9a-fA-F]+)/);
  if (optionByte === undefined || writeProtection === undefined) {
    throw new FlashError(`cannot read the option bytes from OpenOCD's reply: ${text.trim().slice(0, 200)}`, { openocdText: text });
  }
  return {
    optionByte,
    writeProtection,
    readProtection: /read protection: on/.test(text),
    watchdog: /watchdog: hardware/.test(text) ? 'hardware' : 'software',
    resetOnStop: /stop mode: reset generated/.test(text),
    resetOnStandby: /standby mode: reset generated/.test(text),
    userData: num(/user data = 0x([0-9a-fA-F]+)/) ?? 0,
    complementError: /option byte complement error/.test(text),
    raw: text,
  };
}
