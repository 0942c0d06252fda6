import { addFlags, sgReportSection } from '../inventory/build-sg-report.js';
import { SG_REPORT_SCHEMA_VERSION, type SgReportDocument, type SgReportInput } from '../inventory/sg-report.js';
import type { Inventory } from '../model/inventory.js';
import { renderSgReport, sgReportFormatOf } from '../report/inventory/sg-report-text.js';
import type { ScanResult } from '../scan/scan-result.js';
import { writeReport } from './emit-result.js';

/**
 * `--sg-report FILE` of `warden scan` and `warden audit`: each inventory is described as it is
 * evaluated, and the file is written once the run's findings (after ignores and the baseline) are
 * known, so the report's flags are exactly the findings the gate saw. JSON for `.json`, Markdown
 * for `.md`, plain text otherwise.
 */
export class SgReportFile {
  readonly #sections: SgReportInput[] = [];

  constructor(
    readonly file: string,
    private readonly cwd: string,
  ) {}

  readonly add = (inventory: Inventory): void => {
    this.#sections.push(sgReportSection(inventory));
  };

  write(result: ScanResult): void {
    addFlags(this.#sections, result.findings);
    const document: SgReportDocument = { schemaVersion: SG_REPORT_SCHEMA_VERSION, tool: { name: result.tool.name, version: result.tool.version }, inputs: this.#sections };
    writeReport(this.file, this.cwd, renderSgReport(document, sgReportFormatOf(this.file)));
  }
}
