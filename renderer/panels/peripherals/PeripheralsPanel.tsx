// Peripherals from the profile's SVD: a filterable tree peripheral → register → field,
// live reads (opening a peripheral reads it; auto refresh at each halt or at an
// interval), changed registers highlighted, field and register writes read back.
import { useEffect, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { hex } from '../../lib/numbers';
import { useStore } from '../../store';
import type { PeriphRefresh } from '../../store/periph-slice';
import { forgetSvd, loadPeriphModel, openSvdDialog, periphProfileId, readPeripheral, refreshOpenPeripherals, setPeriphFilter, toggleOpen, uploadSvd } from '../../store/periph-actions';
import { ErrorBox } from '../ErrorBox';
import './peripherals.css';
import { filterPeripherals } from './filter';
import { RegisterRow } from './RegisterRow';

/** Filter matches shown open without a click when there are this few. */
const AUTO_OPEN = 4;
/** Register rows rendered at most (a one-letter filter on an STM32H7 matches thousands). */
const MAX_ROWS = 400;

export function PeripheralsPanel() {
  const s = useStore(
    useShallow((st) => ({
      model: st.periphModel,
      loading: st.periphLoading,
      filter: st.periphFilter,
      open: st.periphOpen,
      reads: st.periphReads,
      prev: st.periphPrev,
      busy: st.periphBusy,
      refresh: st.periphRefresh,
      error: st.periphError,
      notice: st.periphNotice,
      apiKind: st.apiKind,
    })),
  );
  const connected = useStore((st) => st.status.state === 'connected' && st.status.info.targetName !== undefined);
  const running = useStore((st) => st.status.target === 'running');
  const profileId = useStore((st) => periphProfileId(st));
  const fileRef = useRef<HTMLInputElement>(null);

  // The model follows the profile (each remembers its own SVD).
  useEffect(() => {
    if (profileId && s.model?.profileId !== profileId) void loadPeriphModel();
  }, [profileId, s.model?.profileId]);

  // Interval refresh while the target runs (at a halt the target event does it).
  useEffect(() => {
    if (typeof s.refresh !== 'number' || !connected) return;
    const t = setInterval(() => void refreshOpenPeripherals(), s.refresh);
    return () => clearInterval(t);
  }, [s.refresh, connected]);

  const filtered = useMemo(() => (s.model ? filterPeripherals(s.model.peripherals, s.filter) : []), [s.model, s.filter]);
  // A filter opens what it found: a few peripherals, or the registers it matched inside them.
  const filtering = s.filter.trim() !== '';
  const few = filtering && filtered.length <= AUTO_OPEN;
  let rows = 0;

  return (
    <section className="panel work-panel peripherals-panel" data-testid="peripherals" aria-label="Peripherals">
      <div className="toolbar">
        <input
          className="w-filter"
          data-testid="periph-filter"
          type="search"
          placeholder="filter: GPIOC, ODR, a field…"
          aria-label="Filter peripherals, registers and fields"
          value={s.filter}
          onChange={(e) => setPeriphFilter(e.target.value)}
        />
        <label className="field-inline" title="Re-read the open peripherals">
          <span>Refresh</span>
          <select data-testid="periph-refresh" value={String(s.refresh)} onChange={(e) => useStore.setState({ periphRefresh: (/^\d+$/.test(e.target.value) ? Number(e.target.value) : e.target.value) as PeriphRefresh })}>
            <option value="off">manual</option>
            <option value="halted">at each halt</option>
            <option value="1000">every 1 s</option>
            <option value="5000">every 5 s</option>
          </select>
        </label>
        {running ? <span className="muted small">target running: values are a snapshot</span> : null}
        <span className="spacer" />
        <span className="muted small" data-testid="periph-source" title={s.model ? s.model.device : undefined}>
          {s.loading ? 'loading SVD…' : s.model ? `${s.model.device} · ${s.model.source}` : s.model === null ? 'no SVD for this profile' : ''}
        </span>
        {s.apiKind === 'electron' ? (
          <button type="button" data-testid="periph-open" disabled={s.loading} onClick={() => void openSvdDialog()}>Open SVD…</button>
        ) : (
          <>
            <input ref={fileRef} type="file" accept=".svd,.xml" hidden data-testid="periph-file" onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void uploadSvd(f);
              e.target.value = '';
            }} />
            <button type="button" data-testid="periph-open" disabled={s.loading} onClick={() => fileRef.current?.click()}>Open SVD…</button>
          </>
        )}
        {s.model && !s.model.bundled ? <button type="button" className="small" data-testid="periph-forget" onClick={() => void forgetSvd()}>Use bundled</button> : null}
      </div>
      {s.notice ? <p className="notice small" data-testid="periph-notice">{s.notice}</p> : null}
      {s.error ? <ErrorBox error={s.error} testId="periph-error" /> : null}

      {s.model === null ? (
        <p className="muted">This profile has no SVD file. Open the chip&apos;s .svd (from the vendor&apos;s pack or the cmsis-svd collection) to see its peripherals decoded.</p>
      ) : !s.model ? null : filtered.length === 0 ? (
        <p className="muted" data-testid="periph-none">Nothing matches “{s.filter}”.</p>
      ) : (
        <ul className="svd-tree" data-testid="periph-tree">
          {filtered.map(({ peripheral: p, registers, fieldHits, whole }) => {
            const open = s.open[p.name] ?? (few || (filtering && !whole));
            const read = s.reads[p.name];
            const prev = s.prev[p.name];
            const shown = open && rows < MAX_ROWS ? registers.slice(0, MAX_ROWS - rows) : [];
            rows += shown.length;
            return (
              <li key={p.name} className="svd-periph" data-testid="periph-row" data-name={p.name}>
                <div className="svd-periph-line">
                  <button type="button" className="tree-toggle" data-testid="periph-toggle" aria-expanded={open} onClick={() => toggleOpen(p.name, !open)}>
                    {open ? '▾' : '▸'}
                  </button>
                  <span className="mono svd-name">{p.name}</span>
                  <span className="mono muted small">{hex(p.baseAddress)}</span>
                  <span className="muted small ellipsis">{p.description}</span>
                  <span className="spacer" />
                  {read ? <span className="muted small" data-testid="periph-read-at">read {new Date(read.readAt).toLocaleTimeString()}</span> : null}
                  <button type="button" data-testid="periph-read" disabled={!connected || s.busy !== undefined} onClick={() => void readPeripheral(p.name)}>
                    {s.busy === p.name ? 'Reading…' : 'Read'}
                  </button>
                </div>
                {shown.length ? (
                  <ul className="svd-regs">
                    {shown.map((r) => (
                      <RegisterRow
                        key={r.name}
                        peripheral={p.name}
                        reg={r}
                        read={read?.registers.find((x) => x.name === r.name)}
                        prev={prev?.registers.find((x) => x.name === r.name)}
                        open={s.open[`${p.name}.${r.name}`] ?? (fieldHits.has(r.name) || (filtering && registers.length <= 2))}
                        busy={s.busy !== undefined}
                        connected={connected}
                      />
                    ))}
                  </ul>
                ) : null}
                {open && shown.length < registers.length ? <p className="muted small">{registers.length - shown.length} more registers: narrow the filter.</p> : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
