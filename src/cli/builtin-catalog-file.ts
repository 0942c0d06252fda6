import { readFileSync } from 'node:fs';
import type { PolicyMeta } from '../scan/scan-result.js';

/**
 * Where the build writes the built-in policies' metadata (scripts/write-policy-catalog.ts), beside
 * the compiled policies: `warden policies` lists them without importing every policy module and its
 * helpers (DESIGN §7 start-up budget).
 */
export const CATALOG_URL = new URL('../../policies/catalog.json', import.meta.url);

/** The catalog the build wrote, or undefined when there is none (run from sources, as the tests do). */
export function readCatalogFile(): PolicyMeta[] | undefined {
  let text: string;
  try {
    text = readFileSync(CATALOG_URL, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return JSON.parse(text) as PolicyMeta[];
}
