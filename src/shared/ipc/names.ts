/**
 * The names of the IPC contract's channels and events, and nothing else: the sandboxed preload checks names
 * before anything crosses to the engine, and imports this file alone (the contract's schemas would bundle zod
 * and the assist engine's word lists into it: see preloadBundle.test.ts). The contract (contract.ts) keys its
 * tables by these; names.test.ts holds the two to the same names, by type and at run time.
 */

export const CHANNEL_NAMES = [
  'workstation.info',
  'auth.signIn', 'auth.unlock', 'auth.lock', 'auth.signOut', 'auth.forget', 'auth.changePassword',
  'session.recoverOldCache', 'session.discardOldCache', 'session.current', 'session.activity',
  'inbox.list',
  'case.view',
  'customer.view',
  'reference.org', 'reference.knowledge',
  'survey.answers',
  'reference.articles',
  'alert.list',
  'supervisor.dashboard', 'supervisor.dashboardChanges', 'supervisor.failedDeliveries',
  'held.list',
  'search.query',
  'store.lookup',
  'case.reply',
  'attachment.upload', 'attachment.get',
  'case.note', 'case.update', 'case.assign', 'case.continueInStore',
  'customer.update', 'customer.create',
  'held.resolve',
  'staff.setOwnStatus',
  'survey.send',
  'delivery.retry',
  'alert.acknowledge', 'alert.assign', 'alert.close',
  'supervisor.reassign', 'supervisor.reassignAll', 'supervisor.updateStaff',
  'audit.query',
  'supervisor.selfService',
  'presence.set',
  'admin.knowledge', 'admin.openCases', 'admin.createStaff', 'admin.updateStaff', 'admin.resetPassword', 'admin.deactivateStaff', 'admin.reactivateStaff', 'admin.createQueue', 'admin.updateQueue', 'admin.archiveQueue', 'admin.createStore', 'admin.updateStore', 'admin.createArticle', 'admin.updateArticle', 'admin.createCanned', 'admin.updateCanned', 'admin.policy', 'admin.setPolicy', 'admin.connectors', 'admin.setConnector', 'admin.removeConnector', 'admin.webchat', 'admin.setWebchat', 'admin.mailboxes', 'admin.setMailbox', 'admin.removeMailbox', 'admin.previewImport', 'admin.applyImport',
  'outbox.list', 'outbox.retry', 'outbox.discard', 'outbox.results',
  'assist.feedbackModel', 'assist.recordFeedback',
  'connection.current', 'notifications.settings', 'notifications.saveSettings', 'status.atSignIn',
  'inbox.preferences', 'inbox.setDensity', 'inbox.saveView', 'inbox.renameView', 'inbox.deleteView',
  'call.respond',
  'case.tag', 'customer.note', 'supervisor.mergeCustomers',
  'supervisor.report',
  'supervisor.voc',
] as const;

export const EVENT_NAMES = [
  'sync.progress',
  'connection.changed',
  'offline.readiness',
  'data.changed',
  'assignment.new',
  'alert.red',
  'call.offer',
  'admin.importProgress',
  'presence.update',
  'visitor.typing',
  'delivery.failed',
  'held.notice',
  'session.locked', 'session.ended',
  'call.update',
  'mention.new',
] as const;

export type ListedChannelName = (typeof CHANNEL_NAMES)[number];
export type ListedEventName = (typeof EVENT_NAMES)[number];

// Sets, not `in` or property lookups: 'toString' or '__proto__' must not pass for a name.
const channelNames: ReadonlySet<string> = new Set(CHANNEL_NAMES);
const eventNames: ReadonlySet<string> = new Set(EVENT_NAMES);

export const isChannelName = (name: unknown): name is ListedChannelName => typeof name === 'string' && channelNames.has(name);
export const isEventName = (name: unknown): name is ListedEventName => typeof name === 'string' && eventNames.has(name);
