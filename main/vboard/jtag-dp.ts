// The Cortex-M3 JTAG-DP TAP (ADIv5): IR 4 bits, IDCODE/DPACC/APACC/ABORT/BYPASS.
// DPACC/APACC scans are 35 bits: in = data[34:3] A[3:2] RnW, out = data[34:3] ACK[2:0];
// a read's result comes back in the *next* DPACC/APACC scan, as on real hardware.
// An AP memory access that hits a stalled AHB (the flash array while the FPEC is busy,
// see FlashController.markBusy) leaves the AP busy: APACC scans answer WAIT and are
// ignored until the stall ends, setting STICKYORUN when CTRL/STAT.ORUNDETECT is on (OpenOCD
// turns it on and recovers: "DAP transaction stalled (WAIT) - slowing down and resending").
// DP register scans (DPACC) never WAIT here: the DP registers are not behind the AHB, and
// OpenOCD's recovery relies on its STICKYORUN-clearing CTRL/STAT write taking effect.
import { BUS_ERROR } from './bus';
import type { Tap } from './jtag-tap';
import type { MemAp } from './mem-ap';

export const JTAG_DP_IDCODE = 0x3ba00477;
const IR_ABORT = 0x8;
const IR_DPACC = 0xa;
const IR_APACC = 0xb;
const IR_IDCODE = 0xe;
const ACK_OK_FAULT = 0b010;
const ACK_WAIT = 0b001;

const CORUNDETECT = 1 << 0;
const STICKYORUN = 1 << 1;
const STICKYCMP = 1 << 4;
const STICKYERR = 1 << 5;
const CDBGPWRUPREQ = 1 << 28;
const CSYSPWRUPREQ = 1 << 30;
const CTRL_WRITABLE = 0x5fffff0d; // ORUNDETECT, TRNMODE, TRNCNT, MASKLANE, reset/power requests

/** What the DP needs from the AHB behind the AP: whether the access in progress still
 *  stalls, and a tick per DPACC/APACC scan (the model's unit of time). */
export interface AhbTiming {
  /** True while `addr` cannot be accessed (the access must wait). */
  stalls(addr: number): boolean;
  /** Is the stall that began earlier still going on? */
  busy(): boolean;
  scanTick(): void;
}

export class JtagDp implements Tap {
  readonly irLen = 4;
  private ir = IR_IDCODE;
  private ctrl = 0;
  private sticky = 0;
  private select = 0;
  /** Captured into the next DPACC/APACC scan. */
  private pending = 0;
  /** An AP access is waiting for the AHB: APACC scans answer WAIT. */
  private apStalled = false;
  /** The scan now in Shift-DR was answered WAIT: its request is ignored. */
  private waited = false;

  constructor(
    private readonly ap: MemAp,
    private readonly ahb?: AhbTiming,
  ) {}

  reset(): void {
    this.ir = IR_IDCODE;
  }

  /** Power-on reset of the DP (board power cycle). */
  powerOnReset(): void {
    this.ctrl = 0;
    this.sticky = 0;
    this.select = 0;
    this.pending = 0;
    this.apStalled = false;
    this.waited = false;
    this.ir = IR_IDCODE;
  }

  captureIR(): number {
    return 0b0001;
  }
  updateIR(value: number): void {
    this.ir = value & 0xf;
  }
  drLength(): number {
    const ir = this.ir;
    if (ir === IR_DPACC || ir === IR_APACC || ir === IR_ABORT) return 35;
    return ir === IR_IDCODE ? 32 : 1;
  }
  captureDR(): number {
    const ir = this.ir;
    this.waited = false;
    if (ir === IR_APACC && this.apStalled) {
      if (this.ahb?.busy()) {
        this.waited = true;
        return ACK_WAIT; // the data field is UNKNOWN; the pending result is kept
      }
      this.apStalled = false;
    }
    if (ir === IR_DPACC || ir === IR_APACC || ir === IR_ABORT) return (this.pending >>> 0) * 8 + ACK_OK_FAULT; // unsigned: the chain shifts with arithmetic
    return ir === IR_IDCODE ? JTAG_DP_IDCODE : 0;
  }

  updateDR(value: number): void {
    const ir = this.ir;
    const data = Math.floor(value / 8) >>> 0;
    if (ir === IR_ABORT) {
      if (data & 1) this.apStalled = false; // DAPABORT: give up on the stalled access
      return;
    }
    if (ir !== IR_DPACC && ir !== IR_APACC) return;
    this.ahb?.scanTick();
    if (this.waited) {
      this.waited = false;
      if (this.ctrl & CORUNDETECT) this.sticky |= STICKYORUN;
      return; // WAIT: this scan's request is not acted upon
    }
    const low = value % 8;
    const rnw = low & 1;
    const a = low & 6; // A[3:2] as a byte offset
    if (ir === IR_DPACC) this.dpAccess(a * 2, rnw === 1, data);
    else this.apAccess(a * 2, rnw === 1, data);
  }

  private dpAccess(addr: number, isRead: boolean, data: number): void {
    switch (addr) {
      case 0x4:
        if (isRead) this.pending = this.readCtrlStat();
        else {
          // JTAG-DP: writing 1 clears the sticky flags.
          this.sticky &= ~(data & (STICKYORUN | STICKYCMP | STICKYERR));
          this.ctrl = data & CTRL_WRITABLE;
        }
        return;
      case 0x8:
        if (isRead) this.pending = this.select;
        else this.select = data;
        return;
      case 0xc:
        if (isRead) this.pending = 0; // RDBUFF: the previous result was just captured
        return;
      default:
        if (isRead) this.pending = 0;
    }
  }

  readCtrlStat(): number {
    const acks = ((this.ctrl & CDBGPWRUPREQ) << 1) | ((this.ctrl & CSYSPWRUPREQ) << 1);
    return (this.ctrl | acks | this.sticky) >>> 0;
  }

  private apAccess(regLow: number, isRead: boolean, data: number): void {
    // With a sticky error (or overrun under ORUNDETECT) set, AP transactions are discarded.
    if (this.sticky & STICKYERR || (this.ctrl & CORUNDETECT && this.sticky & STICKYORUN)) {
      if (isRead) this.pending = 0;
      return;
    }
    if ((this.ctrl & (CDBGPWRUPREQ | CSYSPWRUPREQ)) !== (CDBGPWRUPREQ | CSYSPWRUPREQ)) {
      this.sticky |= STICKYERR; // debug/system domains powered down
      if (isRead) this.pending = 0;
      return;
    }
    const apsel = this.select >>> 24;
    const reg = (this.select & 0xf0) | regLow;
    if (apsel !== 0) {
      if (isRead) this.pending = 0; // no such AP: reads as zero
      return;
    }
    // The access goes ahead (its result is what the next OK scan captures), but the AP
    // stays busy while the AHB stalls.
    const addr = this.ap.memoryAddress(reg);
    if (addr !== undefined && this.ahb?.stalls(addr)) this.apStalled = true;
    if (isRead) {
      const v = this.ap.read(reg);
      if (v === BUS_ERROR) {
        this.sticky |= STICKYERR;
        this.pending = 0;
      } else this.pending = v;
    } else if (!this.ap.write(reg, data)) this.sticky |= STICKYERR;
  }
}
