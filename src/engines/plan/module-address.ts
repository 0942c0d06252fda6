/** One step of a module instance address: `module.net["a"]` → { name: 'net', key: '["a"]' }. */
export interface ModuleStep {
  name: string;
  /** The instance key with its brackets (`[0]`, `["a"]`), '' for a single instance. */
  key: string;
}

/** Splits `module.a["x"].module.b[0]` into its steps; keys may contain dots and brackets inside quotes. */
export function parseModuleAddress(address: string): ModuleStep[] {
  const steps: ModuleStep[] = [];
  let i = 0;
  while (i < address.length) {
    if (!address.startsWith('module.', i)) break;
    i += 'module.'.length;
    let nameEnd = i;
    while (nameEnd < address.length && address[nameEnd] !== '.' && address[nameEnd] !== '[') nameEnd++;
    const name = address.slice(i, nameEnd);
    i = nameEnd;
    let key = '';
    if (address[i] === '[') {
      const end = closingBracket(address, i);
      key = address.slice(i, end + 1);
      i = end + 1;
    }
    steps.push({ name, key });
    if (address[i] === '.') i++;
  }
  return steps;
}

export function formatModuleAddress(steps: readonly ModuleStep[]): string {
  return steps.map((s) => `module.${s.name}${s.key}`).join('.');
}

/** The configuration path of a module instance (instance keys dropped): `net.sub`. */
export function configPathOf(steps: readonly ModuleStep[]): string {
  return steps.map((s) => s.name).join('.');
}

/** Index of the `]` closing the `[` at `open`, skipping quoted strings. */
export function closingBracket(text: string, open: number): number {
  let inString = false;
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === ']') return i;
  }
  return text.length - 1;
}

/** Renders a count/for_each key as Terraform writes it in an address: `[0]`, `["a"]`. */
export function formatIndex(index: unknown): string {
  if (index === undefined || index === null) return '';
  return typeof index === 'number' ? `[${index}]` : `[${JSON.stringify(String(index))}]`;
}
