import { isUnknown, Unknown } from '../../model/unknown.js';
import { field, isAwsObject, type AwsObject } from './aws-object.js';
import { isRecordedError } from './recording.js';

/**
 * The answers of a target's detail and companion calls, as recorded (`responses['kms:DescribeKey']`):
 * a detail answer is found by the fields of its request (`{ KeyId }`), a companion's is its one page.
 * Each operation is indexed once, on first use.
 */
export class RecordedDetails {
  readonly #indexes = new Map<string, Map<string, AwsObject[]>>();

  constructor(readonly responses: Record<string, unknown[]>) {}

  detail(key: string, request?: Record<string, string>): AwsObject | Unknown {
    const pages = this.detailPages(key, request);
    return isUnknown(pages) ? pages : (pages[0] as AwsObject);
  }

  /** Every recorded page of the call (a paginated detail call records one entry per page), or Unknown. */
  detailPages(key: string, request?: Record<string, string>): AwsObject[] | Unknown {
    const operation = key.split(':')[1] ?? key;
    const entries = this.responses[key];
    if (entries === undefined) return new Unknown(`${operation} was not read`);
    let answers: unknown[] | undefined;
    if (request === undefined) {
      answers = entries.slice(0, 1);
    } else {
      const fields = Object.keys(request).sort();
      const indexKey = `${key} ${fields.join(',')}`;
      let index = this.#indexes.get(indexKey);
      if (!index) {
        index = new Map();
        for (const entry of entries) {
          if (!isAwsObject(entry)) continue;
          const at = project(entry, fields);
          const found = index.get(at);
          if (found) found.push(entry);
          else index.set(at, [entry]);
        }
        this.#indexes.set(indexKey, index);
      }
      answers = index.get(project(request, fields));
    }
    if (!answers || answers.length === 0) return new Unknown(`${operation} was not read${request ? ` for ${Object.values(request).join(' ')}` : ''}`);
    const failed = answers.find(isRecordedError);
    if (failed) return new Unknown(`${operation} failed: ${failed.Error.Code}`);
    return answers.every(isAwsObject) ? answers : new Unknown(`${operation} answered with no object`);
  }
}

function project(object: AwsObject, fields: readonly string[]): string {
  return JSON.stringify(fields.map((name) => field(object, name) ?? null));
}
