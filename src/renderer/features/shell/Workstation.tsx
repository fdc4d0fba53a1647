import { Box, Button, Center, Group, Kbd, SegmentedControl, Text, Title } from '@mantine/core';
import { lazy, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isSupervising } from '../../../shared/domain';
import type { SessionView } from '../../../shared/ipc/contract';
import { LanguagePicker } from '../../components/LanguagePicker';
import { LoadBoundary } from '../../components/LoadBoundary';
import { CaseView } from '../case/CaseView';
import { Customer360 } from '../customer/Customer360';
import { IncomingCall } from '../calls/IncomingCall';
import { InboxView } from '../inbox/InboxView';
import { NotificationCenter } from '../notifications/NotificationCenter';
import { SearchDialog } from '../search/SearchDialog';
import { StoreMode } from '../store/StoreMode';
import { AgentStatusPicker } from './AgentStatusPicker';
import { SessionMenu } from './SessionMenu';
import { ShortcutSheet, useShortcutSheetKey } from './ShortcutSheet';
import { StatusAtSignIn } from './StatusAtSignIn';
import { StatusBar } from './StatusBar';
import { ThemeToggle } from './ThemeToggle';
import { useActivityPing } from './useActivityPing';
import { useConnection } from './useConnection';

// Chunks of their own, fetched when a supervising person first opens them: the console's charts alone are
// larger than the rest of an agent's workspace, and agents never see either.
const SupervisorConsole = lazy(() => import('../supervisor/SupervisorConsole').then((m) => ({ default: m.SupervisorConsole })));
const AdminConsole = lazy(() => import('../admin/AdminConsole').then((m) => ({ default: m.AdminConsole })));

/** What the work area shows besides the home screen (inbox or store mode). */
type Detail = { kind: 'none' } | { kind: 'case'; caseId: string } | { kind: 'customer'; customerId: string };
const AREAS = ['inbox', 'supervisor', 'admin'] as const;
type Area = (typeof AREAS)[number];

/**
 * The signed-in workstation: header (search, status, theme, language, person), the home screen for the role
 * (store staff: store mode; agents and supervisors: the inbox beside the open case), and the status bar.
 */
export function Workstation({ session, onSignedOut }: { session: SessionView; onSignedOut(): void }) {
  const { t } = useTranslation('shell');
  const [detail, setDetail] = useState<Detail>({ kind: 'none' });
  const [searching, setSearching] = useState(false);
  const [shortcuts, setShortcuts] = useState(false);
  const { connection, progress, readiness } = useConnection();
  useActivityPing();
  useShortcutSheetKey(useCallback(() => setShortcuts(true), []));

  const openCase = (caseId: string) => setDetail({ kind: 'case', caseId });
  const openCustomer = (customerId: string) => setDetail({ kind: 'customer', customerId });
  const close = () => setDetail({ kind: 'none' });
  const store = session.staff.role === 'store';
  // Supervisor console and administration: only supervising roles get the switch (the engine and the hub
  // refuse the rest anyway); supervisors read the administration lists, admins change them.
  const supervising = isSupervising(session.staff.role);
  const [area, setArea] = useState<Area>('inbox');
  const openFromConsole = (caseId: string) => {
    setArea('inbox');
    openCase(caseId);
  };

  const detailView =
    detail.kind === 'case' ? (
      <CaseView key={detail.caseId} caseId={detail.caseId} onOpenCustomer={openCustomer} onClose={close} />
    ) : detail.kind === 'customer' ? (
      <Customer360 key={detail.customerId} customerId={detail.customerId} onOpenCase={openCase} onClose={close} />
    ) : null;

  return (
    <Box style={{ display: 'flex', flexDirection: 'column', height: '100vh' }}>
      <Group component="header" justify="space-between" px="md" py="xs" wrap="nowrap" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
        <Title order={1} size="h4">
          {t('appName', { ns: 'common' })}
        </Title>
        <Group gap="sm" wrap="nowrap">
          {supervising && (
            <SegmentedControl
              size="sm"
              aria-label={t('view.label', { ns: 'supervisor' })}
              value={area}
              onChange={(v) => setArea(AREAS.find((a) => a === v) ?? 'inbox')}
              data={AREAS.map((v) => ({ value: v, label: v === 'admin' ? t('title', { ns: 'admin' }) : t(`view.${v}`, { ns: 'supervisor' }) }))}
            />
          )}
          <Button variant="default" size="sm" onClick={() => setSearching(true)} aria-keyshortcuts="Control+K" rightSection={<Kbd size="xs">{t('search.shortcut')}</Kbd>}>
            {t('search.open')}
          </Button>
          <AgentStatusPicker staffId={session.staff.id} initial={session.staff.status} />
          <NotificationCenter onOpenCase={openCase} openCaseId={detail.kind === 'case' ? detail.caseId : null} />
          <ThemeToggle />
          <LanguagePicker />
          <SessionMenu
            staffId={session.staff.id}
            name={session.staff.name}
            oldCache={session.oldCache}
            onSignedOut={onSignedOut}
            onShowShortcuts={() => setShortcuts(true)}
          />
        </Group>
      </Group>
      <StatusAtSignIn />
      <Box component="main" style={{ flex: 1, minHeight: 0, display: 'flex' }}>
        {store ? (
          <Box style={{ flex: 1, overflow: 'auto' }}>
            <StoreMode onOpenCase={openCase} opened={detailView} onCloseDetail={close} />
          </Box>
        ) : supervising && area === 'supervisor' ? (
          <LoadBoundary>
            <SupervisorConsole onOpenCase={openFromConsole} />
          </LoadBoundary>
        ) : supervising && area === 'admin' ? (
          <LoadBoundary>
            <AdminConsole session={session} />
          </LoadBoundary>
        ) : (
          <>
            <Box style={{ width: 'min(520px, 45%)', borderRight: '1px solid var(--mantine-color-default-border)', display: 'flex' }}>
              <InboxView session={session} openCaseId={detail.kind === 'case' ? detail.caseId : null} onOpenCase={openCase} />
            </Box>
            <Box style={{ flex: 1, minWidth: 0, overflow: 'auto' }}>
              {detailView ?? (
                <Center h="100%">
                  <Text c="dimmed">{t('nothingOpen')}</Text>
                </Center>
              )}
            </Box>
          </>
        )}
      </Box>
      <StatusBar connection={connection} progress={progress} readiness={readiness} reconnects={session.reconnects} />
      <SearchDialog opened={searching} onOpen={() => setSearching(true)} onClose={() => setSearching(false)} onOpenCase={openCase} onOpenCustomer={openCustomer} />
      <ShortcutSheet opened={shortcuts} onClose={() => setShortcuts(false)} />
      <IncomingCall onOpenCase={openCase} onOpenCustomer={openCustomer} />
    </Box>
  );
}
