import type { SourceLocation } from '../../../model/location.js';
import type { Value } from '../../../model/value.js';
import { attribute, blocks, type ProviderDecl } from '../config/module-config.js';
import { evaluateAttribute, locationOf } from './evaluate-body.js';
import type { ModuleInstance } from './module-instance.js';

/** A provider configuration as seen from a module instance, with the module instance it is declared in. */
export class ProviderRef {
  #defaultTags: { tags: Value; location: SourceLocation } | null | undefined;

  constructor(
    readonly decl: ProviderDecl,
    readonly declaredIn: ModuleInstance,
  ) {}

  /** `default_tags { tags = … }`, evaluated where the provider block is written; null when there is none. */
  defaultTags(): { tags: Value; location: SourceLocation } | null {
    if (this.#defaultTags === undefined) {
      const block = blocks(this.decl.block.body, 'default_tags')[0];
      const tags = block ? attribute(block.body, 'tags') : undefined;
      this.#defaultTags = tags ? { tags: evaluateAttribute(tags, { file: tags.file, names: this.declaredIn }), location: locationOf(tags) } : null;
    }
    return this.#defaultTags;
  }
}

/**
 * The provider configurations a module instance uses, keyed `aws` / `aws.west`: a child module
 * inherits its parent's default (un-aliased) configurations, takes those its call passes in
 * `providers = { … }`, and its own provider blocks win.
 */
export function providersOf(instance: ModuleInstance): Map<string, ProviderRef> {
  const out = new Map<string, ProviderRef>();
  const site = instance.site;
  if (site) {
    for (const [key, ref] of site.parent.providers) if (!key.includes('.')) out.set(key, ref);
    for (const [child, parent] of Object.entries(site.call.providers)) {
      const ref = site.parent.providers.get(parent);
      if (ref) out.set(child, ref);
    }
  }
  for (const decl of instance.config.providers) out.set(decl.alias ? `${decl.name}.${decl.alias}` : decl.name, new ProviderRef(decl, instance));
  return out;
}
