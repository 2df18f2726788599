// STM32 DBGMCU_IDCODE DEV_ID values (the low 12 bits OpenOCD prints as "device id =
// 0x%08x") and the parts that carry them, from ST's reference manuals (RM0008, RM0091,
// RM0316, RM0090, RM0368, RM0385, RM0410, RM0431) and OpenOCD's stm32f1x.c / stm32f2x.c
// tables. Lets the engine tell "this OpenOCD's flash driver does not know this chip yet"
// (the id belongs to the family the cfg names) from "the cfg names another chip" (a
// different family, or a clone that reports another density than its marking).
import type { Facts, Line } from './types';
import { formatAddress } from '../../shared/hex';
import { compareVersions } from './signatures/version-knowledge';

export interface Stm32DevId {
  family: string;
  /** Part numbers (after "STM32") that report this id. */
  parts: RegExp;
  /** First OpenOCD release whose flash driver (stm32f1x.c for F0/F1/F3, stm32f2x.c for F2/F4/F7) knows this id. */
  since: string;
  name: string;
}

const DEV_IDS: Record<number, Stm32DevId> = {
  0x412: { family: 'F1', parts: /^F10[123].[46]/, since: '0.7.0', name: 'STM32F10x low density' },
  0x410: { family: 'F1', parts: /^F10[123].[8B]/, since: '0.7.0', name: 'STM32F10x medium density' },
  0x414: { family: 'F1', parts: /^F10[13].[CDE]/, since: '0.7.0', name: 'STM32F10x high density' },
  0x430: { family: 'F1', parts: /^F10[13].[FG]/, since: '0.7.0', name: 'STM32F10x XL density' },
  0x418: { family: 'F1', parts: /^F10[57]/, since: '0.7.0', name: 'STM32F105/F107 connectivity line' },
  0x420: { family: 'F1', parts: /^F100.[468B]/, since: '0.7.0', name: 'STM32F100 value line' },
  0x428: { family: 'F1', parts: /^F100.[CDE]/, since: '0.7.0', name: 'STM32F100 high density value line' },
  0x444: { family: 'F0', parts: /^F03[01].[46]/, since: '0.8.0', name: 'STM32F03x' },
  0x445: { family: 'F0', parts: /^F04|^F070.6/, since: '0.9.0', name: 'STM32F04x/F070x6' },
  0x440: { family: 'F0', parts: /^F05|^F030.8/, since: '0.7.0', name: 'STM32F030x8/F05x' },
  0x448: { family: 'F0', parts: /^F07[128]|^F070.B/, since: '0.8.0', name: 'STM32F07x' },
  0x442: { family: 'F0', parts: /^F09|^F030.C/, since: '0.9.0', name: 'STM32F09x/F030xC' },
  0x422: { family: 'F3', parts: /^F30[23].[BC]|^F358/, since: '0.7.0', name: 'STM32F302xB/C, F303xB/C' },
  0x432: { family: 'F3', parts: /^F37|^F38/, since: '0.7.0', name: 'STM32F37x' },
  0x438: { family: 'F3', parts: /^F303.[68]|^F334|^F328/, since: '0.9.0', name: 'STM32F303x6/8, F334' },
  0x439: { family: 'F3', parts: /^F301|^F302.[68]|^F318/, since: '0.9.0', name: 'STM32F301, F302x6/8' },
  0x446: { family: 'F3', parts: /^F30[23].[DE]|^F398/, since: '0.9.0', name: 'STM32F302xD/E, F303xD/E' },
  0x411: { family: 'F2', parts: /^F2/, since: '0.7.0', name: 'STM32F2xx' },
  0x413: { family: 'F4', parts: /^F40[57]|^F41[57]/, since: '0.7.0', name: 'STM32F405/407/415/417' },
  0x419: { family: 'F4', parts: /^F4[23]/, since: '0.7.0', name: 'STM32F42x/43x' },
  0x423: { family: 'F4', parts: /^F401.[BC]/, since: '0.8.0', name: 'STM32F401xB/C' },
  0x433: { family: 'F4', parts: /^F401.[DE]/, since: '0.8.0', name: 'STM32F401xD/E' },
  0x431: { family: 'F4', parts: /^F411/, since: '0.9.0', name: 'STM32F411' },
  0x458: { family: 'F4', parts: /^F410/, since: '0.10.0', name: 'STM32F410' },
  0x441: { family: 'F4', parts: /^F412/, since: '0.10.0', name: 'STM32F412' },
  0x421: { family: 'F4', parts: /^F446/, since: '0.9.0', name: 'STM32F446' },
  0x434: { family: 'F4', parts: /^F4[67]9/, since: '0.10.0', name: 'STM32F469/479' },
  0x463: { family: 'F4', parts: /^F4[12]3/, since: '0.11.0', name: 'STM32F413/423' },
  0x449: { family: 'F7', parts: /^F7[45]/, since: '0.10.0', name: 'STM32F74x/75x' },
  0x451: { family: 'F7', parts: /^F7[67]/, since: '0.10.0', name: 'STM32F76x/77x' },
  0x452: { family: 'F7', parts: /^F7[23]/, since: '0.11.0', name: 'STM32F72x/73x' },
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
  if (driverFailed && !family && knownToThisBuild(devId, facts.openocdVersion))
    // The log does not name the cfg, but the driver that knows this id has known it since
    // that release: the one that failed is another family's (stm32f1x.c vs stm32f2x.c).
    return { kind: 'other-chip', devId, deviceId: facts.deviceId, text: `The chip reports device id ${id} (${devId.name}), which OpenOCD's STM32${devId.family} flash driver has known since ${devId.since}: the flash driver that failed to identify it is another family's, so the target cfg names the wrong family.` };
  if (driverFailed && (!family || family === devId.family))
    return { kind: 'driver-too-old', devId, deviceId: facts.deviceId, cfgPart: part, cfgFamily: family, text: `Device id ${id} is a genuine ${devId.name}, but this OpenOCD's flash driver does not know it yet.` };
  return undefined;
}

