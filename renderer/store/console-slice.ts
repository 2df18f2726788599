import type { StateCreator } from 'zustand';

// The console's text lives in the xterm Terminal (renderer/console/terminal.ts),
// not here: React state only holds what the input needs.
export interface ConsoleSlice {
  /** Commands typed, oldest first (bounded). */
  commandHistory: string[];
  commandBusy: boolean;
}

export const createConsoleSlice: StateCreator<ConsoleSlice, [], [], ConsoleSlice> = () => ({
  commandHistory: [],
  commandBusy: false,
});
