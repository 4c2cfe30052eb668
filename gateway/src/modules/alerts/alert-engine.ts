import type { Logger } from 'pino';
import type { AlertRuleConfig } from '../../platform/config/schema.ts';
import type { IndexService } from '../indices/index-service.ts';
import type { EventBus } from '../../platform/events/bus.ts';
import type { AlertRepo, Alert } from './alert-repo.ts';

/** METRICS.md's default: negative share ≥ 50% over a 15-minute window with at least 4 responses (4 customers, not 4 questions). */
export const DEFAULT_RULE: AlertRuleConfig = {
  id: 'negative-share',
  kind: 'negativeShare',
  percent: 50,
  windowMinutes: 15,
  minResponses: 4,
};

/** A negative-share rule's fewest responses: minResponses, else minAnswers (its name in rules stored before), else 4. */
export function minResponsesOf(rule: Extract<AlertRuleConfig, { kind: 'negativeShare' }>): number {
  return rule.minResponses ?? rule.minAnswers ?? 4;
}

/**
 * Whether `negative` of `responses` reach a negative-share rule's threshold: its percent (0–100), else its
 * share (0..1, the form of rules stored before, compared as it always was), else 50%.
 */
export function reachesThreshold(rule: Extract<AlertRuleConfig, { kind: 'negativeShare' }>, negative: number, responses: number): boolean {
  if (responses === 0) return false;
  if (rule.percent === undefined && rule.share !== undefined) return negative / responses >= rule.share;
  return (100 * negative) / responses >= (rule.percent ?? 50);
}

/** The rules the engine judges: the default one when the configuration keeps it, then the configured ones. */
export function rulesOf(alerts: { defaults: boolean; rules: AlertRuleConfig[] }): AlertRuleConfig[] {
  return [...(alerts.defaults ? [DEFAULT_RULE] : []), ...alerts.rules];
}

interface Verdict {
  firing: boolean;
  value: number | null;
  n: number;
  message: string;
  params: Record<string, string | number>;
}

/**
 * Evaluates alert rules over sliding windows ending now: after each commit for the points that got
 * answers, and on a timer for windows that close with no new answer. A rule fires once per point
 * until its condition clears, which closes the alert (acknowledged or not). Evaluations run one
 * after another, never interleaved, however slowly the store answers.
 */
export class AlertEngine {
  private timer: NodeJS.Timeout | undefined;
  private everyMs: number | undefined;
  private rules: readonly AlertRuleConfig[];
  /** the evaluation running or last run: the next one starts when it has settled */
  private queue: Promise<void> = Promise.resolve();
  /** the timed pass in progress: a tick while it runs is skipped rather than queued behind it */
  private timed: Promise<void> | undefined;

  constructor(
    private readonly deps: {
      rules: AlertRuleConfig[];
      pointIds: () => string[];
      indices: IndexService;
      store: AlertRepo;
      bus: EventBus;
      logger: Pick<Logger, 'error'>;
      clock?: () => number;
    },
  ) {
    this.rules = deps.rules;
  }

  /** The rules and the interval from now on (the settings changed); a running timer restarts when the interval changed. */
  reconfigure(rules: readonly AlertRuleConfig[], everyMs: number): void {
    this.rules = rules;
    if (this.timer === undefined || everyMs === this.everyMs) return;
    clearInterval(this.timer);
    this.schedule(everyMs);
  }

  private schedule(everyMs: number): void {
    this.everyMs = everyMs;
    this.timer = setInterval(() => {
      this.timed ??= this.evaluate()
        .catch((error: unknown) => this.report(error))
        .finally(() => (this.timed = undefined));
    }, everyMs);
    this.timer.unref();
  }

  private report(error: unknown): void {
    this.deps.logger.error({ err: error }, 'alert rules not evaluated');
  }

  private now(): number {
    return (this.deps.clock ?? Date.now)();
  }

