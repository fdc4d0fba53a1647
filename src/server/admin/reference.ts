import { macroOrNone, type CannedResponse, type KbArticle, type MacroSets, type StoreLocation } from '../../shared/domain';
import type { z } from 'zod';
import type { CreateArticleSchema, CreateCannedSchema, CreateStoreSchema, UpdateArticleSchema, UpdateCannedSchema, UpdateStoreSchema } from '../../shared/protocol';
import type { UnitOfWork } from '../context';
import { Refused } from '../refused';
import { adminWrite, auditAdmin, FieldRefused, type AdminCall } from './adminWrite';

/** Refuses a queue id that names no queue (an article or canned response for one queue). */
function checkQueue(w: UnitOfWork, queueId: string | null | undefined): void {
  if (queueId && !w.ctx.queue(queueId)) throw new FieldRefused('not-found', 'queueId', `no such queue: ${queueId}`);
}

async function mustGet<E extends 'storeLocation' | 'kb' | 'canned'>(w: UnitOfWork, entity: E, id: string, what: string) {
  const row = await w.get(entity, id);
  if (!row) throw new Refused('not-found', `${what} ${id} does not exist`);
  return row;
}

export async function createStore(call: AdminCall, input: z.infer<typeof CreateStoreSchema>): Promise<StoreLocation> {
  return adminWrite(call, async (w, actor) => {
    const store: StoreLocation = { id: w.ctx.newId('store'), ...input };
    await w.save('storeLocation', store);
    await auditAdmin(w, actor, 'store.create', { targetType: 'store', targetId: store.id }, null, store);
    return store;
  });
}

export async function updateStore(call: AdminCall, id: string, patch: z.infer<typeof UpdateStoreSchema>): Promise<StoreLocation> {
  return adminWrite(call, async (w, actor) => {
    const before = await mustGet(w, 'storeLocation', id, 'store');
    const after: StoreLocation = { ...before, ...patch };
    await w.save('storeLocation', after);
    await auditAdmin(w, actor, 'store.update', { targetType: 'store', targetId: id }, before, after);
    return after;
  });
}

/** Adds a knowledge-base article (a draft, seen by supervisors and admins only, unless published). */
export async function createArticle(call: AdminCall, input: z.infer<typeof CreateArticleSchema>): Promise<KbArticle> {
  return adminWrite(call, async (w, actor) => {
    checkQueue(w, input.queueId);
    const article: KbArticle = { id: w.ctx.newId('kb'), ...input, updatedAt: w.ctx.now() };
    await w.save('kb', article);
    await auditAdmin(w, actor, 'kb.create', { targetType: 'kb', targetId: article.id, queueId: article.queueId }, null, article);
    return article;
  });
}

export async function updateArticle(call: AdminCall, id: string, patch: z.infer<typeof UpdateArticleSchema>): Promise<KbArticle> {
  return adminWrite(call, async (w, actor) => {
    const before = await mustGet(w, 'kb', id, 'article');
    checkQueue(w, patch.queueId);
    const after: KbArticle = { ...before, ...patch, updatedAt: w.ctx.now() };
    await w.save('kb', after);
    await auditAdmin(w, actor, 'kb.update', { targetType: 'kb', targetId: id, queueId: after.queueId }, before, after);
    return after;
  });
}

/** The canned response with `sets` as its macro, or as a plain response when it sets nothing. */
function withMacro(canned: CannedResponse, sets: MacroSets | null): CannedResponse {
  const { sets: _old, ...plain } = canned;
  const macro = macroOrNone(sets);
  return macro ? { ...plain, sets: macro } : plain;
}

/** Refuses a shortcut another canned response of the same language already has (typing it must find one). */
async function checkShortcut(w: UnitOfWork, row: Pick<CannedResponse, 'id' | 'shortcut' | 'language'>): Promise<void> {
  const taken = (await w.all('canned')).some((c) => c.id !== row.id && c.language === row.language && c.shortcut.toLowerCase() === row.shortcut.toLowerCase());
  if (taken) throw new FieldRefused('conflict', 'shortcut', `/${row.shortcut} is taken in ${row.language}`);
}

export async function createCanned(call: AdminCall, input: z.infer<typeof CreateCannedSchema>): Promise<CannedResponse> {
  return adminWrite(call, async (w, actor) => {
    checkQueue(w, input.queueId);
    const { sets, ...fields } = input;
    const canned: CannedResponse = withMacro({ id: w.ctx.newId('canned'), ...fields }, sets);
    await checkShortcut(w, canned);
    await w.save('canned', canned);
    await auditAdmin(w, actor, 'canned.create', { targetType: 'canned', targetId: canned.id, queueId: canned.queueId }, null, canned);
    return canned;
  });
}

export async function updateCanned(call: AdminCall, id: string, patch: z.infer<typeof UpdateCannedSchema>): Promise<CannedResponse> {
  return adminWrite(call, async (w, actor) => {
    const before = await mustGet(w, 'canned', id, 'canned response');
    checkQueue(w, patch.queueId);
    const { sets, ...fields } = patch;
    const after: CannedResponse = sets === undefined ? { ...before, ...fields } : withMacro({ ...before, ...fields }, sets);
    await checkShortcut(w, after);
    await w.save('canned', after);
    await auditAdmin(w, actor, 'canned.update', { targetType: 'canned', targetId: id, queueId: after.queueId }, before, after);
    return after;
  });
}
