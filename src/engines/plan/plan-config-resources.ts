import type { Resource } from '../../model/resource.js';
import { TERRAFORM_PROVIDER_TYPE, TERRAFORM_VARIABLE_TYPE, configResource } from '../../model/terraform-config.js';
import { Unknown } from '../../model/unknown.js';
import type { Value, ValueObject } from '../../model/value.js';

interface ProviderConfig {
  name?: unknown;
  alias?: unknown;
  module_address?: unknown;
  expressions?: unknown;
}

/**
 * The provider configurations and root input variables of a plan's `configuration` section as pseudo
 * resources (model/terraform-config.ts). A provider's values are its constant expressions; a
 * variable's `default` is always a literal (Terraform allows nothing else there). The values given
 * to variables (plan `variables`) may come from the environment, so they are not described.
 */
export function planConfigResources(configuration: unknown, input: string): Resource[] {
  if (typeof configuration !== 'object' || configuration === null) return [];
  const out: Resource[] = [];
  const { provider_config: providers, root_module: root } = configuration as { provider_config?: unknown; root_module?: { variables?: unknown } };
  if (typeof providers === 'object' && providers !== null) {
    for (const provider of Object.values(providers as Record<string, ProviderConfig>)) {
      if (typeof provider !== 'object' || provider === null || typeof provider.name !== 'string') continue;
      const local = typeof provider.alias === 'string' ? `${provider.name}.${provider.alias}` : provider.name;
      const modulePath = typeof provider.module_address === 'string' ? provider.module_address : '';
      const values: ValueObject = {};
      const literals: string[] = [];
      const expressions = typeof provider.expressions === 'object' && provider.expressions !== null ? (provider.expressions as Record<string, unknown>) : {};
      for (const [name, expression] of Object.entries(expressions)) {
        const constant = typeof expression === 'object' && expression !== null ? (expression as { constant_value?: unknown }).constant_value : undefined;
        if (constant === undefined) {
          // The plan shows a provider's expressions, not their values.
          values[name] = new Unknown(`provider ${local} sets ${name} from an expression whose value the plan does not show`);
          continue;
        }
        values[name] = constant as Value;
        if (typeof constant === 'string') literals.push(name);
      }
      out.push(pseudo(TERRAFORM_PROVIDER_TYPE, `${modulePath ? `${modulePath}.` : ''}provider.${local}`, local, modulePath, input, values, Object.keys(expressions), literals));
    }
  }
  const variables = root?.variables;
  if (typeof variables === 'object' && variables !== null) {
    for (const [name, variable] of Object.entries(variables as Record<string, { default?: unknown; sensitive?: unknown }>)) {
      if (typeof variable !== 'object' || variable === null) continue;
      const sensitive = variable.sensitive === true;
      const values: ValueObject = { sensitive };
      if (variable.default !== undefined) values['default'] = variable.default as Value;
      const resource = pseudo(TERRAFORM_VARIABLE_TYPE, `var.${name}`, name, '', input, values, Object.keys(values), typeof variable.default === 'string' ? ['default'] : []);
      if (sensitive) resource.sensitive = { default: true };
      out.push(resource);
    }
  }
  return out;
}

function pseudo(type: string, address: string, name: string, modulePath: string, input: string, values: ValueObject, configured: string[], literals: string[]): Resource {
  return configResource({ type, address, name, modulePath, input, source: 'plan', values, configuredAttributes: configured, literalAttributes: literals });
}
