import { definePolicy, isUnknown, isValueObject, listOf, Unknown, type PolicyContext, type Resource, type Value } from '../src/api.js';

const NOT_LOGGING = 'is not logging';

/** The per-region record of a live audit: the trails that log the region (see docs/audit.md). */
const COVERAGE = 'aws_cloudtrail_coverage';

export const cloudtrailMultiRegion = definePolicy({
  id: 'cloudtrail-multi-region',
  title: 'No multi-region CloudTrail trail logs all management events',
  severity: 'high',
  description:
    'CloudTrail must record every API call of the account in every region: at least one multi-region trail that is ' +
    'logging and records all management events, read and write (no event selector, or one with read_write_type All, ' +
    'include_management_events true and no excluded event sources, or an advanced selector on eventCategory Management ' +
    'without a readOnly or eventSource filter). Live, each audited region is checked on its own: DescribeTrails in that ' +
    'region lists the multi-region and organization trails of other home regions too, so the region fails when none of ' +
    'them qualifies (the finding is on the region\'s record, arn:…:cloudtrail:REGION:ACCOUNT:trail/*), and is unknown ' +
    'when a trail\'s status or selectors could not be read. In Terraform source and plans the trail may live in another ' +
    'configuration, so the absence of a trail is not a finding there: an aws_cloudtrail that is single-region ' +
    '(is_multi_region_trail, default false), not logging (enable_logging = false) or leaves out management events is; ' +
    'values known only after apply are unknown. Like Security Hub CloudTrail.1, and stricter than it on excluded ' +
    'management event sources, which CIS 3.1 also does not allow. --source config has no logging status: use the API.',
  remediation:
    'Create one multi-region trail for the account (or an organization trail): aws_cloudtrail with ' +
    'is_multi_region_trail = true, include_global_service_events = true, enable_logging = true and no event selector ' +
    'that narrows management events.',
  frameworks: {
    'CIS AWS Foundations Benchmark v3.0.0': ['3.1'],
    'AWS Foundational Security Best Practices': ['CloudTrail.1'],
    'PCI DSS 4.0': ['10.2.1'],
  },
  tags: ['logging', 'cloudtrail'],
  resourceTypes: ['aws_cloudtrail', COVERAGE],
  messages: {
    singleRegion: '{{trail}} is a single-region trail: it does not log the other regions',
    trailIncomplete: '{{trail}} is multi-region but {{why}}',
    trailUnknown: '{{trail}}: cannot tell whether it logs all management events in every region',
    trailComplete: '{{trail}} logs all management events in every region',
    regionNotLogged: 'no multi-region trail logs all management events in {{region}}{{why}}',
    regionUnknown: 'cannot tell whether a multi-region trail logs all management events in {{region}}',
    regionLogged: '{{region}} is logged by multi-region trail {{trail}}',
  },
  check(context) {
    for (const trail of context.inventory.ofType('aws_cloudtrail')) {
      // Live, the region's record decides: a single-region trail beside a multi-region one is no gap.
      if (trail.mode !== 'managed' || trail.source === 'live') continue;
      const data = { trail: trail.address };
      const multi = trail.values['is_multi_region_trail'];
      if (isUnknown(multi)) {
        context.unknown({ resource: trail, path: 'is_multi_region_trail', messageId: 'trailUnknown', data, reason: multi });
        continue;
      }
      if (multi !== true) {
        const note = trail.defaults?.['is_multi_region_trail'];
        context.fail({ resource: trail, path: 'is_multi_region_trail', messageId: 'singleRegion', data, evidence: [{ path: 'is_multi_region_trail', value: multi ?? null, ...(note ? { note } : {}) }] });
        continue;
      }
      const verdict = qualifies(trail.values);
      if (verdict === true) context.pass({ resource: trail, messageId: 'trailComplete', data });
      else if (isUnknown(verdict)) context.unknown({ resource: trail, messageId: 'trailUnknown', data, reason: verdict });
      else {
        const path = verdict === NOT_LOGGING ? 'enable_logging' : 'event_selector';
        context.fail({ resource: trail, path, messageId: 'trailIncomplete', data: { ...data, why: verdict }, evidence: [{ path, value: trail.values[path] ?? null, note: verdict }] });
      }
    }
    for (const coverage of context.inventory.ofType(COVERAGE)) checkRegion(context, coverage);
  },
});

type Context = PolicyContext<Record<string, never>>;

function checkRegion(context: Context, coverage: Resource): void {
  const region = String(coverage.values['region'] ?? coverage.address);
  const trails = listOf(coverage.values['trails']);
  if (isUnknown(trails)) {
    context.unknown({ resource: coverage, messageId: 'regionUnknown', data: { region }, reason: trails });
    return;
  }
  const reasons: string[] = [];
  let doubt: Unknown | undefined;
  for (const trail of trails) {
    if (!isValueObject(trail) || trail['is_multi_region_trail'] !== true) continue;
    const name = String(trail['arn'] ?? trail['name']);
    const verdict = qualifies(trail);
    if (verdict === true) {
      context.pass({ resource: coverage, messageId: 'regionLogged', data: { region, trail: name } });
      return;
    }
    if (isUnknown(verdict)) doubt ??= new Unknown(`${name}: ${verdict.reason}`);
    else reasons.push(`${name} ${verdict}`);
  }
  if (doubt) {
    context.unknown({ resource: coverage, messageId: 'regionUnknown', data: { region }, reason: doubt });
    return;
  }
  const why = reasons.length > 0 ? ` (${reasons.join('; ')})` : ' (the region has no multi-region trail)';
  context.fail({ resource: coverage, messageId: 'regionNotLogged', data: { region, why }, evidence: [{ path: 'trails', value: reasons.length > 0 ? reasons.join('; ') : 'no multi-region trail' }] });
}

/** True when the trail logs and records all management events; else why not, or Unknown. */
function qualifies(trail: Record<string, Value>): true | string | Unknown {
  const logging = trail['enable_logging'];
  if (isUnknown(logging)) return logging;
  if (logging === false) return NOT_LOGGING;
  const selectors = listOf(trail['event_selector']);
  const advanced = listOf(trail['advanced_event_selector']);
  if (isUnknown(selectors)) return selectors;
  if (isUnknown(advanced)) return advanced;
  // No selector at all: CloudTrail's default records all management events.
  if (selectors.length === 0 && advanced.length === 0) return true;
  if (selectors.some(allManagementEvents) || advanced.some(allManagementEventsAdvanced)) return true;
  return 'records only part of the management events (event selectors)';
}

function allManagementEvents(selector: Value): boolean {
  if (!isValueObject(selector)) return false;
  const excluded = listOf(selector['exclude_management_event_sources']);
  return (
    selector['include_management_events'] !== false &&
    (selector['read_write_type'] ?? 'All') === 'All' &&
    !isUnknown(excluded) &&
    excluded.length === 0
  );
}

function allManagementEventsAdvanced(selector: Value): boolean {
  if (!isValueObject(selector)) return false;
  const fields = listOf(selector['field_selector']);
  if (isUnknown(fields)) return false;
  const byField = fields.filter(isValueObject);
  const management = byField.some((f) => f['field'] === 'eventCategory' && Array.isArray(f['equals']) && f['equals'].includes('Management'));
  // readOnly narrows to reads or writes; an eventSource filter leaves services out.
  const narrowed = byField.some((f) => f['field'] === 'readOnly' || f['field'] === 'eventSource');
  return management && !narrowed;
}
