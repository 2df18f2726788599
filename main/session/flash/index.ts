// Flash: banks, erase, chunked programming with progress, verify, read, protection.
export { Flash, type FlashOptions } from './flash';
export { Stm32f1x } from './stm32f1x';
export type * from './types';
export { parseFlashBanks, parseFlashInfoText, combineFlashInfo, parseStm32f1xOptions } from './parse';
export { planChunks, planErase, splitByBank, sectorsForRange } from './plan';
