import type { HubContext } from '../context';
import type { PublicRoutes } from './publicSite';
import { widgetRoutes } from '../webchat/widgetAssets';

/** Every feature's customer pages (see publicSite.ts). */
export function publicFeatures(ctx: HubContext): PublicRoutes[] {
  return [widgetRoutes(ctx)];
}
