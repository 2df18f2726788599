// The board menu's fault switches. They apply to the virtual board at once (most
// show on the next connect, as on a real board) and are remembered for the next
// start of the same profile: the host hands the controller the profile with the
// switched faults. The board itself stays between connects (keepBoardBetweenRuns),
// so the chip's own state (read/write protection) is what the chip has, not what
// the menu last said: an unlock sticks (vboard/faults.ts faultsOnReconnect).
import type { ConnectionProfile } from '../../shared/profile';
import { VBOARD_PROFILE_ID } from '../../shared/profile';
import type { BoardState } from '../../shared/workbench';
import type { OpenOcdControllerImpl } from '../openocd/controller';
import { ValidationError } from '../openocd/errors';
import { VBOARD_FAULTS } from '../vboard/api';
import { formatFaults, parseFaults, splitFaults } from '../vboard/faults';

export class BoardSwitches {
  /** Faults switched in the menu, by profile id. */
  private readonly chosen = new Map<string, string[]>();

  constructor(
    private readonly controller: OpenOcdControllerImpl,
    private readonly profile: (id: string) => Promise<ConnectionProfile | undefined>,
  ) {}

  async state(): Promise<BoardState> {
    const board = this.controller.virtualBoard();
    const known = [...VBOARD_FAULTS];
    if (board) {
      const st = board.stats();
      return { running: true, faults: board.faults(), known, led: st.ledOn ? 'on' : 'off', ledToggles: st.ledToggles, core: st.core };
    }
    const id = this.profileId();
    const faults = this.chosen.get(id) ?? (await this.profile(id))?.vboardFaults ?? [];
    return { running: false, faults, known };
  }

  async set(faults: string[]): Promise<BoardState> {
    let canonical: string[];
    try {
      canonical = formatFaults(parseFaults(faults));
    } catch (e) {
      throw new ValidationError(`faults: ${(e as Error).message}`);
    }
    const id = this.profileId();
    const board = this.controller.virtualBoard();
    if (board) {
      // Protection switched on a board on the bench acts on its chip now and stays with it;
      // what is remembered for the next start keeps the chip the profile describes, so the
      // reconnect finds the same board (controller: chipStateKey) with its flash intact.
      const before = this.chosen.get(id) ?? (await this.profile(id))?.vboardFaults ?? [];
      this.chosen.set(id, [...splitFaults(before).chip, ...splitFaults(canonical).bench]);
      board.setFaults(canonical);
    } else {
      this.chosen.set(id, canonical);
    }
    return this.state();
  }

  /** The profile to start: a virtual board profile gets the faults switched for it in the menu. */
  profileFor(profile: ConnectionProfile): ConnectionProfile {
    const chosen = this.chosen.get(profile.id);
    if (profile.kind !== 'vboard' || chosen === undefined) return profile;
    return { ...profile, vboardFaults: [...chosen] };
  }

  /** The profile the menu acts on: the one connected (or last connected), else the built-in board. */
  private profileId(): string {
    return this.controller.status().profileId ?? VBOARD_PROFILE_ID;
  }
}
