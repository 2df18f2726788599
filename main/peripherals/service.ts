// The Peripherals panel's back end: the SVD chosen for each profile, parsed off the
// UI thread (session/svd/load: a worker thread in the built app) and cached per file,
// live reads of a peripheral and field / register writes with a read back.
import { mkdir, open, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import type { PeriphModel, PeriphRead, PeriphWriteResult } from '../../shared/peripherals';
import type { ConnectionProfile } from '../../shared/profile';
import { SVDError, ValidationError } from '../openocd/errors';
import type { Memory } from '../session/memory';
import { writeField as svdWriteField, writeRaw, readRaw } from '../session/svd/access';
import { isReadable } from '../session/svd/codec';
import { loadSvd } from '../session/svd/load';
import type { SvdModel } from '../session/svd/model';
import type { SvdRegister } from '../session/svd/types';
import { compactPeripheral } from './compact';
import { decodedRead, readPeripheral, type PeriphMemory } from './read';
import { defaultSvdFor, SvdChoices } from './svd-choice';

export interface PeripheralDeps {
  userDataDir: string;
  profile(id: string): Promise<ConnectionProfile | undefined>;
  memory(): Memory;
}

interface Loaded {
  file: string;
  mtimeMs: number;
  model: SvdModel;
  compact: Omit<PeriphModel, 'profileId' | 'source' | 'bundled'>;
}

/** The session's Memory as the SVD code wants it (word runs for peripheral reads). */
export function periphMemory(m: Memory): PeriphMemory {
  return {
    readU32: (a) => m.readU32(a),
    readU32Run: (a, n) => m.readU32(a, n),
    readU16: (a) => m.readU16(a),
    readU8: (a) => m.readU8(a),
    writeU32: (a, v) => m.writeU32(a, v),
    writeU16: (a, v) => m.writeU16(a, v),
    writeU8: (a, v) => m.writeU8(a, v),
  };
}

export class PeripheralService {
  private readonly choices: SvdChoices;
  private readonly loaded = new Map<string, Promise<Loaded>>();
  /** Browser uploads under way, by profile. */
  private readonly uploads = new Map<string, { file: string; received: number; total: number; name: string }>();

  constructor(private readonly deps: PeripheralDeps) {
    this.choices = new SvdChoices(deps.userDataDir);
  }

  /** The SVD file for a profile: the one opened for it, else a bundled one that fits. */
  async fileFor(profileId: string): Promise<{ file: string; bundled: boolean } | undefined> {
    const chosen = await this.choices.get(profileId);
    if (chosen) return { file: chosen, bundled: false };
    const def = defaultSvdFor(await this.deps.profile(profileId));
    return def ? { file: def, bundled: true } : undefined;
  }

  /** Parses (once per file version) and caches. */
  private async load(file: string): Promise<Loaded> {
    const st = await stat(file).catch((e: NodeJS.ErrnoException) => {
      throw new SVDError(`SVD file ${file}: ${e.code === 'ENOENT' ? 'file not found' : e.message}`, { hint: 'Open the SVD file again.' });
    });
    const hit = this.loaded.get(file);
    if (hit) {
      const l = await hit.catch(() => undefined);
      if (l && l.mtimeMs === st.mtimeMs) return l;
    }
    const p = loadSvd(file).then((model): Loaded => ({
      file,
      mtimeMs: st.mtimeMs,
      model,
      compact: { device: model.device.name, peripherals: model.listPeripherals().map(compactPeripheral) },
    }));
    this.loaded.set(file, p);
    p.catch(() => this.loaded.delete(file));
    return p;
  }

  private async loadedFor(profileId: string): Promise<Loaded> {
    const f = await this.fileFor(profileId);
    if (!f) throw new SVDError('No SVD file for this profile', { hint: 'Open the chip\'s .svd file in the Peripherals panel.' });
    return this.load(f.file);
  }

  /** The profile's model, or null when it has no SVD yet. */
  async model(profileId: string): Promise<PeriphModel | null> {
    const f = await this.fileFor(profileId);
    if (!f) return null;
    const l = await this.load(f.file);
    return { profileId, source: path.basename(f.file) + (f.bundled ? ' (bundled)' : ''), bundled: f.bundled, ...l.compact };
  }

  /** Opens a file for a profile: parsed first, remembered only when it parses. */
  async open(profileId: string, file: string): Promise<PeriphModel> {
    const abs = path.resolve(file);
    await this.load(abs);
    await this.choices.set(profileId, abs);
    return (await this.model(profileId))!;
  }

  /** Back to the bundled (or no) SVD for the profile. */
  async forget(profileId: string): Promise<PeriphModel | null> {
    await this.choices.set(profileId, undefined);
    return this.model(profileId);
  }

  /**
   * Browser mode: the file arrives in order, in chunks (each under the WebSocket's cap);
   * it is kept in the user-data folder, so it is remembered like a picked file.
   */
  async uploadChunk(profileId: string, name: string, offset: number, total: number, data: string): Promise<{ received: number; model?: PeriphModel }> {
    const key = profileId;
    let u = this.uploads.get(key);
    if (offset === 0) {
      const file = this.choices.uploadPath(profileId, name);
      await mkdir(path.dirname(file), { recursive: true });
      u = { file: file + '.part', received: 0, total, name };
      this.uploads.set(key, u);
      await (await open(u.file, 'w')).close();
    }
    if (!u || u.name !== name || u.total !== total) throw new ValidationError('svdUpload: start the upload again from offset 0');
    if (offset !== u.received) throw new ValidationError(`svdUpload: expected the chunk at offset ${u.received}, got ${offset}`);
    const bytes = Buffer.from(data, 'base64');
    if (u.received + bytes.length > total) throw new ValidationError(`svdUpload: more bytes than the announced ${total}`);
    const fh = await open(u.file, 'a');
    try {
      await fh.write(bytes);
    } finally {
      await fh.close();
    }
    u.received += bytes.length;
    if (u.received < total) return { received: u.received };
    this.uploads.delete(key);
    const final = u.file.slice(0, -'.part'.length);
    await rename(u.file, final);
    return { received: u.received, model: await this.open(profileId, final) };
  }

  private async register(profileId: string, peripheral: string, register: string): Promise<SvdRegister> {
    const l = await this.loadedFor(profileId);
    const p = l.model.getPeripheral(peripheral);
    const r = p.registers.find((x) => x.path === register);
    if (!r) throw new SVDError(`${p.name} has no register ${register}`);
    return r;
  }

  async read(profileId: string, peripheral: string, include: string[] = []): Promise<PeriphRead> {
    const l = await this.loadedFor(profileId);
    return readPeripheral(periphMemory(this.deps.memory()), l.model.getPeripheral(peripheral), new Set(include));
  }

  private async readBack(reg: SvdRegister): Promise<PeriphWriteResult['after']> {
    if (!isReadable(reg.access)) return decodedRead(reg, null, `${reg.access}: cannot be read back`);
    return decodedRead(reg, await readRaw(periphMemory(this.deps.memory()), reg));
  }

  async writeField(profileId: string, peripheral: string, register: string, field: string, value: number | string): Promise<PeriphWriteResult> {
    const reg = await this.register(profileId, peripheral, register);
    const w = await svdWriteField(periphMemory(this.deps.memory()), reg, field, value);
    return { path: `${w.register}.${w.field}`, before: w.before, written: w.written, after: await this.readBack(reg) };
  }

  async writeRegister(profileId: string, peripheral: string, register: string, value: number): Promise<PeriphWriteResult> {
    const reg = await this.register(profileId, peripheral, register);
    const mem = periphMemory(this.deps.memory());
    if (value >= 2 ** reg.size) throw new ValidationError(`value ${value} does not fit ${reg.size}-bit register ${peripheral}.${register}`);
    const before = isReadable(reg.access) && !reg.readAction ? await readRaw(mem, reg).catch(() => null) : null;
    await writeRaw(mem, reg, value);
    return { path: `${peripheral}.${register}`, before, written: value, after: await this.readBack(reg) };
  }
}
