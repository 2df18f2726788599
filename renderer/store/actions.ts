// Every state change of the renderer: module-level functions that call the api
// and update the store. IPC events land here too (see ../startup.ts).
import type { BringupApi } from '../../shared/contract';
import type { ConnectionStatus, LogLine } from '../../shared/connection';
import type { ErrorValue } from '../../shared/errors';
import type { ConnectionProfile } from '../../shared/profile';
import { formatBatch, formatCommandEcho, formatReply } from '../console/format';
import { EchoFilter, firstLine } from '../console/echo-filter';
import { scrollConsoleToBottom, writeToConsole } from '../console/console-sink';
import { attemptEnded, newAttempt } from './diagnose-attempt';
import { useStore } from './index';

let api: BringupApi | undefined;
const MAX_HISTORY = 200;

export function setApi(a: BringupApi): void {
  api = a;
}
function bridge(): BringupApi {
  if (!api) throw new Error('api not set: call setApi() at start-up');
  return api;
}
/** The api for panels that keep their own actions (e.g. the troubleshooter). */
export const currentApi = (): BringupApi => bridge();

// ---- events from main ----

let lastSeq = -1;
const echo = new EchoFilter();

/** Log lines, de-duplicated by seq (history and held events can overlap at start-up). */
export function onLogBatch(lines: readonly LogLine[]): void {
  const fresh = lines.filter((l) => l.seq > lastSeq);
  if (fresh.length === 0) return;
  lastSeq = fresh[fresh.length - 1]?.seq ?? lastSeq;
  writeToConsole(formatBatch(echo.filterLog(fresh)));
}

export function onStatus(status: ConnectionStatus): void {
  const before = useStore.getState().status.state;
  if (status.state === 'starting' && before !== 'starting') {
    // A visible break between one OpenOCD run's log and the next.
    const name = useStore.getState().profiles.find((p) => p.id === status.profileId)?.name ?? status.profileId ?? '';
    writeToConsole(`\x1b[2m──── starting OpenOCD${name ? `: ${name}` : ''} ────\x1b[0m\r\n`);
  }
  useStore.setState({ status });
}

export function onTargetEvent(name: string): void {
  useStore.setState({ lastTargetEvent: name });
}

// ---- connection ----

export async function connect(profileId: string): Promise<void> {
  // A new attempt: the last one's findings go (this attempt brings its own if it fails).
  useStore.setState({ busy: true, requestError: undefined, selectedId: profileId, ...newAttempt() });
  const r = await bridge().connect({ profileId });
  useStore.setState(r.ok ? { busy: false, status: r.value } : { busy: false, requestError: r.error });
  if (r.ok) useStore.setState(attemptEnded(useStore.getState(), r.value.state === 'connected'));
}

export async function disconnect(): Promise<void> {
  useStore.setState({ busy: true, requestError: undefined });
  const r = await bridge().disconnect();
  useStore.setState(r.ok ? { busy: false, status: r.value } : { busy: false, requestError: r.error });
}

// ---- console ----

// Commands run one at a time, in the order typed, so each reply prints under its own echo.
let commandQueue: Promise<void> = Promise.resolve();
let commandsPending = 0;

export function runCommand(tcl: string): Promise<void> {
  const cmd = tcl.trim();
  if (!cmd) return Promise.resolve();
  const history = useStore.getState().commandHistory.filter((h) => h !== cmd);
  history.push(cmd);
  commandsPending++;
  useStore.setState({ commandHistory: history.slice(-MAX_HISTORY), commandBusy: true });
  const run = async (): Promise<void> => {
    scrollConsoleToBottom();
    writeToConsole(formatCommandEcho(cmd));
    echo.begin();
    const r = await bridge().command({ tcl: cmd });
    // OpenOCD also logs each result: print the reply only where the log did not (see EchoFilter).
    if (r.ok) {
      if (echo.end(r.value)) writeToConsole(formatReply(r.value, false));
    } else {
      echo.endFailed(firstLine(r.error.openocdText));
      writeToConsole(formatReply(describeError(r.error), true));
    }
  };
  const done = commandQueue.then(run, run);
  commandQueue = done.catch(() => undefined);
  const settle = (): void => {
    commandsPending--;
    if (commandsPending === 0) useStore.setState({ commandBusy: false });
  };
  done.then(settle, settle);
  return done;
}

export function describeError(e: ErrorValue): string {
  const extra = (e.openocdText ?? '').split('\n').filter((l) => l.trim() && !e.message.includes(l.trim()));
  return [`${e.kind}: ${e.message}`, ...extra, e.hint ? `hint: ${e.hint}` : undefined].filter(Boolean).join('\n');
}

// ---- profiles ----

export async function loadProfiles(): Promise<void> {
  const r = await bridge().listProfiles();
  if (!r.ok) return;
  const current = useStore.getState().selectedId;
  const keep = current && r.value.profiles.some((p) => p.id === current);
  useStore.setState({ profiles: r.value.profiles, selectedId: keep ? current : r.value.selectedId });
}

export async function loadCatalogue(): Promise<void> {
  const r = await bridge().listConfigs();
  if (r.ok) useStore.setState({ catalogue: r.value });
}

export function selectProfile(id: string): void {
  useStore.setState({ selectedId: id });
}

export function openEditor(profile: ConnectionProfile): void {
  useStore.setState({ editing: structuredClone(profile), editorError: undefined });
  if (!useStore.getState().catalogue) void loadCatalogue();
}

export function closeEditor(): void {
  useStore.setState({ editing: undefined, editorError: undefined });
}

export async function saveProfile(profile: ConnectionProfile): Promise<boolean> {
  const r = await bridge().saveProfile({ profile });
  if (!r.ok) {
    useStore.setState({ editorError: r.error });
    return false;
  }
  useStore.setState({ profiles: r.value.profiles, selectedId: profile.id, editing: undefined, editorError: undefined });
  return true;
}

export async function deleteProfile(id: string): Promise<void> {
  const r = await bridge().deleteProfile({ id });
  if (!r.ok) {
    useStore.setState({ requestError: r.error });
    return;
  }
  useStore.setState({ profiles: r.value.profiles, selectedId: r.value.selectedId });
}
