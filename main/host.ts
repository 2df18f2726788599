// Implements the shared contract on top of the OpenOCD controller. Knows no
// transport: app/ipc.ts (Electron) and main/serve (WebSocket) feed it raw
// requests and give it a sink for events. One Host per window / socket; all
// hosts share the single controller and profile store.
import type { InvokeName, ParsedRequestOf, ResponseOf } from '../shared/contract';
import { allowedFor, viewOnlyRefusal, type Access } from '../shared/access';
import type { Result } from '../shared/errors';
import type { DiagnosisReport } from '../shared/troubleshoot';
import type { HostServices } from './host/services';
import { EventGate, type EventSink } from './host/event-gate';
import { LogBatcher } from './host/log-batcher';
import { validateRequest } from './host/validate';
import { toErrorValue, ValidationError } from './openocd/errors';
import { createTroubleshooter } from './host/troubleshoot';
import { readCoreRegisters } from './host/registers';
import { profileForAdapter } from './profiles/from-adapter';
import { preselectProfile } from './profiles/preselect';
import { checkOpenOcd } from './settings/check';
import { NAME_HINT_BROWSER, NAME_HINT_DESKTOP, openOcdNameProblem } from './settings/openocd-name';
import { RttBridge } from './host/rtt-bridge';
import { refuseShutdown } from './host/console-guard';
import { MemoryReads } from './host/memory-reads';
import { peripheralHandlers } from './peripherals/handlers';
import { debugHandlers } from './debug/handlers';
import { disasmHandlers } from './disasm/handlers';
import { deviceHandlers } from './device/handlers';
import { memtoolHandlers } from './memtools/handlers';
import { gdbHandlers, gdbSwitchFor, symbolsAfterFlash } from './gdb/handlers';

type Handlers = { [K in InvokeName]: (req: ParsedRequestOf<K>) => Promise<ResponseOf<K>> };

export interface Host {
  /** One request from the renderer, unvalidated. Always resolves to a Result; never throws. */
  handle(channel: InvokeName, rawRequest: unknown): Promise<Result<unknown>>;
  /** The page went away (reload): hold events until it says ready again. */
  pageReset(): void;
  dispose(): void;
}

export interface HostOptions {
  /** 'view': a supervisor's view-only token (bringup serve); every channel that is not read-only is refused. */
  access?: Access;
}

