// Giving the user access to an adapter: a udev rule on Linux (the same form as OpenOCD's
// contrib/60-openocd.rules), and on Windows the driver the probe needs.
import type { AdapterFamily, DetectedAdapter } from '../../shared/adapters';

/** Where our rule goes. 70- runs after the distribution's 60-openocd.rules. */
export const UDEV_RULE_PATH = '/etc/udev/rules.d/70-bringup.rules';
export const UDEV_GROUP = 'plugdev';

const HEX4 = /^[0-9a-f]{4}$/;

/** One rule line, exactly OpenOCD's form: group plugdev for sessions without logind, uaccess for the desktop user. */
export function udevRule(vid: string, pid: string): string {
  const v = vid.toLowerCase();
  const p = pid.toLowerCase();
  if (!HEX4.test(v) || !HEX4.test(p)) throw new RangeError(`VID:PID must be 4 hex digits each, got ${vid}:${pid}`);
  return `ATTRS{idVendor}=="${v}", ATTRS{idProduct}=="${p}", MODE="660", GROUP="${UDEV_GROUP}", TAG+="uaccess"`;
}

/** The whole rules file for the given adapters (one line each, duplicates dropped). */
export function udevRulesFile(adapters: readonly Pick<DetectedAdapter, 'vid' | 'pid' | 'name'>[]): string {
  const seen = new Set<string>();
  const lines = ['# Debug adapters for OpenOCD, written by Bring-up Workbench.', 'ACTION!="add|change", GOTO="bringup_rules_end"', 'SUBSYSTEM!="usb|tty|hidraw", GOTO="bringup_rules_end"', ''];
  for (const a of adapters) {
    const key = `${a.vid}:${a.pid}`;
    if (seen.has(key)) continue;
    seen.add(key);
    lines.push(`# ${a.name}`, udevRule(a.vid, a.pid));
  }
  lines.push('', 'LABEL="bringup_rules_end"', '');
  return lines.join('\n');
}

/** Shell commands that install the rules file (already written to tmpFile) and apply it to plugged-in devices. */
export function udevInstallCommands(tmpFile: string, dest = UDEV_RULE_PATH): string[] {
  const q = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
  return [
    `sudo cp ${q(tmpFile)} ${q(dest)}`,
    'sudo udevadm control --reload-rules && sudo udevadm trigger',
    `sudo usermod -aG ${UDEV_GROUP} "$USER"   # only needed without a desktop session (uaccess); log in again after`,
    'Unplug the adapter and plug it back in.',
  ];
}

/** A copy-paste shell snippet: writes the rules file with tee, reloads udev, re-triggers plugged-in devices. */
export function udevInstallScript(adapters: readonly Pick<DetectedAdapter, 'vid' | 'pid' | 'name'>[], dest = UDEV_RULE_PATH): string {
  return [
    `sudo tee ${dest} > /dev/null <<'EOF'`,
    udevRulesFile(adapters).trimEnd(),
    'EOF',
    'sudo udevadm control --reload-rules && sudo udevadm trigger',
    '',
  ].join('\n');
}

/** What a Windows user must install for OpenOCD to open the probe; driver = the bound service, when known. */
export function windowsDriverHint(family: AdapterFamily, driver: string | null = null): string {
  switch (family) {
    case 'stlink':
      return "Install ST's ST-LINK USB driver (STSW-LINK009). OpenOCD uses it through libusb/WinUSB.";
    case 'jlink':
      return "Install SEGGER's J-Link Software pack, then switch the probe to WinUSB (J-Link Configurator offers this); OpenOCD's libusb cannot open SEGGER's own driver.";
    case 'cmsis-dap':
      return 'CMSIS-DAP v1 (HID) needs no driver. CMSIS-DAP v2 (bulk) binds WinUSB by itself on Windows 10+ (Microsoft OS descriptors); if it shows as an unknown device, bind its CMSIS-DAP interface to WinUSB with Zadig.';
    case 'ftdi':
      return driver && /ftdibus/i.test(driver)
        ? "The debug channel is bound to FTDI's serial (VCP) driver, which OpenOCD cannot use: in Zadig pick Interface 0 (channel A) and replace the driver with WinUSB. Leave the other channel on FTDI's driver if you use it as a serial port."
        : 'In Zadig, bind the debug channel (Interface 0 / channel A) of the FTDI chip to WinUSB; OpenOCD cannot use the FTDI VCP driver.';
    case 'xds110':
      return 'Install the XDS110 driver from TI (part of Code Composer Studio or the XDS emulation package).';
    case 'ti-icdi':
      return 'Install the Stellaris ICDI driver from TI.';
    case 'nulink':
      return 'Nu-Link is a HID device: no driver needed.';
    case 'blackmagic':
      return 'The Black Magic Probe appears as two serial ports (no driver on Windows 10+); use the first with GDB, not OpenOCD.';
    default:
      return 'Bind the probe to WinUSB with Zadig so OpenOCD (libusb) can open it.';
  }
}
