// Memory: codec on recorded read_memory replies, the commands readBytes/writeBytes build for
// any alignment, typed accessors, validation, and the tools (fill, search, hexdump).
import { describe, expect, it } from 'vitest';
import { JTAGError, TargetError, ValidationError } from '../openocd/errors';
import { formatHexdump } from './hexdump';
import { decodeElements, encodeElements } from './memory-codec';
import { Memory } from './memory';
import { findAll } from './memory-tools';
import { RecordedRunner } from './testing/recorded-runner';

/** A runner backed by a byte array, answering read_memory/write_memory like OpenOCD. */
function fakeTarget(base: number, size: number): { runner: RecordedRunner; mem: Uint8Array } {
  const mem = new Uint8Array(size);
  const runner = new RecordedRunner()
    .on('[target current] cget -endian', 'little')
    .on(/^read_memory /, (tcl) => {
      const [, a, w, c] = tcl.split(' ');
      const at = Number(a) - base;
      const width = Number(w) / 8;
      const out: string[] = [];
      for (let i = 0; i < Number(c); i++) {
        let v = 0;
        for (let b = width - 1; b >= 0; b--) v = v * 256 + (mem[at + i * width + b] ?? 0);
        out.push('0x' + v.toString(16));
      }
      return out.join(' ');
    })
    .on(/^set __bw_log .*write_memory /, () => '')
    .on(/write_memory/, () => '');
  // write_memory comes guarded: decode it and answer "0 {} {}".
  const orig = runner.command.bind(runner);
  runner.command = async (tcl, opts) => {
    const m = /write_memory (0x[0-9a-f]+) (\d+) \{([^}]*)\}/.exec(tcl);
    if (m) {
      runner.sent.push({ tcl });
      const width = Number(m[2]) / 8;
      (m[3] as string).split(' ').forEach((v, i) => {
        let x = Number(v);
        for (let b = 0; b < width; b++) {
          mem[Number(m[1]) - base + i * width + b] = x & 0xff;
          x = Math.floor(x / 256);
        }
      });
      return '0 {} {}';
    }
    return orig(tcl, opts);
  };
  return { runner, mem };
}

describe('memory codec', () => {
  it('decodes a recorded 8-bit and 32-bit reply', () => {
    const out = new Uint8Array(8);
    decodeElements('0x41 0x41 0x0 0xff', 8, out, 0, 4);
    decodeElements('0x12345678', 32, out, 4, 1);
    expect([...out]).toEqual([0x41, 0x41, 0, 0xff, 0x78, 0x56, 0x34, 0x12]);
  });

  it('throws OpenOCD text as TargetError when the reply is not data', () => {
    expect(() => decodeElements('read_memory: failed to read memory', 32, new Uint8Array(4), 0, 1)).toThrow(TargetError);
    expect(() => decodeElements('0x1 0x2', 32, new Uint8Array(4), 0, 1)).toThrow(TargetError);
  });

  it('encodes little- and big-endian words', () => {
    expect(encodeElements(Uint8Array.from([0x78, 0x56, 0x34, 0x12, 1, 0, 0, 0]), 32)).toBe('0x12345678 0x1');
    expect(encodeElements(Uint8Array.from([0x12, 0x34]), 16, true)).toBe('0x1234');
  });
});

