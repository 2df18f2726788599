// 32-bit Thumb-2 instructions, one group per test. Encodings hand-assembled (checked
// against llvm-mc); pairs are hw1, hw2 in program order.
import { describe, expect, it } from 'vitest';
import { harness, STACK_TOP } from './test-harness';

describe('thumb32', () => {
  it('data processing: modified immediate, shifted register, MOVW/MOVT, ADDW/SUBW', () => {
    const h = harness();
    h.run([
      0xf241, 0x2034, // movw r0, #0x1234
      0xf6ca, 0x30cd, // movt r0, #0xabcd
      0xf04f, 0x21ff, // mov.w r1, #0xff00ff00
      0xf500, 0x3280, // add.w r2, r0, #0x10000
      0xebb0, 0x0300, // subs.w r3, r0, r0
      0xea41, 0x1410, // orr.w r4, r1, r0, lsr #4
      0xf020, 0x05ff, // bic r5, r0, #0xff
      0xf1c0, 0x0600, // rsb.w r6, r0, #0
      0xea00, 0x2731, // and.w r7, r0, r1, ror #8
      0xf06f, 0x0801, // mvn r8, #1
      0xea80, 0x0941, // eor.w r9, r0, r1, lsl #1
      0xf600, 0x7aff, // addw r10, r0, #0xfff
      0xf2a0, 0x2b34, // subw r11, r0, #0x234
      0xf5b0, 0x3f80, // cmp.w r0, #0x10000
      0xea90, 0x0f00, // teq.w r0, r0
      0xbe00,
    ]);
    const want = [0xabcd1234, 0xff00ff00, 0xabce1234, 0, 0xffbcff23, 0xabcd1200, 0x5432edcc, 0x00cd0034, 0xfffffffe, 0x55ccec34, 0xabcd2233, 0xabcd1000];
    expect(want.map((_, i) => h.reg(i))).toEqual(want);
    expect(h.nzcv()).toBe(0b0110); // TEQ: Z; C kept from CMP (no borrow)
  });

  it('bit fields, CLZ, RBIT, REV, register shifts and extends', () => {
    const h = harness();
    h.run([
      0x480d, // ldr r0, =0x12345678
      0xf3c0, 0x1107, // ubfx r1, r0, #4, #8
      0xf340, 0x3203, // sbfx r2, r0, #12, #4
      0xf04f, 0x33ff, // mov.w r3, #-1
      0xf360, 0x230f, // bfi r3, r0, #8, #8
      0xf04f, 0x34ff, // mov.w r4, #-1
      0xf36f, 0x040f, // bfc r4, #0, #16
      0xfab0, 0xf580, // clz r5, r0
      0xfa90, 0xf6a0, // rbit r6, r0
      0xfa90, 0xf780, // rev.w r7, r0
      0xfa00, 0xf805, // lsl.w r8, r0, r5
      0xfa43, 0xf905, // asr.w r9, r3, r5
      0xfa5f, 0xfa90, // uxtb.w r10, r0, ror #8
      0xfa0f, 0xfb80, // sxth.w r11, r0
      0xbe00,
      0x5678, 0x1234, // literal
    ]);
    const want = [0x12345678, 0x67, 5, 0xffff78ff, 0xffff0000, 3, 0x1e6a2c48, 0x78563412, 0x91a2b3c0, 0xffffef1f, 0x56, 0x5678];
    expect(want.map((_, i) => h.reg(i))).toEqual(want);
  });

  it('single and dual loads/stores: imm12, imm8 pre/post-indexed, register, literal', () => {
    const h = harness();
    h.run([
      0x480e, 0x490f, // ldr r0,=0x20001000; ldr r1,=0x11223344
      0xf8c0, 0x1100, // str.w r1, [r0, #256]
      0xf8d0, 0x2100, // ldr.w r2, [r0, #256]
      0xf890, 0x3101, // ldrb.w r3, [r0, #257]
      0xf9b0, 0x4102, // ldrsh.w r4, [r0, #258]
      0xf840, 0x1f04, // str r1, [r0, #4]!
      0xf850, 0x5904, // ldr r5, [r0], #-4
      0x2601, // movs r6, #1
      0xf850, 0x7026, // ldr.w r7, [r0, r6, lsl #2]
      0xe9c0, 0x1002, // strd r1, r0, [r0, #8]
      0xe9d0, 0x8902, // ldrd r8, r9, [r0, #8]
      0xf8df, 0xa00c, // ldr.w r10, [pc, #12]
      0xf820, 0x1c02, // strh r1, [r0, #-2]
      0xf910, 0xbc01, // ldrsb r11, [r0, #-1]
      0xbe00,
      0xf00d, 0xcafe, 0x1000, 0x2000, 0x3344, 0x1122, // literals
    ]);
    const want = [0x20001000, 0x11223344, 0x11223344, 0x33, 0x1122, 0x11223344, 1, 0x11223344, 0x11223344, 0x20001000, 0xcafef00d, 0x33];
    expect(want.map((_, i) => h.reg(i))).toEqual(want);
    expect(h.sram.read(0x20000ffe, 2)).toBe(0x3344);
  });

  it('STMDB/LDMIA with writeback, PUSH.W/POP.W', () => {
    const h = harness();
    h.setReg(14, 0x0800abcd);
    h.run([
      0x4807, // ldr r0, =0x20001010
      0xf04f, 0x0101, 0xf04f, 0x0202, 0xf04f, 0x0808, // mov.w r1,#1; r2,#2; r8,#8
      0xe920, 0x0106, // stmdb r0!, {r1, r2, r8}
      0xe8b0, 0x0218, // ldm.w r0!, {r3, r4, r9}
      0xe92d, 0x4110, // push.w {r4, r8, lr}
      0xe8bd, 0x0460, // pop.w {r5, r6, r10}
      0xbe00,
      0x1010, 0x2000,
    ]);
    expect([0, 3, 4, 9, 5, 6, 10].map(h.reg)).toEqual([0x20001010, 1, 2, 8, 2, 8, 0x0800abcd]);
    expect(h.sram.read(0x20001004, 4)).toBe(1);
    expect(h.reg(13)).toBe(STACK_TOP);
  });

  it('BL, B.W, conditional B.W and TBB', () => {
    const h = harness();
    h.run([
      0x2000, // 00: movs r0, #0
      0xf000, 0xf803, // 02: bl 0x0c
      0xf000, 0xb803, // 06: b.w 0x10
      0xbf00, // 0a: nop
      0x3001, // 0c: adds r0, #1
      0x4770, // 0e: bx lr
      0x2801, // 10: cmp r0, #1
      0xf000, 0x8001, // 12: beq.w 0x18
      0x2109, // 16: movs r1, #9 (skipped)
      0x2202, // 18: movs r2, #2
      0xe8df, 0xf002, // 1a: tbb [pc, r2]
      0x0302, 0x0004, // 1e: table 2, 3, 4, 0
      0x230a, 0x230b, 0x230c, // 22: movs r3, #10 / #11 / #12
      0xbe00, // 28
    ]);
    expect([0, 1, 2, 3, 14].map(h.reg)).toEqual([1, 0, 2, 12, 0x20000007]);
    expect(h.reg(15)).toBe(0x20000028);
  });

  it('multiply, multiply-accumulate, long multiply and divide', () => {
    const h = harness();
    h.run([
      0xf06f, 0x0001, // mvn r0, #1
      0x2103, // movs r1, #3
      0xfb00, 0xf201, // mul r2, r0, r1
      0xfb00, 0x1301, // mla r3, r0, r1, r1
      0xfb00, 0x1411, // mls r4, r0, r1, r1
      0xfba0, 0x5601, // umull r5, r6, r0, r1
      0xfb80, 0x7801, // smull r7, r8, r0, r1
      0xfbb0, 0xf9f1, // udiv r9, r0, r1
      0xfb90, 0xfaf1, // sdiv r10, r0, r1
      0xf04f, 0x0b00, // mov.w r11, #0
      0xfbb0, 0xfcfb, // udiv r12, r0, r11 (divide by zero -> 0)
      0xfbe0, 0x5601, // umlal r5, r6, r0, r1
      0xbe00,
    ]);
    const want = [0xfffffffe, 3, 0xfffffffa, 0xfffffffd, 9, 0xfffffff4, 5, 0xfffffffa, 0xffffffff, 0x55555554, 0, 0, 0];
    expect(want.map((_, i) => h.reg(i))).toEqual(want);
  });

  it('MRS/MSR, CPS, barriers and hints', () => {
    const h = harness();
    h.run([
      0xf3ef, 0x8000, // mrs r0, apsr
      0x2100, // movs r1, #0
      0xf381, 0x8800, // msr apsr_nzcvq, r1
      0xf3ef, 0x8208, // mrs r2, msp
      0xf3ef, 0x8310, // mrs r3, primask
      0xb672, // cpsid i
      0xf3ef, 0x8410, // mrs r4, primask
      0xb662, // cpsie i
      0xf04f, 0x4570, // mov.w r5, #0xf0000000
      0xf385, 0x8800, // msr apsr_nzcvq, r5
      0xf3bf, 0x8f4f, 0xf3bf, 0x8f6f, 0xf3bf, 0x8f5f, 0xf3af, 0x8000, // dsb; isb; dmb; nop.w
      0xf3ef, 0x8600, // mrs r6, apsr
      0xbe00,
    ]);
    expect([0, 2, 3, 4, 6].map(h.reg)).toEqual([0, STACK_TOP, 0, 1, 0xf0000000]);
    expect(h.nzcv()).toBe(0b1111);
    expect(h.core.primask).toBe(0);
  });
});
