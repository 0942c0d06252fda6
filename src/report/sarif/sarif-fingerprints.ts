import type { Finding } from '../../rules/finding.js';
import type * as Sarif from 'sarif';

/** Our own fingerprint scheme, versioned so that a future change can live beside it. */
export const FINGERPRINT_KEY = 'warden/v1';

/**
 * GitHub matches alerts across uploads by `partialFingerprints.primaryLocationLineHash`, and computes
 * it only when the upload-sarif action reads the source; Jenkins uploads through the API, so we supply
 * it. GitHub's format is `hash:occurrence`: the hash is the finding fingerprint (rule + resource +
 * offending element, never a line number), the occurrence counts equal hashes within one file of a
 * run — two plans in one run can hold the same address.
 */
export class FingerprintCounter {
  readonly #seen = new Map<string, number>();

  fingerprintsFor(finding: Finding, location: Sarif.Location): { partialFingerprints: Record<string, string>; fingerprints: Record<string, string> } {
    const file = location.physicalLocation?.artifactLocation?.uri ?? '';
    const key = `${file}\u0000${finding.fingerprint}`;
    const occurrence = (this.#seen.get(key) ?? 0) + 1;
    this.#seen.set(key, occurrence);
    return {
      partialFingerprints: { primaryLocationLineHash: `${finding.fingerprint}:${occurrence}` },
      fingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
    };
  }
}
