// Which flash bank, if any, a CLI address falls in: `write` refuses flash (a memory
// write does not program it) and `read` explains a failed flash read. Banks that were
// never probed report size 0, so those are probed (geometry) before deciding.
import type { FlashBank } from '../session/flash/types';
import type { Session } from '../session/session';

export async function flashBankAt(session: Session, address: number, length = 1): Promise<FlashBank | undefined> {
  let banks: Array<Pick<FlashBank, 'index' | 'driver' | 'base' | 'size'>>;
  try {
    banks = await session.flash.banks();
    if (banks.some((b) => b.size === 0)) banks = await session.flash.geometry();
  } catch {
    return undefined; // no flash driver configured: nothing to say
  }
  const hit = banks.find((b) => b.size > 0 && address < b.base + b.size && address + length > b.base);
  return hit as FlashBank | undefined;
}
