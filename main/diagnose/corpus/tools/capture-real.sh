#!/bin/bash
# Re-creates the corpus logs marked "real run": runs the installed OpenOCD in situations
# we can provoke on any machine (no hardware), and saves its output with a header.
# Usage: main/diagnose/corpus/tools/capture-real.sh   (from the repo root)
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
CORPUS=$(dirname "$HERE")
VER=$(openocd --version 2>&1 | head -1)

# save NAME "description" openocd-args...   -> corpus/NAME.log
save() {
  local name=$1 desc=$2; shift 2
  local tmp; tmp=$(mktemp)
  timeout -s INT 10 openocd "$@" >"$tmp" 2>&1
  local rc=$?
  {
    echo "# source: real run, $VER"
    echo "# situation: $desc"
    echo "# command: openocd $*"
    echo "# exit: $rc"
    # What decides an ambiguous log (see ../README.md): EXTRA_HEADER="# answers: ..." save ...
    [ -n "${EXTRA_HEADER:-}" ] && printf '%s\n' "$EXTRA_HEADER"
    cat "$tmp"
  } >"$CORPUS/$name.log"
  rm -f "$tmp"
}

# save_stub NAME "description" MODE SPEC openocd-args...: against rbb-stub.mjs (a JTAG chain stand-in)
save_stub() {
  local name=$1 desc=$2 mode=$3 spec=$4; shift 4
  local pf; pf=$(mktemp)
  node "$HERE/rbb-stub.mjs" "$mode" "$spec" >"$pf" &
  local spid=$!
  for _ in $(seq 50); do [ -s "$pf" ] && break; sleep 0.1; done
  local port; port=$(cat "$pf")
  save "$name" "$desc (remote_bitbang stub: $mode $spec)" -c "adapter driver remote_bitbang" -c "remote_bitbang host 127.0.0.1" \
    -c "remote_bitbang port $port" -c "bindto 127.0.0.1" -c "gdb_port disabled" -c "telnet_port disabled" -c "tcl_port disabled" \
    -c "transport select jtag" "$@"
  kill "$spid" 2>/dev/null; wait "$spid" 2>/dev/null; rm -f "$pf"
}

save config-not-found--missing-interface-cfg "interface cfg name that does not exist" -f interface/xyz.cfg
save config-not-found--old-stm32f1x-stlink-target "target cfg removed in 0.11 (stm32f1x_stlink.cfg)" -f interface/stlink-v2.cfg -f target/stm32f1x_stlink.cfg
save adapter-not-found--stlink-not-plugged "no ST-Link on USB" -f interface/stlink.cfg -f target/stm32f1x.cfg
save adapter-not-found--jlink-not-plugged "no J-Link on USB" -f interface/jlink.cfg -f target/stm32f1x.cfg
save adapter-not-found--cmsis-dap-not-plugged "no CMSIS-DAP probe on USB" -f interface/cmsis-dap.cfg -f target/stm32f1x.cfg
save adapter-not-found--ftdi-olimex-not-plugged "no Olimex ARM-USB-OCD-H on USB" -f interface/ftdi/olimex-arm-usb-ocd-h.cfg -f target/stm32f1x.cfg
save adapter-not-found--remote-bitbang-refused "remote_bitbang server not running" -c "adapter driver remote_bitbang" -c "remote_bitbang host 127.0.0.1" -c "remote_bitbang port 1" -c "bindto 127.0.0.1" -f target/stm32f1x.cfg
save config-error--target-without-adapter "target cfg given, no interface cfg" -f target/stm32f1x.cfg
save config-error--removed-command-jtag-khz "command removed in 0.11 (jtag_khz)" -c "adapter driver dummy" -c "jtag_khz 1000"
save config-error--ftdi-command-before-driver "ftdi command with the stlink driver selected" -f interface/stlink.cfg -c "ftdi_vid_pid 0x0403 0x6010"
save config-error--old-target-create-syntax "0.10-style target create on 0.12" -c "adapter driver dummy" -c "transport select jtag" -c "jtag newtap x cpu -irlen 4" -c "target create x.cpu cortex_m -chain-position x.cpu"

# port in use: hold a port, then ask OpenOCD for it
PORT_HOLDER=$(mktemp)
node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port)}); setTimeout(()=>s.close(), 20000)" >"$PORT_HOLDER" &
HOLDER=$!
for _ in $(seq 50); do [ -s "$PORT_HOLDER" ] && break; sleep 0.1; done
BUSY=$(cat "$PORT_HOLDER")
save port-in-use--tcl-port-taken "tcl port already taken by another process" -c "bindto 127.0.0.1" -c "tcl_port $BUSY" -c "telnet_port disabled" -c "gdb_port disabled" -c "adapter driver dummy" -c "transport select jtag" -c "jtag newtap x cpu -irlen 4 -expected-id 0"
save port-in-use--telnet-port-taken "telnet port already taken by another process" -c "bindto 127.0.0.1" -c "tcl_port disabled" -c "telnet_port $BUSY" -c "gdb_port disabled" -c "adapter driver dummy" -c "transport select jtag" -c "jtag newtap x cpu -irlen 4 -expected-id 0"
kill "$HOLDER" 2>/dev/null; wait "$HOLDER" 2>/dev/null; rm -f "$PORT_HOLDER"

save wiring--dummy-adapter-garbage-chain "dummy adapter: TDO returns garbage, no real chain" -c "bindto 127.0.0.1" -c "tcl_port disabled" -c "telnet_port disabled" -c "gdb_port disabled" -f interface/dummy.cfg -c "transport select jtag" -f target/stm32f1x.cfg
# All ones / all zeroes read the same for no power, a bad wire or firmware holding the pins:
# the label comes from the measured voltage and the reset check in the header, not from the log.
EXTRA_HEADER="# answers: measuredVoltage=0" \
  save_stub target-unpowered--jtag-all-ones "TDO never driven; the user measured 0 V at the header" ones x -f target/stm32f1x.cfg
EXTRA_HEADER=$'# checks: connect-under-reset=failed\n# answers: measuredVoltage=3.3' \
  save_stub wiring--jtag-all-zeroes "TDO stuck low; the user measured 3.3 V and the retry under reset failed too" zeros x -f target/stm32f1x.cfg
save_stub wrong-target--stm32f4-chip-with-f1-cfg "chain of an STM32F407 read with stm32f1x.cfg" chain 0x4ba00477:4,0x06413041:5 -f target/stm32f1x.cfg
save_stub wrong-target--gd32f103-jtag "chain of a GD32F103 read with stm32f1x.cfg" chain 0x1ba00477:4,0x790007a3:5 -f target/stm32f1x.cfg
save_stub wiring--ir-length-mismatch "cpu TAP answers with a 5-bit IR where 4 is expected" chain 0x3ba00477:5,0x06410041:5 -f target/stm32f1x.cfg
