// The first power-on check against the virtual board through the real OpenOCD: a healthy
// board passes every step, and each hardware defect stops the check at the step that
// should catch it, with words that name the defect.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHECK_STEPS, type BoardCheckReport, type CheckStepId } from '../../shared/check';
import { VBOARD_PROFILE } from '../profiles/builtin';
import { Session } from '../session/session';
import { saveReport } from './report-store';
import { runCheck } from './run';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'bringup-check-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function check(faults: string[] = [], extra: Partial<Parameters<typeof runCheck>[0]> = {}): Promise<BoardCheckReport> {
  const profile = { ...VBOARD_PROFILE, id: `check-${faults.join('-') || 'healthy'}`, ...(faults.length ? { vboardFaults: faults } : {}) };
  let session: Session | undefined;
  try {
    return await runCheck({ profile, open: async () => (session = await Session.start(profile)), ...extra });
  } finally {
    await session?.close();
  }
}

function step(r: BoardCheckReport, id: CheckStepId) {
  const s = r.steps.find((x) => x.id === id);
  if (!s) throw new Error(`no step ${id}`);
  return s;
}

function failedAt(r: BoardCheckReport): CheckStepId | undefined {
  return r.steps.find((s) => s.status === 'fail')?.id;
}

describe('bring-up check on the virtual board', () => {
  it('a healthy board passes every step, leaves SRAM as it was, and the saved JSON is what was shown', async () => {
    const progress: string[] = [];
    const marker = 0x5a000000 + Math.floor(Math.random() * 0xffffff);
    let kept: number | undefined;
    const profile = { ...VBOARD_PROFILE, id: 'check-healthy' };
    let session: Session | undefined;
    let r: BoardCheckReport;
    try {
      r = await runCheck({
        profile,
        open: async () => {
          session = await Session.start(profile);
          await session.memory.writeU32(0x20002000, marker);
          return session;
        },
        onProgress: (p) => void (p.type === 'step-done' && progress.push(`${p.result.id}:${p.result.status}`)),
      });
      kept = await (session as Session).memory.readU32(0x20002000);
    } finally {
      await session?.close();
    }
    expect(kept).toBe(marker);
    expect(step(r, 'ram').evidence.find((e) => e.label === 'March C- on the target')?.value).toMatch(/^pass, cell by cell/);
    expect(r.result).toBe('pass');
    expect(r.steps.map((s) => s.id)).toEqual([...CHECK_STEPS]);
    // The virtual board's probe (remote_bitbang) does not measure VTref: skipped with the reason, never a made-up pass.
    expect(step(r, 'voltage')).toMatchObject({ status: 'skipped' });
    expect(step(r, 'voltage').summary).toMatch(/does not report the target voltage/);
    for (const id of CHECK_STEPS.filter((s) => s !== 'voltage')) expect(step(r, id).status, id).toBe('pass');
    expect(progress).toEqual(r.steps.map((s) => `${s.id}:${s.status}`));
    expect(r.boardUid).toMatch(/^[0-9a-f]{24}$/);
    expect(r.part).toBe('STM32F10x medium density');
    expect(step(r, 'device').evidence.find((e) => e.label === 'DBGMCU_IDCODE')?.value).toMatch(/^0x20036410/);
    expect(step(r, 'debug-port').evidence.map((e) => e.value).join('\n')).toMatch(/0x3ba00477[\s\S]*0x16410041/);
    // The flash step puts back what the page held: the same CRC32 before and after.
    const flash = step(r, 'flash').evidence;
    const crc = (label: string) => flash.find((e) => e.label === label)?.value;
    expect(crc('CRC32 before')).toMatch(/^0x[0-9a-f]{8}$/);
    expect(crc('CRC32 after')).toBe(crc('CRC32 before'));

    const saved = await saveReport(r, path.join(tmp, 'healthy'));
    expect(JSON.parse(readFileSync(saved.json, 'utf8'))).toEqual(r);
    const html = readFileSync(saved.html, 'utf8');
    for (const s of r.steps) expect(html).toContain(s.summary.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'));
  });

  it('a stuck SRAM bit fails the RAM step naming its address and bit, and RAM is restored', async () => {
    const r = await check(['sram-stuck-bit:0x20004321:6:1']);
    expect(failedAt(r)).toBe('ram');
    expect(step(r, 'ram').summary).toMatch(/bit 6 at 0x20004321 is stuck at 1/);
    expect(step(r, 'flash').status).toBe('skipped');
  });

  it('two bridged address lines fail the RAM step naming both lines', async () => {
    const r = await check(['sram-address-short:5:11']);
    expect(failedAt(r)).toBe('ram');
    expect(step(r, 'ram').summary).toMatch(/address lines A5 and A11 are shorted/);
  });

  it('a flash page that does not program fails the flash step naming the sector', async () => {
    const r = await check(['flash-bad-sector:63'], { skip: ['ram'] });
    expect(failedAt(r)).toBe('flash');
    expect(step(r, 'flash').summary).toMatch(/^sector 63 does not program: at 0x0800fc00/);
  });

  it('another chip fitted fails the device step', async () => {
    const r = await check(['wrong-part']);
    expect(failedAt(r)).toBe('device');
    expect(step(r, 'device').summary).toMatch(/low density \(DEV_ID 0x412\) but the profile expects .*medium density \(DEV_ID 0x410\)/);
  });

  it('an NRST line that goes nowhere fails the reset step', async () => {
    const r = await check(['no-srst'], { skip: ['ram'] });
    expect(failedAt(r)).toBe('reset');
    expect(step(r, 'reset').summary).toMatch(/reset through SRST did not reset the chip/);
  });

  it('an unpowered board stops at the debug port with the troubleshooter finding', async () => {
    const r = await check(['unpowered']);
    expect(failedAt(r)).toBe('debug-port');
    expect(step(r, 'debug-port').openocdLines?.join('\n')).toMatch(/all zeroes/);
    expect(step(r, 'debug-port').finding?.steps.length).toBeGreaterThan(0);
    expect(r.steps.slice(3).every((s) => s.status === 'skipped')).toBe(true);
  });

  it('a read-protected chip fails the flash step as protected, not as wiring', async () => {
    const r = await check(['read-protected'], { skip: ['ram'] });
    expect(failedAt(r)).toBe('flash');
    expect(step(r, 'flash').finding?.category).toBe('flash-protected');
  });

  it('skips what it is told to and retries from a step', async () => {
    const r = await check([], { skip: ['ram'], from: 'flash' });
    expect(r.result).toBe('pass');
    expect(step(r, 'ram').status).toBe('skipped');
    expect(step(r, 'core').summary).toMatch(/before the step the check was retried from/);
    expect(step(r, 'flash').status).toBe('pass');
  });
});
