import { afterEach, describe, expect, it } from 'vitest';
import { NotificationClient, parseNotification, type Notification } from './notifications';
import { startFrameServer, type FrameServer } from './test-tcp-server';

describe('parseNotification (tcl_server.c 0.12 formats)', () => {
  it.each([
    ['type target_event event halted\r\n', { type: 'target_event', event: 'halted' }],
    ['type target_event event reset-assert-post\r\n', { type: 'target_event', event: 'reset-assert-post' }],
    ['type target_state state running\r\n', { type: 'target_state', state: 'running' }],
    ['type target_reset mode halt\r\n', { type: 'target_reset', mode: 'halt' }],
  ])('%j', (frame, expected) => {
    expect(parseNotification(frame)).toMatchObject(expected);
  });
  it('ignores frames that are not notifications', () => {
    expect(parseNotification('')).toBeUndefined();
    expect(parseNotification('Open On-Chip Debugger')).toBeUndefined();
  });
});

let server: FrameServer | undefined;
let client: NotificationClient | undefined;
afterEach(async () => {
  client?.close();
  await server?.close();
});

describe('NotificationClient', () => {
  it('switches notifications on, then emits each frame, also when frames are merged or split', async () => {
    server = await startFrameServer((frame, s) => {
      expect(frame).toBe('tcl_notifications on');
      s.write('\x1a'); // the command's (empty) reply
      setTimeout(() => {
        s.write('type target_event event halted\r\n\x1atype target_state state ha');
        setTimeout(() => s.write('lted\r\n\x1a'), 5);
      }, 5);
    });
    client = await NotificationClient.connect('127.0.0.1', server.port);
    const got: Notification[] = [];
    await new Promise<void>((resolve) =>
      client!.on('notification', (n) => {
        got.push(n);
        if (got.length === 2) resolve();
      }),
    );
    expect(got.map((n) => n.type)).toEqual(['target_event', 'target_state']);
    expect(got[1]).toMatchObject({ state: 'halted' });
  });
});
