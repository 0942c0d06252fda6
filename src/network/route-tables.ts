import type { Inventory } from '../model/inventory.js';
import type { Resource } from '../model/resource.js';
import { Unknown, isUnknown } from '../model/unknown.js';
import { isValueObject, listOf } from '../model/value.js';
import { describeMissing, linksOf, type Links } from './links.js';
import type { PrefixLists } from './prefix-lists.js';
import { INLINE_DESTINATION, ROUTE_RESOURCE_DESTINATION, readRoute, type Route } from './routes.js';
import { startsWithAwsDefaults, SUBNET_TYPES, VPC_TYPES, type VpcIndex } from './vpcs.js';

export const ROUTE_TABLE_TYPES = ['aws_route_table', 'aws_default_route_table'] as const;

/** The route table that serves a subnet, and why. */
export interface RouteTableChoice {
  /** Undefined for the main table AWS creates with a VPC that this inventory does not manage: it holds only the local routes. */
  table: Resource | undefined;
  how: 'explicit association' | 'main route table';
  vpc: Resource;
  /** The association resource, when one makes the choice. */
  association?: Resource;
}

interface Association {
  tables: Links;
  association: Resource;
}

/**
 * Route tables: which one serves a subnet (its explicit association, else its VPC's main table —
 * only tables of the subnet's own VPC count), and the routes in each (inline and `aws_route`).
 */
export class RouteTables {
  readonly #inventory: Inventory;
  readonly #vpcs: VpcIndex;
  readonly #prefixLists: PrefixLists;
  readonly #explicit = new Map<Resource, Association[]>();
  /** Associations whose subnet cannot be told: they may serve any subnet. */
  readonly #looseAssociations: Association[] = [];
  readonly #mainAssociation = new Map<Resource, Association[]>();
  readonly #looseMain: Unknown[] = [];
  /** VPC → its default route table (`aws_default_route_table`), and back. */
  readonly #defaultTable = new Map<Resource, Resource>();
  readonly #defaultTableVpc = new Map<Resource, Resource>();
  readonly #routeResources = new Map<Resource, Resource[]>();
  readonly #looseRoutes: { route: Resource; why: Unknown }[] = [];
  readonly #routes = new Map<Resource, { routes: Route[]; doubts: Unknown[] }>();

