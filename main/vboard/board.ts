// The whole simulated STM32F103C8: memory map, core, debug port, JTAG chain, reset lines
// and fault switches. Transport-independent: remote-bitbang.ts feeds it pin changes.
import { BitBand, Bus, Ram, razWi, type BusDevice } from './bus';
import { CortexM3, type ExecutionEngine } from './cortex-m3';
import { ThumbEngine } from './cpu/engine';
import { CpuMemory } from './cpu/state';
import { defaultFirmware } from './default-firmware';
import { formatFaults, noFaults, type FaultSet } from './faults';
import { FLASH_BASE, FLASH_SIZE, FlashController, FlashStorage, OPTION_BASE, OPTION_SIZE, RDP_UNPROTECTED } from './flash-controller';
import { JtagChain } from './jtag-chain';
import { JtagDp, type AhbTiming } from './jtag-dp';
import { IdcodeOnlyTap } from './jtag-tap';
import { MemAp } from './mem-ap';
import { Gpio, Rcc, SystemMemory } from './peripherals';
import { DBGMCU_IDCODE, Ppb } from './ppb';
import { Prng } from './prng';
import { readLE } from './bus';
import { SramWithFaults } from './sram-faults';
import { SysTick } from './systick';

export const BOUNDARY_SCAN_IDCODE = 0x16410041;
/** The wrong-part fault: an STM32F10x low-density chip (DEV_ID 0x412, revision A) fitted instead. */
const WRONG_PART_IDCODE = 0x10006412;
/** The factory unique id (RM0008 §30.2, 96 bits at 0x1FFFF7E8, lowest byte first) of a board built without one. */
export const DEFAULT_UID = [0x35, 0xff, 0xd8, 0x05, 0x42, 0x4b, 0x38, 0x31, 0x57, 0x67, 0x12, 0x43];

export class Board {
  readonly storage = new FlashStorage();
  readonly flash = new FlashController(this.storage);
  readonly sram = new Ram(0x20000000, 20 * 1024);
  readonly rcc = new Rcc();
  readonly gpioA = new Gpio(0x40010800);
  readonly gpioB = new Gpio(0x40010c00);
  readonly gpioC = new Gpio(0x40011000);
  readonly bus = new Bus();
  readonly core: CortexM3;
  readonly ppb: Ppb;
  readonly dp: JtagDp;
  readonly chain: JtagChain;
  readonly engine: ThumbEngine;
  faults: FaultSet = noFaults();
  private srst = false;
  /** Supply on (the `unpowered` fault switches it off). */
  powered = true;
  private powerCycles = 0;
  private readonly memAp: MemAp;
  private readonly cpuMemory: CpuMemory;
  /** Brings simulated time up to now (the run loop sets it; a bare Board has nothing to catch up). */
  catchUp: () => void = () => {};
  /** Bumped by every debugger write and reset-line change: whatever a parked (memory-
   *  polling) core waits for can only come from one of these. */
  debugActivity = 0;

  private readonly uid: readonly number[];

