// Implements the shared contract on top of the OpenOCD controller. Knows no
// transport: app/ipc.ts (Electron) and main/serve (WebSocket) feed it raw
// requests and give it a sink for events. One Host per window / socket; all
// hosts share the single controller and profile store.
import type { InvokeName, ParsedRequestOf, ResponseOf } from '../shared/contract';
import type { Result } from '../shared/errors';
import type { HostServices } from './host/services';
import { EventGate, type EventSink } from './host/event-gate';
import { LogBatcher } from './host/log-batcher';
import { validateRequest } from './host/validate';
import { toErrorValue, ValidationError } from './openocd/errors';

type Handlers = { [K in InvokeName]: (req: ParsedRequestOf<K>) => Promise<ResponseOf<K>> };

export interface Host {
  /** One request from the renderer, unvalidated. Always resolves to a Result; never throws. */
  handle(channel: InvokeName, rawRequest: unknown): Promise<Result<unknown>>;
  /** The page went away (reload): hold events until it says ready again. */
  pageReset(): void;
  dispose(): void;
}

export function createHost(services: HostServices, sink: EventSink): Host {
  const { controller, profiles } = services;
  const gate = new EventGate(sink);
  const batcher = new LogBatcher((batch) => gate.emit('log', batch));

  const unsubscribe = [
    controller.onStatus((s) => {
      // Log lines that explain a status change must arrive before it.
      batcher.flush();
      gate.emit('status', s);
    }),
    controller.onLog((line) => batcher.push(line)),
    controller.onTargetEvent((e) => {
      batcher.flush();
      gate.emit('targetEvent', e.targetName === undefined ? { name: e.name } : { name: e.name, targetName: e.targetName });
    }),
  ];

  const handlers: Handlers = {
    appReady: async () => {
      batcher.flush();
      gate.open();
      return null;
    },
    getStatus: async () => controller.status(),
    // The controller runs starts and stops one at a time (a start restarts a running
    // OpenOCD; a stop during a start ends it at once), so no queue is needed here.
    connect: async ({ profileId }) => {
      const profile = await profiles.get(profileId);
      if (!profile) throw new ValidationError(`profileId: no profile '${profileId}'`);
      await profiles.markUsed(profile.id);
      return controller.start(profile);
    },
    disconnect: async () => {
      await controller.stop();
      return controller.status();
    },
    command: ({ tcl }) => controller.command(tcl),
    listProfiles: () => profiles.list(),
    saveProfile: ({ profile }) => profiles.save(profile),
    deleteProfile: ({ id }) => profiles.delete(id),
    listConfigs: () => services.listConfigs(),
    getLogHistory: async () => controller.logHistory(),
  };

  return {
    async handle(channel, rawRequest) {
      const handler = handlers[channel] as ((req: unknown) => Promise<unknown>) | undefined;
      if (!handler) return { ok: false, error: new ValidationError(`channel: unknown channel '${String(channel)}'`).toValue() };
      const req = validateRequest(channel, rawRequest);
      if (!req.ok) return req;
      try {
        return { ok: true, value: await handler(req.value) };
      } catch (err) {
        return { ok: false, error: toErrorValue(err) };
      }
    },
    pageReset: () => gate.close(),
    dispose() {
      for (const u of unsubscribe) u();
      batcher.dispose();
    },
  };
}
