/**
 * The API contract the web apps build on: request and response types derived from the route
 * schemas, and the socket.io events with their payloads. The apps import this file for types
 * only (checked by npm run check:deps), so a change to a schema is a type error in the apps, not a
 * silent mismatch. Keep its imports to TypeBox and the domain: it is type-checked with the apps.
 */
import type { Static } from '@sinclair/typebox';
import type { Alert, AlertChange } from '../modules/alerts/alert.ts';
import type { DeviceSignal } from '../core/device-inbox.ts';
import type { Case, CaseChange, CaseEvent, CaseStatus, CaseCategory } from '../modules/cases/case.ts';
import type { Review } from '../modules/reviews/review.ts';
import type { ReportBody } from '../modules/cases/schemas.ts';
import type { KioskSurveySchema } from '../modules/surveys/schemas.ts';
import type { CommentBody, PulseWeekSchema } from '../modules/cases/schemas.ts';
import type { AuditEntrySchema, CatalogChangedSchema, CatalogSchema, ImportResultSchema, SettingsSchema } from '../modules/settings/schemas.ts';
import type { TokenBody, DeviceBody, ScreenSummarySchema, ErrorBody, IndexResultSchema, OverviewSchema, MeSchema, PointSummarySchema, PointsResponseSchema, SessionSchema, UserBody } from '../platform/http/schemas.ts';

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
/** what PUT and DELETE /api/settings/... answer: the new version, and the keys that apply after a restart */
export type SettingsChanged = Static<typeof CatalogChangedSchema>;
