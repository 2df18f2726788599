import { describe, expect, it } from 'vitest';
import { ERROR_RULES, findRule, mapOpenOcdError } from './error-map';
import {
  BreakpointError,
  ConnectionError,
  FlashError,
  JTAGError,
  OpenOCDError,
  ProcessError,
  TargetError,
  TargetNotHaltedError,
  ValidationError,
} from './errors';

// Lines marked (real) were captured from OpenOCD 0.12.0 on this machine or come
// from the user reports in shared/seeds; the others are the 0.12 format strings
// filled in (source file noted).
const CASES: Array<[string, string, new (...a: never[]) => OpenOCDError]> = [
  ['real, seeds/002', 'Warn : Cannot communicate... target not halted.', TargetNotHaltedError],
  ['target.c', 'Error: Target not halted', TargetNotHaltedError],
  ['armv7m.c', 'Error: target not halted', TargetNotHaltedError],
  ['breakpoints.c', 'Error: target stm32f1x.cpu is not halted (add breakpoint)', TargetNotHaltedError],
  ['stm32f1x.c', 'Error: stm32x device protected', FlashError],
  ['stm32f2x.c', 'Error: flash memory write protected', FlashError],
  ['stm32f1x.c', 'Error: timed out waiting for flash', FlashError],
  ['core.c', 'Error: failed erasing sectors 0 to 3', FlashError],
  ['core.c', 'Error: error writing to flash at address 0x08000000 at offset 0x00000000', FlashError],
  ['stm32f1x.c', 'Error: flash write failed at address 0x8000400', FlashError],
  ['core.c', 'Error: verify failed in bank at 0x08000000 starting at 0x00000010', FlashError],
  ['startup.tcl', '** Programming Failed **', FlashError],
  ['real, seeds/002', 'Error: auto_probe failed', FlashError],
  ['real', 'Error: stm32f1x.cpu: IR capture error; saw 0x0f not 0x01', JTAGError],
  ['real, seeds/004', 'Error: jtag status contains invalid mode value - communication failure', JTAGError],
  ['core.c', 'Error: JTAG scan chain interrogation failed: all ones', JTAGError],
  ['real', 'Error: Invalid ACK (7) in DAP response', JTAGError],
  ['real', 'Error: JTAG-DP STICKY ERROR', JTAGError],
  ['real', 'Warn : Unexpected idcode after end of chain: 21 0xfffff800', JTAGError],
  ['core.c', 'Error: JTAG tap: stm32f1x.cpu       UNEXPECTED: 0x1ba01477 (mfg: 0x23b (ARM Ltd), part: 0xba01, ver: 0x1)', JTAGError],
  ['arm_adi_v5.c', 'Error: Failed to read memory at 0x20005000', TargetError],
  ['arm_adi_v5.c', 'Error: Failed to write memory at 0x08000000', TargetError],
  ['target.c', 'Error: Target not examined yet', TargetError],
  ['real', 'Error: [stm32f1x.cpu] Can not find free FPB Comparator!', BreakpointError],
  ['real', 'Warn : [stm32f1x.cpu] target not halted', TargetNotHaltedError],
  ['real', "Error: Could not read register 'pc'", TargetError],
  ['real', "Error: Could not write to register 'r0'", TargetError],
  ['real', "Error: couldn't open /nonexistent.bin", ValidationError],
  ['real', 'Error: checksum mismatch - attempting binary compare', FlashError],
  ['breakpoints.c', 'Error: can\'t add breakpoint: resource not available', BreakpointError],
  ['server.c', 'Error: couldn\'t bind tcl to socket on port 6666: Address already in use', ConnectionError],
  ['jlink.c', 'Error: No J-Link device found', ProcessError],
  ['real', 'embedded:startup.tcl:28: Error: Can\'t find interface/xyz.cfg', ProcessError],
  ['real', 'invalid command name "mdw"', OpenOCDError],
  ['real', 'Error: double-check your JTAG setup (interface, speed, ...)', JTAGError],
  ['real, seeds/002', "Error: attempted 'gdb' connection rejected", ConnectionError],
  ['stm32f1x.c', 'Error: stm32x device programming failed / flash not erased', FlashError],
  ['stm32f1x.c', 'Error: flash not unlocked STM32_FLASH_CR: 0x00000080', FlashError],
  ['tcl_server.c', 'line too long', ValidationError],
  ['cortex_m.c', 'Error: Could not find MEM-AP to control the core', TargetError],
  ['target.c', "Error: target 'stm32f1x.cpu' not defined", TargetError],
  ['target.c', 'Error: timed out while waiting for target halted', TargetError],
];

