import { Badge, Button, Group, Menu, SegmentedControl, Select, Stack, Table, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../shared/domain';
import { foldText } from '../../../shared/text/fold';
import { useApi } from '../../lib/api/useApi';
import type { Org, OrgStaff } from '../supervisor/supervisorTypes';
import { DeactivateModal } from './DeactivateModal';
import { ImportModal } from './ImportModal';
import { OneTimePassword } from './OneTimePassword';
import { PersonForm } from './PersonForm';

type Dialog = { kind: 'form'; person: OrgStaff | 'new' } | { kind: 'deactivate'; person: OrgStaff } | { kind: 'import' } | null;

/** People: the synced staff list (search, role, active), and adding, editing, resetting, deactivating and reactivating. */
export function PeoplePanel({ org, canEdit }: { org: Org; canEdit: boolean }) {
  const { t } = useTranslation('admin');
  const api = useApi();
  const [query, setQuery] = useState('');
  const [role, setRole] = useState<Role | null>(null);
  const [activity, setActivity] = useState<'all' | 'active' | 'inactive'>('active');
  const [dialog, setDialog] = useState<Dialog>(null);
  // Shown once, then forgotten.
  const [otp, setOtp] = useState<{ name: string; password: string } | null>(null);

  const folded = foldText(query);
  const shown = org.staff.filter(
    (s) =>
      (role === null || s.role === role) &&
      (activity === 'all' || s.active === (activity === 'active')) &&
      (folded === '' || foldText(`${s.name} ${s.username}`).includes(folded)),
  );

  async function reset(person: OrgStaff) {
    const result = await api.invoke('admin.resetPassword', { staffId: person.id });
    if (result.ok && result.value.oneTimePassword) setOtp({ name: person.name, password: result.value.oneTimePassword });
  }

  return (
    <Stack gap="sm">
      <Group>
        <TextInput aria-label={t('people.search')} placeholder={t('people.search')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} />
        <Select aria-label={t('people.role')} placeholder={t('people.anyRole')} clearable value={role} onChange={(v) => setRole(v as Role | null)} data={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        <SegmentedControl aria-label={t('people.activity')} value={activity} onChange={(v) => setActivity(v as typeof activity)} data={(['active', 'inactive', 'all'] as const).map((v) => ({ value: v, label: t(`people.${v}`) }))} />
        {canEdit && <Button onClick={() => setDialog({ kind: 'form', person: 'new' })}>{t('people.create')}</Button>}
        {canEdit && (
          <Button variant="default" onClick={() => setDialog({ kind: 'import' })}>
            {t('import.action')}
          </Button>
        )}
      </Group>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('people.name')}</Table.Th>
            <Table.Th>{t('people.username')}</Table.Th>
            <Table.Th>{t('people.role')}</Table.Th>
            <Table.Th>{t('people.state')}</Table.Th>
            {canEdit && <Table.Th>{t('actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>{s.name}</Table.Td>
              <Table.Td>{s.username}</Table.Td>
              <Table.Td>{t(`role.${s.role}`)}</Table.Td>
              <Table.Td>
                {/* Filled dark shades: the light green badge fell below 4.5:1 contrast (axe, e2e/accessibility.spec.ts). */}
                <Badge color={s.active ? 'teal.9' : 'gray.7'}>
                  {s.active ? t('people.active') : t('people.inactive')}
                </Badge>
              </Table.Td>
              {canEdit && (
                <Table.Td>
                  <Menu withinPortal>
                    <Menu.Target>
                      <Button variant="subtle" size="xs" aria-label={t('people.actionsFor', { name: s.name })}>
                        {t('actions')}
                      </Button>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item onClick={() => setDialog({ kind: 'form', person: s })}>{t('people.editAction')}</Menu.Item>
                      <Menu.Item onClick={() => void reset(s)}>{t('people.reset')}</Menu.Item>
                      {s.active ? (
                        <Menu.Item color="red" onClick={() => setDialog({ kind: 'deactivate', person: s })}>
                          {t('people.deactivate')}
                        </Menu.Item>
                      ) : (
                        <Menu.Item onClick={() => void api.invoke('admin.reactivateStaff', { staffId: s.id })}>{t('people.reactivate')}</Menu.Item>
                      )}
                    </Menu.Dropdown>
                  </Menu>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {dialog?.kind === 'form' && (
        <PersonForm org={org} person={dialog.person} onClose={() => setDialog(null)} onCreated={(c) => c.oneTimePassword && setOtp({ name: c.name, password: c.oneTimePassword })} />
      )}
      {dialog?.kind === 'deactivate' && <DeactivateModal org={org} person={dialog.person} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'import' && <ImportModal kind="staff" onClose={() => setDialog(null)} />}
      <OneTimePassword name={otp?.name ?? ''} password={otp?.password ?? null} onDone={() => setOtp(null)} />
    </Stack>
  );
}
