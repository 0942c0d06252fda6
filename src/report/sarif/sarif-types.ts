/**
 * The part of SARIF 2.1.0 (OASIS) that warden writes. Names follow the specification; only the
 * properties we emit are declared.
 */
export type SarifLevel = 'none' | 'note' | 'warning' | 'error';
export type SarifKind = 'fail' | 'review' | 'pass';

export interface SarifMessage {
  text: string;
  markdown?: string;
}

export interface SarifArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

export interface SarifRegion {
  startLine: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
}

export interface SarifPhysicalLocation {
  artifactLocation: SarifArtifactLocation;
  region: SarifRegion;
}

export interface SarifLogicalLocation {
  name?: string;
  fullyQualifiedName: string;
  kind: string;
}

export interface SarifLocation {
  physicalLocation?: SarifPhysicalLocation;
  logicalLocations?: SarifLogicalLocation[];
  message?: SarifMessage;
}

export interface SarifThreadFlowLocation {
  location: SarifLocation;
  executionOrder: number;
}

export interface SarifCodeFlow {
  message: SarifMessage;
  threadFlows: { locations: SarifThreadFlowLocation[] }[];
}

export interface SarifSuppression {
  kind: 'inSource' | 'external';
  status: 'accepted';
  justification: string;
  properties?: Record<string, unknown>;
}

export interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  kind: SarifKind;
  level: SarifLevel;
  message: SarifMessage;
  locations: SarifLocation[];
  partialFingerprints: Record<string, string>;
  fingerprints: Record<string, string>;
  codeFlows?: SarifCodeFlow[];
  suppressions?: SarifSuppression[];
  /** Present when a baseline was applied: every reported result is then one it does not hold. */
  baselineState?: 'new';
  properties: Record<string, unknown>;
}

export interface SarifReportingDescriptor {
  id: string;
  name: string;
  shortDescription: SarifMessage;
  fullDescription: SarifMessage;
  help: { text: string; markdown: string };
  helpUri: string;
  defaultConfiguration: { level: SarifLevel };
  properties: { tags: string[]; 'security-severity': string; precision: string; [key: string]: unknown };
}

export interface SarifNotification {
  level: SarifLevel;
  message: SarifMessage;
  properties?: Record<string, unknown>;
}

export interface SarifInvocation {
  executionSuccessful: boolean;
  workingDirectory: SarifArtifactLocation;
  toolExecutionNotifications: SarifNotification[];
}

export interface SarifRun {
  tool: {
    driver: {
      name: string;
      fullName: string;
      version: string;
      semanticVersion: string;
      informationUri: string;
      rules: SarifReportingDescriptor[];
    };
  };
  automationDetails: { id: string };
  originalUriBaseIds: Record<string, { uri: string }>;
  columnKind: 'utf16CodeUnits';
  invocations: SarifInvocation[];
  results: SarifResult[];
  /** `baselined`: findings left out because the baseline holds them. */
  properties?: Record<string, unknown>;
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: SarifRun[];
}