/** This OpenOCD's driver for the id's family knows the id: the printed version is at least its `since`, or (no version) the id is from 0.9 or before. */
function knownToThisBuild(devId: Stm32DevId, version: string | undefined): boolean {
  return version ? compareVersions(version, devId.since) >= 0 : compareVersions(devId.since, '0.9.0') <= 0;
}

/**
 * stm32l4x.c names the families it handles in its probe failure ("Cannot identify target as
 * an STM32G0/G4/L4/L4+/L5/U5/WB/WL family device.", the list grows with each release). When
 * the target cfg's chip name (stm32u3.cpu, [STM32U385RGTx.cpu]) is a family not in that
 * list, this build's driver does not support the family yet: a newer OpenOCD, not another cfg.
 */
export function familyMissingFromDriver(lines: Line[]): { family: string; listed: string[] } | undefined {
  let listed: string[] | undefined;
  for (const l of lines) {
    const m = /Cannot identify target as an? STM32((?:[A-Z][A-Z0-9]\+?\/)*[A-Z][A-Z0-9]\+?) family device/.exec(l.text);
    if (m?.[1]) listed = m[1].split('/').map((f) => f.replace('+', ''));
  }
  if (!listed) return undefined;
  for (const l of lines) {
    // The raw line: OpenOCD 0.12 prefixes target messages with "[stm32u3.cpu] ", which normalize.ts strips from text.
    const t = /\b(?:STM32|stm32)([a-zA-Z][a-zA-Z0-9])\w*\.(?:cpu|cm\d+)\b/.exec(l.raw);
    const family = t?.[1]?.toUpperCase();
    if (family) return listed.includes(family) ? undefined : { family, listed };
  }
  return undefined;
}
