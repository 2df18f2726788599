import type { StateCreator } from 'zustand';
import type { ErrorValue } from '../../shared/errors';
import type { BoardState } from '../../shared/workbench';

export interface BoardSlice {
  board?: BoardState;
  boardError?: ErrorValue;
}

export const createBoardSlice: StateCreator<BoardSlice, [], [], BoardSlice> = () => ({});
