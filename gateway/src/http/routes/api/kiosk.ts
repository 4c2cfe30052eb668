import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { HttpServices } from '../../services.ts';
import { ErrorBody } from '../../schemas.ts';
import { KioskSurveySchema } from '../../schemas-kiosk.ts';
import { HttpError } from '../../errors.ts';
import { principalOf } from '../../scope.ts';
import { ContactInput } from '../../schemas-cases.ts';
import { normaliseContact, screenComment } from '../../../domain/comment-screen.ts';
import { polarity, scaleRange } from '../../../domain/scale.ts';
import type { SurveyConfig } from '../../../config/schema.ts';
import { weekKey } from '../../../staff/pulse-summary.ts';

/** The survey's follow-up with the values of its question split into halves, so the terminal need not know the scales' rules. */
function followUpOf(survey: SurveyConfig) {
  const f = survey.followUp;
  const question = f && survey.questions.find((q) => q.number === f.question);
  const range = question && scaleRange(question.scale);
  if (!f || !question || !range) return undefined;
  const values = Array.from({ length: range.max - range.min + 1 }, (_, i) => range.min + i);
  return {
    ...f,
    positiveValues: values.filter((v) => polarity(question.scale, v) === 'positive'),
    negativeValues: values.filter((v) => polarity(question.scale, v) === 'negative'),
  };
}

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
export const kioskRoutes: FastifyPluginAsyncTypebox<{ services: Pick<HttpServices, 'devices' | 'config' | 'inbox' | 'notes' | 'bus' | 'pulse' | 'topology'> }> = async (app, { services }) => {
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
      const surveyId = services.devices.get(deviceId)?.surveyId;
      const survey = services.config.surveys.find((s) => s.id === surveyId);
      if (!survey) throw new HttpError(404, `Device "${deviceId}" has no survey`);
      const followUp = followUpOf(survey);
      return { deviceId, survey: { id: survey.id, name: survey.name, questions: survey.questions.map(({ id, number, scale, label }) => ({ id, number, scale, label })), ...(followUp ? { followUp } : {}) } };
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
          const r = await services.inbox.answer({ deviceId, boot: request.body.boot, seq: a.seq, questionNumber: a.question, value: a.value, uptimeMs: a.uptimeMs, receivedAt, source: 'kiosk' });
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
            reasons: Type.Array(Type.String({ pattern: '^[A-Za-z0-9_.:-]{1,64}$' }), { maxItems: 6, default: [] }),
            comment: Type.Optional(Type.String({ maxLength: 2000 })),
            contact: Type.Optional(ContactInput),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ outcome: Type.Union([Type.Literal('stored'), Type.Literal('duplicate')]), flags: Type.Array(Type.String()) }), 400: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) => {
      const deviceId = kioskDevice(request);
      const { boot, seq, reasons, contact } = request.body;
      const answer = services.notes.answer(deviceId, boot, seq);
      if (!answer) throw new HttpError(409, `Answer ${boot}/${seq} has not arrived yet; send the note again after it`);
      const normalised = contact ? normaliseContact(contact.kind, contact.value) : null;
      if (normalised === undefined) throw new HttpError(400, `That is not a valid ${contact!.kind === 'email' ? 'e-mail address' : 'phone number'}`);
      const comment = request.body.comment?.trim() || null;
      const flags = comment ? screenComment(comment) : [];
      const note = {
        deviceId,
        boot,
        seq,
        siteId: answer.siteId,
        pointId: answer.pointId,
        scale: answer.scale,
        value: answer.value,
        negative: answer.value !== null && polarity(answer.scale, answer.value) === 'negative',
        reasons: [...new Set(reasons)],
        comment,
        contact: normalised,
        flags,
        notedAt: Date.now(),
      };
      const stored = services.notes.save(note);
      if (stored) services.bus.emit('note:stored', note);
      return { outcome: stored ? ('stored' as const) : ('duplicate' as const), flags };
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
