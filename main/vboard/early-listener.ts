// The board's socket, listening before the board itself is loaded. The simulator is the
// largest module OpenOCD's start waits for (about 50 ms to compile here, bench/cli-info.ts);
// with its socket bound first, OpenOCD can start at once: its connection waits, paused, in
// this queue until the board takes it over (startVirtualBoard, option `listener`).
// Imports only node:net, so it costs nothing to load.
import { lstat, unlink } from 'node:fs/promises';
import net from 'node:net';

export interface EarlyListener {
  readonly server: net.Server;
  /** The TCP port (0 on a Unix socket). */
  readonly port: number;
  readonly host: string;
  readonly socketPath?: string;
  /** Hands every connection so far, and each later one, to `onConnection` (once). */
  adopt(onConnection: (sock: net.Socket) => void): void;
  /** Stops listening and drops queued connections (the board never started). */
  close(): Promise<void>;
}

export async function listenEarly(where: { socketPath: string } | { port: number; host: string }): Promise<EarlyListener> {
  const queued: net.Socket[] = [];
  let handler: ((sock: net.Socket) => void) | undefined;
  // Paused until the board reads: nothing is lost, OpenOCD's bytes wait in the socket.
  const server = net.createServer({ pauseOnConnect: true }, (sock) => {
    if (handler) handler(sock);
    else {
      queued.push(sock);
      sock.once('close', () => queued.splice(queued.indexOf(sock) >>> 0, 1));
    }
  });
  if ('socketPath' in where) await removeStaleSocket(where.socketPath);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    const listening = (): void => {
      server.off('error', reject);
      resolve();
    };
    if ('socketPath' in where) server.listen(where.socketPath, listening);
    else server.listen(where.port, where.host, listening);
  });
  const addr = server.address();
  const port = 'socketPath' in where ? 0 : typeof addr === 'object' && addr ? addr.port : where.port;
  return {
    server,
    port,
    host: 'socketPath' in where ? '127.0.0.1' : where.host,
    ...('socketPath' in where ? { socketPath: where.socketPath } : {}),
    adopt(onConnection) {
      if (handler) throw new Error('the board socket was already taken over');
      handler = onConnection;
      for (const sock of queued.splice(0)) onConnection(sock);
    },
    close() {
      for (const sock of queued.splice(0)) sock.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A socket file left by a board that died: listen() would fail with EADDRINUSE. Only a
 *  socket is removed, never a regular file someone passed by mistake. */
async function removeStaleSocket(socketPath: string): Promise<void> {
  const st = await lstat(socketPath).catch(() => undefined);
  if (st?.isSocket()) await unlink(socketPath);
}
