// `bringup adapters [--json] [--sysfs DIR]`: list the debug adapters plugged in, with
// the interface script to use, whether this user may open them, and how to pick one.
// Exit 0 when the listing ran (adapters or none), 1 when the OS listing failed, 2 on bad usage.
import type { CliCommand } from './command';
import { listAdapters } from '../adapters/list';
import { formatAdapters, adaptersToJson } from '../adapters/format';

interface Args {
  json: boolean;
  sysfs?: string;
}

function parse(args: string[]): Args | string {
  const out: Args = { json: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--json') out.json = true;
    else if (a === '--sysfs') {
      const v = args[++i];
      if (!v) return '--sysfs needs a folder';
      out.sysfs = v;
    } else return `unknown option '${a}'`;
  }
  return out;
}

export const adaptersCommand: CliCommand = {
  name: 'adapters',
  usage: 'adapters [--json] [--sysfs DIR]',
  summary: 'List connected debug adapters (ST-LINK, J-Link, CMSIS-DAP, FTDI...)',
  async run(args) {
    const parsed = parse(args);
    if (typeof parsed === 'string') {
      console.error(`bringup adapters: ${parsed}\nUsage: bringup ${this.usage}`);
      return 2;
    }
    let adapters;
    try {
      adapters = await listAdapters(parsed.sysfs ? { sysfsRoot: parsed.sysfs } : {});
    } catch (err) {
      console.error(`bringup adapters: cannot list USB devices: ${err instanceof Error ? err.message : String(err)}`);
      return 1;
    }
    if (parsed.json) console.log(JSON.stringify(adaptersToJson(adapters)));
    else process.stdout.write(formatAdapters(adapters));
    return 0;
  },
};
