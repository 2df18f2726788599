import { describe, expect, it } from 'vitest';
import type { LogLine } from '../../shared/connection';
import { LineSplitter, MAX_LINE_CHARS, LogRing, parseLogLevel, parseTargetVoltage, reasonLines } from './log-lines';

describe('parseLogLevel', () => {
  it.each([
    ['Error: Can\'t find interface/xyz.cfg', 'error'],
    ['Warn : Transport "jtag" was already selected', 'warning'],
    ['Info : clock speed 1000 kHz', 'info'],
    ['Debug: 123 45 command.c:12 run_command(): x', 'debug'],
    ['User : 12 34 command.c:1 f(): hello', 'user'],
    ['adapter speed: 1000 kHz', 'user'],
    ['', 'user'],
    ['embedded:startup.tcl:28: Error: Can\'t find interface/xyz.cfg', 'error'],
    ['Errors: not a prefix', 'user'],
  ] as const)('%j → %s', (line, level) => {
    expect(parseLogLevel(line)).toBe(level);
  });
});

describe('LineSplitter', () => {
  it('splits lines across chunks and strips CR', () => {
    const s = new LineSplitter();
    expect(s.push(Buffer.from('Info : a\r\nInfo'))).toEqual(['Info : a']);
    expect(s.push(Buffer.from(' : b\nc'))).toEqual(['Info : b']);
    expect(s.flush()).toEqual(['c']);
    expect(s.flush()).toEqual([]);
  });

  it('never splits a multi-byte UTF-8 character across chunks', () => {
    const bytes = Buffer.from('Info : tension ✓ 3.3 V — ok\n', 'utf8');
    const check = bytes.indexOf(0xe2); // first byte of ✓
    const s = new LineSplitter();
    const out = [...s.push(bytes.subarray(0, check + 1)), ...s.push(bytes.subarray(check + 1, check + 2)), ...s.push(bytes.subarray(check + 2))];
    expect(out).toEqual(['Info : tension ✓ 3.3 V — ok']);
  });
});

describe('LogRing', () => {
  const line = (seq: number, level: LogLine['level'] = 'info'): LogLine => ({ seq, level, text: `line ${seq}`, time: 0 });
  it('keeps the last N lines in order', () => {
    const r = new LogRing(3);
    for (let i = 1; i <= 5; i++) r.push(line(i));
    expect(r.toArray().map((l) => l.seq)).toEqual([3, 4, 5]);
    expect(r.size).toBe(3);
  });

  it('reasonLines lists errors first, then the tail without repeats', () => {
    const lines = [line(1, 'error'), line(2), line(3), line(4, 'error'), line(5)];
    expect(reasonLines(lines, 2)).toEqual(['line 1', 'line 4', 'line 5']);
  });
});

describe('parseTargetVoltage', () => {
  it.each([
    ['Info : Target voltage: 3.236292', 3.236292], // stlink_usb.c
    ['Info : VTarget = 3.300 V', 3.3], // jlink.c
    ['Info : VTARG = 1.800 V', 1.8], // kitprog.c
    ['Info : clock speed 950 kHz', undefined],
  ])('%s', (text, v) => {
    expect(parseTargetVoltage(text)).toBe(v);
  });
});

describe('LineSplitter bound', () => {
  it('cuts text that never ends its line at MAX_LINE_CHARS, keeping every character', () => {
    const s = new LineSplitter();
    const out: string[] = [];
    const chunk = Buffer.alloc(10_000, 'x');
    for (let i = 0; i < 20; i++) out.push(...s.push(chunk)); // 200,000 bytes, no newline
    expect(out.map((l) => l.length)).toEqual([MAX_LINE_CHARS, MAX_LINE_CHARS, MAX_LINE_CHARS]);
    out.push(...s.push('\n'));
    expect(out.join('').length).toBe(200_000);
    expect(out.every((l) => l.length <= MAX_LINE_CHARS)).toBe(true);
  });

  it('never cuts a surrogate pair', () => {
    const s = new LineSplitter(4);
    expect(s.push('abc😀def')).toEqual(['abc', '😀de']);
    expect(s.flush()).toEqual(['f']);
  });
});
