import { Chalk, type ChalkInstance } from 'chalk';
import type { Verdict } from '../../rules/finding.js';
import type { Severity } from '../../rules/severity.js';

type Paint = (text: string) => string;

/** The colours of the console report; every function is the identity when colour is off. */
export interface ConsoleTheme {
  severity: Record<Severity, Paint>;
  verdict: Record<Exclude<Verdict, 'fail'>, Paint>;
  heading: Paint;
  resource: Paint;
  ruleId: Paint;
  muted: Paint;
  failing: Paint;
  clean: Paint;
  gap: Paint;
}

/** Chalk styles join all their arguments; a Paint takes exactly one, so `lines.map(paint)` is safe. */
function one(style: ChalkInstance): Paint {
  return (text) => style(text);
}

/**
 * Colour is decided by the caller (NO_COLOR, FORCE_COLOR, TTY), never by chalk's own detection:
 * level 1 (16 colours) when on, level 0 when off.
 */
export function consoleTheme(color: boolean): ConsoleTheme {
  const chalk: ChalkInstance = new Chalk({ level: color ? 1 : 0 });
  return {
    severity: {
      critical: one(chalk.bold.redBright),
      high: one(chalk.red),
      medium: one(chalk.yellow),
      low: one(chalk.blue),
      info: one(chalk.gray),
    },
    verdict: {
      unknown: one(chalk.magenta),
      suppressed: one(chalk.gray),
      pass: one(chalk.green),
    },
    heading: one(chalk.bold.underline),
    resource: one(chalk.bold),
    ruleId: one(chalk.cyan),
    muted: one(chalk.gray),
    failing: one(chalk.bold.red),
    clean: one(chalk.bold.green),
    gap: one(chalk.red),
  };
}
