// What a new Blue Pill ships with: a blink program on PC13. Hand-assembled Thumb code, so the
// board boots into a valid reset vector (a blank chip would lock up instead, as real ones do).
const CODE_OFFSET = 0x40;
const HANDLER = 0x0800005f; // `b .` at 0x5E, thumb bit set

const THUMB: number[] = [
  0x4807, // 40: ldr  r0, =RCC_APB2ENR
  0x2110, // 42: movs r1, #0x10      (IOPCEN)
  0x6001, // 44: str  r1, [r0]
  0x4807, // 46: ldr  r0, =GPIOC_CRH
  0x4907, // 48: ldr  r1, =0x44344444 (PC13 push-pull output)
  0x6001, // 4A: str  r1, [r0]
  0x4807, // 4C: ldr  r0, =GPIOC_ODR
  0x4a08, // 4E: ldr  r2, =1 << 13
  0x6801, // 50: loop: ldr r1, [r0]
  0x4051, // 52: eors r1, r2
  0x6001, // 54: str  r1, [r0]
  0x4b07, // 56: ldr  r3, =400000
  0x3b01, // 58: delay: subs r3, #1
  0xd1fd, // 5A: bne  delay
  0xe7f8, // 5C: b    loop
  0xe7fe, // 5E: default handler: b .
];
const LITERALS = [0x40021018, 0x40011004, 0x44344444, 0x4001100c, 0x00002000, 400000];

export function defaultFirmware(): Uint8Array {
  const img = new Uint8Array(0x78);
  const dv = new DataView(img.buffer);
  dv.setUint32(0, 0x20005000, true); // initial MSP: top of 20 KB SRAM
  dv.setUint32(4, 0x08000000 + CODE_OFFSET + 1, true);
  for (let i = 2; i < 16; i++) dv.setUint32(i * 4, HANDLER, true);
  THUMB.forEach((op, i) => dv.setUint16(CODE_OFFSET + i * 2, op, true));
  LITERALS.forEach((w, i) => dv.setUint32(0x60 + i * 4, w, true));
  return img;
}
