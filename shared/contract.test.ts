import { describe, expect, it } from 'vitest';
import { EVENT_NAMES, INVOKE_NAMES, eventMethodName, ipcEventChannel, ipcInvokeChannel, isInvokeName } from './contract';

describe('contract', () => {
  it('derives distinct IPC channel strings and on<Event> method names', () => {
    const all = [...INVOKE_NAMES.map(ipcInvokeChannel), ...EVENT_NAMES.map(ipcEventChannel)];
    expect(new Set(all).size).toBe(all.length);
    // The renderer subscribes with on<Event>; the foundation's three must always be there.
    expect(EVENT_NAMES.map(eventMethodName)).toEqual(expect.arrayContaining(['onStatus', 'onLog', 'onTargetEvent']));
    for (const name of EVENT_NAMES) expect(eventMethodName(name)).toBe(`on${name[0]!.toUpperCase()}${name.slice(1)}`);
  });
  it('knows only its own channel names (no prototype keys)', () => {
    expect(isInvokeName('connect')).toBe(true);
    expect(isInvokeName('toString')).toBe(false);
    expect(isInvokeName('__proto__')).toBe(false);
  });
});
