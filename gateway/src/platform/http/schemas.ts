import { INDEX_NAMES } from '../../core/index-names.ts';
import { Type, type TSchema } from '@sinclair/typebox';
import { MAX_INSTANT, MIN_RECORD_INSTANT } from '../../core/instant.ts';
import { PERMISSIONS, TOKEN_KINDS } from '../auth/access.ts';

/** A schema that also allows null. */
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const ErrorBody = Type.Object({
  statusCode: Type.Integer(),
  error: Type.String(),
  message: Type.String(),
});

export const IndexResultSchema = Type.Object({
  value: Type.Union([Type.Number(), Type.Null()]),
  n: Type.Number({ description: 'how many units the figure counts (customers are pro-rated, so may be fractional)' }),
  unit: Type.Union(
    ['answers', 'responses', 'customers', 'faces'].map((u) => Type.Literal(u)),
    { description: 'what n counts' },
  ),
  ci: Type.Union([Type.Tuple([Type.Number(), Type.Number()]), Type.Null()]),
  enough: Type.Boolean(),
  extra: Type.Optional(Type.Record(Type.String(), Type.Union([Type.Number(), Type.Null()]))),
});

/** Responses (people: one press, one kiosk run, one phone submission) with their negative and positive parts by the headline answer. */
export const ResponseCountSchema = Type.Object(
  { n: Type.Integer(), unit: Type.Literal('responses'), negative: Type.Integer(), positive: Type.Integer() },
  { description: 'responses (people, METRICS.md "Responses"), not answers: where a screen shows "responses" it shows this n' },
);

export const PointSummarySchema = Type.Object({
  pointId: Type.String(),
  siteId: Type.String(),
  siteName: Type.String({ description: "the site's name, for people to read" }),
  name: Type.String(),
  timeZone: Type.String({ description: "the site's IANA time zone: the web apps compute its local days and hours in it" }),
  from: Type.Integer({ description: 'start of the range, ms since epoch (local midnight of the site)' }),
  to: Type.Integer(),
  happyIndex: IndexResultSchema,
  responses: ResponseCountSchema,
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

/** No control characters (NUL, escape sequences, …): what every single-line text field accepts. */
const NO_CONTROL = '^[^\\u0000-\\u001F\\u007F]*$';
/** Multi-line text: tabs and line breaks allowed, other control characters not. */
const NO_CONTROL_MULTILINE = '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]*$';

export const Text = (maxLength: number, options: { minLength?: number; description?: string } = {}) =>
  Type.String({ ...options, maxLength, pattern: NO_CONTROL });
export const MultilineText = (maxLength: number) => Type.String({ maxLength, pattern: NO_CONTROL_MULTILINE });

/** Ids of sites, points, devices, staff, surveys and questions. */
/** The time of a stored record in a request body: epoch ms, or ISO 8601 with an offset. */
export const RecordInstant = Type.Union([
  Type.Integer({ minimum: MIN_RECORD_INSTANT, maximum: MAX_INSTANT }),
  Type.String({ maxLength: 40 }),
]);

export const Id = Type.String({ pattern: '^[A-Za-z0-9_.-]{1,64}$' });
export const UserName = Type.String({ pattern: '^[A-Za-z0-9_.@-]{1,64}$' });
export const Password = Type.String({ minLength: 10, maxLength: 200, pattern: NO_CONTROL, description: 'at least 10 characters' });
export const RoleSchema = Type.Union([Type.Literal('admin'), Type.Literal('manager'), Type.Literal('viewer')]);

export const UserBody = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  role: RoleSchema,
  sites: Type.Array(Type.String(), { description: 'the sites a manager or viewer sees (an admin sees all)' }),
  mustChangePassword: Type.Boolean(),
});

/** The answer to a sign-in and a password change: the user, when the session ends, and the CSRF token. */
export const SessionSchema = Type.Object({
  user: UserBody,
  expiresAt: Type.Integer(),
  csrfToken: Type.String({ description: 'send as the x-csrf-token header with every request that changes something' }),
});

/** The signed-in user and a CSRF token for this session. */
export const MeSchema = Type.Object({ user: UserBody, csrfToken: Type.String() });

/** Every point with its live summary. */
export const PointsResponseSchema = Type.Object({ minAnswers: Type.Integer(), points: Type.Array(PointSummarySchema) });

export const OverviewSchema = Type.Object({
  from: Type.Integer(),
  to: Type.Integer(),
  previous: Type.Object({ from: Type.Integer(), to: Type.Integer() }, { description: 'the period of equal length just before' }),
  indices: Type.Array(
    Type.Object({
      index: Type.Union(INDEX_NAMES.map((n) => Type.Literal(n))),
      result: IndexResultSchema,
      previous: IndexResultSchema,
      ignoredFilters: Type.Optional(
        Type.Array(Type.String(), {
          description: 'emotional indices only: the answer-only filters (device, channel, staff, survey, question) they ignore',
        }),
      ),
    }),
  ),
  responses: Type.Object(
    { result: ResponseCountSchema, previous: ResponseCountSchema },
    { description: 'the responses of the filter and range' },
  ),
});

/** A device in the registry, with its health and what happened to its messages in the current boot. */
export const DeviceBody = Type.Object({
  id: Type.String(),
  siteId: Type.String(),
  pointId: Type.String(),
  buttons: Nullable(Type.Integer()),
  transport: Nullable(Type.String()),
  model: Nullable(Type.String()),
  firmware: Nullable(Type.String()),
  boot: Nullable(Type.Integer()),
  battery: Nullable(Type.Integer()),
  rssi: Nullable(Type.Integer()),
  uptimeMs: Nullable(Type.Integer()),
  pressesSinceBoot: Nullable(Type.Integer()),
  lostSinceBoot: Nullable(
    Type.Integer({ description: 'presses the device counted since boot that never arrived (neither stored nor refused)' }),
  ),
  duplicatesSinceBoot: Type.Integer({ description: 'retransmissions of already stored messages in the current boot' }),
  refusedSinceBoot: Type.Record(Type.String(), Type.Integer(), { description: 'messages of the current boot refused for good, by reason' }),
  lastSeenAt: Nullable(Type.Integer()),
  online: Type.Boolean(),
});

/** What a staff screen shows: its point's day against the goal, and the current run of positive answers. */
export const ScreenSummarySchema = Type.Object({
  point: PointSummarySchema,
  goal: Type.Number({ description: "the point's Happy Index goal for the day" }),
  streak: Type.Integer({ description: 'positive answers in a row, newest first, today' }),
  comments: Type.Array(Type.Object({ text: Type.String(), at: Type.Integer() }), {
    description: 'the latest positive comments a manager chose for the screen: the text only, never who wrote it',
  }),
});

/** A scoped token as admins see it (never its secret). */
export const TokenBody = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  kind: Type.Union(TOKEN_KINDS.map((k) => Type.Literal(k))),
  scopes: Type.Array(Type.Union(PERMISSIONS.map((p) => Type.Literal(p)))),
  siteIds: Nullable(Type.Array(Type.String())),
  pointId: Nullable(Type.String()),
  deviceId: Nullable(Type.String()),
  createdBy: Type.String(),
  createdAt: Type.Integer(),
  lastUsedAt: Nullable(Type.Integer()),
  revokedAt: Nullable(Type.Integer()),
});
