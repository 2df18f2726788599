// The virtual board menu: read the fault switches, flip one.
import { currentApi } from './actions';
import { useStore } from './index';

export async function loadBoard(): Promise<void> {
  const r = await currentApi().getBoard();
  useStore.setState(r.ok ? { board: r.value, boardError: undefined } : { boardError: r.error });
}

export async function setFault(name: string, on: boolean): Promise<void> {
  const current = useStore.getState().board?.faults ?? [];
  // noisy-link may carry a rate ("noisy-link:0.01"): match on the name.
  const others = current.filter((f) => f.split(':')[0] !== name);
  const r = await currentApi().setBoardFaults({ faults: on ? [...others, name] : others });
  useStore.setState(r.ok ? { board: r.value, boardError: undefined } : { boardError: r.error });
}
