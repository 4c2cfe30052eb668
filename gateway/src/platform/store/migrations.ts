/**
 * Schema migrations, applied in order at start inside one transaction each. Never edit a released
 * one, and never call today's code from one: each holds its own SQL, so an old database upgrades
 * the same way whatever the code does later. Derived data (the rollups) is not migrated but
 * rebuilt: a migration that changes it says so, and the store rebuilds it with the code of the
 * day once every migration has run.
 */
export type { Migration } from './migrations/migration.ts';
import type { Migration } from './migrations/migration.ts';
import { v1AnswersAndUsers } from './migrations/v01-answers-and-users.ts';
import { v2DeviceHealth } from './migrations/v02-device-health.ts';
import { v3SurveysStaffRollups } from './migrations/v03-surveys-staff-rollups.ts';
import { v4RollupRows } from './migrations/v04-rollup-rows.ts';
import { v5Access } from './migrations/v05-access.ts';
import { v6DeviceBoots } from './migrations/v06-device-boots.ts';
import { v7ClosedLoop } from './migrations/v07-closed-loop.ts';
import { v8ReportsAssessmentPulse } from './migrations/v08-reports-assessment-pulse.ts';
import { v9SurveyCodes } from './migrations/v09-survey-codes.ts';
import { v10AlertParams } from './migrations/v10-alert-params.ts';
import { v11CatalogAndAudit } from './migrations/v11-catalog-and-audit.ts';
import { v12Responses } from './migrations/v12-responses.ts';
import { v13LostResponses } from './migrations/v13-lost-responses.ts';
import { v14ResponseStaff } from './migrations/v14-response-staff.ts';

/** Every migration, in order: one file each in ./migrations/. */
export const MIGRATIONS: Migration[] = [
  v1AnswersAndUsers,
  v2DeviceHealth,
  v3SurveysStaffRollups,
  v4RollupRows,
  v5Access,
  v6DeviceBoots,
  v7ClosedLoop,
  v8ReportsAssessmentPulse,
  v9SurveyCodes,
  v10AlertParams,
  v11CatalogAndAudit,
  v12Responses,
  v13LostResponses,
  v14ResponseStaff,
];
