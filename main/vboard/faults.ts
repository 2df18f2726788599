// Fault switches as data: one table of named faults, each with its parameters (parsed,
// validated, printed back canonically). A new hardware defect is one entry here and one
// behaviour where the board models it (board.ts, flash-controller.ts, remote-bitbang.ts).
import { VBOARD_FAULTS } from './api';

export type FaultName = (typeof VBOARD_FAULTS)[number];

export interface StuckBit {
  address: number;
  bit: number;
  /** The value the bit is stuck at. */
  value: 0 | 1;
}

export interface FaultSet {
  unpowered: boolean;
  swappedWires: boolean;
  resetHold: boolean;
  readProtected: boolean;
  writeProtected: boolean;
  /** Probability that a TDO bit read flips; 0 = clean link. */
  noiseRate: number;
  /** SRAM bits that read a fixed value whatever is written. */
  sramStuckBits: StuckBit[];
  /** Two SRAM address lines (byte-address bit numbers) bridged: both take the AND of the two. */
  sramAddressShort?: [number, number];
  /** Main-flash pages (1 KB each) whose cells do not take programming. */
  flashBadSectors: number[];
  /** The chip answers with another STM32F1 device id (low density, 0x412). */
  wrongPart: boolean;
  /** NRST is not connected: the SRST line does nothing. */
  noSrst: boolean;
}

export const DEFAULT_NOISE_RATE = 0.001;
const SRAM_BASE = 0x20000000;
const SRAM_SIZE = 20 * 1024;

export function noFaults(): FaultSet {
  return {
    unpowered: false,
    swappedWires: false,
    resetHold: false,
    readProtected: false,
    writeProtected: false,
    noiseRate: 0,
    sramStuckBits: [],
    flashBadSectors: [],
    wrongPart: false,
    noSrst: false,
  };
}

interface FaultDef {
  /** What the parameters look like, for the error message; undefined: none. */
  params?: string;
  /** Parameters used when the switch is given bare (the board menu's checkbox). */
  defaults?: string[];
  apply(f: FaultSet, args: string[]): void;
  /** The canonical switches this fault contributes to a fault set's list. */
  format(f: FaultSet): string[];
}

