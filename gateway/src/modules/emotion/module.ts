import type { Feature } from '../../platform/modules/feature-module.ts';
import { routes } from '../../platform/modules/feature-module.ts';
import type { PlatformParts } from '../../platform/modules/platform-parts.ts';
import { CameraMonitor } from './camera-monitor.ts';
import { EmotionWindowRepo } from './emotion-window-repo.ts';
import { cameraRoutes } from './camera-routes.ts';

/** Emotion counts from the cameras, in windows, for the emotion indices. */
export function emotionModule(p: PlatformParts): Feature<{ cameras: CameraMonitor }> {
  const { config } = p;
  const cameras = new CameraMonitor(config, {
    windows: new EmotionWindowRepo(p.db),
    logger: p.logger.child({ part: 'emotion' }),
    metrics: p.metrics,
  });
  return {
    name: 'emotion',
    services: { cameras },
    routes: [routes(cameraRoutes, { services: { cameras, config } })],
    start: () => cameras.start(),
    stop: () => cameras.stop(),
  };
}
