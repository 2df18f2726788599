import type { StateCreator } from 'zustand';

export type WorkTab = 'memory' | 'registers' | 'flash';

export interface LayoutSlice {
  activeTab: WorkTab;
  /** 'electron' offers the native file dialog in the flash panel. */
  apiKind: 'electron' | 'websocket';
}

export const createLayoutSlice: StateCreator<LayoutSlice, [], [], LayoutSlice> = () => ({
  activeTab: 'memory',
  apiKind: 'websocket',
});
