// Every signature's wording checked against OpenOCD's own source: each rule cites files
// that exist in the v0.12.0 tree, and each example line taken from that source is an
// instance of a message format in a cited file. Runs in CI on corpus/openocd-source/ (the
// few source lines the check needs, extracted by corpus/tools/extract-openocd-source.ts,
// see its README); with OPENOCD_SRC set to a full 0.12 checkout it checks against that.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SIGNATURES } from './signatures/index';
import { EXAMPLES, NOT_FROM_012_SOURCE } from './signature-examples';
import { citedFiles, matchesSomeFormat, messageOf } from './source-stems';

const FULL = [process.env.OPENOCD_SRC].find((d): d is string => !!d && existsSync(join(d, 'src', 'openocd.c')));
const EXTRACTED = join(__dirname, 'corpus', 'openocd-source');
/** Where a cited file's text is: the full tree, else its extracted lines. */
const pathOf = (rel: string): string => (FULL ? join(FULL, rel) : join(EXTRACTED, `${rel}.lines`));
/** Messages printed by a library OpenOCD links or by a fork, not by OpenOCD's own tree. */
// Wordings that are not OpenOCD's own (the Tcl interpreter, forks, libraries it prints messages of).
const EXTERNAL = /^(jimtcl|fork:|libftdi|ftd2xx)/;

const cache = new Map<string, string>();
function read(rel: string): string {
  let t = cache.get(rel);
  if (t === undefined) {
    t = readFileSync(pathOf(rel), 'utf8');
    cache.set(rel, t);
  }
  return t;
}

const rules = SIGNATURES.flatMap((t) => t.rules.map((r) => ({ key: `${t.category}/${r.id}`, rule: r })));

describe(`signature wording vs OpenOCD source (${FULL ?? 'corpus/openocd-source'})`, () => {
  it.each(rules.map((r) => [r.key, r.rule.source] as const))('%s cites files that exist (%s)', (key, source) => {
    const files = citedFiles(source);
    if (EXTERNAL.test(source)) return;
    expect(files.length, `${key} names no source file`).toBeGreaterThan(0);
    for (const f of files) expect(existsSync(pathOf(f)), `${key}: ${f} (refresh corpus/openocd-source with corpus/tools/extract-openocd-source.ts)`).toBe(true);
  });

  const fromSource = EXAMPLES.filter(([id, cat]) => NOT_FROM_012_SOURCE[`${cat}/${id}`] === undefined);
  it.each(fromSource.map(([id, cat, line]) => [`${cat}/${id}`, line] as const))('%s: "%s" is a message of the cited file', (key, line) => {
    const rule = rules.find((r) => r.key === key)?.rule;
    expect(rule, `no rule ${key}`).toBeDefined();
    const texts = citedFiles(rule?.source ?? '').map(read);
    expect(matchesSomeFormat(messageOf(line), texts), `${key}: "${messageOf(line)}" not in ${rule?.source}`).toBe(true);
  });

  it('the check rejects wording that is not in the file (made-up or altered messages)', () => {
    const kinetis = [read('src/flash/nor/kinetis.c')];
    expect(matchesSomeFormat('**** Your Kinetis MCU is in secured state, which means that,  ****', kinetis)).toBe(true);
    expect(matchesSomeFormat('MCU is secured', kinetis)).toBe(false);
    const l4 = [read('src/flash/nor/stm32l4x.c')];
    expect(matchesSomeFormat('Cannot identify target as an STM32G0/G4/L4/L4+/L5/U5/WB/WL family device.', l4)).toBe(true);
    expect(matchesSomeFormat('Cannot identify target as a STM32L4 family.', l4)).toBe(false);
    expect(matchesSomeFormat("target type 'esp32s3' not found", [read('src/target/target.c')])).toBe(false);
  });

  it('every example not from the 0.12 tree says where its wording comes from, and its rule exists', () => {
    for (const key of Object.keys(NOT_FROM_012_SOURCE)) expect(rules.some((r) => r.key === key), key).toBe(true);
  });
});