function int(text: string, what: string, min: number, max: number): number {
  const n = /^0x[0-9a-f]+$/i.test(text) ? parseInt(text, 16) : /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${what} must be a number from ${min} to ${max}, got '${text}'`);
  return n;
}
const hex = (n: number): string => '0x' + (n >>> 0).toString(16).padStart(8, '0');
const flag = (key: 'unpowered' | 'swappedWires' | 'resetHold' | 'readProtected' | 'writeProtected' | 'wrongPart' | 'noSrst', name: string): FaultDef => ({
  apply: (f) => void (f[key] = true),
  format: (f) => (f[key] ? [name] : []),
});

export const FAULT_TABLE: Record<FaultName, FaultDef> = {
  unpowered: flag('unpowered', 'unpowered'),
  'swapped-wires': flag('swappedWires', 'swapped-wires'),
  'reset-hold': flag('resetHold', 'reset-hold'),
  'read-protected': flag('readProtected', 'read-protected'),
  'write-protected': flag('writeProtected', 'write-protected'),
  'noisy-link': {
    params: '[:RATE]',
    defaults: [],
    apply(f, [arg]) {
      const rate = arg === undefined ? DEFAULT_NOISE_RATE : Number(arg);
      if (!Number.isFinite(rate) || rate <= 0 || rate > 1) throw new Error(`noisy-link rate must be a number in (0, 1], got '${arg ?? ''}'`);
      f.noiseRate = rate;
    },
    format: (f) => (f.noiseRate > 0 ? [f.noiseRate === DEFAULT_NOISE_RATE ? 'noisy-link' : `noisy-link:${f.noiseRate}`] : []),
  },
  'sram-stuck-bit': {
    params: ':ADDR:BIT[:0|1]',
    defaults: ['0x20000100', '3'],
    apply(f, [a = '', b = '', v]) {
      const address = int(a, 'sram-stuck-bit ADDR', SRAM_BASE, SRAM_BASE + SRAM_SIZE - 1);
      const bit = int(b, 'sram-stuck-bit BIT', 0, 7);
      const value = v === undefined ? 0 : int(v, 'sram-stuck-bit value', 0, 1);
      f.sramStuckBits.push({ address, bit, value: value as 0 | 1 });
    },
    format: (f) => f.sramStuckBits.map((s) => `sram-stuck-bit:${hex(s.address)}:${s.bit}${s.value ? ':1' : ''}`),
  },
  'sram-address-short': {
    params: ':LINE_A:LINE_B',
    defaults: ['4', '9'],
    apply(f, [a = '', b = '']) {
      const la = int(a, 'sram-address-short LINE_A', 2, 14);
      const lb = int(b, 'sram-address-short LINE_B', 2, 14);
      if (la === lb) throw new Error('sram-address-short needs two different address lines');
      f.sramAddressShort = [Math.min(la, lb), Math.max(la, lb)];
    },
    format: (f) => (f.sramAddressShort ? [`sram-address-short:${f.sramAddressShort[0]}:${f.sramAddressShort[1]}`] : []),
  },
  'flash-bad-sector': {
    params: ':N',
    defaults: ['63'],
    apply(f, [n = '']) {
      f.flashBadSectors.push(int(n, 'flash-bad-sector N', 0, 63));
    },
    format: (f) => f.flashBadSectors.map((n) => `flash-bad-sector:${n}`),
  },
  'wrong-part': flag('wrongPart', 'wrong-part'),
  'no-srst': flag('noSrst', 'no-srst'),
};

/** How each fault is written, for error messages and --help. */
export function faultSyntax(): string {
  return VBOARD_FAULTS.map((n) => `${n}${FAULT_TABLE[n].params ?? ''}`).join(', ');
}

/** Parse fault switches; throws an Error naming the bad entry and the valid names. */
export function parseFaults(list: readonly string[]): FaultSet {
  const f = noFaults();
  for (const raw of list) {
    const [name, ...args] = raw.trim().split(':');
    if (!isFaultName(name)) throw new Error(`unknown fault '${raw}' (valid: ${faultSyntax()})`);
    const def = FAULT_TABLE[name];
    if (def.params === undefined && args.length > 0) throw new Error(`fault '${name}' takes no parameters, got '${raw}'`);
    def.apply(f, args.length === 0 && def.defaults ? def.defaults : args);
  }
  return f;
}

function isFaultName(s: string | undefined): s is FaultName {
  return (VBOARD_FAULTS as readonly string[]).includes(s ?? '');
}

/** The canonical switch list for a fault set (what VirtualBoard.faults() returns). */
export function formatFaults(f: FaultSet): string[] {
  return VBOARD_FAULTS.flatMap((n) => FAULT_TABLE[n].format(f));
}

/**
 * Faults that are the chip's own state (option bytes, the silicon itself), not the bench
 * around it. A board kept across reconnects keeps these as the chip has them, so an
 * unlock or an unprotect sticks; the profile sets them only when the board is first powered up.
 */
export const CHIP_STATE_FAULTS: readonly FaultName[] = ['read-protected', 'write-protected'];

function isChipState(fault: string): boolean {
  return (CHIP_STATE_FAULTS as readonly string[]).includes(fault.split(':')[0] ?? fault);
}

/** The chip-state faults of a list, in a stable order: which chip a profile describes. */
export function chipStateKey(faults: readonly string[]): string {
  return faults.filter(isChipState).sort().join(',');
}

/** Splits a fault list into the chip's own state and the bench conditions around it. */
export function splitFaults(faults: readonly string[]): { chip: string[]; bench: string[] } {
  return { chip: faults.filter(isChipState), bench: faults.filter((f) => !isChipState(f)) };
}

/** The faults a kept board gets on a reconnect: the profile's bench conditions, the chip's own state. */
export function faultsOnReconnect(profileFaults: readonly string[], boardFaults: readonly string[]): string[] {
  return [...splitFaults(boardFaults).chip, ...splitFaults(profileFaults).bench];
}
