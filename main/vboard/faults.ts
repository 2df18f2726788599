// Fault switches: names, parsing ("noisy-link:0.01"), validation.
import { VBOARD_FAULTS } from './api';

export type FaultName = (typeof VBOARD_FAULTS)[number];

export interface FaultSet {
  unpowered: boolean;
  swappedWires: boolean;
  resetHold: boolean;
  readProtected: boolean;
  writeProtected: boolean;
  /** Probability that a TDO bit read flips; 0 = clean link. */
  noiseRate: number;
}

export const DEFAULT_NOISE_RATE = 0.001;

export function noFaults(): FaultSet {
  return { unpowered: false, swappedWires: false, resetHold: false, readProtected: false, writeProtected: false, noiseRate: 0 };
}

/** Parse fault switches; throws an Error naming the bad entry and the valid names. */
export function parseFaults(list: readonly string[]): FaultSet {
  const f = noFaults();
  for (const raw of list) {
    const [name, arg, ...extra] = raw.trim().split(':');
    if (!isFaultName(name) || extra.length > 0 || (arg !== undefined && name !== 'noisy-link')) {
      throw new Error(`unknown fault '${raw}' (valid: ${VBOARD_FAULTS.join(', ')}; noisy-link takes an optional :RATE)`);
    }
    switch (name) {
      case 'unpowered': f.unpowered = true; break;
      case 'swapped-wires': f.swappedWires = true; break;
      case 'reset-hold': f.resetHold = true; break;
      case 'read-protected': f.readProtected = true; break;
      case 'write-protected': f.writeProtected = true; break;
      case 'noisy-link': {
        const rate = arg === undefined ? DEFAULT_NOISE_RATE : Number(arg);
        if (!Number.isFinite(rate) || rate <= 0 || rate > 1) {
          throw new Error(`noisy-link rate must be a number in (0, 1], got '${arg ?? ''}'`);
        }
        f.noiseRate = rate;
        break;
      }
    }
  }
  return f;
}

function isFaultName(s: string | undefined): s is FaultName {
  return (VBOARD_FAULTS as readonly string[]).includes(s ?? '');
}

/** The canonical switch list for a fault set (what VirtualBoard.faults() returns). */
export function formatFaults(f: FaultSet): string[] {
  const out: string[] = [];
  if (f.unpowered) out.push('unpowered');
  if (f.swappedWires) out.push('swapped-wires');
  if (f.resetHold) out.push('reset-hold');
  if (f.readProtected) out.push('read-protected');
  if (f.writeProtected) out.push('write-protected');
  if (f.noiseRate > 0) out.push(f.noiseRate === DEFAULT_NOISE_RATE ? 'noisy-link' : `noisy-link:${f.noiseRate}`);
  return out;
}

/**
 * Faults that are the chip's own state (option bytes), not the bench around it. A board
 * kept across reconnects keeps these as the chip has them, so an unlock or an unprotect
 * sticks; the profile sets them only when the board is first powered up.
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
