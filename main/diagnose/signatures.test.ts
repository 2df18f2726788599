// One example per signature rule (signature-examples.ts), checked against the rule table
// and the engine's top finding.
import { describe, expect, it } from 'vitest';
import { SIGNATURES } from './signatures/index';
import { matchRules, diagnose } from './engine';
import { toLines } from './normalize';
import type { DiagnosisCategory } from '../../shared/diagnose';
import { EXAMPLES } from './signature-examples';


function rulesMatching(line: string): Array<{ category: DiagnosisCategory; id: string }> {
  const out: Array<{ category: DiagnosisCategory; id: string }> = [];
  for (const [category, hits] of matchRules(toLines({ log: line }))) for (const h of hits) out.push({ category, id: h.rule.id });
  return out;
}

describe('signature tables', () => {
  it.each(EXAMPLES)('%s (%s) matches its OpenOCD message', (id, category, line) => {
    expect(rulesMatching(line)).toContainEqual({ category, id });
  });

  it.each(EXAMPLES.filter(([, , , top]) => top !== undefined))('%s: a log of that line alone is diagnosed as %s', (_id, _cat, line, top) => {
    expect(diagnose({ log: line })[0]?.category).toBe(top);
  });

  it('every rule has an example above and names its OpenOCD source file', () => {
    const covered = new Set(EXAMPLES.flatMap(([, , line]) => rulesMatching(line).map((r) => `${r.category}/${r.id}`)));
    for (const table of SIGNATURES)
      for (const rule of table.rules) {
        expect(covered, `${table.category}/${rule.id} lacks an example`).toContain(`${table.category}/${rule.id}`);
        expect(rule.source).toMatch(/src\/|tcl\/|jimtcl|libusb|libftdi|ftd2xx|^fork:/);
      }
  });

  it('rule ids are unique within a category', () => {
    for (const table of SIGNATURES) {
      const ids = table.rules.map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('a good scan followed by changing DAP errors is signal-integrity, not wiring', () => {
    const log = [
      'Info : JTAG tap: stm32f1x.cpu tap/device found: 0x3ba00477 (mfg: 0x23b (ARM Ltd), part: 0xba00, ver: 0x3)',
      'Error: Invalid ACK (6) in DAP response',
      'Error: Invalid ACK (3) in DAP response',
    ];
    const f = diagnose({ log });
    expect(f[0]?.category).toBe('signal-integrity');
    expect(f[0]?.steps.map((s) => s.action)).toContain('lower-adapter-speed');
    // The same ACK error after a chain of all ones is a dead line: wiring or power, never this.
    expect(diagnose({ log: ['Error: JTAG scan chain interrogation failed: all ones', 'Error: Invalid ACK (7) in DAP response'] }).map((x) => x.category)).not.toContain('signal-integrity');
  });

  it('the connect-under-reset check reorders "all ones": ok -> needs-reset-hold with its evidence; failed -> wiring, power close behind', () => {
    const log = ['Error: JTAG scan chain interrogation failed: all ones', 'Error: stm32f1x.cpu: IR capture error; saw 0x0f not 0x01'];
    expect(diagnose({ log })[0]?.category).toBe('wiring');
    const ok = diagnose({ log, checks: [{ id: 'connect-under-reset', ok: true }] });
    expect(ok[0]?.category).toBe('needs-reset-hold');
    expect(ok[0]?.evidence).toContain('connected with connect_assert_srst after plain init failed');
    expect(ok[0]?.steps[0]?.args?.keep).toBe('true');
    const failed = diagnose({ log, checks: [{ id: 'connect-under-reset', ok: false }] });
    expect(failed.map((x) => x.category).slice(0, 2)).toEqual(['wiring', 'target-unpowered']);
    expect(failed[0]!.confidence - failed[1]!.confidence).toBeLessThanOrEqual(0.1);
    expect(failed[0]?.decidingQuestion?.action).toBe('measure-voltage');
    // Reset is ruled out, so the steps go straight from the voltage to the wires.
    expect(failed[0]?.steps.map((s) => s.action)).toEqual(['measure-voltage', 'check-wiring']);
    expect(failed[0]?.evidence).toContain('connect_assert_srst did not help: the retry under reset failed too');
    // The measurement decides: 0 V is the power, 3.3 V the wiring.
    expect(diagnose({ log, checks: [{ id: 'connect-under-reset', ok: false }], answers: { measuredVoltage: 0 } })[0]?.category).toBe('target-unpowered');
    expect(diagnose({ log, checks: [{ id: 'connect-under-reset', ok: false }], answers: { measuredVoltage: 3.3 } })[0]?.category).toBe('wiring');
  });

  it('a healthy start-up gives no finding', () => {
    const ok = ['Open On-Chip Debugger 0.12.0', 'Info : clock speed 1000 kHz', 'Info : STLINK V2J37S7 (API v2) VID:PID 0483:3748', 'Info : Target voltage: 3.24', 'Info : [stm32f1x.cpu] Cortex-M3 r1p1 processor detected', 'Info : Listening on port 3333 for gdb connections'];
    expect(diagnose({ log: ok, exitCode: 0 })).toEqual([]);
  });
});
