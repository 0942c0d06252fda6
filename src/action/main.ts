// Entry of the GitHub Action (action.yml runs the esbuild bundle of this file: npm run build:action).
import { runAction } from './run-action.js';

process.exitCode = await runAction();
