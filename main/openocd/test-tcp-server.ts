// Test helper: a tiny TCP server on 127.0.0.1 (free port) that hands each
// 0x1a-terminated frame it receives to a handler. Used by unit tests of the
// client's protocol handling (framing, queue, timeouts), not as an OpenOCD mock.
import net from 'node:net';

export interface FrameServer {
  port: number;
  frames: string[];
  sockets: Set<net.Socket>;
  close(): Promise<void>;
}

export async function startFrameServer(onFrame: (frame: string, socket: net.Socket) => void): Promise<FrameServer> {
  const frames: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let buf = '';
    socket.on('data', (d: Buffer) => {
      buf += d.toString('utf8');
      let i: number;
      while ((i = buf.indexOf('\x1a')) >= 0) {
        const frame = buf.slice(0, i);
        buf = buf.slice(i + 1);
        frames.push(frame);
        onFrame(frame, socket);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address() as net.AddressInfo;
  return {
    port: addr.port,
    frames,
    sockets,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The command text inside a wrapCommand() frame (inverse of tclQuote for the test's plain commands). */
export function unwrapFrame(frame: string): string {
  const m = /::__bw "(.*)"$/s.exec(frame);
  return m ? (m[1] as string).replace(/\\(.)/g, '$1') : frame;
}