describe('Memory', () => {
  it('reads an unaligned range as bytes + words + bytes and returns the right bytes', async () => {
    const { runner, mem } = fakeTarget(0x20000000, 64);
    mem.forEach((_, i) => (mem[i] = i));
    const m = new Memory(runner);
    const bytes = await m.readBytes(0x20000003, 10);
    expect([...bytes]).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(runner.commands.filter((c) => c.startsWith('read_memory'))).toEqual([
      'read_memory 0x20000003 8 1',
      'read_memory 0x20000004 32 2',
      'read_memory 0x2000000c 8 1',
    ]);
  });

  it('splits big reads into chunk-sized commands', async () => {
    const { runner } = fakeTarget(0x20000000, 0x5000);
    await new Memory(runner, { chunkBytes: 0x1000 }).readBytes(0x20000000, 0x2800);
    expect(runner.commands.filter((c) => c.startsWith('read_memory'))).toEqual([
      'read_memory 0x20000000 32 1024',
      'read_memory 0x20001000 32 1024',
      'read_memory 0x20002000 32 512',
    ]);
  });

  it('round-trips writeBytes and every typed width', async () => {
    const { runner } = fakeTarget(0x20000000, 64);
    const m = new Memory(runner);
    await m.writeBytes(0x20000001, Uint8Array.from([1, 2, 3, 4, 5, 6, 7]));
    expect([...(await m.readBytes(0x20000000, 9))]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 0]);
    await m.writeU16(0x20000010, [0xbeef, 0x1234]);
    expect(await m.readU16(0x20000010, 2)).toEqual([0xbeef, 0x1234]);
    await m.writeU32(0x20000014, 0xdeadbeef);
    expect(await m.readU32(0x20000014)).toBe(0xdeadbeef);
    await m.writeU8(0x20000018, 0x5a);
    expect(await m.readU8(0x20000018)).toBe(0x5a);
    await m.writeU64(0x20000020, [0x0123456789abcdefn]);
    expect(await m.readU64(0x20000020)).toBe(0x0123456789abcdefn);
    expect(await m.readU32(0x20000020)).toBe(0x89abcdef);
  });

  it('rejects bad input before OpenOCD sees it, naming the address', async () => {
    const runner = new RecordedRunner();
    const m = new Memory(runner);
    await expect(m.readU32(0x20000002)).rejects.toThrow(new ValidationError('address 0x20000002 is not aligned for a 32-bit access'));
    await expect(m.readU32(-1)).rejects.toThrow(new ValidationError('invalid address -1: must be a non-negative integer'));
    await expect(m.readBytes(0xfffffff0, 0x20)).rejects.toThrow(/range 0xfffffff0\.\.0x10000000f runs past the end/);
    await expect(m.readBytes(-4, 4)).rejects.toThrow(ValidationError);
    await expect(m.writeU8(0x20000000, 256)).rejects.toThrow('value 256 does not fit in 8 bits');
    await expect(m.readU16(0x20000000, 0)).rejects.toThrow(ValidationError);
    expect(runner.sent).toEqual([]);
  });

  it('turns a failed read into TargetError naming the address, with OpenOCD text', async () => {
    const text = 'read_memory: failed to read memory\nError: JTAG-DP STICKY ERROR\nError: Failed to read memory at 0x60000004';
    const runner = new RecordedRunner()
      .on('[target current] cget -endian', 'little')
      .on(/^read_memory/, new JTAGError('read_memory: failed to read memory', { openocdText: text }));
    const err: unknown = await new Memory(runner).readBytes(0x60000000, 8).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TargetError);
    expect((err as TargetError).message).toBe('memory read at 0x60000000 (8 bytes) failed: read_memory: failed to read memory');
    expect((err as TargetError).openocdText).toBe(text);
  });

  it('fills with one mww for the aligned body', async () => {
    const { runner, mem } = fakeTarget(0x20000000, 32);
    runner.onGuarded(/^mww /, 0, '');
    await new Memory(runner).fill(0x20000002, 12, 0xab);
    expect(runner.commands).toContain('mww 0x20000004 0xabababab 2');
    expect([...mem.subarray(2, 4)]).toEqual([0xab, 0xab]);
    expect([...mem.subarray(12, 14)]).toEqual([0xab, 0xab]);
  });

  it('searches across chunk edges', async () => {
    const { runner, mem } = fakeTarget(0x20000000, 0x100);
    mem.set([0xde, 0xad, 0xbe, 0xef], 0x3e); // straddles the 0x40 chunk edge
    mem.set([0xde, 0xad, 0xbe, 0xef], 0x80);
    const found = await new Memory(runner).search(0x20000000, 0x100, [0xde, 0xad, 0xbe, 0xef], { chunkBytes: 0x40 });
    expect(found).toEqual([0x2000003e, 0x20000080]);
    expect(findAll(Uint8Array.from([1, 1, 1]), Uint8Array.from([1, 1]))).toEqual([0, 1]);
  });
});

describe('hexdump', () => {
  it('prints classic 16-byte rows with ASCII', () => {
    const bytes = new TextEncoder().encode('Hello, board\u0000\u00ff\u0010\u007fXY');
    expect(formatHexdump(bytes.subarray(0, 18), 0x20000000)).toBe(
      '20000000  48 65 6c 6c 6f 2c 20 62  6f 61 72 64 00 c3 bf 10  |Hello, board....|\n' +
        '20000010  7f 58                                             |.X              |',
    );
  });
  it('starts mid-row with blank cells', () => {
    const blank = '   '.repeat(15) + ' '; // 15 empty cells and the group gap
    expect(formatHexdump(Uint8Array.from([0x41]), 0x1f)).toBe(`00000010  ${blank}41  |               A|`);
  });
});
