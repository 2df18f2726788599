// Transport and debug adapter: which transports OpenOCD offers and which one is in use,
// the adapter driver, its clock, serial number and (where the adapter measures it) the
// target voltage.
import { OpenOCDError, ValidationError } from '../openocd/errors';
import { parseTargetVoltage } from '../openocd/log-lines';
import type { CommandRunner } from './command-runner';
import { relabel, throwFailure } from './failures';
import { runGuarded } from './guarded';
import { tclWord } from './tcl';

/** `transport list`: "The following transports are available:\n\tswd\n\tjtag\n". */
export function parseTransportList(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => /^\s+\S/.test(l))
    .map((l) => l.trim());
}

/** `adapter speed`: "adapter speed: 1000 kHz", or "adapter speed: RCLK - adaptive" (0). */
export function parseAdapterSpeed(text: string): number {
  const t = text.trim();
  const m = /adapter speed: (\d+) kHz/.exec(t);
  if (m) return Number(m[1]);
  if (/RCLK - adaptive/.test(t)) return 0;
  throw new OpenOCDError(`unexpected adapter speed reply: ${t}`, { openocdText: t });
}

/** The adapter's serial number as its driver logs it at start-up. */
export function parseAdapterSerial(line: string): string | undefined {
  // "Info : CMSIS-DAP: Serial# = 0700000100...", "Info : J-Link ... S/N: 123456" (jlink.c),
  // ST-Link does not log one; neither does remote_bitbang.
  const m = /(?:Serial#\s*=|S\/N:|[Ss]erial number:?)\s*([0-9A-Za-z_-]+)/.exec(line);
  return m?.[1];
}

export class Transport {
  /**
   * @param logLines OpenOCD's log so far, when this session started OpenOCD (some facts,
   *   like the serial number and ST-Link's target voltage, are only ever logged).
   */
  constructor(
    private readonly runner: CommandRunner,
    private readonly logLines?: () => readonly string[],
  ) {}

  /** Transports this OpenOCD build knows. */
  async list(): Promise<string[]> {
    return parseTransportList(await this.ask('transport list', 'cannot list transports'));
  }

  /** The transport in use (OpenOCD picks the adapter's first one if none was selected). */
  async current(): Promise<string> {
    return (await this.ask('transport select', 'cannot read the transport')).trim();
  }

  /** Only before init: OpenOCD refuses to change the transport of a running session. */
  async select(name: string): Promise<string> {
    if (!/^[a-z_]+$/.test(name)) throw new ValidationError(`invalid transport name "${name}"`);
    const o = await runGuarded(this.runner, `transport select ${name}`);
    if (!o.ok) throwFailure(OpenOCDError, `cannot select transport ${name}`, o);
    return o.result.trim() || name;
  }

  async adapterName(): Promise<string> {
    return (await this.ask('adapter name', 'cannot read the adapter name')).trim();
  }

  /** Adapter clock in kHz (0 = adaptive clocking, RCLK). */
  async speed(): Promise<number> {
    return parseAdapterSpeed(await this.ask('adapter speed', 'cannot read the adapter speed'));
  }

  /** Sets the clock; returns what the adapter actually runs at (it may round down). */
  async setSpeed(khz: number): Promise<number> {
    if (!Number.isSafeInteger(khz) || khz < 0) throw new ValidationError(`invalid adapter speed ${khz} kHz`);
    const o = await runGuarded(this.runner, `adapter speed ${khz}`);
    if (!o.ok) throwFailure(OpenOCDError, `cannot set the adapter speed to ${khz} kHz`, o);
    return parseAdapterSpeed(o.log.includes('adapter speed:') ? o.log : o.result);
  }

  /** Only before init (OpenOCD uses it to pick the USB device). */
  async setSerial(serial: string): Promise<void> {
    const o = await runGuarded(this.runner, `adapter serial ${tclWord(serial)}`);
    if (!o.ok) throwFailure(OpenOCDError, 'cannot set the adapter serial', o);
  }

  /** OpenOCD 0.12 has no command to read it back: taken from the driver's log lines. */
  serial(): string | undefined {
    for (const line of this.logLines?.() ?? []) {
      const s = parseAdapterSerial(line);
      if (s) return s;
    }
    return undefined;
  }

  /**
   * Volts, where the adapter measures it: J-Link is asked (`jlink hwstatus`), ST-Link
   * and KitProg log it at start-up; others (and the virtual board) give undefined.
   */
  async targetVoltage(): Promise<number | undefined> {
    const adapter = await this.adapterName();
    if (adapter === 'jlink') {
      const o = await runGuarded(this.runner, 'jlink hwstatus');
      const v = o.ok ? parseTargetVoltage(o.result + '\n' + o.log) : undefined;
      if (v !== undefined) return v;
    }
    const lines = this.logLines?.() ?? [];
    for (let i = lines.length - 1; i >= 0; i--) {
      const v = parseTargetVoltage(lines[i] as string);
      if (v !== undefined) return v;
    }
    return undefined;
  }

  private async ask(tcl: string, context: string): Promise<string> {
    try {
      return await this.runner.command(tcl);
    } catch (e) {
      throw relabel(e, OpenOCDError, context);
    }
  }
}
