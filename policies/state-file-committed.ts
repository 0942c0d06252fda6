import { TERRAFORM_STATE_FILE_TYPE, definePolicy, knownString } from '../src/api.js';

export const stateFileCommitted = definePolicy({
  id: 'state-file-committed',
  title: 'Terraform state file in the source tree',
  severity: 'high',
  description:
    'A *.tfstate or *.tfstate.backup file lies inside the scanned source tree (outside .terraform/). State files hold every ' +
    'secret the configuration touches in plain text; once committed, they stay in the repository history.',
  remediation:
    'Delete the file, add *.tfstate and *.tfstate.* to .gitignore, move the state to a remote backend (for example S3 with ' +
    'encrypt and use_lockfile), and rotate the secrets it held if it was ever pushed (history rewriting alone is not enough).',
  tags: ['terraform-state', 'secrets'],
  resourceTypes: [TERRAFORM_STATE_FILE_TYPE],
  messages: {
    stateFile: '{{path}} is a Terraform state file inside the source tree',
    backupFile: '{{path}} is a Terraform state backup file inside the source tree',
  },
  check(context) {
    for (const file of context.inventory.ofType(TERRAFORM_STATE_FILE_TYPE)) {
      const path = knownString(file.values['path']) ?? file.address;
      context.fail({
        resource: file,
        messageId: file.values['backup'] === true ? 'backupFile' : 'stateFile',
        data: { path },
        evidence: [{ path: 'path', value: path }],
      });
    }
  },
});
