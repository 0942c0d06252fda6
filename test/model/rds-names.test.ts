import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadInput } from '../../src/engines/load-input.js';
import { Inventory } from '../../src/model/inventory.js';
import { resource } from '../network/network-test-helpers.js';
import { caseFormFile } from '../support/case-form-file.js';


async function inventoryOf(path: string): Promise<Inventory> {
  return (await loadInput(path, path, { cwd: dirname(path) })).inventory;
}

/** What each RDS name attribute of the case's resources resolves to: the target address, or the Unknown's reason. */
function linked(inventory: Inventory): Record<string, string> {
  const links: [string, string, string][] = [
    ['aws_db_instance.main', 'db_subnet_group_name', 'aws_db_subnet_group'],
    ['aws_db_instance.main', 'parameter_group_name', 'aws_db_parameter_group'],
    ['aws_db_instance.main', 'option_group_name', 'aws_db_option_group'],
    ['aws_rds_cluster.ledger', 'db_subnet_group_name', 'aws_db_subnet_group'],
    ['aws_rds_cluster.ledger', 'db_cluster_parameter_group_name', 'aws_rds_cluster_parameter_group'],
    ['aws_rds_cluster_instance.writer', 'cluster_identifier', 'aws_rds_cluster'],
  ];
  return Object.fromEntries(
    links.map(([address, path, type]) => {
      const found = inventory.resolve(inventory.byAddress(address)!, path, [type]);
      return [`${address}.${path}`, Array.isArray(found) ? found.map((r) => r.address).join(',') : `unknown: ${found.reason}`];
    }),
  );
}

const EXPECTED = {
  'aws_db_instance.main.db_subnet_group_name': 'aws_db_subnet_group.app',
  'aws_db_instance.main.parameter_group_name': 'aws_db_parameter_group.pg16',
  'aws_db_instance.main.option_group_name': 'aws_db_option_group.pg16',
  'aws_rds_cluster.ledger.db_subnet_group_name': 'aws_db_subnet_group.app',
  'aws_rds_cluster.ledger.db_cluster_parameter_group_name': 'aws_rds_cluster_parameter_group.aurora',
  'aws_rds_cluster_instance.writer.cluster_identifier': 'aws_rds_cluster.ledger',
};

describe('RDS names are identities', () => {
  it('a literal name finds the subnet group, parameter/option group and cluster in a plan whose ids are unknown', async () => {
    const inventory = await inventoryOf(await caseFormFile('db-internet-reachable', 'rds-names-as-identities', 'plan'));
    expect(inventory.byAddress('aws_db_subnet_group.app')!.values['id']).toMatchObject({ reason: expect.stringContaining('after apply') });
    expect(linked(inventory)).toEqual(EXPECTED);
  });

  it('a literal name finds them in HCL, where ids are not known at all', async () => {
    expect(linked(await inventoryOf(await caseFormFile('db-internet-reachable', 'rds-names-as-identities', 'tf')))).toEqual(EXPECTED);
  });

  it('compares names as RDS does (case-insensitively), and only names of types whose name is their identity', () => {
    const group = resource('aws_db_subnet_group', 'app', { name: 'app-db' });
    const bucket = resource('aws_s3_bucket', 'app', { bucket: 'app-db', name: 'app-db' });
    const db = resource('aws_db_instance', 'main', { db_subnet_group_name: 'App-DB', option_group_name: 'app-db' });
    const inventory = new Inventory([group, bucket, db], 'test.json');
    expect(inventory.resolve(db, 'db_subnet_group_name', ['aws_db_subnet_group'])).toEqual([group]);
    expect(inventory.byId('app-db')).toEqual([group]);
    expect(inventory.resolve(db, 'option_group_name', ['aws_db_option_group'])).toEqual([]);
  });

  it('finds a new group by name even when an existing resource of another type has that name as its id', () => {
    const parameters = resource('aws_db_parameter_group', 'app', { id: 'app', name: 'app' });
    const group = resource('aws_db_subnet_group', 'app', { name: 'app' });
    const db = resource('aws_db_instance', 'main', { db_subnet_group_name: 'app', parameter_group_name: 'app' });
    const inventory = new Inventory([parameters, group, db], 'test.json');
    expect(inventory.resolve(db, 'db_subnet_group_name', ['aws_db_subnet_group'])).toEqual([group]);
    expect(inventory.resolve(db, 'parameter_group_name', ['aws_db_parameter_group'])).toEqual([parameters]);
  });
});
