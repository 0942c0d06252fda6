import { TERRAFORM_BACKEND_TYPE, definePolicy, isUnknown, knownString } from '../src/api.js';

export const stateBackendUnlocked = definePolicy({
  id: 'state-backend-unlocked',
  title: 'Terraform state backend does not lock the state',
  severity: 'medium',
  description:
    'An S3 state backend has neither dynamodb_table nor use_lockfile = true, so two runs (two CI jobs, or a person and a ' +
    'pipeline) can write the state at the same time and corrupt it or lose resources from it.',
  remediation:
    'Set use_lockfile = true in the backend "s3" block (Terraform 1.10+, S3 conditional writes), or dynamodb_table naming a ' +
    'DynamoDB table with a LockID string hash key; then run terraform init -reconfigure.',
  tags: ['terraform-state', 'reliability'],
  resourceTypes: [TERRAFORM_BACKEND_TYPE],
  messages: {
    locked: 'the S3 state backend locks the state ({{how}})',
    lockUnknown: 'cannot tell whether the S3 state backend locks the state',
    unlocked: 'the S3 state backend does not lock the state: neither dynamodb_table nor use_lockfile = true is set',
  },
  check(context) {
    for (const backend of context.inventory.ofType(TERRAFORM_BACKEND_TYPE)) {
      if (backend.values['type'] !== 's3') continue;
      const table = backend.values['dynamodb_table'];
      const lockfile = backend.values['use_lockfile'];
      if ((knownString(table) ?? '') !== '' || lockfile === true || lockfile === 'true') {
        const how = lockfile === true || lockfile === 'true' ? 'use_lockfile = true' : `dynamodb_table = ${JSON.stringify(knownString(table))}`;
        context.pass({ resource: backend, messageId: 'locked', data: { how } });
      } else if (isUnknown(table)) {
        context.unknown({ resource: backend, path: 'dynamodb_table', messageId: 'lockUnknown', reason: table });
      } else if (isUnknown(lockfile)) {
        context.unknown({ resource: backend, path: 'use_lockfile', messageId: 'lockUnknown', reason: lockfile });
      } else {
        context.fail({
          resource: backend,
          ...(lockfile !== undefined && lockfile !== null ? { path: 'use_lockfile' } : {}),
          messageId: 'unlocked',
          evidence: [
            { path: 'dynamodb_table', value: table ?? null },
            { path: 'use_lockfile', value: lockfile ?? null },
          ],
        });
      }
    }
  },
});
