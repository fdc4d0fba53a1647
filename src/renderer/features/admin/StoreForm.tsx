import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreLocation } from '../../../shared/domain';
import { useApi } from '../../lib/api/useApi';
import { AdminFormModal } from './AdminFormModal';
import { CountryInput } from './CountryInput';
import { useAdminSubmit } from './adminForm';

const FIELDS = ['name', 'city', 'country'] as const;

/** Adds a store or changes one (its name, city and country). */
export function StoreForm({ store, onClose }: { store: StoreLocation | 'new'; onClose(): void }) {
  const { t } = useTranslation('admin');
  const api = useApi();
  const editing = store === 'new' ? null : store;
  const [name, setName] = useState(editing?.name ?? '');
  const [city, setCity] = useState(editing?.city ?? '');
  const [country, setCountry] = useState(editing?.country ?? null);
  const { send, at, unplaced, busy } = useAdminSubmit(FIELDS);

  async function submit() {
    const done = await send(() => (editing ? api.invoke('admin.updateStore', { storeId: editing.id, name, city, country }) : api.invoke('admin.createStore', { name, city, country })));
    if (done) onClose();
  }

  return (
    <AdminFormModal title={editing ? t('stores.edit', { name: editing.name }) : t('stores.create')} unplaced={unplaced} busy={busy} onSubmit={() => void submit()} onClose={onClose}>
      <TextInput label={t('stores.name')} required data-autofocus value={name} error={at('name')} onChange={(e) => setName(e.currentTarget.value)} />
      <TextInput label={t('stores.city')} required value={city} error={at('city')} onChange={(e) => setCity(e.currentTarget.value)} />
      <CountryInput value={country} error={at('country')} onChange={setCountry} />
    </AdminFormModal>
  );
}
