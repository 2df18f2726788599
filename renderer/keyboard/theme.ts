// Light and dark themes: by default the page follows the OS (prefers-color-scheme);
// the switch overrides it, remembered in this browser's localStorage. The choice is
// the <html data-theme> attribute the stylesheet keys its colours on.
export type ThemeChoice = 'system' | 'light' | 'dark';

const KEY = 'bringup.theme';

export function savedTheme(): ThemeChoice {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system';
  }
}

export function systemTheme(): 'light' | 'dark' {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: light)').matches ? 'light' : 'dark';
}

export function effectiveTheme(choice: ThemeChoice): 'light' | 'dark' {
  return choice === 'system' ? systemTheme() : choice;
}

export function applyTheme(choice: ThemeChoice): void {
  document.documentElement.dataset.theme = effectiveTheme(choice);
  document.documentElement.dataset.themeChoice = choice;
  try {
    if (choice === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, choice);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

/** Follow the OS while the choice is "system". */
export function watchSystemTheme(current: () => ThemeChoice): () => void {
  if (typeof matchMedia !== 'function') return () => undefined;
  const mq = matchMedia('(prefers-color-scheme: light)');
  const on = (): void => {
    if (current() === 'system') applyTheme('system');
  };
  mq.addEventListener('change', on);
  return () => mq.removeEventListener('change', on);
}

// ---- the current choice, for the switch and the shortcut (no store slice needed) ----

let choice: ThemeChoice = 'system';
const listeners = new Set<() => void>();

export function initTheme(): void {
  choice = savedTheme();
  applyTheme(choice);
  watchSystemTheme(() => choice);
}

export function setTheme(next: ThemeChoice): void {
  choice = next;
  applyTheme(next);
  for (const l of listeners) l();
}

/** The shortcut: to the other of light / dark from what is on screen now. */
export function toggleTheme(): void {
  setTheme(effectiveTheme(choice) === 'dark' ? 'light' : 'dark');
}

export function themeChoice(): ThemeChoice {
  return choice;
}

export function subscribeTheme(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}
