// Unit tests: TAP state machine, the two-TAP chain, and DPACC/APACC through it.
import { describe, expect, it } from 'vitest';
import { Board } from './board';
import { nextTapState, TapState } from './jtag-tap';
import type { JtagChain } from './jtag-chain';

/** Drive the chain like an adapter: TMS path + LSB-first shifts, returning captured bits. */
class Driver {
  constructor(readonly chain: JtagChain) {}
  tms(bits: number[]): void {
    for (const b of bits) this.chain.clock(b, 0);
  }
  reset(): void {
    this.tms([1, 1, 1, 1, 1, 0]); // -> Run-Test/Idle
  }
  /** From Idle, shift `len` bits of `value` through DR (ir=false) or IR, back to Idle. */
  shift(ir: boolean, value: bigint, len: number): bigint {
    this.tms(ir ? [1, 1, 0, 0] : [1, 0, 0]); // -> Shift-xR
    let out = 0n;
    for (let i = 0; i < len; i++) {
      out |= BigInt(this.chain.tdo()) << BigInt(i);
      this.chain.clock(i === len - 1 ? 1 : 0, Number((value >> BigInt(i)) & 1n));
    }
    this.tms([1, 0]); // Exit1 -> Update -> Idle
    return out;
  }
  /** IR: bs TAP (5 bits, nearest TDI) in BYPASS, DP gets `instr`. */
  ir(instr: number): bigint {
    return this.shift(true, BigInt(instr) | (0x1fn << 4n), 9);
  }
  /** 35-bit DPACC/APACC scan plus the bypass bit; returns [ack, data] of the previous op. */
  acc(addr: number, rnw: number, data: number): [number, number] {
    const v = (BigInt(data >>> 0) << 3n) | BigInt(((addr >> 1) & 6) | rnw);
    const out = this.shift(false, v, 36);
    return [Number(out & 7n), Number((out >> 3n) & 0xffffffffn)];
  }
}

describe('TAP state machine', () => {
  it('follows the IEEE 1149.1 diagram', () => {
    let s = TapState.Reset;
    for (const tms of [0, 1, 0, 0]) s = nextTapState(s, tms);
    expect(s).toBe(TapState.ShiftDR);
    for (const tms of [1, 1, 1, 1, 0, 0]) s = nextTapState(s, tms);
    expect(s).toBe(TapState.ShiftIR);
    for (let i = 0; i < 5; i++) s = nextTapState(s, 1);
    expect(s).toBe(TapState.Reset);
  });
});

