// `bringup station JOB|IMAGE (--probe SERIAL... | --vboards N)`: the production station from
// the command line. Every board at once, a line per board, a summary, the record appended
// (JSON Lines + CSV). Exit 0 only when every board passed.
import { FlashInterrupt } from '../session/flash/interrupted';
import os from 'node:os';
import path from 'node:path';
import { listAdapters } from '../adapters/list';
import { ValidationError } from '../openocd/errors';
import { profileForAdapter } from '../profiles/from-adapter';
import { defaultUserDataDir } from '../profiles/user-data';
import { loadJob, type LoadedJob } from '../station/job';
import type { StationRow } from '../station/record';
import { Station, summarise, type SlotSpec } from '../station/station';
import { spawnVboards } from '../station/vboard-slots';
import { parseFaults } from '../vboard/faults';
import { optionValue, parseArgs, parseNumber } from './args';
import { UsageError, type CliCommand } from './command';
import { printError } from './output';

const USAGE = 'station JOB|IMAGE (--probe SERIAL... | --vboards N) [--address ADDR] [--record FILE] [--json] [--name NAME] [--vboard-fault I:FAULT]...';
const HELP = `Flash many boards at once, each on its own probe, with serial numbers and a durable record.
Usage: bringup ${USAGE}
  JOB|IMAGE           a job file (.json) or an image (.hex .bin .elf .s19: program, verify, reset and run)
  --probe SERIAL      a slot on the probe with this serial (repeat for more slots; see 'bringup adapters')
  --vboards N         N virtual boards, each with its own UID and OpenOCD
  --vboard-fault I:F  give virtual board I (1-based) fault F (e.g. 3:read-protected)
  --address ADDR      load address of an image given alone (a raw .bin: e.g. 0x08000000)
  --record FILE       the record (JSON Lines; FILE.csv beside it). Default: station/record.jsonl in the user-data folder
  --name NAME         the station's name in the record (default: this machine's host name)
  --json              a JSON line per board, then the summary
  Job file fields: name, image, address (for .bin), target, verify, after (reset-run|halt|none),
  readProtect, serial { address, format ("SN-{n:06}"), start, source (counter|typed) }.
Exit: 0 every board passed, 1 a board failed (or the job is bad), 2 bad usage.`;

function line(r: StationRow, finding?: string): string {
  const status = r.result === 'pass' ? 'PASS' : r.result === 'fail' ? 'FAIL' : 'INTR';
  const parts = [status, r.slot.padEnd(7), r.probe.padEnd(12), `UID ${r.uid || '(not read)'.padEnd(24)}`, r.serial || '-', `${(r.durationMs / 1000).toFixed(2)} s`];
  let text = parts.join('  ');
  if (r.result !== 'pass') text += `\n      ${r.errorCategory}: ${r.errorMessage}${finding ? `\n      ${finding}` : ''}`;
  return text;
}

async function probeSlots(serials: string[], loaded: LoadedJob): Promise<SlotSpec[]> {
  const all = await listAdapters();
  return serials.map((serial, i) => {
    const adapter = all.find((a) => a.serial === serial || a.openocdSerial === serial);
    if (!adapter) {
      const seen = all.map((a) => `${a.known?.name ?? a.vid}${a.serial ? ` (serial ${a.serial})` : ''}`).join(', ') || 'none';
      throw new ValidationError(`no probe with serial ${serial} is plugged in (plugged in: ${seen})`, { hint: "Run 'bringup adapters' to see the serials." });
    }
    const { profile } = profileForAdapter(all, adapter);
    if (!profile) throw new ValidationError(`probe ${serial} has no OpenOCD interface cfg that fits it on its own`);
    return {
      id: `slot-${i + 1}`,
      label: `Slot ${i + 1}`,
      probe: serial,
      profile: { ...profile, id: `station-${serial}`, targetCfg: loaded.job.target, ...(loaded.job.speedKhz ? { adapterSpeedKhz: loaded.job.speedKhz } : {}) },
    };
  });
}

