// `bringup diagnose FILE|- [--json] [--scripts DIR]`: run the troubleshooter's engine
// on a saved OpenOCD log. Exit 0 when it ran (findings or not), 1 when the log cannot
// be read, 2 on bad usage.
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import type { CliCommand } from './command';
import { diagnose, findingsToJson, formatFindings } from '../diagnose/index';
import { listCfgs } from '../diagnose/list-cfgs';

const DEFAULT_SCRIPT_DIRS = ['/usr/share/openocd/scripts', '/usr/local/share/openocd/scripts'];

interface Args {
  file: string;
  json: boolean;
  scripts?: string;
}

function parse(args: string[]): Args | string {
  let file: string | undefined;
  let json = false;
  let scripts: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--json') json = true;
    else if (a === '--scripts') {
      scripts = args[++i];
      if (!scripts) return '--scripts needs a folder';
    } else if (a.startsWith('-') && a !== '-') return `unknown option '${a}'`;
    else if (file === undefined) file = a;
    else return `unexpected argument '${a}'`;
  }
  if (file === undefined) return 'give a log file, or - to read standard input';
  return { file, json, scripts };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

export const diagnoseCommand: CliCommand = {
  name: 'diagnose',
  usage: 'diagnose FILE|- [--json] [--scripts DIR]',
  summary: 'Explain a saved OpenOCD log: likely causes and next steps',
  async run(args) {
    const parsed = parse(args);
    if (typeof parsed === 'string') {
      console.error(`bringup diagnose: ${parsed}\nUsage: bringup ${this.usage}`);
      return 2;
    }
    let log: string;
    try {
      log = parsed.file === '-' ? await readStdin() : await readFile(parsed.file, 'utf8');
    } catch (err) {
      const reason = err instanceof Error && 'code' in err && err.code === 'ENOENT' ? 'no such file' : err instanceof Error ? err.message : String(err);
      console.error(`bringup diagnose: cannot read '${parsed.file}': ${reason}`);
      return 1;
    }
    const scriptsDir = parsed.scripts ?? DEFAULT_SCRIPT_DIRS.find((d) => existsSync(d));
    const availableCfgs = scriptsDir ? await listCfgs(scriptsDir) : undefined;
    const findings = diagnose({ log, availableCfgs });
    if (parsed.json) console.log(JSON.stringify(findingsToJson(findings)));
    else process.stdout.write(formatFindings(findings));
    return 0;
  },
};
