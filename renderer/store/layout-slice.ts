import type { StateCreator } from 'zustand';

/** 'troubleshoot' exists while the troubleshooter is open (a failed connect opens it in front). */
export type WorkTab = 'troubleshoot' | 'memory' | 'registers' | 'flash' | 'rtt' | 'check' | 'peripherals' | 'breakpoints' | 'station' | 'device';

export interface LayoutSlice {
  activeTab: WorkTab;
  /** The user opened a tab while no target was connected: keep the work area open anyway. */
  workPinned: boolean;
  /** 'electron' offers the native file dialog in the flash panel. */
  apiKind: 'electron' | 'websocket';
  /** 'view': opened with the supervisor's view-only token (bringup serve); main refuses every write. */
  access: 'operator' | 'view';
}

export const createLayoutSlice: StateCreator<LayoutSlice, [], [], LayoutSlice> = () => ({
  activeTab: 'memory',
  workPinned: false,
  apiKind: 'websocket',
  access: 'operator',
});
