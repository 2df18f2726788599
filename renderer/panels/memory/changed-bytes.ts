// Bytes changed since the last read: the previous block read is kept and each byte of the
// new one compared with the same address in it (where the two reads overlap), so a
// refresh, a write or the firmware running shows what moved, as Ozone and CubeProgrammer do.
export interface ReadBlock {
  address: number;
  bytes: Uint8Array;
}

/** True when `address` was in the previous read too and held another value then. */
export function byteChanged(prev: ReadBlock | undefined, address: number, value: number): boolean {
  if (!prev) return false;
  const i = address - prev.address;
  return i >= 0 && i < prev.bytes.length && prev.bytes[i] !== value;
}

/** The read before `current`: kept across renders; a re-render of the same block keeps it. */
export class ReadHistory {
  private cur: ReadBlock | undefined;
  private prev: ReadBlock | undefined;

  previousOf(block: ReadBlock): ReadBlock | undefined {
    if (this.cur !== block) {
      this.prev = this.cur;
      this.cur = block;
    }
    return this.prev;
  }
}
