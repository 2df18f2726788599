export { formatAddress as hex32 } from '../../../shared/hex';

export function exitSummary(code: number | null, signal: string | null): string {
  if (code !== null) return `OpenOCD exited with code ${code}`;
  if (signal) return `OpenOCD was killed by ${signal}`;
  return 'OpenOCD did not start';
}
