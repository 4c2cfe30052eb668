import type { Feature } from '../../platform/modules/feature-module.ts';
import { routes } from '../../platform/modules/feature-module.ts';
import type { PlatformParts } from '../../platform/modules/platform-parts.ts';
import { LoginThrottle } from '../../platform/auth/login-throttle.ts';
import { PairingCodes } from '../../platform/auth/pairing-codes.ts';
import { authRoutes } from './auth-routes.ts';
import { userRoutes } from './user-routes.ts';
import { tokenRoutes } from './token-routes.ts';
import { pairingRoutes } from './pairing-routes.ts';

/** Signing in and out, users, tokens (integration, kiosk, screen) and pairing a kiosk or screen with a code. */
export function accountsModule(p: PlatformParts): Feature<Record<string, never>> {
  const { config, users, tokens, topology } = p;
  const { auth } = config;
  const loginThrottle = new LoginThrottle({
    maxPerUser: auth.maxFailuresPerUser,
    maxPerAddress: auth.maxFailuresPerAddress,
    windowMs: auth.windowMinutes * 60_000,
    lockoutMs: auth.lockoutMinutes * 60_000,
  });
  return {
    name: 'accounts',
    services: {},
    routes: [
      routes(authRoutes, { services: { config, users, loginThrottle } }),
      routes(userRoutes, { services: { users, topology } }),
      routes(tokenRoutes, { services: { tokens, topology } }),
      routes(pairingRoutes, { services: { tokens, topology, pairing: new PairingCodes(), config } }),
    ],
  };
}
