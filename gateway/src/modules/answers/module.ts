import type { Feature } from '../../platform/modules/feature-module.ts';
import { routes } from '../../platform/modules/feature-module.ts';
import type { PlatformParts } from '../../platform/modules/platform-parts.ts';
import type { DeviceRegistry } from '../devices/device-registry.ts';
import { AnswerQueries } from './answer-query-repo.ts';
import { AnswerExport } from './answer-export-repo.ts';
import { answerRoutes } from './answer-routes.ts';
import { exportRoutes } from './export-routes.ts';

/** Reading the stored answers: lists and the CSV/XLSX export. */
export function answersModule(p: PlatformParts, deps: { devices: DeviceRegistry }): Feature<{ answers: AnswerQueries }> {
  const { topology } = p;
  const answers = new AnswerQueries(p.db);
  return {
    name: 'answers',
    services: { answers },
    routes: [
      routes(answerRoutes, { services: { answers, topology } }),
      routes(exportRoutes, { services: { exports: new AnswerExport(p.db), topology, devices: deps.devices } }),
    ],
  };
}
