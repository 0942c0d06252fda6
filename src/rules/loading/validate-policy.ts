import { Ajv, type ErrorObject } from 'ajv';
import ajvFormats from 'ajv-formats';
import { messageTemplateProblems } from '../policy-messages.js';
import { SEVERITIES } from '../severity.js';

/** What every policy must declare, checked before a loaded policy runs (TypeScript users get it from types; JavaScript users from this). */
const POLICY_METADATA_SCHEMA = {
  type: 'object',
  required: ['id', 'title', 'severity', 'description', 'remediation'],
  properties: {
    id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' },
    title: { type: 'string', minLength: 1 },
    severity: { enum: [...SEVERITIES] },
    description: { type: 'string', minLength: 1 },
    remediation: { type: 'string', minLength: 1 },
    helpUri: { type: 'string', format: 'uri' },
    frameworks: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string', minLength: 1 } } },
    tags: { type: 'array', items: { type: 'string', minLength: 1 } },
    resourceTypes: { type: 'array', items: { type: 'string', minLength: 1 } },
    options: {
      type: 'object',
      required: ['schema', 'defaults'],
      additionalProperties: false,
      properties: { schema: { type: 'object' }, defaults: { type: 'object' } },
    },
  },
} as const;

const ajv = new Ajv({ allErrors: true, strict: false });
ajvFormats.default(ajv);
const validateMetadata = ajv.compile(POLICY_METADATA_SCHEMA);

/**
 * Problems with a policy object's metadata, options schema and defaults, one short sentence each;
 * empty when it can run.
 */
export function policyProblems(candidate: unknown): string[] {
  if (typeof candidate !== 'object' || candidate === null || Array.isArray(candidate)) return ['a policy must be an object (use definePolicy)'];
  const policy = candidate as Record<string, unknown>;
  const problems: string[] = [];
  if (!validateMetadata(policy)) problems.push(...(validateMetadata.errors ?? []).map(describeMetadataError));
  problems.push(...messageTemplateProblems(policy['messages']));
  if (typeof policy['check'] !== 'function') problems.push('check must be a function (context) => void');
  if (policy['readsTypes'] !== undefined && typeof policy['readsTypes'] !== 'function') problems.push('readsTypes must be a function (options) => string[]');
  const options = policy['options'] as { schema?: unknown; defaults?: unknown } | undefined;
  if (problems.length === 0 && options) problems.push(...optionsProblems(options.schema as object, options.defaults));
  return problems;
}

/** An options schema must compile, and the policy's own defaults must satisfy it. */
function optionsProblems(schema: object, defaults: unknown): string[] {
  let validate;
  try {
    validate = ajv.compile(schema);
  } catch (error) {
    return [`options.schema is not a valid JSON Schema: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`];
  }
  if (validate(defaults)) return [];
  return (validate.errors ?? []).map((e) => `options.defaults${e.instancePath.replaceAll('/', '.')} ${e.message ?? 'is invalid'} (per options.schema)`);
}

function describeMetadataError(error: ErrorObject): string {
  const field = error.instancePath === '' ? '' : error.instancePath.slice(1).replaceAll('/', '.');
  switch (error.keyword) {
    case 'required':
      return `${String(error.params['missingProperty'])} is required`;
    case 'enum':
      return `${field} must be one of ${(error.params['allowedValues'] as unknown[]).map(String).join(', ')}`;
    case 'pattern':
      return field === 'id' ? 'id must be a lower-case slug (a-z, 0-9, -)' : `${field} ${error.message}`;
    case 'minLength':
      return `${field} must not be empty`;
    default:
      return `${field || 'the policy'} ${error.message ?? 'is invalid'}`;
  }
}
