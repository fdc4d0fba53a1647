import { Select, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KbArticle, Lang } from '../../../shared/domain';
import { useApi } from '../../lib/api/useApi';
import type { Org } from '../supervisor/supervisorTypes';
import { AdminFormModal } from './AdminFormModal';
import { useAdminSubmit } from './adminForm';
import { LanguageSelect } from './LanguageSelect';
import { QueueScopeSelect } from './QueueScopeSelect';

const FIELDS = ['title', 'body', 'tags', 'language', 'queueId', 'status'] as const;
type Status = KbArticle['status'];

/** Writes a knowledge-base article (a draft until published; drafts reach supervisors and admins only) or edits one. */
export function ArticleForm({ org, article, onClose }: { org: Org; article: KbArticle | 'new'; onClose(): void }) {
  const { t } = useTranslation('admin');
  const api = useApi();
  const editing = article === 'new' ? null : article;
  const [title, setTitle] = useState(editing?.title ?? '');
  const [body, setBody] = useState(editing?.body ?? '');
  const [tags, setTags] = useState<string[]>(editing?.tags ?? []);
  const [language, setLanguage] = useState<Lang>(editing?.language ?? 'en');
  const [queueId, setQueueId] = useState<string | null>(editing?.queueId ?? null);
  const [status, setStatus] = useState<Status>(editing?.status ?? 'draft');
  const { send, at, unplaced, busy } = useAdminSubmit(FIELDS);

  async function submit() {
    const fields = { title, body, tags, language, queueId, status };
    const done = await send(() => (editing ? api.invoke('admin.updateArticle', { articleId: editing.id, ...fields }) : api.invoke('admin.createArticle', fields)));
    if (done) onClose();
  }

  return (
    <AdminFormModal title={editing ? t('knowledge.edit', { title: editing.title }) : t('knowledge.create')} size="xl" unplaced={unplaced} busy={busy} onSubmit={() => void submit()} onClose={onClose}>
      <TextInput label={t('knowledge.title')} required data-autofocus value={title} error={at('title')} onChange={(e) => setTitle(e.currentTarget.value)} />
      <Textarea label={t('knowledge.body')} autosize minRows={8} maxRows={20} value={body} error={at('body')} onChange={(e) => setBody(e.currentTarget.value)} />
      <TagsInput label={t('knowledge.tags')} value={tags} error={at('tags')} onChange={setTags} />
      <LanguageSelect value={language} error={at('language')} onChange={setLanguage} />
      <QueueScopeSelect org={org} value={queueId} error={at('queueId')} onChange={setQueueId} />
      <Select
        label={t('knowledge.status')}
        allowDeselect={false}
        value={status}
        error={at('status')}
        onChange={(v) => v && setStatus(v as Status)}
        data={(['draft', 'published'] as const).map((s) => ({ value: s, label: t(`knowledge.${s}`) }))}
      />
    </AdminFormModal>
  );
}
