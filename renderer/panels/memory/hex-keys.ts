// Moving the hex view's selection from the keyboard, as in a hex editor: arrows by one
// unit (left / right) or one row (up / down), Page Up / Down by a screenful, Home / End
// to the block's ends. The selection stays inside the block.
import { BYTES_PER_ROW } from './hex-rows';

export function moveSelection(key: string, current: number, unit: number, block: { address: number; length: number }, pageRows: number): number | undefined {
  const step: Record<string, number> = {
    ArrowLeft: -unit,
    ArrowRight: unit,
    ArrowUp: -BYTES_PER_ROW,
    ArrowDown: BYTES_PER_ROW,
    PageUp: -BYTES_PER_ROW * Math.max(1, pageRows),
    PageDown: BYTES_PER_ROW * Math.max(1, pageRows),
  };
  const last = block.address + block.length - unit;
  if (key === 'Home') return block.address;
  if (key === 'End') return Math.max(block.address, last - ((last - block.address) % unit));
  const d = step[key];
  if (d === undefined) return undefined;
  const next = current + d;
  if (next < block.address) return key.startsWith('Page') ? block.address + ((current - block.address) % BYTES_PER_ROW) : current;
  if (next > last) return key.startsWith('Page') ? current + BYTES_PER_ROW * Math.floor((last - current) / BYTES_PER_ROW) : current;
  return next;
}
