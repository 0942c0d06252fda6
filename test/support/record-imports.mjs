// A Node module-loading hook for start-up tests: appends every module URL the ESM loader loads to the
// file named by WARDEN_IMPORT_LOG. Registered with `node --import ./record-imports.mjs`.
import { appendFileSync } from 'node:fs';
import { register } from 'node:module';

if (process.env.WARDEN_IMPORT_LOG) {
  register(import.meta.url, { data: process.env.WARDEN_IMPORT_LOG });
}

let log;
export function initialize(data) {
  log = data;
}

export async function load(url, context, nextLoad) {
  const result = await nextLoad(url, context);
  if (log) appendFileSync(log, `${url}\n`);
  return result;
}
