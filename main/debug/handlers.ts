// The Breakpoints panel's channels. One DebugService per process: disabled entries and
// temporary breakpoints belong to the target, not to a window.
import type { HandlersFor } from '../host/handlers-for';
import type { HostServices } from '../host/services';
import { DebugService } from './service';

const perProcess = new WeakMap<HostServices, DebugService>();

function debugService(services: HostServices): DebugService {
  let s = perProcess.get(services);
  if (!s) {
    s = new DebugService({
      session: () => services.sessions.get(),
      logLines: () => services.controller.logHistory().map((l) => l.text),
      onTargetEvent: (cb) => services.controller.onTargetEvent((e) => cb(e.name)),
      onDisconnect: (cb) =>
        services.controller.onStatus((st) => {
          if (st.state !== 'connected') cb();
        }),
    });
    perProcess.set(services, s);
  }
  return s;
}

type Channels = 'debugPoints' | 'addBreakpoint' | 'addWatchpoint' | 'removeDebugPoint' | 'enableDebugPoint' | 'runTo' | 'stepOver' | 'haltInfo';

export function debugHandlers(services: HostServices): HandlersFor<Channels> {
  const svc = () => debugService(services);
  return {
    debugPoints: () => svc().points(),
    addBreakpoint: ({ address, hardware, length }) => svc().addBreakpoint(address, hardware, length),
    addWatchpoint: ({ address, length, access }) => svc().addWatchpoint(address, length, access),
    removeDebugPoint: ({ kind, address }) => svc().remove(kind, address),
    enableDebugPoint: ({ kind, address, enabled }) => svc().setEnabled(kind, address, enabled),
    runTo: async ({ address }) => {
      await svc().runTo(address);
      await services.controller.refreshTarget();
      return null;
    },
    stepOver: async () => {
      const r = await svc().stepOver();
      await services.controller.refreshTarget();
      return r;
    },
    haltInfo: () => svc().haltInfo(),
  };
}
