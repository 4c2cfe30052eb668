import type { Feature } from '../../platform/modules/feature-module.ts';
import { routes } from '../../platform/modules/feature-module.ts';
import type { PlatformParts } from '../../platform/modules/platform-parts.ts';
import type { IngestInbox } from '../ingest/device-inbox.ts';
import { AnswerNotes } from '../ingest/answer-notes.ts';
import type { DeviceRegistry } from '../devices/device-registry.ts';
import type { PulseRepo } from '../staff/pulse-repo.ts';
import type { AnswerNoteRepo } from '../ingest/answer-note-repo.ts';
import type { LossRepo } from '../ingest/loss-repo.ts';
import type { SurveyCodeIssuer } from '../transports/adapters/survey-codes-mqtt.ts';
import { SurveyCodeRepo } from './survey-code-repo.ts';
import { PhoneSurveys } from './phone-surveys.ts';
import { kioskRoutes } from './kiosk-routes.ts';
import { phoneRoutes } from './phone-routes.ts';
import { surveyRoutes } from './survey-routes.ts';

/** Surveys as asked: on a kiosk, on a customer's phone through a QR code, and one-time codes for queue systems. */
export function surveysModule(
  p: PlatformParts,
  deps: { devices: DeviceRegistry; inbox: IngestInbox; notes: AnswerNoteRepo; pulse: PulseRepo; losses: LossRepo },
): Feature<{ surveyCodes: SurveyCodeIssuer }> {
  const { config, topology, bus } = p;
  const { devices, inbox, pulse } = deps;
  // comments, contacts and consent: ingest's rules, whichever door the note comes through
  const answerNotes = new AnswerNotes({ notes: deps.notes, bus });
  const codes = new SurveyCodeRepo(p.db);
  const phone = new PhoneSurveys({
    codes,
    // phone answers enter through ingest like every other channel's
    ingest: inbox,
    surveyOfPoint: (pointId) => {
      const surveyId =
        config.points.find((point) => point.id === pointId)?.surveyId ??
        config.devices.find((d) => d.pointId === pointId && d.surveyId)?.surveyId;
      return config.surveys.find((s) => s.id === surveyId);
    },
    siteOfPoint: (pointId) => topology.siteOfPoint(pointId),
    losses: deps.losses,
  });
  const surveyCodes: SurveyCodeIssuer = {
    issueOnce: (pointId, validMinutes) => {
      if (!topology.siteOfPoint(pointId)) return undefined;
      const at = Date.now();
      const expiresAt = at + validMinutes * 60_000;
      return { code: codes.issue({ pointId, kind: 'once', expiresAt, by: 'mqtt', at }).code, expiresAt };
    },
  };
  return {
    name: 'surveys',
    services: { surveyCodes },
    routes: [
      routes(kioskRoutes, { services: { devices, config, inbox, answerNotes, pulse, topology } }),
      routes(phoneRoutes, { services: { phone, topology, answerNotes } }),
      routes(surveyRoutes, { services: { config } }),
    ],
  };
}