  /** Evaluates after each commit and every `everyMs`; stopping waits for the evaluation in progress. */
  start(everyMs: number): () => Promise<void> {
    const unsubscribe = this.deps.bus.on('answers:stored', (events) => {
      this.evaluate(new Set(events.map((e) => e.pointId))).catch((error: unknown) => this.report(error));
    });
    this.schedule(everyMs);
    return async () => {
      unsubscribe();
      clearInterval(this.timer);
      this.timer = undefined;
      await this.queue;
    };
  }

  /** Evaluates every rule at the given points (all points when none are given), after any evaluation in progress. */
  evaluate(pointIds?: Set<string>): Promise<void> {
    const run = this.queue.then(() => this.evaluateNow(pointIds));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async evaluateNow(pointIds?: Set<string>): Promise<void> {
    const now = this.now();
    for (const pointId of this.deps.pointIds()) {
      if (pointIds && !pointIds.has(pointId)) continue;
      for (const rule of this.rules) {
        if (rule.pointId && rule.pointId !== pointId) continue;
        const verdict = await this.judge(rule, pointId, now);
        const active = this.deps.store.active(rule.id, pointId);
        if (verdict.firing && !active) {
          this.emit(
            'alert.fired',
            this.deps.store.fire({
              ruleId: rule.id,
              pointId,
              kind: rule.kind,
              firedAt: now,
              value: verdict.value,
              n: verdict.n,
              message: verdict.message,
              params: verdict.params,
            }),
          );
        } else if (!verdict.firing && active) {
          this.emit('alert.closed', this.deps.store.close(active.id, now));
        }
      }
    }
  }

  acknowledge(id: number, by: string, comment: string | null): Alert | undefined {
    const alert = this.deps.store.acknowledge(id, by, comment, this.now());
    if (alert) this.emit('alert.acknowledged', alert);
    return alert;
  }

  private emit(event: 'alert.fired' | 'alert.acknowledged' | 'alert.closed', alert: Alert): void {
    this.deps.bus.emit('alert:changed', event, alert);
  }

  private async judge(rule: AlertRuleConfig, pointId: string, now: number): Promise<Verdict> {
    const from = now - rule.windowMinutes * 60_000;
    const window = `in the last ${rule.windowMinutes} min`;
    switch (rule.kind) {
      case 'negativeShare': {
        // Responses, not answers: one kiosk customer with four low answers is one negative response.
        const c = await this.deps.indices.responseCounts({ pointId, from, to: now });
        // a percentage 0–100 of the responses (its n), as every share in the API
        const percent = c.responses ? (100 * c.negative) / c.responses : 0;
        return {
          firing: c.responses >= minResponsesOf(rule) && reachesThreshold(rule, c.negative, c.responses),
          value: c.responses ? percent : null,
          n: c.responses,
          message: `${Math.round(percent)}% negative (${c.negative} of ${c.responses} responses) ${window}`,
          params: { share: Math.round(percent), negative: c.negative, responses: c.responses, window: rule.windowMinutes },
        };
      }
      case 'threshold': {
        const r = await this.deps.indices.compute({ index: rule.index as 'happy', pointId, from, to: now });
        const crossed =
          r.value !== null && ((rule.above !== undefined && r.value > rule.above) || (rule.below !== undefined && r.value < rule.below));
        return {
          firing: r.n >= rule.minAnswers && crossed,
          value: r.value,
          n: r.n,
          message: `${rule.index} ${r.value?.toFixed(1) ?? '–'} ${rule.below !== undefined ? `below ${rule.below}` : `above ${rule.above}`} ${window}`,
          params: {
            index: rule.index,
            value: r.value === null ? '–' : Number(r.value.toFixed(1)),
            direction: rule.below !== undefined ? 'below' : 'above',
            bound: rule.below ?? rule.above ?? 0,
            window: rule.windowMinutes,
          },
        };
      }
      case 'count': {
        const c = await this.deps.indices.responseCounts({ pointId, from, to: now });
        const k = c[rule.polarity];
        return {
          firing: k >= rule.count,
          value: k,
          n: c.responses,
          message: `${k} ${rule.polarity} responses ${window}`,
          params: { count: k, polarity: rule.polarity, window: rule.windowMinutes, unit: 'responses' },
        };
      }
    }
  }
}
