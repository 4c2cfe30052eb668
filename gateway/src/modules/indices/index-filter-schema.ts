import { Type } from '@sinclair/typebox';
import { INDEX_NAMES } from '../../core/index-names.ts';
import { Id } from '../../platform/http/schemas.ts';
import { CHANNELS } from '../../core/channel.ts';

/** An instant in a query: epoch milliseconds or ISO 8601 (parsed by toIndexQuery). */
const Instant = Type.String({ maxLength: 40, description: 'epoch milliseconds, or ISO 8601 with an offset (2026-03-29T00:00:00+02:00)' });

/** A calendar date, read in each site's own zone. */
const LocalDate = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'YYYY-MM-DD, a local day of each site (both ends included)',
});

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
  /** the range: from and to (instants), or local days that each site reads in its own zone (fromDate and toDate, or lastDays) */
  from: Type.Optional(Instant),
  to: Type.Optional(Instant),
  fromDate: Type.Optional(LocalDate),
  toDate: Type.Optional(LocalDate),
  lastDays: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 3660, description: "each site's last N local days, up to the end of its own today" }),
  ),
  skipDays: Type.Optional(
    Type.Integer({ minimum: 0, maximum: 3660, description: 'with lastDays: that many days earlier (0: up to today)' }),
  ),
});
