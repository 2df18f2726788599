// How channel names become Electron IPC channel strings and `on<Event>` method names.
// Kept apart from contract.ts (which carries the zod schemas) so the sandboxed preload
// can derive its methods without bundling a schema library: the build bakes the
// contract's channel names into the preload (scripts/build.mjs).
export const ipcInvokeChannelOf = (name: string): string => `bringup:invoke:${name}`;
export const ipcEventChannelOf = (name: string): string => `bringup:event:${name}`;
export const eventMethodNameOf = (name: string): string => `on${name.charAt(0).toUpperCase()}${name.slice(1)}`;

// The browser host's paths (contract.ts re-exports them).
export const WS_PATH = '/ws';
/** GET ?token=...: 204 when the token is this server's, 401 otherwise. The page asks before it opens the socket
 *  (a browser cannot see why a WebSocket upgrade was refused), so it can say the token is wrong. */
export const TOKEN_CHECK_PATH = '/token-check';
