import type { Inventory } from '../model/inventory.js';
import type { Resource } from '../model/resource.js';
import { REDACTED, Sensitive, isSensitive } from '../model/sensitive.js';
import { forEachMarkedScalar, marksAt, wrapMarked } from '../model/sensitive-marks.js';
import { isUnknown } from '../model/unknown.js';
import type { Evidence, TraceStep } from './finding.js';

/**
 * Takes an inventory's sensitive values out of what policies report. Policies compare real values
 * (marking a value sensitive never changes a verdict), so their messages may quote one: every text a
 * finding carries is searched for the inventory's sensitive strings and numbers, which become
 * `(sensitive)`, and evidence at a marked path is redacted whole. Built once per inventory; an
 * inventory without sensitive values gets none and pays nothing.
 */
export class Redactor {
  readonly #pattern: RegExp;
  readonly #whole: Set<string>;

  private constructor(texts: Set<string>) {
    this.#whole = texts;
    // Longest first, so that a secret containing another is replaced whole; a quoted one with its quotes.
    // A secret a message embeds in JSON is escaped there (`{\"k\":…}`): that form is looked for too.
    const alternatives = [...texts].sort((a, b) => b.length - a.length).flatMap((text) => {
      const quoted = JSON.stringify(text);
      const escaped = quoted.slice(1, -1);
      return [escapeLiteral(quoted), ...(escaped !== text ? [escapeLiteral(escaped)] : []), boundedLiteral(text)];
    });
    this.#pattern = new RegExp(alternatives.join('|'), 'gu');
  }

  /** The redactor of an inventory, or undefined when nothing in it is sensitive. */
  static of(inventory: Inventory): Redactor | undefined {
    const texts = new Set<string>();
    for (const resource of inventory.resources) {
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
    return text.replace(this.#pattern, REDACTED);
  }

  /** An address with sensitive instance keys (`["secret"]`) redacted; names written in source stay. */
  address(address: string): string {
    return address.replace(/\["((?:[^"\\]|\\.)*)"\]/g, (whole, key: string) => (this.#whole.has(key) || this.text(key) !== key ? `["${REDACTED}"]` : whole));
  }

  /** A value for evidence: a sensitive scalar becomes Sensitive, a string quoting one is redacted, at any depth. */
  value(value: unknown): unknown {
    if (typeof value === 'string') return this.#whole.has(value) ? new Sensitive(value) : this.text(value);
    if (typeof value === 'number') return this.#whole.has(String(value)) ? new Sensitive(value) : value;
    if (typeof value !== 'object' || value === null || isSensitive(value) || isUnknown(value)) return value;
    if (Array.isArray(value)) return value.map((item) => this.value(item));
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) Object.defineProperty(out, key, { value: this.value(item), enumerable: true, writable: true, configurable: true });
    return out;
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

/** A literal that matches only as a whole token: not inside a longer word or number. */
function boundedLiteral(text: string): string {
  const escaped = escapeLiteral(text);
  const word = /[\p{L}\p{N}_]/u;
  return `${word.test(text[0]!) ? '(?<![\\p{L}\\p{N}_])' : ''}${escaped}${word.test(text.at(-1)!) ? '(?![\\p{L}\\p{N}_])' : ''}`;
}

function escapeLiteral(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}
