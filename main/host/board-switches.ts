// The board menu's fault switches. They apply to the running virtual board at
// once (most show on the next connect, as on a real board) and are remembered for
// the next start: the controller builds a fresh board per connect from the profile,
// so the host hands it the profile with the switched faults.
import type { ConnectionProfile } from '../../shared/profile';
import type { BoardState } from '../../shared/workbench';
import type { OpenOcdControllerImpl } from '../openocd/controller';
import { ValidationError } from '../openocd/errors';
import { VBOARD_FAULTS } from '../vboard/api';
import { formatFaults, parseFaults } from '../vboard/faults';

export class BoardSwitches {
  /** Set once the user touched the menu; until then a profile's own faults apply. */
  private chosen: string[] | undefined;

  constructor(private readonly controller: OpenOcdControllerImpl) {}

  state(): BoardState {
    const board = this.controller.virtualBoard();
    return { running: board !== undefined, faults: board ? board.faults() : (this.chosen ?? []), known: [...VBOARD_FAULTS] };
  }

  set(faults: string[]): BoardState {
    let canonical: string[];
    try {
      canonical = formatFaults(parseFaults(faults));
    } catch (e) {
      throw new ValidationError(`faults: ${(e as Error).message}`);
    }
    this.chosen = canonical;
    this.controller.virtualBoard()?.setFaults(canonical);
    return this.state();
  }

  /** The profile to start: a virtual board profile gets the switched faults. */
  profileFor(profile: ConnectionProfile): ConnectionProfile {
    if (profile.kind !== 'vboard' || this.chosen === undefined) return profile;
    return { ...profile, vboardFaults: [...this.chosen] };
  }
}
