// One library Session per OpenOCD connection. The panels' channels (memory,
// registers, flash) go through it; a fresh one is made after every (re)connect so
// per-connection caches (flash geometry, byte order) never outlive the target.
import type { OpenOcdControllerImpl } from '../openocd/controller';
import { ConnectionError } from '../openocd/errors';
import { Session } from '../session/session';
import { quietController } from './quiet-controller';

export class SessionHolder {
  private current: Session | undefined;
  private readonly unsubscribe: () => void;

  constructor(private readonly controller: OpenOcdControllerImpl) {
    this.unsubscribe = controller.onStatus((s) => {
      if (s.state !== 'connected') this.drop();
    });
  }

  /** The session of the live connection; ConnectionError when OpenOCD is not connected. */
  get(): Session {
    const state = this.controller.status().state;
    if (state !== 'connected') throw new ConnectionError(`OpenOCD is not connected (state: ${state})`, { hint: 'Connect first.' });
    this.current ??= Session.fromController(quietController(this.controller));
    return this.current;
  }

  dispose(): void {
    this.unsubscribe();
    this.drop();
  }

  private drop(): void {
    // close() of a controller-backed session only detaches its listeners; OpenOCD keeps running.
    void this.current?.close();
    this.current = undefined;
  }
}
