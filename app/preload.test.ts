// The built preload (npm test builds before it runs the unit tests): narrow and small,
// one method per contract channel, and no schema library or other code inside.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVENT_NAMES, INVOKE_NAMES, eventMethodName, ipcEventChannel, ipcInvokeChannel } from '../shared/contract';
import { eventMethodNameOf, ipcEventChannelOf, ipcInvokeChannelOf } from '../shared/channel-naming';

const built = path.join(__dirname, '..', 'dist', 'app', 'preload.js');

describe('preload', () => {
  it('derives the same channel strings and method names as the contract', () => {
    for (const n of INVOKE_NAMES) expect(ipcInvokeChannelOf(n)).toBe(ipcInvokeChannel(n));
    for (const n of EVENT_NAMES) {
      expect(ipcEventChannelOf(n)).toBe(ipcEventChannel(n));
      expect(eventMethodNameOf(n)).toBe(eventMethodName(n));
    }
  });

  it.skipIf(!existsSync(built))('is built with every channel of the contract baked in, and stays small (no zod)', () => {
    const text = readFileSync(built, 'utf8');
    for (const n of [...INVOKE_NAMES, ...EVENT_NAMES]) expect(text).toContain(`"${n}"`);
    expect(text).not.toMatch(/zod/i);
    expect(text.length).toBeLessThan(8 * 1024);
  });
});
