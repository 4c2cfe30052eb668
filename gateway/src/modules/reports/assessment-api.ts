import { Type } from '@sinclair/typebox';
import { ErrorBody, Id, Nullable } from '../../platform/http/schemas.ts';

export const Scores = Type.Object({ total: Type.Number(), sections: Type.Record(Type.String(), Type.Number()) });

export const AnswerSchema = Type.Union([Type.Literal('yes'), Type.Literal('partly'), Type.Literal('no')]);

export const Saved = Type.Object({
  id: Type.Integer(),
  siteId: Nullable(Type.String()),
  takenAt: Type.Integer(),
  takenBy: Type.String(),
  score: Type.Number(),
  scores: Scores,
  answers: Type.Record(Type.String(), Type.Object({ answer: AnswerSchema, automatic: Type.Boolean(), evidence: Nullable(Type.String()) })),
});

/** The schemas of assessment-routes.ts by "METHOD /path": the routes validate with them; main/contract.ts derives the endpoint map from them. */
export const assessmentApi = {
  'GET /api/assessments/checklist': {
    tags: ['assessments'],
    description:
      "The checklist's items by section, each the gateway can answer with its automatic answer and the evidence (its figures over the last 30 days)",
    querystring: Type.Object({ siteId: Id }),
    response: {
      200: Type.Object({
        sections: Type.Array(Type.String()),
        items: Type.Array(
          Type.Object({
            id: Type.String(),
            section: Type.String(),
            text: Type.String(),
            automatic: Nullable(Type.Object({ answer: AnswerSchema, evidence: Type.String() })),
          }),
        ),
      }),
      403: ErrorBody,
      404: ErrorBody,
    },
  },
  'POST /api/assessments': {
    tags: ['assessments'],
    description: 'Saves an assessment: the answers given, and the automatic answers (with their evidence) for the items left out',
    body: Type.Object(
      { siteId: Id, answers: Type.Record(Type.String({ maxLength: 64 }), AnswerSchema, { maxProperties: 100 }) },
      { additionalProperties: false },
    ),
    response: { 201: Saved, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody },
  },
  'GET /api/assessments': {
    tags: ['assessments'],
    description: 'Saved assessments, oldest first, with their scores per section: compared over time',
    querystring: Type.Object({ siteId: Type.Optional(Id), limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }) }),
    response: { 200: Type.Object({ assessments: Type.Array(Saved) }), 403: ErrorBody },
  },
};
