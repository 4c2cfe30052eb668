/** The socket.io events the live module pushes, with their payloads (part of the web apps' API contract). */
import type { Static } from '@sinclair/typebox';
import type { Alert, AlertChange } from '../alerts/alert.ts';
import type { DeviceSignal } from '../../core/device-inbox.ts';
import type { Case, CaseChange } from '../cases/case.ts';
import type { PointSummarySchema } from '../../platform/http/schemas.ts';

type PointSummary = Static<typeof PointSummarySchema>;

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
