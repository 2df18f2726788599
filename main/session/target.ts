// Run control of the current target: state, halt, resume, step, reset, wait, and the
// target's events (from the notifications socket) as typed subscriptions.
import type { TargetEvent } from '../openocd/controller-api';
import { TargetError, TimeoutError, TargetNotHaltedError, ValidationError } from '../openocd/errors';
import type { CommandRunner } from './command-runner';
import { mentionsNotHalted, throwFailure } from './failures';
import { runGuarded } from './guarded';
import { checkRange, hex } from './tcl';

/** OpenOCD's target_state names (src/target/target.c target_state_name). */
export type TargetState = 'unknown' | 'running' | 'halted' | 'reset' | 'debug-running';
export type ResetMode = 'run' | 'halt' | 'init';

const STATES: readonly TargetState[] = ['unknown', 'running', 'halted', 'reset', 'debug-running'];

export function parseTargetState(reply: string): TargetState {
  const s = reply.trim();
  if ((STATES as readonly string[]).includes(s)) return s as TargetState;
  throw new TargetError(`cannot read the target state: ${s || 'empty reply'}`, { openocdText: s });
}

/** Events a UI cares about, by the names OpenOCD sends on the notifications socket. */
export interface TargetEvents {
  halted: TargetEvent;
  resumed: TargetEvent;
  reset: TargetEvent;
  'gdb-attach': TargetEvent;
  'gdb-detach': TargetEvent;
  /** Every event, including the ones above, for logs and the troubleshooter. */
  any: TargetEvent;
}
export type TargetEventName = keyof TargetEvents;

/**
 * Maps OpenOCD's event names to ours. 'reset-requested' is the notifications socket's
 * target_reset (any client's reset: a console `reset halt`, GDB's `monitor reset`);
 * Target.reset announces its own, so it drops the request its own reset causes.
 */
export function eventKind(name: string): Exclude<TargetEventName, 'any'> | undefined {
  switch (name) {
    case 'halted':
    case 'resumed':
    case 'gdb-attach':
    case 'gdb-detach':
      return name;
    case 'reset-end':
    case 'reset':
    case 'reset-requested':
      return 'reset';
    default:
      return undefined;
  }
}

/** Subscribes to raw target events; returns the unsubscribe function. */
export type TargetEventSource = (cb: (e: TargetEvent) => void) => () => void;

/** Default wait for halt/reset halt: OpenOCD's own DEFAULT_HALT_TIMEOUT is 5 s. */
const HALT_WAIT_MS = 5000;
/** Slack on top of a wait so our reply timeout never fires before OpenOCD's own. */
const REPLY_SLACK_MS = 5000;
/**
 * The notification of our own reset travels on another socket than the reply, so it may
 * land just after the reply: requests this soon after our reset are taken as its echo.
 */
const OWN_RESET_ECHO_MS = 500;

export class Target {
  private readonly listeners = new Map<TargetEventName, Set<(e: TargetEvent) => void>>();
  private unsubscribeSource: (() => void) | undefined;
  /** Resets of ours in flight, and when the last one ended: to drop their notification echo. */
  private ownResets = 0;
  private ownResetEnded = -Infinity;

  constructor(
    private readonly runner: CommandRunner,
    private readonly source?: TargetEventSource,
  ) {}

  async state(): Promise<TargetState> {
    return parseTargetState(await this.runner.command('[target current] curstate'));
  }

  /** Halts and waits (up to timeoutMs) for the core to report halted. */
  async halt(timeoutMs = HALT_WAIT_MS): Promise<TargetState> {
    const o = await runGuarded(this.runner, `halt ${timeoutMs}`, { timeoutMs: timeoutMs + REPLY_SLACK_MS });
    if (!o.ok) {
      if (/timed out/i.test(o.log)) throwFailure(TimeoutError, `target did not halt within ${timeoutMs} ms`, o);
      throwFailure(TargetError, 'halt failed', o);
    }
    return this.state();
  }

