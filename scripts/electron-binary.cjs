'use strict';
// The Electron binary, if installed. Found from node_modules/electron/path.txt
// rather than require('electron'), which tries to download it when missing.
// Used by `npm start` and by the e2e config (Electron project only when present).
const { existsSync, readFileSync } = require('node:fs');
const path = require('node:path');

function electronBinary(root) {
  const pkg = path.join(root, 'node_modules', 'electron');
  let rel = '';
  try {
    rel = readFileSync(path.join(pkg, 'path.txt'), 'utf8').trim();
  } catch {
    // no path.txt: the binary was never installed
  }
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const full = override ? path.join(override, rel || 'electron') : rel ? path.join(pkg, 'dist', rel) : undefined;
  return full && existsSync(full) ? full : undefined;
}

module.exports = { electronBinary };
