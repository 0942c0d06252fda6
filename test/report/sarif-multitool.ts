import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** The Linux build of Microsoft's SARIF multitool, shipped inside the @microsoft/sarif-multitool dev dependency. */
export const MULTITOOL = fileURLToPath(new URL('../../node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool', import.meta.url));
export const BUNDLED_SARIF_SCHEMA = fileURLToPath(new URL('../../node_modules/@microsoft/sarif-multitool-linux/sarif-2.1.0.json', import.meta.url));

export function multitoolAvailable(): boolean {
  return process.platform === 'linux' && process.arch === 'x64' && existsSync(MULTITOOL);
}

export interface ValidationMessage {
  ruleId: string;
  level: 'error' | 'warning' | 'note' | 'none';
  text: string;
}

/**
 * Runs `Sarif.Multitool validate --rule-kind "Sarif;Gh"` (SARIF spec rules plus GitHub's ingestion
 * rules) on one log and returns what it reported, notes included. The binary is called directly
 * with an argument array: a shell would split the `;`. Rule SARIF2006 fetches every URI in the log
 * over HTTP, and tests never use the network, so it is disabled through a configuration file.
 */
export async function validateWithMultitool(sarifText: string): Promise<ValidationMessage[]> {
  const dir = mkdtempSync(join(tmpdir(), 'warden-sarif-'));
  try {
    const input = join(dir, 'report.sarif');
    const output = join(dir, 'validation.sarif');
    const config = join(dir, 'validate-config.json');
    writeFileSync(input, sarifText);
    writeFileSync(config, JSON.stringify({ 'SARIF2006.UrisShouldBeReachable.Options': { RuleEnabled: 'Disabled' } }));
    const args = [
      'validate',
      // `--log` takes a list: it must not be followed directly by the input path.
      '--log', 'ForceOverwrite',
      '--level', 'Error;Warning;Note',
      '--rule-kind', 'Sarif;Gh',
      '--config', config,
      '--output', output,
      input,
    ];
    const env = { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1', DOTNET_CLI_TELEMETRY_OPTOUT: '1' };
    try {
      await promisify(execFile)(MULTITOOL, args, { env, maxBuffer: 16 * 1024 * 1024 });
    } catch (error) {
      // A non-zero exit still writes the log when the input had errors; no log means the tool failed.
      if (!existsSync(output)) throw error;
    }
    const log = JSON.parse(readFileSync(output, 'utf8')) as {
      runs: { results?: { ruleId: string; level?: ValidationMessage['level']; message: { text?: string; arguments?: string[] } }[] }[];
    };
    return log.runs.flatMap((run) =>
      (run.results ?? []).map((result) => ({
        ruleId: result.ruleId,
        // SARIF's default level is "warning".
        level: result.level ?? 'warning',
        text: result.message.text ?? (result.message.arguments ?? []).join(' | '),
      })),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
