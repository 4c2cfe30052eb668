import type { ReportDocument } from './report-sections.ts';
import { reportPdf } from './report-pdf.ts';
import { reportXlsx } from './report-xlsx.ts';

/** Draws a report's PDF and XLSX from its document; the gateway does it in a worker thread (render-off-thread.ts). */
export type ReportRenderer = (doc: ReportDocument, locale: string, fontFile: string | undefined) => Promise<{ pdf: Buffer; xlsx: Buffer }>;

/**
 * The same renderers in the calling thread: for tests and tools, where a thread per report (and its
 * compile under tsx) costs more than it saves. The gateway keeps the renderers out of its own thread.
 */
export const renderInThread: ReportRenderer = async (doc, locale, fontFile) => ({
  pdf: await reportPdf(doc, locale, fontFile),
  xlsx: await reportXlsx(doc),
});
