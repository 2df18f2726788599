@ March C- over 32-bit words, run on the target by the power-on check (main/check/steps/ram.ts):
@   M0 up w0; M1 up (r0,w1); M2 up (r1,w0); M3 down (r0,w1); M4 down (r1,w0); M5 up r0
@ with "0" = 0x00000000 and "1" = 0xffffffff, cell by cell (which a debug-port march cannot do).
@ In:  r0 = first word, r1 = end (exclusive), both word aligned; no stack, no memory but [r0, r1).
@ Out: bkpt with r0 = 0 when every cell passed, else r0 = failing address, r1 = read, r2 = expected,
@      r3 = the march element (0..5) that failed.
@ Built by scripts/build-check-routines.sh (arm-none-eabi-as); the bytes are in march-routine.ts.
    .syntax unified
    .cpu cortex-m3
    .thumb
    .text
    .global march_c_minus
    .thumb_func
march_c_minus:
    movs  r4, #0
    mvns  r5, r4
    movs  r3, #0
    mov   r6, r0
m0: str   r4, [r6], #4
    cmp   r6, r1
    bne   m0
    movs  r3, #1
    mov   r6, r0
m1: ldr   r7, [r6]
    cmp   r7, r4
    bne   fail0
    str   r5, [r6], #4
    cmp   r6, r1
    bne   m1
    movs  r3, #2
    mov   r6, r0
m2: ldr   r7, [r6]
    cmp   r7, r5
    bne   fail1
    str   r4, [r6], #4
    cmp   r6, r1
    bne   m2
    movs  r3, #3
    mov   r6, r1
m3: ldr   r7, [r6, #-4]!
    cmp   r7, r4
    bne   fail0
    str   r5, [r6]
    cmp   r6, r0
    bne   m3
    movs  r3, #4
    mov   r6, r1
m4: ldr   r7, [r6, #-4]!
    cmp   r7, r5
    bne   fail1
    str   r4, [r6]
    cmp   r6, r0
    bne   m4
    movs  r3, #5
    mov   r6, r0
m5: ldr   r7, [r6]
    cmp   r7, r4
    bne   fail0
    adds  r6, r6, #4
    cmp   r6, r1
    bne   m5
    movs  r0, #0
    bkpt  #0
fail0:
    mov   r0, r6
    mov   r1, r7
    mov   r2, r4
    bkpt  #0
fail1:
    mov   r0, r6
    mov   r1, r7
    mov   r2, r5
    bkpt  #0
