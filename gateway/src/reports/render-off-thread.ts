import { Worker } from 'node:worker_threads';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReportDocument } from './report-sections.ts';

/** The render worker: the TypeScript source under tsx, or its bundle beside the gateway's. */
function workerEntry(): string {
  const here = fileURLToPath(import.meta.url);
  return here.endsWith('.ts') ? join(dirname(here), 'render-worker.dev.mjs') : join(dirname(here), 'report-worker.mjs');
}

/** A report's PDF and XLSX, drawn by a worker thread that exits when done (render-worker.ts says why). */
export function renderOffThread(doc: ReportDocument, locale: string, fontFile: string | undefined): Promise<{ pdf: Buffer; xlsx: Buffer }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerEntry(), { workerData: { doc, locale, ...(fontFile ? { fontFile } : {}) } });
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
