import { formatCell, type ReportDocument } from './report-sections.ts';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `
body { font: 15px/1.45 system-ui, "Noto Sans", sans-serif; color: #1b1f24; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; border-bottom: 2px solid #0b5cad; padding-bottom: .2rem; }
.meta { color: #4a5561; margin: 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #d5dbe1; vertical-align: top; }
th { background: #eef3f8; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
`;

/** The report as one self-contained HTML page (its only style inline; no scripts, no external files). */
export function reportHtml(doc: ReportDocument, language: string, locale: string): string {
  const tables = doc.tables
    .map((t) => {
      const body =
        t.rows.length === 0
          ? `<p>${escape(t.empty ?? '—')}</p>`
          : `<table><thead><tr>${t.columns.map((c) => `<th scope="col">${escape(c)}</th>`).join('')}</tr></thead><tbody>${t.rows
              .map(
                (row) =>
                  `<tr>${row.map((cell) => `<td${typeof cell === 'number' || (cell !== null && typeof cell === 'object') ? ' class="n"' : ''}>${escape(formatCell(cell, locale))}</td>`).join('')}</tr>`,
              )
              .join('')}</tbody></table>`;
      return `<section><h2>${escape(t.heading)}</h2>${body}</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(doc.title)}</title><style>${STYLE}</style></head>
<body><main><h1>${escape(doc.title)}</h1><p class="meta">${escape(doc.subtitle)}</p><p class="meta">${escape(doc.generated)}</p>
${tables}
</main></body></html>`;
}
