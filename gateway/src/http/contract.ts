/**
 * The API contract the web apps build on: request and response types derived from the route
 * schemas, and the socket.io events with their payloads. The apps import this file for types
 * only (checked by npm run check:deps), so a change to a schema is a type error in the apps, not a
 * silent mismatch. Keep its imports to TypeBox and the domain: it is type-checked with the apps.
 */
import type { Static } from '@sinclair/typebox';
import type { Alert, AlertChange } from '../domain/alert.ts';
import type { DeviceSignal } from '../domain/device-inbox.ts';
import type { Case, CaseChange, CaseEvent, CaseStatus, CaseCategory } from '../domain/case.ts';
import type { Review } from '../domain/review.ts';
import type { ReportBody } from './schemas-cases.ts';
import type { KioskSurveySchema } from './schemas-kiosk.ts';
import type { CommentBody, PulseWeekSchema } from './schemas-cases.ts';
import type { AuditEntrySchema, CatalogSchema, ImportResultSchema, SettingsSchema } from './schemas-settings.ts';
import type { TokenBody, DeviceBody, ScreenSummarySchema, ErrorBody, IndexResultSchema, OverviewSchema, MeSchema, PointSummarySchema, PointsResponseSchema, SessionSchema, UserBody } from './schemas.ts';

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

/** What the gateway pushes over socket.io, by event name. */
export interface ServerToClientEvents {
  /** the new live summary of a point that just got answers */
  'point:summary': (summary: PointSummary) => void;
  /** an alert fired, was acknowledged or closed */
  alert: (change: { event: AlertChange; alert: Alert }) => void;
  /** to a point's room (its staff screen): how many positive, neutral and negative answers just arrived there */
  'point:answers': (counts: { pointId: string; positive: number; neutral: number; negative: number }) => void;
  /** a device said hello, beat, went on- or offline, or had a message refused (sockets of its site) */
  device: (signal: DeviceSignal) => void;
  /** a case of the site opened, changed or went overdue (its contact left out) */
  case: (change: { event: CaseChange; case: Case }) => void;
  /** the settings changed (to every socket): a screen re-reads what it shows from them */
  settings: (change: { version: number }) => void;
}

/** What a client may send over socket.io: nothing yet (everything else goes through the HTTP API). */
export type ClientToServerEvents = Record<string, never>;

export type SocketEventName = keyof ServerToClientEvents;

export type Settings = Static<typeof SettingsSchema>;
export type ApiToken = Static<typeof TokenBody>;
export type SettingsCatalog = Static<typeof CatalogSchema>;
export type AuditEntry = Static<typeof AuditEntrySchema>;
export type ImportResult = Static<typeof ImportResultSchema>;
