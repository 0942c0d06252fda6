import { Unknown } from '../../../model/unknown.js';
import type { Value } from '../../../model/value.js';

/** A value computed once, with the resource addresses its expression referred to. */
export interface Evaluated {
  value: Value;
  refs: readonly string[];
}

/**
 * Lazily computed named values (variables, locals, outputs) of one module instance. A value that
 * depends on itself is Unknown (Terraform rejects such a cycle) rather than a stack overflow.
 */
export class Memo {
  readonly #cells = new Map<string, Evaluated | 'pending'>();

  get(name: string, compute: (refs: Set<string>) => Value): Evaluated {
    const cell = this.#cells.get(name);
    if (cell === 'pending') return { value: new Unknown(`${name} depends on itself`), refs: [] };
    if (cell) return cell;
    this.#cells.set(name, 'pending');
    const refs = new Set<string>();
    let evaluated: Evaluated;
    try {
      evaluated = { value: compute(refs), refs: [...refs] };
    } catch (error) {
      this.#cells.delete(name);
      throw error;
    }
    this.#cells.set(name, evaluated);
    return evaluated;
  }
}
