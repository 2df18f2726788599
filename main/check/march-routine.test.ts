// The embedded on-target routine is exactly what its source assembles to (CI installs
// Debian's gcc-arm-none-eabi, which brings the assembler).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MARCH_ROUTINE_HEX } from './march-routine';

describe('on-target March C- routine', () => {
  it('matches march-c.S as assembled by arm-none-eabi-as', () => {
    const out = execFileSync('bash', [path.join(__dirname, '..', '..', 'scripts', 'build-check-routines.sh')], { encoding: 'utf8' });
    expect(out.trim()).toBe(MARCH_ROUTINE_HEX);
  });
});
