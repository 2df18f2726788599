// Saved check reports: JSON + HTML side by side in the user-data folder's check-reports/,
// each written atomically; the newest listed first for the app.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { BoardCheckReport } from '../../shared/check';
import { writeFileAtomic } from '../files/atomic-write';
import { renderReportHtml } from '../../shared/check-report-html';

export const REPORTS_FOLDER = 'check-reports';

export interface SavedReport {
  json: string;
  html: string;
}

/** Writes FILE.json and FILE.html for a base path (an extension given is replaced). */
export async function saveReport(report: BoardCheckReport, basePath: string): Promise<SavedReport> {
  const base = basePath.replace(/\.(json|html?)$/i, '');
  const out = { json: `${base}.json`, html: `${base}.html` };
  await writeFileAtomic(out.json, JSON.stringify(report, null, 2) + '\n');
  await writeFileAtomic(out.html, renderReportHtml(report));
  return out;
}

export function reportBaseName(report: BoardCheckReport): string {
  const stamp = report.startedAt.replace(/[:.]/g, '-');
  return `${stamp}-${report.boardUid ?? 'no-uid'}-${report.result}`;
}

export async function saveToUserData(report: BoardCheckReport, userDataDir: string): Promise<SavedReport> {
  return saveReport(report, path.join(userDataDir, REPORTS_FOLDER, reportBaseName(report)));
}

export async function listReports(userDataDir: string, limit = 20): Promise<BoardCheckReport[]> {
  const dir = path.join(userDataDir, REPORTS_FOLDER);
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const jsons = names.filter((n) => n.endsWith('.json')).sort().reverse().slice(0, limit);
  const out: BoardCheckReport[] = [];
  for (const n of jsons) {
    try {
      const r = JSON.parse(await fs.readFile(path.join(dir, n), 'utf8')) as BoardCheckReport;
      if (r.schema === 'bringup-check/1') out.push(r);
    } catch {
      // A report someone edited by hand or a foreign file: not listed, not fatal.
    }
  }
  return out;
}
