import type { DeviceInbox } from '../../../core/device-inbox.ts';

/** Longest validity of a one-time code (a week), as over HTTP. */
const MAX_VALID_MINUTES = 10_080;
const REQUEST_ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface SurveyCodeIssuer {
  /** a one-time code for the point, valid for `validMinutes`; undefined when there is no such point */
  issueOnce(pointId: string, validMinutes: number): { code: string; expiresAt: number } | undefined;
}

/**
 * One-time survey codes over MQTT, for a queue system or a POS that already speaks MQTT: it
 * publishes `<prefix>/survey-codes/request` with {"v":1,"requestId":"…","pointId":"…","validMinutes":60}
 * (validMinutes optional, default 1440) and gets `<prefix>/survey-codes/issued/<requestId>` with
 * {"v":1,"requestId","code","path","expiresAt"}, or {"v":1,"requestId","error"}. Unreadable requests
 * are counted drops. Who may publish and subscribe there is the broker's ACL (broker users).
 */
export function surveyCodesHandler(
  topicPrefix: string,
  deps: { issuer: SurveyCodeIssuer; inbox: Pick<DeviceInbox, 'drop'>; publish: (topic: string, payload: string) => void },
): [string, (topic: string, payload: Buffer) => void] {
  return [
    `${topicPrefix}/survey-codes/request`,
    (_topic, payload) => {
      let data: { v?: unknown; requestId?: unknown; pointId?: unknown; validMinutes?: unknown };
      try {
        data = JSON.parse(payload.toString()) as typeof data;
      } catch {
        return deps.inbox.drop('survey-code-malformed');
      }
      if (data === null || typeof data !== 'object' || typeof data.requestId !== 'string' || !REQUEST_ID.test(data.requestId))
        return deps.inbox.drop('survey-code-malformed');
      const { requestId } = data;
      const reply = (body: Record<string, unknown>) =>
        deps.publish(`${topicPrefix}/survey-codes/issued/${requestId}`, JSON.stringify({ v: 1, requestId, ...body }));
      const validMinutes = data.validMinutes ?? 1440;
      if (data.v !== 1) return reply({ error: 'v must be 1' });
      if (typeof data.pointId !== 'string') return reply({ error: 'pointId is missing' });
      if (typeof validMinutes !== 'number' || !Number.isInteger(validMinutes) || validMinutes < 1 || validMinutes > MAX_VALID_MINUTES) {
        return reply({ error: `validMinutes must be a whole number from 1 to ${MAX_VALID_MINUTES}` });
      }
      const issued = deps.issuer.issueOnce(data.pointId, validMinutes);
      if (!issued) return reply({ error: `no point "${data.pointId}"` });
      reply({ code: issued.code, path: `/s/${issued.code}`, expiresAt: issued.expiresAt });
    },
  ];
}
