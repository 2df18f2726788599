// Whether a host name means this machine: then OpenOCD reads the files we write and
// its ports are ours to pick. Flash programming and RTT streaming depend on it.

export function isLoopback(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h) || h === '::ffff:127.0.0.1';
}
