// Root cause over consequences, multi-run logs, wrapped lines, the deciding question and
// the version tables: each case is a few OpenOCD lines (formats from the 0.12 source) whose
// right answer differs from what the last or loudest line says.
import { describe, expect, it } from 'vitest';
import { diagnose } from './engine';
import { normalizeLine } from './normalize';
import { newerCommand, newerScript, removedScript } from './signatures/version-knowledge';
import { judgeDevId } from './stm32-devids';
import { extractFacts } from './facts';

const cats = (log: string[]) => diagnose({ log }).map((f) => f.category);

describe('root cause over consequences', () => {
  it('an adapter open error the adapter got over is not the cause', () => {
    const log = ['Error: libusb_open() failed with LIBUSB_ERROR_NOT_SUPPORTED', 'Info : clock speed 800 kHz', 'Info : JTAG tap: riscv.cpu tap/device found: 0x10001fff (mfg: 0x7ff (<invalid>), part: 0x0001, ver: 0x1)', 'Error: dtmcontrol is 0. Check JTAG connectivity/board power.'];
    expect(cats(log)[0]).not.toBe('usb-permission');
  });

  it('"No J-Link device found" after libjaylink could not open it is a driver problem (Windows), not a missing probe', () => {
    expect(cats(['Warn : Failed to open device: LIBUSB_ERROR_NOT_FOUND.', 'Error: No J-Link device found'])[0]).toBe('usb-permission');
    expect(cats(['Error: No J-Link device found'])[0]).toBe('adapter-not-found');
  });

  it('the adapter dropping off USB explains the polling failures after it', () => {
    const f = diagnose({ log: ['Error: unable to purge ftdi rx buffers: LIBUSB_ERROR_NO_DEVICE', 'Polling target esp32.cpu0 failed, trying to reexamine', 'Examination failed, GDB will be halted. Polling again in 6300ms'] });
    expect(f[0]?.category).toBe('adapter-not-found');
    expect(f[0]?.title).toMatch(/dropped off USB/);
  });

  it('gdb "Connect failed" after the flash driver could not identify the chip: the chip is the cause', () => {
    const log = ['Info : STM32F303RETx.cpu: hardware has 4 breakpoints, 2 watchpoints', 'Error: Cannot identify target as a stm32x', 'Error: auto_probe failed', "Error: Connect failed. Consider setting up a gdb-attach event for the target to prepare target for GDB connect, or use 'gdb_memory_map disable'."];
    expect(cats(log)[0]).toBe('wrong-target');
  });

  it('a chain that read the expected IDCODEs has power: "Debug regions are unpowered" is the firmware', () => {
    const log = ['Info : JTAG tap: stm32f1x.cpu tap/device found: 0x3ba00477 (mfg: 0x23b (ARM Ltd.), part: 0xba00, ver: 0x3)', 'Error: Debug regions are unpowered, an unexpected reset might have happened', 'Error: JTAG-DP STICKY ERROR'];
    expect(cats(log)[0]).toBe('needs-reset-hold');
  });

  it('a harmless warning does not win over a later real error', () => {
    // Alone the warning would lead (wiring 0.55 against 0.5); before a real error it steps back.
    expect(cats(['Warn : Unexpected idcode after end of chain: 21 0xfffff800'])[0]).toBe('wiring');
    expect(cats(['Warn : Unexpected idcode after end of chain: 21 0xfffff800', 'Error: timed out while waiting for target halted'])[0]).toBe('needs-reset-hold');
  });
});

describe('STM32 device ids', () => {
  const lines = (t: string[]) => t.map((x, i) => normalizeLine(x, i));
  it('another density than the part the cfg names is another chip; the cfg family with a failed probe is an old driver', () => {
    const clone = lines(['Info : STM32F103C8Tx.cpu: Cortex-M3 r2p0 processor detected', 'Info : device id = 0x10010414']);
    expect(judgeDevId(extractFacts(clone), clone, false)?.kind).toBe('other-chip');
    const f7 = lines(['Info : stm32f7x.cpu: hardware has 8 breakpoints, 4 watchpoints', 'Info : device id = 0x10006451', 'Warn : Cannot identify target as a STM32 family.']);
    expect(judgeDevId(extractFacts(f7), f7, true)?.kind).toBe('driver-too-old');
    const genuine = lines(['Info : STM32F103C8Tx.cpu: Cortex-M3 r2p0 processor detected', 'Info : device id = 0x20036410']);
    expect(judgeDevId(extractFacts(genuine), genuine, false)).toBeUndefined();
  });
});

