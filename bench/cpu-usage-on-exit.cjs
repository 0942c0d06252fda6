// Preloaded by bench/startup.ts (`node -r`): at exit, writes this process's CPU time in microseconds
// (user + system, every thread) to file descriptor 3. CommonJS so that preloading it does not start
// the ES module loader, which would change what is measured.
'use strict';
const { writeSync } = require('node:fs');

process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  writeSync(3, `${user + system}\n`);
});
