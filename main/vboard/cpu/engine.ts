// The Thumb-2 interpreter as the core's ExecutionEngine: fetch, IT-block conditions,
// dispatch to the 16/32-bit executors, faults -> HardFault (or lockup), BKPT and FPB
// breakpoints -> debug halt, SysTick exceptions and WFI sleep. Straight-line code runs on
// the fast path (fast-path.ts: pre-decoded common 16-bit instructions); everything else
// one instruction at a time here. The engine keeps the simulated cycle count (1 cycle per
// instruction) that SysTick counts, and runs exactly up to the cycle SysTick next reaches
// zero. It also spots a core that is only polling memory (a loop that comes back to the
// same PC with every register unchanged and no store in between): such a loop cannot make
// progress until someone else writes memory or SysTick fires, so the engine "parks" and
// the run loop stops spending CPU on it until then. A core asleep in WFI idles the same way.
import { C_DEBUGEN, C_MASKINTS, DFSR_BKPT, DFSR_DWTTRAP, DFSR_VCATCH, type CortexM3, type ExecutionEngine } from '../cortex-m3';
import { CFSR_BFARVALID, CFSR_IBUSERR, CFSR_INVSTATE, CFSR_PRECISERR, CFSR_UNDEFINSTR, HFSR_DEBUGEVT, HFSR_FORCED, type FaultCause } from '../fault-status';
import type { SysTick } from '../systick';
import { enterException, enterHardFault, exceptionReturn, packXpsr, unpackXpsr } from './exceptions';
import { runFast } from './fast-path';
import { CpuState, FAULT_BUS, FAULT_NONE, FAULT_USAGE, STOP_BKPT, STOP_NONE, STOP_WFI, type CpuMemory } from './state';
import { exec16 } from './thumb16';
import { exec32 } from './thumb32';

const VC_HARDERR = 1 << 10;
const T_BIT = 1 << 24;
const SYSTICK_EXC = 15;

/** What the engine needs from the rest of the chip besides memory. */
export interface EngineHooks {
  /** Half-word addresses with an enabled FPB breakpoint comparator, or undefined if none. */
  breakpoints(): ReadonlySet<number> | undefined;
  /** SCB->VTOR. */
  vtor(): number;
  /** The SysTick timer, if the chip has one wired to this engine. */
  sysTick?: SysTick;
  /** SysTick's exception priority (SHPR3); 0 when absent. */
  sysTickPriority?(): number;
  /** DWT comparator `index` matched a data access (sets FUNCTIONn.MATCHED). */
  watchpointHit?(index: number): void;
  /** A fault is being taken: the status bits it sets (CFSR/HFSR/BFAR, fault-status.ts). */
  faultTaken?(cause: FaultCause): void;
}

// Every configurable fault escalates to HardFault on this chip (SHCSR reset state): FORCED.
const FETCH_FAULT: FaultCause = { cfsr: CFSR_IBUSERR, hfsr: HFSR_FORCED };
const INVSTATE_FAULT: FaultCause = { cfsr: CFSR_INVSTATE, hfsr: HFSR_FORCED };
const UNDEF_FAULT: FaultCause = { cfsr: CFSR_UNDEFINSTR, hfsr: HFSR_FORCED };
const BKPT_FAULT: FaultCause = { cfsr: 0, hfsr: HFSR_DEBUGEVT };

export class ThumbEngine implements ExecutionEngine {
  /** Set when the last run stopped in a memory-polling loop (see file comment). */
  parked = false;
  /** Instructions executed since creation (for benchmarks and tests). */
  retired = 0;
  /** Simulated core cycles: instructions executed plus cycles slept or parked (see idle()). */
  cycles = 0;
  /** Backward branches until the next idle check (checking every one would cost ~30%). */
  idleCountdown = 0;
  /** Set by the fast path when the countdown expired on a backward branch. */
  idleDue = false;
  private state: CpuState | undefined;
  private readonly snap = new Uint32Array(20);
  private loopPc = -1;
  private loopStores = -1;

  constructor(
    readonly mem: CpuMemory,
    private readonly hooks: EngineHooks,
  ) {}

  step(core: CortexM3): void {
    this.run(core, 1, true);
  }

