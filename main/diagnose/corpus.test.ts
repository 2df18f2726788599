// Every tuning-set log (the project's own, and the real threads corpus-split.ts keeps for
// tuning) must get its labelled category (the file name's prefix) as the top finding.
// Held-out real threads are never asserted here: bench/diagnose.ts prints their figure.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadCorpus } from './corpus';
import { diagnose } from './engine';
import type { Finding } from '../../shared/diagnose';

const corpus = loadCorpus(join(__dirname, 'corpus'));

/**
 * Tuning logs whose log alone cannot name the thread's cause: another log with the same
 * evidence has another label, or only an experiment outside the log decided it. For each,
 * what the engine must still get right instead of the top finding. Keep this list short
 * and every reason true; a log never moves here to make a rule pass.
 */
const UNDECIDABLE: Record<string, { reason: string; check: (f: Finding[]) => void }> = {
  'openocd-outdated--platformio-xpack-011-daplink-v2-claim-busy': {
    reason: 'same lines as config-error--cmsis-dap-stlink-clone-v2-interface-busy-use-hid-backend (also 0.11): one thread fixed it with the HID backend, the other with a newer OpenOCD',
    check: (f) => expect(f.slice(0, 3).map((x) => x.category)).toEqual(expect.arrayContaining(['config-error', 'openocd-outdated'])),
  },
  'wiring--nucleo-stlink-vsense-not-wired-to-external-target': {
    reason: 'the whole log is one "Target voltage: 0.000000" line, which an unpowered target prints too; only a meter at the header tells a powered target whose VTref sense is not wired: power leads, the VTref wire is second',
    check: (f) => {
      expect(f[0]?.category).toBe('target-unpowered');
      const wiring = f.slice(0, 3).find((x) => x.category === 'wiring');
      expect(wiring?.title).toMatch(/VTref/);
      expect(wiring?.steps[0]?.action).toBe('measure-voltage');
    },
  },
  'wiring--debugprobe-rp2040-jst-connector-not-seated': {
    reason: '"Failed to connect multidrop" from the Debug Probe with no voltage is what a debugprobe build for the wrong board and an unpowered Pico print too (probe-firmware--pico-debugprobe-uf2-without-debug-on-pico-dap-init-failed-trinitum, target-unpowered--debugprobe-picow-not-powered-multidrop): the three tie, the probe build is asked first',
    check: (f) => {
      expect(f.slice(0, 3).map((x) => x.category)).toEqual(expect.arrayContaining(['probe-firmware', 'wiring', 'target-unpowered']));
      expect(f[0]?.decidingQuestion?.action).toBe('update-probe-firmware');
      expect(f[0]?.steps.map((s) => s.text).join(' ')).toMatch(/JST cable is fully seated/);
    },
  },
  'target-unpowered--debugprobe-picow-not-powered-multidrop': {
    reason: 'the same multidrop line with no voltage and no probe named: build, wires and power tie (see wiring--debugprobe-rp2040-jst-connector-not-seated); only powering the Pico W showed it was power',
    check: (f) => {
      expect(f.slice(0, 3).map((x) => x.category)).toEqual(expect.arrayContaining(['probe-firmware', 'wiring', 'target-unpowered']));
      expect(f[0]?.steps.map((s) => s.text).join(' ')).toMatch(/Power the target on its own/);
    },
  },
  'signal-integrity--k210-weak-tdo-jlink-garbage-idcode': {
    reason: 'a garbled IDCODE at 3.3 V is a bad wire or a weak TDO alike; only a buffered adapter showed it was the drive strength',
    check: (f) => expect(f.slice(0, 3).map((x) => x.category)).toEqual(expect.arrayContaining(['wiring', 'signal-integrity'])),
  },
  'wrong-target--cubeide-st-fork-012-counterfeit-bluepill-init-mode-failed': {
    reason: '"init mode failed" at 3.27 V is also what firmware that disabled SWD and a loose wire print; only ST-LINK Utility showed a counterfeit chip',
    check: (f) => {
      expect(f.slice(0, 3).map((x) => x.category)).toContain('wrong-target');
      expect(f[0]?.steps.map((s) => s.text).join(' ')).toMatch(/clone or counterfeit/);
    },
  },
  'probe-firmware--nucleo-l053r8-old-stlink-firmware-wrong-device-detected-sw4stm32': {
    reason: '"init mode failed" at 4 MHz is also what firmware that disabled SWD and a loose wire print; only the ST-LINK upgrade showed it was the V2J25 firmware',
    check: (f) => expect(f.slice(0, 3).map((x) => x.category)).toContain('probe-firmware'),
  },
  'usb-permission--pico-lab-daplink-linux-no-sudo-no-matching-cmsis-dap': {
    reason: '"unable to find a matching CMSIS-DAP device" is also what an unplugged probe prints (adapter-not-found--cmsis-dap-not-plugged): on Linux a probe the user may not open is skipped at debug level; the USB scan or a run with sudo decides',
    check: (f) => expect(f.slice(0, 2).map((x) => x.category)).toEqual(expect.arrayContaining(['adapter-not-found', 'usb-permission'])),
  },
  'openocd-outdated--esp-idf-441-buggy-openocd-ft2232hl-libusb-no-device': {
    reason: 'the log shows the FTDI adapter dropping off USB; that this build lost it (not the cable) only the upgrade showed',
    check: (f) => {
      expect(f[0]?.category).toBe('adapter-not-found');
      expect(f[0]?.steps.map((s) => s.action)).toContain('update-openocd');
    },
  },
};
const tuning = corpus.filter((e) => e.set === 'tuning' && UNDECIDABLE[e.name] === undefined);

