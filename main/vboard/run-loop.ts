// Drives the interpreter while the core runs. Instructions are paid for with wall time at
// the simulated SYSCLK (1 instruction per cycle: 8 MHz HSI after reset, more with the PLL),
// so a busy firmware costs a bounded share of a host core instead of all of it. Code in
// SRAM runs at `debuggerHz` while debugger traffic arrives: that is where OpenOCD loads its
// checksum / erase-check / flash algorithms, and it busy-polls DHCSR until they finish, so
// finishing sooner saves CPU on both sides (firmware in flash keeps its clock rate).
// Execution happens in slices: after each debugger chunk (so a flash loader sees the data
// OpenOCD just wrote before OpenOCD polls its read pointer) and on a ~1 ms timer while the
// core is busy. An idle core costs nothing between events: asleep in WFI, or "parked" in a
// loop that only polls memory (see cpu/engine.ts), simulated time jumps to the next SysTick
// event (one timer, set for when it falls due), and a parked core also wakes at once when
// the debugger writes what it polls, as a real core spinning on that memory would react.
import type { Board } from './board';

export interface RunLoopOptions {
  /** Most instructions one slice runs (keeps the event loop responsive). */
  maxSlice: number;
  /** Credit cap: at most this many ms of simulated time are caught up at once. */
  maxBurstMs: number;
  /** Instruction rate while debugger traffic arrives (pokes with fromDebugger). */
  debuggerHz: number;
}

/** Interrupts handled in one poke while catching up idle time (bounds one event-loop turn). */
const MAX_EVENTS_PER_POKE = 10_000;

const DEFAULTS: RunLoopOptions = { maxSlice: 50_000, maxBurstMs: 4, debuggerHz: 48_000_000 };

export class RunLoop {
  private credit = 0;
  private last = performance.now();
  private timer: NodeJS.Timeout | undefined;
  private timerDue = 0;
  private parkedAt = -1;
  private stopped = false;
  private seenActivity = -1;
  private readonly opts: RunLoopOptions;

  constructor(
    private readonly board: Board,
    opts: Partial<RunLoopOptions> = {},
  ) {
    this.opts = { ...DEFAULTS, ...opts };
    board.catchUp = () => this.poke();
  }

  /** Run what the elapsed time allows, then keep a timer going while useful.
   *  `fromDebugger`: called for a chunk of debugger traffic. */
  poke(fromDebugger = false): void {
    if (this.stopped) return;
    const { board } = this;
    const core = board.core;
    const engine = board.engine;
    const now = performance.now();
    const elapsed = now - this.last;
    this.last = now;
    if (!core.running || core.engine !== engine) {
      this.credit = 0;
      return;
    }
    const clock = board.rcc.sysclkHz();
    const inSram = ((core.r[15]! - 0x20000000) >>> 0) < 0x5000;
    const perMs = (fromDebugger && inSram ? Math.max(clock, this.opts.debuggerHz) : clock) / 1000;
    const cap = perMs * this.opts.maxBurstMs;
    // Cycles granted beyond the time that really passed (a debugger wake-up runs at once):
    // they are not carried into idle time below, so simulated time never runs ahead.
    let boost = 0;
    if (engine.parked && board.debugActivity !== this.parkedAt) {
      engine.parked = false; // woken by a debugger write: react at once
      boost = Math.max(0, cap - this.credit);
      this.credit = cap;
    } else if (engine.parked || core.sleeping) {
      // Idle: simulated time passes at the core clock without executing anything, event by
      // event: wake, run the handler, sleep again, until the time that passed is used up
      // (a late timer must not lose the periods after the first event: SYSCLK stays true,
      // which the check's clock step measures against the host clock).
      let cycles = this.credit + elapsed * (clock / 1000);
      for (let events = 0; ; events++) {
        cycles -= engine.idle(core, Math.floor(cycles));
        if (engine.parked || core.sleeping) {
          this.credit = cycles; // the fraction of a cycle left over
          this.scheduleWake(clock);
          return;
        }
        if (events >= MAX_EVENTS_PER_POKE || cycles < 1) break;
        const ran = engine.run(core, Math.min(Math.floor(cycles), this.opts.maxSlice));
        cycles -= ran;
        if (ran > 0) core.noteRetired();
        if (engine.parked) this.parkedAt = board.debugActivity;
        if (!core.running) return;
        if (!(engine.parked || core.sleeping)) break; // busy now: run on below
      }
      this.credit = Math.min(cycles, cap); // woke up: run the time after the event
    } else this.credit = Math.min(this.credit + elapsed * perMs, cap);
    const budget = Math.min(Math.floor(this.credit), this.opts.maxSlice);
    if (budget > 0) {
      const ran = engine.run(core, budget);
      this.credit -= ran;
      if (ran > 0) core.noteRetired();
    }
    if (engine.parked) this.parkedAt = board.debugActivity;
    if (!core.running) return;
    if (engine.parked || core.sleeping) {
      // What is left of the credit is time that already passed (a late timer, the rest of
      // the period after an interrupt): the next poke counts it as idle time, so a core
      // that sleeps between interrupts keeps the clock rate instead of losing the tail.
      this.credit = Math.max(0, this.credit - boost);
      this.scheduleWake(clock);
    } else this.schedule(1);
  }

  /** After a chunk of debugger traffic. Costs next to nothing when the chunk cannot have
   *  changed anything for the core: it is halted, in reset or unpowered, or idle (parked
   *  or asleep in WFI) and no debugger write happened since the last look. Idle time is
   *  still accounted: the next poke sees all the time that passed. */
  afterDebugger(): void {
    const board = this.board;
    const core = board.core;
    if (!core.running) return;
    if ((board.engine.parked || core.sleeping) && board.debugActivity === this.seenActivity) return;
    this.seenActivity = board.debugActivity;
    this.poke(true);
  }

  /** An idle core: one timer for when the next SysTick event falls due (none if only
   *  the debugger can wake it). */
  private scheduleWake(clock: number): void {
    const cycles = this.board.engine.untilWake();
    if (cycles === Infinity) return;
    this.schedule(Math.max(1, Math.ceil(cycles / (clock / 1000))));
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    const due = performance.now() + ms;
    if (this.timer) {
      if (this.timerDue <= due + 0.5) return; // an earlier (or equal) wake-up is already set
      clearTimeout(this.timer);
    }
    this.timerDue = due;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.poke();
    }, ms);
    this.timer.unref();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