export function createHost(services: HostServices, sink: EventSink, opts: HostOptions = {}): Host {
  const access: Access = opts.access ?? 'operator';
  const { controller, profiles, sessions, images } = services;
  const gate = new EventGate(sink);
  const batcher = new LogBatcher((batch) => gate.emit('log', batch));
  const troubleshooter = createTroubleshooter(services);
  const rtt = new RttBridge((data) => gate.emit('rttData', data));
  const checks = services.checks;
  const memoryReads = new MemoryReads();
  const station = services.station;
  const unlistenStation = station.listen({ slot: (st) => gate.emit('stationSlot', st), row: (r) => gate.emit('stationRow', r) });

  const unsubscribe = [
    controller.onStatus((s) => {
      // Log lines that explain a status change must arrive before it.
      batcher.flush();
      gate.emit('status', s);
      // A failed connect attempt is diagnosed at once, so the troubleshooter opens with findings.
      if (s.state === 'failed') {
        const emit = (r: DiagnosisReport): void => gate.emit('diagnosis', r);
        void troubleshooter.diagnose('auto', undefined, emit).then(emit, () => undefined);
      }
    }),
    controller.onLog((line) => batcher.push(line)),
    controller.onTargetEvent((e) => {
      batcher.flush();
      gate.emit('targetEvent', e.targetName === undefined ? { name: e.name } : { name: e.name, targetName: e.targetName });
    }),
  ];

  // Another tab (or this one) must not pull OpenOCD away under a running flash: the chip would be left half-programmed.
  const refuseWhileFlashing = (what: string): void => {
    const why = services.flashJobs.busyReason(what);
    if (why) throw new ValidationError(why, { hint: 'Wait for the flash to end, or cancel it in the Flash panel of the window that started it (it stops after the chunk in flight).' });
  };

  // A finished program job joins the flash history; every window sees the new list.
  const recordFlash = async (raw: { name: string; bytes: Uint8Array; format: string; path?: string }, result: 'done' | 'failed' | 'cancelled', address: number | undefined, resetAfter: boolean): Promise<void> => {
    await services.flashHistory
      .record({ name: raw.name, bytes: raw.bytes, format: raw.format, ...(raw.format === 'bin' && address !== undefined ? { address } : {}), ...(raw.path ? { path: raw.path } : {}), result, resetAfter })
      .catch(() => undefined);
  };

  const handlers: Handlers = {
    appReady: async () => {
      batcher.flush();
      gate.open();
      return null;
    },
    getAccess: async () => ({ access }),
    // What OpenOCD says now (a page that loads after a Reset run must not show the state of before).
    getStatus: async () => (controller.status().state === 'connected' ? controller.refreshTarget() : controller.status()),
    // The controller runs starts and stops one at a time (a start restarts a running
    // OpenOCD; a stop during a start ends it at once), so no queue is needed here.
    connect: async ({ profileId }) => {
      refuseWhileFlashing('Connect (it restarts OpenOCD)');
      const profile = await profiles.get(profileId);
      if (!profile) throw new ValidationError(`profileId: no profile '${profileId}'`);
      await profiles.markUsed(profile.id);
      await controller.start(services.board.profileFor(profile), gdbSwitchFor(services).startOptions(profile));
      // A failure may be retried under reset at once (troubleshooter): answer with the outcome.
      await troubleshooter.settled();
      return controller.status();
    },
    disconnect: async () => {
      refuseWhileFlashing('Disconnect');
      await controller.stop();
      return controller.status();
    },
    command: ({ tcl }) => {
      refuseShutdown(tcl);
      return controller.command(tcl);
    },
    // With no adapter on USB a hardware profile cannot connect: open with the virtual board.
    listProfiles: async () => preselectProfile(await profiles.list(), await services.listAdapters().catch(() => undefined)),
    saveProfile: ({ profile }) => profiles.save(profile),
    deleteProfile: ({ id }) => profiles.delete(id),
    listConfigs: () => services.listConfigs(),
    listAdapters: async () => {
      const all = await services.listAdapters();
      return all.map((adapter) => ({ adapter, ...profileForAdapter(all, adapter) }));
    },
    getLogHistory: async () => controller.logHistory(),

    // Chunked (progress, cancel, partial result): main/host/memory-reads.ts.
    readMemory: (req) => memoryReads.read(sessions.get().memory, req, (p) => gate.emit('memoryReadProgress', p)),
    cancelMemoryRead: async ({ readId }) => memoryReads.cancel(readId),
    writeMemory: async ({ address, width, values }) => {
      const memory = sessions.get().memory;
      if (width === 8) await memory.writeU8(address, values);
      else if (width === 16) await memory.writeU16(address, values);
      else await memory.writeU32(address, values);
      return null;
    },

    targetControl: async ({ action, mode }) => {
      const target = sessions.get().target;
      if (action === 'halt') await target.halt();
      else if (action === 'resume') await target.resume();
      else if (action === 'step') await target.step();
      else await target.reset(mode ?? 'run');
      // The badge follows at once (a status event before this reply), from OpenOCD's answer.
      await controller.refreshTarget();
      return target.state();
    },
    // No target configured (e.g. an adapter-only profile): nothing to read, and no error for the console.
    readRegisters: async () => (controller.status().info.targetName ? readCoreRegisters(sessions.get()) : { state: 'unknown', registers: [] }),
    writeRegister: async ({ name, value }) => {
      await sessions.get().registers.write(name, value);
      return null;
    },

    chooseImageFile: async () => {
      if (!services.chooseFile) {
        throw new ValidationError('The file dialog is only in the desktop app', { hint: 'In the browser, pick the file with the file field.' });
      }
      const file = await services.chooseFile();
      return file === undefined ? null : images.stagePath(file);
    },
    beginImageUpload: async ({ name, size }) => images.begin(name, size),
    uploadImageChunk: async ({ imageId, offset, data }) => images.chunk(imageId, offset, data),
    startFlash: async ({ op, imageId, address, length, verify, resetAfter }) => {
      const session = sessions.get();
      const image = imageId === undefined || op === 'erase-range' ? undefined : await images.load(imageId, address);
      // The file's bytes as flashed, for the history row's size and CRC32 (a path is read now).
      const raw = op === 'program' && imageId !== undefined ? await images.raw(imageId) : undefined;
      const req = { op, verify, resetAfter, ...(image ? { image } : {}), ...(op === 'erase-range' && address !== undefined && length !== undefined ? { range: { address, length } } : {}) };
      return services.flashJobs.start(session, req, (e) => {
        // A flashed .elf names addresses from now on (Registers, breakpoints, go-to).
        if (e.type === 'done' && imageId !== undefined && op === 'program') void symbolsAfterFlash(services, imageId).catch(() => undefined);
        if (e.type !== 'progress') {
          if (raw) void recordFlash(raw, e.type, address, resetAfter);
          // The badge follows the target after the job (running after "reset and run", halted otherwise).
          void controller.refreshTarget().catch(() => undefined);
        }
        gate.emit('flashProgress', e);
      });
    },
    flashHistory: () => services.flashHistory.list(),
    stageHistoryImage: async ({ id }) => {
      const row = await services.flashHistory.get(id);
      if (!row) throw new ValidationError(`no flash '${id}' in the history`, { hint: 'It was pushed out by newer flashes; choose the image file again.' });
      const out = (image: Awaited<ReturnType<typeof images.stagePath>>) => (row.address !== undefined ? { image, address: row.address } : { image });
      if (row.path) {
        return out(
          await images.stagePath(row.path).catch((err: unknown) => {
            throw new ValidationError(`${row.name} is gone from ${row.path}`, { hint: 'The file was moved or deleted since it was flashed; choose it again.', cause: err });
          }),
        );
      }
      const bytes = await services.flashHistory.keptBytes(row);
      if (!bytes) throw new ValidationError(`${row.name}: the kept copy of this image is gone`, { hint: 'Choose or drop the image file again.' });
      return out(images.stageBytes(row.name, bytes));
    },
    cancelFlash: async ({ jobId }) => services.flashJobs.cancel(jobId),

    rttStart: (req) => rtt.start(sessions.get(), req),
    rttChannels: () => rtt.channels(sessions.get()),
    rttOpen: async ({ channel }) => {
      await rtt.open(sessions.get(), channel);
      return null;
    },
    rttWrite: async ({ channel, text }) => {
      await rtt.write(sessions.get(), channel, text);
      return null;
    },
    rttClose: async () => {
      await rtt.close();
      return null;
    },

    getBoard: () => services.board.state(),
    setBoardFaults: ({ faults }) => {
      refuseWhileFlashing('Switching the board (it may restart OpenOCD)');
      return services.board.set(faults);
    },

    getSettings: async () => {
      const settings = await services.settings.get();
      return { settings, openocd: await checkOpenOcd(settings.openocdPath) };
    },
    saveSettings: async ({ settings, confirmed }) => {
      // Refused before anything runs it; only the desktop app (the one with a file dialog) can confirm a renamed OpenOCD.
      const chosen = settings.openocdPath?.trim();
      const desktop = services.chooseFile !== undefined;
      const problem = chosen ? openOcdNameProblem(chosen) : undefined;
      if (problem && !(confirmed === true && desktop)) throw new ValidationError(problem, { hint: desktop ? NAME_HINT_DESKTOP : NAME_HINT_BROWSER });
      const saved = await services.settings.save(settings);
      return { settings: saved, openocd: await checkOpenOcd(saved.openocdPath) };
    },

    diagnose: ({ answers }) => troubleshooter.diagnose('on-demand', answers),
    applyFix: (req) => {
      refuseWhileFlashing('Applying a fix (it reconnects)');
      return troubleshooter.applyFix(req);
    },
    undoFix: ({ fixId }) => {
      refuseWhileFlashing('Undoing a fix (it reconnects)');
      return troubleshooter.undoFix(fixId);
    },

    runCheck: (req) => {
      refuseWhileFlashing('The power-on check (it reconnects and tests the flash)');
      return checks.run(req, (p) => gate.emit('checkProgress', p));
    },
    cancelCheck: async () => checks.cancel(),
    listCheckReports: () => checks.list(),

    stationView: () => station.view(),
    stationSetJob: (req) => station.setJob(req),
    stationSetSlots: (req) => station.setSlots(req),
    stationStart: async ({ slotId, typedSerial }) => station.start(slotId, typedSerial),
    stationRerunFailed: async () => station.rerunFailed(),
    stationStop: async () => station.stop(),
    stationLock: async ({ locked }) => station.lock(locked),
    stationSetAutoStart: async ({ on }) => station.setAutoStart(on),
    stationExport: () => station.exportCsv(),

    // The engineer's workbench (issue 11): each folder implements its own channels.
    ...peripheralHandlers(services),
    ...debugHandlers(services),
    ...memtoolHandlers(services),
    ...gdbHandlers(services),
    ...disasmHandlers(services),
    ...deviceHandlers(services),
  };

  return {
    async handle(channel, rawRequest) {
      const handler = handlers[channel] as ((req: unknown) => Promise<unknown>) | undefined;
      if (!handler) return { ok: false, error: new ValidationError(`channel: unknown channel '${String(channel)}'`).toValue() };
      // Refused before validation: a view-only caller learns nothing from a write's checks.
      if (!allowedFor(access, channel)) return { ok: false, error: new ValidationError(viewOnlyRefusal(channel).message, { hint: viewOnlyRefusal(channel).hint }).toValue() };
      const req = validateRequest(channel, rawRequest);
      if (!req.ok) return req;
      try {
        return { ok: true, value: await handler(req.value) };
      } catch (err) {
        const error = toErrorValue(err);
        // OpenOCD's answers to requests never reach its log: the troubleshooter weighs them too.
        troubleshooter.noteRpcError(error, channel);
        return { ok: false, error };
      }
    },
    pageReset: () => gate.close(),
    dispose() {
      unlistenStation();
      for (const u of unsubscribe) u();
      batcher.dispose();
      rtt.dispose();
      memoryReads.dispose();
    },
  };
}
