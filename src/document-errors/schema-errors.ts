import type { ErrorObject } from 'ajv';

/** Ajv's errors as one readable line (`tags.Owner must be string; unknown option "x"`), for one-line errors. */
export function describeErrors(errors: readonly ErrorObject[]): string {
  return errors
    .map((e) => {
      const at = e.instancePath === '' ? '' : `${e.instancePath.slice(1).replaceAll('/', '.')} `;
      if (e.keyword === 'additionalProperties') return `unknown option "${String(e.params['additionalProperty'])}"`;
      if (e.keyword === 'enum') return `${at}must be one of ${(e.params['allowedValues'] as unknown[]).map(String).join(', ')}`;
      return `${at}${e.message ?? 'is invalid'}`;
    })
    .join('; ');
}
