// `bringup diagnose` through its CLI module: the --json contract, the human report, exit codes.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diagnoseCommand } from './diagnose';
import { DIAGNOSIS_CATEGORIES } from '../../shared/diagnose';

const dir = mkdtempSync(join(tmpdir(), 'bringup-diagnose-'));
const corpus = join(__dirname, '..', 'diagnose', 'corpus');

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (out.push(String(s)), true));
  return { out, err };
}

afterEach(() => vi.restoreAllMocks());
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

describe('bringup diagnose', () => {
  it('--json prints exactly {"findings":[{category,title,confidence,evidence,steps,...}]}', async () => {
    const { out } = capture();
    const code = await diagnoseCommand.run([join(corpus, 'needs-reset-hold--seed-bluepill-invalid-mode.log'), '--json']);
    expect(code).toBe(0);
    expect(out).toHaveLength(1);
    const parsed = JSON.parse(out[0] ?? '') as { findings: Array<Record<string, unknown>> };
    expect(Object.keys(parsed)).toEqual(['findings']);
    const first = parsed.findings[0]!;
    expect(first).toMatchObject({ category: 'needs-reset-hold' });
    for (const f of parsed.findings) {
      expect(Object.keys(f).sort()).toEqual(['category', 'confidence', 'evidence', 'explanation', 'steps', 'title']);
      expect(DIAGNOSIS_CATEGORIES).toContain(f.category);
      expect(typeof f.title).toBe('string');
      expect(f.confidence).toBeGreaterThan(0);
      expect(f.confidence).toBeLessThanOrEqual(1);
      expect((f.evidence as unknown[]).every((e) => typeof e === 'string')).toBe(true);
      expect((f.steps as unknown[]).every((s) => typeof s === 'string')).toBe(true);
    }
    expect(first.evidence).toContain('Error: jtag status contains invalid mode value - communication failure');
  });

  it('prints a readable report: title, confidence %, evidence, numbered steps', async () => {
    const { out } = capture();
    expect(await diagnoseCommand.run([join(corpus, 'port-in-use--tcl-port-taken.log')])).toBe(0);
    const text = out.join('');
    expect(text).toMatch(/^1\. Port already in use \(tcl \d+\) {2}\[port-in-use, 98%\]/);
    expect(text).toContain("| Error: couldn't bind tcl to socket on port");
    expect(text).toMatch(/ {5}1\) Stop the other OpenOCD/);
  });

  it('exits 0 with "no problem" for a clean log', async () => {
    const file = join(dir, 'clean.log');
    writeFileSync(file, 'Open On-Chip Debugger 0.12.0\nInfo : clock speed 1000 kHz\n');
    const { out } = capture();
    expect(await diagnoseCommand.run([file, '--json'])).toBe(0);
    expect(JSON.parse(out[0] ?? '')).toEqual({ findings: [] });
  });

  it('exits 1 with a clear message when the file cannot be read', async () => {
    const { err } = capture();
    expect(await diagnoseCommand.run([join(dir, 'missing.log')])).toBe(1);
    expect(err.join('')).toMatch(/cannot read '.*missing\.log': no such file/);
  });

  it('--exit and --profile reach the engine like the app\'s inputs', async () => {
    // A log with no error line: only the exit code says OpenOCD failed.
    const file = join(dir, 'silent.log');
    writeFileSync(file, 'Open On-Chip Debugger 0.12.0\nInfo : clock speed 1000 kHz\n');
    let io = capture();
    expect(await diagnoseCommand.run([file, '--json', '--exit', '1'])).toBe(0);
    expect(JSON.parse(io.out[0] ?? '')).toMatchObject({ findings: [{ category: 'unknown' }] });
    expect(io.out[0]).toContain('exit code 1');
    vi.restoreAllMocks();
    // The profile says connect-under-reset is already on: reset-hold drops for the same log.
    const log = join(corpus, 'needs-reset-hold--seed-bluepill-invalid-mode.log');
    const prof = join(dir, 'profile.json');
    writeFileSync(prof, JSON.stringify({ id: 'bp', name: 'Blue Pill', kind: 'configs', interfaceCfg: 'interface/stlink.cfg', targetCfg: 'target/stm32f1x.cfg', resetConfig: 'srst_only srst_nogate connect_assert_srst', extraCommands: [] }));
    io = capture();
    await diagnoseCommand.run([log, '--json']);
    await diagnoseCommand.run([log, '--json', '--profile', prof]);
    const [plain, withProfile] = io.out.map((o) => JSON.parse(o) as { findings: Array<{ category: string; confidence: number }> });
    const conf = (r: typeof plain) => r?.findings.find((f) => f.category === 'needs-reset-hold')?.confidence ?? 0;
    expect(conf(withProfile)).toBeLessThan(conf(plain));
  });

  it('a profile file that is not a profile is exit 1 with the reason', async () => {
    const bad = join(dir, 'bad-profile.json');
    writeFileSync(bad, JSON.stringify({ id: 'x' }));
    const { err } = capture();
    expect(await diagnoseCommand.run([join(corpus, 'port-in-use--tcl-port-taken.log'), '--profile', bad])).toBe(1);
    expect(err.join('')).toMatch(/profile '.*bad-profile\.json' is not a connection profile: name/);
  });

  it('"open failed" with hla_swd names the ST-Link; a deprecated cfg is a warning on stderr, JSON untouched', async () => {
    const { out, err } = capture();
    expect(await diagnoseCommand.run([join(corpus, 'adapter-not-found--stlink-not-plugged.log'), '--json'])).toBe(0);
    const first = (JSON.parse(out[0] ?? '') as { findings: Array<{ category: string; title: string }> }).findings[0];
    expect(first).toMatchObject({ category: 'adapter-not-found', title: 'No ST-Link found' });
    expect(err).toEqual([]);
    await diagnoseCommand.run([join(corpus, 'config-not-found--old-stm32f1x-stlink-target.log'), '--json']);
    expect(Object.keys(JSON.parse(out[1] ?? '') as object)).toEqual(['findings']);
    expect(err).toEqual(['bringup diagnose: warning: interface/stlink-v2.cfg is deprecated: use interface/stlink.cfg instead.']);
  });

  it('exits 2 on bad usage', async () => {
    const { err } = capture();
    expect(await diagnoseCommand.run([])).toBe(2);
    expect(await diagnoseCommand.run(['a.log', '--bogus'])).toBe(2);
    expect(await diagnoseCommand.run(['a.log', 'b.log'])).toBe(2);
    expect(await diagnoseCommand.run(['a.log', '--exit', 'one'])).toBe(2);
    expect(await diagnoseCommand.run(['a.log', '--profile'])).toBe(2);
    expect(err.join('\n')).toContain('Usage: bringup diagnose FILE|-');
  });
});
