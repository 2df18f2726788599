// Zod schema of a connection profile: main validates every saved profile with it,
// and the renderer's editor uses it to show field errors before saving.
import { z } from 'zod';
import { CHECK_STEPS } from './check';
import type { ConnectionProfile, TransportName } from './profile';

export const TRANSPORT_NAMES = ['jtag', 'swd', 'hla_swd', 'hla_jtag', 'dapdirect_swd', 'dapdirect_jtag', 'swim'] as const satisfies readonly TransportName[];

// Values end up as OpenOCD arguments (never through a shell); still refuse control
// characters so a profile cannot smuggle extra lines into a `-c` command.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const noControl = /^[^\u0000-\u001f\u007f]*$/;
const cfgPath = z.string().trim().min(1).max(1024).regex(noControl, 'must not contain control characters');

export const connectionProfileSchema = z
  .object({
    id: z.string().trim().min(1).max(128).regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, . _ - only'),
    name: z.string().trim().min(1, 'a name is required').max(200),
    kind: z.enum(['configs', 'vboard']),
    interfaceCfg: cfgPath.optional(),
    targetCfg: cfgPath.optional(),
    boardCfg: cfgPath.optional(),
    adapterSpeedKhz: z.number().int().positive().max(1_000_000).optional(),
    transport: z.enum(TRANSPORT_NAMES).optional(),
    resetConfig: z.string().trim().max(200).regex(noControl, 'must not contain control characters').optional(),
    nrstWired: z.boolean().optional(),
    preTargetCommands: z.array(z.string().max(4096).regex(noControl, 'one command per entry, no line breaks')).max(100).optional(),
    extraCommands: z.array(z.string().max(4096).regex(noControl, 'one command per entry, no line breaks')).max(100),
    vboardFaults: z.array(z.string().max(100)).max(20).optional(),
    gdb: z.object({ enabled: z.boolean(), port: z.number().int().min(1).max(65535).optional() }).strict().optional(),
    check: z
      .object({
        skip: z.array(z.enum(CHECK_STEPS)).max(CHECK_STEPS.length).optional(),
        expectedIdcodes: z.array(z.number().int().min(0).max(0xffffffff)).max(16).optional(),
        expectedDevId: z.number().int().min(0).max(0xfff).optional(),
        flashTest: z.object({ address: z.number().int().min(0).max(0xffffffff), length: z.number().int().min(1).max(16 * 1024 * 1024) }).strict().optional(),
        hseHz: z.number().int().min(1_000_000).max(50_000_000).optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.kind !== 'configs') return;
    // A configs profile needs something for OpenOCD to load: a board cfg, or an
    // interface (+ usually a target), or at least extra commands that set up an adapter.
    if (!p.boardCfg && !p.interfaceCfg && p.extraCommands.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['interfaceCfg'], message: 'pick a board cfg, or an interface cfg (and a target cfg)' });
    }
  });

// Compile-time check that the schema and the shared interface agree.
type SchemaProfile = z.infer<typeof connectionProfileSchema>;
const _agree: (p: SchemaProfile) => ConnectionProfile = (p) => p;
void _agree;

/** A profile id for a new profile (not security sensitive: it only names a file entry). */
