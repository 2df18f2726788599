// The page bench/hexview.ts scrolls in Chromium: `#hexview` mounts the memory panel's
// HexView on a 1 MiB block; `#baseline` is the floor, plain DOM rows (no React) in the same
// kind of virtualized scroller, as many as HexView keeps in the DOM, refilled on scroll.
import { createRoot } from 'react-dom/client';
import { HexView, ROW_HEIGHT } from '../renderer/panels/memory/HexView';
import { asciiOf, byteHex, rowAt, rowCount } from '../renderer/panels/memory/hex-rows';

const bytes = new Uint8Array(1024 * 1024).map((_, i) => (i * 131 + (i >> 8)) & 0xff);
const block = { address: 0x08000000, bytes, readAt: 0 };
const root = document.getElementById('root') as HTMLElement;

function baseline(): void {
  const view = document.createElement('div');
  view.className = 'hex-view';
  view.dataset['testid'] = 'hex-view';
  const spacer = document.createElement('div');
  spacer.className = 'hex-spacer';
  spacer.style.height = `${rowCount(bytes.length) * ROW_HEIGHT}px`;
  view.appendChild(spacer);
  root.appendChild(view);
  const count = Number(new URLSearchParams(location.search).get('rows') ?? 40);
  const rows = Array.from({ length: count }, () => {
    const r = document.createElement('div');
    r.className = 'hex-row';
    spacer.appendChild(r);
    return r;
  });
  const fill = (): void => {
    const first = Math.max(0, Math.floor(view.scrollTop / ROW_HEIGHT) - 5);
    rows.forEach((el, k) => {
      const i = first + k;
      const row = rowAt(bytes, block.address, i);
      el.style.top = `${i * ROW_HEIGHT}px`;
      el.textContent = `0x${row.address.toString(16).padStart(8, '0')}  ${Array.from(row.bytes, byteHex).join(' ')}  ${asciiOf(row.bytes)}`;
    });
  };
  view.addEventListener('scroll', fill);
  fill();
}

if (location.hash === '#baseline') baseline();
else createRoot(root).render(<HexView block={block} onSelect={() => undefined} />);
