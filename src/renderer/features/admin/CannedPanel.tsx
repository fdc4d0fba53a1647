import { Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CannedResponse } from '../../../shared/domain';
import { LANGUAGE_NAMES } from '../../i18n/languages';
import type { Org } from '../supervisor/supervisorTypes';
import { AdminTable } from './AdminTable';
import { queueLabel } from './adminOptions';
import { CannedForm } from './CannedForm';

/** Canned responses: every one held here, in every language, and adding and editing them. */
export function CannedPanel({ org, canned, canEdit }: { org: Org; canned: readonly CannedResponse[]; canEdit: boolean }) {
  const { t } = useTranslation('admin');
  const [editing, setEditing] = useState<CannedResponse | 'new' | null>(null);
  return (
    <Stack gap="sm">
      {canEdit && (
        <Group>
          <Button onClick={() => setEditing('new')}>{t('canned.create')}</Button>
        </Group>
      )}
      <AdminTable
        rows={canned}
        nameOf={(c) => `/${c.shortcut}`}
        columns={[
          { label: t('canned.shortcut'), cell: (c) => `/${c.shortcut}` },
          { label: t('canned.title'), cell: (c) => c.title },
          { label: t('language'), cell: (c) => LANGUAGE_NAMES[c.language] },
          { label: t('queue'), cell: (c) => queueLabel(t, org, c.queueId) },
          { label: t('macro.title'), cell: (c) => (c.sets ? t('macro.isMacro') : '') },
        ]}
        onEdit={canEdit ? setEditing : undefined}
      />
      {editing !== null && <CannedForm org={org} canned={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
