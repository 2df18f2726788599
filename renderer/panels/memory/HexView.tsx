// The virtualized hex view: a spacer as tall as all rows, and only the rows in the
// viewport (plus a few) rendered inside it. A 1 MiB block is 65536 rows; the DOM
// holds a few dozen.
import { Fragment, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { hex } from '../../lib/numbers';
import type { MemoryBlockView } from '../../store/memory-slice';
import { asciiOf, byteHex, rowAt, rowCount, rowOf, visibleRows } from './hex-rows';
import { byteChanged, ReadHistory } from './changed-bytes';
import './changed-bytes.css';
import { groupRow, type GroupSize } from './hex-groups';
import { moveSelection } from './hex-keys';

/** Must match .hex-row's height in workbench.css. */
export const ROW_HEIGHT = 20;

interface Props {
  block: MemoryBlockView;
  /** Address of the selected byte/word, highlighted. */
  selected?: { address: number; size: number };
  scrollTo?: { address: number; seq: number };
  onSelect(address: number): void;
  /** 8/16/32-bit units (hex-groups.ts); bytes when absent. */
  group?: GroupSize;
  littleEndian?: boolean;
  /** A hex digit typed with a byte selected: the panel starts editing its value. */
  onType?(digit: string): void;
}

export function HexView({ block, selected, scrollTo, onSelect, group = 1, littleEndian = true, onType }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(400);
  const rows = rowCount(block.bytes.length);
  // Bytes that differ from the read before this one are highlighted (changed-bytes.ts).
  const history = useRef(new ReadHistory());
  const prev = history.current.previousOf(block);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = (): void => setViewport(el.clientHeight || 400);
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // A new block starts at its top.
  useEffect(() => {
    if (ref.current) ref.current.scrollTop = 0;
    setScrollTop(0);
  }, [block.address, block.bytes.length]);

  useEffect(() => {
    if (!scrollTo || !ref.current) return;
    const row = rowOf(scrollTo.address, block.address, block.bytes.length);
    if (row === undefined) return;
    const top = Math.max(0, row * ROW_HEIGHT - ROW_HEIGHT * 2);
    ref.current.scrollTop = top;
    setScrollTop(top);
  }, [scrollTo?.seq, block, scrollTo]);

  const { first, end } = visibleRows(scrollTop, viewport, ROW_HEIGHT, rows);
  const rendered = [];
  for (let i = first; i < end; i++) {
    const row = rowAt(block.bytes, block.address, i);
    rendered.push(
      <div key={i} className="hex-row" data-testid="hex-row" data-address={hex(row.address)} style={{ top: i * ROW_HEIGHT }}>
        <span className="hex-addr">{hex(row.address)}</span>
        <span className="hex-bytes">
          {group > 1 ? groupRow(row.bytes, group, littleEndian).map((g) => {
            const addr = row.address + g.offset;
            const sel = selected && addr < selected.address + selected.size && selected.address < addr + g.size;
            let changed = false;
            for (let k = 0; k < g.size; k++) changed ||= byteChanged(prev, addr + k, row.bytes[g.offset + k]!);
            return (
              <Fragment key={g.offset}>
                {g.offset === 8 ? '  ' : g.offset > 0 ? ' ' : ''}
                <span className={`hex-byte${sel ? ' selected' : ''}${changed ? ' changed' : ''}`} data-testid="hex-unit" data-addr={addr}>
                  {g.text}
                </span>
              </Fragment>
            );
          }) : Array.from(row.bytes, (b, j) => {
            const addr = row.address + j;
            const sel = selected && addr >= selected.address && addr < selected.address + selected.size;
            // One element per byte, the gap as a text node, and one click handler for the
            // whole view (below): fewer nodes per frame while scrolling (bench/hexview.ts).
            return (
              <Fragment key={j}>
                {j === 8 ? '  ' : j > 0 ? ' ' : ''}
                <span className={`hex-byte${sel ? ' selected' : ''}${byteChanged(prev, addr, b) ? ' changed' : ''}`} data-testid="hex-byte" data-addr={addr}>
                  {byteHex(b)}
                </span>
              </Fragment>
            );
          })}
        </span>
        <span className="hex-ascii">{asciiOf(row.bytes)}</span>
      </div>,
    );
  }

  return (
    <div
      className="hex-view"
      data-testid="hex-view"
      ref={ref}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      onClick={(e) => {
        const addr = (e.target as HTMLElement).dataset['addr'];
        if (addr !== undefined) onSelect(Number(addr));
      }}
      tabIndex={0}
      onKeyDown={(e) => {
        if (e.ctrlKey || e.metaKey || e.altKey) return;
        if (/^[0-9a-fA-F]$/.test(e.key) && selected && onType) {
          e.preventDefault();
          onType(e.key);
          return;
        }
        const pageRows = Math.floor(viewport / ROW_HEIGHT) - 1;
        const at = selected?.address ?? block.address;
        const next = moveSelection(e.key, at, selected?.size ?? Math.max(1, group), { address: block.address, length: block.bytes.length }, pageRows);
        if (next === undefined) return;
        e.preventDefault();
        onSelect(next);
        // Keep the selection on screen.
        const el = ref.current;
        const row = rowOf(next, block.address, block.bytes.length);
        if (!el || row === undefined) return;
        const y = row * ROW_HEIGHT;
        if (y < el.scrollTop) el.scrollTop = y;
        else if (y + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = y + ROW_HEIGHT - el.clientHeight;
        setScrollTop(el.scrollTop);
      }}
    >
      <div className="hex-spacer" style={{ height: rows * ROW_HEIGHT }}>
        {rendered}
      </div>
    </div>
  );
}
