import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPlanFile, type LoadedPlan } from '../../../src/engines/plan/load-plan.js';
import type { Resource } from '../../../src/model/resource.js';

/** The hand-made plans in test/fixtures/plans. */
export const FIXTURES = fileURLToPath(new URL('../../fixtures/plans/', import.meta.url));

export function fixturePath(name: string): string {
  return join(FIXTURES, name);
}

export function fixtureText(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}

export function loadFixture(name: string): Promise<LoadedPlan> {
  return loadPlanFile(fixturePath(name), name);
}

/** A scratch directory for files generated at test time; `cleanup` removes it. */
export function scratchDir(): { dir: string; write(name: string, content: string | Uint8Array): string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'warden-plan-'));
  return {
    dir,
    write(name, content) {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function addresses(plan: LoadedPlan): string[] {
  return plan.inventory.resources.map((r) => r.address);
}

export function resource(plan: LoadedPlan, address: string): Resource {
  const found = plan.inventory.byAddress(address);
  if (!found) throw new Error(`no resource ${address} in ${plan.inventory.input}`);
  return found;
}

/** Addresses a resolution points at, or the Unknown's reason. */
export function resolvedAddresses(plan: LoadedPlan, address: string, path: string, types?: string[]): string[] | string {
  const resolution = plan.inventory.resolve(resource(plan, address), path, types);
  return Array.isArray(resolution) ? resolution.map((r) => r.address).sort() : `unknown: ${resolution.reason}`;
}

/** The line a resource's location points at (plans map resources to their `resource_changes` entry). */
export function lineOf(plan: LoadedPlan, address: string): number | undefined {
  const location = resource(plan, address).location;
  return location?.kind === 'source' ? location.startLine : undefined;
}
