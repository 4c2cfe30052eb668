import { PHONE_DEVICE_PREFIX } from '../../core/channel.ts';
import type { AnswerWriter } from '../ingest/answer-writer.ts';
import type { SurveyConfig } from '../../platform/config/schema.ts';
import type { Answer } from '../../core/answer.ts';
import type { SurveyCode, SurveyCodeRepo } from './survey-code-repo.ts';
import { scaleRange } from '../../core/scale.ts';

export type PhoneRefusal = 'unknown' | 'expired' | 'used' | 'revoked' | 'no-survey' | 'invalid';

/** Submissions a point's standing code takes per minute before it answers "try again later" (ballot stuffing). */
export const STANDING_PER_MINUTE = 30;

/** The device id phone answers carry: one per point, so the dashboard can tell the channel apart. */
export const phoneDevice = (pointId: string) => `${PHONE_DEVICE_PREFIX}${pointId}`;

/**
 * Surveys answered on customers' own phones through a QR code: a point's standing code, or a
 * one-time code tied to one served customer (issued by the queue system or the POS). Answers are
 * the same normalised answers as a kiosk's, stored once each by (phone device, code, submission).
 */
export class PhoneSurveys {
  private readonly recent = new Map<string, number[]>();
  private readonly now: () => number;

  constructor(
    private readonly deps: {
      codes: SurveyCodeRepo;
      writer: AnswerWriter;
      surveyOfPoint: (pointId: string) => SurveyConfig | undefined;
      siteOfPoint: (pointId: string) => string | undefined;
      staffAt: (pointId: string, ms: number) => string | null;
      now?: () => number;
    },
  ) {
    this.now = deps.now ?? Date.now;
  }

  get codes(): SurveyCodeRepo {
    return this.deps.codes;
  }

  /** The code and its point's survey, or why it cannot be used. */
  open(code: string): { code: SurveyCode; survey: SurveyConfig } | PhoneRefusal {
    const row = this.deps.codes.byCode(code);
    if (!row) return 'unknown';
    if (row.revokedAt !== null) return 'revoked';
    if (row.expiresAt !== null && row.expiresAt <= this.now()) return 'expired';
    if (row.usedAt !== null) return 'used';
    const survey = this.deps.surveyOfPoint(row.pointId);
    return survey ? { code: row, survey } : 'no-survey';
  }

  /** Whether a point's standing code may take another submission this minute. */
  private withinRate(pointId: string, at: number): boolean {
    const times = (this.recent.get(pointId) ?? []).filter((t) => t > at - 60_000);
    if (times.length >= STANDING_PER_MINUTE) return false;
    times.push(at);
    this.recent.set(pointId, times);
    return true;
  }

  /**
   * Stores one submission's answers. A one-time code is used by the first submission (a second
   * is refused as 'used'); a standing code takes any number, within its per-point rate.
   */
  async submit(code: string, answers: { question: number; value: number | null }[]): Promise<{ answers: { question: number; deviceId: string; boot: number; seq: number }[] } | PhoneRefusal | 'rate'> {
    const opened = this.open(code);
    if (typeof opened === 'string') return opened;
    const { code: row, survey } = opened;
    const at = this.now();
    for (const a of answers) {
      const question = survey.questions.find((q) => q.number === a.question);
      const range = question && scaleRange(question.scale);
      if (!question || (a.value !== null && (!range || a.value < range.min || a.value > range.max))) return 'invalid';
    }
    if (row.kind === 'standing' && !this.withinRate(row.pointId, at)) return 'rate';
    if (row.kind === 'once' && !this.deps.codes.use(row.id, at)) return 'used';
    const submission = row.kind === 'once' ? 1 : this.deps.codes.nextSubmission(row.id);
    const siteId = this.deps.siteOfPoint(row.pointId)!;
    const stored = answers.map((a) => {
      const position = survey.questions.findIndex((q) => q.number === a.question);
      const question = survey.questions[position]!;
      const answer: Answer = {
        deviceId: phoneDevice(row.pointId),
        boot: row.id,
        seq: submission * 1000 + position + 1,
        siteId,
        pointId: row.pointId,
        staffId: this.deps.staffAt(row.pointId, at),
        surveyId: survey.id,
        questionId: question.id,
        scale: question.scale,
        value: a.value,
        occurredAt: at,
        receivedAt: at,
        misuse: false,
        source: 'phone',
      };
      return answer;
    });
    await Promise.all(stored.map((a) => this.deps.writer.submit(a)));
    return { answers: stored.map((a, i) => ({ question: answers[i]!.question, deviceId: a.deviceId, boot: a.boot, seq: a.seq })) };
  }
}
