// "GPIOC" or "GPIOC.ODR" (any case) -> its address, from the profile's SVD model, so
// the memory panel's "go to" takes peripheral and register names too.
import { useStore } from './index';

export function svdAddressOf(text: string): number | undefined {
  const model = useStore.getState().periphModel;
  const m = /^\s*([A-Za-z_][\w]*)(?:\.([\w.[\]]+))?\s*$/.exec(text);
  if (!model || !m) return undefined;
  const p = model.peripherals.find((x) => x.name.toLowerCase() === m[1]!.toLowerCase());
  if (!p) return undefined;
  if (!m[2]) return p.baseAddress;
  return p.registers.find((r) => r.name.toLowerCase() === m[2]!.toLowerCase())?.address;
}
