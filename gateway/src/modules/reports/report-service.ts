import type { Logger } from 'pino';
import { DateTime } from 'luxon';
import type { ReportsConfig } from '../../platform/config/closed-loop-schema.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import type { ReportRepo, ReportRow, ReportKind, ReportFormat } from './report-repo.ts';
import { reportData, type ReportSources } from './report-data.ts';
import { reportRowReader } from './report-readers.ts';
import { reportDocument } from './report-sections.ts';
import { REPORT_LABELS } from './report-labels.ts';
import { reportHtml } from './report-html.ts';
import { renderOffThread } from './render-off-thread.ts';
import type { ReportRenderer } from './report-renderer.ts';

export interface ReportSite {
  id: string;
  name: string;
  timeZone: string;
}

const LOCALES = { en: 'en-GB', ru: 'ru-RU', zh: 'zh-CN' } as const;

/** Makes reports (HTML, PDF, XLSX), keeps them in the store and mails them to the subscribers. */
export class ReportService {
  private readonly now: () => number;
  private readonly renderFiles: ReportRenderer;

  /** `renderer` draws the PDF and XLSX: a worker thread per report unless told otherwise (tests render in-thread). */
  constructor(
    private readonly deps: {
      repo: ReportRepo;
      sources: Omit<ReportSources, 'reports'>;
      config: ReportsConfig;
      mailer: Mailer;
      logger: Logger;
      now?: () => number;
      renderer?: ReportRenderer;
    },
  ) {
    this.now = deps.now ?? Date.now;
    this.renderFiles = deps.renderer ?? renderOffThread;
  }

  get repo(): ReportRepo {
    return this.deps.repo;
  }

  /** The files of a report for a site and period. */
  async render(site: ReportSite, from: number, to: number): Promise<Record<ReportFormat, Buffer>> {
    const language = this.deps.config.language;
    const data = await reportData({ ...this.deps.sources, reports: reportRowReader(this.deps.repo) }, site, from, to, this.now());
    const doc = reportDocument(data, REPORT_LABELS[language]);
    const { pdf, xlsx } = await this.renderFiles(doc, LOCALES[language], this.deps.config.pdfFont);
    return { html: Buffer.from(reportHtml(doc, language, LOCALES[language])), pdf, xlsx };
  }

  /**
   * Claims, renders, stores and sends a report. A weekly report whose week already has one is not
   * made again (undefined): the claim is a unique row in the store, so restarts and overlapping
   * passes cannot make two.
   */
  async make(site: ReportSite, kind: ReportKind, from: number, to: number, by: string): Promise<ReportRow | undefined> {
    const claimed = this.deps.repo.claim({ siteId: site.id, kind, periodFrom: from, periodTo: to, createdBy: by, at: this.now() });
    if (!claimed) return undefined;
    return this.finish(claimed, site);
  }

  /** Renders a claimed report and sends it; a failure is recorded on the report, never thrown. */
  async finish(report: ReportRow, site: ReportSite): Promise<ReportRow> {
    try {
      const files = await this.render(site, report.periodFrom, report.periodTo);
      this.deps.repo.complete(report.id, files);
      this.deps.logger.info({ reportId: report.id, siteId: site.id, kind: report.kind }, 'report made');
      if (report.kind === 'weekly') await this.send(report.id);
    } catch (error) {
      this.deps.logger.error({ err: error, reportId: report.id }, 'report failed');
      this.deps.repo.fail(report.id, (error as Error).message);
    }
    return this.deps.repo.get(report.id)!;
  }

  /** Mails a ready report (PDF and XLSX attached) to each subscriber not yet sent it; each outcome is recorded. */
  async send(reportId: number): Promise<void> {
    const report = this.deps.repo.get(reportId);
    if (!report || report.status !== 'ready' || !this.deps.mailer.enabled) return;
    const done = this.deps.repo.delivered(reportId);
    const html = this.deps.repo.file(reportId, 'html')!;
    const name = `report-${report.siteId}-${DateTime.fromMillis(report.periodFrom, { zone: 'UTC' }).toFormat('yyyy-MM-dd')}`;
    const title = /<title>([^<]*)<\/title>/.exec(html.toString('utf8'))?.[1] ?? 'Feedback report';
    for (const recipient of this.deps.config.subscribers.filter((s) => !done.has(s))) {
      try {
        await this.deps.mailer.send({
          to: [recipient],
          subject: title,
          text: `${title}\n\nThe report is attached as PDF and XLSX; it is also kept in the dashboard.`,
          html: html.toString('utf8'),
          attachments: [
            { filename: `${name}.pdf`, content: this.deps.repo.file(reportId, 'pdf')!, contentType: 'application/pdf' },
            {
              filename: `${name}.xlsx`,
              content: this.deps.repo.file(reportId, 'xlsx')!,
              contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            },
          ],
        });
        this.deps.repo.recordDelivery(reportId, recipient, this.now(), null);
      } catch (error) {
        this.deps.logger.warn({ err: error, reportId }, 'report e-mail not sent');
        this.deps.repo.recordDelivery(reportId, recipient, this.now(), (error as Error).message.slice(0, 500));
      }
    }
  }
}