  /** Execute up to `budget` instructions while the core runs. Returns how many ran. */
  run(core: CortexM3, budget: number, stepping = false): number {
    const s = this.load(core);
    const r = s.r;
    const mem = this.mem;
    const bps = this.hooks.breakpoints();
    const tick = this.hooks.sysTick;
    this.parked = false;
    this.idleDue = false;
    this.loopPc = -1;
    this.mem.watching = false;
    this.mem.dwtHit = 0;
    const epoch = core.resetEpoch;
    const c0 = this.cycles;
    let n = 0;
    core.sleeping = false;
    if (!(core.xpsr & T_BIT)) {
      // Executing with EPSR.T clear (e.g. a debugger wrote xPSR = 0): INVSTATE UsageFault.
      this.fault(core, s, r[15]!, INVSTATE_FAULT);
      budget = 0;
    }
    // `limit`: where the next SysTick event falls within the budget.
    let limit = budget;
    if (tick !== undefined && budget > 0) {
      tick.changed = false;
      if (!this.interrupt(core, s, c0)) budget = limit = 0;
      else limit = Math.min(budget, tick.untilEvent(c0));
    }
    for (;;) {
      if (n >= limit) {
        if (n >= budget || tick === undefined) break;
        // SysTick reaches zero now: it may pend its exception, taken before the next instruction.
        tick.advance(c0 + n);
        if (!this.interrupt(core, s, c0 + n)) break;
        limit = Math.min(budget, n + Math.max(1, tick.untilEvent(c0 + n)));
        continue;
      }
      if (!stepping) {
        n = runFast(s, n, limit, bps, this);
        if (this.idleDue) {
          this.idleDue = false;
          if (this.idleLoop(s, r[15]!)) {
            this.parked = true;
            break;
          }
          continue;
        }
        if (n >= limit) continue;
      }
      const pc = r[15]!;
      if (bps !== undefined && bps.has(pc) && !(stepping && n === 0)) {
        if (core.dhcsrCtrl & C_DEBUGEN) {
          core.debugHalt(DFSR_BKPT);
          break;
        }
      }
      const hw1 = mem.read16(pc);
      const wide = hw1 >= 0xe800;
      const hw2 = wide ? mem.read16(pc + 2) : 0;
      n++;
      if (mem.faulted) {
        mem.faulted = false;
        if (!this.fault(core, s, pc, FETCH_FAULT)) break;
        continue;
      }
      s.next = (pc + (wide ? 4 : 2)) >>> 0;
      const it = s.it;
      if (it !== 0 && !s.cond(it >>> 4)) {
        s.it = (it & 7) === 0 ? 0 : (it & 0xe0) | ((it << 1) & 0x1f);
        r[15] = s.next;
        continue;
      }
      this.cycles = c0 + n; // SysTick registers read during the instruction see the time
      if (wide) exec32(s, hw1, hw2);
      else exec16(s, hw1);
      if (core.resetEpoch !== epoch) {
        // The instruction reset the chip (AIRCR.SYSRESETREQ): the core state is the reset's.
        this.retired += n;
        this.cycles = c0 + n;
        return n;
      }
      const watchHit = mem.dwtHit;
      mem.dwtHit = 0;
      if (mem.faulted) {
        mem.faulted = false;
        s.fault = FAULT_BUS;
      }
      if (s.fault !== FAULT_NONE) {
        const cause = this.faultCause(s);
        s.fault = FAULT_NONE;
        s.usageCause = 0;
        s.excReturn = 0;
        if (!this.fault(core, s, pc, cause)) break;
        continue;
      }
      if (s.stop === STOP_BKPT) {
        s.stop = STOP_NONE;
        if (core.dhcsrCtrl & C_DEBUGEN) {
          core.debugHalt(DFSR_BKPT); // PC stays on the BKPT, which is what OpenOCD checks
          break;
        }
        if (!this.fault(core, s, pc, BKPT_FAULT)) break; // BKPT with debug disabled escalates
        continue;
      }
      if (s.itJustSet) s.itJustSet = false;
      else if (it !== 0) s.it = (it & 7) === 0 ? 0 : (it & 0xe0) | ((it << 1) & 0x1f);
      const next = s.next;
      if (s.excReturn !== 0) {
        const exc = s.excReturn;
        s.excReturn = 0;
        if (!exceptionReturn(s, exc)) {
          this.lockup(core);
          break;
        }
        if (tick !== undefined && !this.interrupt(core, s, c0 + n)) break; // tail-chain
        continue;
      }
      r[15] = next;
      if (watchHit !== 0) {
        // DWT data watchpoint: the access's instruction completes, then the core halts
        // (the PC is the next instruction, as on a Cortex-M3).
        this.hooks.watchpointHit?.(watchHit - 1);
        if (core.dhcsrCtrl & C_DEBUGEN) {
          core.debugHalt(DFSR_DWTTRAP);
          if (!stepping) break;
        }
      }
      if (core.halted && !stepping) break; // halted by its own DHCSR write
      if (s.stop === STOP_WFI) {
        s.stop = STOP_NONE;
        // Sleep unless an exception is already pending (then WFI is a no-op). A step over
        // WFI completes at once: the debugger is in control.
        if (!stepping && !(tick !== undefined && tick.pending)) {
          core.sleeping = true;
          break;
        }
      }
      if (tick !== undefined && (tick.pending || tick.changed)) {
        // A SysTick/ICSR write or an unmasking (CPSIE, MSR) may let an exception in now.
        tick.changed = false;
        if (!this.interrupt(core, s, c0 + n)) break;
        limit = Math.min(budget, n + Math.max(1, tick.untilEvent(c0 + n)));
      }
      if (next <= pc && !stepping && --this.idleCountdown <= 0 && this.idleLoop(s, next)) {
        this.parked = true;
        break;
      }
    }
    this.retired += n;
    this.cycles = c0 + n;
    this.save(core, s);
    return n;
  }

