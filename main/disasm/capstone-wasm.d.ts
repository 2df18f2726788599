// The part of capstone-wasm 1.0.3 used here. Its package.json "exports" map names no
// types, so TypeScript (moduleResolution bundler/node16) cannot find its index.d.ts;
// these lines mirror that file.
declare module 'capstone-wasm' {
  export interface Insn {
    id: number;
    address: number | bigint;
    size: number;
    bytes: Uint8Array;
    mnemonic: string;
    opStr: string;
  }
  export class Capstone {
    constructor(arch: number, mode: number);
    disasm(data: number[] | Uint8Array, options?: { address?: number | bigint; count?: number }): Insn[];
    close(): void;
    static version(): { major: number; minor: number };
  }
  export const Const: { CS_ARCH_ARM: number; CS_MODE_THUMB: number; CS_MODE_MCLASS: number };
  export function loadCapstone(args?: Record<string, unknown>): Promise<void>;
}
