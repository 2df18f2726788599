// `npm start`: open the Electron workbench. Builds first when dist/ is missing.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(path.join(root, 'dist/app/main.js'))) {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const { electronBinary } = createRequire(import.meta.url)('./electron-binary.cjs');
const electronPath = electronBinary(root);
if (!electronPath) {
  console.error(
    'The Electron binary is not installed (its download was skipped or failed).\n' +
      'Run the same workbench in a browser instead:  npx bringup serve --demo\n' +
      'or reinstall Electron with network access:    npm rebuild electron',
  );
  process.exit(1);
}
const child = spawn(electronPath, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
