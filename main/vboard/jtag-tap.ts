// IEEE 1149.1 TAP controller states and the per-TAP interface the scan chain drives.

export const enum TapState {
  Reset = 0,
  Idle,
  SelectDR,
  CaptureDR,
  ShiftDR,
  Exit1DR,
  PauseDR,
  Exit2DR,
  UpdateDR,
  SelectIR,
  CaptureIR,
  ShiftIR,
  Exit1IR,
  PauseIR,
  Exit2IR,
  UpdateIR,
}

// NEXT[state * 2 + tms] = next state (the standard 16-state diagram).
const NEXT: readonly number[] = [
  /* Reset    */ TapState.Idle, TapState.Reset,
  /* Idle     */ TapState.Idle, TapState.SelectDR,
  /* SelectDR */ TapState.CaptureDR, TapState.SelectIR,
  /* CaptureDR*/ TapState.ShiftDR, TapState.Exit1DR,
  /* ShiftDR  */ TapState.ShiftDR, TapState.Exit1DR,
  /* Exit1DR  */ TapState.PauseDR, TapState.UpdateDR,
  /* PauseDR  */ TapState.PauseDR, TapState.Exit2DR,
  /* Exit2DR  */ TapState.ShiftDR, TapState.UpdateDR,
  /* UpdateDR */ TapState.Idle, TapState.SelectDR,
  /* SelectIR */ TapState.CaptureIR, TapState.Reset,
  /* CaptureIR*/ TapState.ShiftIR, TapState.Exit1IR,
  /* ShiftIR  */ TapState.ShiftIR, TapState.Exit1IR,
  /* Exit1IR  */ TapState.PauseIR, TapState.UpdateIR,
  /* PauseIR  */ TapState.PauseIR, TapState.Exit2IR,
  /* Exit2IR  */ TapState.ShiftIR, TapState.UpdateIR,
  /* UpdateIR */ TapState.Idle, TapState.SelectDR,
];

export function nextTapState(state: TapState, tms: number): TapState {
  return NEXT[state * 2 + (tms & 1)] as TapState;
}

/** One TAP in the chain. Registers are at most 35 bits, so plain numbers (53-bit exact) hold them. */
export interface Tap {
  readonly irLen: number;
  /** Instruction register value after Test-Logic-Reset. */
  reset(): void;
  captureIR(): number;
  updateIR(value: number): void;
  /** Length of the data register selected by the current instruction. */
  drLength(): number;
  captureDR(): number;
  updateDR(value: number): void;
}

/** A TAP with only IDCODE and BYPASS (the STM32 boundary-scan TAP as OpenOCD sees it). */
export class IdcodeOnlyTap implements Tap {
  private ir: number;
  constructor(
    readonly irLen: number,
    private readonly idcode: number,
    private readonly idcodeInstr: number,
  ) {
    this.ir = idcodeInstr;
  }
  reset(): void {
    this.ir = this.idcodeInstr;
  }
  captureIR(): number {
    return 0b01; // IEEE 1149.1: the two LSBs captured are 01
  }
  updateIR(value: number): void {
    this.ir = value;
  }
  drLength(): number {
    return this.ir === this.idcodeInstr ? 32 : 1;
  }
  captureDR(): number {
    return this.ir === this.idcodeInstr ? this.idcode >>> 0 : 0;
  }
  updateDR(): void {
    /* IDCODE and BYPASS have no update action */
  }
}
