// Fallback for bench/run.mjs when GNU time is missing: runs a Node script in this process and, on exit,
// writes "<wall s> <peak RSS KB>" (the format of `/usr/bin/time -f '%e %M'`) to a file.
//   node bench/rusage.cjs OUT_FILE SCRIPT [ARGS...]
const fs = require('node:fs');
const path = require('node:path');

const started = process.hrtime.bigint();
const [out, script, ...args] = process.argv.slice(2);
const file = path.resolve(script);
process.argv = [process.argv[0], file, ...args];
process.on('exit', () => {
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  fs.writeFileSync(out, `${seconds.toFixed(2)} ${process.resourceUsage().maxRSS}\n`);
});
require(file);
