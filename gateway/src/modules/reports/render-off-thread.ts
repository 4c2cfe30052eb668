import { Worker } from 'node:worker_threads';
import type { ReportDocument } from './report-sections.ts';
import { workerEntry } from '../../platform/workers/worker-entry.ts';

/** A report's PDF and XLSX, drawn by a worker thread that exits when done (render-worker.ts says why); the gateway's ReportRenderer. */
export function renderOffThread(doc: ReportDocument, locale: string, fontFile: string | undefined): Promise<{ pdf: Buffer; xlsx: Buffer }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerEntry(import.meta.url, 'render-worker.dev.mjs', 'report-worker.mjs'), {
      workerData: { doc, locale, ...(fontFile ? { fontFile } : {}) },
    });
    let done = false;
    worker.once('message', (files: { pdf: ArrayBuffer; xlsx: ArrayBuffer }) => {
      done = true;
      resolve({ pdf: Buffer.from(files.pdf), xlsx: Buffer.from(files.xlsx) });
    });
    worker.once('error', (error) => {
      done = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!done) reject(new Error(`the report renderer exited (code ${code}) without the files`));
    });
  });
}
