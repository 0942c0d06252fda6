/** Where and how the service talks back to HCP Terraform. */
export interface HcpClientOptions {
  /** Origins (`https://app.terraform.io`) the service may send a run's token to or read a plan from. */
  allowedOrigins: readonly string[];
  /** Bytes of plan JSON read at most. */
  maxPlanBytes: number;
  timeoutMs: number;
}

export const DEFAULT_HCP_ORIGINS = ['https://app.terraform.io', 'https://archivist.terraform.io'];

const MAX_REDIRECTS = 3;

/** The origin of a URL when it is allow-listed; throws naming the URL's origin (never its query, which may hold a token). */
function allowed(url: string, options: HcpClientOptions, what: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`${what} is not a URL`);
  }
  if (!options.allowedOrigins.includes(parsed.origin)) throw new Error(`${what} ${parsed.origin} is not an allowed HCP Terraform origin (--hcp-origin)`);
  return parsed;
}

/**
 * Reads a run's plan JSON: with the run's token, only from allow-listed origins (redirects too: HCP
 * Terraform answers with a redirect to its archive), at most maxPlanBytes, within the time limit.
 * The token is sent only to the origin of the first URL, never to a redirect target elsewhere.
 */
export async function fetchPlanJson(url: string, token: string, options: HcpClientOptions): Promise<string> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  let target = allowed(url, options, 'plan_json_api_url');
  const origin = target.origin;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (target.origin === origin) headers['Authorization'] = `Bearer ${token}`;
    const response = await fetch(target, { headers, redirect: 'manual', signal });
    if (response.status >= 300 && response.status < 400 && response.headers.get('location')) {
      await response.body?.cancel();
      target = allowed(new URL(response.headers.get('location')!, target).href, options, 'plan JSON redirect');
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new Error(`reading the plan JSON: HTTP ${response.status}`);
    }
    return readCapped(response, options.maxPlanBytes);
  }
  throw new Error('reading the plan JSON: too many redirects');
}

async function readCapped(response: Response, max: number): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > max) {
    await response.body?.cancel();
    throw new Error(`the plan JSON is larger than ${max} bytes: scan it with \`warden scan\``);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += (chunk as Uint8Array).byteLength;
    if (size > max) throw new Error(`the plan JSON is larger than ${max} bytes: scan it with \`warden scan\``);
    chunks.push(chunk as Uint8Array);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Sends the task result (a JSON:API document) to the run's callback URL. */
export async function sendTaskResult(callbackUrl: string, token: string, body: unknown, options: HcpClientOptions): Promise<void> {
  const target = allowed(callbackUrl, options, 'task_result_callback_url');
  const response = await fetch(target, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/vnd.api+json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
    redirect: 'error',
    signal: AbortSignal.timeout(options.timeoutMs),
  });
  await response.body?.cancel();
  if (!response.ok) throw new Error(`sending the task result: HTTP ${response.status}`);
}
