// Loading files: the worker-thread path (the worker bundled here with esbuild, as
// scripts/build.mjs does), the in-process fallback used from source, and file errors.
import { build } from 'esbuild';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SVDError } from '../../openocd/errors';
import { parseSvd } from './build';
import { bundledWorkerPath, loadSvd, loadSvdDevice } from './load';
import { reg, svdDoc } from './svd-fixtures';
import { stopSvdWorkers } from './worker-client';

const repoRoot = path.resolve(__dirname, '../../..');
const f103 = path.resolve(repoRoot, '../shared/svd/STM32F103.svd');
let tmp: string;
let workerPath: string;
let small: string;
let broken: string;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'svd-load-'));
  workerPath = path.join(tmp, 'workers', 'svd-worker.js');
  await build({
    entryPoints: [path.join(repoRoot, 'main/workers/svd-worker.ts')],
    outfile: workerPath,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
  });
  small = path.join(tmp, 'small.svd');
  writeFileSync(small, svdDoc(`<peripheral><name>P</name><baseAddress>0x100</baseAddress><registers>${reg('R', '0x4')}</registers></peripheral>`));
  broken = path.join(tmp, 'broken.svd');
  writeFileSync(broken, '<device>\n  <name>X</name>\n  <peripherals>\n    <peripheral>\n  </peripherals>\n</device>\n');
}, 60_000);

afterAll(async () => {
  await stopSvdWorkers();
  rmSync(tmp, { recursive: true, force: true });
});

describe('loadSvd in a worker thread', () => {
  it('returns the same model as the in-process parse', async () => {
    const viaWorker = await loadSvdDevice(small, { workerPath });
    expect(viaWorker).toEqual(parseSvd(readFileSync(small, 'utf8'), small));
  });

  it.skipIf(!existsSync(f103))('loads STM32F103.svd, keeping shared definitions shared', async () => {
    const m = await loadSvd(f103, { workerPath });
    expect(m.findRegister('GPIOC.ODR').address).toBe(0x4001100c);
    expect(m.getPeripheral('GPIOB')).toMatchObject({ derivedFrom: 'GPIOA', baseAddress: 0x40010c00 });
    // The wire format (wire.ts) keeps one field array for GPIOA..G instead of a copy each.
    expect(m.findRegister('GPIOB.ODR').fields).toBe(m.findRegister('GPIOA.ODR').fields);
  });

  it('reports a missing file and malformed XML from the worker as SVDError', async () => {
    const missing = path.join(tmp, 'nope.svd');
    await expect(loadSvd(missing, { workerPath })).rejects.toThrow(SVDError);
    await expect(loadSvd(missing, { workerPath })).rejects.toThrow(`SVD file ${missing}: file not found`);
    await expect(loadSvd(broken, { workerPath })).rejects.toThrow(`${broken}: malformed XML at line 5`);
  });

  it('answers concurrent loads each with its own file, and restarts after being stopped', async () => {
    const other = path.join(tmp, 'other.svd');
    writeFileSync(other, svdDoc(`<peripheral><name>Q</name><baseAddress>0x200</baseAddress></peripheral>`));
    const [a, b] = await Promise.all([loadSvd(small, { workerPath }), loadSvd(other, { workerPath })]);
    expect(a.listPeripherals().map((p) => p.name)).toEqual(['P']);
    expect(b.listPeripherals().map((p) => p.name)).toEqual(['Q']);
    await stopSvdWorkers();
    expect((await loadSvd(other, { workerPath })).getPeripheral('Q').baseAddress).toBe(0x200);
  });

  it('fails with SVDError, not a hang, when the worker script cannot run', async () => {
    const bad = path.join(tmp, 'bad-worker.js');
    writeFileSync(bad, 'throw new Error("boom")');
    await expect(loadSvd(small, { workerPath: bad })).rejects.toThrow(`SVD worker failed on ${small}: boom`);
  });
});

describe('loadSvd in process (running from source)', () => {
  it('has no bundled worker under vitest and parses in process', async () => {
    expect(bundledWorkerPath()).toBeUndefined();
    const m = await loadSvd(small);
    expect(m.findRegister('P.R').address).toBe(0x104);
  });

  it('names the file and the line in its errors', async () => {
    await expect(loadSvd(path.join(tmp, 'none.svd'))).rejects.toThrow(`SVD file ${path.join(tmp, 'none.svd')}: file not found`);
    await expect(loadSvd(tmp)).rejects.toThrow(`SVD file ${tmp}: is a directory, not a file`);
    const err = await loadSvd(broken).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SVDError);
    expect((err as SVDError).message).toMatch(new RegExp(`^${broken.replace(/[.]/g, '\\.')}: malformed XML at line 5, column \\d+: .*'peripheral'`));
  });
});
