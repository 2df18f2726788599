// The panel layout and the flash panel's options, remembered in this browser's
// localStorage (per page origin, like the theme): the active work tab (shown once
// the work area opens: a fresh page still stays folded until it connects), Verify
// and "Reset and run after programming". Restored once at start-up, saved whenever
// they change. A value that no longer makes sense (a removed tab) is ignored.
import type { WorkTab } from './layout-slice';
import { useStore } from './index';

const KEY = 'bringup.layout';
/** The troubleshooter's tab belongs to a failed connect, not to the layout. */
const TABS: ReadonlySet<WorkTab> = new Set<WorkTab>(['memory', 'registers', 'flash', 'rtt', 'check', 'peripherals', 'breakpoints', 'station', 'device']);

export interface RememberedLayout {
  activeTab?: WorkTab;
  flashVerify?: boolean;
  flashResetAfter?: boolean;
}

/** The saved layout, checked field by field (anything odd is dropped). */
export function parseLayout(text: string | null): RememberedLayout {
  if (!text) return {};
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof v !== 'object' || v === null) return {};
  const r = v as Record<string, unknown>;
  const out: RememberedLayout = {};
  if (typeof r.activeTab === 'string' && TABS.has(r.activeTab as WorkTab)) out.activeTab = r.activeTab as WorkTab;
  for (const k of ['flashVerify', 'flashResetAfter'] as const) if (typeof r[k] === 'boolean') out[k] = r[k];
  return out;
}

let started = false;

export function rememberLayout(): void {
  if (started) return;
  started = true;
  let storage: Storage | undefined;
  try {
    storage = localStorage;
  } catch {
    return; // no storage (private mode): the layout lasts for this page only
  }
  useStore.setState(parseLayout(storage.getItem(KEY)));
  let last = '';
  const save = (): void => {
    const s = useStore.getState();
    const keep: RememberedLayout = { flashVerify: s.flashVerify, flashResetAfter: s.flashResetAfter };
    if (TABS.has(s.activeTab)) keep.activeTab = s.activeTab;
    const text = JSON.stringify(keep);
    if (text === last) return;
    last = text;
    try {
      storage.setItem(KEY, text);
    } catch {
      // quota: not worth an error
    }
  };
  save();
  useStore.subscribe(save);
}
