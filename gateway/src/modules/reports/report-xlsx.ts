import type { ReportDocument } from './report-sections.ts';

const fraction = (percent: number | null) => (percent === null ? null : percent / 100);

/** The report as a workbook: a sheet per table, numbers as numbers and shares as percentages, so totals can be recomputed. */
export async function reportXlsx(doc: ReportDocument): Promise<Buffer> {
  // loaded when a report is made (weekly), not with every gateway: exceljs is 30 MB resident
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'feedback gateway';
  const about = workbook.addWorksheet('Report');
  about.addRows([[doc.title], [doc.subtitle], [doc.generated]]);
  about.getCell('A1').font = { bold: true, size: 14 };
  about.getColumn(1).width = 80;
  for (const table of doc.tables) {
    const sheet = workbook.addWorksheet(table.sheet.slice(0, 31));
    sheet.addRow([table.heading]).font = { bold: true };
    sheet.addRow(table.columns).font = { bold: true };
    for (const row of table.rows) {
      // a share is a percentage 0–100; a spreadsheet's percentage cell holds the fraction and its format shows it times 100
      const added = sheet.addRow(row.map((cell) => (cell !== null && typeof cell === 'object' ? fraction(cell.share) : cell)));
      row.forEach((cell, i) => {
        if (cell !== null && typeof cell === 'object') added.getCell(i + 1).numFmt = '0.0%';
      });
    }
    sheet.columns.forEach((column, i) => (column.width = i === 0 ? 40 : 16));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