  /** Take a pending SysTick exception if its priority and the masks let it in. Returns
   *  false when the core stopped (lockup on a broken vector/stack). */
  private interrupt(core: CortexM3, s: CpuState, now: number): boolean {
    const tick = this.hooks.sysTick;
    if (tick === undefined || !tick.pending) return true;
    if (s.ipsr !== 0 || s.sys.primask || s.sys.faultmask) return true; // only thread mode is lower
    if (core.dhcsrCtrl & C_MASKINTS && core.dhcsrCtrl & C_DEBUGEN) return true;
    const prio = this.hooks.sysTickPriority?.() ?? 0;
    if (s.sys.basepri !== 0 && prio >= s.sys.basepri) return true;
    tick.pending = false;
    this.cycles = now;
    if (enterException(s, SYSTICK_EXC, s.r[15]!, this.hooks.vtor())) return true;
    this.lockup(core);
    return false;
  }

  /** Let up to `cycles` of simulated time pass while the core sleeps (WFI) or is parked,
   *  without executing: stops early at the next SysTick event, which wakes the core.
   *  Returns the cycles that passed. */
  idle(core: CortexM3, cycles: number): number {
    const until = this.hooks.sysTick?.pending ? 0 : this.untilWake(); // e.g. ICSR.PENDSTSET
    if (until > cycles) {
      this.cycles += cycles;
      return cycles;
    }
    this.cycles += until;
    this.hooks.sysTick?.advance(this.cycles);
    core.sleeping = false;
    this.parked = false;
    return until;
  }

  /** Cycles until an idle core wakes by itself (Infinity: only the debugger can wake it). */
  untilWake(): number {
    return this.hooks.sysTick?.untilEvent(this.cycles) ?? Infinity;
  }

  /** A backward branch: is the core back at the loop head with nothing changed since the
   *  snapshot taken at the previous backward branch? Snapshots are taken every 32nd. */
  private idleLoop(s: CpuState, head: number): boolean {
    const r = s.r;
    const snap = this.snap;
    const stores = this.mem.stores;
    const mem = this.mem;
    if (this.loopPc !== -1) {
      mem.watching = false;
      let same = head === this.loopPc && stores === this.loopStores;
      same &&= snap[16] === s.n && snap[17] === s.z && snap[18] === s.c && snap[19] === s.v;
      for (let i = 0; same && i < 15; i++) same = snap[i] === r[i];
      this.loopPc = -1;
      this.idleCountdown = 32;
      return same;
    }
    this.idleCountdown = 1; // compare at the very next backward branch
    mem.watched.clear();
    mem.watching = true;
    this.loopPc = head;
    this.loopStores = stores;
    snap.set(r.subarray(0, 15));
    snap[16] = s.n;
    snap[17] = s.z;
    snap[18] = s.c;
    snap[19] = s.v;
    return false;
  }

  /** Could a debugger write to `addr` change what a parked loop sees? Only a write to a
   *  word the loop reads, or to anything outside SRAM (peripherals, PPB, flash), can. */
  wakesOn(addr: number): boolean {
    if (!this.parked) return true;
    if (((addr - 0x20000000) >>> 0) >= 0x5000) return true;
    return this.mem.watched.has((addr & ~3) >>> 0);
  }

  /** The status bits for the fault the last instruction raised. */
  private faultCause(s: CpuState): FaultCause {
    if (s.fault === FAULT_USAGE) return s.usageCause === CFSR_INVSTATE ? INVSTATE_FAULT : UNDEF_FAULT;
    return { cfsr: CFSR_PRECISERR | CFSR_BFARVALID, hfsr: HFSR_FORCED, bfar: this.mem.faultAddr };
  }

  /** Take a fault at `pc`: HardFault entry (plus vector catch), or lockup. */
  private fault(core: CortexM3, s: CpuState, pc: number, cause: FaultCause): boolean {
    this.hooks.faultTaken?.(cause);
    if (!enterHardFault(s, pc, this.hooks.vtor())) {
      this.lockup(core);
      return false;
    }
    if (core.dhcsrCtrl & C_DEBUGEN && core.demcr & VC_HARDERR) {
      core.debugHalt(DFSR_VCATCH);
      return false;
    }
    return true;
  }

  private lockup(core: CortexM3): void {
    core.enterLockup();
    this.state!.r[15] = 0xfffffffe;
  }

  private load(core: CortexM3): CpuState {
    let s = this.state;
    if (!s || s.r !== core.r) s = this.state = new CpuState(core.r, this.mem, core);
    unpackXpsr(s, core.xpsr);
    s.next = core.r[15]!;
    s.fault = FAULT_NONE;
    s.stop = STOP_NONE;
    s.excReturn = 0;
    s.itJustSet = false;
    s.r[13] = s.onPsp ? core.psp : core.msp;
    return s;
  }

  private save(core: CortexM3, s: CpuState): void {
    if (s.onPsp) core.psp = s.r[13]!;
    else core.msp = s.r[13]!;
    core.xpsr = packXpsr(s);
  }
}
