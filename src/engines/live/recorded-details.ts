import { Unknown } from '../../model/unknown.js';
import { field, isAwsObject, type AwsObject } from './aws-object.js';
import { isRecordedError } from './recording.js';

/**
 * The answers of a target's detail and companion calls, as recorded (`responses['kms:DescribeKey']`):
 * a detail answer is found by the fields of its request (`{ KeyId }`), a companion's is its one page.
 * Each operation is indexed once, on first use.
 */
export class RecordedDetails {
  readonly #indexes = new Map<string, Map<string, AwsObject>>();

  constructor(readonly responses: Record<string, unknown[]>) {}

  detail(key: string, request?: Record<string, string>): AwsObject | Unknown {
    const operation = key.split(':')[1] ?? key;
    const entries = this.responses[key];
    if (entries === undefined) return new Unknown(`${operation} was not read`);
    let answer: unknown;
    if (request === undefined) {
      answer = entries[0];
    } else {
      const fields = Object.keys(request).sort();
      const indexKey = `${key} ${fields.join(',')}`;
      let index = this.#indexes.get(indexKey);
      if (!index) {
        index = new Map();
        for (const entry of entries) if (isAwsObject(entry)) index.set(project(entry, fields), entry);
        this.#indexes.set(indexKey, index);
      }
      answer = index.get(project(request, fields));
    }
    if (answer === undefined) return new Unknown(`${operation} was not read${request ? ` for ${Object.values(request).join(' ')}` : ''}`);
    if (isRecordedError(answer)) return new Unknown(`${operation} failed: ${answer.Error.Code}`);
    return isAwsObject(answer) ? answer : new Unknown(`${operation} answered with no object`);
  }
}

function project(object: AwsObject, fields: readonly string[]): string {
  return JSON.stringify(fields.map((name) => field(object, name) ?? null));
}