  /** Resumes at the current PC, or at `address`. */
  async resume(address?: number): Promise<void> {
    if (address !== undefined) checkRange(address, 1);
    const o = await runGuarded(this.runner, address === undefined ? 'resume' : `resume ${hex(address)}`);
    if (!o.ok) this.fail('resume failed', o);
  }

  /** One instruction; the target must be halted. */
  async step(address?: number): Promise<void> {
    if (address !== undefined) checkRange(address, 1);
    const o = await runGuarded(this.runner, address === undefined ? 'step' : `step ${hex(address)}`);
    if (!o.ok) this.fail('step failed', o);
  }

  async reset(mode: ResetMode = 'run', timeoutMs = 30_000): Promise<void> {
    if (mode !== 'run' && mode !== 'halt' && mode !== 'init') {
      throw new ValidationError(`invalid reset mode "${String(mode)}": use run, halt or init`);
    }
    this.ownResets++;
    let o;
    try {
      o = await runGuarded(this.runner, `reset ${mode}`, { timeoutMs });
    } finally {
      this.ownResets--;
      this.ownResetEnded = performance.now();
    }
    if (!o.ok) throwFailure(TargetError, `reset ${mode} failed`, o);
    // OpenOCD 0.12 fires reset-start/reset-end only to Tcl handlers (startup.tcl
    // invoke-event), never on the notifications socket, so our own resets are announced here.
    this.dispatch({ name: 'reset', raw: `reset ${mode}` });
  }

  /** Resolves once halted; TimeoutError (with OpenOCD's message) if not within timeoutMs. */
  async waitHalt(timeoutMs: number): Promise<void> {
    if (!Number.isSafeInteger(timeoutMs) || timeoutMs < 0) throw new ValidationError(`invalid timeout ${timeoutMs} ms`);
    const o = await runGuarded(this.runner, `wait_halt ${timeoutMs}`, { timeoutMs: timeoutMs + REPLY_SLACK_MS });
    if (o.ok) return;
    if (/timed out/i.test(o.log)) throwFailure(TimeoutError, `target did not halt within ${timeoutMs} ms`, o);
    throwFailure(TargetError, 'waiting for halt failed', o);
  }

  /** Subscribe to one kind of event; returns the unsubscribe function. */
  on<K extends TargetEventName>(name: K, cb: (e: TargetEvents[K]) => void): () => void {
    let set = this.listeners.get(name);
    if (!set) {
      set = new Set();
      this.listeners.set(name, set);
    }
    set.add(cb);
    this.ensureSubscribed();
    return () => {
      set.delete(cb);
    };
  }

  /** Detaches from the event source (Session.close). */
  dispose(): void {
    this.unsubscribeSource?.();
    this.unsubscribeSource = undefined;
    this.listeners.clear();
  }

  private ensureSubscribed(): void {
    if (this.unsubscribeSource || !this.source) return;
    this.unsubscribeSource = this.source((e) => this.dispatch(e));
  }

  private dispatch(e: TargetEvent): void {
    let kind = eventKind(e.name);
    if (e.name === 'reset-requested' && (this.ownResets > 0 || performance.now() - this.ownResetEnded < OWN_RESET_ECHO_MS)) kind = undefined;
    const targets = [kind ? this.listeners.get(kind) : undefined, this.listeners.get('any')];
    for (const set of targets) {
      // A listener that throws must not stop the others nor the notification client.
      for (const cb of set ?? []) {
        try {
          cb(e);
        } catch {
          /* listener errors are the listener's business */
        }
      }
    }
  }

  private fail(context: string, o: Parameters<typeof throwFailure>[2]): never {
    if (mentionsNotHalted(o.log + o.result)) {
      throwFailure(TargetNotHaltedError, context, o, 'Halt the target first.');
    }
    throwFailure(TargetError, context, o);
  }
}
