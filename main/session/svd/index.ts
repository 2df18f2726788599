// The SVD subsystem: CMSIS-SVD files -> a resolved register model, decode/encode,
// and register access through target memory. See model.ts for the look-up API.
export type * from './types';
export { parseSvd } from './build';
export { SvdModel } from './model';
export { loadSvd, loadSvdDevice, bundledWorkerPath, type LoadSvdOptions } from './load';
export { decode, encodeField, registerLabel } from './codec';
export type { FieldWrite } from './access';
export { stopSvdWorkers } from './worker-client';
