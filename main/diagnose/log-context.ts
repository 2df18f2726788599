// What the log says about the setup (OpenOCD build, probe, target, wrapping tool), so a
// finding can name them: "ST-Link V2J37 on stm32f1x.cpu, OpenOCD 0.11.0 (xPack)" tells
// the reader the engine read their log, and the steps can be checked against it.
import type { Line } from './types';

export interface LogContext {
  openocd?: string;
  probe?: string;
  target?: string;
  tool?: string;
}

const PROBES: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^STLINK (V\d\S*)/, (m) => `ST-Link ${m[1]}`],
  [/^STLINK (v\d) JTAG v(\d+)/, (m) => `ST-Link ${m[1]} (JTAG v${m[2]})`],
  [/^J-Link (.+?) compiled/, (m) => `J-Link ${m[1]}`],
  [/^CMSIS-DAP: FW Version = (\S+)/, (m) => `CMSIS-DAP probe (firmware ${m[1]})`],
  [/^Using CMSIS-DAPv(\d) interface with VID:PID=(0x[0-9a-f]+:0x[0-9a-f]+)/i, (m) => `CMSIS-DAP v${m[1]} probe ${m[2]}`],
  [/^esp_usb_jtag:/, () => 'ESP32 built-in USB-JTAG'],
  [/^BCM2835 GPIO|bcm2835gpio/i, () => 'Raspberry Pi GPIO (bcm2835gpio)'],
  [/\bftdi\b|\bmpsse\b/i, () => 'FTDI-based adapter'],
];

const TOOLS: Array<[RegExp, string]> = [
  [/\.pio\/build|platformio|\*\*\* \[upload\]/i, 'PlatformIO'],
  [/xPack OpenOCD/, 'xPack OpenOCD'],
  [/STMicroelectronics\/OpenOCD|\[ST Internal\]/, "ST's OpenOCD (STM32CubeIDE)"],
  [/GNU MCU Eclipse/, 'GNU MCU Eclipse'],
  [/esp32|espressif/i, 'openocd-esp32 / ESP-IDF'],
  [/west (flash|debug)|zephyr/i, 'Zephyr west'],
];

export function logContext(lines: Line[]): LogContext {
  const ctx: LogContext = {};
  for (const l of lines) {
    const t = l.text;
    let m: RegExpExecArray | null;
    if (!ctx.openocd && (m = /Open On-Chip Debugger (\S+(?: \(\S+\))?)/.exec(t))) ctx.openocd = m[1];
    if (!ctx.probe) for (const [re, name] of PROBES) if ((m = re.exec(t))) ctx.probe = name(m);
    if (!ctx.target && (m = /(?:^|\s|\[)([\w.-]+\.(?:cpu\d*|tap))\b/.exec(t))) ctx.target = m[1];
  }
  const all = lines.map((l) => l.raw).join('\n');
  ctx.tool = TOOLS.find(([re]) => re.test(all))?.[1];
  return ctx;
}

/** "Seen in this log: OpenOCD 0.11.0, ST-Link V2J37S7, target stm32f1x.cpu." or '' when nothing is known. */
export function contextSentence(c: LogContext): string {
  const parts = [c.openocd ? `OpenOCD ${c.openocd}` : undefined, c.tool && !/OpenOCD/.test(c.tool) ? `run by ${c.tool}` : c.tool, c.probe, c.target ? `target ${c.target}` : undefined].filter(Boolean);
  return parts.length ? `Seen in this log: ${parts.join(', ')}.` : '';
}
