import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadInput } from '../../src/engines/load-input.js';
import type { Inventory } from '../../src/model/inventory.js';
import { isUnknown } from '../../src/model/unknown.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'warden-bucket-access-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function inventoryOf(tf: string): Promise<Inventory> {
  writeFileSync(join(dir, 'main.tf'), tf);
  const loaded = await loadInput(dir, 'main.tf', { cwd: dir });
  return (loaded.inventories ?? [loaded.inventory])[0]!;
}

const POLICY = '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::acme-data/*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}';

describe('the bucket view exposes each bucket\'s policy document (for the IAM policy model)', () => {
  it('from an aws_s3_bucket_policy matched by reference, and from the legacy inline policy', async () => {
    const inventory = await inventoryOf(`
      resource "aws_s3_bucket" "data" {
        bucket = "acme-data"
      }
      resource "aws_s3_bucket_policy" "data" {
        bucket = aws_s3_bucket.data.id
        policy = ${JSON.stringify(POLICY)}
      }
      resource "aws_s3_bucket" "legacy" {
        bucket = "acme-legacy"
        policy = ${JSON.stringify(POLICY.replace('acme-data', 'acme-legacy'))}
      }
      resource "aws_s3_bucket" "bare" {
        bucket = "acme-bare"
      }
    `);
    const byName = new Map(inventory.buckets.map((b) => [b.name, b]));
    expect(byName.get('acme-data')!.policy).toMatchObject({ path: 'policy', document: POLICY });
    expect(byName.get('acme-data')!.policy!.resource.address).toBe('aws_s3_bucket_policy.data');
    expect(JSON.parse(String(byName.get('acme-legacy')!.policy!.document)).Statement[0].Resource).toBe('arn:aws:s3:::acme-legacy/*');
    expect(byName.get('acme-bare')!.policy).toBeUndefined();
  });

  it('a policy document known only after apply is an Unknown, not a missing policy', async () => {
    const inventory = await inventoryOf(`
      variable "policy" {
        type = string
      }
      resource "aws_s3_bucket" "data" {
        bucket = "acme-data"
      }
      resource "aws_s3_bucket_policy" "data" {
        bucket = aws_s3_bucket.data.id
        policy = var.policy
      }
    `);
    const document = inventory.buckets[0]!.policy?.document;
    expect(isUnknown(document)).toBe(true);
  });
});
