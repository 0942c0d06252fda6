/**
 * Build step (`npm run build`): writes the built-in policies' metadata to dist/policies/catalog.json
 * from the compiled policies, so the catalog is never maintained by hand (test/policies/catalog.test.ts
 * checks it against the policies).
 */
import { writeFileSync } from 'node:fs';
import { CATALOG_URL } from '../src/cli/builtin-catalog-file.js';
import { computeBuiltinCatalog } from '../src/cli/builtin-catalog.js';

writeFileSync(CATALOG_URL, `${JSON.stringify(await computeBuiltinCatalog(), null, 2)}\n`);