describe('diagnosis corpus', () => {
  it('holds real runs, user reports and source-assembled logs', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    expect(corpus.filter((e) => e.kind === 'real run' || e.kind === 'virtual-board capture').length).toBeGreaterThanOrEqual(15);
    expect(corpus.filter((e) => e.kind === 'user report').length).toBeGreaterThanOrEqual(3);
  });

  it('real threads carry their label fields; only they can be held out', () => {
    for (const e of corpus.filter((x) => x.kind === 'real thread'))
      for (const field of ['source', 'cause', 'fix', 'confidence']) expect(e.header[field], `${e.name}: ${field}`).toBeTruthy();
    expect(corpus.filter((e) => e.set === 'held-out').every((e) => e.kind === 'real thread')).toBe(true);
  });

  it.each(tuning.map((e) => [`${e.kind === 'real thread' ? 'real/' : ''}${e.name}`, e] as const))('%s', (_name, entry) => {
    const findings = diagnose(entry.input);
    expect(findings[0]?.category).toBe(entry.expected);
    // The top finding shows where it came from and what to do.
    expect(findings[0]?.evidence.length).toBeGreaterThan(0);
    expect(findings[0]?.steps.length).toBeGreaterThan(0);
  });

  it.each(Object.entries(UNDECIDABLE))('undecidable from the log alone: %s', (name, { check }) => {
    const entry = corpus.find((e) => e.name === name);
    // Only tuning logs may be listed: held-out logs are never looked at.
    expect(entry?.set, `${name} is not a tuning-set log`).toBe('tuning');
    check(diagnose(entry!.input));
  });

  // The seed reports are the problems the troubleshooter exists for; their threads' conclusions.
  it.each([
    ['gdb-attach-not-halted--seed-kinetis-cannot-communicate', 'gdb-attach-not-halted', 'add-gdb-attach-reset-init'],
    ['wiring--seed-particle-p1-init-mode-failed', 'wiring', 'check-wiring'],
    ['needs-reset-hold--seed-bluepill-invalid-mode', 'needs-reset-hold', 'retry-connect-under-reset'],
  ])('seed %s -> %s, first step offers %s', (name, category, action) => {
    const entry = corpus.find((e) => e.name === name);
    expect(entry).toBeDefined();
    const top = diagnose(entry!.input)[0];
    expect(top?.category).toBe(category);
    expect(top?.steps[0]?.action).toBe(action);
  });
});
