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
  /** File URI → fingerprint → occurrences so far (no key made per result). */
  readonly #seen = new Map<string, Map<string, number>>();

  fingerprintsFor(finding: Finding, location: Sarif.Location): { partialFingerprints: Record<string, string>; fingerprints: Record<string, string> } {
    const file = location.physicalLocation?.artifactLocation?.uri ?? '';
    let inFile = this.#seen.get(file);
    if (!inFile) this.#seen.set(file, (inFile = new Map()));
    const occurrence = (inFile.get(finding.fingerprint) ?? 0) + 1;
    inFile.set(finding.fingerprint, occurrence);
    return {
      partialFingerprints: { primaryLocationLineHash: `${finding.fingerprint}:${occurrence}` },
      fingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
    };
  }
}
