// What a new Blue Pill ships with: a blink program on PC13, written as low-power firmware
// is: the SysTick handler toggles the LED every 250 ms (8 MHz HSI / 8 = 1 MHz reference
// clock, reload 249 999) and the main loop sleeps in WFI. Hand-assembled Thumb code, so
// the board boots into a valid reset vector (a blank chip would lock up instead, as real
// ones do). The core sleeps nearly all the time, so the board costs almost no host CPU.
const CODE_OFFSET = 0x40;
const SYSTICK_HANDLER = 0x0800004f; // thumb bit set
const DEFAULT_HANDLER = 0x0800006d; // `b .`
export const BLINK_RELOAD = 249_999;

const THUMB: number[] = [
  0x480b, // 40: ldr  r0, =RCC_APB2ENR
  0x2110, // 42: movs r1, #0x10      (IOPCEN)
  0x6001, // 44: str  r1, [r0]
  0x480b, // 46: ldr  r0, =GPIOC_CRH
  0x490b, // 48: ldr  r1, =0x44344444 (PC13 push-pull output)
  0x6001, // 4A: str  r1, [r0]
  0xe005, // 4C: b    setup
  0x480b, // 4E: systick: ldr r0, =GPIOC_ODR
  0x6801, // 50: ldr  r1, [r0]
  0x4a0b, // 52: ldr  r2, =1 << 13
  0x4051, // 54: eors r1, r2
  0x6001, // 56: str  r1, [r0]
  0x4770, // 58: bx   lr
  0x480a, // 5A: setup: ldr r0, =SYST_CSR
  0x490a, // 5C: ldr  r1, =BLINK_RELOAD
  0x6041, // 5E: str  r1, [r0, #4]   (SYST_RVR)
  0x2100, // 60: movs r1, #0
  0x6081, // 62: str  r1, [r0, #8]   (SYST_CVR: start from the reload value)
  0x2103, // 64: movs r1, #3
  0x6001, // 66: str  r1, [r0]       (ENABLE | TICKINT, reference clock HCLK/8)
  0xbf30, // 68: loop: wfi
  0xe7fd, // 6A: b    loop
  0xe7fe, // 6C: default handler: b .
  0xbf00, // 6E: nop (literal pool alignment)
];
const LITERALS = [0x40021018, 0x40011004, 0x44344444, 0x4001100c, 0x00002000, 0xe000e010, BLINK_RELOAD];
const LITERAL_OFFSET = 0x70;

export function defaultFirmware(): Uint8Array {
  const img = new Uint8Array(LITERAL_OFFSET + LITERALS.length * 4);
  const dv = new DataView(img.buffer);
  dv.setUint32(0, 0x20005000, true); // initial MSP: top of 20 KB SRAM
  dv.setUint32(4, 0x08000000 + CODE_OFFSET + 1, true);
  for (let i = 2; i < 15; i++) dv.setUint32(i * 4, DEFAULT_HANDLER, true);
  dv.setUint32(15 * 4, SYSTICK_HANDLER, true);
  THUMB.forEach((op, i) => dv.setUint16(CODE_OFFSET + i * 2, op, true));
  LITERALS.forEach((w, i) => dv.setUint32(LITERAL_OFFSET + i * 4, w, true));
  return img;
}
