import type { WebchatSettings, WebchatSettingsView } from '../../shared/protocol';
import { adminWrite, auditAdmin, type AdminCall } from '../admin/adminWrite';
import type { HubContext } from '../context';
import { COMMAND_LINE_ACTOR } from '../setup/staffAccounts';
import { WEBCHAT_SETTINGS_KEY, webchatSettings } from './webchatSettings';

/** The tag a shop pastes into its pages, for the queue it names. */
export const widgetSnippet = (publicUrl: string): string => `<script src="${publicUrl}/widget.js" data-queue="QUEUE_ID" async></script>`;

/** The web chat settings as an admin sees them: the allowed origins and the tag to paste. */
export async function webchatView(ctx: HubContext): Promise<WebchatSettingsView> {
  const { allowedOrigins, updatedAt } = await webchatSettings(ctx.store);
  return { allowedOrigins, updatedAt, snippet: widgetSnippet(ctx.config.publicUrl) };
}

/** Sets the origins the web chat may be used from, for every hub node at once (kept in the store), audited. */
export async function setWebchatSettings(call: AdminCall, settings: WebchatSettings): Promise<WebchatSettingsView> {
  const { ctx } = call;
  return adminWrite(call, async (w, actor) => {
    const before = await webchatSettings(w);
    const allowedOrigins = [...new Set(settings.allowedOrigins)];
    const updatedAt = ctx.now();
    await w.setMeta(WEBCHAT_SETTINGS_KEY, JSON.stringify({ allowedOrigins, updatedAt }));
    await auditAdmin(w, actor, 'webchat.update', { targetType: 'webchat', targetId: 'webchat' }, { allowedOrigins: before.allowedOrigins }, { allowedOrigins });
    return { allowedOrigins, updatedAt, snippet: widgetSnippet(ctx.config.publicUrl) };
  });
}

/**
 * Origins the hub was started with (`--webchat-origin`, and its own for the demo): added to the allowed ones and
 * kept, as if an admin had added them (audited as the command line's), so that every node and the widget's frame
 * read one list. Nothing is written when they are allowed already.
 */
export async function allowOriginsFromCommandLine(ctx: HubContext, origins: readonly string[]): Promise<string[]> {
  return ctx.write(async (w) => {
    const before = await webchatSettings(w);
    const added = [...new Set(origins)].filter((o) => !before.allowedOrigins.includes(o));
    if (added.length === 0) return [];
    const allowedOrigins = [...before.allowedOrigins, ...added];
    await w.setMeta(WEBCHAT_SETTINGS_KEY, JSON.stringify({ allowedOrigins, updatedAt: ctx.now() }));
    await auditAdmin(w, { id: COMMAND_LINE_ACTOR }, 'webchat.update', { targetType: 'webchat', targetId: 'webchat' }, { allowedOrigins: before.allowedOrigins }, { allowedOrigins });
    return added;
  });
}