describe('scan chain', () => {
  it('reads both IDCODEs after reset, DP first (nearest TDO)', () => {
    const d = new Driver(new Board().chain);
    d.reset();
    const ids = d.shift(false, 0n, 64);
    expect(Number(ids & 0xffffffffn)).toBe(0x3ba00477);
    expect(Number(ids >> 32n)).toBe(0x16410041);
  });

  it('captures 0b0001 / 0b00001 in IR and has a 1-bit BYPASS', () => {
    const d = new Driver(new Board().chain);
    d.reset();
    expect(d.shift(true, 0x1ffn, 9)).toBe(0b000010001n);
    // Both in BYPASS: 2 bits of zeros precede the pattern.
    expect(d.shift(false, 0b1011n, 6)).toBe(0b101100n);
  });

  it('reads CPUID through APACC with the result posted to the next scan', () => {
    const b = new Board();
    b.powerOn();
    const d = new Driver(b.chain);
    d.reset();
    d.ir(0xa); // DPACC
    d.acc(0x4, 0, 0x50000000); // CTRL/STAT: power-up requests
    d.acc(0x4, 1, 0);
    expect(d.acc(0xc, 1, 0)[1] >>> 28).toBe(0xf); // both ACKs follow the requests
    d.acc(0x8, 0, 0); // SELECT AP0 bank 0
    d.ir(0xb); // APACC
    d.acc(0x0, 0, 0x23000012); // CSW: 32-bit, increment
    d.acc(0x4, 0, 0xe000ed00); // TAR
    d.acc(0xc, 1, 0); // DRW read
    d.ir(0xa);
    const [ack, cpuid] = d.acc(0xc, 1, 0); // RDBUFF
    expect(ack).toBe(0b010);
    expect(cpuid).toBe(0x411fc231);
  });

  it('sets STICKYERR on an unmapped read and discards AP accesses until cleared', () => {
    const b = new Board();
    b.powerOn();
    const d = new Driver(b.chain);
    d.reset();
    d.ir(0xa);
    d.acc(0x4, 0, 0x50000000);
    d.acc(0x8, 0, 0);
    d.ir(0xb);
    d.acc(0x0, 0, 0x23000002);
    d.acc(0x4, 0, 0x30000000);
    d.acc(0xc, 1, 0);
    d.ir(0xa);
    d.acc(0x4, 1, 0);
    expect(d.acc(0xc, 1, 0)[1] & 0x20).toBe(0x20);
    d.acc(0x4, 0, 0x50000020); // write 1 to clear
    d.acc(0x4, 1, 0);
    expect(d.acc(0xc, 1, 0)[1] & 0x20).toBe(0);
  });

  /** Power up the DP (ORUNDETECT as asked), unlock the FPEC, set PG and program the
   *  half-word at 0x08000400 through the AHB-AP: the FPEC is then busy for a few scans. */
  function programThroughAp(orundetect: boolean): Driver {
    const b = new Board();
    b.powerOn();
    const d = new Driver(b.chain);
    d.reset();
    d.ir(0xa);
    d.acc(0x4, 0, 0x50000000 | (orundetect ? 1 : 0));
    d.acc(0x8, 0, 0);
    d.ir(0xb);
    d.acc(0x0, 0, 0x23000002); // CSW: word
    d.acc(0x4, 0, 0x40022004); // FLASH_KEYR
    d.acc(0xc, 0, 0x45670123);
    d.acc(0xc, 0, 0xcdef89ab);
    d.acc(0x4, 0, 0x40022010); // FLASH_CR
    d.acc(0xc, 0, 1); // PG
    d.acc(0x0, 0, 0x23000001); // CSW: half-word
    d.acc(0x4, 0, 0x08000400);
    d.acc(0xc, 0, 0x1234); // programs: the FPEC is busy now
    return d;
  }

  it('answers WAIT to APACC scans while an access to the busy flash is stalled, then delivers it', () => {
    const d = programThroughAp(false);
    d.acc(0x0, 0, 0x23000002); // CSW: word (the FPEC registers never stall)
    expect(d.acc(0xc, 1, 0)[0]).toBe(0b010); // DRW read of the flash: accepted, but stalls
    const acks: number[] = [];
    let data = 0;
    for (let i = 0; i < 200; i++) {
      const [ack, v] = d.acc(0xc, 1, 0); // the next AP access has to wait
      acks.push(ack);
      if (ack === 0b010) {
        data = v;
        break;
      }
    }
    expect(acks[0]).toBe(0b001); // WAIT
    expect(acks.at(-1)).toBe(0b010); // OK once the half-word is programmed
    expect(data).toBe(0xffff1234); // the stalled read's result, in the first OK scan
    d.ir(0xa);
    d.acc(0x4, 1, 0);
    expect(d.acc(0xc, 1, 0)[1] & 0x2).toBe(0); // no STICKYORUN without ORUNDETECT
  });

  it('with ORUNDETECT, a WAIT sets STICKYORUN, AP accesses are discarded until it is cleared', () => {
    const d = programThroughAp(true);
    d.acc(0xc, 1, 0); // read while busy (stalls)
    expect(d.acc(0xc, 1, 0)[0]).toBe(0b001); // WAIT: overrun
    d.ir(0xa);
    for (let i = 0; i < 200; i++) d.acc(0x4, 1, 0); // DP scans never wait; the flash finishes
    const stat = d.acc(0xc, 1, 0)[1];
    expect(stat & 0x2).toBe(0x2); // STICKYORUN
    d.ir(0xb);
    d.acc(0x4, 0, 0x20000000); // TAR write: discarded while STICKYORUN is set
    d.ir(0xa);
    d.acc(0x4, 0, 0x50000003); // clear STICKYORUN (write 1)
    d.acc(0x4, 1, 0);
    expect(d.acc(0xc, 1, 0)[1] & 0x2).toBe(0);
    d.ir(0xb);
    d.acc(0x4, 1, 0); // TAR read
    d.ir(0xa);
    expect(d.acc(0xc, 1, 0)[1]).toBe(0x08000400); // the discarded TAR write did not land
  });
});

