// xPSR and CONTROL in words (ARMv7-M B1.4.2, B1.4.4): the condition flags, the Thumb
// bit, the exception the core is in, and the privilege / stack the code runs with.
const EXCEPTIONS: Record<number, string> = {
  0: 'Thread mode',
  1: 'Reset',
  2: 'NMI',
  3: 'HardFault',
  4: 'MemManage',
  5: 'BusFault',
  6: 'UsageFault',
  11: 'SVCall',
  12: 'DebugMonitor',
  14: 'PendSV',
  15: 'SysTick',
};

export function exceptionName(n: number): string {
  return EXCEPTIONS[n] ?? (n >= 16 ? `IRQ ${n - 16}` : `reserved exception ${n}`);
}

export function decodeXpsr(v: number): string {
  const flags = (['N', 'Z', 'C', 'V', 'Q'] as const).map((f, i) => `${f}=${(v >>> (31 - i)) & 1}`).join(' ');
  const thumb = (v >>> 24) & 1 ? 'Thumb' : 'T bit clear (a fault follows: Cortex-M runs Thumb only)';
  const exc = v & 0x1ff;
  return `${flags} · ${thumb} · ${exc === 0 ? 'Thread mode' : `in ${exceptionName(exc)} (exception ${exc})`}`;
}

export function decodeControl(v: number): string {
  const parts = [v & 1 ? 'unprivileged' : 'privileged', v & 2 ? 'process stack (PSP)' : 'main stack (MSP)'];
  if (v & 4) parts.push('FP context active');
  return parts.join(' · ');
}
