#!/bin/sh
# Builds the test firmware (test/firmware/blinky) with arm-none-eabi-gcc (Debian's
# gcc-arm-none-eabi + libnewlib-arm-none-eabi) into OUTDIR as blinky.elf, .bin and .hex.
#   scripts/build-firmware.sh OUTDIR [OPT]      OPT: -Og (default), -O2, -Os, ...
# The integration tests run it into a temporary folder, so every test run checks that
# what gcc emits today runs on the virtual board.
set -eu
out=${1:?usage: build-firmware.sh OUTDIR [OPT]}
opt=${2:--Og}
here=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$out"
out=$(cd "$out" && pwd)
cd "$here" # sources are recorded relative to the repository (DW_AT_comp_dir ".")
src="$here/test/firmware/blinky"
cc=${ARM_CC:-arm-none-eabi-gcc}
objcopy=${ARM_OBJCOPY:-arm-none-eabi-objcopy}
# nano.specs: newlib-nano (small printf); nosys.specs: stub syscalls (no semihosting).
"$cc" -mcpu=cortex-m3 -mthumb "$opt" -g -ffile-prefix-map="$here"=. -Wall -Wextra -Werror \
  -ffunction-sections -fdata-sections \
  --specs=nano.specs --specs=nosys.specs -nostartfiles \
  -T "$src/link.ld" -Wl,--gc-sections -Wl,-Map="$out/blinky.map" \
  -o "$out/blinky.elf" "$src/startup.c" "$src/main.c" "$src/rtt.c"
"$objcopy" -O binary "$out/blinky.elf" "$out/blinky.bin"
"$objcopy" -O ihex "$out/blinky.elf" "$out/blinky.hex"
echo "$out/blinky.elf"
