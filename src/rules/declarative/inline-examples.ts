import type { InlinePolicyCase } from '../loading/inline-policy-case.js';
import type { DeclarativeExample, ExampleResource } from './declarative-document.js';

/**
 * A declarative policy's inline examples as cases for the case harness. A `resources` shorthand
 * becomes the plan `terraform show -json` would print for creating them (with `after_unknown` and
 * `after_sensitive` masks for the listed paths), so examples run through the real plan engine.
 */
export function inlineExampleCases(examples: readonly DeclarativeExample[], source: string): InlinePolicyCase[] {
  return examples.map((example, i) => {
    const plan = example.plan ? structuredClone(example.plan) : planCreating(example.resources ?? []);
    return {
      name: `${example.kind}/${example.name}`,
      kind: example.kind,
      source: `${source}: examples[${i}]`,
      plan: { ...plan, warden_expect: example.expect ?? [] },
    };
  });
}

function planCreating(resources: readonly ExampleResource[]): Record<string, unknown> {
  return {
    format_version: '1.2',
    resource_changes: resources.map((r) => {
      const after = structuredClone(r.values);
      const unknownMask = maskOf(r.unknown ?? []);
      // Terraform leaves a value known only after apply out of `after`.
      for (const path of r.unknown ?? []) deletePath(after, path.split('.'));
      return {
        address: r.address ?? `${r.type}.${r.name}`,
        mode: 'managed',
        type: r.type,
        name: r.name,
        change: { actions: ['create'], before: null, after, after_unknown: unknownMask, before_sensitive: false, after_sensitive: maskOf(r.sensitive ?? []) },
      };
    }),
  };
}

/** `['listener.0.port', 'ssl_policy']` → `{ listener: [{ port: true }], ssl_policy: true }`. */
function maskOf(paths: readonly string[]): Record<string, unknown> {
  const mask: Record<string, unknown> = {};
  for (const path of paths) {
    const steps = path.split('.');
    let node: Record<string, unknown> | unknown[] = mask;
    steps.forEach((step, i) => {
      const last = i === steps.length - 1;
      const key: string | number = Array.isArray(node) ? Number(step) : step;
      const container = node as Record<string | number, unknown>;
      if (last) {
        container[key] = true;
        return;
      }
      const nextIsIndex = /^\d+$/.test(steps[i + 1]!);
      container[key] ??= nextIsIndex ? [] : {};
      node = container[key] as Record<string, unknown> | unknown[];
    });
  }
  return mask;
}

function deletePath(root: Record<string, unknown>, steps: string[]): void {
  let node: unknown = root;
  for (const step of steps.slice(0, -1)) {
    if (typeof node !== 'object' || node === null) return;
    node = (node as Record<string, unknown>)[step];
  }
  if (typeof node === 'object' && node !== null) delete (node as Record<string, unknown>)[steps[steps.length - 1]!];
}
