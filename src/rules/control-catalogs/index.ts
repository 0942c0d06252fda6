import { CIS_AWS_FOUNDATIONS_V3 } from './cis-aws-foundations-v3.js';
import type { ControlCatalog } from './control-catalog.js';
import { FSBP_IN_SCOPE } from './fsbp.js';

/** The frameworks whose controls `warden policies --framework` counts coverage against. */
export const CONTROL_CATALOGS: readonly ControlCatalog[] = [CIS_AWS_FOUNDATIONS_V3, FSBP_IN_SCOPE];
