// Builds small SVD documents for tests: only what a rule needs, wrapped in a <device>.

export function svdDoc(peripherals: string, deviceExtra = ''): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<device schemaVersion="1.3">
  <name>TESTDEV</name>
  <addressUnitBits>8</addressUnitBits>
  <width>32</width>
  ${deviceExtra}
  <peripherals>
${peripherals}
  </peripherals>
</device>`;
}

export function reg(name: string, offset: string, body = '', attrs = ''): string {
  return `<register${attrs}><name>${name}</name><addressOffset>${offset}</addressOffset>${body}</register>`;
}

export function field(name: string, pos: string, body = '', attrs = ''): string {
  return `<field${attrs}><name>${name}</name>${pos}${body}</field>`;
}
