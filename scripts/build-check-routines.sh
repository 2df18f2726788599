#!/usr/bin/env bash
# Assembles the routines the power-on check runs on the target (main/check/*.S) and prints
# their bytes as hex, the form main/check/march-routine.ts embeds (users need no toolchain;
# march-routine.test.ts checks that the embedded bytes are what the source assembles to).
set -euo pipefail
src="$(dirname "$0")/../main/check/march-c.S"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
arm-none-eabi-as -o "$tmp/m.o" "$src"
arm-none-eabi-objcopy -O binary "$tmp/m.o" "$tmp/m.bin"
od -An -v -tx1 "$tmp/m.bin" | tr -d ' \n'
echo
