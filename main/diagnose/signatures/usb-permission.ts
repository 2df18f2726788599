// The adapter is on USB but the OS does not let OpenOCD open it (udev rules on
// Linux, a missing WinUSB driver on Windows).
import type { CategorySignatures } from '../types';
import type { FindingStep } from '../../../shared/diagnose';
import { probeKind, probeName } from './helpers';

export const usbPermission: CategorySignatures = {
  category: 'usb-permission',
  rules: [
    // src/jtag/drivers/libusb_helper.c / mpsse.c: LOG_ERROR("libusb_open() failed with %s", libusb_error_name())
    { id: 'libusb-access', source: 'src/jtag/drivers/libusb_helper.c, mpsse.c', match: /LIBUSB_ERROR_ACCESS|failed with -3\b/, weight: 0.92 },
    // NOT_SUPPORTED on open is Windows' "no WinUSB/libusbK driver on this device"; libjaylink prints the same
    // name ("jaylink: Failed to open device: LIBUSB_ERROR_NOT_SUPPORTED."), libusb_strerror() the words.
    { id: 'libusb-not-supported', source: 'src/jtag/drivers/libusb_helper.c, mpsse.c', match: /LIBUSB_ERROR_NOT_SUPPORTED|Operation not supported or unimplemented on this platform/, weight: 0.8 },
    // libusb_open() -> LIBUSB_ERROR_NOT_FOUND: the device is enumerated but has no driver libusb can use
    // (Windows: the interface is not bound to WinUSB). Same format as above; libjaylink (J-Link) says
    // "Failed to open device: LIBUSB_ERROR_NOT_FOUND."
    { id: 'libusb-open-not-found', source: 'src/jtag/drivers/libusb_helper.c', match: /(?:libusb_open\(\) failed with|Failed to open device:) (?:LIBUSB_ERROR_NOT_FOUND|-5\b)|could not open device 0x[0-9a-f]{4}:0x[0-9a-f]{4}: Entity not found/i, weight: 0.7 },
    // strerror(EACCES) / libusb_strerror(LIBUSB_ERROR_ACCESS) after a driver's open: bcm2835gpio.c, imx_gpio.c,
    // am335xgpio.c LOG_ERROR("open: %s", strerror(errno)); cmsis_dap_usb_bulk.c "could not open device 0x%04x:0x%04x: %s"
    { id: 'permission-denied', source: 'src/jtag/drivers/bcm2835gpio.c, imx_gpio.c, am335xgpio.c, cmsis_dap_usb_bulk.c', match: /^(?!.*(couldn't bind|socket)).*(Permission denied|Access denied)/i, weight: 0.7 },
    // src/jtag/drivers/cmsis_dap_usb_hid.c: hidapi itself could not start (no access to /dev/hidraw*)
    { id: 'hidapi-open', source: 'src/jtag/drivers/cmsis_dap_usb_hid.c', match: /unable to open HIDAPI/, weight: 0.45 },
    // src/jtag/drivers/cmsis_dap_usb_hid.c: "unable to open CMSIS-DAP device 0x%x:0x%x" (found, could not open)
    { id: 'cmsis-hid-open', source: 'src/jtag/drivers/cmsis_dap_usb_hid.c', match: /unable to open CMSIS-DAP device 0x[0-9a-f]+:0x[0-9a-f]+/i, weight: 0.55 },
    // OpenOCD 0.9 src/jtag/drivers/jlink.c: the J-Link is missing or not openable (udev / the Windows WinUSB driver)
    { id: 'jlink-cannot-find-09', source: 'src/jtag/drivers/jlink.c (0.9)', match: /Cannot find jlink Interface! Please check connection and permissions/, weight: 0.45 },
    // src/jtag/drivers/cmsis_dap.c: no CMSIS-DAP found. On Linux a probe the user may not open (no udev rule) is
    // skipped silently (its "could not open device" is a debug-level line), so "not found" is also what a
    // permission problem prints; the USB scan or a run with sudo tells them apart (adapter-not-found leads).
    { id: 'cmsis-none-unopened', source: 'src/jtag/drivers/cmsis_dap.c', match: /unable to find (a matching )?CMSIS-DAP device/, weight: 0.4 },
    // src/jtag/drivers/cmsis_dap_usb_bulk.c: "could not open device 0x%04x:0x%04x: %s"
    { id: 'cmsis-bulk-open', source: 'src/jtag/drivers/cmsis_dap_usb_bulk.c', match: /could not open device 0x[0-9a-f]{4}:0x[0-9a-f]{4}/i, weight: 0.6 },
    // src/jtag/drivers/stlink_usb.c: "open failed" — also means not found; weighted low here,
    // raised by the USB scan when the adapter is present (see combine.ts).
    { id: 'stlink-open-failed', source: 'src/jtag/drivers/stlink_usb.c, ti_icdi_usb.c', match: /^open failed$/, weight: 0.25 },
    // GPIO adapters (Raspberry Pi & co.): the gpio chip / sysfs files are not accessible to this user
    { id: 'gpio-open', source: 'src/jtag/drivers/linuxgpiod.c, sysfsgpio.c', match: /Cannot open LinuxGPIOD chip \d+|Couldn't (export|open value for) gpio \d+/, weight: 0.6 },
    // src/jtag/drivers/mpsse.c, cmsis_dap_usb_bulk.c: on Windows, claiming an interface that has no WinUSB driver gives NOT_FOUND
    { id: 'libusb-claim-not-found', source: 'src/jtag/drivers/mpsse.c, cmsis_dap_usb_bulk.c', match: /(?:libusb_claim_interface\(\) failed with|could not claim interface:) LIBUSB_ERROR_NOT_FOUND/, weight: 0.7 },
    // src/jtag/drivers/esp_usb_jtag.c: the ESP USB-JTAG device is there but its interface cannot be claimed (driver on Windows, permissions)
    { id: 'esp-usb-jtag-claim', source: 'src/jtag/drivers/esp_usb_jtag.c', match: /esp_usb_jtag: error finding\/claiming JTAG interface on device!/, weight: 0.5 },
    // src/jtag/drivers/bcm2835gpio.c: /dev/mem or /dev/gpiomem mapped without the rights (run as root or join gpio)
    { id: 'gpio-mmap', source: 'src/jtag/drivers/bcm2835gpio.c', match: /^mmap: (Operation not permitted|Permission denied)/, weight: 0.6 },
    // OpenOCD <= 0.9 src/jtag/drivers/ft2232.c: LOG_ERROR("unable to open ftdi device: %s") with libftdi's
    // ftdi_usb_open() error: the OS's own FTDI serial driver (ftdi_sio, AppleUSBFTDI, FTDI's VCP) holds the interface
    { id: 'ftdi-kernel-driver', source: 'libftdi ftdi_usb_open(), printed by OpenOCD <= 0.9 (ft2232 driver)', match: /unable to claim usb device\. Make sure the default FTDI driver is not in use/, weight: 0.88 },
    // OpenOCD <= 0.9 ft2232.c with FTDI's D2XX library: FT_OpenEx() status 3, FT_DEVICE_NOT_OPENED (printed as a number
    // before 0.6): the device with that description is there (2, FT_DEVICE_NOT_FOUND, is "not there"), but another
    // driver (FTDI's VCP, AppleUSBFTDI) or program holds it
    { id: 'ftd2xx-not-opened', source: 'ftd2xx FT_OpenEx() status, printed by OpenOCD <= 0.9 (ft2232 driver)', match: /unable to open ftdi device: (?:3|FT_DEVICE_NOT_OPENED)$/, weight: 0.7 },
  ],
  describe(ctx) {
    const kind = probeKind(ctx);
    const name = probeName(kind);
    const raw = ctx.lines.map((l) => l.raw).join('\n');
    // The platform as the log shows it (paths, prompts): the fix differs per OS.
    const onWindows = /\b[A-Za-z]:[\\/]\S|\.exe\b|^PS [A-Za-z]:\\/m.test(raw);
    const onMac = /\/Users\/|\/opt\/homebrew|darwin|macOS/i.test(raw);
    if (ctx.hits.has('ftdi-kernel-driver') || ctx.hits.has('ftd2xx-not-opened')) {
      return {
        title: 'The operating system\'s FTDI serial driver holds the adapter',
        explanation:
          "OpenOCD found the FTDI adapter but could not claim or open its USB interface: the system's own FTDI driver has bound it as a serial port (ftdi_sio on Linux, AppleUSBFTDI or FTDI's VCP driver on macOS, FTDI's VCP driver on Windows), or another program has it open.",
        steps: [
          { text: 'macOS: unload the serial driver while debugging (sudo kextunload -b com.apple.driver.AppleUSBFTDI; FTDI\'s own driver: com.FTDI.driver.FTDIUSBSerialDriver), then connect again.' },
          { text: 'Linux: unbind ftdi_sio from the debug interface (or sudo rmmod ftdi_sio); a current OpenOCD detaches it by itself.', action: 'update-openocd' },
          { text: 'Windows: give the debug interface (interface 0) the WinUSB driver with Zadig instead of FTDI\'s VCP driver.' },
        ],
      };
    }
    const windowsDriver = ctx.hits.has('libusb-not-supported') || ctx.hits.has('libusb-open-not-found') || ctx.hits.has('libusb-claim-not-found') || (onWindows && !ctx.hits.has('libusb-access'));
    if (onMac && !windowsDriver) {
      return {
        title: `macOS did not let OpenOCD open the ${name}`,
        explanation: 'On macOS a kernel driver can hold the adapter\'s interface (FTDI: Apple\'s AppleUSBFTDI serial driver; some CMSIS-DAP probes: the HID or serial driver), so libusb cannot claim it.',
        steps: [
          { text: 'FTDI adapters: unload the serial driver while debugging (sudo kextunload -b com.apple.driver.AppleUSBFTDI) or use an OpenOCD build that detaches it.' },
          { text: 'Close other programs that use the adapter (serial terminals, vendor tools), unplug and replug it.' },
          { text: 'Use a current OpenOCD (Homebrew or xPack): older macOS builds lacked the HID backend some probes need.', action: 'update-openocd' },
        ],
      };
    }
    const steps: FindingStep[] = windowsDriver
      ? [
          { text: `Windows: install the WinUSB driver for the ${name} (Zadig: Options > List All Devices, pick the adapter's debug interface, WinUSB, "Replace Driver"; or the vendor's driver package).` },
          { text: 'Pick only the debug interface in Zadig (interface 0 of a dual-channel FTDI, the CMSIS-DAP/JTAG interface of a composite probe), not the serial port you still need.' },
          { text: 'Unplug and replug the adapter, then connect again.' },
        ]
      : [
          { text: `Linux: install a udev rule that gives your user access to the ${name} (OpenOCD ships contrib/60-openocd.rules).`, action: 'udev-rule' },
          { text: 'Reload the rules (sudo udevadm control --reload-rules && sudo udevadm trigger), then unplug and replug the adapter.' },
          { text: 'Add your user to the group the rule names (often plugdev) and log in again.' },
          { text: 'Do not run OpenOCD as root to get around this: fix the permission once.' },
        ];
    return {
      title: windowsDriver ? `The ${name} has no driver OpenOCD can use` : `No permission to open the ${name}`,
      explanation: windowsDriver
        ? 'The adapter is plugged in, but Windows bound it to a driver libusb cannot use, so OpenOCD cannot open it.'
        : ctx.hits.size === 1 && ctx.hits.has('stlink-open-failed')
          ? 'If the adapter is plugged in, "open failed" can also mean the operating system refused to let OpenOCD open it. On Linux that is a missing udev rule: only root may open the device.'
          : 'The adapter is plugged in and visible on USB, but the operating system refused to let OpenOCD open it. On Linux this is a missing udev rule: only root may open the device.',
      steps,
    };
  },
};
