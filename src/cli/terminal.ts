/** Colour only for a TTY, and never when NO_COLOR is set (https://no-color.org) or FORCE_COLOR=0. */
export function shouldColor(stream: NodeJS.WriteStream): boolean {
  if (process.env['NO_COLOR'] !== undefined && process.env['NO_COLOR'] !== '') return false;
  if (process.env['FORCE_COLOR'] === '0') return false;
  if (process.env['FORCE_COLOR'] !== undefined && process.env['FORCE_COLOR'] !== '') return true;
  return stream.isTTY === true;
}
