import type { TFunction } from 'i18next';
import { CHANNELS, LANGS } from '../../../shared/domain';
import { LANGUAGE_NAMES } from '../../i18n/languages';
import type { Org } from '../supervisor/supervisorTypes';

/** The choices the admin forms offer, in one place so every form lists them alike. */
export const languageOptions = () => LANGS.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }));

export const channelOptions = (t: TFunction) => CHANNELS.map((c) => ({ value: c, label: t(`common:channel.${c}`) }));

/** Queues that still take cases (an archived queue is offered nowhere). */
export const openQueueOptions = (org: Org) => org.queues.filter((q) => !q.archived).map((q) => ({ value: q.id, label: q.name }));

export const activeStaffOptions = (org: Org) => org.staff.filter((s) => s.active).map((s) => ({ value: s.id, label: s.name }));

/** A queue's name for a list, or "all queues" for what is not tied to one. */
export const queueLabel = (t: TFunction, org: Org, queueId: string | null) =>
  queueId === null ? t('admin:allQueues') : (org.queues.find((q) => q.id === queueId)?.name ?? queueId);
