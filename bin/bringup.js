#!/usr/bin/env node
'use strict';
// Thin launcher: the CLI is bundled to dist/cli.js by `npm run build` (run by `npm install`).
const path = require('node:path');
const fs = require('node:fs');
const cli = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  console.error('bringup: the app is not built yet (dist/cli.js missing). Run `npm run build` in ' + path.dirname(__dirname) + '.');
  process.exit(2);
}
require(cli);
