// Target events for the Breakpoints and Peripherals panels: a halt (a hit, a step, a
// halt from the console) shows why and where, and re-reads the open peripherals when
// their auto refresh is "while halted".
import { useStore } from './index';
import { onTargetEventForDebug } from './debug-actions';
import { refreshOpenPeripherals } from './periph-actions';

export function onTargetEventForWorkbench(name: string): void {
  onTargetEventForDebug(name);
  if (name === 'halted' && useStore.getState().periphRefresh === 'halted') void refreshOpenPeripherals();
}
