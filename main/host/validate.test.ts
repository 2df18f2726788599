import { describe, expect, it } from 'vitest';
import { validateRequest } from './validate';

describe('validateRequest', () => {
  it('accepts a valid request and treats a missing one as no arguments', () => {
    expect(validateRequest('connect', { profileId: 'abc' })).toEqual({ ok: true, value: { profileId: 'abc' } });
    expect(validateRequest('getStatus', undefined)).toEqual({ ok: true, value: {} });
  });

  it('names the bad field in a ValidationError value', () => {
    const r = validateRequest('connect', { profileId: 42 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.kind).toBe('ValidationError');
    expect(r.error.message).toMatch(/^connect: profileId: /);
  });

  it('names nested profile fields and refuses unknown keys', () => {
    const r = validateRequest('saveProfile', { profile: { id: 'p1', name: '', kind: 'configs', interfaceCfg: 'interface/stlink.cfg', extraCommands: [] } });
    expect(r.ok || r.error.message).toMatch(/profile\.name/);
    const extra = validateRequest('getStatus', { sneaky: true });
    expect(extra.ok || extra.error.message).toMatch(/sneaky|Unrecognized/);
  });

  it('refuses control characters that would add lines to an OpenOCD -c command', () => {
    const r = validateRequest('saveProfile', {
      profile: { id: 'p1', name: 'x', kind: 'configs', interfaceCfg: 'interface/stlink.cfg', extraCommands: ['init\nshutdown'] },
    });
    expect(r.ok || r.error.message).toMatch(/profile\.extraCommands\.0/);
  });
});
