import { MultiSelect, NumberInput, PasswordInput, Select, SimpleGrid, Switch, TagsInput, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, ROLES, type Channel, type Lang, type Role } from '../../../shared/domain';
import type { OutputOf } from '../../../shared/ipc/contract';
import { useApi } from '../../lib/api/useApi';
import type { Org, OrgStaff } from '../supervisor/supervisorTypes';
import { AdminFormModal } from './AdminFormModal';
import { useAdminSubmit } from './adminForm';
import { languageOptions, openQueueOptions } from './adminOptions';

type Created = OutputOf<'admin.createStaff'>;

const FIELDS = ['username', 'name', 'role', 'languages', 'skills', 'queueIds', 'capacity', 'storeId', 'password'] as const;

/**
 * Adds a person (with a one-time password, or one the admin sets and may require changed) or edits one. The
 * hub's refusals show at the field they name.
 */
export function PersonForm({ org, person, onClose, onCreated }: { org: Org; person: OrgStaff | 'new'; onClose(): void; onCreated(created: Created): void }) {
  const { t } = useTranslation('admin');
  const api = useApi();
  const editing = person === 'new' ? null : person;
  const [username, setUsername] = useState('');
  const [name, setName] = useState(editing?.name ?? '');
  const [role, setRole] = useState<Role>(editing?.role ?? 'agent');
  const [languages, setLanguages] = useState<Lang[]>(editing?.languages ?? ['en']);
  const [skills, setSkills] = useState<string[]>(editing?.skills ?? []);
  const [queueIds, setQueueIds] = useState<string[]>(editing ? org.queues.filter((q) => q.memberIds.includes(editing.id)).map((q) => q.id) : []);
  const [capacity, setCapacity] = useState<Partial<Record<Channel, number>>>(editing ? { ...editing.capacity } : {});
  const [storeId, setStoreId] = useState<string | null>(editing?.storeId ?? null);
  const [oneTime, setOneTime] = useState(true);
  const [password, setPassword] = useState('');
  const [mustChange, setMustChange] = useState(true);
  const { send, at, unplaced, busy } = useAdminSubmit(FIELDS);

  async function submit() {
    const fields = { name, role, languages, skills, queueIds, capacity, storeId };
    if (editing) {
      if (await send(() => api.invoke('admin.updateStaff', { staffId: editing.id, ...fields }))) onClose();
      return;
    }
    const created = await send(() => api.invoke('admin.createStaff', { username, ...fields, ...(oneTime ? {} : { password, mustChange }) }));
    if (!created) return;
    onCreated(created);
    onClose();
  }

  return (
    <AdminFormModal title={editing ? t('people.edit', { name: editing.name }) : t('people.create')} size="lg" unplaced={unplaced} busy={busy} onSubmit={() => void submit()} onClose={onClose}>
      {!editing && <TextInput label={t('people.username')} required data-autofocus value={username} error={at('username')} onChange={(e) => setUsername(e.currentTarget.value)} />}
      <TextInput label={t('people.name')} required value={name} error={at('name')} onChange={(e) => setName(e.currentTarget.value)} />
      <Select label={t('people.role')} value={role} allowDeselect={false} error={at('role')} onChange={(v) => v && setRole(v as Role)} data={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
      <MultiSelect label={t('people.languages')} value={languages} error={at('languages')} onChange={(v) => setLanguages(v as Lang[])} data={languageOptions()} />
      <TagsInput label={t('people.skills')} value={skills} error={at('skills')} onChange={setSkills} />
      <MultiSelect label={t('people.queues')} value={queueIds} error={at('queueIds')} onChange={setQueueIds} searchable data={openQueueOptions(org)} />
      <SimpleGrid cols={4} spacing="xs">
        {CHANNELS.map((c) => (
          <NumberInput
            key={c}
            label={t('people.capacity', { channel: t(`common:channel.${c}`) })}
            min={0}
            max={100}
            value={capacity[c] ?? ''}
            error={at(`capacity.${c}`)}
            onChange={(v) => setCapacity((old) => ({ ...old, [c]: typeof v === 'number' ? v : undefined }))}
          />
        ))}
      </SimpleGrid>
      <Select label={t('people.store')} clearable value={storeId} error={at('storeId')} onChange={setStoreId} data={org.stores.map((s) => ({ value: s.id, label: `${s.name} (${s.city})` }))} />
      {!editing && (
        <>
          <Switch label={t('people.oneTime')} checked={oneTime} onChange={(e) => setOneTime(e.currentTarget.checked)} />
          {!oneTime && (
            <>
              <PasswordInput label={t('people.password')} required autoComplete="new-password" value={password} error={at('password')} onChange={(e) => setPassword(e.currentTarget.value)} />
              <Switch label={t('people.mustChange')} checked={mustChange} onChange={(e) => setMustChange(e.currentTarget.checked)} />
            </>
          )}
        </>
      )}
    </AdminFormModal>
  );
}
