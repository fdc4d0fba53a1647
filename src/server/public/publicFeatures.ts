import type { HubContext } from '../context';
import type { PublicRoutes } from './publicSite';

/** Every feature's customer pages (see publicSite.ts). */
export function publicFeatures(_ctx: HubContext): PublicRoutes[] {
  return [];
}
