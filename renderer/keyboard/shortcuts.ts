// The workbench's keyboard shortcuts, in one table: the global key handler, the
// buttons' tooltips and the README list all come from here. Debugger keys follow
// VS Code / Cortex-Debug (F5 resume, F6 halt, F10 step over, F11 step).
export interface Shortcut {
  id: 'palette' | 'help' | 'goTo' | 'resume' | 'halt' | 'step' | 'stepOver' | 'resetHalt' | 'toggleTheme' | 'tabPeripherals' | 'tabBreakpoints' | 'tabMemory' | 'tabRegisters';
  /** As shown to the user. */
  label: string;
  /** What it does. */
  does: string;
  match(e: Keys): boolean;
}

export type Keys = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'> & { target?: EventTarget | null };

/** "?" typed into a field is a question mark, not the shortcut list. */
function isTyping(e: Keys): boolean {
  const t = e.target as { tagName?: string; isContentEditable?: boolean } | null | undefined;
  if (!t || typeof t.tagName !== 'string') return false;
  return t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable === true;
}

const plain = (key: string) => (e: Keys) =>
  e.key === key && !e.ctrlKey && !e.metaKey && !e.shiftKey && !e.altKey;
/** By physical key (code): on macOS Option+T types a dagger, not a t. */
const alt = (code: string) => (e: Keys) => e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && e.code === code;

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'palette', label: 'Ctrl+K / Cmd+K', does: 'Command palette: every action by name', match: (e) => (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'k' },
  { id: 'help', label: '?', does: 'This list of keyboard shortcuts (Esc closes)', match: (e) => e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTyping(e) },
  { id: 'goTo', label: 'Ctrl+G / Cmd+G', does: 'Go to an address in the memory view', match: (e) => (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'g' },
  { id: 'resume', label: 'F5', does: 'Resume', match: plain('F5') },
  { id: 'halt', label: 'F6', does: 'Halt', match: plain('F6') },
  { id: 'stepOver', label: 'F10', does: 'Step over (a call runs to its return)', match: plain('F10') },
  { id: 'step', label: 'F11', does: 'Step one instruction', match: plain('F11') },
  { id: 'resetHalt', label: 'Ctrl+Shift+F5', does: 'Reset and halt', match: (e) => e.key === 'F5' && (e.ctrlKey || e.metaKey) && e.shiftKey },
  { id: 'toggleTheme', label: 'Alt+T', does: 'Switch between the light and dark theme', match: alt('KeyT') },
  { id: 'tabMemory', label: 'Alt+1', does: 'Memory tab', match: alt('Digit1') },
  { id: 'tabRegisters', label: 'Alt+2', does: 'Registers tab', match: alt('Digit2') },
  { id: 'tabPeripherals', label: 'Alt+3', does: 'Peripherals tab', match: alt('Digit3') },
  { id: 'tabBreakpoints', label: 'Alt+4', does: 'Breakpoints tab', match: alt('Digit4') },
];

export function shortcutFor(id: Shortcut['id']): string {
  return SHORTCUTS.find((s) => s.id === id)?.label ?? '';
}

/** "Resume (F5)" for a button's title. */
export function withKey(text: string, id: Shortcut['id']): string {
  return `${text} (${shortcutFor(id)})`;
}
