import type { MutationRequest } from '../../services/outbox/outbox';
import { getRow } from '../../services/cache/rows';
import { layOver } from '../../services/outbox/overlay';
import { EngineError } from '../engineError';
import { rememberOwnStatus } from '../preferences';
import { queueMutation, versionOf } from '../queueMutation';
import type { Handlers, HandlerContext } from './handlerTypes';

/** Channels that change something: each becomes one outbox mutation, shown at once and sent when online. */
export function changeHandlers({ sessions, clock, emit }: HandlerContext) {
  const queue = (request: MutationRequest) => queueMutation(sessions.live(), request, clock, emit);
  const db = () => sessions.live().vault.db;
  const version = (entity: Parameters<typeof versionOf>[1], id: string) => versionOf(db(), entity, id);

  return {
    'case.reply': ({ caseId, channel, text, subject, attachments }) => {
      const kase = getRow(db(), 'case', caseId);
      if (kase === null) throw new EngineError('not-found', `case ${caseId} is not on this workstation`);
      // Based on the newest message this workstation has seen: the hub holds the reply if the customer got newer.
      return queue({ type: 'reply', caseId, channel, text, subject, ...(attachments?.length ? { attachments } : {}), basedOn: { lastMessageId: kase.lastMessageId } });
    },
    'case.note': ({ caseId, text, mentions }) => queue({ type: 'note', caseId, text, ...(mentions?.length ? { mentions } : {}) }),
    'case.tag': ({ caseId, add, remove }) => queue({ type: 'case.tag', caseId, add, remove }),
    'customer.note': ({ customerId, text }) => queue({ type: 'customer.note', customerId, text }),
    'case.update': ({ caseId, status, priority }) =>
      queue({ type: 'case.update', caseId, basedOn: version('case', caseId), patch: { status, priority } }),
    'case.assign': ({ caseId, to }) =>
      queue({
        type: 'case.assign',
        caseId,
        basedOn: version('case', caseId),
        to: to === 'me' ? { staffId: sessions.live().vault.staffId } : to,
      }),
    'case.continueInStore': ({ caseId, text, storeId }) => {
      const store = storeId ?? sessions.live().view().staff.storeId;
      if (store === null) throw new EngineError('invalid-input', 'storeId: you have no home store; say which store');
      return queue({ type: 'case.continueInStore', caseId, storeId: store, text, basedOn: version('case', caseId) });
    },
    'customer.update': ({ customerId, patch }) =>
      queue({ type: 'customer.update', customerId, basedOn: version('customer', customerId), patch }),
    'customer.create': (input) => queue({ type: 'customer.create', ...input }),
    'held.resolve': ({ heldId, action }) => queue({ type: 'held.resolve', heldId, action }),
    'staff.setOwnStatus': ({ status }) => {
      rememberOwnStatus(db(), status);
      return queue({ type: 'staff.setStatus', status });
    },
    'survey.send': ({ caseId }) => queue({ type: 'survey.send', caseId }),
    'delivery.retry': ({ deliveryId }) => {
      const confirmed = getRow(db(), 'delivery', deliveryId);
      if (confirmed === null) throw new EngineError('not-found', `delivery ${deliveryId} is not on this workstation`);
      // As shown: a retry already waiting in the outbox has put it back in the queue, so a second click sends nothing.
      const { status } = layOver(db(), 'delivery', [confirmed])[0];
      if (status !== 'failed') throw new EngineError('conflict', `delivery ${deliveryId} has not failed (it is ${status})`);
      return queue({ type: 'delivery.retry', deliveryId });
    },
    'alert.acknowledge': ({ alertId }) => queue({ type: 'alert.acknowledge', alertId, basedOn: version('alert', alertId) }),
    'alert.assign': ({ alertId, staffId }) => queue({ type: 'alert.assign', alertId, staffId, basedOn: version('alert', alertId) }),
    'alert.close': ({ alertId, result, outcome }) => queue({ type: 'alert.close', alertId, result, outcome, basedOn: version('alert', alertId) }),
    'supervisor.reassign': ({ caseIds, to }) => queue({ type: 'supervisor.reassign', caseIds, to }),
    'supervisor.reassignAll': (input) => queue({ type: 'supervisor.reassignAll', ...input }),
    'supervisor.mergeCustomers': ({ survivorId, mergedId }) => queue({ type: 'supervisor.mergeCustomers', survivorId, mergedId }),
    'supervisor.updateStaff': ({ staffId, patch }) =>
      queue({ type: 'supervisor.updateStaff', staffId, basedOn: version('staff', staffId), patch }),
  } satisfies Partial<Handlers>;
}
