import type { Inventory } from '../model/inventory.js';
import type { Resource } from '../model/resource.js';
import { Unknown, isUnknown } from '../model/unknown.js';
import { isValueObject, listOf } from '../model/value.js';
import { linksOf } from './links.js';
import { VPC_TYPES } from './vpcs.js';

export const INTERNET_GATEWAY_TYPES = ['aws_internet_gateway'] as const;

/** How an internet gateway is attached to a VPC: through its own `vpc_id`, an attachment resource, or a data source's `attachments`. */
export interface GatewayAttachment {
  gateway: Resource;
  vpc: Resource;
  /** The resource and attribute that make the attachment, for the evidence path. */
  via: Resource;
  attribute: string;
}

interface PendingAttachment {
  vpc: Resource | Unknown;
  via: Resource;
  attribute: string;
}

/** Internet gateways and the VPCs they are attached to. */
export class InternetGateways {
  readonly #attachments = new Map<Resource, PendingAttachment[]>();
  readonly #byVpc = new Map<Resource, Resource[]>();
  /** Attachment resources whose gateway cannot be told: they may attach any gateway. */
  readonly #unresolved: { why: Unknown; vpc: Resource | Unknown }[] = [];

  constructor(inventory: Inventory) {
    const note = (gateway: Resource, pending: PendingAttachment): void => {
      const list = this.#attachments.get(gateway);
      if (list) list.push(pending);
      else this.#attachments.set(gateway, [pending]);
      if (!isUnknown(pending.vpc)) {
        const gateways = this.#byVpc.get(pending.vpc);
        if (gateways) gateways.push(gateway);
        else this.#byVpc.set(pending.vpc, [gateway]);
      }
    };
    const vpcsOf = (resource: Resource, path: string): (Resource | Unknown)[] => {
      const links = linksOf(inventory, resource, path, VPC_TYPES);
      return links.unknown ? [...links.resources, links.unknown] : links.resources;
    };

    for (const gateway of inventory.ofType(...INTERNET_GATEWAY_TYPES)) {
      for (const vpc of vpcsOf(gateway, 'vpc_id')) note(gateway, { vpc, via: gateway, attribute: 'vpc_id' });
      // The data source (and a refreshed gateway) lists its attachments.
      const attachments = listOf(gateway.values['attachments']);
      if (isUnknown(attachments)) note(gateway, { vpc: attachments, via: gateway, attribute: 'attachments' });
      else {
        attachments.forEach((attachment, i) => {
          if (isValueObject(attachment)) for (const vpc of vpcsOf(gateway, `attachments.${i}.vpc_id`)) note(gateway, { vpc, via: gateway, attribute: `attachments.${i}` });
        });
      }
    }
    for (const attachment of inventory.ofType('aws_internet_gateway_attachment')) {
      const gateways = linksOf(inventory, attachment, 'internet_gateway_id', INTERNET_GATEWAY_TYPES);
      for (const vpc of vpcsOf(attachment, 'vpc_id')) {
        for (const gateway of gateways.resources) note(gateway, { vpc, via: attachment, attribute: 'vpc_id' });
        if (gateways.unknown) this.#unresolved.push({ why: gateways.unknown, vpc });
      }
    }
  }

  /** Whether the gateway is attached to the VPC: the attachment, false, or Unknown (with the reason). */
  attachment(gateway: Resource, vpc: Resource): GatewayAttachment | false | Unknown {
    let doubt: Unknown | undefined;
    for (const pending of this.#attachments.get(gateway) ?? []) {
      if (pending.vpc === vpc) return { gateway, vpc, via: pending.via, attribute: pending.attribute };
      if (isUnknown(pending.vpc)) doubt ??= pending.vpc;
    }
    for (const loose of this.#unresolved) {
      if (loose.vpc === vpc || isUnknown(loose.vpc)) doubt ??= loose.why;
    }
    if (doubt) return new Unknown(`whether ${gateway.address} is attached to ${vpc.address} is not known (${doubt.reason})`);
    return false;
  }

  /** The gateways known to be attached to a VPC. */
  attachedTo(vpc: Resource): readonly Resource[] {
    return this.#byVpc.get(vpc) ?? [];
  }
}
