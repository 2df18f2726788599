// The adapter exists but another program (another OpenOCD, an IDE, ST-Link utility) holds it.
import type { CategorySignatures } from '../types';
import { probeKind, probeName } from './helpers';

export const adapterBusy: CategorySignatures = {
  category: 'adapter-busy',
  rules: [
    // libusb_claim_interface() failures surface as LIBUSB_ERROR_BUSY (mpsse.c, libusb_helper.c)
    { id: 'libusb-busy', source: 'src/jtag/drivers/mpsse.c (libusb_claim_interface)', match: /LIBUSB_ERROR_BUSY|failed with -6\b/, weight: 0.85 },
    // src/jtag/drivers/stlink_usb.c stlink_tcp_open(): "the selected device is already used"
    { id: 'stlink-already-used', source: 'src/jtag/drivers/stlink_usb.c', match: /the selected device is already used/, weight: 0.9 },
    // src/jtag/drivers/cmsis_dap_usb_bulk.c: "could not claim interface: %s"
    { id: 'claim-interface', source: 'src/jtag/drivers/cmsis_dap_usb_bulk.c, mpsse.c', match: /could not claim interface|libusb_claim_interface\(\) failed/, weight: 0.6 },
    // src/jtag/drivers/jlink.c: SEGGER's own software (J-Link Commander, Ozone, an IDE) holds every slot
    { id: 'jlink-max-connections', source: 'src/jtag/drivers/jlink.c', match: /Registration failed: maximum number of connections/, weight: 0.75 },
  ],
  describe(ctx) {
    const name = probeName(probeKind(ctx));
    return {
      title: `The ${name} is in use by another program`,
      explanation: `OpenOCD found the ${name} but could not claim it: another program has it open (a second OpenOCD, an IDE debug session, STM32CubeProgrammer or a vendor tool).`,
      steps: [
        { text: 'Close other debuggers and IDE debug sessions; stop any other OpenOCD (check the task list).' },
        { text: 'Unplug and replug the adapter, then connect again.' },
      ],
    };
  },
};
