// Virtual boards for a station: N boards, each on its own Unix socket with its own UID (and
// its own faults, for tests), each reached by its own OpenOCD through remote_bitbang as a
// real board is through its own probe. `spawnVboards` runs each board in a child process
// (`bringup vboard`), so boards simulate in parallel like separate hardware; `startVboards`
// keeps them in this process (the desktop app, where no plain Node is at hand).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ConnectionProfile } from '../../shared/profile';
import { startVirtualBoard, type VirtualBoard } from '../vboard/index';
import type { SlotSpec } from './station';

export interface VboardSlots {
  slots: SlotSpec[];
  uids: string[];
  close(): Promise<void>;
}

/** The profile that reaches a board on a socket: remote_bitbang to it, the stock STM32F1 target. */
export function vboardSocketProfile(i: number, socketPath: string): ConnectionProfile {
  return {
    id: `station-vboard-${i}`,
    name: `vboard ${i + 1}`,
    kind: 'configs',
    preTargetCommands: [
      'adapter driver remote_bitbang',
      'remote_bitbang port 0',
      `remote_bitbang host ${socketPath}`,
      // 0.12 builds remote_bitbang with JTAG only and selects it itself; newer builds need it chosen.
      'if { [catch {transport select} current] || $current ne "jtag" } { transport select jtag }',
    ],
    targetCfg: 'target/stm32f1x.cfg',
    extraCommands: [],
  };
}

function slotsFor(dir: string, n: number): { sockets: string[]; slots: SlotSpec[] } {
  const sockets = Array.from({ length: n }, (_, i) => path.join(dir, `slot-${i + 1}.sock`));
  return { sockets, slots: sockets.map((s, i) => ({ id: `slot-${i + 1}`, label: `Slot ${i + 1}`, probe: `vboard ${i + 1}`, profile: vboardSocketProfile(i, s) })) };
}

/** Faults per board: `faultsFor(i)` for board i (0-based). */
export async function spawnVboards(n: number, cli: string, faultsFor: (i: number) => string[] = () => []): Promise<VboardSlots> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bringup-station-'));
  const { sockets, slots } = slotsFor(dir, n);
  const children: ChildProcess[] = [];
  const uids: string[] = [];
  const close = async (): Promise<void> => {
    await Promise.all(
      children.map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.exitCode !== null || c.signalCode !== null) return resolve();
            c.once('exit', () => resolve());
            c.kill('SIGTERM');
            setTimeout(() => c.kill('SIGKILL'), 2000).unref();
          }),
      ),
    );
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await Promise.all(
      sockets.map(
        (sock, i) =>
          new Promise<void>((resolve, reject) => {
            const args = [cli, 'vboard', '--socket', sock, ...faultsFor(i).flatMap((f) => ['--fault', f])];
            // The board ends with its stdin: a station killed with -9 takes its boards along.
            const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, BRINGUP_EXIT_WITH_STDIN: '1' } });
            children.push(child);
            let out = '';
            let err = '';
            child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
            child.stdout?.on('data', (d: Buffer) => {
              out += d.toString();
              const m = /uid: ([0-9a-f]{24})/.exec(out);
              if (/vboard listening/.test(out) && m) {
                uids[i] = m[1] as string;
                resolve();
              }
            });
            child.once('exit', (code) => reject(new Error(`virtual board ${i + 1} exited (${code}) before listening: ${err.trim() || out.trim()}`)));
          }),
      ),
    );
  } catch (e) {
    await close();
    throw e;
  }
  return { slots, uids, close };
}

export async function startVboards(n: number, faultsFor: (i: number) => string[] = () => []): Promise<VboardSlots & { boards: VirtualBoard[] }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bringup-station-'));
  const { sockets, slots } = slotsFor(dir, n);
  const boards: VirtualBoard[] = [];
  try {
    for (const [i, s] of sockets.entries()) boards.push(await startVirtualBoard({ socketPath: s, faults: faultsFor(i) }));
  } catch (e) {
    await Promise.all(boards.map((b) => b.close()));
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  return {
    slots,
    boards,
    uids: boards.map((b) => b.uid),
    close: async () => {
      await Promise.all(boards.map((b) => b.close()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
