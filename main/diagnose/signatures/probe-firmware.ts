// The adapter's own firmware is too old or wrong for what OpenOCD asks of it.
import type { CategorySignatures } from '../types';
import { probeKind, probeName } from './helpers';
import { RPI_PROBE_LINE } from '../combine-rp-probe';

export const probeFirmware: CategorySignatures = {
  category: 'probe-firmware',
  rules: [
    // src/jtag/drivers/stlink_usb.c (after 0.12): stlink_dap_init()
    { id: 'stlink-deprecated-hla', source: 'src/jtag/drivers/stlink_usb.c (0.12+ master)', match: /The firmware in the ST-Link adapter only supports deprecated HLA/, weight: 0.95 },
    { id: 'stlink-update-advice', source: 'src/jtag/drivers/stlink_usb.c (0.12+ master)', match: /Please consider updating the ST-Link firmware/, weight: 0.9 },
    // src/jtag/drivers/stlink_usb.c 0.12 stlink_dap_init()
    { id: 'stlink-no-dapdirect', source: 'src/jtag/drivers/stlink_usb.c', match: /ST-Link version does not support DAP direct transport/, weight: 0.9 },
    { id: 'stlink-banked-dp', source: 'src/jtag/drivers/stlink_usb.c', match: /Banked DP registers not supported in current STLink FW/, weight: 0.85 },
    // src/jtag/drivers/stlink_usb.c stlink_open(): transport the firmware lacks (e.g. SWD on a V1)
    { id: 'stlink-mode-unsupported', source: 'src/jtag/drivers/stlink_usb.c', match: /mode \(transport\) not supported by device/, weight: 0.7 },
    // src/jtag/drivers/jlink.c
    { id: 'jlink-empty-fw', source: 'src/jtag/drivers/jlink.c', match: /Device responds empty firmware version string/, weight: 0.6 },
    { id: 'jlink-transport', source: 'src/jtag/drivers/jlink.c', match: /Selected transport is not supported by the device|Device supports JTAG transport only/, weight: 0.55 },
    // src/jtag/drivers/kitprog.c
    { id: 'kitprog-old', source: 'src/jtag/drivers/kitprog.c', match: /KitProg firmware versions below v2\.14/, weight: 0.7 },
    // src/jtag/drivers/cmsis_dap.c
    { id: 'cmsis-no-swd', source: 'src/jtag/drivers/cmsis_dap.c', match: /CMSIS-DAP: (SWD|JTAG) not supported/, weight: 0.6 },
    // src/jtag/drivers/arm-jtag-ew.c
    { id: 'untested-fw', source: 'src/jtag/drivers/arm-jtag-ew.c', match: /firmware version \S+ is untested/, weight: 0.4 },
    // src/jtag/drivers/stlink_usb.c: a status code this OpenOCD does not know (old or clone firmware)
    // src/target/adi_v5_swd.c swd_connect_multidrop(): besides power and wires, a Pico running a debugprobe build for
    // another board (the Debug Probe's pinout, not -DDEBUG_ON_PICO) drives other GPIOs and nothing answers
    { id: 'multidrop-no-answer', source: 'src/target/adi_v5_swd.c', match: /Failed to connect multidrop/, weight: 0.3 },
    { id: 'stlink-unknown-status', source: 'src/jtag/drivers/stlink_usb.c', match: /unknown\/unexpected STLINK status code 0x[0-9a-f]+/i, weight: 0.4 },
    // src/jtag/drivers/stlink_usb.c stlink_usb_mode_enter(): the ST-Link firmware cannot enter the selected mode
    { id: 'stlink-selected-mode', source: 'src/jtag/drivers/stlink_usb.c', match: /^selected mode \(transport\) not supported$/, weight: 0.6 },
  ],
  describe(ctx) {
    const kind = probeKind(ctx);
    const name = probeName(kind);
    if (ctx.hits.has('multidrop-no-answer') || (ctx.hits.size === 0 && ctx.lines.some((l) => RPI_PROBE_LINE.test(l.text))))
      return {
        title: 'If the probe is a Pico running debugprobe: the firmware build may not match the board',
        explanation:
          'Nothing answered the RP2040 multidrop connect. Besides power and the SWD wires, a debugprobe firmware built for the Raspberry Pi Debug Probe drives other GPIOs than a plain Pico used as probe, so the target never sees SWCLK/SWDIO.',
        steps: [
          { text: 'On a plain Pico, flash the debugprobe_on_pico.uf2 release (or build debugprobe with -DDEBUG_ON_PICO=ON).', action: 'update-probe-firmware' },
          { text: 'Check the wiring against that build: GP2 = SWCLK, GP3 = SWDIO, and GND; on the Debug Probe, that the JST cable is fully seated (its case can keep it from clicking in).', action: 'check-wiring' },
          { text: 'Power the target on its own (its USB port): debugprobe does not power the board through the SWD header.', action: 'measure-voltage' },
        ],
      };
    const ver = ctx.facts.stlinkVersionText;
    return {
      title: `The ${name}'s firmware is too old${ver ? ` (${ver})` : ''}`,
      explanation: `The ${name} runs firmware that lacks a feature this OpenOCD uses (for ST-Link: DAP direct access needs V2J24 or newer; V2J37+ is current).`,
      steps: [
        kind === 'stlink'
          ? { text: "Update the ST-Link firmware with ST's STSW-LINK007 updater (or STM32CubeProgrammer).", action: 'update-probe-firmware' }
          : { text: `Update the ${name}'s firmware with its vendor's tool.`, action: 'update-probe-firmware' },
        ...(kind === 'stlink' ? [{ text: 'Meanwhile use interface/stlink.cfg (HLA mode) instead of stlink-dap.cfg.', action: 'suggest-cfg' as const, args: { cfg: 'interface/stlink.cfg' } }] : []),
      ],
    };
  },
};
