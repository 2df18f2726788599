// Schema validation at the IPC edge: every request is parsed by its channel's
// schema before any service sees it; a bad one becomes a ValidationError value
// that names the offending field ("profile.name: a name is required").
import type { z } from 'zod';
import { invokeChannels, type InvokeName, type ParsedRequestOf } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import { ValidationError } from '../openocd/errors';

export function validateRequest<K extends InvokeName>(channel: K, raw: unknown): Result<ParsedRequestOf<K>> {
  const schema = invokeChannels[channel].request as unknown as z.ZodType<ParsedRequestOf<K>>;
  // An absent request means "no arguments".
  const r = schema.safeParse(raw === undefined || raw === null ? {} : raw);
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, error: new ValidationError(`${channel}: ${describeIssues(r.error.issues)}`).toValue() };
}

export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.map(String).join('.') : '(request)'}: ${i.message}`)
    .join('; ');
}
