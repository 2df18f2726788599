// Issue 17: a text file named .elf or .hex is called what it is ("not an ELF file:
// it is a plain text file"), never "binary data".
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../openocd/errors';
import { detectFormat } from './detect';

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return `${(e as ValidationError).message}\n${(e as ValidationError).hint ?? ''}`;
  }
  throw new Error('expected a ValidationError');
}

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('an image whose name and content disagree', () => {
  it('a text file named .elf is "not an ELF file", shown with its first line', () => {
    const m = messageOf(() => detectFormat('firmware.elf', text('Hello, this is my README\nsecond line\n')));
    expect(m).toContain('firmware.elf: not an ELF file: it is a plain text file (it starts "Hello, this is my README")');
    expect(m).toContain('An ELF file starts with the bytes 7f 45 4c 46');
    expect(m).not.toMatch(/binary data/);
  });

  it('a text file named .hex is "not an Intel HEX file"', () => {
    const m = messageOf(() => detectFormat('app.hex', text('just some notes')));
    expect(m).toContain('app.hex: not an Intel HEX file: it is a plain text file (it starts "just some notes")');
    expect(m).toContain('text lines that start with ":"');
  });

  it('binary bytes named .hex and an empty .elf say so', () => {
    expect(messageOf(() => detectFormat('a.hex', new Uint8Array([0, 1, 2, 0xff])))).toContain('a.hex: not an Intel HEX file: its content is neither ELF nor a text image format');
    expect(messageOf(() => detectFormat('b.elf', new Uint8Array()))).toContain('b.elf: not an ELF file: the file is empty');
  });
});
