// Compare a range of target memory with an image file's bytes: how many differ and the
// first few, so "is what I flashed what is there?" has an answer without a verify run.
export interface Difference {
  address: number;
  target: number;
  file: number;
}

export interface Comparison {
  compared: number;
  differing: number;
  /** The first differences, in address order (at most `keep`). */
  first: Difference[];
  /** The target returned fewer bytes than the file holds (a read stopped short). */
  short: boolean;
}

export function compareBytes(address: number, target: Uint8Array, file: Uint8Array, keep = 16): Comparison {
  const n = Math.min(target.length, file.length);
  let differing = 0;
  const first: Difference[] = [];
  for (let i = 0; i < n; i++) {
    if (target[i] === file[i]) continue;
    differing++;
    if (first.length < keep) first.push({ address: address + i, target: target[i]!, file: file[i]! });
  }
  return { compared: n, differing, first, short: target.length < file.length };
}
