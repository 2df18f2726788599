// The configuration itself is wrong: unknown commands, no adapter, transport problems,
// scripts written for a different OpenOCD version.
import { GROUP_USAGE } from '../facts';
import type { CategorySignatures } from '../types';
import type { FindingStep } from '../../../shared/diagnose';
import { commandRemovedIn, isDriverCommand, newerCommand, removedCommand } from './version-knowledge';

export const configError: CategorySignatures = {
  category: 'config-error',
  rules: [
    // Jim Tcl (0.11+ and 0.10 for Tcl-level commands): invalid command name "foo"
    { id: 'invalid-command-name', source: 'jimtcl (libjim: invalid command name "%#s")', match: /invalid command name "([^"]+)"/, weight: 0.75 },
    // Jim Tcl: a script reads a variable nobody set ("$_TARGETNAME" where the target script names it $_TARGET_0)
    { id: 'no-such-variable', source: 'jimtcl (libjim: can\'t read "%#s": no such variable)', match: /can't read "([^"]+)": no such variable/, weight: 0.75 },
    // src/helper/command.c 0.10: LOG_ERROR("Unknown command:\n  %s", cmd)
    { id: 'unknown-command-010', source: 'src/helper/command.c (0.10)', match: /^Unknown command:/, weight: 0.75 },
    // src/jtag/adapter.c adapter_init()
    { id: 'no-adapter-driver', source: 'src/jtag/adapter.c', match: /Debug Adapter has to be specified/i, weight: 0.85 },
    // src/transport/transport.c
    { id: 'no-transports', source: 'src/transport/transport.c', match: /Debug adapter does(?: not|n't) support any transports/i, weight: 0.85 },
    // tcl/target/swj-dp.tcl: echo "Error: unable to select a session transport. Can't continue."
    // src/transport/transport.c: "session transport was not selected. Use 'transport select <transport>'"
    { id: 'no-session-transport', source: 'tcl/target/swj-dp.tcl, src/transport/transport.c', match: /unable to select a session transport|session transport was not selected/i, weight: 0.6 },
    { id: 'no-such-transport', source: 'src/transport/transport.c', match: /No transport named '([^']+)' is available|Debug adapter doesn't support '([^']+)' transport/, weight: 0.7 },
    // src/jtag/adapter.c adapter driver: "The specified debug interface was not found (%s)"
    { id: 'interface-not-found', source: 'src/jtag/adapter.c', match: /The specified debug interface was not found \(([^)]+)\)/, weight: 0.7 },
    // src/helper/command.c: "The '%s' command must be used before/after 'init'."
    { id: 'command-wrong-phase', source: 'src/helper/command.c', match: /The '([^']+)' command must be used (before|after) 'init'/, weight: 0.65 },
    // src/jtag/drivers/cmsis_dap_usb_bulk.c: the probe's v2 (bulk) interface has the wrong class; many clone
    // firmwares expose a v2 interface that cannot be claimed, while their HID (v1) interface works.
    { id: 'cmsis-dapv2-wrong-class', source: 'src/jtag/drivers/cmsis_dap_usb_bulk.c', match: /Using CMSIS-DAPv2 interface \d+ with wrong class/, weight: 0.55 },
    // The Raspberry Pi fork's picoprobe driver (removed when debugprobe became CMSIS-DAP): the probe now
    // needs interface/cmsis-dap.cfg.
    { id: 'picoprobe-not-found', source: 'fork: raspberrypi/openocd src/jtag/drivers/picoprobe.c', match: /Can't find a picoprobe device/, weight: 0.8 },
    // tcl/target/rp2040-core0.cfg (0.12): the old per-core RP2040 script, which no longer sets up the multidrop DAP
    // as the CMSIS-DAP probes need; other deprecated scripts use the same wording
    { id: 'cfg-deprecated', source: 'tcl/target/rp2040-core0.cfg', match: /configuration file is deprecated and will be/, weight: 0.5 },
    // jimtcl / src/helper/command.c: a subcommand this build does not have (a cfg copied from another version)
    { id: 'invalid-subcommand', source: 'jimtcl (libjim: invalid subcommand "%#s")', match: /invalid subcommand "([^"]+)"/, weight: 0.7 },
    // src/helper/command.c: a command group given a subcommand it does not have prints the group's
    // name and .usage ("cmsis-dap <cmd>", src/jtag/drivers/cmsis_dap.c) and its subcommands; combine.ts
    // turns it into openocd-outdated when a newer OpenOCD has that subcommand (version-knowledge.ts).
    { id: 'group-usage', source: 'src/helper/command.c, src/jtag/drivers/cmsis_dap.c', match: GROUP_USAGE, weight: 0.5 },
    // src/helper/jim-nvp.c: an option the command does not take ("jtag newtap ... Unknown param: 0x..., try one of:
    // -irlen, ..."): a cfg written for another transport or version (e.g. swj-dp.tcl run with JTAG for an SWD-only part)
    { id: 'unknown-param', source: 'src/helper/jim-nvp.c', match: /Unknown param: \S+, try one of: /, weight: 0.6 },
    // src/jtag/core.c adapter_init() before 0.12: no "adapter speed" / adapter_khz in the cfg is fatal
    // (0.12 src/jtag/adapter.c only warns "... init scripts." and runs at 100 kHz)
    { id: 'adapter-speed-not-selected', source: 'src/jtag/core.c (0.9-0.11)', match: /An adapter speed is not selected in the init script\. Insert a call to/, weight: 0.8 },
    // src/jtag/drivers/stlink_usb.c, cmsis_dap.c: adapter speed 0 (RTCK) on a probe without it
    { id: 'rtck-unsupported', source: 'src/jtag/drivers/stlink_usb.c, cmsis_dap.c', match: /RTCK not supported\. Set nonzero/, weight: 0.7 },
    // src/jtag/drivers/ftdi.c: the FTDI cfg does not fit what is asked of it
    { id: 'ftdi-no-vid-pid', source: 'src/jtag/drivers/ftdi.c', match: /Please specify ftdi vid_pid/, weight: 0.75 },
    { id: 'ftdi-no-swd-en', source: 'src/jtag/drivers/ftdi.c', match: /SWD mode is active but SWD_EN signal is not defined/, weight: 0.75 },
    { id: 'ftdi-no-nsrst', source: 'src/jtag/drivers/ftdi.c', match: /Can't assert SRST: nSRST signal is not defined/, weight: 0.5 },
    // src/target/arm_dap.c: DAP commands with an HLA adapter; two plain SWD DAPs on one bus
    { id: 'dap-on-hla', source: 'src/target/arm_dap.c', match: /DAP instance not available\. Probably a HLA target/, weight: 0.65 },
    { id: 'two-swd-daps', source: 'src/target/arm_dap.c', match: /Two or more SWD non multidrop DAPs are not supported|Mixing of SWD multidrop DAPs and non multidrop DAPs/, weight: 0.7 },
    // src/flash/nor/kinetis.c, kinetis_ke.c: MDM operations need the DAP, not an HLA adapter
    { id: 'hla-cannot', source: 'src/flash/nor/kinetis.c, kinetis_ke.c', match: /Cannot perform (halt|mass erase|reset) with a high-level adapter/, weight: 0.65 },
    // src/jtag/core.c jtag_init_inner(): no TAP declared/enabled (target cfg missing or all taps disabled)
    { id: 'no-enabled-taps', source: 'src/jtag/core.c', match: /There are no enabled taps/, weight: 0.5 },
    // src/target/target.c target create with old syntax (0.11+ requires -dap)
    { id: 'target-requires-dap', source: 'src/target/target.c', match: /target requires -dap parameter instead of -chain-position/, weight: 0.8 },
    // src/jtag/adapter.c reset_config parsing
    { id: 'bad-reset-config', source: 'src/jtag/adapter.c', match: /unknown reset_config flag|extra reset_config \S+ spec/, weight: 0.6 },
    // Jim Tcl argument errors in cfg files
    { id: 'wrong-args', source: 'jimtcl (libjim)', match: /^wrong # args: should be/, weight: 0.45 },
    // GPIO adapters: the cfg names no pin for a signal the transport needs (bcm2835gpio.c, linuxgpiod.c, ...)
    // src/helper/options.c parse_cmdline_args(): a word left over after the options, e.g. -c adapter speed 5000 without
    // quotes (an IDE or shell that dropped them), so "speed" is taken for a file argument
    { id: 'unexpected-cmdline-arg', source: 'src/helper/options.c', match: /^Unexpected command line argument: (\S+)/, weight: 0.8 },
    { id: 'gpio-pins-missing', source: 'src/jtag/drivers/bcm2835gpio.c, linuxgpiod.c, sysfsgpio.c, imx_gpio.c, am335xgpio.c', match: /Require (swclk and swdio gpio for SWD|tck, tms, tdi and tdo gpios for JTAG) mode/, weight: 0.75 },
    // src/target/image.c image_elf_read_headers(): the file given to program/load_image is not an ELF (a .bin/.hex named .elf, or a wrong type)
    { id: 'elf-invalid', source: 'src/target/image.c', match: /invalid ELF file, (bad magic number|no loadable segments|no program headers|only 32\/64 bit ELF files are supported)/, weight: 0.6 },
    // src/flash/nor/core.c: no flash bank is configured at the address or number used (missing flash bank in the cfg, wrong address)
    { id: 'flash-bank-missing', source: 'src/flash/nor/core.c', match: /no flash bank found for address|flash bank \d+ does not exist/, weight: 0.45 },
    // src/target/target.c: a target name the cfg never created
    { id: 'target-name-unknown', source: 'src/target/target.c', match: /Target: \S+ is unknown, try one of:/, weight: 0.6 },
    // src/target/target.c target_init_one(): e.g. an hla transport with a target type that needs a DAP
    { id: 'transport-target-mismatch', source: 'src/target/target.c', match: /The selected transport doesn't support this target/, weight: 0.65 },
    // src/server/gdb_server.c: the cfg created no target (only an interface cfg was loaded)
    { id: 'gdb-no-targets', source: 'src/server/gdb_server.c', match: /gdb services need one or more targets defined/, weight: 0.55 },
    // src/flash/nor/stm32l4x.c: an STM32 flash driver declared on a target that is not a Cortex-M
    { id: 'flash-requires-cortex-m', source: 'src/flash/nor/stm32l4x.c', match: /Flash requires Cortex-M target/, weight: 0.5 },
    // src/target/riscv/riscv-013.c: no work area for the RISC-V program buffer fallback
    { id: 'riscv-no-scratch', source: 'src/target/riscv/riscv-013.c', match: /Couldn't find \d+ bytes of scratch RAM to use\. Please configure/, weight: 0.4 },
    // src/jtag/drivers/jlink.c: jtag_rclk / adapter speed 0 on a J-Link without adaptive clocking
    { id: 'jlink-rtck', source: 'src/jtag/drivers/jlink.c', match: /Adaptive clocking is not supported by the device/, weight: 0.6 },
    // src/jtag/drivers/ftdi.c: the ftdi layout of the interface cfg lacks a signal a command or the transport needs
    { id: 'ftdi-signal-undefined', source: 'src/jtag/drivers/ftdi.c', match: /interface configuration doesn't define signal '[^']+'|interface doesn't provide signal '[^']+'|^signal \S+ is not defined$|interface can't (drive '[^']+' high|tri-state '[^']+')/, weight: 0.55 },
    // src/jtag/drivers/mpsse.c: the vid_pid matched a USB device that is not an MPSSE FTDI chip
    { id: 'ftdi-chip-unsupported', source: 'src/jtag/drivers/mpsse.c', match: /unsupported FTDI chip type: 0x[0-9a-f]+/i, weight: 0.5 },
    // src/target/arm_adi_v5.c: an -ap-num beyond what ADI allows
    { id: 'invalid-ap', source: 'src/target/arm_adi_v5.c', match: /Invalid AP#0x[0-9a-f]+/i, weight: 0.55 },
    // src/jtag/adapter.c: adapter speed set while no driver that can convert kHz is selected
    { id: 'khz-translation', source: 'src/jtag/adapter.c', match: /Translation from khz to adapter speed not implemented/, weight: 0.5 },
    // src/jtag/core.c: JTAG commands with no JTAG-capable adapter/transport configured
    { id: 'no-valid-jtag-interface', source: 'src/jtag/core.c', match: /No Valid JTAG Interface Configured\./, weight: 0.7 },
    // src/jtag/core.c: reset or scan requested before a transport was chosen
    { id: 'transport-not-selected', source: 'src/jtag/core.c', match: /^transport is not selected$/, weight: 0.55 },
    // src/jtag/core.c adapter_assert_reset(): reset_config names a reset the transport cannot do
    { id: 'reset-not-supported-transport', source: 'src/jtag/core.c', match: /reset is not supported on transport \S+/, weight: 0.45 },
  ],
  describe(ctx) {
    const cmds = ctx.facts.unknownCommands;
    const steps: FindingStep[] = [];
    if (ctx.hits.has('no-adapter-driver') || ctx.hits.has('no-transports') || ctx.hits.has('no-session-transport')) {
      steps.push({ text: 'Load an interface cfg first (e.g. -f interface/stlink.cfg), then the target cfg: the adapter must be chosen before the target.', action: 'suggest-cfg', args: { kind: 'interface' } });
      steps.push({ text: 'Or pick a board cfg that includes both.' });
      return {
        title: 'No debug adapter configured (or configured after the target)',
        explanation: 'OpenOCD needs an adapter driver before a target cfg can set up its scan chain. The profile either has no interface cfg or loads it after the target cfg.',
        steps,
      };
    }
    if (ctx.hits.has('no-such-variable')) {
      const name = ctx.lines.map((l) => /can't read "([^"]+)": no such variable/.exec(l.text)?.[1]).find(Boolean) ?? '';
      const file = ctx.lines.map((l) => /(\S+\.(?:cfg|tcl)):\d+:\s+Error:\s+can't read/.exec(l.raw)?.[1]).find(Boolean);
      return {
        title: `A script reads the variable $${name}, which nothing set`,
        explanation: `${file ?? 'A cfg file'} uses $${name}, but the scripts it sources (or the -c options before it) never set it. Target scripts name their variables differently (e.g. rp2040-core0.cfg sets $_TARGET_0, most set $_TARGETNAME or $_CHIPNAME), and an option given after the script it was meant for is set too late.`,
        steps: [
          { text: `Open the target cfg the script sources and use the variable it really sets instead of $${name}.` },
          { text: 'Set variables a target cfg reads (CHIPNAME, CPUTAPID, WORKAREASIZE) with -c "set NAME value" before the -f of that cfg, not after.' },
        ],
      };
    }
    if (ctx.hits.has('unexpected-cmdline-arg')) {
      const word = ctx.lines.map((l) => /^Unexpected command line argument: (\S+)/.exec(l.text)?.[1]).find(Boolean);
      return {
        title: `OpenOCD's command line has a stray argument${word ? ` ("${word}")` : ''}`,
        explanation:
          'Every -c and -f takes exactly one argument; a -c command with spaces must be quoted as one word ("adapter speed 5000"). Here a word was left over, usually because the quotes were lost in a shell, a task file or an IDE launch config, so OpenOCD stopped before loading any cfg.',
        steps: [
          { text: 'Quote each -c command as one argument: -c "adapter speed 5000" (several commands: -c "init; reset halt").' },
          { text: 'In an IDE or task file, pass the command and its arguments as one list element.' },
        ],
      };
    }
    const driverCmd = cmds.find(isDriverCommand);
    if (driverCmd) {
      return {
        title: `"${driverCmd}" used before its adapter driver is selected`,
        explanation: `"${driverCmd}" belongs to one adapter driver and only exists once "adapter driver ${driverCmd.split(/[\s_]/)[0]}" has run. The cfg order is wrong, or the profile's interface cfg selects a different driver.`,
        steps: [
          { text: 'Load the interface cfg before any cfg that uses driver commands.' },
          { text: 'Check that the interface cfg matches the adapter you have.', action: 'suggest-cfg', args: { kind: 'interface' } },
        ],
      };
    }
    if (cmds.length > 0) {
      const removed = cmds.map(removedCommand).find((r) => r !== undefined);
      for (const c of cmds) {
        const r = removedCommand(c);
        const gone = commandRemovedIn(c);
        if (r) steps.push({ text: `Replace "${c}" with "${r}" (renamed in newer OpenOCD).` });
        else if (gone) steps.push({ text: `"${c.split(' ')[0]}" was removed in OpenOCD ${gone}: the script was written for an older release; use the scripts of this OpenOCD or the command's current name (see its NEWS).` });
        else if (!newerCommand(c, ctx.facts.openocdVersion)) steps.push({ text: `Check "${c}" for a typo; "help ${c.split(' ')[0]}" in the OpenOCD console lists what exists.` });
      }
      steps.push({ text: 'Look at the cfg line that uses it; the error names the file and line just above.' });
      return {
        title: removed ? 'Config uses a command this OpenOCD no longer has' : `OpenOCD does not know the command "${cmds[0]}"`,
        explanation: removed
          ? 'The script was written for an older OpenOCD; the command was renamed and the old name is gone.'
          : `A cfg file or -c option runs "${cmds[0]}", which this OpenOCD does not have. Usually a typo, or a script made for a different OpenOCD build.`,
        steps,
      };
    }
    if (ctx.hits.has('target-requires-dap')) {
      return {
        title: 'Target cfg written for an older OpenOCD',
        explanation: 'Since 0.11, Cortex-M targets need a "dap create" and "-dap <name>" instead of "-chain-position". The target cfg in use predates that.',
        steps: [
          { text: 'Use the target cfg shipped with this OpenOCD (target/<family>.cfg) instead of a copied old one.', action: 'suggest-cfg', args: { kind: 'target' } },
          { text: 'Or add "dap create <chip>.dap -chain-position <chip>.cpu" and replace -chain-position with -dap <chip>.dap.' },
        ],
      };
    }
    return {
      title: 'The OpenOCD configuration has an error',
      explanation: 'OpenOCD rejected a command in the configuration before it could talk to the hardware.',
      steps: [{ text: 'Read the error line and the file/line printed just before it; fix that line of the cfg.' }],
    };
  },
};
