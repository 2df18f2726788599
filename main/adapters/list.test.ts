import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, writeFile, rm, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { listAdapters } from './list';
import { readSysfsUsbDevices } from './sysfs';

// A fake sysfs: real directories and attribute files laid out as /sys/bus/usb/devices is,
// plus a fake usbfs (/dev/bus/usb/BBB/DDD) with real files for the access check.
let root: string;
let sysfs: string;
let usbfs: string;

async function device(name: string, attrs: Record<string, string>): Promise<void> {
  const dir = join(sysfs, name);
  await mkdir(dir, { recursive: true });
  for (const [k, v] of Object.entries(attrs)) await writeFile(join(dir, k), v + '\n');
}

async function node(bus: number, dev: number): Promise<string> {
  const dir = join(usbfs, String(bus).padStart(3, '0'));
  await mkdir(dir, { recursive: true });
  const path = join(dir, String(dev).padStart(3, '0'));
  await writeFile(path, '');
  return path;
}

/** listAdapters in a child process as uid 65534: the fake sysfs/usbfs must be readable by it. */
async function listAsNobody(sysfsRoot: string, usbfsRoot: string): Promise<{ pid: string; permissionOk: boolean | null }[]> {
  const script = join(root, 'list-as-nobody.cjs');
  await build({
    stdin: { contents: `const { listAdapters } = require(${JSON.stringify(join(__dirname, 'list.ts'))}); listAdapters({ sysfsRoot: process.argv[2], usbfsRoot: process.argv[3], platform: 'linux' }).then((a) => process.stdout.write(JSON.stringify(a)));`, resolveDir: __dirname, loader: 'js' },
    bundle: true, platform: 'node', format: 'cjs', outfile: script, logLevel: 'error',
  });
  await chmod(root, 0o755);
  const out = execFileSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, script, sysfsRoot, usbfsRoot], { encoding: 'utf8' });
  return JSON.parse(out) as { pid: string; permissionOk: boolean | null }[];
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'bringup-sysfs-'));
  sysfs = join(root, 'sys/bus/usb/devices');
  usbfs = join(root, 'dev/bus/usb');
  await mkdir(sysfs, { recursive: true });
  // Root hub: has idVendor but is not an adapter (and its name is not a USB location).
  await device('usb1', { idVendor: '1d6b', idProduct: '0002', product: 'EHCI Host Controller', busnum: '1', devnum: '1' });
  await device('1-1.4', { idVendor: '0483', idProduct: '3748', serial: '38FF6B064E57343827320243', product: 'STM32 STLink', manufacturer: 'STMicroelectronics', busnum: '1', devnum: '7' });
  await device('1-1.4:1.0', { bInterfaceClass: 'ff' }); // an interface directory: skipped
  await device('1-2', { idVendor: '1366', idProduct: '1015', serial: '000683123456', product: 'J-Link', manufacturer: 'SEGGER', busnum: '1', devnum: '9' });
  // Unknown VID:PID whose product says CMSIS-DAP: OpenOCD takes it, so do we.
  await device('2-1', { idVendor: 'c251', idProduct: 'f002', serial: 'E6614C311B4C', product: 'Picoprobe CMSIS-DAP', busnum: '2', devnum: '3' });
  await device('2-3', { idVendor: '046d', idProduct: 'c52b', product: 'USB Receiver', busnum: '2', devnum: '4' }); // a keyboard dongle
  await device('3-1', { idVendor: '0403', idProduct: '6010', product: 'Dual RS232-HS', busnum: '3', devnum: '2' }); // no serial file at all
  await node(1, 7);
  await node(2, 3);
  await node(3, 2);
  // 001/009 (the J-Link) is left out: the node is missing, so access cannot be told.
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('listAdapters on a sysfs tree', () => {
  it('finds the adapters and ignores hubs, interfaces and other devices', async () => {
    const found = await listAdapters({ sysfsRoot: sysfs, usbfsRoot: usbfs, platform: 'linux' });
    expect(found.map((a) => `${a.vid}:${a.pid} ${a.name}`)).toEqual([
      '0483:3748 ST-LINK/V2',
      '1366:1015 SEGGER J-Link',
      'c251:f002 Picoprobe CMSIS-DAP',
      '0403:6010 FTDI FT2232 based probe',
    ]);
  });

  it('reports serial, location, device node, access and the interface script', async () => {
    const [st, jl, dap, ft] = await listAdapters({ sysfsRoot: sysfs, usbfsRoot: usbfs, platform: 'linux' });
    expect(st).toMatchObject({
      family: 'stlink',
      serial: '38FF6B064E57343827320243',
      openocdSerial: '38FF6B064E57343827320243',
      product: 'STM32 STLink',
      manufacturer: 'STMicroelectronics',
      usbLocation: '1-1.4',
      devicePath: join(usbfs, '001', '007'),
      permissionOk: true,
      interfaceCfg: 'interface/stlink.cfg',
    });
    expect(jl).toMatchObject({ family: 'jlink', serial: '000683123456', permissionOk: null, interfaceCfg: 'interface/jlink.cfg' });
    expect(dap).toMatchObject({ family: 'cmsis-dap', known: null, interfaceCfg: 'interface/cmsis-dap.cfg', permissionOk: true });
    expect(ft).toMatchObject({ family: 'ftdi', serial: null, interfaceCfg: null });
  });

  it('marks a node the user cannot open', async () => {
    const denied = join(usbfs, '001', '007');
    const found = await listAdapters({ sysfsRoot: sysfs, usbfsRoot: usbfs, platform: 'linux', canOpen: async (p) => p !== denied });
    expect(found.find((a) => a.pid === '3748')?.permissionOk).toBe(false);
    expect(found.find((a) => a.pid === 'f002')?.permissionOk).toBe(true);
  });

  it('sees real permission bits', async () => {
    const path = await node(3, 2);
    await chmod(path, 0o000);
    try {
      if (process.getuid?.() !== 0) {
        const found = await listAdapters({ sysfsRoot: sysfs, usbfsRoot: usbfs, platform: 'linux' });
        expect(found.find((a) => a.pid === '6010')?.permissionOk).toBe(false);
      } else {
        // Root opens anything, so the lister runs as an ordinary user (uid 65534) in a child;
        // the picoprobe's node is opened up for everyone as a udev rule would, the FTDI's is not.
        await chmod(join(usbfs, '002', '003'), 0o666);
        const found = await listAsNobody(sysfs, usbfs);
        expect(found.find((a) => a.pid === '6010')?.permissionOk).toBe(false);
        expect(found.find((a) => a.pid === 'f002')?.permissionOk).toBe(true);
      }
    } finally {
      await chmod(path, 0o644);
    }
  });

  it('returns nothing when sysfs has no USB bus (containers)', async () => {
    expect(await listAdapters({ sysfsRoot: join(root, 'absent'), platform: 'linux' })).toEqual([]);
  });

  it('keeps the raw bytes of an old ST-LINK serial and gives OpenOCD its hex form', async () => {
    const raw = join(root, 'raw-sysfs');
    await mkdir(join(raw, '1-3'), { recursive: true });
    // 12 raw bytes (0x55 0xFF 0x6E 0x06 0x49 0x70 0x57 0x51 0x54 0x20 0x12 0x87) as the kernel decodes them.
    const bytes = [0x55, 0xff, 0x6e, 0x06, 0x49, 0x70, 0x57, 0x51, 0x54, 0x20, 0x12, 0x87];
    const files: Record<string, string> = { idVendor: '0483', idProduct: '3748', serial: String.fromCodePoint(...bytes), busnum: '1', devnum: '12' };
    for (const [k, v] of Object.entries(files)) await writeFile(join(raw, '1-3', k), v + '\n', 'utf8');
    const [st] = await listAdapters({ sysfsRoot: raw, usbfsRoot: usbfs, platform: 'linux' });
    expect(st?.openocdSerial).toBe('55FF6E0649705751542012' + '87');
  });
});

describe('readSysfsUsbDevices', () => {
  it('normalises ids and takes the usbfs path from busnum/devnum', async () => {
    const all = await readSysfsUsbDevices(sysfs, usbfs);
    expect(all).toHaveLength(6);
    const hub = all.find((d) => d.vid === '1d6b');
    expect(hub).toMatchObject({ usbLocation: null, devicePath: join(usbfs, '001', '001'), serial: null });
  });
});
