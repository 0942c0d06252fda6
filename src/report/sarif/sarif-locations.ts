import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CloudLocation, SourceLocation } from '../../model/location.js';
import type { Finding } from '../../rules/finding.js';
import type * as Sarif from 'sarif';

/** The base that repo-relative artifact URIs are relative to: the working directory of the scan. */
export const SRCROOT = '%SRCROOT%';

/** `file:///work/repo/` for `/work/repo` — SARIF requires the trailing slash on a base URI. */
export function directoryUri(directory: string): string {
  const href = pathToFileURL(directory).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/**
 * A file as SARIF names it: relative paths (reporters receive paths relative to the working
 * directory when inside it) become forward-slash, percent-encoded URIs under %SRCROOT%; absolute
 * paths (inputs outside the working directory) become `file://` URIs without a base.
 */
export function artifactLocation(file: string): Sarif.ArtifactLocation {
  if (isAbsolute(file) || /^[A-Za-z]:[\\/]/.test(file)) return { uri: pathToFileURL(file).href };
  return { uri: encodePath(file.split('\\').join('/').replace(/^\.\//, '')), uriBaseId: SRCROOT };
}

/** Line and column where known; GitHub needs at least `startLine`, so a file-level position is line 1. */
export function sourceRegion(location: SourceLocation): Sarif.Region {
  if (location.startLine === undefined) return { startLine: 1 };
  const region: Sarif.Region = { startLine: location.startLine };
  if (location.startColumn !== undefined) region.startColumn = location.startColumn;
  if (location.endLine !== undefined && location.endLine >= location.startLine) region.endLine = location.endLine;
  if (location.endColumn !== undefined) {
    const endLine = region.endLine ?? location.startLine;
    // SARIF requires the region not to end before it starts (SARIF1007).
    if (endLine > location.startLine || location.endColumn >= (region.startColumn ?? 1)) region.endColumn = location.endColumn;
  }
  return region;
}

/** How results name files: artifactLocation, or its memo for one report (textMemo). */
export type ArtifactLocations = (file: string) => Sarif.ArtifactLocation;

export function sourcePhysicalLocation(location: SourceLocation, artifacts: ArtifactLocations = artifactLocation): Sarif.PhysicalLocation {
  return { artifactLocation: artifacts(location.file), region: sourceRegion(location) };
}

/** The ARN (or id) of a live resource as a logical location. */
export function cloudLogicalLocation(location: CloudLocation, resourceType: string): Sarif.LogicalLocation {
  return { name: resourceType, fullyQualifiedName: location.arn, kind: 'resource' };
}

/**
 * GitHub rejects a whole SARIF upload when a result has no location or a location with only a
 * `logicalLocation` ("expected a physical location"). A live resource has no file, so it gets a
 * stable pseudo-path `aws/<account>/<region>/<type>/<id>` (relative, no base: GitHub shows it
 * as the alert's path without a code preview), next to the logical location that names the ARN.
 */
export function cloudPhysicalLocation(location: CloudLocation, resourceType: string): Sarif.PhysicalLocation {
  const id = location.arn.startsWith('arn:') ? arnResourceId(location.arn) : location.arn;
  const segments = ['aws', location.account, location.region, resourceType, id].filter((s) => s !== '');
  return { artifactLocation: { uri: segments.map(encodeURIComponent).join('/') }, region: { startLine: 1 } };
}

/**
 * The location of a finding's result: its source position; its live resource (pseudo-path plus
 * ARN); or, when the policy gave no position, the input file it came from at line 1.
 */
export function resultLocation(finding: Finding, artifacts: ArtifactLocations = artifactLocation): Sarif.Location {
  const { location, resource } = finding;
  if (location?.kind === 'source') return { physicalLocation: sourcePhysicalLocation(location, artifacts) };
  if (location?.kind === 'cloud') {
    return {
      physicalLocation: cloudPhysicalLocation(location, resource.type),
      logicalLocations: [cloudLogicalLocation(location, resource.type)],
    };
  }
  const logicalLocations = [{ name: resource.type, fullyQualifiedName: resource.address, kind: 'resource' }];
  if (resource.source === 'live') {
    // A live resource's input is `account/region`.
    const [account = '', region = ''] = resource.input.split('/');
    return { physicalLocation: cloudPhysicalLocation({ kind: 'cloud', account, region, arn: resource.address }, resource.type), logicalLocations };
  }
  return { physicalLocation: { artifactLocation: artifacts(resource.input), region: { startLine: 1 } }, logicalLocations };
}

/** `arn:aws:ec2:eu-west-1:1234:security-group/sg-1` → `sg-1`; `arn:aws:s3:::bucket` → `bucket`. */
function arnResourceId(arn: string): string {
  const resource = arn.split(':').slice(5).join(':');
  const parts = resource.split(/[/:]/).filter((p) => p !== '');
  return parts[parts.length - 1] ?? resource;
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
