import { PHONE_DEVICE_PREFIX } from '../../core/channel.ts';
import { surveyAnswerProblem, type SurveyIntake } from '../ingest/survey-answer.ts';
import type { SurveyConfig } from '../../platform/config/schema.ts';
import type { SurveyCode, SurveyCodeRepo } from './survey-code-repo.ts';
import type { LossRepo } from '../ingest/loss-repo.ts';
import { responseKeyOf } from '../../core/answer.ts';

export type PhoneRefusal = 'unknown' | 'expired' | 'used' | 'revoked' | 'no-survey' | 'invalid';

/** Submissions a point's standing code takes per minute before it answers "try again later" (ballot stuffing). */
export const STANDING_PER_MINUTE = 30;

/**
 * Submissions one client address may make on a point's standing code within STANDING_ADDRESS_WINDOW_MS
 * (a customer answers once; a second for a slip). Past it only that address is refused, and it
 * spends none of the point's quota, so one phone cannot stuff the box nor lock real customers out.
 */
export const STANDING_PER_ADDRESS = 2;
export const STANDING_ADDRESS_WINDOW_MS = 10 * 60_000;

/**
 * A standing code is the point's shared channel, like a terminal on the desk: a submission within
 * this long after the last counted one is flagged misuse (stored, never counted). A one-time code
 * belongs to one served customer and takes one submission, so it needs no interval.
 */
export const STANDING_RESPONSE_INTERVAL_MS = 5000;

/** The device id phone answers carry: one per point, so the dashboard can tell the channel apart. */
export const phoneDevice = (pointId: string) => `${PHONE_DEVICE_PREFIX}${pointId}`;

/**
 * Surveys answered on customers' own phones through a QR code: a point's standing code, or a
 * one-time code tied to one served customer (issued by the queue system or the POS). Answers enter
 * through ingest as a kiosk's do, stored once each by (phone device, code, submission).
 */
export class PhoneSurveys {
  private readonly recent = new Map<string, number[]>();
  /** per point and address, the times of its recent standing-code submissions (bounded) */
  private readonly byAddress = new Map<string, number[]>();
  private readonly now: () => number;

  constructor(
    private readonly deps: {
      codes: SurveyCodeRepo;
      /** ingest's door for survey answers: one check, one misuse rule, one writer for every channel */
      ingest: SurveyIntake;
      surveyOfPoint: (pointId: string) => SurveyConfig | undefined;
      siteOfPoint: (pointId: string) => string | undefined;
      /** where a submission refused for a fault of ours is kept as lost (the collection rate) */
      losses: LossRepo;
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

  /** Whether a point's standing code may take another submission from this address now, and this minute at all. */
  private withinRate(pointId: string, address: string, at: number): boolean {
    const key = `${pointId}\u0000${address}`;
    const mine = (this.byAddress.get(key) ?? []).filter((t) => t > at - STANDING_ADDRESS_WINDOW_MS);
    if (mine.length >= STANDING_PER_ADDRESS) return false;
    const times = (this.recent.get(pointId) ?? []).filter((t) => t > at - 60_000);
    if (times.length >= STANDING_PER_MINUTE) return false;
    times.push(at);
    this.recent.set(pointId, times);
    this.byAddress.delete(key);
    this.byAddress.set(key, [...mine, at]);
    if (this.byAddress.size > 10_000) this.byAddress.delete(this.byAddress.keys().next().value!);
    return true;
  }

  /**
   * Stores one submission's answers through ingest, as a terminal's are (the same check, misuse
   * rule and event). A one-time code is used by the first submission (a second is refused as
   * 'used'); a standing code takes any number, within its per-point rate, and its runs are held to
   * the point's phone response interval like a shared terminal's.
   */
  async submit(
    code: string,
    answers: { question: number; value: number | null }[],
    /** the client's address (a standing code's per-address limit) */
    address = '',
  ): Promise<{ answers: { question: number; deviceId: string; boot: number; seq: number }[] } | PhoneRefusal | 'rate'> {
    const opened = this.open(code);
    if (typeof opened === 'string') return opened;
    const { code: row, survey } = opened;
    const at = this.now();
    // checked before the code is used, so that a submission ingest would refuse does not spend a one-time code
    if (answers.some((a) => surveyAnswerProblem(survey, a.question, a.value) !== undefined)) return 'invalid';
    const siteId = this.deps.siteOfPoint(row.pointId);
    if (siteId === undefined) return 'no-survey';
    if (row.kind === 'standing' && !this.withinRate(row.pointId, address, at)) return 'rate';
    if (row.kind === 'once' && !this.deps.codes.use(row.id, at)) return 'used';
    const submission = row.kind === 'once' ? 1 : this.deps.codes.nextSubmission(row.id);
    const channel = {
      deviceId: phoneDevice(row.pointId),
      boot: row.id,
      siteId,
      pointId: row.pointId,
      survey,
      responseIntervalMs: row.kind === 'standing' ? STANDING_RESPONSE_INTERVAL_MS : 0,
      source: 'phone' as const,
    };
    const run = submission * 1000 + 1;
    const seqOf = (question: number) => submission * 1000 + survey.questions.findIndex((q) => q.number === question) + 1;
    const stored = answers.map((a) => ({ question: a.question, seq: seqOf(a.question), value: a.value }));
    let deliveries;
    try {
      deliveries = await Promise.all(
        stored.map((a) => {
          const answer = { seq: a.seq, questionNumber: a.question, value: a.value, dated: () => at, receivedAt: at, run };
          return this.deps.ingest.surveyAnswer(channel, answer);
        }),
      );
    } catch (error) {
      // The customer answered and we could not keep it (a full disk, a store that failed): a lost response.
      const key = responseKeyOf(channel.deviceId, channel.boot, run, run);
      this.deps.losses.add({ key, kind: 'phoneRefused', siteId, pointId: row.pointId, count: 1, at });
      throw error;
    }
    if (deliveries.some((d) => d.outcome === 'refused')) return 'invalid';
    return { answers: stored.map((a) => ({ question: a.question, deviceId: channel.deviceId, boot: channel.boot, seq: a.seq })) };
  }
}
