// The memory panel's tools: search a range for hex bytes, text or a 32-bit word (matches
// jump the hex view; progress and Cancel between chunks), fill a range with a byte,
// export a range as .bin or Intel HEX (a download), compare with an image. The range defaults to the block on screen.
import { useRef, useState, type FormEvent } from 'react';
import type { ErrorValue } from '../../../shared/errors';
import { MAX_MEMORY_READ } from '../../../shared/workbench';
import { fromBase64 } from '../../lib/base64';
import { hex, parseAddress, parseLength, parseNumber } from '../../lib/numbers';
import { useStore } from '../../store';
import { currentApi } from '../../store/actions';
import { goToAddress, refreshMemory } from '../../store/memory-actions';
import { ErrorBox } from '../ErrorBox';
import './memtools.css';
import { LiveRefresh } from './LiveRefresh';
import { CompareImage } from './CompareImage';
import { hexBytes, patternBytes, searchChunks, type PatternKind } from './search-plan';

/** Bytes searched per request: small enough that progress moves and Cancel answers soon. */
const SEARCH_CHUNK = 16 * 1024;
/** Matches kept at most (the host caps each chunk the same way). */
const MAX_MATCHES = 256;

const MAX_TOOL_RANGE = 16 * 1024 * 1024;

function download(name: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([bytes.slice().buffer], { type: 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function MemoryTools() {
  const block = useStore((s) => s.memBlock);
  const connected = useStore((s) => s.status.state === 'connected');
  const [addrText, setAddrText] = useState('');
  const [lenText, setLenText] = useState('');
  const [pattern, setPattern] = useState('');
  const [kind, setKind] = useState<PatternKind>('hex');
  const [progress, setProgress] = useState<{ done: number; total: number } | undefined>();
  const cancelled = useRef(false);
  const [fillText, setFillText] = useState('0x00');
  const [format, setFormat] = useState<'bin' | 'ihex'>('bin');
  const [busy, setBusy] = useState<string | undefined>();
  const [matches, setMatches] = useState<{ list: number[]; truncated: boolean } | undefined>();
  const [error, setError] = useState<ErrorValue | undefined>();
  const [notice, setNotice] = useState<string | undefined>();

  /** The range typed, else the block on screen. */
  const range = (max: number): { address: number; length: number } | undefined => {
    const a = addrText.trim() ? parseAddress(addrText) : block ? { ok: true as const, value: block.address } : parseAddress('');
    if (!a.ok) return void setError({ kind: 'ValidationError', message: a.error });
    const l = lenText.trim() ? parseLength(lenText, max) : block ? { ok: true as const, value: block.bytes.length } : parseLength('', max);
    if (!l.ok) return void setError({ kind: 'ValidationError', message: l.error });
    if (a.value + l.value > 0x1_0000_0000) return void setError({ kind: 'ValidationError', message: 'the range runs past 0xffffffff' });
    return { address: a.value, length: l.value };
  };
  const act = (label: string, fn: () => Promise<void>) => async (e?: FormEvent) => {
    e?.preventDefault();
    setError(undefined);
    setNotice(undefined);
    setBusy(label);
    try {
      await fn();
    } finally {
      setBusy(undefined);
    }
  };

  const search = act('searching', async () => {
    const r0 = range(MAX_TOOL_RANGE);
    if (!r0) return;
    const p = patternBytes(kind, pattern);
    if (!p.ok) return setError({ kind: 'ValidationError', message: p.error });
    const bytes = hexBytes(p.bytes);
    const found = new Set<number>();
    let truncated = false;
    cancelled.current = false;
    setMatches(undefined);
    setProgress({ done: 0, total: r0.length });
    try {
      for (const c of searchChunks(r0.address, r0.length, p.bytes.length, SEARCH_CHUNK)) {
        if (cancelled.current) {
          setNotice(`search cancelled after ${c.address - r0.address} of ${r0.length} bytes`);
          break;
        }
        const r = await currentApi().memorySearch({ address: c.address, length: c.length, pattern: { kind: 'hex', bytes } });
        if (!r.ok) return setError(r.error);
        for (const m of r.value.matches) found.add(m);
        truncated ||= r.value.truncated;
        setMatches({ list: [...found].sort((a, b) => a - b), truncated });
        setProgress({ done: c.doneAfter, total: r0.length });
        if (found.size >= MAX_MATCHES) {
          truncated = true;
          break;
        }
      }
      setMatches({ list: [...found].sort((a, b) => a - b).slice(0, MAX_MATCHES), truncated });
    } finally {
      setProgress(undefined);
    }
  });
  const fill = act('filling', async () => {
    const r0 = range(MAX_TOOL_RANGE);
    if (!r0) return;
    const v = parseNumber(fillText);
    if (v === undefined || v > 0xff) return setError({ kind: 'ValidationError', message: `fill value '${fillText.trim()}' is not a byte (0x00..0xff)` });
    const r = await currentApi().memoryFill({ ...r0, value: v });
    if (!r.ok) return setError(r.error);
    setNotice(`filled ${r0.length} bytes at ${hex(r0.address)} with ${hex(v, 2)}`);
    if (useStore.getState().memBlock) await refreshMemory();
  });
  const exportRange = act('exporting', async () => {
    const r0 = range(MAX_MEMORY_READ);
    if (!r0) return;
    const r = await currentApi().memoryExport({ ...r0, format });
    if (!r.ok) return setError(r.error);
    download(r.value.name, fromBase64(r.value.data));
    setNotice(`saved ${r.value.name}`);
  });

  const off = !connected || busy !== undefined;
  return (
    <div className="mem-tools" data-testid="mem-tools">
      <div className="toolbar">
        <span className="muted">Range</span>
        <input className="mono w-addr" data-testid="tool-address" placeholder={block ? hex(block.address) : 'address'} aria-label="Range start" value={addrText} onChange={(e) => setAddrText(e.target.value)} />
        <input className="mono w-len" data-testid="tool-length" placeholder={block ? String(block.bytes.length) : 'length'} aria-label="Range length" value={lenText} onChange={(e) => setLenText(e.target.value)} />
        <span className="sep" />
        <form className="inline-form" onSubmit={search}>
          <select data-testid="search-kind" aria-label="Pattern kind" value={kind} onChange={(e) => setKind(e.target.value as PatternKind)}>
            <option value="hex">hex bytes</option>
            <option value="text">text</option>
            <option value="word">32-bit word</option>
          </select>
          <input className="mono" data-testid="search-pattern" placeholder={kind === 'hex' ? 'de ad be ef' : kind === 'word' ? '0xcafef00d' : 'text'} aria-label="Search pattern" value={pattern} onChange={(e) => setPattern(e.target.value)} />
          {progress ? (
            <button type="button" data-testid="search-cancel" onClick={() => (cancelled.current = true)}>Cancel</button>
          ) : (
            <button type="submit" data-testid="search-run" disabled={off}>Search</button>
          )}
        </form>
        <span className="sep" />
        <form className="inline-form" onSubmit={fill}>
          <input className="mono w-val" data-testid="fill-value" aria-label="Fill byte" value={fillText} onChange={(e) => setFillText(e.target.value)} />
          <button type="submit" data-testid="fill-run" disabled={off}>Fill</button>
        </form>
        <span className="sep" />
        <form className="inline-form" onSubmit={exportRange}>
          <select data-testid="export-format" aria-label="Export format" value={format} onChange={(e) => setFormat(e.target.value as 'bin' | 'ihex')}>
            <option value="bin">.bin</option>
            <option value="ihex">Intel HEX</option>
          </select>
          <button type="submit" data-testid="export-run" disabled={off}>Export</button>
        </form>
        <span className="sep" />
        <LiveRefresh />
        {busy ? <span className="muted">{busy}…</span> : null}
        {progress ? (
          <progress data-testid="search-progress" max={progress.total} value={progress.done} aria-label="Search progress" title={`${progress.done} of ${progress.total} bytes`} />
        ) : null}
        {notice ? <span className="notice" data-testid="tool-notice">{notice}</span> : null}
      </div>
      {matches ? (
        <div className="jumps" data-testid="search-results">
          <span className="muted">{matches.list.length === 0 ? 'no match' : `${matches.list.length}${matches.truncated ? '+' : ''} match${matches.list.length === 1 ? '' : 'es'}`}</span>
          {matches.list.slice(0, 32).map((a) => (
            <button type="button" key={a} className="chip mono" data-testid="search-match" onClick={() => void goToAddress(hex(a))}>{hex(a)}</button>
          ))}
        </div>
      ) : null}
      {error ? <ErrorBox error={error} testId="tool-error" /> : null}
      <CompareImage />
    </div>
  );
}
