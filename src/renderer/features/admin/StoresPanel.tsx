import { Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreLocation } from '../../../shared/domain';
import type { Org } from '../supervisor/supervisorTypes';
import { AdminTable } from './AdminTable';
import { StoreForm } from './StoreForm';

/** Stores: the synced list, and adding and editing. */
export function StoresPanel({ org, canEdit }: { org: Org; canEdit: boolean }) {
  const { t } = useTranslation('admin');
  const [editing, setEditing] = useState<StoreLocation | 'new' | null>(null);
  return (
    <Stack gap="sm">
      {canEdit && (
        <Group>
          <Button onClick={() => setEditing('new')}>{t('stores.create')}</Button>
        </Group>
      )}
      <AdminTable
        rows={org.stores}
        nameOf={(s) => s.name}
        columns={[
          { label: t('stores.name'), cell: (s) => s.name },
          { label: t('stores.city'), cell: (s) => s.city },
        ]}
        onEdit={canEdit ? setEditing : undefined}
      />
      {editing !== null && <StoreForm store={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