  constructor(opts: { blank?: boolean; uid?: readonly number[] } = {}) {
    this.uid = opts.uid ?? DEFAULT_UID;
    this.storage.setFactoryOptions();
    if (!opts.blank) this.storage.main.set(defaultFirmware());
    this.flash.loadOptions();
    // The core fetches its vector table straight from flash (boot from main flash, BOOT0 = 0).
    const vectors: BusDevice = { read: (a, s) => readLE(this.storage.main, a, s), write: () => true };
    this.core = new CortexM3(vectors);
    // SysTick counts the engine's simulated cycles (created just below; read lazily).
    this.ppb = new Ppb(this.core, () => this.systemReset(), new SysTick(() => this.engine.cycles));
    this.mapBus();
    const cpuMemory = new CpuMemory(this.bus, this.storage.main, this.sram.bytes, 0x20000000);
    this.cpuMemory = cpuMemory;
    this.engine = new ThumbEngine(cpuMemory, {
      breakpoints: () => this.ppb.breakpoints(),
      vtor: () => this.ppb.vtor(),
      sysTick: this.ppb.sysTick,
      sysTickPriority: () => this.ppb.sysTickPriority(),
      watchpointHit: (i) => this.ppb.dwt.matched(i),
      faultTaken: (cause) => this.ppb.faultStatus.record(cause),
    });
    this.ppb.dwt.onChange = (wps) => cpuMemory.setWatchpoints(wps);
    // The debugger reading the cycle counter sees time as it is now, not as of the last run slice.
    this.ppb.dwt.cycles = () => {
      this.catchUp();
      return this.engine.cycles;
    };
    this.core.engine = this.engine;
    // The debugger's view of the bus counts writes (see debugActivity).
    const debugBus: BusDevice = {
      read: (a, sz) => this.bus.read(a, sz),
      write: (a, sz, v) => {
        if (this.engine.wakesOn(a)) this.debugActivity++;
        const ops = this.flash.operations;
        const ok = this.bus.write(a, sz, v);
        if (this.flash.operations !== ops) this.flash.markBusy(); // debugger-started: takes "time"
        return ok;
      },
    };
    const flash = this.flash;
    const ahb: AhbTiming = {
      stalls: (a) => flash.busyScans > 0 && isFlashMemory(a),
      busy: () => flash.busyScans > 0,
      scanTick: () => flash.scanTick(),
    };
    this.memAp = new MemAp(debugBus);
    this.dp = new JtagDp(this.memAp, ahb);
    // Chain order TDO-first: the Cortex-M3 DP sits next to TDO, the boundary-scan TAP next to TDI.
    this.chain = new JtagChain([this.dp, new IdcodeOnlyTap(5, BOUNDARY_SCAN_IDCODE, 0b00001)]);
  }

  private mapBus(): void {
    const b = this.bus;
    b.map(0x20000000, 20 * 1024, new SramWithFaults(this.sram, 0x20000000, () => this.faults));
    b.map(FLASH_BASE, FLASH_SIZE, this.flash.array);
    b.map(0xe0000000, 0x100000, this.ppb);
    b.map(0x40022000, 0x400, this.flash.registers);
    b.map(0x40021000, 0x400, this.rcc);
    b.map(0x40011000, 0x400, this.gpioC);
    b.map(0x40010c00, 0x400, this.gpioB);
    b.map(0x40010800, 0x400, this.gpioA);
    b.map(0x40000000, 0x24000, razWi); // remaining APB1/APB2/AHB peripherals: modelled as RAZ/WI
    b.map(0x00000000, FLASH_SIZE, this.flash.array); // boot alias of main flash
    b.map(0x1ffff000, 0x800, new SystemMemory(FLASH_SIZE / 1024, this.uid));
    b.map(OPTION_BASE, OPTION_SIZE, this.flash.optionBytes);
    b.map(0x22000000, 20 * 1024 * 32, new BitBand(0x22000000, 0x20000000, this.sram));
    b.map(0x42000000, 0x24000 * 32, new BitBand(0x42000000, 0x40000000, this.bus));
  }

  /** Power-on reset: the debug logic starts afresh, the option bytes are reloaded and
   *  the core boots from the vector table: it runs the firmware in flash (or locks up on
   *  a blank chip), or stays in reset while SRST is held. */
  powerOn(): void {
    this.powered = true;
    this.chain.testLogicReset();
    this.dp.powerOnReset();
    this.memAp.reset();
    this.ppb.powerOnReset();
    this.engine.parked = false;
    this.resetPeripherals();
    this.core.powerOnReset(this.srst);
  }

  /** Supply off: nothing executes, the DP and the core's debug logic lose their state,
   *  SRAM loses its contents (it powers up holding noise, different each time), and the
   *  TAPs answer as unpowered (remote-bitbang.ts reads the fault). Flash keeps its data. */
  powerOff(): void {
    this.powered = false;
    this.core.powerOff();
    this.dp.powerOnReset();
    this.chain.testLogicReset();
    this.resetPeripherals();
    const noise = new Prng(0x5a11 + this.powerCycles++);
    const words = new Uint32Array(this.sram.bytes.buffer, this.sram.bytes.byteOffset, this.sram.bytes.length >> 2);
    for (let i = 0; i < words.length; i++) words[i] = Math.floor(noise.next() * 0x100000000);
  }

