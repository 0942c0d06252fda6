import { createHmac, timingSafeEqual } from 'node:crypto';

/** True when `X-Tfc-Task-Signature` is the HMAC-SHA512 (hex) of the exact body bytes under the run task's key. */
export function validTaskSignature(body: string, header: string | undefined, key: string): boolean {
  if (!header || !/^[0-9a-f]{128}$/i.test(header)) return false;
  const expected = createHmac('sha512', key).update(body).digest();
  return timingSafeEqual(expected, Buffer.from(header, 'hex'));
}
