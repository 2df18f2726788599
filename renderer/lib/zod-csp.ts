// The page's CSP forbids eval: keep zod off its eval-compiled fast path. Imported by the
// modules that validate with zod in the renderer (the profile editor), before they parse.
import { z } from 'zod';

z.config({ jitless: true });
