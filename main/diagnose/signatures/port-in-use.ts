// A TCP port OpenOCD wants (gdb 3333, telnet 4444, tcl 6666) is taken, usually by another OpenOCD.
import type { CategorySignatures } from '../types';

export const portInUse: CategorySignatures = {
  category: 'port-in-use',
  rules: [
    // src/server/server.c add_service(): 0.12 "couldn't bind %s to socket on port %d: %s"
    // 0.10 "couldn't bind %s to socket: %s", 0.9 "couldn't bind to socket: %s"
    { id: 'bind-in-use', source: 'src/server/server.c', match: /couldn't bind (\w+ )?to socket.*Address already in use/i, weight: 0.95 },
    // Windows strerror for WSAEADDRINUSE
    { id: 'bind-in-use-win', source: 'src/server/server.c (Windows)', match: /couldn't bind .*(Only one usage of each socket address|in use)/i, weight: 0.9 },
    { id: 'bind-other', source: 'src/server/server.c', match: /couldn't bind (\w+ )?to socket/i, weight: 0.6 },
  ],
  describe(ctx) {
    const ports = ctx.facts.busyPorts.filter((p) => p.port !== undefined).map((p) => `${p.service} ${p.port}`);
    const portList = ports.length > 0 ? ports.join(', ') : 'its server port';
    return {
      title: `Port already in use (${portList})`,
      explanation: `OpenOCD could not open ${portList} because another program listens there: most often an OpenOCD still running from an earlier session or an IDE.`,
      steps: [
        { text: 'Stop the other OpenOCD (or the IDE debug session) that still holds the port.' },
        { text: 'Or let the app pick free ports for gdb, telnet and tcl.', action: 'free-ports' },
      ],
    };
  },
};
