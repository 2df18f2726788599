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

  it('exits 2 on bad usage', async () => {
    const { err } = capture();
    expect(await diagnoseCommand.run([])).toBe(2);
    expect(await diagnoseCommand.run(['a.log', '--bogus'])).toBe(2);
    expect(await diagnoseCommand.run(['a.log', 'b.log'])).toBe(2);
    expect(err.join('\n')).toContain('Usage: bringup diagnose FILE|-');
  });
});
