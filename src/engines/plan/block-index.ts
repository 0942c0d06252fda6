/**
 * Values keyed by (module, resource type, resource name) without building a `module|type.name`
 * string per lookup: a plan engine makes one lookup per resource instance and per reference, and
 * at 100k instances the concatenated keys alone are tens of MB of garbage.
 */
export class BlockIndex<T> {
  readonly #modules = new Map<string, Map<string, Map<string, T>>>();

  get(module: string, type: string, name: string): T | undefined {
    return this.#modules.get(module)?.get(type)?.get(name);
  }

  set(module: string, type: string, name: string, value: T): void {
    let types = this.#modules.get(module);
    if (!types) {
      types = new Map();
      this.#modules.set(module, types);
    }
    let names = types.get(type);
    if (!names) {
      names = new Map();
      types.set(type, names);
    }
    names.set(name, value);
  }
}

/** The type key of a block: data sources are kept apart from managed resources of the same type. */
export function blockType(mode: unknown, type: string): string {
  return mode === 'data' ? `data.${type}` : type;
}
