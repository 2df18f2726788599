// The last flashes (kept by main): image, size, CRC32, time, result, and "Flash again"
// in one click (the image restaged from its kept bytes or its path, then programmed).
import { useStore } from '../../store';
import { flashAgain } from '../../store/flash-actions';
import { formatBytes } from '../../lib/numbers';

const RESULT_WORD = { done: 'OK', failed: 'Failed', cancelled: 'Cancelled' } as const;

export function FlashHistory({ disabled }: { disabled: boolean }) {
  const rows = useStore((s) => s.flashHistory);
  if (rows.length === 0) return null;
  return (
    <details className="flash-history" data-testid="flash-history" open>
      <summary>Recent flashes ({rows.length})</summary>
      <table className="grid small">
        <thead>
          <tr>
            <th>Image</th>
            <th>Size</th>
            <th>CRC32</th>
            <th>Time</th>
            <th>Result</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid="flash-history-row" data-result={r.result}>
              <td className="mono" title={r.path ?? 'uploaded; a copy is kept'}>
                {r.name}
                {r.address !== undefined ? <span className="muted"> @0x{r.address.toString(16).padStart(8, '0')}</span> : null}
              </td>
              <td className="mono">{formatBytes(r.size)}</td>
              <td className="mono" data-testid="flash-history-crc">{r.crc32.toString(16).padStart(8, '0')}</td>
              <td className="mono">{new Date(r.time).toLocaleString()}</td>
              <td data-testid="flash-history-result">{RESULT_WORD[r.result]}</td>
              <td>
                <button type="button" data-testid="flash-again" disabled={disabled} onClick={() => void flashAgain(r.id)} title="Stage this image again and program it">
                  Flash again
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
