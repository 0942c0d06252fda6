import { TERRAFORM_PROVIDER_TYPE, TERRAFORM_VARIABLE_TYPE, definePolicy, isSensitive, isUnknown, valueAt, type PolicyContext, type Resource, type Value } from '../src/api.js';

/**
 * Attributes that hold a credential, by resource type; '*' applies to every type. Names matching
 * SECRET_NAME hold one on any type. Everything else is judged by its text (access key ids, private keys).
 */
const SECRET_ATTRIBUTES: Record<string, readonly string[]> = {
  [TERRAFORM_PROVIDER_TYPE]: ['access_key', 'secret_key', 'token'],
  [TERRAFORM_VARIABLE_TYPE]: ['default', 'value'],
  aws_secretsmanager_secret_version: ['secret_string', 'secret_binary'],
  aws_elasticache_replication_group: ['auth_token'],
  aws_elasticache_user: ['passwords'],
  aws_iam_user_login_profile: ['password'],
  aws_ssm_parameter: ['value', 'insecure_value'],
  '*': ['auth_token', 'secret_string', 'secret_string_wo'],
};
/** `password`, `master_password`, `client_secret` … on any type, and their write-only forms (`password_wo`). */
const SECRET_NAME = /^(?:[a-z0-9_]*_)?(?:password|passwd|secret)(?:_wo)?$/;

/** An AWS access key id: AKIA (long-term) or ASIA (temporary), then 16 base32 characters. */
const ACCESS_KEY_ID = /\b(?:AKIA|ASIA)[A-Z2-7]{16}\b/;
const ACCESS_KEY_ID_LENGTH = 20;
/** A PEM private key of any algorithm (RSA, EC, OPENSSH, ENCRYPTED …). */
const PRIVATE_KEY = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/;

type Kind = 'attribute' | 'accessKeyId' | 'privateKey';

const NO_PATHS: readonly string[] = [];

export const secretInCode = definePolicy({
  id: 'secret-in-code',
  title: 'Secret written literally in Terraform code',
  severity: 'high',
  description:
    'A credential is written as a literal in Terraform source (.tf, .tfvars) or in the configuration section of a plan, instead of being ' +
    'supplied at run time. Reported: (1) a literal string in an attribute that holds a credential — any attribute named `password`, ' +
    '`*_password`, `*_secret`, `secret_string` or `auth_token`, `access_key`/`secret_key`/`token` of a provider block, and a small table ' +
    'per type (aws_ssm_parameter `value`, aws_elasticache_user `passwords`, aws_secretsmanager_secret_version `secret_binary`); ' +
    '(2) a literal `default` of a variable marked `sensitive = true`, and a `.tfvars` value given to such a variable; (3) any literal ' +
    'string attribute that contains an AWS access key id (AKIA/ASIA followed by 16 base32 characters) or a PEM private key ' +
    '(`-----BEGIN … PRIVATE KEY-----`), also inside a map or list written in the code (a Lambda function\'s environment ' +
    'variables: the finding names the entry; in a plan only a map or list wholly written as constants, since Terraform ' +
    'records no constant_value for one that mixes in a reference). Write-only forms (`password_wo`, `secret_string_wo`) are judged alike. A value that comes from a variable without a literal default, a data source ' +
    '(data.aws_secretsmanager_secret_version), a resource (random_password), an ephemeral resource or a function call is not a ' +
    'literal and passes; so does `manage_master_user_password = true`, which leaves no password attribute to set. ' +
    'Placeholders: only the empty string is ignored; `changeme` and the like are reported, because AWS accepts them and they get ' +
    'deployed. Access key ids ending in EXAMPLE (the AWS documentation keys) are ignored. In a plan, the literal is read from ' +
    '`configuration` (`constant_value` rather than `references`); a plan without a configuration section cannot tell a literal ' +
    'from a reference, so a credential attribute with a value there is unknown. Live resources: not applicable — an account does not ' +
    'show how a value was written, so the policy reports nothing on live inventories (no verdict at all). The finding shows at most a ' +
    'masked hint (the last 4 characters of an access key id, or the length of the value), never the secret. No CIS or FSBP ' +
    'control covers secrets in infrastructure code (FSBP CodeBuild.1/CodeBuild.2 concern CodeBuild only), so none is mapped.',
  remediation:
    'Remove the literal and rotate the credential: it is in the repository history. Supply it at run time instead: a variable marked ' +
    '`sensitive = true` without a default (set through TF_VAR_… or a secret store in CI), `data "aws_secretsmanager_secret_version"`, ' +
    '`random_password` or an ephemeral resource, or let RDS manage the master password (`manage_master_user_password = true`). For ' +
    'provider credentials use the standard credential chain (environment, profile, role) instead of provider arguments.',
  frameworks: {
    'PCI DSS 4.0': ['8.3.2', '8.6.2'],
  },
  tags: ['secrets', 'CWE-798'],
  // Reads only source and plan configuration (every type may hold a literal); live inventories carry no literals, so collect nothing.
  resourceTypes: [],
  messages: {
    literal: '{{resource}} writes {{attribute}} as a literal ({{hint}})',
    accessKeyId: '{{resource}} writes an AWS access key id in {{attribute}} ({{hint}})',
    privateKey: '{{resource}} writes a private key in {{attribute}} ({{hint}})',
    notLiteral: '{{resource}} supplies {{attribute}} at run time, not as a literal',
    managed: '{{resource}} lets RDS manage the master password in Secrets Manager (manage_master_user_password = true)',
    noConfiguration: '{{resource}}: cannot tell whether {{attribute}} is a literal or a reference',
  },
  check(context) {
    const names = new SecretNames();
    // Two loops rather than one over a copy of both lists: the resources of a large plan are 50k.
    for (const resources of [context.inventory.resources, context.inventory.configuration]) {
      for (const resource of resources) if (resource.source !== 'live') checkResource(context, resource, names);
    }
  },
});

