import { PassThrough, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { Db } from '../../platform/store/db.ts';
import { Where } from '../../platform/store/sql-where.ts';

export interface ExportFilter {
  siteId?: string | undefined;
  /** when given, only these sites (a user's scope) */
  siteIds?: string[] | undefined;
  pointId?: string | undefined;
  deviceId?: string | undefined;
  surveyId?: string | undefined;
  /** when given, only these devices' answers (a channel's) */
  deviceIds?: readonly string[] | undefined;
  from: number;
  to: number;
}

export const EXPORT_COLUMNS = [
  'id',
  'occurredAt',
  'receivedAt',
  'siteId',
  'pointId',
  'deviceId',
  'staffId',
  'surveyId',
  'questionId',
  'scale',
  'value',
  'skipped',
  'misuse',
  'source',
] as const;

type Row = Record<(typeof EXPORT_COLUMNS)[number], string | number | null>;

/** Raw answers for audit and export, streamed row by row (never all in memory). */
function* rows(db: Db, f: ExportFilter): Generator<Row> {
  const where = new Where()
    .add('occurred_at >= ?', [f.from])
    .add('occurred_at < ?', [f.to])
    .add('site_id = ?', [f.siteId], f.siteId !== undefined)
    .in('site_id', f.siteIds)
    .add('point_id = ?', [f.pointId], f.pointId !== undefined)
    .add('device_id = ?', [f.deviceId], f.deviceId !== undefined)
    .add('survey_id = ?', [f.surveyId], f.surveyId !== undefined)
    .in('device_id', f.deviceIds);
  const stmt = db.prepare(
    `SELECT id, occurred_at, received_at, site_id, point_id, device_id, staff_id, survey_id, question_id, scale, value, misuse, source
     FROM answers ${where} ORDER BY occurred_at, id`,
  );
  for (const r of stmt.iterate(...where.params) as Iterable<Record<string, string | number | null>>) {
    yield {
      id: r.id!,
      occurredAt: new Date(r.occurred_at as number).toISOString(),
      receivedAt: new Date(r.received_at as number).toISOString(),
      siteId: r.site_id!,
      pointId: r.point_id!,
      deviceId: r.device_id!,
      staffId: r.staff_id ?? '',
      surveyId: r.survey_id ?? '',
      questionId: r.question_id ?? '',
      scale: r.scale!,
      value: r.value ?? '',
      skipped: r.value === null ? 1 : 0,
      misuse: r.misuse!,
      source: r.source!,
    };
  }
}

export function exportCsv(db: Db, f: ExportFilter): Readable {
  return Readable.from(rows(db, f)).pipe(stringify({ header: true, columns: [...EXPORT_COLUMNS] }));
}

export function exportXlsx(db: Db, f: ExportFilter): Readable {
  const out = new PassThrough();
  void (async () => {
    try {
      // exceljs (30 MB resident) loads on the first XLSX asked for, not with every gateway
      const { default: ExcelJS } = await import('exceljs');
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
      const sheet = workbook.addWorksheet('answers');
      sheet.columns = EXPORT_COLUMNS.map((key) => ({ header: key, key }));
      for (const row of rows(db, f)) sheet.addRow(row).commit();
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return out;
}

/** Raw answers out, as a stream, in the two formats the managers ask for. */
export class AnswerExport {
  constructor(private readonly db: Db) {}

  csv(f: ExportFilter): Readable {
    return exportCsv(this.db, f);
  }

  xlsx(f: ExportFilter): Readable {
    return exportXlsx(this.db, f);
  }
}
