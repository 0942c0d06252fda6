import type { TraceStep } from '../../rules/finding.js';
import { cloudLogicalLocation, cloudPhysicalLocation, sourcePhysicalLocation } from './sarif-locations.js';
import type * as Sarif from 'sarif';

/**
 * A witness path (internet → igw → route table → … → DB:port) as one code flow with one thread
 * flow, each hop a threadFlowLocation whose message is the hop's label and detail. A hop with a
 * source position points at it; a live hop names its ARN. A hop with neither (e.g. "internet")
 * carries the resource address as a logical location and, because GitHub wants a physical location
 * to place each step, the result's own position.
 */
export function codeFlows(trace: readonly TraceStep[] | undefined, anchor: Sarif.PhysicalLocation): Sarif.CodeFlow[] | undefined {
  if (!trace || trace.length === 0) return undefined;
  const locations = trace.map((step, index) => ({ location: stepLocation(step, anchor), executionOrder: index + 1 }));
  return [{ message: { text: trace.map((step) => step.label).join(' → ') }, threadFlows: [{ locations }] }];
}

function stepLocation(step: TraceStep, anchor: Sarif.PhysicalLocation): Sarif.Location {
  const message = { text: step.detail ? `${step.label}: ${step.detail}` : step.label };
  const type = step.resource?.type ?? 'resource';
  if (step.location?.kind === 'source') {
    return { physicalLocation: sourcePhysicalLocation(step.location), ...logical(step), message };
  }
  if (step.location?.kind === 'cloud') {
    return {
      physicalLocation: cloudPhysicalLocation(step.location, type),
      logicalLocations: [cloudLogicalLocation(step.location, type)],
      message,
    };
  }
  return { physicalLocation: anchor, ...logical(step), message };
}

function logical(step: TraceStep): Pick<Sarif.Location, 'logicalLocations'> {
  if (!step.resource) return {};
  return { logicalLocations: [{ name: step.resource.type, fullyQualifiedName: step.resource.address, kind: 'resource' }] };
}
