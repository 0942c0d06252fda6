import reportSchema from '../../schemas/warden-report.schema.json' with { type: 'json' };
import requestSchema from '../../schemas/warden-request.schema.json' with { type: 'json' };
import { toolInfo } from '../version.js';

const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const error = (description: string) => ({ description, ...json(ref('Error')) });
const bearer = [{ bearer: [] }];

/** GET /openapi.json: every endpoint of `warden serve`, its bodies and answers (tests validate responses against it). */
export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: { title: 'warden decision service', version: toolInfo().version, description: 'Policy decisions for Terraform plans and resource requests (warden serve).' },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Error: { type: 'object', required: ['error'], additionalProperties: false, properties: { error: { type: 'string', description: 'One line: what is wrong and where' } } },
        Decision: {
          type: 'object',
          required: ['decision', 'requestId', 'policySet', 'report'],
          additionalProperties: false,
          properties: {
            decision: { enum: ['allow', 'deny'], description: 'allow only when `warden scan` with the same policies and failOn would exit 0' },
            requestId: { type: 'string' },
            policySet: { type: 'string', pattern: '^[0-9a-f]{64}$' },
            report: ref('Report'),
          },
        },
        Report: reportSchema,
        ResourceRequest: requestSchema,
        Plan: { type: 'object', required: ['format_version'], description: 'The output of `terraform show -json PLANFILE`' },
        Health: { type: 'object', required: ['status'], additionalProperties: false, properties: { status: { const: 'ok' } } },
        Ready: {
          type: 'object',
          required: ['status', 'policySet', 'policies'],
          additionalProperties: false,
          properties: { status: { const: 'ready' }, policySet: { type: 'string' }, policies: { type: 'integer', minimum: 0 } },
        },
        Policies: {
          type: 'object',
          required: ['policySet', 'failOn', 'unknown', 'policies'],
          additionalProperties: false,
          properties: {
            policySet: { type: 'string' },
            failOn: { enum: ['critical', 'high', 'medium', 'low', 'none'] },
            unknown: { enum: ['warn', 'fail', 'ignore'] },
            policies: {
              type: 'array',
              items: {
                type: 'object',
                required: ['id', 'title', 'severity', 'description', 'remediation', 'helpUri', 'frameworks', 'tags'],
                properties: { id: { type: 'string' }, title: { type: 'string' }, severity: { enum: ['critical', 'high', 'medium', 'low', 'info'] } },
              },
            },
          },
        },
        Inventories: {
          type: 'object',
          required: ['inventories'],
          additionalProperties: false,
          properties: {
            inventories: {
              type: 'array',
              items: {
                type: 'object',
                required: ['id', 'source', 'targets', 'resources', 'gaps'],
                additionalProperties: false,
                properties: {
                  id: { type: 'string', description: 'What a request names in inventory.id' },
                  source: { type: 'string', description: 'How the audit read it: api or config' },
                  collectedAt: { type: 'string' },
                  targets: { type: 'array', items: { type: 'string' }, description: 'ACCOUNT/REGION pairs it holds' },
                  resources: { type: 'integer', minimum: 0 },
                  gaps: { type: 'integer', minimum: 0, description: 'What the audit could not read: a request joining such a target is decided as incomplete' },
                },
              },
            },
          },
        },
        RunTaskAck: {
          type: 'object',
          required: ['status'],
          additionalProperties: false,
          properties: { status: { enum: ['accepted', 'verified'] }, runId: { type: 'string' } },
        },
      },
    },
    paths: {
      '/v1/evaluate': {
        post: {
          summary: 'Decide on a Terraform plan or a resource request',
          security: bearer,
          requestBody: { required: true, content: { 'application/json': { schema: { oneOf: [ref('Plan'), ref('ResourceRequest')] } } } },
          responses: {
            '200': { description: 'The decision and the findings (JSON report schema)', ...json(ref('Decision')) },
            '400': error('The body is not a readable plan or request (the reason `warden scan` gives)'),
            '401': error('No valid bearer token'),
            '413': error('The body is larger than the limit: scan large plans with `warden scan`'),
            '415': error('The body is not application/json'),
            '503': error('Too many evaluations at once (Retry-After), or the evaluation exceeded its time limit'),
          },
        },
      },
      '/v1/run-task': {
        post: {
          summary: 'HCP Terraform run task: verify the signature, answer at once, PATCH the result to the callback URL',
          parameters: [{ name: 'X-Tfc-Task-Signature', in: 'header', required: true, schema: { type: 'string' } }],
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } },
          responses: {
            '200': { description: 'Accepted (or a verification request answered)', ...json(ref('RunTaskAck')) },
            '400': error('Not a run task request'),
            '401': error('The signature does not match'),
            '404': error('Run tasks are not enabled'),
            '413': error('The body is larger than the limit'),
          },
        },
      },
      '/v1/policies': {
        get: { summary: 'The policies in force', security: bearer, responses: { '200': { description: 'The policy set', ...json(ref('Policies')) }, '401': error('No valid bearer token') } },
      },
      '/v1/inventories': {
        get: { summary: 'The saved inventories requests may join', security: bearer, responses: { '200': { description: 'Their ids and what they hold', ...json(ref('Inventories')) }, '401': error('No valid bearer token') } },
      },
      '/healthz': { get: { summary: 'The process answers', responses: { '200': { description: 'Alive', ...json(ref('Health')) } } } },
      '/readyz': { get: { summary: 'A policy set is loaded and evaluates', responses: { '200': { description: 'Ready', ...json(ref('Ready')) } } } },
      '/metrics': {
        get: {
          summary: 'Prometheus metrics',
          security: bearer,
          responses: { '200': { description: 'Prometheus text format', content: { 'text/plain': { schema: { type: 'string' } } } }, '401': error('No valid bearer token') },
        },
      },
      '/openapi.json': { get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1', ...json({ type: 'object' }) } } } },
    },
  };
}
