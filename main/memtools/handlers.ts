// The memory panel's tools: search a range for bytes or text, fill it, export it.
import { formatAddress } from '../../shared/hex';
import type { HandlersFor } from '../host/handlers-for';
import type { HostServices } from '../host/services';
import { toIntelHex } from './ihex-write';

/** Matches returned at most; the reply says when there were more. */
const MAX_MATCHES = 256;

type Channels = 'memorySearch' | 'memoryFill' | 'memoryExport';

export function memtoolHandlers(services: HostServices): HandlersFor<Channels> {
  const memory = () => services.sessions.get().memory;
  return {
    memorySearch: async ({ address, length, pattern }) => {
      const needle = pattern.kind === 'text' ? pattern.text : pattern.bytes.trim().split(/\s+/).flatMap((w) => w.match(/../g) ?? []).map((b) => parseInt(b, 16));
      const found = await memory().search(address, length, needle, { limit: MAX_MATCHES + 1 });
      return { matches: found.slice(0, MAX_MATCHES), truncated: found.length > MAX_MATCHES };
    },
    memoryFill: async ({ address, length, value }) => {
      await memory().fill(address, length, value);
      return null;
    },
    memoryExport: async ({ address, length, format }) => {
      const bytes = await memory().readBytes(address, length);
      const base = `memory-${formatAddress(address)}-${length}`;
      if (format === 'bin') return { name: `${base}.bin`, data: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64') };
      return { name: `${base}.hex`, data: Buffer.from(toIntelHex(address, bytes), 'utf8').toString('base64') };
    },
  };
}
