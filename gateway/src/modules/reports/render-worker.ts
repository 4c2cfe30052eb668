import { parentPort, workerData } from 'node:worker_threads';
import type { ReportDocument } from './report-sections.ts';
import { renderInThread } from './report-renderer.ts';

/**
 * One report's PDF and XLSX, drawn in a thread of their own that ends when they are done: the
 * renderers (pdfkit, exceljs: some 40 MB resident) never stay in the gateway, and drawing a long
 * report never holds up the event loop that takes answers.
 */
const { doc, locale, fontFile } = workerData as { doc: ReportDocument; locale: string; fontFile?: string };
const { pdf, xlsx } = await renderInThread(doc, locale, fontFile);
const owned = (b: Buffer) => new Uint8Array(b).buffer; // a copy the message can hand over
const files = { pdf: owned(pdf), xlsx: owned(xlsx) };
parentPort!.postMessage(files, [files.pdf, files.xlsx]);
