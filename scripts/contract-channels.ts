// The contract's channel names as a build-time constant (`__BRINGUP_CHANNELS__`) for the
// renderer's WebSocket client: the page then derives its api methods without bundling
// the contract's zod schemas (the preload gets the same from scripts/build.mjs).
import { EVENT_NAMES, INVOKE_NAMES } from '../shared/contract';

export const channelsDefine = { __BRINGUP_CHANNELS__: JSON.stringify({ invoke: INVOKE_NAMES, events: EVENT_NAMES }) };
