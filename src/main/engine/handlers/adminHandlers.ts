import type { z } from 'zod';
import { channels, type ChannelName, type OutputOf } from '../../../shared/ipc/contract';
import { countOpenCases, listAllCannedResponses, listAllKbArticles } from '../../services/cache/queries/reference';
import { EngineError } from '../engineError';
import type { HubAdmin } from '../hubAdmin';
import type { SessionManager } from '../sessionManager';
import type { Handlers, HandlerContext } from './handlerTypes';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Sends one admin call for the signed-in person, online only; the answer is checked against the channel's output. */
function adminCall(sessions: SessionManager, hubAdmin: HubAdmin) {
  return async <C extends ChannelName>(channel: C, method: Method, path: string, body: unknown = {}, timeoutMs?: number): Promise<OutputOf<C>> => {
    const live = sessions.live();
    if (live.connection() !== 'online') throw new EngineError('offline', 'administration needs the hub, and the workstation is offline');
    const answer = channels[channel].output as unknown as z.ZodType<OutputOf<C>>;
    return hubAdmin.call(await live.accessToken(), method, path, body, answer, timeoutMs);
  };
}

/** A large file takes the hub a while to check and write (and a staff file a password hash per person). */
const IMPORT_TIMEOUT_MS = 5 * 60_000;

/** An id as a path segment of the admin API. */
const seg = (id: string) => encodeURIComponent(id);

/** Administration: lists from the cache (the change feed keeps them current), changes through the hub's admin API. */
export function adminHandlers({ sessions, hubAdmin }: HandlerContext) {
  const call = adminCall(sessions, hubAdmin);
  const db = () => sessions.live().vault.db;
  return {
    'admin.knowledge': () => ({ kb: listAllKbArticles(db()), canned: listAllCannedResponses(db()) }),
    'admin.openCases': (of) => ({ count: countOpenCases(db(), of) }),
    'admin.createStaff': (input) => call('admin.createStaff', 'POST', 'staff', input),
    'admin.updateStaff': ({ staffId, ...patch }) => call('admin.updateStaff', 'PATCH', `staff/${seg(staffId)}`, patch),
    'admin.resetPassword': ({ staffId, ...body }) => call('admin.resetPassword', 'POST', `staff/${seg(staffId)}/reset-password`, body),
    'admin.deactivateStaff': ({ staffId, ...body }) => call('admin.deactivateStaff', 'POST', `staff/${seg(staffId)}/deactivate`, body),
    'admin.reactivateStaff': ({ staffId }) => call('admin.reactivateStaff', 'POST', `staff/${seg(staffId)}/reactivate`),
    'admin.createQueue': (input) => call('admin.createQueue', 'POST', 'queues', input),
    'admin.updateQueue': ({ queueId, ...patch }) => call('admin.updateQueue', 'PATCH', `queues/${seg(queueId)}`, patch),
    'admin.archiveQueue': ({ queueId, ...body }) => call('admin.archiveQueue', 'POST', `queues/${seg(queueId)}/archive`, body),
    'admin.createStore': (input) => call('admin.createStore', 'POST', 'stores', input),
    'admin.updateStore': ({ storeId, ...patch }) => call('admin.updateStore', 'PATCH', `stores/${seg(storeId)}`, patch),
    'admin.createArticle': (input) => call('admin.createArticle', 'POST', 'articles', input),
    'admin.updateArticle': ({ articleId, ...patch }) => call('admin.updateArticle', 'PATCH', `articles/${seg(articleId)}`, patch),
    'admin.createCanned': (input) => call('admin.createCanned', 'POST', 'canned', input),
    'admin.updateCanned': ({ cannedId, ...patch }) => call('admin.updateCanned', 'PATCH', `canned/${seg(cannedId)}`, patch),
    'admin.policy': () => call('admin.policy', 'GET', 'policy'),
    'admin.setPolicy': (input) => call('admin.setPolicy', 'PUT', 'policy', input),
    'admin.connectors': () => call('admin.connectors', 'GET', 'connectors'),
    'admin.setConnector': ({ channel, ...body }) => call('admin.setConnector', 'PUT', `connectors/${channel}`, body),
    'admin.removeConnector': ({ channel }) => call('admin.removeConnector', 'DELETE', `connectors/${channel}`),
    'admin.webchat': () => call('admin.webchat', 'GET', 'webchat'),
    'admin.setWebchat': (input) => call('admin.setWebchat', 'PUT', 'webchat', input),
    'admin.mailboxes': () => call('admin.mailboxes', 'GET', 'mailboxes'),
    'admin.setMailbox': ({ address, ...body }) => call('admin.setMailbox', 'PUT', `mailboxes/${seg(address)}`, body),
    'admin.removeMailbox': ({ address }) => call('admin.removeMailbox', 'DELETE', `mailboxes/${seg(address)}`),
    'admin.previewImport': ({ kind, ...body }) => call('admin.previewImport', 'POST', `import/${kind}`, { ...body, dryRun: true }, IMPORT_TIMEOUT_MS),
    'admin.applyImport': ({ kind, ...body }) => call('admin.applyImport', 'POST', `import/${kind}`, { ...body, dryRun: false }, IMPORT_TIMEOUT_MS),
  } satisfies Partial<Handlers>;
}
