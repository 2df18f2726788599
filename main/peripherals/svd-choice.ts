// Which SVD file each profile uses: the one the user opened (remembered in
// svd-choices.json in the user-data folder), else the bundled STM32F103 for the
// virtual board and for STM32F1 target configs, else none (the panel offers "Open SVD").
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ConnectionProfile } from '../../shared/profile';
import { writeFileAtomic } from '../files/atomic-write';
import { assetsDir } from '../paths';

export const BUNDLED_F103 = 'STM32F103.svd';

export function bundledSvd(file = BUNDLED_F103): string {
  return path.join(assetsDir(), 'svd', file);
}

/** The bundled SVD that fits the profile's chip, when one does. */
export function defaultSvdFor(profile: ConnectionProfile | undefined): string | undefined {
  if (!profile) return undefined;
  if (profile.kind === 'vboard') return bundledSvd();
  const cfg = `${profile.targetCfg ?? ''} ${profile.boardCfg ?? ''}`;
  return /stm32f1/i.test(cfg) ? bundledSvd() : undefined;
}

export class SvdChoices {
  private cache: Promise<Record<string, string>> | undefined;

  constructor(private readonly userDataDir: string) {}

  private get file(): string {
    return path.join(this.userDataDir, 'svd-choices.json');
  }

  private all(): Promise<Record<string, string>> {
    this.cache ??= readFile(this.file, 'utf8').then(
      (t) => {
        const v: unknown = JSON.parse(t);
        return v && typeof v === 'object' ? (v as Record<string, string>) : {};
      },
      () => ({}),
    );
    return this.cache;
  }

  async get(profileId: string): Promise<string | undefined> {
    const v = (await this.all())[profileId];
    return typeof v === 'string' ? v : undefined;
  }

  async set(profileId: string, file: string | undefined): Promise<void> {
    const all = { ...(await this.all()) };
    if (file === undefined) delete all[profileId];
    else all[profileId] = file;
    this.cache = Promise.resolve(all);
    await writeFileAtomic(this.file, JSON.stringify(all, null, 2) + '\n');
  }

  /** Where an SVD uploaded from the browser is kept for a profile (one per profile). */
  uploadPath(profileId: string, name: string): string {
    const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 80);
    return path.join(this.userDataDir, 'svd', `${safe(profileId)}--${safe(path.basename(name))}`);
  }
}
