import { Type, type TSchema } from '@sinclair/typebox';

/** A schema that also allows null. */
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const ErrorBody = Type.Object({
  statusCode: Type.Integer(),
  error: Type.String(),
  message: Type.String(),
});

export const IndexResultSchema = Type.Object({
  value: Type.Union([Type.Number(), Type.Null()]),
  n: Type.Integer(),
  ci: Type.Union([Type.Tuple([Type.Number(), Type.Number()]), Type.Null()]),
  enough: Type.Boolean(),
  extra: Type.Optional(Type.Record(Type.String(), Type.Union([Type.Number(), Type.Null()]))),
});

export const PointSummarySchema = Type.Object({
  pointId: Type.String(),
  siteId: Type.String(),
  name: Type.String(),
  from: Type.Integer({ description: 'start of the range, ms since epoch (local midnight of the site)' }),
  to: Type.Integer(),
  happyIndex: IndexResultSchema,
});

export const AnswerSchema = Type.Object({
  id: Type.Integer(),
  deviceId: Type.String(),
  boot: Type.Integer(),
  seq: Type.Integer(),
  siteId: Type.String(),
  pointId: Type.String(),
  staffId: Type.Union([Type.String(), Type.Null()]),
  surveyId: Type.Union([Type.String(), Type.Null()]),
  questionId: Type.Union([Type.String(), Type.Null()]),
  scale: Type.String(),
  value: Type.Union([Type.Integer(), Type.Null()], { description: 'null: the question was skipped' }),
  occurredAt: Type.Integer(),
  receivedAt: Type.Integer(),
  misuse: Type.Boolean(),
  source: Type.String(),
});
