import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { HttpError } from '../../platform/http/errors.ts';
import { principalOf } from '../../platform/http/scope.ts';
import { surveyView } from './survey-view.ts';
import { weekKey } from '../staff/pulse-summary.ts';
import type { AnswerNotes } from '../ingest/answer-notes.ts';
import type { Config } from '../../platform/config/schema.ts';
import type { DeviceInbox } from '../../core/device-inbox.ts';
import type { DeviceRegistry } from '../devices/device-registry.ts';
import type { PulseRepo } from '../staff/pulse-repo.ts';
import type { TopologyRepo } from '../../platform/settings/topology-repo.ts';
import { kioskApi } from './kiosk-api.ts';

/** A kiosk token's device (kiosk tokens are always bound to one). */
function kioskDevice(request: FastifyRequest): string {
  const principal = principalOf(request);
  if (principal.kind !== 'token' || principal.token.deviceId === null) throw new HttpError(403, 'Only a kiosk token has a kiosk device');
  return principal.token.deviceId;
}

/**
 * What a kiosk token may do: read its own device's survey and submit answers as that device. Answers
 * carry the same identity as a terminal's (boot, seq), so a resent answer is stored once.
 */
export const kioskRoutes: FastifyPluginAsyncTypebox<{
  services: {
    devices: DeviceRegistry;
    config: Config;
    inbox: DeviceInbox;
    answerNotes: AnswerNotes;
    pulse: PulseRepo;
    topology: TopologyRepo;
  };
}> = async (app, { services }) => {
  app.get(
    '/api/kiosk/survey',
    {
      config: { access: 'kiosk' },
      schema: kioskApi['GET /api/kiosk/survey'],
    },
    async (request) => {
      const deviceId = kioskDevice(request);
      const device = services.devices.get(deviceId);
      const survey = services.config.surveys.find((s) => s.id === device?.surveyId);
      if (!survey) throw new HttpError(404, `Device "${deviceId}" has no survey`);
      return { deviceId, ...(device?.language ? { language: device.language } : {}), survey: surveyView(survey) };
    },
  );

  app.post(
    '/api/kiosk/answers',
    {
      config: { access: 'kiosk' },
      schema: kioskApi['POST /api/kiosk/answers'],
    },
    async (request) => {
      const deviceId = kioskDevice(request);
      const receivedAt = Date.now();
      const { clock } = request.body;
      // The terminal's clock may be off; how far is measured at this request (its send time against
      // our receive time), so its boot can be placed on our clock even for answers sent much later.
      if (clock && clock.bootWallMs <= clock.sentWallMs)
        services.inbox.booted(deviceId, request.body.boot, clock.bootWallMs + (receivedAt - clock.sentWallMs), receivedAt);
      const results = await Promise.all(
        request.body.answers.map(async (a) => {
          const r = await services.inbox.answer({
            deviceId,
            boot: request.body.boot,
            seq: a.seq,
            questionNumber: a.question,
            value: a.value,
            uptimeMs: a.uptimeMs,
            receivedAt,
            source: 'kiosk',
            readMs: a.readMs,
            run: a.run,
          });
          return r.outcome === 'refused' ? { seq: a.seq, outcome: r.outcome, reason: r.reason } : { seq: a.seq, outcome: r.outcome };
        }),
      );
      return { results };
    },
  );

  app.post(
    '/api/kiosk/notes',
    {
      config: { access: 'kiosk' },
      schema: kioskApi['POST /api/kiosk/notes'],
    },
    async (request) => {
      const { boot, seq, ...note } = request.body;
      return services.answerNotes.store({ deviceId: kioskDevice(request), boot, seq }, note);
    },
  );

  app.post(
    '/api/kiosk/pulse',
    {
      config: { access: 'kiosk' },
      schema: kioskApi['POST /api/kiosk/pulse'],
    },
    async (request) => {
      const deviceId = kioskDevice(request);
      const { key, enps, drained } = request.body;
      if (enps === null && drained === null) throw new HttpError(400, 'A pulse needs at least one of its two answers');
      const siteId = services.topology.siteOfDevice(deviceId);
      const site = services.topology.sites().find((s) => s.id === siteId);
      if (!site) throw new HttpError(400, `Device "${deviceId}" has no site`);
      const stored = services.pulse.add({ key, siteId: site.id, week: weekKey(Date.now(), site.timeZone), enps, drained });
      return { outcome: stored ? ('stored' as const) : ('duplicate' as const) };
    },
  );
};
