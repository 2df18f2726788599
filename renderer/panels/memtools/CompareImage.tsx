// Compare a range with an image file (.bin, its bytes as they should be in memory): the
// file is read here in the page (nothing uploaded), the range read from the target at
// the address given (else the block on screen's), and the differences listed; each
// jumps the hex view.
import { useState } from 'react';
import type { ErrorValue } from '../../../shared/errors';
import { MAX_MEMORY_READ } from '../../../shared/workbench';
import { fromBase64 } from '../../lib/base64';
import { hex, parseAddress } from '../../lib/numbers';
import { useStore } from '../../store';
import { currentApi } from '../../store/actions';
import { goToAddress } from '../../store/memory-actions';
import { ErrorBox } from '../ErrorBox';
import { compareBytes, type Comparison } from './compare';

export function CompareImage() {
  const block = useStore((s) => s.memBlock);
  const connected = useStore((s) => s.status.state === 'connected');
  const [addrText, setAddrText] = useState('');
  const [file, setFile] = useState<File | undefined>();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<(Comparison & { name: string; address: number }) | undefined>();
  const [error, setError] = useState<ErrorValue | undefined>();

  const run = async (): Promise<void> => {
    setError(undefined);
    setResult(undefined);
    if (!file) return setError({ kind: 'ValidationError', message: 'compare: choose an image file (.bin) first' });
    const a = addrText.trim() ? parseAddress(addrText) : block ? { ok: true as const, value: block.address } : parseAddress('');
    if (!a.ok) return setError({ kind: 'ValidationError', message: a.error });
    if (file.size === 0) return setError({ kind: 'ValidationError', message: `compare: ${file.name} is empty` });
    if (file.size > MAX_MEMORY_READ) return setError({ kind: 'ValidationError', message: `compare: ${file.name} is ${file.size} bytes; at most ${MAX_MEMORY_READ} at once` });
    if (a.value + file.size > 0x1_0000_0000) return setError({ kind: 'ValidationError', message: 'the range runs past 0xffffffff' });
    setBusy(true);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const r = await currentApi().readMemory({ address: a.value, length: bytes.length });
      if (!r.ok) return setError(r.error);
      setResult({ ...compareBytes(a.value, fromBase64(r.value.data), bytes), name: file.name, address: a.value });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="toolbar" data-testid="mem-compare">
      <span className="muted">Compare with image</span>
      <input type="file" data-testid="compare-file" aria-label="Image file to compare" onChange={(e) => setFile(e.target.files?.[0])} />
      <input className="mono w-addr" data-testid="compare-address" aria-label="Compare at address" placeholder={block ? hex(block.address) : 'address'} value={addrText} onChange={(e) => setAddrText(e.target.value)} />
      <button type="button" data-testid="compare-run" disabled={!connected || busy} onClick={() => void run()}>Compare</button>
      {busy ? <span className="muted">comparing…</span> : null}
      {result ? (
        <span data-testid="compare-result" className={result.differing === 0 && !result.short ? 'notice' : 'warn'}>
          {result.differing === 0
            ? `${result.name}: identical, ${result.compared} bytes at ${hex(result.address)}`
            : `${result.name}: ${result.differing} of ${result.compared} bytes differ`}
          {result.short ? ` (only ${result.compared} bytes could be read)` : ''}
        </span>
      ) : null}
      {result?.first.map((d) => (
        <button type="button" key={d.address} className="chip mono" data-testid="compare-diff" title={`target ${hex(d.target, 2)}, file ${hex(d.file, 2)}`} onClick={() => void goToAddress(hex(d.address))}>
          {hex(d.address)}: {hex(d.target, 2)} (file {hex(d.file, 2)})
        </button>
      ))}
      {error ? <ErrorBox error={error} testId="compare-error" /> : null}
    </div>
  );
}
