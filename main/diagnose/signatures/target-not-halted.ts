// A command that needs a halted core (register access, flash writes, step) ran while it was running.
import type { CategorySignatures } from '../types';

export const targetNotHalted: CategorySignatures = {
  category: 'target-not-halted',
  rules: [
    // src/flash/nor/stm32f1x.c, core.c, arm11.c ...: LOG_ERROR("Target not halted")
    // src/target/cortex_m.c, armv7m.c ...: LOG_TARGET_WARNING(target, "target not halted")
    { id: 'target-not-halted', source: 'src/flash/nor/core.c, src/target/cortex_m.c', match: /(^|: |\] )target not halted\b/i, weight: 0.65 },
    // src/target/target.c: LOG_WARNING("target %s is not halted (add breakpoint)") etc.
    { id: 'target-is-not-halted', source: 'src/target/target.c', match: /target \S+ is not halted \(/, weight: 0.7 },
    // src/target/target.c: LOG_INFO("target not halted !!") (wait_halt)
    { id: 'target-not-halted-bang', source: 'src/target/target.c', match: /target not halted !!/, weight: 0.5 },
  ],
  describe() {
    return {
      title: 'The core was running when the command needed it halted',
      explanation: 'Reading registers, stepping, setting some breakpoints and writing flash all need the CPU stopped. The command ran while the firmware was executing.',
      steps: [
        { text: 'Halt the core first ("halt", or "reset halt" to stop it at the reset vector), then repeat the command.', action: 'halt-target' },
        { text: 'If halt times out, the firmware may be disabling the debug port: connect under reset.', action: 'retry-connect-under-reset' },
      ],
    };
  },
};
