/** The fields of an HCP Terraform run task request that the service uses. */
export interface RunTaskPayload {
  accessToken: string;
  stage: string;
  runId: string;
  callbackUrl: string;
  planJsonUrl?: string;
  runAppUrl?: string;
}

/** HCP Terraform sends this token in the test request it makes when a run task is created. */
export const VERIFICATION_TOKEN = 'verification-token';

/** Reads a run task request body; throws a one-line reason when it is not one. */
export function readRunTaskPayload(text: string): RunTaskPayload {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error('run task request: not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('run task request: not a JSON object');
  const body = value as Record<string, unknown>;
  if (body['payload_version'] !== 1) throw new Error(`run task request: payload_version ${JSON.stringify(body['payload_version'] ?? null)} is not supported (expected 1)`);
  const text_ = (name: string, required: boolean): string | undefined => {
    const v = body[name];
    if (typeof v === 'string' && v !== '') return v;
    if (required || (v !== undefined && v !== null && v !== '')) throw new Error(`run task request: ${name} must be a non-empty string`);
    return undefined;
  };
  const planJsonUrl = text_('plan_json_api_url', false);
  const runAppUrl = text_('run_app_url', false);
  return {
    accessToken: text_('access_token', true)!,
    stage: text_('stage', true)!,
    runId: text_('run_id', true)!,
    callbackUrl: text_('task_result_callback_url', true)!,
    ...(planJsonUrl ? { planJsonUrl } : {}),
    ...(runAppUrl ? { runAppUrl } : {}),
  };
}
