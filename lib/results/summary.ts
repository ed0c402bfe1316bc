/**
 * The end of `npm start` / `npm test`: one table over all notebooks' results (quantity, ours, paper,
 * verdict) printed to the terminal, and `reports/<profile>/index.html`, one page that links every
 * notebook's HTML report and shows the same table and each study's key figure.
 *
 * Called from the end of `bin/run-notebooks.ts`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomicSync } from '../io/atomic';
import { escapeHtml } from '../display';
import { formatValue, type ResultsRecord } from './record';
import { readRecords } from './files';

/** The summary rows: one per recorded quantity, headline quantities of each notebook first. */
export function summaryRows(records: readonly ResultsRecord[]): { notebook: string; quantity: string; ours: string; paper: string; verdict: string }[] {
  return records.flatMap((rec) =>
    [...rec.results]
      .sort((a, b) => Number(Boolean(b.headline)) - Number(Boolean(a.headline)))
      .map((r) => ({ notebook: rec.notebook, quantity: r.label, ours: formatValue(r.ours, r.unit), paper: formatValue(r.paper, r.unit), verdict: r.verdict })),
  );
}

/** The summary as a fixed-width text table. */
export function summaryText(records: readonly ResultsRecord[]): string {
  const rows = summaryRows(records).map((r) => [r.notebook, r.quantity, r.ours, r.paper, r.verdict]);
  const header = ['notebook', 'quantity', 'ours', 'paper', 'verdict'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => cells.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const STYLE = `body{font-family:system-ui,sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse}
td,th{border:1px solid #ccc;padding:0.2em 0.6em;text-align:left}td.num{text-align:right}
.reproduced{color:#1a7f37}.exceeds{color:#0550ae}.short{color:#b35900}figure{display:inline-block;margin:1em}img{max-width:34em}`;

/** The index page of a report folder (links are relative to it). */
export function indexHtml(records: readonly ResultsRecord[], reportDir: string, profile: string): string {
  const link = (nb: string) => (fs.existsSync(path.join(reportDir, `${nb}.html`)) ? `<a href="${nb}.html">${escapeHtml(nb)}</a>` : escapeHtml(nb));
  const rows = summaryRows(records)
    .map((r) => `<tr><td>${link(r.notebook)}</td><td>${escapeHtml(r.quantity)}</td><td class="num">${escapeHtml(r.ours)}</td><td class="num">${escapeHtml(r.paper)}</td><td class="${r.verdict}">${r.verdict}</td></tr>`)
    .join('\n');
  const figures = records
    .filter((rec) => fs.existsSync(path.join(reportDir, 'results', `${rec.notebook}.svg`)))
    .map((rec) => `<figure><img src="results/${rec.notebook}.svg" alt="key figure of ${rec.notebook}"><figcaption>${link(rec.notebook)}</figcaption></figure>`)
    .join('\n');
  const runs = records.map((rec) => `<li>${link(rec.notebook)}: ${rec.seconds} s, ${escapeHtml(rec.backend)}, ${escapeHtml(rec.date)}</li>`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Results, profile ${escapeHtml(profile)}</title><style>${STYLE}</style></head>
<body>
<h1>Results of the notebooks, profile <code>${escapeHtml(profile)}</code></h1>
<p>Each notebook's numbers beside the seed's; the verdict uses the tolerance and direction stated per quantity in the study's <code>paper.ts</code>.</p>
<table><thead><tr><th>notebook</th><th>quantity</th><th>ours</th><th>paper</th><th>verdict</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<h2>Key figures</h2>
${figures || '<p>No notebook saved a key figure.</p>'}
<h2>Runs</h2>
<ul>
${runs}
</ul>
</body></html>
`;
}

/** Writes `index.html` into the report folder (atomically) and returns its path. */
export function writeIndex(records: readonly ResultsRecord[], reportDir: string, profile: string): string {
  const file = path.join(reportDir, 'index.html');
  writeFileAtomicSync(file, indexHtml(records, reportDir, profile));
  return file;
}

/** Removes the results of the named notebooks from a report folder (before they run again, so none is stale). */
export function clearResults(reportDir: string, notebooks: readonly string[]): void {
  for (const nb of notebooks) for (const ext of ['.json', '.svg']) fs.rmSync(path.join(reportDir, 'results', nb + ext), { force: true });
}

/** Prints the table over every results file in `reportDir/results` and writes `index.html`; returns the records. */
export function summarizeRun(reportDir: string, profile: string): ResultsRecord[] {
  const records = readRecords(path.join(reportDir, 'results'));
  if (records.length === 0) {
    console.log('\nNo notebook recorded results (recordResults).');
    return records;
  }
  console.log(`\nResults beside the papers (profile ${profile}):\n${summaryText(records)}`);
  console.log(`Index: ${path.relative(process.cwd(), writeIndex(records, reportDir, profile)) || 'index.html'}`);
  return records;
}
