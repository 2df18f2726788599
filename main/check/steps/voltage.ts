// Step 2: target voltage, where the probe measures it (ST-LINK, J-Link, CMSIS-DAP v2
// with a VTref pin). STM32 parts run from 2.0 V (1.65 V for some) to 3.6 V.
import { VOLTAGE_THRESHOLDS, classifyVoltage } from '../../../shared/diagnose';
import { ev, skipped, type CheckStep } from '../context';

export const voltageStep: CheckStep = async (ctx) => {
  const v = ctx.facts.info?.targetVoltage ?? (await ctx.session.transport.targetVoltage().catch(() => undefined));
  if (v === undefined) {
    return skipped(`${ctx.facts.info?.adapter ?? 'this probe'} does not report the target voltage: measure VDD against GND with a meter if in doubt`);
  }
  const band = `${VOLTAGE_THRESHOLDS.minOperating}–${VOLTAGE_THRESHOLDS.maxOperating} V`;
  const evidence = [ev('VTref', `${v.toFixed(2)} V`), ev('band for the part', band)];
  switch (classifyVoltage(v)) {
    case 'fine':
      return { status: 'pass', summary: `${v.toFixed(2)} V is in band (${band})`, evidence };
    case 'unpowered':
      return { status: 'fail', summary: `${v.toFixed(2)} V: the board is not powered (or VTref is not wired to the probe)`, evidence };
    case 'too-low':
      return { status: 'fail', summary: `${v.toFixed(2)} V is below the part's ${VOLTAGE_THRESHOLDS.minOperating} V minimum: check the regulator and its load`, evidence };
    case 'too-high':
      return { status: 'fail', summary: `${v.toFixed(2)} V is above the part's ${VOLTAGE_THRESHOLDS.maxOperating} V maximum: power off now and check the supply`, evidence };
  }
};
