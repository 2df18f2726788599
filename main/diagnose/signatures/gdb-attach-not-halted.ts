// GDB connected while the core was running; probing flash (for GDB's memory map)
// needs a halted core, so the connection is refused.
import type { CategorySignatures } from '../types';

export const gdbAttachNotHalted: CategorySignatures = {
  category: 'gdb-attach-not-halted',
  rules: [
    // src/server/gdb_server.c gdb_new_connection()
    { id: 'gdb-connect-failed', source: 'src/server/gdb_server.c', match: /Connect failed\. Consider setting up a gdb-attach event/, weight: 0.9 },
    // src/server/server.c add_connection(): "attempted '%s' connection rejected"
    { id: 'gdb-rejected', source: 'src/server/server.c', match: /attempted 'gdb' connection rejected/, weight: 0.5 },
    // src/flash/nor/core.c get_flash_bank_by_num(): LOG_ERROR("auto_probe failed")
    { id: 'auto-probe-failed', source: 'src/flash/nor/core.c', match: /^auto_probe failed/, weight: 0.35 },
    // src/flash/nor/{kinetis,fm4,xmc1xxx,tms470}.c 0.10: LOG_WARNING("Cannot communicate... target not halted.")
    { id: 'cannot-communicate', source: 'src/flash/nor/kinetis.c, fm4.c, xmc1xxx.c (0.10)', match: /Cannot communicate\.\.\. target not halted/, weight: 0.55 },
    // src/server/gdb_server.c gdb_last_signal(): GDB asked while the core ran with no halt reason
    { id: 'undefined-debug-reason', source: 'src/server/gdb_server.c', match: /undefined debug reason \d+ - target needs reset/, weight: 0.55 },
    // src/server/gdb_server.c: "GDB connection %d on target %s not halted"
    { id: 'gdb-not-halted', source: 'src/server/gdb_server.c', match: /GDB connection \d+ on target \S+ not halted/, weight: 0.3 },
  ],
  describe() {
    return {
      title: 'GDB attached while the core was running',
      explanation:
        'When GDB connects, OpenOCD reads the flash layout for GDB, and the flash driver needs the core halted for that. The core was running, so the probe failed and OpenOCD refused the GDB connection.',
      steps: [
        { text: 'Add a gdb-attach event that halts the core: $_TARGETNAME configure -event gdb-attach { reset init }', action: 'add-gdb-attach-reset-init' },
        { text: 'Or run "reset halt" in the OpenOCD console before connecting GDB.', action: 'halt-target' },
        { text: 'If you do not need flash breakpoints/loading from GDB: "gdb_memory_map disable".' },
      ],
    };
  },
};
