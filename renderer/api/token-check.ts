// Browser mode: before the workbench opens its WebSocket, ask the server whether the
// page's token is the one it printed. A refused WebSocket upgrade (401) is invisible
// to a page (it only sees a close), so without this a page with a wrong token would
// show the whole workbench and then "Lost the connection".
import { TOKEN_CHECK_PATH } from '../../shared/contract';

export type TokenProblem = 'missing' | 'wrong' | 'unreachable';

export function pageToken(loc: Location = window.location): string {
  return new URLSearchParams(loc.search).get('token') ?? '';
}

/** undefined when the token is good; otherwise what is wrong with it (or with reaching the server). */
export async function checkToken(token: string = pageToken()): Promise<TokenProblem | undefined> {
  if (token.trim() === '') return 'missing';
  let status: number;
  try {
    status = (await fetch(`${TOKEN_CHECK_PATH}?token=${encodeURIComponent(token)}`, { cache: 'no-store', credentials: 'omit' })).status;
  } catch {
    return 'unreachable';
  }
  if (status === 204) return undefined;
  if (status === 401) return 'wrong';
  return 'unreachable';
}
