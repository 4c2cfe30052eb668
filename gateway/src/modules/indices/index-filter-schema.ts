import { Type } from '@sinclair/typebox';
import { INDEX_NAMES } from '../../core/index-names.ts';
import { Id } from '../../platform/http/schemas.ts';
import { CHANNELS } from '../../core/channel.ts';

/** An instant in a query: epoch milliseconds or ISO 8601 (parsed by toIndexQuery). */
const Instant = Type.String({ maxLength: 40, description: 'epoch milliseconds, or ISO 8601 with an offset (2026-03-29T00:00:00+02:00)' });

export const IndexParams = Type.Object({ index: Type.Union(INDEX_NAMES.map((n) => Type.Literal(n))) });

/** The filter every index, breakdown and trend accepts. */
export const IndexFilter = Type.Object({
  siteId: Type.Optional(Id),
  pointId: Type.Optional(Id),
  deviceId: Type.Optional(Id),
  staffId: Type.Optional(Id),
  surveyId: Type.Optional(Id),
  questionId: Type.Optional(Id),
  /** only answers from buttons, survey terminals (kiosks) or phones */
  channel: Type.Optional(Type.Union(CHANNELS.map((c) => Type.Literal(c)))),
  from: Instant,
  to: Instant,
});
