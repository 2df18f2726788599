// Every shortcut is listed in the README, and each key matches only its own entry.
import { describe, expect, it } from 'vitest';
import { matchCommands } from './commands';
import { SHORTCUTS, type Keys } from './shortcuts';
// The README as text (Vite's ?raw import: no node:fs in renderer/).
import readme from '../../README.md?raw';

const key = (k: Partial<Keys>): Keys => ({ key: '', code: '', ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...k });

describe('keyboard shortcuts', () => {
  it('are all in the README table', () => {
    const table = readme.slice(readme.indexOf('## Keyboard shortcuts'), readme.indexOf('## Benchmarks'));
    for (const s of SHORTCUTS) expect(table, s.label).toContain(s.label);
  });
  it('match one entry each', () => {
    const cases: [Partial<Keys>, string][] = [
      [{ key: 'F5', code: 'F5' }, 'resume'],
      [{ key: 'F5', code: 'F5', ctrlKey: true, shiftKey: true }, 'resetHalt'],
      [{ key: 'F6' }, 'halt'],
      [{ key: 'F10' }, 'stepOver'],
      [{ key: 'F11' }, 'step'],
      [{ key: 'k', ctrlKey: true }, 'palette'],
      [{ key: 'k', metaKey: true }, 'palette'],
      [{ key: '†', code: 'KeyT', altKey: true }, 'toggleTheme'],
      [{ key: '3', code: 'Digit3', altKey: true }, 'tabPeripherals'],
      [{ key: 'g', ctrlKey: true }, 'goTo'],
      [{ key: 'G', metaKey: true }, 'goTo'],
      [{ key: '?', shiftKey: true }, 'help'],
    ];
    for (const [k, id] of cases) expect(SHORTCUTS.filter((s) => s.match(key(k))).map((s) => s.id)).toEqual([id]);
    expect(SHORTCUTS.filter((s) => s.match(key({ key: 'k' })))).toEqual([]);
    // A question mark typed into a field is text, not the shortcut list.
    const field = { tagName: 'INPUT' } as unknown as EventTarget;
    expect(SHORTCUTS.filter((s) => s.match(key({ key: '?', shiftKey: true, target: field })))).toEqual([]);
  });
  it('the palette finds commands by words in any order', () => {
    expect(matchCommands('halt reset').map((c) => c.id)).toEqual(['reset-halt']);
    expect(matchCommands('connect')[0]!.id).toBe('connect');
  });
});
