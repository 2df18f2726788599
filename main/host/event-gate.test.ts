import { describe, expect, it } from 'vitest';
import type { ConnectionStatus, LogLine } from '../../shared/connection';
import { EventGate } from './event-gate';

const status = (state: ConnectionStatus['state']): ConnectionStatus => ({ state, target: 'unknown', info: { taps: [] } });
const logs = (...seqs: number[]): LogLine[] => seqs.map((seq) => ({ seq, level: 'info', text: `l${seq}`, time: 0 }));

describe('EventGate', () => {
  it('holds events until the renderer is ready, then flushes them in order', () => {
    const got: string[] = [];
    const gate = new EventGate((name, payload) => got.push(`${name}:${JSON.stringify(payload).length > 0 ? (name === 'log' ? (payload as LogLine[]).map((l) => l.seq).join(',') : (payload as ConnectionStatus).state) : ''}`));
    gate.emit('log', logs(1, 2));
    gate.emit('status', status('starting'));
    gate.emit('log', logs(3));
    expect(got).toEqual([]);
    gate.open();
    expect(got).toEqual(['log:1,2', 'status:starting', 'log:3']);
    gate.emit('status', status('connected'));
    expect(got.at(-1)).toBe('status:connected');
  });

  it('keeps only the latest status while held', () => {
    const got: ConnectionStatus[] = [];
    const gate = new EventGate((name, payload) => name === 'status' && got.push(payload as ConnectionStatus));
    gate.emit('status', status('starting'));
    gate.emit('status', status('connected'));
    gate.open();
    expect(got.map((s) => s.state)).toEqual(['connected']);
  });

  it('bounds the held log: the oldest batches go first', () => {
    const got: LogLine[][] = [];
    const gate = new EventGate((name, payload) => name === 'log' && got.push(payload as LogLine[]));
    const big = 'x'.repeat(1024 * 1024);
    for (let i = 0; i < 8; i++) gate.emit('log', [{ seq: i, level: 'info', text: big, time: 0 }]);
    gate.open();
    const seqs = got.map((b) => b[0]?.seq);
    expect(seqs.length).toBeLessThan(8);
    expect(seqs.at(-1)).toBe(7);
  });

  it('holds again after close() (page reload) until the next open()', () => {
    const got: string[] = [];
    const gate = new EventGate((name) => got.push(name));
    gate.open();
    gate.close();
    gate.emit('targetEvent', { name: 'halted' });
    expect(got).toEqual([]);
    gate.open();
    expect(got).toEqual(['targetEvent']);
  });
});
