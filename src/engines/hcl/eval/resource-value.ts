import { UnknownAttribute } from '../../../model/partly-known.js';
import { Unknown } from '../../../model/unknown.js';
import type { Value, ValueObject } from '../../../model/value.js';

/**
 * A resource (or data source) instance as an expression sees it (`aws_vpc.main`). The attributes its
 * configuration sets are known (`aws_vpc.main.cidr_block`), everything else is known only after
 * apply (`aws_vpc.main.id`). It is an Unknown, so wherever the whole object ends up as a value it
 * counts as not known; only attribute access looks inside.
 */
export class ResourceValue extends Unknown {
  readonly #configured: () => ValueObject;

  constructor(
    readonly address: string,
    configured: () => ValueObject,
    readonly isData: boolean,
  ) {
    super(`${address} is ${isData ? 'read from the provider at plan time' : 'known only after apply'}`);
    this.#configured = configured;
  }

  attribute(name: string): Value {
    const configured = this.#configured()[name];
    if (configured !== undefined && configured !== null) return configured;
    const reason = `${this.address}.${name} is ${this.isData ? 'read from the provider at plan time' : 'known only after apply'}`;
    // Which attribute it is stays known: a policy can tell a bucket's own ARN from any other value.
    return new UnknownAttribute(reason, { address: this.address, attribute: name, prefix: '', suffix: '' });
  }
}
