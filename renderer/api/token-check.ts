// Browser mode: before the workbench opens its WebSocket, ask the server whether the
// page's token is the one it printed. A refused WebSocket upgrade (401) is invisible
// to a page (it only sees a close), so without this a page with a wrong token would
// show the whole workbench and then "Lost the connection".
import { TOKEN_CHECK_PATH } from '../../shared/channel-naming';

export type TokenProblem = 'missing' | 'wrong' | 'unreachable';

const TOKEN_KEY = 'bringup.token';

/**
 * The page's token. The address serve prints carries it (?token=...); once read it is
 * taken out of the address bar (and so out of the browser's history) and kept for this
 * tab only (sessionStorage: a reload still works, another tab or a later visit needs the
 * printed address again). Whoever holds the token drives the probe: see README, Security.
 */
export function pageToken(loc: Location = window.location): string {
  const params = new URLSearchParams(loc.search);
  const fromUrl = params.get('token');
  let store: Storage | undefined;
  try {
    store = window.sessionStorage;
  } catch {
    store = undefined; // storage blocked: the token then stays in the address
  }
  if (fromUrl !== null && store) {
    store.setItem(TOKEN_KEY, fromUrl);
    params.delete('token');
    const rest = params.toString();
    window.history.replaceState(window.history.state, '', `${loc.pathname}${rest ? `?${rest}` : ''}${loc.hash}`);
    return fromUrl;
  }
  return fromUrl ?? store?.getItem(TOKEN_KEY) ?? '';
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
