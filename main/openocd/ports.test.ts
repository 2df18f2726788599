import { describe, expect, it } from 'vitest';
import net from 'node:net';
import { freePorts } from './ports';

describe('freePorts', () => {
  it('returns distinct ports that can be bound on 127.0.0.1 right away', async () => {
    const ports = await freePorts(4);
    expect(new Set(ports).size).toBe(4);
    for (const port of ports) {
      const s = net.createServer();
      await new Promise<void>((resolve, reject) => {
        s.once('error', reject);
        s.listen(port, '127.0.0.1', resolve);
      });
      await new Promise((r) => s.close(r));
    }
  });
});
