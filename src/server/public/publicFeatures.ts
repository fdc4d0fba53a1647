import type { HubContext } from '../context';
import { surveyRoutes } from '../survey/surveyPage';
import type { PublicRoutes } from './publicSite';

/** Every feature's customer pages (see publicSite.ts). */
export function publicFeatures(ctx: HubContext): PublicRoutes[] {
  return [surveyRoutes(ctx)];
}
