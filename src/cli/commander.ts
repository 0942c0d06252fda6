import { createRequire } from 'node:module';

// commander is CommonJS: require() loads it without the ESM translator's export scan, ~10 ms of every
// start (DESIGN §7 start-up budget; `npm run bench:startup`).
export const { Command, CommanderError, Option } = createRequire(import.meta.url)('commander') as typeof import('commander');
