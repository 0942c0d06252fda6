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
 * chalk at level 1 (16 colours) when on, plain text when off.
 */
export function consoleTheme(color: boolean): ConsoleTheme {
  return color ? colourTheme(new Chalk({ level: 1 })) : PLAIN;
}

/** Without colour every paint is the identity: what chalk at level 0 gives, without its cost per call (a report of 100k+ lines). */
const same: Paint = (text) => text;
const PLAIN: ConsoleTheme = {
  severity: { critical: same, high: same, medium: same, low: same, info: same },
  verdict: { unknown: same, suppressed: same, pass: same },
  heading: same,
  resource: same,
  ruleId: same,
  muted: same,
  failing: same,
  clean: same,
  gap: same,
};

function colourTheme(chalk: ChalkInstance): ConsoleTheme {
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
