import { Type, type Static } from '@sinclair/typebox';
import { INDEX_NAMES } from '../indices/index-from-counts.ts';
import { parseInstant } from '../traffic/customers-repo.ts';
import type { IndexQuery } from '../indices/index-service.ts';

const Id = Type.String({ pattern: '^[A-Za-z0-9_.-]{1,64}$' });
const Instant = Type.String({ description: 'epoch milliseconds, or ISO 8601 with an offset (2026-03-29T00:00:00+02:00)' });

export const IndexParams = Type.Object({ index: Type.Union(INDEX_NAMES.map((n) => Type.Literal(n))) });

/** The filter every index, breakdown and trend accepts. */
export const IndexFilter = Type.Object({
  siteId: Type.Optional(Id),
  pointId: Type.Optional(Id),
  deviceId: Type.Optional(Id),
  staffId: Type.Optional(Id),
  surveyId: Type.Optional(Id),
  questionId: Type.Optional(Id),
  from: Instant,
  to: Instant,
});

export class BadQuery extends Error {
  readonly statusCode = 400;
}

export function toIndexQuery(index: IndexQuery['index'], q: Static<typeof IndexFilter>): IndexQuery {
  const from = parseInstant(q.from);
  const to = parseInstant(q.to);
  if (Number.isNaN(from)) throw new BadQuery(`"from" is not a time: ${q.from}`);
  if (Number.isNaN(to)) throw new BadQuery(`"to" is not a time: ${q.to}`);
  return { index, ...q, from, to };
}
