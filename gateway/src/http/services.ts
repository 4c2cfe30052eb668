import type { Config } from '../config/schema.ts';
import type { LiveCatalog } from '../admin/live-catalog.ts';
import type { AuditRepo } from '../admin/audit-repo.ts';
import type { AnswerExport } from '../store/answer-export.ts';
import type { TopologyRepo } from '../store/topology-repo.ts';
import type { AnswerQueries } from '../store/answer-queries.ts';
import type { UserRepo } from '../auth/user-repo.ts';
import type { PairingCodes } from '../auth/pairing-codes.ts';
import type { TokenRepo } from '../auth/token-repo.ts';
import type { PrincipalSources } from '../auth/principal.ts';
import type { LoginThrottle } from '../auth/login-throttle.ts';
import type { DeviceInbox } from '../domain/device-inbox.ts';
import type { EventBus } from '../events/bus.ts';
import type { PointSummaries } from '../indices/point-summaries.ts';
import type { Metrics } from '../metrics.ts';
import type { DeviceRegistry } from '../devices/device-registry.ts';
import type { IndexService } from '../indices/index-service.ts';
import type { ShiftRepo } from '../staff/shift-repo.ts';
import type { CustomersRepo } from '../traffic/customers-repo.ts';
import type { AlertEngine } from '../alerts/alert-engine.ts';
import type { AlertRepo } from '../alerts/alert-repo.ts';
import type { WebhookSender } from '../alerts/webhooks.ts';
import type { CameraMonitor } from '../emotion/camera-monitor.ts';
import type { CaseService } from '../cases/case-service.ts';
import type { AnswerNoteRepo } from '../store/answer-note-repo.ts';
import type { ReviewService } from '../reviews/review-service.ts';
import type { ReportService } from '../reports/report-service.ts';
import type { AssessmentRepo } from '../reports/assessment-repo.ts';
import type { PulseRepo } from '../staff/pulse-repo.ts';
import type { PhoneSurveys } from '../ingest/phone-surveys.ts';
import type { AssessmentFigures } from '../reports/self-assessment.ts';

export interface HealthChecks {
  store: boolean;
  broker: boolean;
  /** why the store is not ready (a full or read-only disk), when it is not */
  storeProblem?: string | null;
}

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
  assessments: { repo: AssessmentRepo; figures: (siteId: string, now: number) => AssessmentFigures };
  devices: DeviceRegistry;
  /** folder holding the built dashboard and kiosk apps */
  uiRoot: string;
}