function checkResource(context: PolicyContext<Record<string, never>>, resource: Resource, names: SecretNames): void {
  if (resource.values['manage_master_user_password'] === true) {
    context.pass({ resource, element: 'manage_master_user_password', messageId: 'managed', data: { resource: resource.address } });
  }
  const literals = resource.literalAttributes;
  // Made on the first failing literal: nearly every resource has none.
  let judged: Set<string> | undefined;
  const paths = literals ?? NO_PATHS;
  const steps = names.stepsOf(paths);
  for (let i = 0; i < paths.length; i++) {
    const path = paths[i]!;
    const text = revealedString(valueAt(resource.values, steps[i]!));
    if (text === undefined || text === '') continue;
    const kind = kindOf(resource, path, text, names);
    if (!kind) continue;
    (judged ??= new Set()).add(topName(path));
    const data = { resource: resource.address, attribute: path, hint: hintOf(text) };
    context.fail({ resource, element: path, path, messageId: kind === 'attribute' ? 'literal' : kind, data, evidence: [{ path, value: data.hint, note: 'masked: the secret itself is never shown' }] });
  }
  // Credential attributes that are set but not written as literals: a pass, or unknown when the source cannot tell.
  for (const name of names.secretAmong(resource.type, resource.configuredAttributes ?? Object.keys(resource.values))) {
    if (judged?.has(name)) continue;
    if (resource.type === TERRAFORM_VARIABLE_TYPE && resource.values['sensitive'] !== true) continue;
    const value = resource.values[name];
    if (value === undefined || value === null || value === '' || typeof value === 'boolean') continue;
    const data = { resource: resource.address, attribute: name };
    if (literals === undefined && !isUnknown(value)) {
      context.unknown({ resource, element: name, path: name, messageId: 'noConfiguration', data, reason: 'the plan has no configuration section for it, so a literal cannot be told from a reference' });
    } else if (!literals?.includes(name)) {
      context.pass({ resource, element: name, messageId: 'notLiteral', data });
    }
  }
}

