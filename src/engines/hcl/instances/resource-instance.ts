import type { Unknown } from '../../../model/unknown.js';
import type { Value } from '../../../model/value.js';
import type { ResourceDecl } from '../config/module-config.js';
import { policyDocumentJson } from '../data-sources/aws-iam-policy-document.js';
import { ResourceValue } from '../eval/resource-value.js';
import { evaluateBlockBody, type EvaluatedBody } from './evaluate-body.js';
import type { ModuleInstance } from './module-instance.js';

const CYCLE: EvaluatedBody = { values: {}, locations: {}, references: {} };

/** One instance of a resource block (per count index or for_each key) in one module instance. */
export class ResourceInstance {
  readonly value: ResourceValue;
  #body: EvaluatedBody | 'pending' | undefined;

  constructor(
    readonly module: ModuleInstance,
    readonly decl: ResourceDecl,
    readonly address: string,
    /** The count index or for_each key; undefined for a single instance or when the expansion is unknown. */
    readonly index: string | number | undefined,
    /** `count` / `each` for expressions inside the block. */
    readonly bindings: ReadonlyMap<string, Value>,
    /** Set when count/for_each could not be evaluated: this one instance stands for all of them. */
    readonly unknownExpansion?: Unknown,
  ) {
    this.value = new ResourceValue(address, () => this.body().values, decl.mode === 'data');
  }

  /** The evaluated configuration, computed on first use (another resource may read it first). */
  body(): EvaluatedBody {
    if (this.#body === 'pending') return CYCLE;
    if (!this.#body) {
      this.#body = 'pending';
      const body = evaluateBlockBody(this.decl.block.body, { file: this.decl.block.file, names: this.module, bindings: this.bindings });
      // Data sources the provider computes without calling AWS are evaluated, so their results are known as in a plan.
      if (this.decl.mode === 'data' && this.decl.type === 'aws_iam_policy_document') Object.assign(body.values, policyDocumentJson(body.values));
      this.#body = body;
    }
    return this.#body;
  }
}
