// Public entry of the virtual board: a remote_bitbang TCP server in front of a Board.
import net from 'node:net';
import type { VirtualBoard, VirtualBoardOptions } from './api';
import { Board } from './board';
import { parseFaults } from './faults';
import { derivedUid, formatUid, parseUid } from './uid';
import { FlashFile } from './flash-file';
import { connectionSeed, DEFAULT_NOISE_SEED, RemoteBitbangSession } from './remote-bitbang';
import { RunLoop } from './run-loop';
import { listenEarly } from './early-listener';

export type { VirtualBoard, VirtualBoardOptions } from './api';
export { VBOARD_FAULTS } from './api';
export { Board } from './board';
export { parseFaults, formatFaults } from './faults';

export const DEFAULT_VBOARD_PORT = 3335;

/** Start the board and listen; resolves once the port is bound. Throws on a bad fault name. */
export async function startVirtualBoard(opts: VirtualBoardOptions): Promise<VirtualBoard> {
  const host = opts.listener?.host ?? opts.host ?? '127.0.0.1';
  const faults = parseFaults(opts.faults ?? []);
  const socketFile = opts.listener?.socketPath ?? opts.socketPath;
  const uid = opts.uid !== undefined ? parseUid(opts.uid) : derivedUid({ ...(opts.port !== undefined ? { port: opts.port } : {}), ...(socketFile ? { socketPath: socketFile } : {}) });
  const board = new Board({ uid });
  const flashFile = opts.flashFile ? await FlashFile.open(opts.flashFile, board.storage) : undefined;
  board.applyFaults(faults); // switches the supply off when `unpowered`
  if (!faults.unpowered) board.powerOn();
  const runLoop = new RunLoop(board);
  runLoop.poke(); // the firmware starts running with nobody attached

  const sockets = new Set<net.Socket>();
  let connections = 0;
  let roundTrips = 0;
  const noiseSeed = opts.noiseSeed ?? DEFAULT_NOISE_SEED;
  const onConnection = (sock: net.Socket): void => {
    sockets.add(sock);
    sock.setNoDelay(true);
    // Each connection draws its own noise: an intermittent link fails differently on a retry.
    const session = new RemoteBitbangSession(board, connectionSeed(noiseSeed, connections++));
    sock.on('data', (chunk: Buffer) => {
      const { reply, quit } = session.process(chunk);
      if (reply) {
        roundTrips++;
        sock.write(reply);
        if (sock.writableLength > 0) session.detachReply(); // queued, not yet copied out
      }
      if (quit) sock.end();
      // Let the core run after answering, while OpenOCD digests the reply.
      runLoop.afterDebugger();
    });
    sock.on('error', () => sock.destroy()); // the peer vanished (e.g. OpenOCD killed)
    sock.on('close', () => sockets.delete(sock));
    sock.resume(); // an early listener's connections arrive paused
  };

  // Bound already (early-listener.ts: OpenOCD may be connected and waiting), or bound now.
  const listener = opts.listener ?? (await listenEarly(opts.socketPath ? { socketPath: opts.socketPath } : { port: opts.port ?? DEFAULT_VBOARD_PORT, host }));
  listener.adopt(onConnection);
  const server = listener.server;
  const socketPath = listener.socketPath;
  const port = listener.port;

  let closing: Promise<void> | undefined;
  return {
    host,
    port,
    ...(socketPath ? { socketPath } : {}),
    uid: formatUid(uid),
    faults: () => board.currentFaults(),
    setFaults(list: string[]) {
      board.applyFaults(parseFaults(list));
      runLoop.poke(); // power back on: the firmware starts running
    },
    stats() {
      const c = board.core;
      return {
        connections,
        flashHalfWordsProgrammed: board.storage.programmed,
        roundTrips,
        core: c.poweredOff ? 'off' : c.inReset ? 'reset' : c.lockup ? 'lockup' : c.halted ? 'halted' : 'running',
        ledOn: board.ledOn,
        ledToggles: board.ledToggles,
      };
    },
    close() {
      closing ??= (async () => {
        runLoop.stop();
        for (const s of sockets) s.destroy();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await flashFile?.close();
      })();
      return closing;
    },
  };
}
