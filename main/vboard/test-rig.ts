// The per-test board + OpenOCD + RPC that the fault tests share, torn down after each
// test (nothing left running), and a scratch folder with a 2 KiB random image.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach } from 'vitest';
import type { VirtualBoard } from './api';
import { killOpenOcd, type OpenOcdRun, type TclRpc } from './test-support';

export interface BoardRig {
  board?: VirtualBoard;
  run?: OpenOcdRun;
  rpc?: TclRpc;
  /** Scratch folder, removed after the file's tests. */
  readonly dir: string;
  /** A 2 KiB random .bin in dir. */
  readonly img: string;
}

/** Registers the hooks; call once at the top of a test file. */
export function useBoardRig(prefix: string): BoardRig {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const img = path.join(dir, 'img.bin');
  writeFileSync(img, randomBytes(2048));
  const rig: BoardRig = { dir, img };
  afterEach(async () => {
    rig.rpc?.close();
    rig.rpc = undefined;
    await killOpenOcd(rig.run);
    rig.run = undefined;
    await rig.board?.close();
    rig.board = undefined;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return rig;
}
