import type { Command } from 'commander';
import { addLiveOptions } from './audit-command.js';
import { Option } from './commander.js';
import { addSourceOptions } from './source-flags.js';
import { INVENTORY_FORMATS } from '../report/inventory/render-inventory.js';

/** `warden inventory [PATH…]`: the network inventory of plans, Terraform source, saved inventories, or (no path) the live estate. */
export function registerInventoryCommand(program: Command, setExitCode: (code: number) => void): void {
  const inventory = program
    .command('inventory')
    .description('list VPCs, subnets, route tables, gateways, NACLs, security groups and what uses them, Elastic IPs and databases')
    .argument('[paths...]', 'plan JSON files, directories of .tf files, saved inventories (none: read the live account like `warden audit`)')
    .addOption(new Option('-f, --format <format>', `output format: ${INVENTORY_FORMATS.join(', ')}`).choices(INVENTORY_FORMATS).default('console'))
    .option('-o, --output <file>', 'write the output to a file (default: stdout)')
    .option('-c, --config <file>', 'config file (default: warden.yaml found upward from the working directory)');
  addSourceOptions(addLiveOptions(inventory)).action(async (paths: string[], flags) => {
    const { inventoryCommand } = await import('./inventory-command.js');
    setExitCode(await inventoryCommand(paths, flags));
  });
}
