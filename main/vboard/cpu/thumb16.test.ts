// 16-bit Thumb instructions, one group per test. Encodings are hand-assembled (checked
// against llvm-mc) and each program ends in BKPT, which halts the core.
import { describe, expect, it } from 'vitest';
import { DATA, harness, STACK_TOP } from './test-harness';

describe('thumb16', () => {
  it('shift / add / subtract immediate and register', () => {
    const h = harness();
    h.run([
      0x2005, // movs r0, #5
      0x00c1, // lsls r1, r0, #3
      0x088a, // lsrs r2, r1, #2
      0x104b, // asrs r3, r1, #1
      0x1844, // adds r4, r0, r1
      0x1a25, // subs r5, r4, r0
      0x1dc6, // adds r6, r0, #7
      0x1ff7, // subs r7, r6, #7
      0xbe00, // bkpt #0
    ]);
    expect([0, 1, 2, 3, 4, 5, 6, 7].map(h.reg)).toEqual([5, 40, 10, 20, 45, 40, 12, 5]);
    expect(h.nzcv()).toBe(0b0010); // 12 - 7: no borrow -> C set
    expect(h.core.halted).toBe(true);
  });

  it('carry and overflow flags', () => {
    const h = harness();
    h.run([
      0x2000, // movs r0, #0
      0x3801, // subs r0, #1      -> 0xffffffff, borrow (C clear), N
      0x4149, // adcs r1, r1      -> r1 = 0 + 0 + 0
      0x2280, // movs r2, #128
      0x0612, // lsls r2, r2, #24 -> 0x80000000
      0x1893, // adds r3, r2, r2  -> 0, C and V set, Z set
      0xbe00,
    ]);
    expect(h.reg(0)).toBe(0xffffffff);
    expect(h.reg(1)).toBe(0);
    expect(h.reg(3)).toBe(0);
    expect(h.nzcv()).toBe(0b0111);
  });

  it('register data processing: AND ORR EOR BIC MVN MUL NEG ROR', () => {
    const h = harness();
    h.run([
      0x20f0, 0x213c, 0x4008, // movs r0,#0xf0; movs r1,#0x3c; ands r0,r1
      0x220f, 0x430a, // movs r2,#0x0f; orrs r2,r1
      0x23ff, 0x404b, // movs r3,#0xff; eors r3,r1
      0x24ff, 0x438c, // movs r4,#0xff; bics r4,r1
      0x43cd, // mvns r5, r1
      0x2603, 0x434e, // movs r6,#3; muls r6,r1,r6
      0x424f, // rsbs r7, r1, #0
      0x2102, 0x2081, 0x41c8, // movs r1,#2; movs r0,#0x81; rors r0,r1
      0xbe00,
    ]);
    expect([0, 2, 3, 4, 5, 6, 7].map(h.reg)).toEqual([0x40000020, 0x3f, 0xc3, 0xc3, 0xffffffc3, 0xb4, 0xffffffc4]);
    expect(h.nzcv() & 0b1010).toBe(0b0000); // ROR result 0x40000020: N clear, C = bit 31 = 0
  });

  it('conditional branches, CBZ and a count-down loop', () => {
    const h = harness();
    h.setReg(1, 0);
    const n = h.run([
      0x2005, // 00: movs r0, #5
      0x2805, // 02: cmp r0, #5
      0xd000, // 04: beq 0x8
      0x2101, // 06: movs r1, #1 (skipped)
      0x2202, // 08: movs r2, #2
      0x2806, // 0a: cmp r0, #6
      0xdb00, // 0c: blt 0x10
      0x2303, // 0e: movs r3, #3 (skipped)
      0xb101, // 10: cbz r1, 0x14
      0x2404, // 12: movs r4, #4 (skipped)
      0x250a, // 14: movs r5, #10
      0x3d01, // 16: subs r5, #1
      0xd1fd, // 18: bne 0x16
      0xbe00, // 1a: bkpt #0
    ]);
    expect([1, 2, 3, 4, 5].map(h.reg)).toEqual([0, 2, 0, 0, 0]);
    expect(n).toBe(8 + 20 + 1); // 8 straight-line (3 skipped), 10 loop passes, BKPT
    expect(h.reg(15)).toBe(0x2000001a);
  });

  it('loads and stores: word, half, byte, signed, register offset, PUSH/POP', () => {
    const h = harness();
    h.setReg(3, 0);
    h.run([
      0x4807, 0x4908, // ldr r0,=0x20001000; ldr r1,=0x8899aabb
      0x6001, // str r1, [r0]
      0x7842, // ldrb r2, [r0, #1]
      0x8843, // ldrh r3, [r0, #2]
      0x2403, 0x5705, // movs r4,#3; ldrsb r5,[r0,r4]
      0x2402, 0x5f06, // movs r4,#2; ldrsh r6,[r0,r4]
      0x80c1, // strh r1, [r0, #6]
      0x7241, // strb r1, [r0, #9]
      0x6847, // ldr r7, [r0, #4]
      0xb506, // push {r1, r2, lr}
      0xbc11, // pop {r0, r4}
      0xb001, // add sp, #4
      0xbe00, // bkpt
      0x1000, 0x2000, 0xaabb, 0x8899, // literal pool
    ]);
    expect([2, 3, 5, 6, 7].map(h.reg)).toEqual([0xaa, 0x8899, 0xffffff88, 0xffff8899, 0xaabb0000]);
    expect(h.sram.read(DATA + 8, 4)).toBe(0xbb00);
    expect([h.reg(0), h.reg(4)]).toEqual([0x8899aabb, 0xaa]); // popped r1, r2
    expect(h.reg(13)).toBe(STACK_TOP);
  });

  it('SP-relative access and ADD Rd, SP', () => {
    const h = harness();
    h.setReg(7, 0x1234);
    h.run([0xb082, 0x9701, 0x9c01, 0xad01, 0xb002, 0xbe00]);
    expect(h.reg(4)).toBe(0x1234);
    expect(h.reg(5)).toBe(STACK_TOP - 4);
    expect(h.sram.read(STACK_TOP - 4, 4)).toBe(0x1234);
  });

  it('STM/LDM with writeback', () => {
    const h = harness();
    h.run([
      0x4804, 0x2101, 0x2202, 0x2303, // ldr r0,=DATA; movs r1..r3
      0xc00e, // stm r0!, {r1, r2, r3}
      0x380c, // subs r0, #12
      0xc870, // ldm r0!, {r4, r5, r6}
      0xc881, // ldm r0, {r0, r7} (base in list: no writeback)
      0xbe00, 0x0000, 0x1000, 0x2000,
    ]);
    expect([4, 5, 6].map(h.reg)).toEqual([1, 2, 3]);
    expect(h.reg(0)).toBe(h.sram.read(DATA + 12, 4));
  });

  it('high registers, ADR, BLX / BX LR', () => {
    const h = harness();
    h.setReg(0, 7);
    h.setReg(1, 8);
    h.setReg(2, 15);
    h.run([
      0x4680, // 00: mov r8, r0
      0x4488, // 02: add r8, r1
      0x4590, // 04: cmp r8, r2
      0x46e9, // 06: mov r9, sp
      0xf20f, 0x0308, // 08: adr.w r3, 0x14
      0x3301, // 0c: adds r3, #1
      0x4798, // 0e: blx r3
      0xbe00, // 10: bkpt
      0xbf00, // 12: nop
      0x4674, // 14: mov r4, lr
      0x4770, // 16: bx lr
    ]);
    expect(h.reg(8)).toBe(15);
    expect(h.reg(9)).toBe(STACK_TOP);
    expect(h.reg(4)).toBe(0x20000011);
    expect(h.reg(15)).toBe(0x20000010);
  });

  it('IT blocks: then/else, and no flag setting inside the block', () => {
    const h = harness();
    h.run([
      0x2001, 0x2801, // movs r0,#1; cmp r0,#1
      0xbf0c, 0x210a, 0x2114, // ite eq; moveq r1,#10; movne r1,#20
      0xbf1c, 0x221e, 0x2328, // itt ne; movne r2,#30; movne r3,#40
      0x2802, // cmp r0, #2 (lt)
      0xbfb5, 0x1c44, 0x1c84, 0x1cc5, 0x1d05, // itete lt; addlt r4,r0,#1; addge r4,r0,#2; addlt r5,r0,#3; addge r5,r0,#4
      0xbe00,
    ]);
    expect([1, 2, 3, 4, 5].map(h.reg)).toEqual([10, 0, 0, 2, 4]);
    expect(h.nzcv()).toBe(0b1000); // flags still from cmp r0, #2
    expect(h.core.xpsr & 0x0600fc00).toBe(0); // ITSTATE consumed
  });

  it('extend and byte-reverse', () => {
    const h = harness();
    h.run([0x4804, 0xb241, 0xb202, 0xb2c3, 0xb284, 0xba05, 0xba46, 0xbac7, 0xbe00, 0x0000, 0x80f1, 0x1234]);
    expect([1, 2, 3, 4, 5, 6, 7].map(h.reg)).toEqual([0xfffffff1, 0xffff80f1, 0xf1, 0x80f1, 0xf1803412, 0x3412f180, 0xfffff180]);
  });
});
