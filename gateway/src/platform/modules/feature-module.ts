import type { FastifyInstance, FastifyPluginAsync, FastifyPluginOptions } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { EventBus } from '../events/bus.ts';
import type { SettingsHook } from '../settings/settings-hooks.ts';

/** One route plugin with the options it needs, ready to register on the app. */
export interface RouteRegistration {
  register(app: FastifyInstance): Promise<void>;
}

/** Pairs a route plugin with its options (the plugin's own option type checks them). */
export function routes<O extends FastifyPluginOptions>(
  plugin: FastifyPluginAsyncTypebox<O> | FastifyPluginAsync<O>,
  options: O,
): RouteRegistration {
  return {
    register: async (app) => {
      await app.register(plugin, options);
    },
  };
}

/**
 * What a capability declares to the composition root: its routes, its bus subscriptions, its settings hooks,
 * and how it starts and stops. The root starts modules in list order and stops them in reverse.
 */
export interface FeatureModule {
  name: string;
  /** route plugins with the options each needs */
  routes?: RouteRegistration[];
  /** bus subscriptions, made before start; each returns its unsubscribe */
  subscriptions?: ((bus: EventBus) => () => void)[];
  /** the module's say in a settings change */
  settingsHooks?: SettingsHook[];
  start?(): void | Promise<void>;
  stop?(): void | Promise<void>;
}

/** A module together with the services it offers the modules after it. */
export type Feature<S> = FeatureModule & { services: S };
