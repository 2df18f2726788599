// `bringup serve`'s server for tests: real services (the real controller) in a temp user-data
// folder, a one-page renderer, and one close that stops OpenOCD, the station and the server.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServices } from '../../host/create-services';
import type { HostServices } from '../../host/services';
import { startServer, type RunningServer } from '../../serve';

export interface TestServer {
  dir: string;
  services: HostServices;
  server: RunningServer;
  close(): Promise<void>;
}

export async function startTestServer(prefix: string): Promise<TestServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `bringup-${prefix}-`));
  const renderer = path.join(dir, 'renderer');
  mkdirSync(renderer);
  writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>t</title>');
  const services = createServices({ userDataDir: path.join(dir, 'user') });
  const server = await startServer({ services, rendererDir: renderer });
  return {
    dir,
    services,
    server,
    async close() {
      await services.controller.dispose();
      await services.station.dispose();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
