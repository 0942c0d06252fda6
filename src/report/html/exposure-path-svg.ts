import type { TraceStep } from '../../rules/finding.js';
import { escapeHtml } from './html-escape.js';

const BOX_HEIGHT = 44;
const GAP = 28;
const CHAR_WIDTH = 6.6;
const MAX_LABEL = 34;

/**
 * The witness path of a reachability finding (internet → IGW → route table → subnet → NACL → SG →
 * resource) as inline SVG: one box per hop, left to right, wrapping onto rows. Labels are text nodes
 * (escaped); a long label is cut, with the whole of it in the box's <title>.
 */
export function exposurePathSvg(trace: readonly TraceStep[], describe: (text: string) => string): string {
  const perRow = 3;
  const boxes = trace.map((step) => {
    const full = describe(step.label);
    const shown = full.length > MAX_LABEL ? `${full.slice(0, MAX_LABEL - 1)}…` : full;
    return { full, shown, width: Math.max(90, Math.ceil(shown.length * CHAR_WIDTH) + 20) };
  });
  const rows: (typeof boxes)[] = [];
  for (let i = 0; i < boxes.length; i += perRow) rows.push(boxes.slice(i, i + perRow));
  const width = Math.max(...rows.map((row) => row.reduce((sum, b) => sum + b.width + GAP, 0)));
  const height = rows.length * (BOX_HEIGHT + GAP);
  const parts: string[] = [];
  rows.forEach((row, r) => {
    let x = 4;
    const y = 4 + r * (BOX_HEIGHT + GAP);
    row.forEach((box, i) => {
      const index = r * perRow + i;
      const kind = index === 0 ? 'source' : index === boxes.length - 1 ? 'target' : 'hop';
      parts.push(
        `<g class="hop ${kind}"><title>${escapeHtml(box.full)}</title>` +
          `<rect x="${x}" y="${y}" width="${box.width}" height="${BOX_HEIGHT}" rx="6"/>` +
          `<text x="${x + box.width / 2}" y="${y + BOX_HEIGHT / 2 + 4}" text-anchor="middle">${escapeHtml(box.shown)}</text></g>`,
      );
      if (index < boxes.length - 1) {
        if (i < row.length - 1) {
          const ax = x + box.width;
          parts.push(`<path class="arrow" d="M${ax + 2} ${y + BOX_HEIGHT / 2} h${GAP - 8} l-5 -4 m5 4 l-5 4"/>`);
        } else {
          // The next hop starts the next row: an arrow down from this box.
          const ax = x + box.width / 2;
          parts.push(`<path class="arrow" d="M${ax} ${y + BOX_HEIGHT + 2} v${GAP - 6} l-4 -5 m4 5 l4 -5"/>`);
        }
      }
      x += box.width + GAP;
    });
  });
  return `<svg class="path" role="img" aria-label="exposure path" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg>`;
}
