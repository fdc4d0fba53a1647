import { Badge, Button, Group, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KbArticle } from '../../../shared/domain';
import { foldText } from '../../../shared/text/fold';
import { LANGUAGE_NAMES } from '../../i18n/languages';
import type { Org } from '../supervisor/supervisorTypes';
import { AdminTable } from './AdminTable';
import { queueLabel } from './adminOptions';
import { ArticleForm } from './ArticleForm';

/** Knowledge base: every article held here, drafts too, in every language (search by title and tags), and writing them. */
export function KnowledgePanel({ org, articles, canEdit }: { org: Org; articles: readonly KbArticle[]; canEdit: boolean }) {
  const { t } = useTranslation('admin');
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<KbArticle | 'new' | null>(null);
  const folded = foldText(query);
  const shown = articles.filter((a) => folded === '' || foldText(`${a.title} ${a.tags.join(' ')}`).includes(folded));
  return (
    <Stack gap="sm">
      <Group>
        <TextInput aria-label={t('knowledge.search')} placeholder={t('knowledge.search')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} />
        {canEdit && <Button onClick={() => setEditing('new')}>{t('knowledge.create')}</Button>}
      </Group>
      <AdminTable
        rows={shown}
        nameOf={(a) => a.title}
        columns={[
          { label: t('knowledge.title'), cell: (a) => a.title },
          { label: t('language'), cell: (a) => LANGUAGE_NAMES[a.language] },
          { label: t('queue'), cell: (a) => queueLabel(t, org, a.queueId) },
          {
            label: t('knowledge.status'),
            cell: (a) => (
              <Badge color={a.status === 'published' ? 'green' : 'yellow'} variant="light">
                {t(`knowledge.${a.status}`)}
              </Badge>
            ),
          },
        ]}
        onEdit={canEdit ? setEditing : undefined}
      />
      {editing !== null && <ArticleForm org={org} article={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
