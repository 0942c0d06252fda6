/** Where a live audit reads from: the Describe APIs, each account's AWS Config recorders, or a Config aggregator. */
export type LiveSource =
  | { kind: 'api' }
  | { kind: 'config' }
  /** `region`: where the aggregator lives (default: AWS_REGION / the profile's region). */
  | { kind: 'config-aggregator'; aggregator: string; region?: string };

/** `api`, `config` or `config-aggregator:NAME[@REGION]` → a LiveSource; undefined when the text is none of them. */
export function parseLiveSource(text: string): LiveSource | undefined {
  if (text === 'api' || text === 'config') return { kind: text };
  const match = /^config-aggregator:([^@]+)(?:@([a-z]{2}(?:-[a-z]+)+-\d+))?$/.exec(text);
  if (!match) return undefined;
  return { kind: 'config-aggregator', aggregator: match[1]!, ...(match[2] ? { region: match[2] } : {}) };
}

export function liveSourceName(source: LiveSource): string {
  if (source.kind !== 'config-aggregator') return source.kind;
  return `config-aggregator:${source.aggregator}${source.region ? `@${source.region}` : ''}`;
}