  /** SYSRESETREQ or an SRST pulse: core and peripherals, not the debug logic. */
  systemReset(): void {
    this.resetPeripherals();
    this.core.setResetHeld(true);
    if (!this.srst) this.core.setResetHeld(false);
  }

  private resetPeripherals(): void {
    this.flash.systemReset();
    this.rcc.reset();
    this.gpioA.reset();
    this.gpioB.reset();
    this.gpioC.reset();
    this.ppb.reset();
  }

  /** remote_bitbang 'r'..'u': TRST resets the TAPs; SRST holds the system in reset. */
  setResetLines(trst: boolean, srstLine: boolean): void {
    this.debugActivity++;
    if (trst) this.chain.testLogicReset();
    // no-srst: the probe's NRST wire goes nowhere, so driving it changes nothing.
    const srst = srstLine && !this.faults.noSrst;
    if (srst === this.srst) return;
    this.srst = srst;
    if (srst) {
      this.resetPeripherals();
      this.core.setResetHeld(true);
    } else this.core.setResetHeld(false);
  }

  get srstAsserted(): boolean {
    return this.srst;
  }

  /** Under reset-hold the firmware has turned the JTAG pins into GPIOs while it runs. */
  get jtagPinsConnected(): boolean {
    return !this.faults.resetHold || !this.core.running;
  }

  get ledOn(): boolean {
    return this.powered && !this.gpioC.pin(13); // the Blue Pill LED is active low
  }

  /** PC13 level changes so far: a blinking LED counts up. */
  get ledToggles(): number {
    return this.gpioC.toggles(13);
  }

  setEngine(engine: ExecutionEngine | undefined): void {
    this.core.engine = engine;
  }

  /** Apply fault switches. Protection faults are written into the option bytes (they are chip state). */
  applyFaults(f: FaultSet): void {
    const prev = this.faults;
    this.faults = f;
    const bad = new Set(f.flashBadSectors);
    this.flash.badPage = (page) => bad.has(page);
    this.ppb.dbgmcuIdcode = f.wrongPart ? WRONG_PART_IDCODE : DBGMCU_IDCODE;
    this.cpuMemory.sramViaBus = f.sramStuckBits.length > 0 || f.sramAddressShort !== undefined;
    const s = this.storage;
    if (f.readProtected !== prev.readProtected || f.readProtected) {
      if (f.readProtected && s.optionByte(0) === RDP_UNPROTECTED) s.setOptionByte(0, 0x00);
      else if (!f.readProtected && prev.readProtected) s.setOptionByte(0, RDP_UNPROTECTED);
    }
    if (f.writeProtected && s.optionByte(4) === 0xff) s.setOptionByte(4, 0xfc); // pages 0-7
    else if (!f.writeProtected && prev.writeProtected) s.setOptionByte(4, 0xff);
    this.flash.loadOptions();
    s.onChange();
    // Power last, so a power-on reset latches the option bytes just written.
    if (f.unpowered && this.powered) this.powerOff();
    else if (!f.unpowered && !this.powered) this.powerOn();
    else if (f.resetHold && !prev.resetHold && this.powered) {
      // Firmware that takes the debug pins does so once it runs: switching it on stands for
      // flashing such firmware and power-cycling the board, so a core a debugger left
      // halted starts it too (a halted core would otherwise keep the pins usable).
      this.powerOff();
      this.powerOn();
    }
  }

  /** Switch list including protection that is really in the chip's option bytes now. */
  currentFaults(): string[] {
    const f = { ...this.faults };
    f.readProtected = this.storage.optionByte(0) !== RDP_UNPROTECTED;
    f.writeProtected = [4, 5, 6, 7].some((i) => this.storage.optionByte(i) !== 0xff);
    return formatFaults(f);
  }
}

/** The flash array (and its boot alias) and the option bytes: what stalls while the FPEC is busy. */
function isFlashMemory(addr: number): boolean {
  return addr < FLASH_SIZE || ((addr - FLASH_BASE) >>> 0) < FLASH_SIZE || ((addr - OPTION_BASE) >>> 0) < OPTION_SIZE;
}
