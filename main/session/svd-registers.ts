// SVD-decoded peripherals on the connected target: an SVD file loaded off the main
// thread (svd/load.ts), its registers read and written through this session's memory.
// The model itself (svd/model.ts) knows no target; this binds the two.
import { SVDError } from '../openocd/errors';
import type { Memory } from './memory';
import type { LoadSvdOptions, SvdModel } from './svd/index';
import type { DecodedRegister, SvdPeripheral, SvdRegister } from './svd/types';
import type { FieldWrite } from './svd/access';

export class SvdRegisters {
  private loaded: SvdModel | undefined;

  constructor(private readonly memory: Memory) {}

  /** Loads (and resolves) an SVD file; it replaces any file loaded before. */
  async load(file: string, opts: LoadSvdOptions = {}): Promise<SvdModel> {
    // Loaded on first use: the parser and fast-xml-parser are a sixth of what every
    // session command would otherwise load at start (`bringup info` never needs them).
    const { loadSvd } = await import('./svd/load');
    this.loaded = await loadSvd(file, opts);
    return this.loaded;
  }

  /** The loaded model; SVDError when no file was loaded. */
  get model(): SvdModel {
    if (!this.loaded) throw new SVDError('No SVD file loaded', { hint: 'Call svd.load(path to the chip\'s .svd file) first.' });
    return this.loaded;
  }

  listPeripherals(): readonly SvdPeripheral[] {
    return this.model.listPeripherals();
  }

  listRegisters(peripheral: string): readonly SvdRegister[] {
    return this.model.listRegisters(peripheral);
  }

  /** Reads "PERIPH.REG" on the target and decodes its fields (values and enum names). */
  readRegister(path: string): Promise<DecodedRegister> {
    return this.model.readRegister(this.memory, path);
  }

  /** Decodes a value as "PERIPH.REG" without touching the target. */
  decode(path: string, value: number): DecodedRegister {
    return this.model.decode(path, value);
  }

  /** Read-modify-write of one field, "PERIPH.REG.FIELD", by number or enum name. */
  writeField(path: string, value: number | string): Promise<FieldWrite> {
    return this.model.writeField(this.memory, path, value);
  }

  writeRegister(path: string, value: number): Promise<void> {
    return this.model.writeRegister(this.memory, path, value);
  }
}
