// Free TCP ports on 127.0.0.1: listen on port 0, read the port the OS picked,
// close. All servers of one call are open at the same time, so the ports of one
// call are distinct. There is a window between close and OpenOCD's bind where
// another process could take a port; the controller retries a start that fails
// with "Address already in use".
import net from 'node:net';

export const LOOPBACK = '127.0.0.1';

export async function freePorts(count: number, host = LOOPBACK): Promise<number[]> {
  const servers: net.Server[] = [];
  try {
    const ports: number[] = [];
    for (let i = 0; i < count; i++) {
      const server = net.createServer();
      servers.push(server);
      ports.push(await listen(server, host));
    }
    return ports;
  } finally {
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  }
}

export async function freePort(host = LOOPBACK): Promise<number> {
  const [port] = await freePorts(1, host);
  if (port === undefined) throw new Error('no port');
  return port;
}

function listen(server: net.Server, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: 0, host, exclusive: true }, () => {
      const addr = server.address();
      if (addr && typeof addr === 'object') resolve(addr.port);
      else reject(new Error('server has no TCP address'));
    });
  });
}

/**
 * Where a tcl client reaches OpenOCD: its tcl port on the host's loopback, or (OpenOCD in
 * a private network namespace, netns.ts) the relay's Unix-domain socket in a 0700 folder.
 */
export type TclEndpoint = { host: string; port: number } | { path: string };

export function endpointText(ep: TclEndpoint): string {
  return 'path' in ep ? `unix socket ${ep.path}` : `${ep.host}:${ep.port}`;
}

/**
 * How to reach one of OpenOCD's other servers (an `rtt server` port) by its port number:
 * directly, or through the namespace relay's dial socket, which reads the port as a first
 * line and then pipes the connection to 127.0.0.1:PORT inside the namespace.
 */
export interface PortRoute {
  opts: net.NetConnectOpts;
  /** Written right after connecting (the relay's "which port" line). */
  preamble?: string;
}

export function connectOptions(ep: TclEndpoint): net.NetConnectOpts {
  return 'path' in ep ? { path: ep.path } : { host: ep.host, port: ep.port };
}
