import type { Inventory } from '../model/inventory.js';
import type { Resource } from '../model/resource.js';
import { REDACTED, Sensitive, isSensitive } from '../model/sensitive.js';
import { forEachMarkedScalar, marksAt, wrapMarked } from '../model/sensitive-marks.js';
import { isUnknown } from '../model/unknown.js';
import type { Evidence, TraceStep } from './finding.js';
import { LiteralSearch } from './literal-search.js';

const QUOTED_MARKER = JSON.stringify(REDACTED);
/** An instance key in an address, `["key"]`, its content escaped as in a JSON string. */
const INSTANCE_KEY = /\["((?:[^"\\]|\\.)*)"\]/g;
const DOT = 0x2e;

/**
 * Whether every quote of a module path belongs to one of its whole instance keys, with no backslash
 * escape: then no key read in a longer address begins inside the path and ends beyond it, and the
 * path is redacted the same apart as within the address.
 */
function keysEndWithin(modulePath: string): boolean {
  if (modulePath.includes('\\')) return false;
  let quotes = 0;
  for (let at = modulePath.indexOf('"'); at !== -1; at = modulePath.indexOf('"', at + 1)) quotes++;
  return quotes === 2 * (modulePath.match(INSTANCE_KEY)?.length ?? 0);
}

/**
 * Takes an inventory's sensitive values out of what policies report. Policies compare real values
 * (marking a value sensitive never changes a verdict), so their messages may quote one: every text a
 * finding carries is searched for the inventory's sensitive strings and numbers, which become
 * `(sensitive)`, and evidence at a marked path is redacted whole. Built once per inventory; an
 * inventory without sensitive values gets none and pays nothing.
 */
export class Redactor {
  readonly #search: LiteralSearch;
  readonly #whole: Set<string>;
  /** Instance keys already judged (a plan repeats a few keys, `["prod"]`, in thousands of addresses). */
  readonly #keys = new Map<string, boolean>();
  /** Module paths already redacted; null for one that must not be redacted apart from its address. */
  readonly #modules = new Map<string, string | null>();

  private constructor(texts: Set<string>) {
    this.#whole = texts;
    // A secret a message embeds in JSON is escaped there (`{\"k\":…}`): that form is looked for too.
    this.#search = new LiteralSearch([...texts].flatMap((text) => {
      const escaped = JSON.stringify(text).slice(1, -1);
      return escaped !== text ? [{ text, whole: true }, { text: escaped, whole: true }] : [{ text, whole: true }];
    }));
  }

  /** The redactor of an inventory, or undefined when nothing in it is sensitive. */
  static of(inventory: Inventory): Redactor | undefined {
    const texts = new Set<string>();
    for (const resource of [...inventory.resources, ...inventory.configuration]) {
      if (resource.sensitive === undefined || resource.sensitive === false) continue;
      forEachMarkedScalar(resource.values, resource.sensitive, (scalar) => {
        // A boolean, or a one-digit number, hides nothing and is in every path (`ingress.0`).
        if (typeof scalar === 'number' && Math.abs(scalar) < 10 && Number.isInteger(scalar)) return;
        const text = String(scalar);
        if (text !== '') texts.add(text);
      });
    }
    return texts.size > 0 ? new Redactor(texts) : undefined;
  }

  /** The text with every sensitive value in it replaced by `(sensitive)`. */
  text(text: string): string {
    const redacted = this.#search.replace(text, REDACTED);
    // `tag is "secret"` reads `tag is (sensitive)`, not `"(sensitive)"`.
    return redacted === text ? text : redacted.replaceAll(QUOTED_MARKER, REDACTED);
  }

  /** An address with sensitive instance keys (`["secret"]`) redacted; names written in source stay. */
  address(address: string): string {
    if (!address.includes('["')) return address;
    return address.replace(INSTANCE_KEY, (whole, key: string) => (this.#sensitiveKey(key) ? `["${REDACTED}"]` : whole));
  }

  /**
   * address(resource.address), its module instance part (`module.env["prod"]`) redacted once per
   * module instance: a large plan has 50k addresses in a few hundred module instances.
   */
  resourceAddress({ address, modulePath }: Pick<Resource, 'address' | 'modulePath'>): string {
    if (!address.includes('["')) return address;
    const module = modulePath !== '' && address.startsWith(modulePath) && address.charCodeAt(modulePath.length) === DOT ? this.#modulePath(modulePath) : undefined;
    if (module === undefined) return this.address(address);
    const rest = address.slice(modulePath.length);
    const redactedRest = this.address(rest);
    return module === modulePath && redactedRest === rest ? address : module + redactedRest;
  }

  /** The module path redacted, or undefined when its keys could run on into the rest of an address (then the address is redacted whole). */
  #modulePath(modulePath: string): string | undefined {
    let redacted = this.#modules.get(modulePath);
    if (redacted === undefined) {
      redacted = keysEndWithin(modulePath) ? this.address(modulePath) : null;
      this.#modules.set(modulePath, redacted);
    }
    return redacted ?? undefined;
  }

  #sensitiveKey(key: string): boolean {
    let sensitive = this.#keys.get(key);
    if (sensitive === undefined) {
      sensitive = this.#whole.has(key) || this.text(key) !== key;
      this.#keys.set(key, sensitive);
    }
    return sensitive;
  }

  /** A value for evidence: a sensitive scalar becomes Sensitive, a string quoting one is redacted, at any depth. Unchanged parts are not copied. */
  value(value: unknown): unknown {
    if (typeof value === 'string') return this.#whole.has(value) ? new Sensitive(value) : this.text(value);
    if (typeof value === 'number') return this.#whole.has(String(value)) ? new Sensitive(value) : value;
    if (typeof value !== 'object' || value === null || isSensitive(value) || isUnknown(value)) return value;
    if (Array.isArray(value)) {
      const items = value.map((item) => this.value(item));
      return items.every((item, i) => item === value[i]) ? value : items;
    }
    let out: Record<string, unknown> | undefined;
    for (const [key, item] of Object.entries(value)) {
      const redacted = this.value(item);
      if (redacted === item) continue;
      out ??= { ...value };
      Object.defineProperty(out, key, { value: redacted, enumerable: true, writable: true, configurable: true });
    }
    return out ?? value;
  }

  evidence(resource: Resource, items: readonly Evidence[]): Evidence[] {
    return items.map((item) => {
      const byPath = resource.sensitive ? wrapMarked(item.value, marksAt(resource.sensitive, item.path)) : item.value;
      const out: Evidence = { path: item.path, value: this.value(byPath) };
      if (item.note !== undefined) out.note = this.text(item.note);
      return out;
    });
  }

  trace(steps: readonly TraceStep[]): TraceStep[] {
    return steps.map((step) => {
      const out: TraceStep = { ...step, label: this.text(step.label) };
      if (step.detail !== undefined) out.detail = this.text(step.detail);
      if (step.resource) out.resource = { ...step.resource, address: this.address(step.resource.address) };
      return out;
    });
  }
}
