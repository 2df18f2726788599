// The type of a slice of the host's handler map, so a feature folder can implement its
// own channels and main/host.ts only spreads them in.
import type { InvokeName, ParsedRequestOf, ResponseOf } from '../../shared/contract';

export type HandlersFor<K extends InvokeName> = { [P in K]: (req: ParsedRequestOf<P>) => Promise<ResponseOf<P>> };
