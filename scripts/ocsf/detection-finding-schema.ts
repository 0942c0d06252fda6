/**
 * A JSON Schema (draft 2020-12) of one OCSF class, derived from the OCSF server's compiled export
 * (`<version>.json`: classes with inherited and profile attributes merged, objects, type dictionary).
 * Only what the class can reach is written. Attributes a profile brings are required only when that
 * profile is applied; every object is closed (an attribute OCSF does not define is an error), except
 * OCSF's open `object` type (`unmapped`); integer enums are closed; `at_least_one` / `just_one`
 * constraints are kept.
 */

interface OcsfAttribute {
  type: string;
  requirement?: string;
  is_array?: boolean;
  object_type?: string;
  enum?: Record<string, unknown>;
  profiles?: string[] | null;
}

interface OcsfObject {
  attributes: Record<string, OcsfAttribute>;
  constraints?: { at_least_one?: string[]; just_one?: string[] };
}

interface OcsfClass extends OcsfObject {
  uid: number;
  caption: string;
}

export interface OcsfExport {
  version: string;
  classes: Record<string, OcsfClass>;
  objects: Record<string, OcsfObject>;
  dictionary: { types: { attributes: Record<string, { type?: string; range?: [number, number] }> } };
}

type Schema = Record<string, unknown>;

const JSON_TYPES: Record<string, string> = {
  string_t: 'string',
  integer_t: 'integer',
  long_t: 'integer',
  float_t: 'number',
  boolean_t: 'boolean',
};

/** The schema of class `className` as events carrying `profiles` (metadata.profiles) must look. */
export function classSchema(ocsf: OcsfExport, className: string, profiles: readonly string[]): Schema {
  const ocsfClass = ocsf.classes[className];
  if (!ocsfClass) throw new Error(`OCSF ${ocsf.version} has no class ${className}`);
  const defs: Record<string, Schema> = {};
  const pending: string[] = [];
  const context = { ocsf, profiles, reach: (name: string) => (name in defs || pending.includes(name) ? undefined : pending.push(name)) };
  const root = objectSchema(ocsfClass, context);
  while (pending.length > 0) {
    const name = pending.shift()!;
    const object = ocsf.objects[name];
    if (!object) throw new Error(`OCSF ${ocsf.version} has no object ${name}`);
    defs[name] = objectSchema(object, context);
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://schema.ocsf.io/${ocsf.version}/classes/${className}`,
    title: `OCSF ${ocsf.version} ${ocsfClass.caption} (class_uid ${ocsfClass.uid}), profiles: ${profiles.join(', ')}`,
    description: `Derived by scripts/ocsf/build-detection-finding-schema.ts from the OCSF ${ocsf.version} compiled schema; do not edit.`,
    ...root,
    $defs: Object.fromEntries(Object.keys(defs).sort().map((name) => [name, defs[name]!])),
  };
}

interface Context {
  ocsf: OcsfExport;
  profiles: readonly string[];
  reach(name: string): void;
}

function objectSchema(object: OcsfObject, context: Context): Schema {
  const names = Object.keys(object.attributes).sort();
  // OCSF's `object` type has no attributes: any JSON object.
  if (names.length === 0) return { type: 'object' };
  const required = names.filter((name) => {
    const attribute = object.attributes[name]!;
    return attribute.requirement === 'required' && (attribute.profiles ?? []).every((profile) => context.profiles.includes(profile));
  });
  const { at_least_one: atLeastOne, just_one: justOne } = object.constraints ?? {};
  return {
    type: 'object',
    properties: Object.fromEntries(names.map((name) => [name, attributeSchema(object.attributes[name]!, context)])),
    ...(required.length > 0 ? { required } : {}),
    additionalProperties: false,
    ...(atLeastOne ? { anyOf: atLeastOne.map((name) => ({ required: [name] })) } : {}),
    ...(justOne ? { oneOf: justOne.map((name) => ({ required: [name] })) } : {}),
  };
}

function attributeSchema(attribute: OcsfAttribute, context: Context): Schema {
  const item = valueSchema(attribute, context);
  return attribute.is_array ? { type: 'array', items: item } : item;
}

function valueSchema(attribute: OcsfAttribute, context: Context): Schema {
  if (attribute.type === 'object_t') {
    const name = attribute.object_type!;
    context.reach(name);
    return { $ref: `#/$defs/${encodeURIComponent(name).replaceAll('%2F', '~1')}` };
  }
  const { type, range } = baseType(attribute.type, context.ocsf);
  if (type === undefined) return {};
  const schema: Schema = { type };
  if (range) Object.assign(schema, { minimum: range[0], maximum: range[1] });
  if (type === 'integer' && attribute.enum) schema['enum'] = Object.keys(attribute.enum).map(Number).sort((a, b) => a - b);
  return schema;
}

/** The JSON type of an OCSF type (`port_t` is an `integer_t` within a range); undefined for `json_t`, which may be anything. */
function baseType(name: string, ocsf: OcsfExport): { type?: string; range?: [number, number] } {
  if (name in JSON_TYPES) return { type: JSON_TYPES[name]! };
  if (name === 'json_t') return {};
  const derived = ocsf.dictionary.types.attributes[name];
  if (!derived?.type) throw new Error(`OCSF ${ocsf.version}: unknown type ${name}`);
  return { ...baseType(derived.type, ocsf), ...(derived.range ? { range: derived.range } : {}) };
}