function kindOf(resource: Resource, path: string, text: string, names: SecretNames): Kind | undefined {
  // A variable's default or tfvars value is a credential only when the variable is marked sensitive (see the description).
  const secretVariable = resource.type !== TERRAFORM_VARIABLE_TYPE || resource.values['sensitive'] === true;
  if (secretVariable && names.isSecretPath(resource.type, path)) return 'attribute';
  // Shorter than an access key id (20 characters) or a PEM header: most literals (`t3.micro`, `tcp`) end here.
  if (text.length < ACCESS_KEY_ID_LENGTH) return undefined;
  if (PRIVATE_KEY.test(text)) return 'privateKey';
  const key = ACCESS_KEY_ID.exec(text)?.[0];
  if (key && !key.endsWith('EXAMPLE')) return 'accessKeyId';
  return undefined;
}

/**
 * Whether an attribute (by name, or by path) holds a credential, remembered for one run: every
 * resource of a type has the same attribute names, and a large plan has thousands of each type.
 */
class SecretNames {
  readonly #byType = new Map<string, Map<string, boolean>>();
  readonly #pathNames = new Map<string, string>();
  /** The instances of one plan block share one list of configured attributes, so each list is filtered once per type. */
  readonly #secretLists = new WeakMap<readonly string[], Map<string, readonly string[]>>();
  readonly #steps = new WeakMap<readonly string[], readonly (string | readonly string[])[]>();

  isSecret(type: string, name: string): boolean {
    let names = this.#byType.get(type);
    if (!names) this.#byType.set(type, (names = new Map()));
    let secret = names.get(name);
    if (secret === undefined) names.set(name, (secret = isSecretName(type, name)));
    return secret;
  }

  isSecretPath(type: string, path: string): boolean {
    let name = this.#pathNames.get(path);
    if (name === undefined) this.#pathNames.set(path, (name = attributeName(path)));
    return this.isSecret(type, name);
  }

  /** Each path of the list split into its steps, once per list: the instances of one plan block share it, and splitting per read made new strings. */
  stepsOf(paths: readonly string[]): readonly (string | readonly string[])[] {
    let steps = this.#steps.get(paths);
    if (!steps) this.#steps.set(paths, (steps = paths.map((path) => (path.includes('.') ? path.split('.') : path))));
    return steps;
  }

  /** The names of the list that hold a credential on this type, in list order. */
  secretAmong(type: string, names: readonly string[]): readonly string[] {
    let byType = this.#secretLists.get(names);
    if (!byType) this.#secretLists.set(names, (byType = new Map()));
    let secret = byType.get(type);
    if (!secret) byType.set(type, (secret = names.filter((name) => this.isSecret(type, name))));
    return secret;
  }
}

function isSecretName(type: string, name: string): boolean {
  return (SECRET_ATTRIBUTES[type]?.includes(name) ?? false) || SECRET_ATTRIBUTES['*']!.includes(name) || SECRET_NAME.test(name);
}

/** The attribute's own name: the last step that is not a list index (`user.0.password` → `password`). */
function attributeName(path: string): string {
  const steps = path.split('.').filter((step) => !/^\d+$/.test(step));
  return steps[steps.length - 1] ?? path;
}

function topName(path: string): string {
  return path.split('.')[0]!;
}

function revealedString(value: Value | undefined): string | undefined {
  const plain: unknown = isSensitive(value) ? value.reveal() : value;
  return typeof plain === 'string' ? plain : undefined;
}

/** What may be shown of a secret: the last 4 characters of an access key id (not secret on their own), else only its length. */
function hintOf(text: string): string {
  const key = ACCESS_KEY_ID.exec(text)?.[0];
  if (key) return `${key.slice(0, 4)}…${key.slice(-4)}`;
  if (PRIVATE_KEY.test(text)) return `a PEM private key, ${text.length} characters`;
  return `${text.length} characters`;
}
