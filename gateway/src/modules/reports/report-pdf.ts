import { createRequire } from 'node:module';
import { formatCell, type ReportDocument, type Table } from './report-sections.ts';

const require = createRequire(import.meta.url);

/**
 * The fonts: Noto Sans from an npm package (Latin, Cyrillic, Greek; OFL), so a box needs nothing
 * installed for English and Russian reports. Chinese needs a CJK font file named in
 * reports.pdfFont (Debian: fonts-noto-cjk, /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc).
 */
function fonts(custom: string | undefined): { regular: string; bold: string; family?: string } {
  if (custom) return { regular: custom, bold: custom, ...(custom.endsWith('.ttc') ? { family: 'NotoSansCJKsc-Regular' } : {}) };
  return {
    regular: require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
    bold: require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
  };
}

const MARGIN = 48;

/**
 * The report as a PDF drawn with pdfkit (a maintained pure-JavaScript PDF writer): no headless
 * browser is needed on the box, so the weekly report renders on the smallest gateway. Each table
 * starts on a new page when fewer than a few rows would fit; long tables continue on the next page.
 */
export async function reportPdf(doc: ReportDocument, locale: string, fontFile?: string): Promise<Buffer> {
  // loaded when a report is made (weekly), not with every gateway
  const { default: PDFDocument } = await import('pdfkit');
  const pdf = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: doc.title, Creator: 'feedback gateway' }, bufferPages: true });
  const f = fonts(fontFile);
  pdf.registerFont('regular', f.regular, f.family);
  pdf.registerFont('bold', f.bold, f.family);
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  const width = pdf.page.width - 2 * MARGIN;
  const bottom = () => pdf.page.height - MARGIN;
  pdf.font('bold').fontSize(18).text(doc.title);
  pdf.font('regular').fontSize(10).fillColor('#4a5561').text(doc.subtitle).text(doc.generated).fillColor('#000000');

  const drawTable = (t: Table) => {
    if (pdf.y + 80 > bottom()) pdf.addPage();
    pdf.moveDown(1).font('bold').fontSize(12).text(t.heading, MARGIN, pdf.y);
    pdf.moveDown(0.3);
    if (t.rows.length === 0) {
      pdf
        .font('regular')
        .fontSize(9)
        .text(t.empty ?? '—');
      return;
    }
    const first = t.columns.length > 4 ? width * 0.3 : width * 0.45;
    const widths = t.columns.map((_, i) => (i === 0 ? first : (width - first) / (t.columns.length - 1)));
    const row = (cells: string[], bold: boolean) => {
      pdf.font(bold ? 'bold' : 'regular').fontSize(8.5);
      const height = Math.max(...cells.map((c, i) => pdf.heightOfString(c, { width: widths[i]! - 6 }))) + 4;
      if (pdf.y + height > bottom()) pdf.addPage();
      const y = pdf.y;
      let x = MARGIN;
      cells.forEach((c, i) => {
        pdf.text(c, x + 3, y + 2, { width: widths[i]! - 6 });
        x += widths[i]!;
      });
      pdf
        .moveTo(MARGIN, y + height)
        .lineTo(MARGIN + width, y + height)
        .lineWidth(0.4)
        .strokeColor('#c9d1d9')
        .stroke();
      pdf.x = MARGIN;
      pdf.y = y + height;
    };
    row(t.columns, true);
    for (const cells of t.rows)
      row(
        cells.map((c) => formatCell(c, locale)),
        false,
      );
  };
  for (const table of doc.tables) drawTable(table);

  const range = pdf.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    pdf.switchToPage(range.start + i);
    // The footer sits in the bottom margin: without this pdfkit would start a new page for it.
    pdf.page.margins.bottom = 0;
    pdf
      .font('regular')
      .fontSize(8)
      .fillColor('#4a5561')
      .text(`${i + 1} / ${range.count}`, MARGIN, pdf.page.height - MARGIN + 16, { width, align: 'right', lineBreak: false });
  }
  pdf.end();
  return done;
}
