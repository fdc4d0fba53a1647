import type { HubContext } from '../context';
import { helpPages } from '../help/helpPages';
import { createPublishedArticles } from '../help/publishedArticles';
import { surveyRoutes } from '../survey/surveyPage';
import { widgetRoutes } from '../webchat/widgetAssets';
import { demoShopRoutes } from '../webchat/demoShop';
import type { PublicRoutes } from './publicSite';

/** Every feature's customer pages (see publicSite.ts). */
export function publicFeatures(ctx: HubContext, opts: { demoShop?: boolean } = {}): PublicRoutes[] {
  const published = createPublishedArticles(ctx.store, ctx.now);
  return [helpPages(ctx, published), surveyRoutes(ctx), widgetRoutes(ctx), ...(opts.demoShop ? [demoShopRoutes(ctx)] : [])];
}
