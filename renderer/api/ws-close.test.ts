// Issue 17: when `bringup serve` closes the page's socket, the page can say why: the
// server's reason, or what the code means when there was none.
import { describe, expect, it } from 'vitest';
import { describeClose } from './ws-client';

describe('why the socket closed', () => {
  it("shows the server's reason as given", () => {
    expect(describeClose(1009, 'message of 5242956 bytes is over the 4 MiB limit')).toBe('message of 5242956 bytes is over the 4 MiB limit');
    expect(describeClose(1001, 'bringup serve stopped (SIGTERM)')).toBe('bringup serve stopped (SIGTERM)');
  });
  it('names the code when there is no reason (ws cuts absurd frames with 1009 alone)', () => {
    expect(describeClose(1009, '')).toBe("a message was over the server's size limit");
    expect(describeClose(1001, '')).toBe('the server is stopping');
    expect(describeClose(1006, '')).toBeUndefined();
  });
});
