import type { Feature } from '../../platform/modules/feature-module.ts';
import { routes } from '../../platform/modules/feature-module.ts';
import type { PlatformParts } from '../../platform/modules/platform-parts.ts';
import { ShiftRepo } from './shift-repo.ts';
import { PulseRepo } from './pulse-repo.ts';
import { staffRoutes } from './staff-routes.ts';
import { shiftRoutes } from './shift-routes.ts';
import { pulseRoutes } from './pulse-routes.ts';

/** Staff, their shifts (who served an answer) and the weekly staff pulse. */
export function staffModule(p: PlatformParts): Feature<{ shifts: ShiftRepo; pulse: PulseRepo }> {
  const { topology } = p;
  const shifts = new ShiftRepo(p.db);
  const pulse = new PulseRepo(p.db);
  return {
    name: 'staff',
    services: { shifts, pulse },
    routes: [
      routes(staffRoutes, { services: { shifts } }),
      routes(shiftRoutes, { services: { shifts, topology } }),
      routes(pulseRoutes, { services: { pulse, shifts, topology } }),
    ],
  };
}