describe('error-map rules', () => {
  it.each(CASES)('(%s) %s', (_src, text, cls) => {
    const err = mapOpenOcdError({ message: '', logLines: [text] });
    expect(err.constructor).toBe(cls);
    expect(err.openocdText).toBe(text);
  });

  it('every rule is exercised by a case above', () => {
    const used = new Set(CASES.map(([, text]) => findRule([text])?.rule.id));
    expect(ERROR_RULES.map((r) => r.id).filter((id) => !used.has(id))).toEqual([]);
  });

  // Real replies + log lines captured from OpenOCD 0.12.0 driving the virtual board.
  it('a bus fault is a memory error, not a JTAG error (mdw fails with an empty Tcl result)', () => {
    const e = mapOpenOcdError({ command: 'mdw 0xA0000000', message: '', logLines: ['Error: JTAG-DP STICKY ERROR', 'Error: Failed to read memory at 0xa0000000'] });
    expect(e).toBeInstanceOf(TargetError);
    expect(e.message).toBe('Failed to read memory at 0xa0000000');
    expect(e.openocdText).toBe('Error: JTAG-DP STICKY ERROR\nError: Failed to read memory at 0xa0000000');
    const r = mapOpenOcdError({
      command: 'read_memory 0xA0000000 32 1',
      message: 'read_memory: failed to read memory',
      logLines: ['Error: JTAG-DP STICKY ERROR', 'Error: Failed to read memory at 0xa0000000', 'Error: read_memory: read at 0xa0000000 with width=32 and count=1 failed'],
    });
    expect(r).toBeInstanceOf(TargetError);
    expect(r.message).toBe('read_memory: failed to read memory');
  });

  it('takes the first Error line over command output when no rule knows the failure', () => {
    const e = mapOpenOcdError({ command: 'transport select swd', message: '', logLines: ["Error: Can't change session's transport after the initial selection was made"] });
    expect(e.constructor).toBe(OpenOCDError);
    expect(e.message).toBe("Can't change session's transport after the initial selection was made");
    const f = mapOpenOcdError({ command: 'x', message: 'auto erase enabled', logLines: ['Error: something new'] });
    expect(f.message).toBe('something new');
  });

  it('flash erase on a read-protected chip', () => {
    const e = mapOpenOcdError({ command: 'flash erase_sector 0 0 0', message: '', logLines: ['Error: stm32x device protected', 'Error: failed erasing sectors 0 to 0'] });
    expect(e).toBeInstanceOf(FlashError);
    expect(e.message).toBe('stm32x device protected');
    expect(e.hint).toMatch(/unlock/);
  });

  it('says which command failed when OpenOCD says nothing', () => {
    const e = mapOpenOcdError({ command: 'transport select swd', message: '' });
    expect(e.constructor).toBe(OpenOCDError);
    expect(e.message).toBe("'transport select swd' failed");
  });

  it('ranks "not halted" above the flash failure it causes, and carries a hint', () => {
    const e = mapOpenOcdError({ message: '', logLines: ['Error: failed erasing sectors 0 to 0', 'Error: Target not halted'] });
    expect(e).toBeInstanceOf(TargetNotHaltedError);
    expect(e.hint).toMatch(/Halt/);
    expect(e.toValue().kind).toBe('TargetNotHaltedError');
  });
});
