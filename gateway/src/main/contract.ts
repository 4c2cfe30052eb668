/**
 * The API contract the web apps build on: request and response types derived from the route
 * schemas, and the socket.io events with their payloads. The apps import this file for types
 * only (checked by npm run check:deps), so a change to a schema is a type error in the apps, not a
 * silent mismatch. Keep its imports to TypeBox and the domain: it is type-checked with the apps.
 */
import type { Static, TSchema } from '@sinclair/typebox';
import type { Alert, AlertChange } from '../modules/alerts/alert.ts';
import type { DeviceSignal } from '../core/device-inbox.ts';
import type { Case, CaseChange, CaseEvent, CaseStatus, CaseCategory } from '../modules/cases/case.ts';
import type { Review } from '../modules/reviews/review.ts';
import type { ReportBody } from '../modules/cases/schemas.ts';
import type { KioskSurveySchema } from '../modules/surveys/schemas.ts';
import type { CommentBody, PulseWeekSchema } from '../modules/cases/schemas.ts';
import type {
  AuditEntrySchema,
  CatalogChangedSchema,
  CatalogSchema,
  ImportResultSchema,
  SettingsSchema,
} from '../modules/settings/schemas.ts';
import type {
  TokenBody,
  DeviceBody,
  ScreenSummarySchema,
  ErrorBody,
  IndexResultSchema,
  OverviewSchema,
  MeSchema,
  PointSummarySchema,
  PointsResponseSchema,
  SessionSchema,
  UserBody,
} from '../platform/http/schemas.ts';
import type { authApi } from '../modules/accounts/auth-api.ts';
import type { pairingApi } from '../modules/accounts/pairing-api.ts';
import type { tokenApi } from '../modules/accounts/token-api.ts';
import type { userApi } from '../modules/accounts/user-api.ts';
import type { alertApi } from '../modules/alerts/alert-api.ts';
import type { webhookApi } from '../modules/alerts/webhook-api.ts';
import type { answerApi } from '../modules/answers/answer-api.ts';
import type { exportApi } from '../modules/answers/export-api.ts';
import type { caseApi } from '../modules/cases/case-api.ts';
import type { commentApi } from '../modules/cases/comment-api.ts';
import type { deviceApi } from '../modules/devices/device-api.ts';
import type { cameraApi } from '../modules/emotion/camera-api.ts';
import type { indexApi } from '../modules/indices/index-api.ts';
import type { overviewApi } from '../modules/indices/overview-api.ts';
import type { pointApi } from '../modules/indices/point-api.ts';
import type { screenApi } from '../modules/live/screen-api.ts';
import type { assessmentApi } from '../modules/reports/assessment-api.ts';
import type { reportApi } from '../modules/reports/report-api.ts';
import type { reviewApi } from '../modules/reviews/review-api.ts';
import type { deleteItemApi, putItemApi, settingsApi } from '../modules/settings/settings-api.ts';
import type { settingsTransferApi } from '../modules/settings/settings-transfer-api.ts';
import type { ITEM_SCHEMAS } from '../modules/settings/schemas.ts';
import type { pulseApi } from '../modules/staff/pulse-api.ts';
import type { shiftApi } from '../modules/staff/shift-api.ts';
import type { staffApi } from '../modules/staff/staff-api.ts';
import type { kioskApi } from '../modules/surveys/kiosk-api.ts';
import type { phoneApi } from '../modules/surveys/phone-api.ts';
import type { surveyApi } from '../modules/surveys/survey-api.ts';
import type { customerApi } from '../modules/traffic/customer-api.ts';

