// `bringup diagnose FILE|- [--json] [--scripts DIR] [--exit N] [--profile FILE]`: run the
// troubleshooter's engine on a saved OpenOCD log, with the same inputs the app gives it
// (OpenOCD's exit code, the connection profile). Exit 0 when it ran (findings or not), 1
// when an input cannot be read, 2 on bad usage. Deprecation notices go to stderr so
// --json output stays exactly {"findings":[...]}.
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import type { CliCommand } from './command';
import { deprecationNotes, diagnose, findingsToJson, formatFindings } from '../diagnose/index';
import { listCfgs } from '../diagnose/list-cfgs';
import { connectionProfileSchema } from '../../shared/profile-schema';
import type { ConnectionProfile } from '../../shared/profile';

const DEFAULT_SCRIPT_DIRS = ['/usr/share/openocd/scripts', '/usr/local/share/openocd/scripts'];

interface Args {
  file: string;
  json: boolean;
  scripts?: string;
  exitCode?: number;
  profile?: string;
}

function parse(args: string[]): Args | string {
  const out: Partial<Args> & { json: boolean } = { json: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--json') out.json = true;
    else if (a === '--scripts' || a === '--profile') {
      const v = args[++i];
      if (!v) return `${a} needs ${a === '--scripts' ? 'a folder' : 'a profile JSON file'}`;
      if (a === '--scripts') out.scripts = v;
      else out.profile = v;
    } else if (a === '--exit') {
      const v = args[++i] ?? '';
      if (!/^-?\d+$/.test(v)) return `--exit needs OpenOCD's exit code (an integer), got '${v}'`;
      out.exitCode = Number(v);
    } else if (a.startsWith('-') && a !== '-') return `unknown option '${a}'`;
    else if (out.file === undefined) out.file = a;
    else return `unexpected argument '${a}'`;
  }
  if (out.file === undefined) return 'give a log file, or - to read standard input';
  return { ...out, file: out.file };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

function reason(err: unknown): string {
  if (err instanceof Error && 'code' in err && err.code === 'ENOENT') return 'no such file';
  return err instanceof Error ? err.message : String(err);
}

/** A saved profile (the app's JSON), validated like the app validates it. */
async function readProfile(path: string): Promise<ConnectionProfile | string> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    return `cannot read profile '${path}': ${err instanceof SyntaxError ? `not JSON (${err.message})` : reason(err)}`;
  }
  const parsed = connectionProfileSchema.safeParse(json);
  if (!parsed.success) return `profile '${path}' is not a connection profile: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`;
  return parsed.data as ConnectionProfile;
}

export const diagnoseCommand: CliCommand = {
  name: 'diagnose',
  usage: 'diagnose FILE|- [--json] [--scripts DIR] [--exit N] [--profile FILE]',
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
      console.error(`bringup diagnose: cannot read '${parsed.file}': ${reason(err)}`);
      return 1;
    }
    let profile: ConnectionProfile | undefined;
    if (parsed.profile) {
      const p = await readProfile(parsed.profile);
      if (typeof p === 'string') {
        console.error(`bringup diagnose: ${p}`);
        return 1;
      }
      profile = p;
    }
    const scriptsDir = parsed.scripts ?? DEFAULT_SCRIPT_DIRS.find((d) => existsSync(d));
    const availableCfgs = scriptsDir ? await listCfgs(scriptsDir) : undefined;
    const findings = diagnose({ log, availableCfgs, exitCode: parsed.exitCode, profile });
    for (const note of deprecationNotes(log)) console.error(`bringup diagnose: warning: ${note.text}`);
    if (parsed.json) console.log(JSON.stringify(findingsToJson(findings)));
    else process.stdout.write(formatFindings(findings));
    return 0;
  },
};
