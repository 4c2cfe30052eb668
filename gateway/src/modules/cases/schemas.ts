import { Type } from '@sinclair/typebox';
import { CASE_CATEGORIES, CASE_ORIGINS, CASE_STATUSES, DEADLINE_KINDS } from './case.ts';
import { IndexResultSchema, Nullable } from '../../platform/http/schemas.ts';

/** A union of string literals, from a list of them. */
export const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const CaseCategorySchema = literals(CASE_CATEGORIES);
export const CaseStatusSchema = literals(CASE_STATUSES);
export const SeveritySchema = Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3)]);

/** A callback contact: given only with the customer's explicit consent. */
export const ContactInput = Type.Object(
  {
    kind: Type.Union([Type.Literal('phone'), Type.Literal('email')]),
    value: Type.String({ minLength: 3, maxLength: 254 }),
    consent: Type.Literal(true, { description: 'the customer agreed to be contacted; without it no contact is taken' }),
  },
  { additionalProperties: false },
);

export const CaseBody = Type.Object({
  id: Type.Integer(),
  siteId: Type.String(),
  pointId: Nullable(Type.String()),
  origin: literals(CASE_ORIGINS),
  sourceKey: Nullable(Type.String()),
  category: CaseCategorySchema,
  subcategory: Nullable(Type.String()),
  severity: SeveritySchema,
  status: CaseStatusSchema,
  department: Type.String(),
  owner: Type.String(),
  escalatedTo: Nullable(Type.String()),
  summary: Type.String(),
  contact: Nullable(Type.String({ description: 'only for those who may handle cases; null without consent or once erased' })),
  openedAt: Type.Integer(),
  acknowledgedAt: Nullable(Type.Integer()),
  resolvedAt: Nullable(Type.Integer()),
  closedAt: Nullable(Type.Integer()),
  overdueAt: Nullable(Type.Integer()),
  rootCause: Nullable(Type.String()),
  customerConfirmed: Nullable(Type.Union([Type.Boolean(), Type.Literal('unreachable')])),
  followUp: Nullable(Type.String()),
  repeatOf: Nullable(Type.Integer()),
  deadlines: Type.Array(
    Type.Object({
      kind: literals(DEADLINE_KINDS),
      dueAt: Type.Integer(),
      metAt: Nullable(Type.Integer()),
      missedAt: Nullable(Type.Integer()),
    }),
  ),
});

export const CaseEventBody = Type.Object({
  id: Type.Integer(),
  caseId: Type.Integer(),
  at: Type.Integer(),
  actor: Type.String(),
  action: Type.String(),
  detail: Nullable(Type.String()),
});

export const ReportBody = Type.Object({
  id: Type.Integer(),
  siteId: Type.String(),
  kind: Type.Union([Type.Literal('weekly'), Type.Literal('on_demand')]),
  periodFrom: Type.Integer(),
  periodTo: Type.Integer(),
  createdAt: Type.Integer(),
  createdBy: Type.String(),
  status: Type.Union([Type.Literal('pending'), Type.Literal('ready'), Type.Literal('failed')]),
  error: Nullable(Type.String()),
});

export const CommentBody = Type.Object({
  deviceId: Type.String(),
  boot: Type.Integer(),
  seq: Type.Integer(),
  pointId: Type.String(),
  scale: Type.String(),
  value: Nullable(Type.Integer()),
  polarity: Type.Union([Type.Literal('positive'), Type.Literal('neutral'), Type.Literal('negative')]),
  comment: Type.String(),
  flags: Type.Array(Type.String()),
  publishable: Type.Boolean({ description: 'shown on the point’s staff screen' }),
  notedAt: Type.Integer(),
});

/** A site-week of the staff pulse (shown only for groups of at least 5 staff on shift and 5 answers). */
export const PulseWeekSchema = Type.Object({
  week: Type.String({ description: 'the Monday the local week starts' }),
  staffOnShift: Type.Integer(),
  answers: Type.Integer(),
  ended: Type.Boolean({ description: "the week has ended (the site's local Monday 00:00 after it has passed)" }),
  shown: Type.Boolean({ description: 'false unless the week has ended, at least 5 staff were on shift and 5 answers came in' }),
  enps: Nullable(IndexResultSchema),
  drained: Nullable(
    Type.Object({
      value: Nullable(Type.Number({ description: 'percentage 0–100 of answers 4–5' })),
      n: Type.Integer(),
      ci: Nullable(Type.Tuple([Type.Number(), Type.Number()])),
    }),
  ),
});
