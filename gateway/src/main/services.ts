import type { HealthChecks } from './health-routes.ts';
import type { Config } from '../platform/config/schema.ts';
import type { LiveCatalog } from '../platform/settings/live-catalog.ts';
import type { AuditRepo } from '../platform/settings/audit-repo.ts';
import type { AnswerExport } from '../modules/answers/answer-export-repo.ts';
import type { TopologyRepo } from '../platform/settings/topology-repo.ts';
import type { AnswerQueries } from '../modules/answers/answer-query-repo.ts';
import type { UserRepo } from '../platform/auth/user-repo.ts';
import type { PairingCodes } from '../platform/auth/pairing-codes.ts';
import type { TokenRepo } from '../platform/auth/token-repo.ts';
import type { PrincipalSources } from '../platform/auth/principal.ts';
import type { LoginThrottle } from '../platform/auth/login-throttle.ts';
import type { DeviceInbox } from '../core/device-inbox.ts';
import type { EventBus } from '../platform/events/bus.ts';
import type { PointSummaries } from '../modules/indices/point-summaries.ts';
import type { Metrics } from '../platform/metrics/metrics.ts';
import type { DeviceRegistry } from '../modules/devices/device-registry.ts';
import type { IndexService } from '../modules/indices/index-service.ts';
import type { ShiftRepo } from '../modules/staff/shift-repo.ts';
import type { CustomersRepo } from '../modules/traffic/customers-repo.ts';
import type { AlertEngine } from '../modules/alerts/alert-engine.ts';
import type { AlertRepo } from '../modules/alerts/alert-repo.ts';
import type { WebhookSender } from '../modules/alerts/webhooks.ts';
import type { CameraMonitor } from '../modules/emotion/camera-monitor.ts';
import type { CaseService } from '../modules/cases/case-service.ts';
import type { AnswerNoteRepo } from '../modules/ingest/answer-note-repo.ts';
import type { ReviewService } from '../modules/reviews/review-service.ts';
import type { ReportService } from '../modules/reports/report-service.ts';
import type { AssessmentRepo } from '../modules/reports/assessment-repo.ts';
import type { PulseRepo } from '../modules/staff/pulse-repo.ts';
import type { PhoneSurveys } from '../modules/surveys/phone-surveys.ts';
import type { AssessmentFigures } from '../modules/reports/self-assessment.ts';

/** What the HTTP routes need from the rest of the gateway. */
export interface HttpServices {
  /** the running configuration; its catalog sections follow the live catalog */
  config: Config;
  catalog: LiveCatalog;
  audit: AuditRepo;
  exports: AnswerExport;
  topology: TopologyRepo;
  answers: AnswerQueries;
  users: UserRepo;
  tokens: TokenRepo;
  pairing: PairingCodes;
  /** where sessions and tokens are looked up (shared with realtime) */
  principals: PrincipalSources;
  loginThrottle: LoginThrottle;
  /** keys the CSRF tokens' HMAC */
  csrfKey: Buffer;
  bus: EventBus;
  inbox: DeviceInbox;
  summaries: PointSummaries;
  indices: IndexService;
  shifts: ShiftRepo;
  customers: CustomersRepo;
  alerts: { engine: AlertEngine; store: AlertRepo; webhooks: WebhookSender };
  metrics: Metrics;
  health: () => HealthChecks;
  cameras: CameraMonitor;
  cases: CaseService;
  notes: AnswerNoteRepo;
  pulse: PulseRepo;
  phone: PhoneSurveys;
  reviews: ReviewService;
  reports: ReportService;
  assessments: { repo: AssessmentRepo; figures: (siteId: string, now: number) => Promise<AssessmentFigures> };
  devices: DeviceRegistry;
  /** folder holding the built dashboard and kiosk apps */
  uiRoot: string;
}
