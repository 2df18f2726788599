// A station job: what every board on the line gets. A JSON file (validated, with a clear
// error naming the bad field), or an image file alone, which means the defaults: program,
// verify, reset and run. The image is loaded and checked once (size, CRC32, SHA-256), not
// per board; the serial number, when provisioning is on, becomes one more segment of it.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { z } from 'zod';
import { loadImageFile } from '../images/load';
import { imageSize, type Image } from '../images/types';
import { ValidationError } from '../openocd/errors';
import { validateSerialFormat } from './serial-format';

const address = z.union([z.number().int().min(0).max(0xffffffff), z.string().regex(/^0x[0-9a-fA-F]{1,8}$/, 'write an address as a number or "0x..." hex')]).transform((v) => (typeof v === 'number' ? v : parseInt(v, 16)));

export const jobSchema = z
  .object({
    name: z.string().trim().min(1).max(100).default('station job'),
    /** The image file, relative to the job file. */
    image: z.string().min(1, 'name the image file'),
    /** Load address for a raw .bin. */
    address: address.optional(),
    /** The target cfg for probe slots (the virtual board is always an STM32F103). */
    target: z.string().max(255).default('target/stm32f1x.cfg'),
    speedKhz: z.number().int().min(1).max(100_000).optional(),
    verify: z.boolean().default(true),
    after: z.enum(['reset-run', 'halt', 'none']).default('reset-run'),
    /** Set read protection (RDP level 1) once programmed and verified. */
    readProtect: z.boolean().default(false),
    serial: z
      .object({
        address,
        /** e.g. "SN-{n:06}": {n} is the counter, :06 pads it to six digits. */
        format: z.string().min(1).max(64).default('SN-{n:06}').refine((f) => validateSerialFormat(f) === undefined, { message: 'must contain {n} or {n:0W} once, e.g. "SN-{n:06}"' }),
        start: z.number().int().min(0).max(1e12).default(1),
        /** "counter": the station numbers boards; "typed": the operator types or scans each one. */
        source: z.enum(['counter', 'typed']).default('counter'),
      })
      .strict()
      .optional(),
  })
  .strict();

export type StationJob = z.output<typeof jobSchema>;

export interface LoadedJob {
  job: StationJob;
  /** Where the job came from (a job file, or the image given alone). */
  source: string;
  image: Image;
  size: number;
  crc32: number;
  sha256: string;
}

const IMAGE_EXTENSIONS = /\.(bin|hex|ihex|elf|axf|out|s19|srec|mot)$/i;

/** Reads a job file, or makes the default job for an image file. Every problem is a ValidationError naming it. */
/**
 * A job file, or an image given alone (a job with the defaults). `address` is the load address
 * for an image given alone (a raw .bin has none of its own); a job file names its own.
 */
export async function loadJob(file: string, opts: { address?: number } = {}): Promise<LoadedJob> {
  let job: StationJob;
  let imagePath: string;
  if (IMAGE_EXTENSIONS.test(file)) {
    job = jobSchema.parse({ name: path.basename(file), image: path.basename(file), ...(opts.address !== undefined ? { address: opts.address } : {}) });
    imagePath = file;
  } else {
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (e) {
      throw new ValidationError(`cannot read the job file ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { hint: 'Give a job file (.json) or an image (.hex, .bin, .elf, .s19).' });
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (e) {
      throw new ValidationError(`${file} is not valid JSON: ${(e as Error).message}`);
    }
    const parsed = jobSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? issue.path.join('.') : '(the job)';
      throw new ValidationError(`${file}: ${where}: ${issue?.message ?? 'invalid'}`, { hint: 'Fields: name, image, address, target, verify, after (reset-run|halt|none), readProtect, serial {address, format, start, source}.' });
    }
    job = parsed.data;
    if (opts.address !== undefined) throw new ValidationError(`--address goes with an image given alone; ${file} is a job file`, { hint: 'Put "address" in the job file instead.' });
    imagePath = path.resolve(path.dirname(file), job.image);
  }
  const image = await loadImageFile(imagePath, job.address !== undefined ? { address: job.address } : {});
  return prepareJob(job, image, file);
}

/** The job with its image checked once: size, CRC32, SHA-256, and a serial that does not land on firmware. */
export function prepareJob(job: StationJob, image: Image, source: string): LoadedJob {
  const size = imageSize(image);
  if (size === 0) throw new ValidationError(`${image.source} holds no bytes to program`);
  const bytes = Buffer.concat(image.segments.map((s) => Buffer.from(s.data)));
  const serial = job.serial;
  if (serial && image.segments.some((s) => serial.address < s.address + s.data.length && serial.address + 32 > s.address)) {
    throw new ValidationError(`serial.address 0x${serial.address.toString(16).padStart(8, '0')} lies inside the image: the serial number would overwrite firmware`, { hint: 'Choose a flash address past the end of the image (e.g. the last page).' });
  }
  return { job, source, image, size, crc32: crc32(bytes), sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** Whether the image (and the serial) fits the part's flash, from the first slot's bank geometry. */
export function checkFits(loaded: LoadedJob, bank: { base: number; size: number }): void {
  const end = Math.max(...loaded.image.segments.map((s) => s.address + s.data.length), loaded.job.serial ? loaded.job.serial.address + 32 : 0);
  const start = Math.min(...loaded.image.segments.map((s) => s.address));
  if (start < bank.base || end > bank.base + bank.size) {
    throw new ValidationError(
      `the image spans 0x${start.toString(16).padStart(8, '0')}–0x${(end - 1).toString(16).padStart(8, '0')} but the part's flash is 0x${bank.base.toString(16).padStart(8, '0')}–0x${(bank.base + bank.size - 1).toString(16).padStart(8, '0')} (${bank.size / 1024} KB)`,
      { hint: 'Build the image for this part, or pick the right target.' },
    );
  }
}
