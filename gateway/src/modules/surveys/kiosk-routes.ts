import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { ErrorBody } from '../../platform/http/schemas.ts';
import { KioskSurveySchema } from './schemas.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { principalOf } from '../../platform/http/scope.ts';
import { NoteFields, NoteOutcome } from '../ingest/schemas.ts';
import { surveyView } from './survey-view.ts';
import { weekKey } from '../staff/pulse-summary.ts';
import type { AnswerNotes } from '../ingest/answer-notes.ts';
import type { Config } from '../../platform/config/schema.ts';
import type { DeviceInbox } from '../../core/device-inbox.ts';
import type { DeviceRegistry } from '../devices/device-registry.ts';
import type { PulseRepo } from '../staff/pulse-repo.ts';
import type { TopologyRepo } from '../../platform/settings/topology-repo.ts';

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
export const kioskRoutes: FastifyPluginAsyncTypebox<{ services: { devices: DeviceRegistry; config: Config; inbox: DeviceInbox; answerNotes: AnswerNotes; pulse: PulseRepo; topology: TopologyRepo } }> = async (app, { services }) => {
  app.get(
    '/api/kiosk/survey',
    {
      config: { access: 'kiosk' },
      schema: {
        tags: ['kiosk'],
        description: "The survey of the kiosk token's device",
        response: {
          200: KioskSurveySchema,
          404: ErrorBody,
        },
      },
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
      schema: {
        tags: ['kiosk'],
        description: 'Answers from the kiosk, stored exactly once by (device, boot, seq); each gets its outcome',
        body: Type.Object(
          {
            boot: Type.Integer({ minimum: 0, maximum: 65535 }),
            answers: Type.Array(
              Type.Object(
                {
                  seq: Type.Integer({ minimum: 1, maximum: 4294967295 }),
                  question: Type.Integer({ minimum: 0, maximum: 65535 }),
                  // One JSON-schema type list, not a union: fastify's validator coerces types, and it tries a
                  // union's members in turn, so either order turned one of null (skipped) and 0 (the lowest
                  // rating) into the other. A type list matches each value as it is.
                  value: Type.Unsafe<number | null>({ type: ['integer', 'null'], minimum: 0, maximum: 255, description: 'the rating, or null when the question was skipped' }),
                  uptimeMs: Type.Integer({ minimum: 0, maximum: 4294967295 }),
                  readMs: Type.Optional(Type.Integer({ minimum: 0, maximum: 86_400_000, description: 'how long the question was on screen before the answer; under 600 ms it is flagged misuse' })),
                  run: Type.Optional(Type.Integer({ minimum: 1, maximum: 4294967295, description: "the seq of this survey run's first answer; a run starting within the device's response interval after the last counted one is flagged misuse" })),
                },
                { additionalProperties: false },
              ),
              { minItems: 1, maxItems: 50 },
            ),
            clock: Type.Optional(
              Type.Object(
                {
                  bootWallMs: Type.Integer({ minimum: 0, description: "when the terminal's boot began, by the terminal's own clock (ms)" }),
                  sentWallMs: Type.Integer({ minimum: 0, description: "when the terminal sent this request, by the same clock (ms)" }),
                },
                { additionalProperties: false, description: 'lets answers kept while the gateway was away be dated when they were given, whatever the terminal clock says' },
              ),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ results: Type.Array(Type.Object({ seq: Type.Integer(), outcome: Type.Union([Type.Literal('stored'), Type.Literal('duplicate'), Type.Literal('refused')]), reason: Type.Optional(Type.String()) })) }),
        },
      },
    },
    async (request) => {
      const deviceId = kioskDevice(request);
      const receivedAt = Date.now();
      const { clock } = request.body;
      // The terminal's clock may be off; how far is measured at this request (its send time against
      // our receive time), so its boot can be placed on our clock even for answers sent much later.
      if (clock && clock.bootWallMs <= clock.sentWallMs) services.inbox.booted(deviceId, request.body.boot, clock.bootWallMs + (receivedAt - clock.sentWallMs), receivedAt);
      const results = await Promise.all(
        request.body.answers.map(async (a) => {
          const r = await services.inbox.answer({ deviceId, boot: request.body.boot, seq: a.seq, questionNumber: a.question, value: a.value, uptimeMs: a.uptimeMs, receivedAt, source: 'kiosk', readMs: a.readMs, run: a.run });
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
      schema: {
        tags: ['kiosk'],
        description:
          "What the customer added to an answer already sent (by its boot and seq): follow-up reasons, a comment, a callback request with consent. Stored once per answer; 409 until the answer itself has arrived (the terminal sends it again later).",
        body: Type.Object(
          {
            boot: Type.Integer({ minimum: 0, maximum: 65535 }),
            seq: Type.Integer({ minimum: 1, maximum: 4294967295 }),
            ...NoteFields,
          },
          { additionalProperties: false },
        ),
        response: { 200: NoteOutcome, 400: ErrorBody, 409: ErrorBody },
      },
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
      schema: {
        tags: ['kiosk'],
        description:
          "A staff member's anonymous pulse at the end of a shift: engagement (eNPS, 0–10) and how drained (1–5). Stored by the terminal's site and local week only, once per key.",
        body: Type.Object(
          {
            key: Type.String({ pattern: '^[A-Za-z0-9-]{16,64}$', description: "the terminal's random idempotency key for this answer" }),
            enps: Type.Unsafe<number | null>({ type: ['integer', 'null'], minimum: 0, maximum: 10 }),
            drained: Type.Unsafe<number | null>({ type: ['integer', 'null'], minimum: 1, maximum: 5 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ outcome: Type.Union([Type.Literal('stored'), Type.Literal('duplicate')]) }), 400: ErrorBody },
      },
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
