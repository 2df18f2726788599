// The check report as one self-contained HTML page (readable on screen, printable):
// rendered from the report JSON alone, every value escaped.
import type { BoardCheckReport, CheckStatus } from './check';

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

const BADGE: Record<CheckStatus, string> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', skipped: 'SKIPPED' };

export function renderReportHtml(r: BoardCheckReport): string {
  const rows = r.steps
    .map((s, i) => {
      const evidence = s.evidence.map((e) => `<tr><th>${esc(e.label)}</th><td>${esc(e.value)}</td></tr>`).join('');
      const lines = s.openocdLines?.length ? `<pre class="log">${esc(s.openocdLines.join('\n'))}</pre>` : '';
      const finding = s.finding
        ? `<div class="finding"><strong>Likely cause: ${esc(s.finding.title)}</strong><ol>${s.finding.steps.map((t) => `<li>${esc(t)}</li>`).join('')}</ol></div>`
        : '';
      return `<section class="step ${s.status}"><h2><span class="badge">${BADGE[s.status]}</span> ${i + 1}. ${esc(s.title)} <small>${(s.durationMs / 1000).toFixed(2)} s</small></h2>
<p>${esc(s.summary)}</p>${evidence ? `<table>${evidence}</table>` : ''}${lines}${finding}</section>`;
    })
    .join('\n');
  const facts: Array<[string, string | undefined]> = [
    ['Board UID', r.boardUid],
    ['Part', r.part],
    ['Profile', `${r.profile.name}${r.profile.target ? ` (${r.profile.target})` : ''}${r.profile.faults?.length ? ` faults: ${r.profile.faults.join(', ')}` : ''}`],
    ['OpenOCD', r.openocdVersion],
    ['Bring-up Workbench', r.appVersion],
    ['Started', r.startedAt],
    ['Finished', r.finishedAt],
  ];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bring-up check: ${esc(r.result.toUpperCase())} ${esc(r.boardUid ?? '')}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>
body{font:14px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1f24}
h1{font-size:1.5rem} h2{font-size:1.05rem;margin:.2rem 0} small{color:#57606a;font-weight:normal}
.result{display:inline-block;padding:.2rem .7rem;border-radius:4px;color:#fff;font-weight:bold}
.step{border:1px solid #d0d7de;border-left-width:6px;border-radius:4px;padding:.6rem .9rem;margin:.7rem 0;break-inside:avoid}
.pass{border-left-color:#1a7f37}.warn{border-left-color:#bf8700}.fail{border-left-color:#cf222e}.skipped{border-left-color:#8c959f}
.result.pass{background:#1a7f37}.result.warn{background:#bf8700}.result.fail{background:#cf222e}
.badge{font-family:ui-monospace,monospace;font-size:.8rem}
table{border-collapse:collapse;margin:.3rem 0} th{text-align:left;padding-right:1rem;color:#57606a;font-weight:normal;vertical-align:top}
td{font-family:ui-monospace,monospace} pre.log{background:#f6f8fa;padding:.5rem;overflow-x:auto;font-size:12px}
.finding{background:#fff8c5;padding:.4rem .7rem;border-radius:4px}
@media print{body{margin:0;max-width:none}.step{border-left-width:4px}}
</style></head><body>
<h1>First power-on check <span class="result ${r.result}">${esc(r.result.toUpperCase())}</span></h1>
<table>${facts.filter(([, v]) => v).map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v as string)}</td></tr>`).join('')}</table>
${rows}
</body></html>
`;
}
