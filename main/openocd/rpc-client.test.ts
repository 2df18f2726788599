import { afterEach, describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { pipeLink, TclRpcClient, MAX_REPLY_BYTES } from './rpc-client';
import { ConnectionError, OpenOCDError, TargetError, TimeoutError } from './errors';
import { startFrameServer, unwrapFrame, type FrameServer } from './test-tcp-server';
import { freePort } from './ports';

let server: FrameServer | undefined;
let client: TclRpcClient | undefined;
afterEach(async () => {
  client?.close();
  client = undefined;
  await server?.close();
  server = undefined;
});

async function setup(onFrame: Parameters<typeof startFrameServer>[0]): Promise<TclRpcClient> {
  server = await startFrameServer(onFrame);
  client = await TclRpcClient.connect('127.0.0.1', server.port, { timeoutMs: 2000 });
  return client;
}

describe('TclRpcClient framing', () => {
  it('sends the wrapped command + 0x1a and returns the text before the status suffix', async () => {
    const c = await setup((_f, s) => s.write('Open On-Chip Debugger 0.12.0\0O\x1a'));
    await expect(c.command('version')).resolves.toBe('Open On-Chip Debugger 0.12.0');
    expect(unwrapFrame(server!.frames[0]!)).toBe('version');
  });

  it('reassembles a reply split into 1-byte chunks, including inside a UTF-8 character', async () => {
    const reply = Buffer.from('tension ✓ ok\0O\x1a', 'utf8');
    const c = await setup(async (_f, s) => {
      for (const byte of reply) {
        s.write(Buffer.from([byte]));
        await new Promise((r) => setImmediate(r));
      }
    });
    await expect(c.command('x')).resolves.toBe('tension ✓ ok');
  });

  it('handles a reply whose separator starts the next chunk, and an empty reply', async () => {
    let n = 0;
    const c = await setup((_f, s) => {
      if (n++ === 0) {
        s.write('abc\0O');
        setTimeout(() => s.write('\x1a'), 5);
      } else s.write('\x1a');
    });
    await expect(c.command('a')).resolves.toBe('abc');
    await expect(c.command('b')).resolves.toBe('');
  });

  it('keeps exactly one command in flight and answers in FIFO order', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const c = await setup((frame, s) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      setTimeout(() => {
        inFlight--;
        s.write(`${unwrapFrame(frame)}\0O\x1a`);
      }, 3);
    });
    const results = await Promise.all(['one', 'two', 'three', 'four'].map((t) => c.command(`echo ${t}`)));
    expect(results).toEqual(['echo one', 'echo two', 'echo three', 'echo four']);
    expect(server!.frames.map(unwrapFrame)).toEqual(['echo one', 'echo two', 'echo three', 'echo four']);
    expect(maxInFlight).toBe(1);
  });
});

describe('TclRpcClient wrapper proc', () => {
  it('defines the wrapper with the first command only, and again when OpenOCD says it is missing', async () => {
    let n = 0;
    const c = await setup((frame, s) => {
      n++;
      if (n === 3) s.write('invalid command name "::__bw"\x1a'); // as OpenOCD answers once the proc is gone
      else s.write(`${unwrapFrame(frame)}\0O\x1a`);
    });
    expect(await c.command('a')).toBe('a');
    expect(await c.command('b')).toBe('b');
    expect(await c.command('c')).toBe('c');
    const f = server!.frames;
    expect(f.map((x) => x.startsWith('proc ::__bw '))).toEqual([true, false, false, true]);
  });
});

describe('TclRpcClient errors', () => {
  it('maps an error reply through the error table', async () => {
    const c = await setup((f, s) => {
      const cmd = unwrapFrame(f);
      s.write(cmd === 'mdw 0x20000000' ? 'Failed to read memory at 0x20000000\0E\x1a' : 'invalid command name "foo"\0E\x1a');
    });
    const e1 = await c.command('mdw 0x20000000').catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(TargetError);
    const e2 = await c.command('foo').catch((e: unknown) => e);
    expect(e2).toBeInstanceOf(OpenOCDError);
    expect((e2 as Error).message).toBe('invalid command name "foo"');
    // the connection is still usable after a command error
    expect(c.closed).toBe(false);
  });

  it('times out a command, closes the connection and fails the queued ones', async () => {
    const c = await setup(() => undefined); // never answers
    const closed = new Promise<Error | undefined>((r) => c.once('close', r));
    const first = c.command('halt', { timeoutMs: 50 }).catch((e: unknown) => e);
    const second = c.command('resume').catch((e: unknown) => e);
    expect(await first).toBeInstanceOf(TimeoutError);
    expect(await second).toBeInstanceOf(ConnectionError);
    expect(await closed).toBeInstanceOf(ConnectionError);
    expect(c.closed).toBe(true);
    await expect(c.command('version')).rejects.toBeInstanceOf(ConnectionError);
  });

  it('over a pipe (tcl_port pipe) a timeout keeps the link: the late reply is dropped, the next command gets its own', async () => {
    // The two halves of OpenOCD's stdin/stdout, as pipeLink sees them.
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    const written: string[] = [];
    stdin.on('data', (d: Buffer) => written.push(...d.toString().split('\x1a').filter(Boolean)));
    const c = TclRpcClient.over(pipeLink(stdin, stdout));
    client = c;
    const slow = c.command('sleep 200', { timeoutMs: 50 }).catch((e: unknown) => e);
    expect(await slow).toBeInstanceOf(TimeoutError);
    expect(c.closed).toBe(false);
    const next = c.command('version');
    stdout.write('slept\0O\x1a'); // the timed-out command's answer, late
    stdout.write('Open On-Chip Debugger 0.12.0\0O\x1a');
    await expect(next).resolves.toBe('Open On-Chip Debugger 0.12.0');
    expect(written.map(unwrapFrame).filter((f) => !f.startsWith('proc '))).toEqual(['sleep 200', 'version']);
    // Its end is OpenOCD's end: closing the client ends OpenOCD's stdin.
    const ended = new Promise<void>((r) => stdin.once('finish', () => r()));
    c.close();
    await ended;
  });

  it('treats a reply over 10 MB without a separator as the wrong port', async () => {
    const c = await setup((_f, s) => {
      const chunk = Buffer.alloc(1024 * 1024, 0x41);
      for (let i = 0; i <= MAX_REPLY_BYTES / chunk.length; i++) s.write(chunk);
    });
    const err = await c.command('version', { timeoutMs: 10_000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect((err as Error).message).toMatch(/wrong port/);
  });

  it('fails the pending and all queued commands when the socket closes mid-command', async () => {
    const c = await setup((_f, s) => s.destroy());
    const all = await Promise.all(['a', 'b', 'c'].map((t) => c.command(t).catch((e: unknown) => e)));
    for (const e of all) expect(e).toBeInstanceOf(ConnectionError);
  });

  it('reports a refused connection as ConnectionError', async () => {
    const port = await freePort();
    await expect(TclRpcClient.connect('127.0.0.1', port, { timeoutMs: 1000 })).rejects.toBeInstanceOf(ConnectionError);
  });
});
