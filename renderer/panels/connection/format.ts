export function hex32(n: number): string {
  return `0x${(n >>> 0).toString(16).padStart(8, '0')}`;
}

export function exitSummary(code: number | null, signal: string | null): string {
  if (code !== null) return `OpenOCD exited with code ${code}`;
  if (signal) return `OpenOCD was killed by ${signal}`;
  return 'OpenOCD did not start';
}
