// The profile store: user profiles in <userData>/profiles.json plus the built-in
// ones. Writes are atomic (temp file + rename) so a crash never leaves half a file;
// a corrupt file is set aside rather than silently overwritten.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { ConnectionProfile } from '../../shared/profile';
import { VBOARD_PROFILE_ID } from '../../shared/profile';
import { connectionProfileSchema } from '../../shared/profile-schema';
import type { ProfileList } from '../../shared/contract';
import { ValidationError } from '../openocd/errors';
import { BUILTIN_PROFILES, isBuiltinProfile } from './builtin';

const fileSchema = z.object({
  version: z.literal(1),
  profiles: z.array(z.unknown()),
  lastUsedId: z.string().optional(),
});

interface StoreData {
  profiles: ConnectionProfile[];
  lastUsedId?: string;
}

export interface ProfileStore {
  list(): Promise<ProfileList>;
  get(id: string): Promise<ConnectionProfile | undefined>;
  save(profile: ConnectionProfile): Promise<ProfileList>;
  delete(id: string): Promise<ProfileList>;
  /** Remembers the profile to preselect next time. */
  markUsed(id: string): Promise<void>;
}

export function createProfileStore(userDataDir: string): ProfileStore {
  const file = path.join(userDataDir, 'profiles.json');
  // Serialise read-modify-write cycles: two windows saving at once must not lose a profile.
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };

  async function read(): Promise<StoreData> {
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { profiles: [] };
      throw err;
    }
    const parsed = fileSchema.safeParse(safeJson(text));
    if (!parsed.success) {
      await fs.rename(file, `${file}.corrupt-${Date.now()}`).catch(() => undefined);
      return { profiles: [] };
    }
    // Keep every valid profile; skip (not crash on) one a newer version wrote.
    const profiles = parsed.data.profiles.flatMap((p) => {
      const r = connectionProfileSchema.safeParse(p);
      return r.success && !isBuiltinProfile(r.data.id) ? [r.data] : [];
    });
    return { profiles, lastUsedId: parsed.data.lastUsedId };
  }

  async function write(data: StoreData): Promise<void> {
    await fs.mkdir(userDataDir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await fs.writeFile(tmp, JSON.stringify({ version: 1, ...data }, null, 2) + '\n', 'utf8');
    await fs.rename(tmp, file);
  }

  function toList(data: StoreData): ProfileList {
    const profiles = [...BUILTIN_PROFILES, ...data.profiles];
    const last = data.lastUsedId;
    const selectedId = last && profiles.some((p) => p.id === last) ? last : VBOARD_PROFILE_ID;
    return { profiles, selectedId };
  }

  return {
    list: () => exclusive(async () => toList(await read())),
    get: (id) => exclusive(async () => [...BUILTIN_PROFILES, ...(await read()).profiles].find((p) => p.id === id)),
    save: (profile) =>
      exclusive(async () => {
        if (isBuiltinProfile(profile.id)) throw new ValidationError(`profile.id: '${profile.id}' is built in and cannot be changed`);
        const checked = connectionProfileSchema.parse(profile);
        const data = await read();
        const i = data.profiles.findIndex((p) => p.id === checked.id);
        if (i >= 0) data.profiles[i] = checked;
        else data.profiles.push(checked);
        await write(data);
        return toList(data);
      }),
    delete: (id) =>
      exclusive(async () => {
        if (isBuiltinProfile(id)) throw new ValidationError(`id: '${id}' is built in and cannot be deleted`);
        const data = await read();
        const before = data.profiles.length;
        data.profiles = data.profiles.filter((p) => p.id !== id);
        if (data.profiles.length === before) throw new ValidationError(`id: no profile '${id}'`);
        if (data.lastUsedId === id) delete data.lastUsedId;
        await write(data);
        return toList(data);
      }),
    markUsed: (id) =>
      exclusive(async () => {
        const data = await read();
        if (data.lastUsedId === id) return;
        data.lastUsedId = id;
        await write(data);
      }),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
