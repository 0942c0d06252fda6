/**
 * The code of an error thrown by an SDK call: the service's error code (`AccessDenied`,
 * `UnauthorizedOperation`, `OptInRequired`, `ThrottlingException` …, which SDK v3 puts in `name`),
 * else a network code (`ECONNREFUSED`, `ENOTFOUND`) or the error class (`TimeoutError`).
 */
export function awsErrorCode(error: unknown): string {
  if (typeof error !== 'object' || error === null) return 'UnknownError';
  const e = error as { name?: unknown; Code?: unknown; code?: unknown };
  if (typeof e.Code === 'string' && e.Code !== '') return e.Code;
  if (typeof e.name === 'string' && e.name !== '' && e.name !== 'Error') return e.name;
  if (typeof e.code === 'string' && e.code !== '') return e.code;
  return 'UnknownError';
}

/** The error's message on one line, with anything that looks like an access key or secret removed. */
export function awsErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return redactCredentials(message.split('\n')[0] ?? '').trim();
}

/** Access key ids (AKIA…, ASIA…) and 40-character secret-like strings never reach an output. */
export function redactCredentials(text: string): string {
  return text.replace(/\b(?:AKIA|ASIA|AIDA|AROA)[A-Z0-9]{12,}\b/g, '(redacted)').replace(/(?<![A-Za-z0-9/+=])[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])/g, '(redacted)');
}

/** Errors that mean the region's endpoint cannot be reached at all (not a refusal by the service). */
const UNREACHABLE = new Set(['TimeoutError', 'ETIMEDOUT', 'ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

export function isUnreachable(code: string): boolean {
  return UNREACHABLE.has(code);
}
