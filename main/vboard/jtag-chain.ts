// The scan chain: TDI -> taps[last] -> ... -> taps[0] -> TDO.
// taps[0] is nearest TDO, which is the TAP OpenOCD's config declares first
// (stm32f1x.cfg declares the Cortex-M3 DP first, then the boundary-scan TAP).
import { nextTapState, TapState, type Tap } from './jtag-tap';

const POW2: number[] = Array.from({ length: 54 }, (_, i) => 2 ** i);

export class JtagChain {
  state: TapState = TapState.Reset;
  private readonly sr: number[];
  private readonly len: number[];

  constructor(readonly taps: readonly Tap[]) {
    this.sr = taps.map(() => 0);
    this.len = taps.map(() => 1);
    this.testLogicReset();
  }

  /** TRST or power-on: every TAP to Test-Logic-Reset. */
  testLogicReset(): void {
    this.state = TapState.Reset;
    for (const t of this.taps) t.reset();
  }

  /** Value on TDO while TCK is low: the LSB of the nearest-TDO register in a shift state. */
  tdo(): number {
    if (this.state === TapState.ShiftDR || this.state === TapState.ShiftIR) return this.sr[0]! % 2;
    return 1; // TDO is high-Z outside shift states; pulled up
  }

  /** One rising TCK edge: act on the current state, then move by TMS. */
  clock(tms: number, tdi: number): void {
    const s = this.state;
    const n = this.taps.length;
    if (s === TapState.ShiftDR || s === TapState.ShiftIR) {
      let bit = tdi;
      for (let i = n - 1; i >= 0; i--) {
        const v = this.sr[i]!;
        const out = v % 2;
        this.sr[i] = (v - out) / 2 + bit * POW2[this.len[i]! - 1]!;
        bit = out;
      }
    } else if (s === TapState.CaptureDR) {
      for (let i = 0; i < n; i++) {
        const t = this.taps[i]!;
        this.len[i] = t.drLength();
        this.sr[i] = t.captureDR();
      }
    } else if (s === TapState.CaptureIR) {
      for (let i = 0; i < n; i++) {
        const t = this.taps[i]!;
        this.len[i] = t.irLen;
        this.sr[i] = t.captureIR();
      }
    }
    const next = nextTapState(s, tms);
    this.state = next;
    if (next === TapState.Reset && s !== TapState.Reset) this.testLogicReset();
    else if (next === TapState.UpdateDR) for (let i = 0; i < n; i++) this.taps[i]!.updateDR(this.sr[i]!);
    else if (next === TapState.UpdateIR) for (let i = 0; i < n; i++) this.taps[i]!.updateIR(this.sr[i]!);
  }
}
