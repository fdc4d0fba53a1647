import { Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CannedResponse, Lang } from '../../../shared/domain';
import { useApi } from '../../lib/api/useApi';
import type { Org } from '../supervisor/supervisorTypes';
import { AdminFormModal } from './AdminFormModal';
import { useAdminSubmit } from './adminForm';
import { LanguageSelect } from './LanguageSelect';
import { QueueScopeSelect } from './QueueScopeSelect';

const FIELDS = ['shortcut', 'title', 'body', 'language', 'queueId'] as const;

/** Adds a canned response (agents type `/` and its shortcut in the composer) or edits one. */
export function CannedForm({ org, canned, onClose }: { org: Org; canned: CannedResponse | 'new'; onClose(): void }) {
  const { t } = useTranslation('admin');
  const api = useApi();
  const editing = canned === 'new' ? null : canned;
  const [shortcut, setShortcut] = useState(editing?.shortcut ?? '');
  const [title, setTitle] = useState(editing?.title ?? '');
  const [body, setBody] = useState(editing?.body ?? '');
  const [language, setLanguage] = useState<Lang>(editing?.language ?? 'en');
  const [queueId, setQueueId] = useState<string | null>(editing?.queueId ?? null);
  const { send, at, unplaced, busy } = useAdminSubmit(FIELDS);

  async function submit() {
    const fields = { shortcut, title, body, language, queueId };
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
    </AdminFormModal>
  );
}
