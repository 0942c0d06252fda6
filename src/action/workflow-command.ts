/** `::error::message`: the runner shows it as an error annotation on the run. */
export function errorCommand(message: string): string {
  // The runner's escaping for command data: % first, then line breaks, so the command stays one line.
  const data = message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  return `::error::${data}\n`;
}