export type ApiError = Static<typeof ErrorBody>;
export type IndexResult = Static<typeof IndexResultSchema>;
export type PointSummary = Static<typeof PointSummarySchema>;
export type PointsResponse = Static<typeof PointsResponseSchema>;
export type SessionResponse = Static<typeof SessionSchema>;
export type MeResponse = Static<typeof MeSchema>;
export type ApiUser = Static<typeof UserBody>;
export type OverviewResponse = Static<typeof OverviewSchema>;
export type DeviceView = Static<typeof DeviceBody>;
export type ScreenSummary = Static<typeof ScreenSummarySchema>;
export type ReportSummary = Static<typeof ReportBody>;
export type KioskSurvey = Static<typeof KioskSurveySchema>;
export type CustomerComment = Static<typeof CommentBody>;
export type PulseWeek = Static<typeof PulseWeekSchema>;
export type { Alert, AlertChange, DeviceSignal, Case, CaseChange, CaseEvent, CaseStatus, CaseCategory, Review };

export type { ServerToClientEvents, ClientToServerEvents, SocketEventName } from '../modules/live/socket-events.ts';

export type Settings = Static<typeof SettingsSchema>;
export type ApiToken = Static<typeof TokenBody>;
export type SettingsCatalog = Static<typeof CatalogSchema>;
export type AuditEntry = Static<typeof AuditEntrySchema>;
export type ImportResult = Static<typeof ImportResultSchema>;

/*
 * The endpoint map: "METHOD /path" -> the request (params, query, body) and the answer of a success,
 * derived from each module's route schemas (modules/<capability>/*-api.ts), which the routes validate with.
 * The apps' client (web-base/src/api-client.ts) accepts only these keys, so a wrong path or a
 * drifting shape is a type error in the apps.
 */

type Part<S, K extends string> = S extends { [P in K]: infer T extends TSchema } ? Static<T> : undefined;
/** The answer of a success: 200, else 201; undefined for 204 (no content) or a file. */
type Success<S> = S extends { response: infer R }
  ? R extends { 200: infer T extends TSchema }
    ? Static<T>
    : R extends { 201: infer T extends TSchema }
      ? Static<T>
      : undefined
  : undefined;

/** One endpoint's types, from its route schema. */
export interface Endpoint<S = unknown> {
  params: Part<S, 'params'>;
  query: Part<S, 'querystring'>;
  body: Part<S, 'body'>;
  response: Success<S>;
}

type EndpointsOf<Api> = { [K in keyof Api]: Endpoint<Api[K]> };
type ItemSchemas = typeof ITEM_SCHEMAS;
/** PUT and DELETE /api/settings/<section>/:id, one pair per section of the catalogue. */
type SettingsItemEndpoints = {
  [P in keyof ItemSchemas as `PUT /api/settings/${P}/:id`]: Endpoint<ReturnType<typeof putItemApi<ItemSchemas[P]>>>;
} & {
  [P in keyof ItemSchemas as `DELETE /api/settings/${P}/:id`]: Endpoint<ReturnType<typeof deleteItemApi>>;
};

type RouteSchemas = typeof authApi &
  typeof pairingApi &
  typeof tokenApi &
  typeof userApi &
  typeof alertApi &
  typeof webhookApi &
  typeof answerApi &
  typeof exportApi &
  typeof caseApi &
  typeof commentApi &
  typeof deviceApi &
  typeof cameraApi &
  typeof indexApi &
  typeof overviewApi &
  typeof pointApi &
  typeof screenApi &
  typeof assessmentApi &
  typeof reportApi &
  typeof reviewApi &
  typeof settingsApi &
  typeof settingsTransferApi &
  typeof pulseApi &
  typeof shiftApi &
  typeof staffApi &
  typeof kioskApi &
  typeof phoneApi &
  typeof surveyApi &
  typeof customerApi;

/** Every endpoint of the API the web apps may call, by "METHOD /path" (path parameters as :name). */
export type Endpoints = EndpointsOf<RouteSchemas> & SettingsItemEndpoints;
export type EndpointKey = keyof Endpoints & string;
/** What a call of this endpoint answers on success. */
export type ResponseOf<K extends EndpointKey> = Endpoints[K]['response'];
export type QueryOf<K extends EndpointKey> = Endpoints[K]['query'];
export type BodyOf<K extends EndpointKey> = Endpoints[K]['body'];
/** what PUT and DELETE /api/settings/... answer: the new version, and the keys that apply after a restart */
export type SettingsChanged = Static<typeof CatalogChangedSchema>;
