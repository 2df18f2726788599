// What a user does on the bench panels, as functions. Every wait is on a visible condition.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';

export const VBOARD = 'Virtual board (STM32F103 Blue Pill)';

export async function connectVboard(page: Page): Promise<void> {
  await page.getByTestId('profile-select').selectOption({ label: VBOARD });
  await page.getByTestId('connect').click();
  await expect(page.getByTestId('connection-state')).toHaveText('connected');
}

export async function reconnect(page: Page): Promise<void> {
  await page.getByTestId('disconnect').click();
  await expect(page.getByTestId('connection-state')).toHaveText('stopped');
  await page.getByTestId('connect').click();
  await expect(page.getByTestId('connection-state')).toHaveText('connected');
}

export async function readMemory(page: Page, address: string, length: number): Promise<void> {
  await page.getByTestId('tab-memory').click();
  await page.getByTestId('mem-address').fill(address);
  await page.getByTestId('mem-length').fill(String(length));
  await page.getByTestId('mem-read').click();
}

/** The hex view row for an address (rows are 16-byte aligned to the read's start). */
export function hexRow(page: Page, address: string) {
  return page.getByTestId('hex-view').locator(`[data-testid="hex-row"][data-address="${address}"]`);
}

/** A temp folder for generated images, removed by the returned function. */
export function tempImages(): { write(name: string, bytes: Uint8Array): string; cleanup(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bringup-e2e-img-'));
  return {
    write(name, bytes) {
      const file = path.join(dir, name);
      writeFileSync(file, bytes);
      return file;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Deterministic non-trivial bytes (no long 0xff runs that an unwritten flash would also show). */
export function pattern(size: number, seed: number): Uint8Array {
  const out = new Uint8Array(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

export async function chooseImage(page: Page, file: string): Promise<void> {
  await page.getByTestId('tab-flash').click();
  await page.getByTestId('flash-file').setInputFiles(file);
  await expect(page.getByTestId('flash-image')).toContainText(path.basename(file));
}
