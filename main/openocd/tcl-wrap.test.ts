import { describe, expect, it } from 'vitest';
import { parseWrappedReply, tclQuote, wrapCommand } from './tcl-wrap';
import { ValidationError } from './errors';

// A tiny evaluator of Tcl double-quoted-word backslash rules, to check that
// tclQuote() round-trips (OpenOCD's Jim applies the same rules; the
// integration test checks the real thing).
function unquote(q: string): string {
  const map: Record<string, string> = { n: '\n', r: '\r', t: '\t' };
  let out = '';
  for (let i = 0; i < q.length; i++) {
    const c = q[i] as string;
    if (c === '\\') {
      const n = q[++i] as string;
      out += map[n] ?? n;
    } else if (c === '$' || c === '[' || c === '"') throw new Error(`unescaped ${c} at ${i}`);
    else out += c;
  }
  return out;
}

describe('tclQuote', () => {
  it.each(['mdw 0x08000000', 'set a {x', 'puts "}" ; [exit]', '$::env(HOME)', 'a\nb\r\tc\\', 'héllo ✓'])('round-trips %j', (t) => {
    expect(unquote(tclQuote(t))).toBe(t);
  });

  it('leaves no unescaped brace that could close the outer braces', () => {
    const q = tclQuote('}}}{');
    expect(q).toBe('\\}\\}\\}\\{');
  });
});

describe('wrapCommand', () => {
  it('rejects 0x1a and NUL, which cannot cross the wire', () => {
    expect(() => wrapCommand('echo \x1a')).toThrow(ValidationError);
    expect(() => wrapCommand('echo \0')).toThrow(ValidationError);
  });
  it('calls the wrapper proc with the quoted command, defining it first when asked', () => {
    expect(wrapCommand('set a {b}')).toBe('::__bw "set a \\{b\\}"');
    expect(wrapCommand('version', true)).toBe(
      'proc ::__bw {c} {if {[catch {uplevel #0 $c} m]} {return "$m\\x00E"} elseif {$m ne ""} {return "$m\\x00O"}}; ' +
        'proc ::__bwq {c} {if {[catch {uplevel #0 $c} m]} {return "$m\\x00E"} elseif {$m ne ""} {return "\\x00$m\\x00O"}}; ::__bw "version"',
    );
    expect(wrapCommand('version', false, true)).toBe('::__bwq "version"');
  });

  it('reads a quiet reply without its leading NUL', () => {
    expect(parseWrappedReply(Buffer.from('\0Open On-Chip Debugger 0.12.0\0O'))).toEqual({ ok: true, text: 'Open On-Chip Debugger 0.12.0' });
  });
});

describe('parseWrappedReply', () => {
  // Replies captured from OpenOCD 0.12.0 (dummy adapter) for wrapped commands.
  it.each([
    [Buffer.from(''), { ok: true, text: '' }],
    [Buffer.from('Open On-Chip Debugger 0.12.0\0O'), { ok: true, text: 'Open On-Chip Debugger 0.12.0' }],
    [Buffer.from('invalid command name "mdw"\0E'), { ok: false, text: 'invalid command name "mdw"' }],
    [Buffer.from('\0E'), { ok: false, text: '' }],
    [Buffer.from('h\xc3\xa9llo \xe2\x9c\x93\0O', 'latin1'), { ok: true, text: 'héllo ✓' }],
    [Buffer.from('line too long\n\0'), { ok: 'unknown', text: 'line too long\n' }],
  ])('%j', (buf, expected) => {
    expect(parseWrappedReply(buf)).toEqual(expected);
  });
});
