// Installs the global key handler (the table is shortcuts.ts) and the theme switch.
// Run-control keys act only while a target is connected; they work from any field,
// as a debugger's do, while Alt shortcuts leave text editing alone. A run-control key
// pressed while a command is in flight waits its turn (control-queue.ts).
import { useEffect, useSyncExternalStore } from 'react';
import { useStore } from '../store';
import { control } from '../store/debug-actions';
import type { WorkTab } from '../store/layout-slice';
import { SHORTCUTS, type Shortcut } from './shortcuts';
import './theme.css';
import { CommandPalette, setPaletteOpen } from './CommandPalette';
import { setShortcutsHelpOpen, shortcutsHelpOpen, ShortcutsHelp } from './ShortcutsHelp';
import { goToField } from './go-to';
import { createControlQueue } from './control-queue';
import { initTheme, setTheme, subscribeTheme, themeChoice, toggleTheme, type ThemeChoice } from './theme';

const TAB_FOR: Partial<Record<Shortcut['id'], WorkTab>> = {
  tabMemory: 'memory',
  tabRegisters: 'registers',
  tabPeripherals: 'peripherals',
  tabBreakpoints: 'breakpoints',
};

const CONTROL_FOR: Partial<Record<Shortcut['id'], () => Promise<void>>> = {
  resume: control.resume,
  halt: control.halt,
  step: control.step,
  stepOver: control.stepOver,
  resetHalt: control.resetHalt,
};

const hasTarget = (): boolean => {
  const s = useStore.getState();
  return s.status.state === 'connected' && s.status.info.targetName !== undefined;
};

const controlKeys = createControlQueue(
  () => {
    const s = useStore.getState();
    return s.controlBusy === undefined && s.debugBusy === undefined;
  },
  (cb) => useStore.subscribe(cb),
);

function run(id: Shortcut['id']): void {
  const tab = TAB_FOR[id];
  if (tab) {
    useStore.setState({ activeTab: tab, workPinned: true });
    return;
  }
  if (id === 'toggleTheme') return toggleTheme();
  if (id === 'palette') return setPaletteOpen(true);
  if (id === 'help') return setShortcutsHelpOpen(!shortcutsHelpOpen());
  if (id === 'goTo') return goToField();
  if (!hasTarget()) return;
  const action = CONTROL_FOR[id];
  // Checked again when its turn comes: the connection may have gone while it waited.
  if (action) controlKeys.push(async () => (hasTarget() ? action() : undefined));
}

export function handleShortcut(e: KeyboardEvent): boolean {
  const hit = SHORTCUTS.find((s) => s.match(e));
  if (!hit) return false;
  e.preventDefault();
  run(hit.id);
  return true;
}

let themeStarted = false;

export function KeyboardShortcuts() {
  if (!themeStarted) {
    themeStarted = true;
    initTheme();
  }
  useEffect(() => {
    const on = (e: KeyboardEvent): void => void handleShortcut(e);
    // Capture: the console's terminal must not swallow F-keys first.
    window.addEventListener('keydown', on, true);
    return () => window.removeEventListener('keydown', on, true);
  }, []);
  return (
    <>
      <CommandPalette />
      <ShortcutsHelp />
    </>
  );
}

/** In the top bar and in Settings: the same choice (theme.ts), kept in this browser's storage. */
export function ThemeSwitch({ testId = 'theme-select' }: { testId?: string }) {
  const choice = useSyncExternalStore(subscribeTheme, themeChoice);
  return (
    <label className="field-inline theme-switch" title="Theme (Alt+T switches light / dark)">
      <span className="muted small">Theme</span>
      <select data-testid={testId} value={choice} onChange={(e) => setTheme(e.target.value as ThemeChoice)}>
        <option value="system">system</option>
        <option value="light">light</option>
        <option value="dark">dark</option>
      </select>
    </label>
  );
}
