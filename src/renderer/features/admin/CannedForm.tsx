import { Fieldset, NativeSelect, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_STATUSES, PRIORITIES, type CannedResponse, type CaseStatus, type Lang, type MacroSets, type Priority } from '../../../shared/domain';
import { useApi } from '../../lib/api/useApi';
import type { Org } from '../supervisor/supervisorTypes';
import { AdminFormModal } from './AdminFormModal';
import { useAdminSubmit } from './adminForm';
import { LanguageSelect } from './LanguageSelect';
import { QueueScopeSelect } from './QueueScopeSelect';

const FIELDS = ['shortcut', 'title', 'body', 'language', 'queueId', 'sets'] as const;

/** The tags field: tags separated by commas, empty ones dropped (the hub cleans and checks each). */
const tagsOf = (typed: string): string[] => typed.split(',').map((tag) => tag.trim()).filter(Boolean);

/** What the form's macro fields set, or null for a plain canned response. */
function setsOf(status: CaseStatus | '', priority: Priority | '', tags: string): MacroSets | null {
  const sets: MacroSets = { ...(status ? { status } : {}), ...(priority ? { priority } : {}), ...(tagsOf(tags).length ? { tags: tagsOf(tags) } : {}) };
  return Object.keys(sets).length > 0 ? sets : null;
}

/**
 * Adds a canned response (agents type `/` and its shortcut in the composer) or edits one. Setting a status, a
 * priority or tags makes it a macro: picking it also changes the case.
 */
export function CannedForm({ org, canned, onClose }: { org: Org; canned: CannedResponse | 'new'; onClose(): void }) {
  const { t } = useTranslation('admin');
  const api = useApi();
  const editing = canned === 'new' ? null : canned;
  const [shortcut, setShortcut] = useState(editing?.shortcut ?? '');
  const [title, setTitle] = useState(editing?.title ?? '');
  const [body, setBody] = useState(editing?.body ?? '');
  const [language, setLanguage] = useState<Lang>(editing?.language ?? 'en');
  const [queueId, setQueueId] = useState<string | null>(editing?.queueId ?? null);
  const [status, setStatus] = useState<CaseStatus | ''>(editing?.sets?.status ?? '');
  const [priority, setPriority] = useState<Priority | ''>(editing?.sets?.priority ?? '');
  const [tags, setTags] = useState((editing?.sets?.tags ?? []).join(', '));
  const { send, at, unplaced, busy } = useAdminSubmit(FIELDS);

  async function submit() {
    const fields = { shortcut, title, body, language, queueId, sets: setsOf(status, priority, tags) };
    const done = await send(() => (editing ? api.invoke('admin.updateCanned', { cannedId: editing.id, ...fields }) : api.invoke('admin.createCanned', fields)));
    if (done) onClose();
  }

  return (
    <AdminFormModal title={editing ? t('canned.edit', { shortcut: editing.shortcut }) : t('canned.create')} size="lg" unplaced={unplaced} busy={busy} onSubmit={() => void submit()} onClose={onClose}>
      <TextInput label={t('canned.shortcut')} required data-autofocus leftSection="/" value={shortcut} error={at('shortcut')} onChange={(e) => setShortcut(e.currentTarget.value)} />
      <TextInput label={t('canned.title')} required value={title} error={at('title')} onChange={(e) => setTitle(e.currentTarget.value)} />
      <Textarea label={t('canned.body')} autosize minRows={4} maxRows={12} value={body} error={at('body')} onChange={(e) => setBody(e.currentTarget.value)} />
      <LanguageSelect value={language} error={at('language')} onChange={setLanguage} />
      <QueueScopeSelect org={org} value={queueId} error={at('queueId')} onChange={setQueueId} />
      <Fieldset legend={t('macro.title')}>
        <NativeSelect
          label={t('macro.status')}
          value={status}
          data={[{ value: '', label: t('macro.unchanged') }, ...CASE_STATUSES.map((s) => ({ value: s, label: t(`caseStatus.${s}`, { ns: 'common' }) }))]}
          onChange={(e) => setStatus(e.currentTarget.value as CaseStatus | '')}
        />
        <NativeSelect
          label={t('macro.priority')}
          value={priority}
          data={[{ value: '', label: t('macro.unchanged') }, ...PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`, { ns: 'case' }) }))]}
          onChange={(e) => setPriority(e.currentTarget.value as Priority | '')}
        />
        <TextInput label={t('macro.tags')} description={t('macro.tagsHint')} value={tags} error={at('sets')} onChange={(e) => setTags(e.currentTarget.value)} />
      </Fieldset>
    </AdminFormModal>
  );
}
