// OpenOCD found no adapter matching the interface cfg on USB (or the remote server is not there).
import type { CategorySignatures } from '../types';
import { probeKind, probeName } from './helpers';

export const adapterNotFound: CategorySignatures = {
  category: 'adapter-not-found',
  rules: [
    // src/jtag/drivers/stlink_usb.c stlink_usb_usb_open(): LOG_ERROR("open failed") (0.9 .. 0.12); ti_icdi_usb.c
    // icdi_usb_open() prints the same two words, so the line alone does not name the adapter (see helpers.probeKind).
    { id: 'stlink-open-failed', source: 'src/jtag/drivers/stlink_usb.c, ti_icdi_usb.c', match: /^open failed$/, weight: 0.75 },
    // src/jtag/drivers/stlink_usb.c stlink_tcp_open()
    { id: 'stlink-none-detected', source: 'src/jtag/drivers/stlink_usb.c (stlink-server)', match: /no ST-LINK detected|ST-LINK open failed \((vid\/pid|serial) mismatch\)/, weight: 0.8 },
    // src/jtag/drivers/jlink.c: "No J-Link device found" (0.12), "No J-Link device found." (0.10)
    { id: 'jlink-none', source: 'src/jtag/drivers/jlink.c', match: /No J-Link device found/, weight: 0.85 },
    // OpenOCD 0.9 src/jtag/drivers/jlink.c jlink_init(): "Cannot find jlink Interface! Please check connection and permissions."
    { id: 'jlink-cannot-find-09', source: 'src/jtag/drivers/jlink.c (0.9)', match: /Cannot find jlink Interface! Please check connection and permissions/, weight: 0.75 },
    // src/jtag/drivers/cmsis_dap.c (0.11+) / cmsis_dap_usb.c (0.10)
    { id: 'cmsis-none', source: 'src/jtag/drivers/cmsis_dap.c', match: /unable to find (a matching )?CMSIS-DAP device/, weight: 0.85 },
    // src/jtag/drivers/mpsse.c mpsse_open(): "no device found" then "unable to open ftdi device with vid %s, pid %s, ..."
    { id: 'ftdi-none', source: 'src/jtag/drivers/mpsse.c', match: /unable to open ftdi device(?!: (?:unable to claim usb device|3$|FT_DEVICE_NOT_OPENED$))/, weight: 0.8 },
    { id: 'mpsse-no-device', source: 'src/jtag/drivers/mpsse.c', match: /^no device found$/, weight: 0.6 },
    // src/jtag/drivers/mpsse.c, libusb_helper.c: the adapter dropped off USB during the session (cable, hub,
    // power, or a driver/build that loses it); every later poll failure follows from this
    { id: 'libusb-no-device', source: 'src/jtag/drivers/mpsse.c, libusb_helper.c', match: /LIBUSB_ERROR_NO_DEVICE|failed with -4\b/, weight: 0.75 },
    // src/jtag/drivers/esp_usb_jtag.c: the ESP32-S3/C3 built-in USB-JTAG is not there (or not openable)
    { id: 'esp-usb-jtag-none', source: 'src/jtag/drivers/esp_usb_jtag.c', match: /esp_usb_jtag: could not find or open device/, weight: 0.6 },
    // src/jtag/drivers/kitprog.c (and the Raspberry Pi fork's picoprobe.c): "Failed to open or find the device"
    { id: 'open-or-find-failed', source: 'src/jtag/drivers/kitprog.c', match: /^Failed to open or find the device/, weight: 0.5 },
    // src/jtag/drivers/jlink.c: "Multiple devices found, specify the desired device"
    { id: 'jlink-multiple', source: 'src/jtag/drivers/jlink.c', match: /Multiple devices found, specify the desired device/, weight: 0.7 },
    // src/jtag/drivers/remote_bitbang.c connect failure, printed by src/helper/log.c log_socket_error():
    // "Error on socket '%s': errno==%d, message: %s."
    { id: 'bitbang-connect', source: 'src/jtag/drivers/remote_bitbang.c, src/helper/log.c', match: /Error on socket 'Failed to connect'|remote_bitbang.*(Connection refused|couldn't connect)/i, weight: 0.8 },
    // Other adapters' not-found messages: kitprog.c, usb_blaster/ublast2_access_libusb.c, ulink.c
    { id: 'other-adapter-none', source: 'src/jtag/drivers/kitprog.c, src/jtag/drivers/usb_blaster/ublast2_access_libusb.c, src/jtag/drivers/ulink.c', match: /Can't find a KitProg device|Altera USB-Blaster II not found|Could not open ULINK device/, weight: 0.75 },
    // src/jtag/drivers/stlink_usb.c stlink_tcp_open(): st-link backend tcp but no stlink-server running
    { id: 'stlink-server-connect', source: 'src/jtag/drivers/stlink_usb.c', match: /cannot connect to stlink server, errno:/, weight: 0.6 },
  ],
  describe(ctx) {
    const kind = probeKind(ctx);
    const name = probeName(kind);
    if (ctx.hits.has('jlink-multiple')) {
      return {
        title: 'Several J-Links are plugged in',
        explanation: 'OpenOCD found more than one J-Link and does not know which to use.',
        steps: [
          { text: 'Choose one by serial number ("adapter serial <sn>" in the profile).', action: 'select-adapter-serial' },
          { text: 'Or unplug the adapters you do not need.' },
        ],
      };
    }
    if (kind === 'remote_bitbang') {
      return {
        title: 'The remote_bitbang server is not running',
        explanation: 'OpenOCD tried to reach the remote_bitbang server (the virtual board) and nothing answered on that host and port.',
        steps: [
          { text: 'Start the virtual board (or the bitbang server) first, then connect.' },
          { text: 'Check that the profile uses the host and port the server listens on.' },
        ],
      };
    }
    if (ctx.hits.has('libusb-no-device')) {
      const v = ctx.facts.openocdVersion;
      return {
        title: `The ${name} dropped off USB during the session`,
        explanation: `libusb reports LIBUSB_ERROR_NO_DEVICE: the ${name} was open and then disappeared from USB. The polling and examination errors after that line follow from it; the target is not the cause.`,
        steps: [
          { text: `Use a short data cable plugged directly into the computer (no unpowered hub); make sure the ${name} is not powered from the target alone.` },
          { text: 'Check the system log (dmesg on Linux) for USB disconnects and over-current messages when it happens.' },
          { text: `If it happens with this OpenOCD build only, update OpenOCD${v ? ` (this is ${v})` : ''}: some vendor builds (e.g. openocd-esp32 shipped with ESP-IDF 4.4.1) lost FTDI adapters this way.`, action: 'update-openocd' },
        ],
      };
    }
    const scanned = ctx.input.usbAdapters;
    return {
      title: `No ${name} found`,
      explanation: `OpenOCD looked on USB for the ${name} the interface cfg describes and found none. The adapter is unplugged, the cable is charge-only, the cfg is for another adapter model, or (Linux) a permission problem hides it.`,
      steps: [
        { text: `Plug the ${name} in directly (no unpowered hub) with a data-capable USB cable.` },
        ...(scanned && scanned.length > 0
          ? [{ text: `USB shows: ${scanned.map((a) => `${a.name ?? 'device'} ${a.vid}:${a.pid}`).join(', ')}. Pick the interface cfg that matches it.`, action: 'suggest-cfg' as const, args: { kind: 'interface' } }]
          : [{ text: 'Check that the interface cfg matches the adapter model you have.', action: 'suggest-cfg' as const, args: { kind: 'interface' } }]),
        { text: 'On Linux, if it appears in lsusb, install the udev rule (then replug).', action: 'udev-rule' as const },
      ],
    };
  },
};