describe('lines as IDEs paste them', () => {
  it('strips wrapper noise before the level prefix', () => {
    expect(normalizeLine('none separate Error: init mode failed (unable to connect to the target)', 0)).toMatchObject({ text: 'init mode failed (unable to connect to the target)', level: 'error' });
    expect(normalizeLine('? Error: libusb_handle_events() failed with LIBUSB_ERROR_NO_DEVICE', 0).text).toBe('libusb_handle_events() failed with LIBUSB_ERROR_NO_DEVICE');
    expect(normalizeLine("openocd/interface_stlink.cfg:1: Error: Can't find interface/stlink.cfg", 0).text).toBe("Can't find interface/stlink.cfg");
    expect(normalizeLine('xPSR: 0x01000000 pc: 0x08000130 msp: 0x20005000', 0).level).toBeUndefined();
  });
  it('gives back the characters a forum or blog changed, and keeps the pasted line as evidence', () => {
    const curly = normalizeLine('Error: Can\u2019t find interface/stlink-v2.cfg', 0);
    expect(curly.text).toBe("Can't find interface/stlink-v2.cfg");
    expect(curly.raw).toBe('Error: Can\u2019t find interface/stlink-v2.cfg');
    expect(normalizeLine('in procedure \u2018init\u2019', 0).text).toBe("in procedure 'init'");
    expect(normalizeLine('Error: invalid command name &quot;hla_layout&quot;', 0).text).toBe('invalid command name "hla_layout"');
    expect(normalizeLine('**Warn : UNEXPECTED idcode: 0x2ba01477**', 0)).toMatchObject({ text: 'UNEXPECTED idcode: 0x2ba01477', level: 'warning' });
    expect(normalizeLine('Info\u00a0: clock speed 1000 kHz', 0)).toMatchObject({ text: 'clock speed 1000 kHz', level: 'info' });
    // A curly-quoted cfg name still reaches the rule that suggests the renamed script.
    expect(cats(['Error: Can\u2019t find interface/stlink-v2.cfg'])[0]).toBe('config-not-found');
  });
});

describe('several runs in one log', () => {
  it('the finding is about the last run and says what changed', () => {
    const log = [
      'Open On-Chip Debugger 0.12.0',
      'Info : clock speed 4000 kHz',
      'Error: JTAG scan chain interrogation failed: all ones',
      'Open On-Chip Debugger 0.12.0',
      'Info : clock speed 100 kHz',
      "Error: couldn't bind tcl to socket on port 6666: Address already in use",
    ];
    const f = diagnose({ log });
    expect(f[0]?.category).toBe('port-in-use');
    expect(f[0]?.explanation).toMatch(/2 OpenOCD runs; this finding is about the last one\. Changed since the run before: speed: 4000 kHz -> 100 kHz/);
    expect(f.map((x) => x.category)).not.toContain('wiring');
  });
});

describe('version tables from OpenOCD tags', () => {
  it('know when scripts and commands appeared and went', () => {
    expect(newerScript('target/rp2040.cfg')).toBe('0.12.0');
    expect(newerScript('/usr/share/openocd/scripts/interface/stlink.cfg')).toBe('0.11.0');
    expect(removedScript('target/stm32f1x_stlink.cfg')).toBe('0.11.0');
    expect(newerCommand('nrf52_recover', '0.10.0')).toBe('0.11.0');
    // A name alone (version unknown) is not proof: only the hand-checked table answers then.
    expect(newerCommand('nrf52_recover')).toBeUndefined();
    expect(newerCommand('nrf52_recover', '0.12.0')).toBeUndefined();
  });
});

describe('a command missing from the binary that its own scripts call', () => {
  it('is an old build, not the configuration; a removed command in old scripts stays a configuration problem', () => {
    const banner = 'Open On-Chip Debugger  v0.10.0-esp32-20210401 (2021-04-01-15:46)';
    const own = '~/.espressif/tools/openocd-esp32/v0.10.0-esp32-20210401/openocd-esp32/share/openocd/scripts/target/esp_common.cfg:100: Error: invalid command name "esp"';
    const top = diagnose({ log: [banner, own] })[0];
    expect(top?.category).toBe('openocd-outdated');
    expect(top?.title).toContain('target/esp_common.cfg');
    // The same error from the user's own cfg is the configuration.
    expect(cats([banner, 'boards/mine/openocd.cfg:3: Error: invalid command name "esp"'])[0]).toBe('config-error');
    // Old scripts beside a newer binary: the command was renamed, the scripts are what is old.
    expect(cats(['Open On-Chip Debugger 0.12.0', '/usr/share/openocd/scripts/board/old.cfg:5: Error: invalid command name "jtag_khz"'])[0]).toBe('config-error');
  });
  it('a variable the sourced target script never set is the configuration, named', () => {
    const f = diagnose({ log: ['RIOT/boards/rpi-pico/dist/openocd.cfg:2: Error: can\'t read "_TARGETNAME": no such variable'] })[0];
    expect(f?.category).toBe('config-error');
    expect(f?.title).toContain('$_TARGETNAME');
    expect(f?.explanation).toContain('RIOT/boards/rpi-pico/dist/openocd.cfg');
  });
});

describe('RP2040 multidrop without an answer', () => {
  const multidrop = 'Error: Failed to connect multidrop rp2040.dap0';
  it('from a Raspberry Pi debugprobe: the build for the wrong board leads, wires and power tie below it', () => {
    const f = diagnose({ log: ['Info : Using CMSIS-DAPv2 interface with VID:PID=0x2e8a:0x000c, serial=E6616407E32D4229', 'Info : CMSIS-DAP: FW Version = 2.0.0', multidrop] });
    expect(f.slice(0, 3).map((x) => x.category)).toEqual(['probe-firmware', 'wiring', 'target-unpowered']);
    expect(f[0]?.decidingQuestion?.action).toBe('update-probe-firmware');
  });
  it('from another probe: no debugprobe build to blame, power and wires decide', () => {
    const f = diagnose({ log: ['Info : J-Link V11 compiled Nov 22 2023', 'Info : VTarget = 3.300 V', multidrop] });
    expect(f[0]?.category).not.toBe('probe-firmware');
    const g = diagnose({ log: ['Info : Using CMSIS-DAPv2 interface with VID:PID=0x0d28:0x0204, serial=0240000', multidrop] });
    expect(g[0]?.category).not.toBe('probe-firmware');
  });
});
