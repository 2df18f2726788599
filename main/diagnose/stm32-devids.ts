// STM32 DBGMCU_IDCODE DEV_ID values (the low 12 bits OpenOCD prints as "device id =
// 0x%08x") and the parts that carry them, from ST's reference manuals (RM0008, RM0091,
// RM0316, RM0090, RM0368, RM0385, RM0410, RM0431) and OpenOCD's stm32f1x.c / stm32f2x.c
// tables. Lets the engine tell "this OpenOCD's flash driver does not know this chip yet"
// (the id belongs to the family the cfg names) from "the cfg names another chip" (a
// different family, or a clone that reports another density than its marking).
import type { Facts, Line } from './types';
import { formatAddress } from '../../shared/hex';

export interface Stm32DevId {
  family: string;
  /** Part numbers (after "STM32") that report this id. */
  parts: RegExp;
  name: string;
}

const DEV_IDS: Record<number, Stm32DevId> = {
  0x412: { family: 'F1', parts: /^F10[123].[46]/, name: 'STM32F10x low density' },
  0x410: { family: 'F1', parts: /^F10[123].[8B]/, name: 'STM32F10x medium density' },
  0x414: { family: 'F1', parts: /^F10[13].[CDE]/, name: 'STM32F10x high density' },
  0x430: { family: 'F1', parts: /^F10[13].[FG]/, name: 'STM32F10x XL density' },
  0x418: { family: 'F1', parts: /^F10[57]/, name: 'STM32F105/F107 connectivity line' },
  0x420: { family: 'F1', parts: /^F100.[468B]/, name: 'STM32F100 value line' },
  0x428: { family: 'F1', parts: /^F100.[CDE]/, name: 'STM32F100 high density value line' },
  0x444: { family: 'F0', parts: /^F03[01].[46]/, name: 'STM32F03x' },
  0x445: { family: 'F0', parts: /^F04|^F070.6/, name: 'STM32F04x/F070x6' },
  0x440: { family: 'F0', parts: /^F05|^F030.8/, name: 'STM32F030x8/F05x' },
  0x448: { family: 'F0', parts: /^F07[128]|^F070.B/, name: 'STM32F07x' },
  0x442: { family: 'F0', parts: /^F09|^F030.C/, name: 'STM32F09x/F030xC' },
  0x422: { family: 'F3', parts: /^F30[23].[BC]|^F358/, name: 'STM32F302xB/C, F303xB/C' },
  0x432: { family: 'F3', parts: /^F37|^F38/, name: 'STM32F37x' },
  0x438: { family: 'F3', parts: /^F303.[68]|^F334|^F328/, name: 'STM32F303x6/8, F334' },
  0x439: { family: 'F3', parts: /^F301|^F302.[68]|^F318/, name: 'STM32F301, F302x6/8' },
  0x446: { family: 'F3', parts: /^F30[23].[DE]|^F398/, name: 'STM32F302xD/E, F303xD/E' },
  0x411: { family: 'F2', parts: /^F2/, name: 'STM32F2xx' },
  0x413: { family: 'F4', parts: /^F40[57]|^F41[57]/, name: 'STM32F405/407/415/417' },
  0x419: { family: 'F4', parts: /^F4[23]/, name: 'STM32F42x/43x' },
  0x423: { family: 'F4', parts: /^F401.[BC]/, name: 'STM32F401xB/C' },
  0x433: { family: 'F4', parts: /^F401.[DE]/, name: 'STM32F401xD/E' },
  0x431: { family: 'F4', parts: /^F411/, name: 'STM32F411' },
  0x458: { family: 'F4', parts: /^F410/, name: 'STM32F410' },
  0x441: { family: 'F4', parts: /^F412/, name: 'STM32F412' },
  0x421: { family: 'F4', parts: /^F446/, name: 'STM32F446' },
  0x434: { family: 'F4', parts: /^F4[67]9/, name: 'STM32F469/479' },
  0x463: { family: 'F4', parts: /^F4[12]3/, name: 'STM32F413/423' },
  0x449: { family: 'F7', parts: /^F7[45]/, name: 'STM32F74x/75x' },
  0x451: { family: 'F7', parts: /^F7[67]/, name: 'STM32F76x/77x' },
  0x452: { family: 'F7', parts: /^F7[23]/, name: 'STM32F72x/73x' },
};

export function lookupDevId(deviceId: number): Stm32DevId | undefined {
  return DEV_IDS[deviceId & 0xfff];
}

/** What the target cfg says the chip is: a part ("F103C8" from STM32F103C8Tx.cpu) and/or a family ("F7" from stm32f7x.cpu). */
export function cfgChip(lines: Line[]): { part?: string; family?: string } {
  for (const l of lines) {
    const m = /\b(?:STM32([FGLHUW]\d[0-9A-Z]{2,}?)(?:T[x\d]|x)?|stm32([fglhuw]\d)x)\.cpu\b/i.exec(l.text);
    if (!m) continue;
    const part = m[1]?.toUpperCase();
    return { part, family: (part ?? m[2] ?? '').slice(0, 2).toUpperCase() };
  }
  return {};
}

export interface DevIdVerdict {
  kind: 'other-chip' | 'driver-too-old';
  devId: Stm32DevId;
  deviceId: number;
  cfgPart?: string;
  cfgFamily?: string;
  text: string;
}

/**
 * The device id against the cfg: another part than the cfg names -> 'other-chip'; the
 * family the cfg names but the flash driver could not identify it -> 'driver-too-old'.
 */
export function judgeDevId(facts: Facts, lines: Line[], driverFailed: boolean): DevIdVerdict | undefined {
  if (facts.deviceId === undefined) return undefined;
  const devId = lookupDevId(facts.deviceId);
  if (!devId) return undefined;
  const { part, family } = cfgChip(lines);
  const id = formatAddress(facts.deviceId);
  if (part && !devId.parts.test(part))
    return { kind: 'other-chip', devId, deviceId: facts.deviceId, cfgPart: part, cfgFamily: family, text: `The chip reports device id ${id} (${devId.name}), not what an STM32${part} reports: it is another part, or a clone/remarked chip.` };
  if (family && family !== devId.family)
    return { kind: 'other-chip', devId, deviceId: facts.deviceId, cfgPart: part, cfgFamily: family, text: `The chip reports device id ${id} (${devId.name}) but the target cfg is for the STM32${family} family.` };
  if (driverFailed && (!family || family === devId.family))
    return { kind: 'driver-too-old', devId, deviceId: facts.deviceId, cfgPart: part, cfgFamily: family, text: `Device id ${id} is a genuine ${devId.name}, but this OpenOCD's flash driver does not know it yet.` };
  return undefined;
}
