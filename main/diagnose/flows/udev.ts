// The Linux udev rule that lets a normal user open a debug adapter, and the
// commands to install it. Mirrors OpenOCD's contrib/60-openocd.rules lines.
import { KNOWN_ADAPTERS } from '../../../shared/adapters';

export interface UdevInstructions {
  ruleFile: string;
  rules: string;
  commands: string[];
}

const RULE_FILE = '/etc/udev/rules.d/60-openocd.rules';

/** Rules for the given adapters (vid/pid hex), or for every known one when none is given. */
export function udevInstructions(adapters: Array<{ vid: string; pid: string; name?: string }> = []): UdevInstructions {
  const list = adapters.length > 0 ? adapters : KNOWN_ADAPTERS.filter((a) => a.openocd !== 'no');
  const rules = list
    .map((a) => `# ${a.name ?? `${a.vid}:${a.pid}`}\nATTRS{idVendor}=="${a.vid.toLowerCase()}", ATTRS{idProduct}=="${a.pid.toLowerCase()}", MODE="660", GROUP="plugdev", TAG+="uaccess"`)
    .join('\n');
  return {
    ruleFile: RULE_FILE,
    rules,
    commands: [
      `sudo tee ${RULE_FILE} < 60-openocd.rules   # or: sudo cp /usr/share/openocd/contrib/60-openocd.rules /etc/udev/rules.d/`,
      'sudo udevadm control --reload-rules && sudo udevadm trigger',
      'sudo usermod -aG plugdev "$USER"   # then log out and in again',
      'Unplug the adapter and plug it in again.',
    ],
  };
}
