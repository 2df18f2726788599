// Every action the command palette offers (Ctrl+K / Cmd+K): connection, run control,
// tabs, the theme. Each says when it can run; the palette greys the rest out and
// shows the key that does the same.
import { useStore, type AppState } from '../store';
import { connect, disconnect } from '../store/actions';
import { control } from '../store/debug-actions';
import type { WorkTab } from '../store/layout-slice';
import { targetControl } from '../store/target-actions';
import { shortcutFor, type Shortcut } from './shortcuts';
import { setTheme, toggleTheme } from './theme';
import { setShortcutsHelpOpen } from './ShortcutsHelp';
import { goToField } from './go-to';

export interface PaletteCommand {
  id: string;
  title: string;
  /** The shortcut that does the same, if any. */
  key?: string;
  enabled(s: AppState): boolean;
  run(): void;
}

const hasTarget = (s: AppState) => s.status.state === 'connected' && s.status.info.targetName !== undefined && s.controlBusy === undefined;
const openTab = (tab: WorkTab) => () => useStore.setState({ activeTab: tab, workPinned: true });
const key = (id: Shortcut['id']) => shortcutFor(id);

export const COMMANDS: readonly PaletteCommand[] = [
  {
    id: 'connect',
    title: 'Connect',
    enabled: (s) => s.status.state !== 'connected' && s.status.state !== 'starting' && !s.busy && s.selectedId !== undefined,
    run: () => {
      const id = useStore.getState().selectedId;
      if (id) void connect(id);
    },
  },
  { id: 'disconnect', title: 'Disconnect', enabled: (s) => s.status.state === 'connected' || s.status.state === 'starting', run: () => void disconnect() },
  { id: 'halt', title: 'Halt', key: key('halt'), enabled: hasTarget, run: () => void control.halt() },
  { id: 'resume', title: 'Resume', key: key('resume'), enabled: hasTarget, run: () => void control.resume() },
  { id: 'step', title: 'Step one instruction', key: key('step'), enabled: hasTarget, run: () => void control.step() },
  { id: 'step-over', title: 'Step over', key: key('stepOver'), enabled: hasTarget, run: () => void control.stepOver() },
  { id: 'reset-halt', title: 'Reset and halt', key: key('resetHalt'), enabled: hasTarget, run: () => void control.resetHalt() },
  { id: 'reset-init', title: 'Reset init', enabled: hasTarget, run: () => void control.resetInit() },
  { id: 'reset-run', title: 'Reset and run', enabled: hasTarget, run: () => void targetControl('reset', 'run') },
  { id: 'tab-memory', title: 'Open Memory', key: key('tabMemory'), enabled: () => true, run: openTab('memory') },
  { id: 'tab-registers', title: 'Open Registers', key: key('tabRegisters'), enabled: () => true, run: openTab('registers') },
  { id: 'tab-peripherals', title: 'Open Peripherals', key: key('tabPeripherals'), enabled: () => true, run: openTab('peripherals') },
  { id: 'tab-breakpoints', title: 'Open Breakpoints', key: key('tabBreakpoints'), enabled: () => true, run: openTab('breakpoints') },
  { id: 'tab-flash', title: 'Open Flash', enabled: () => true, run: openTab('flash') },
  { id: 'tab-rtt', title: 'Open RTT', enabled: () => true, run: openTab('rtt') },
  { id: 'tab-check', title: 'Open Bring-up check', enabled: () => true, run: openTab('check') },
  { id: 'theme-toggle', title: 'Switch light / dark theme', key: key('toggleTheme'), enabled: () => true, run: toggleTheme },
  { id: 'shortcuts', title: 'Keyboard shortcuts', key: key('help'), enabled: () => true, run: () => setShortcutsHelpOpen(true) },
  { id: 'go-to-address', title: 'Go to address in memory', key: key('goTo'), enabled: () => true, run: goToField },
  { id: 'theme-system', title: 'Theme: follow the system', enabled: () => true, run: () => setTheme('system') },
];

/** Words in any order, each a substring of the title ("halt reset" finds "Reset and halt"). */
export function matchCommands(query: string, all: readonly PaletteCommand[] = COMMANDS): PaletteCommand[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return all.filter((c) => words.every((w) => c.title.toLowerCase().includes(w) || c.id.includes(w)));
}
