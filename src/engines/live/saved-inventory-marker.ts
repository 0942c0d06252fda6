import { open } from 'node:fs/promises';
import { INVENTORY_MARKER } from './recording.js';

/** How much of a file is read to recognise a saved inventory: the marker is written as its first key. */
const HEAD_BYTES = 4096;

/** True when the file begins like a saved inventory (`{"warden_inventory": …`). */
export async function isSavedInventory(path: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'r');
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return new RegExp(`^\\s*\\{\\s*"${INVENTORY_MARKER}"\\s*:`).test(buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, ''));
  } catch {
    return false;
  } finally {
    await handle?.close();
  }
}