  constructor(inventory: Inventory, vpcs: VpcIndex, prefixLists: PrefixLists) {
    this.#inventory = inventory;
    this.#vpcs = vpcs;
    this.#prefixLists = prefixLists;
    for (const association of inventory.ofType('aws_route_table_association')) {
      const subnetId = association.values['subnet_id'];
      if ((subnetId === null || subnetId === '' || subnetId === undefined) && !association.references['subnet_id']) continue; // a gateway (edge) association
      const entry: Association = { tables: linksOf(inventory, association, 'route_table_id', ROUTE_TABLE_TYPES), association };
      const subnets = linksOf(inventory, association, 'subnet_id', SUBNET_TYPES);
      for (const subnet of subnets.resources) push(this.#explicit, subnet, entry);
      if (subnets.unknown) this.#looseAssociations.push(entry);
    }
    for (const association of inventory.ofType('aws_main_route_table_association')) {
      const vpc = vpcs.vpcOf(association);
      if (isUnknown(vpc)) this.#looseMain.push(new Unknown(`the VPC of ${association.address} is not known (${vpc.reason})`));
      else push(this.#mainAssociation, vpc, { tables: linksOf(inventory, association, 'route_table_id', ROUTE_TABLE_TYPES), association });
    }
    for (const table of inventory.ofType('aws_default_route_table')) {
      // `default_route_table_id = aws_vpc.x.default_route_table_id`: the reference names the VPC.
      const byReference = linksOf(inventory, table, 'default_route_table_id', VPC_TYPES).resources[0];
      const vpc = byReference ?? vpcs.vpcOf(table);
      if (!isUnknown(vpc)) {
        this.#defaultTable.set(vpc, table);
        this.#defaultTableVpc.set(table, vpc);
      }
    }
    for (const route of inventory.ofType('aws_route')) {
      const tables = linksOf(inventory, route, 'route_table_id', ROUTE_TABLE_TYPES);
      for (const table of tables.resources) push(this.#routeResources, table, route);
      if (tables.unknown) this.#looseRoutes.push({ route, why: tables.unknown });
    }
  }

  /** The VPC a route table belongs to. */
  vpcOfTable(table: Resource): Resource | Unknown {
    return this.#defaultTableVpc.get(table) ?? this.#vpcs.vpcOf(table);
  }

  /** The route table serving `subnet` in `vpc`, or why it cannot be told. */
  tableOf(subnet: Resource, vpc: Resource): RouteTableChoice | Unknown {
    const chosen = new Map<Resource, Resource>();
    let doubt: Unknown | undefined;
    for (const { tables, association } of this.#explicit.get(subnet) ?? []) {
      if (tables.unknown) doubt ??= tables.unknown;
      for (const id of tables.missing) doubt ??= describeMissing('route table', id, association);
      for (const table of tables.resources) {
        const tableVpc = this.vpcOfTable(table);
        // An association with a table of another VPC cannot exist: AWS refuses it, so it does not count.
        if (tableVpc === vpc) chosen.set(table, association);
        else if (isUnknown(tableVpc)) doubt ??= new Unknown(`the VPC of ${table.address} is not known (${tableVpc.reason})`);
      }
    }
    if (chosen.size > 1) {
      return new Unknown(`${subnet.address} is associated with several route tables (${[...chosen.keys()].map((t) => t.address).join(', ')})`);
    }
    const [explicit] = [...chosen.entries()];
    if (explicit) return { table: explicit[0], how: 'explicit association', vpc, association: explicit[1] };
    if (doubt) return new Unknown(`the route table of ${subnet.address} is not known: ${doubt.reason}`);
    for (const loose of this.#looseAssociations) {
      const inVpc = loose.tables.resources.some((t) => {
        const tableVpc = this.vpcOfTable(t);
        return tableVpc === vpc || isUnknown(tableVpc);
      });
      if (inVpc || loose.tables.unknown) {
        return new Unknown(`${loose.association.address} may associate ${subnet.address} with another route table (its subnet is known only after apply)`);
      }
    }
    return this.mainTableOf(vpc);
  }

  /** The main route table of a VPC. */
  mainTableOf(vpc: Resource): RouteTableChoice | Unknown {
    const main = this.#mainAssociation.get(vpc) ?? [];
    if (main.length > 1) return new Unknown(`${vpc.address} has several main route table associations`);
    if (main.length === 1) {
      const { tables, association } = main[0]!;
      const table = tables.resources[0];
      if (table) return { table, how: 'main route table', vpc, association };
      if (tables.unknown) return new Unknown(`the main route table of ${vpc.address} is not known (${tables.unknown.reason})`);
      if (tables.missing[0]) return describeMissing('route table', tables.missing[0], association);
    }
    if (this.#looseMain.length > 0) return this.#looseMain[0]!;
    const id = vpc.values['main_route_table_id'];
    if (typeof id === 'string' && id !== '') {
      const table = this.#inventory.byId(id).find((r) => (ROUTE_TABLE_TYPES as readonly string[]).includes(r.type));
      if (table) return { table, how: 'main route table', vpc };
      return describeMissing('main route table', id, vpc);
    }
    const managedDefault = this.#defaultTable.get(vpc);
    if (managedDefault) return { table: managedDefault, how: 'main route table', vpc };
    // A VPC this input creates starts with a main table holding only its local routes.
    if (startsWithAwsDefaults(vpc)) return { table: undefined, how: 'main route table', vpc };
    return new Unknown(`the main route table of ${vpc.address} is not in the inventory`);
  }

  /** The routes of a table: inline blocks, `aws_route` resources, and routes that may belong to it. */
  routesOf(table: Resource): { routes: Route[]; doubts: Unknown[] } {
    let known = this.#routes.get(table);
    if (known) return known;
    const routes: Route[] = [];
    const doubts: Unknown[] = [];
    const inline = listOf(table.values['route']);
    if (isUnknown(inline)) {
      // Computed, not written: the provider fills it from `aws_route` resources, read below.
      if (!table.configuredAttributes || table.configuredAttributes.includes('route')) doubts.push(inline);
    } else {
      inline.forEach((block, i) => {
        if (isValueObject(block)) routes.push(readRoute(this.#inventory, this.#prefixLists, table, `route.${i}`, block, INLINE_DESTINATION, true));
        else if (isUnknown(block)) doubts.push(block);
      });
    }
    for (const route of this.#routeResources.get(table) ?? []) {
      routes.push(readRoute(this.#inventory, this.#prefixLists, route, '', route.values, ROUTE_RESOURCE_DESTINATION, true));
    }
    for (const { route, why } of this.#looseRoutes) {
      routes.push(readRoute(this.#inventory, this.#prefixLists, route, '', route.values, ROUTE_RESOURCE_DESTINATION, why));
    }
    known = { routes, doubts };
    this.#routes.set(table, known);
    return known;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
