// The hex view's unit (byte, half-word, word) and byte order. Little-endian by default:
// the order every Cortex-M stores its words in.
import type { GroupSize } from './hex-groups';

export function HexFormat({ group, littleEndian, onChange }: { group: GroupSize; littleEndian: boolean; onChange(group: GroupSize, littleEndian: boolean): void }) {
  return (
    <span className="field-inline" title="Show the bytes as 8-, 16- or 32-bit units">
      <select data-testid="mem-group" aria-label="Grouping" value={group} onChange={(e) => onChange(Number(e.target.value) as GroupSize, littleEndian)}>
        <option value={1}>8-bit</option>
        <option value={2}>16-bit</option>
        <option value={4}>32-bit</option>
      </select>
      <select data-testid="mem-endian" aria-label="Byte order" value={littleEndian ? 'le' : 'be'} disabled={group === 1} onChange={(e) => onChange(group, e.target.value === 'le')}>
        <option value="le">little-endian</option>
        <option value="be">big-endian</option>
      </select>
    </span>
  );
}
