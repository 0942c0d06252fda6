// Preloaded by start-up tests (`node --require`): at exit, writes the CommonJS files the process
// loaded (its require cache) to file descriptor 3, as a JSON array. CommonJS, so that preloading it
// does not start the ES module loader.
'use strict';
const { writeSync } = require('node:fs');

process.on('exit', () => {
  writeSync(3, JSON.stringify(Object.keys(require.cache)));
});