function parseVboardFaults(list: string[], n: number): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const item of list) {
    const m = /^(\d+):(.+)$/.exec(item);
    const i = m ? Number(m[1]) : NaN;
    if (!m || i < 1 || i > n) throw new UsageError(`--vboard-fault takes I:FAULT with I from 1 to ${n}, got '${item}'`);
    try {
      parseFaults([m[2] as string]);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    out.set(i - 1, [...(out.get(i - 1) ?? []), m[2] as string]);
  }
  return out;
}

export const stationCommand: CliCommand = {
  name: 'station',
  usage: USAGE,
  summary: 'Production station: flash many boards at once with serials and a durable record',
  help: HELP,
  async run(argv) {
    let args;
    try {
      const p = parseArgs(argv, { '--probe': 'list', '--vboards': 'value', '--vboard-fault': 'list', '--record': 'value', '--json': 'flag', '--name': 'value', '--address': 'value' });
      if (p.positional.length !== 1) throw new UsageError(p.positional.length ? `one job or image, got ${p.positional.length}` : 'missing JOB|IMAGE');
      const probes = p.values.get('--probe') ?? [];
      const vb = optionValue(p, '--vboards');
      if ((probes.length > 0) === (vb !== undefined)) throw new UsageError('choose the slots with --probe SERIAL... or --vboards N (one of them)');
      const n = vb !== undefined ? parseNumber(vb, '--vboards', { min: 1, max: 16 }) : 0;
      args = {
        job: p.positional[0] as string,
        probes,
        vboards: n,
        faults: parseVboardFaults(p.values.get('--vboard-fault') ?? [], n),
        record: optionValue(p, '--record') ?? path.join(defaultUserDataDir(), 'station', 'record.jsonl'),
        json: p.flags.has('--json'),
        name: optionValue(p, '--name') ?? os.hostname(),
        address: ((a) => (a === undefined ? undefined : parseNumber(a, '--address', { max: 0xffffffff })))(optionValue(p, '--address')),
      };
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      process.stderr.write(`bringup station: ${err.message}\nUsage: bringup ${USAGE}\n`);
      return 2;
    }
    let loaded: LoadedJob;
    try {
      loaded = await loadJob(args.job, args.address !== undefined ? { address: args.address } : {});
    } catch (err) {
      printError('station', err);
      return 1;
    }
    const out = (s: string): boolean => process.stdout.write(s + '\n');
    let boards: Awaited<ReturnType<typeof spawnVboards>> | undefined;
    let station: Station | undefined;
    const onSignal = (sig: NodeJS.Signals): void => {
      process.stderr.write('\nbringup station: stopping after the flash blocks in flight…\n');
      // The reason makes each cut-off board's row say where its flash stopped (issue 17).
      station?.stopAll(new FlashInterrupt(sig));
    };
    for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(s, onSignal);
    try {
      let slots: SlotSpec[];
      if (args.vboards) {
        boards = await spawnVboards(args.vboards, process.argv[1] as string, (i) => args.faults.get(i) ?? []);
        slots = boards.slots;
      } else slots = await probeSlots(args.probes, loaded);
      if (!args.json) out(`Job "${loaded.job.name}": ${loaded.size} bytes, CRC32 0x${loaded.crc32.toString(16).padStart(8, '0')}, ${slots.length} slot${slots.length === 1 ? '' : 's'}; record ${args.record}`);
      const findings = new Map<string, string>();
      station = await Station.open(loaded, slots, {
        name: args.name,
        recordPath: args.record,
        onSlot: (s) => {
          if (s.finding) findings.set(s.id, `likely cause: ${s.finding.title}. ${s.finding.fix}`);
        },
        onRow: (r) => {
          if (args.json) out(JSON.stringify(r));
          else out(line(r, findings.get(r.slot)));
        },
      });
      const rows = await station.runAll();
      const sum = summarise(rows);
      if (args.json) out(JSON.stringify({ summary: sum }));
      else out(`\n${sum.passed} of ${sum.total} boards passed${sum.failed ? `; failed: ${Object.entries(sum.failuresByCategory).map(([k, v]) => `${k} ×${v}`).join(', ')}` : ''}`);
      return sum.passed === rows.length ? 0 : 1;
    } catch (err) {
      printError('station', err);
      return 1;
    } finally {
      for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.off(s, onSignal);
      await boards?.close();
    }
  },
};
