/**
 * Decodes a plan file's bytes. `terraform show -json > plan.json` in Windows PowerShell 5 writes
 * UTF-16LE with a BOM; other tools add a UTF-8 BOM. Without a BOM, zero bytes in the first pair of
 * bytes betray UTF-16 too.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return Buffer.from(bytes.buffer, bytes.byteOffset + 3, bytes.length - 3).toString('utf8');
  if (bytes.length >= 2 && bytes[0] !== 0 && bytes[1] === 0) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes.length >= 2 && bytes[0] === 0 && bytes[1] !== 0) return new TextDecoder('utf-16be').decode(bytes);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
}

/** True when the bytes look like a binary file rather than text (a NUL in a UTF-8 file). */
export function looksBinary(text: string): boolean {
  const probe = text.length > 4096 ? text.slice(0, 4096) : text;
  return probe.includes('\u0000');
}

/** A zip archive: what `terraform plan -out=FILE` writes, as opposed to the JSON of `terraform show -json FILE`. */
export function isZipArchive(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}
