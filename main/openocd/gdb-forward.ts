// GDB's way in when OpenOCD runs in a private network namespace (netns.ts): a TCP port on
// the host's 127.0.0.1 piped to the relay's gdb socket, and so to OpenOCD's gdb port
// inside. Like OpenOCD's own gdb port, it is open to every local user while it is up: it
// exists only while the user asked for GDB, and the UI says so.
// Hand-written rather than a library: it is two pipe() calls per connection.
import net from 'node:net';
import { LOOPBACK } from './ports';

export interface GdbForward {
  port: number;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1:`port` (0: a free one) and forwards each connection to `socketPath`. */
export function forwardGdb(socketPath: string, port: number): Promise<GdbForward> {
  const conns = new Set<net.Socket>();
  const server = net.createServer({ noDelay: true }, (client) => {
    const upstream = net.connect({ path: socketPath });
    upstream.setNoDelay(true);
    conns.add(client).add(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    const close = (): void => {
      client.destroy();
      upstream.destroy();
      conns.delete(client);
      conns.delete(upstream);
    };
    for (const s of [client, upstream]) {
      s.on('error', close);
      s.on('close', close);
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(new Error(err.code === 'EADDRINUSE' ? `GDB port ${port} is already in use on ${LOOPBACK}: choose another or leave it empty for a free one` : `cannot open the GDB port: ${err.message}`)),
    );
    server.listen({ port, host: LOOPBACK, exclusive: true }, () => {
      const addr = server.address();
      const actual = addr && typeof addr === 'object' ? addr.port : port;
      resolve({
        port: actual,
        close: () =>
          new Promise<void>((res) => {
            for (const c of conns) c.destroy();
            server.close(() => res());
          }),
      });
    });
  });
}
