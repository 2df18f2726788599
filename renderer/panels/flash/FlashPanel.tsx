// Flash: pick an image, Program / Verify / Erase all as cancellable jobs with a
// per-phase progress bar. The outcome (done, failed, cancelled) stays until the next job.
import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { MAX_IMAGE_BYTES } from '../../../shared/workbench';
import { formatBytes } from '../../lib/numbers';
import { useStore } from '../../store';
import { cancelFlash, chooseWithDialog, loadFlashHistory, setFlashFields, startFlash, uploadFile } from '../../store/flash-actions';
import { ErrorBox } from '../ErrorBox';
import { describeOutcome, percent, phaseLabel, speed } from './flash-format';
import { SymbolsButton } from './SymbolsButton';
import { FlashHistory } from './FlashHistory';
import './flash.css';

const ACCEPT = '.bin,.hex,.ihex,.elf,.axf,.out,.s19,.srec,.mot';
const OUTCOME_WORD = { done: 'Done', failed: 'Failed', cancelled: 'Cancelled' } as const;

export function FlashPanel() {
  const s = useStore(
    useShallow((st) => ({
      image: st.image,
      upload: st.upload,
      address: st.flashAddressText,
      verify: st.flashVerify,
      resetAfter: st.flashResetAfter,
      eraseAddress: st.eraseAddressText,
      eraseLength: st.eraseLengthText,
      job: st.flashJob,
      error: st.flashError,
      apiKind: st.apiKind,
    })),
  );
  const fileRef = useRef<HTMLInputElement>(null);
  const connected = useStore((st) => st.status.state === 'connected');
  const running = s.job !== undefined && s.job.outcome === undefined;
  const canRun = connected && !running && s.upload === undefined;
  const progress = s.job?.progress;
  const outcome = s.job?.outcome ? describeOutcome(s.job.outcome) : undefined;
  // A finished job shows its bar full.
  const pct = s.job?.outcome?.type === 'done' ? 100 : progress ? percent(progress) : 0;
  const [dragging, setDragging] = useState(false);
  useEffect(() => void loadFlashHistory(), []);
  // Drop an image anywhere on the panel: it goes the way a picked file does (uploaded to main).
  const canDrop = !running && s.upload === undefined;
  const drop = {
    onDragOver: (e: React.DragEvent) => {
      if (!canDrop || !e.dataTransfer.types.includes('Files')) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    },
    onDragLeave: () => setDragging(false),
    onDrop: (e: React.DragEvent) => {
      e.preventDefault();
      setDragging(false);
      const f = e.dataTransfer.files[0];
      if (f && canDrop) void uploadFile(f);
    },
  };

  return (
    <section className={dragging ? 'panel work-panel flash-panel dragging' : 'panel work-panel flash-panel'} data-testid="flash-panel" aria-label="Flash" {...drop}>
      <div className="flash-drop muted small" data-testid="flash-drop" data-dragging={dragging ? 'yes' : 'no'}>
        {dragging ? 'Drop to load this image' : 'Drop an image file here (.bin, .hex, .elf, .srec)'}
      </div>
      <div className="form-grid">
        <span className="muted">Image</span>
        <div className="row-inline">
          {/* The native file input stays hidden: it says "No file chosen" once its value is
              cleared (so the same file can be picked again) or when the image came back
              from the host after a reload, right beside the image that IS loaded. */}
          <input
            ref={fileRef}
            type="file"
            accept={ACCEPT}
            hidden
            data-testid="flash-file"
            disabled={running}
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void uploadFile(f);
              e.target.value = ''; // picking the same file again re-uploads it (it may have been rebuilt)
            }}
          />
          {s.apiKind === 'electron' ? (
            <button type="button" data-testid="flash-choose" disabled={running} onClick={() => void chooseWithDialog()}>
              {s.image ? 'Choose another…' : 'Choose…'}
            </button>
          ) : (
            <>
              <button type="button" data-testid="flash-choose-file" disabled={running || s.upload !== undefined} onClick={() => fileRef.current?.click()}>
                {s.image ? 'Choose another image…' : 'Choose image…'}
              </button>
              <span className="muted small">up to {formatBytes(MAX_IMAGE_BYTES)}</span>
            </>
          )}
        </div>
        <span />
        <div data-testid="flash-image" className="image-info">
          {s.upload ? (
            <span className="muted">
              uploading {s.upload.name}: {formatBytes(s.upload.sent)} of {formatBytes(s.upload.total)}
            </span>
          ) : s.image ? (
            <>
              <strong className="mono">{s.image.name}</strong> <span className="muted">{s.image.format} · {formatBytes(s.image.size)}</span>
              {s.image.path ? <div className="muted small mono">{s.image.path} (read again at each Program)</div> : null}
              <SymbolsButton image={s.image} />
            </>
          ) : (
            <span className="muted">No image chosen.</span>
          )}
        </div>
        <span className="muted">Address</span>
        <div className="row-inline">
          <input
            className="mono w-addr"
            data-testid="flash-address"
            value={s.address}
            disabled={s.image !== undefined && s.image.format !== 'bin'}
            onChange={(e) => setFlashFields({ flashAddressText: e.target.value })}
          />
          <span className="muted small">{s.image && s.image.format !== 'bin' ? 'the file carries its own addresses' : 'load address of a raw .bin'}</span>
        </div>
        <span />
        <label className="check">
          <input type="checkbox" data-testid="flash-verify" checked={s.verify} onChange={(e) => setFlashFields({ flashVerify: e.target.checked })} /> Verify after
          programming
        </label>
        <span />
        <label className="check" title="reset run after programming (and a good verify): the new firmware starts">
          <input type="checkbox" data-testid="flash-reset-after" checked={s.resetAfter} onChange={(e) => setFlashFields({ flashResetAfter: e.target.checked })} /> Reset and run
          after programming
        </label>
        <span className="muted">Erase range</span>
        <div className="row-inline">
          <input className="mono w-addr" data-testid="erase-address" aria-label="Erase from address" value={s.eraseAddress} onChange={(e) => setFlashFields({ eraseAddressText: e.target.value })} />
          <input className="mono w-addr" data-testid="erase-length" aria-label="Erase length" value={s.eraseLength} onChange={(e) => setFlashFields({ eraseLengthText: e.target.value })} />
          <button
            type="button"
            className="danger"
            data-testid="flash-erase-range"
            disabled={!canRun}
            onClick={() => window.confirm(`Erase the sectors from ${s.eraseAddress}, ${s.eraseLength} bytes?`) && void startFlash('erase-range')}
          >
            Erase sectors
          </button>
          <span className="muted small">address and length on sector boundaries</span>
        </div>
      </div>

      <div className="toolbar">
        <button type="button" className="primary" data-testid="flash-program" disabled={!canRun || !s.image} onClick={() => void startFlash('program')}>
          Program
        </button>
        <button type="button" data-testid="flash-verify-only" disabled={!canRun || !s.image} onClick={() => void startFlash('verify')}>
          Verify only
        </button>
        <button
          type="button"
          className="danger"
          data-testid="flash-erase-all"
          disabled={!canRun}
          onClick={() => window.confirm('Erase the whole flash? The firmware on the target will be gone.') && void startFlash('erase-all')}
        >
          Erase all
        </button>
        <span className="spacer" />
        {running ? (
          <button type="button" data-testid="flash-cancel" disabled={s.job?.cancelling || s.job?.jobId === undefined} onClick={() => void cancelFlash()}>
            {s.job?.cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        ) : null}
      </div>

      {s.job ? (
        <div className="flash-progress" data-testid="flash-progress">
          <div className="progress-head">
            <span data-testid="flash-phase">{s.job.outcome ? OUTCOME_WORD[s.job.outcome.type] : progress ? phaseLabel(progress) : 'Preparing (reset init)…'}</span>
            <span data-testid="flash-percent" className="mono">{pct}%</span>
            <span data-testid="flash-speed" className="mono muted">{progress && !s.job.outcome && progress.phase !== 'erase' ? speed(progress.bytesPerSecond) : ''}</span>
            {progress ? <span className="mono muted">{formatBytes(progress.done)} / {formatBytes(progress.total)}</span> : null}
          </div>
          <div className="bar" role="progressbar" aria-label="Flash progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} data-testid="flash-bar">
            <div className={`bar-fill ${outcome?.tone ?? ''}`} data-testid="flash-bar-fill" style={{ width: `${pct}%` }} />
          </div>
          {outcome ? (
            <div className={`flash-result ${outcome.tone}`} data-testid="flash-result" data-outcome={s.job.outcome?.type}>
              <strong>{outcome.title}</strong>
              {outcome.detail ? <pre>{outcome.detail}</pre> : null}
              {s.job.resetAfter && s.job.outcome?.type === 'done' && s.job.outcome.verify?.ok !== false ? (
                <div className="small" data-testid="flash-reset-note">Reset and run: the target runs the new firmware.</div>
              ) : null}
            </div>
          ) : null}
        </div>
      ) : null}
      {s.error ? <ErrorBox error={s.error} testId="flash-error" /> : null}
      <FlashHistory disabled={!canRun} />
    </section>
  );
}
