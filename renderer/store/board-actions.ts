// The virtual board menu: read the fault switches, flip one.
import { currentApi } from './actions';
import { useStore } from './index';

export async function loadBoard(): Promise<void> {
  const r = await currentApi().getBoard();
  useStore.setState(r.ok ? { board: r.value, boardError: undefined } : { boardError: r.error });
}

export async function setFault(name: string, on: boolean): Promise<void> {
  const board = useStore.getState().board;
  if (!board) return;
  // noisy-link may carry a rate ("noisy-link:0.01"): match on the name.
  const others = board.faults.filter((f) => f.split(':')[0] !== name);
  const faults = on ? [...others, name] : others;
  // Show the switch flipped at once; main's answer (the canonical list) replaces it.
  useStore.setState({ board: { ...board, faults } });
  const r = await currentApi().setBoardFaults({ faults });
  useStore.setState(r.ok ? { board: r.value, boardError: undefined } : { board, boardError: r.error });
}
