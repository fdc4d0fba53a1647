import { ActionIcon, Button, Group, Indicator, Notification, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_NOTIFICATION_SETTINGS, type NotificationSettings } from '../../../shared/domain/preferences';
import { useApi } from '../../lib/api/useApi';
import { useEvent } from '../../lib/api/useEvent';
import { formatNumber, formatTime } from '../../lib/format';
import { NotificationSettingsModal } from './NotificationSettingsModal';
import { playTone } from './tone';
import { groupByKind, useNotices, type Notice } from './useNotices';

const BELL = 'M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0';
/** Below the header, at the right: over the top of the case, never over the composer pinned at its bottom. */
const TOAST_TOP = 64;

interface Props {
  onOpenCase(caseId: string): void;
  /** The case open on screen: notices about it are not raised (the person is looking at it). */
  openCaseId: string | null;
}

/**
 * The notification centre: a bell in the header with this session's notices (newest first, each opening its
 * case) and the count of unread ones; and notices on screen for new assignments, red alerts and messages that
 * could not be delivered, several of a kind grouped into one, below the header at the right. Nothing for the case
 * already open; the hub's assignments that the person's own reply or take caused are left out by the engine. A
 * sound per kind as the person chose (the engine raises the OS notification, by the same settings).
 */
export function NotificationCenter({ onOpenCase, openCaseId }: Props) {
  const { t, i18n } = useTranslation('notifications');
  const lng = i18n.language;
  const api = useApi();
  const notices = useNotices();
  const [acknowledging, setAcknowledging] = useState<string | null>(null);
  const [bellOpen, setBellOpen] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [settings, setSettings] = useState<NotificationSettings>(DEFAULT_NOTIFICATION_SETTINGS);

  useEffect(() => {
    let live = true;
    void api.invoke('notifications.settings', {}).then((r) => live && r.ok && setSettings(r.value));
    return () => {
      live = false;
    };
  }, [api]);

  const take = (n: Notice) => {
    const shown = n.caseId !== openCaseId;
    if (notices.add(n, shown) && shown && settings[n.kind].sound) playTone(n.kind);
  };
  useEvent('assignment.new', ({ case: c, customerName }) => take({ kind: 'assignment', key: `a-${c.id}-${c.version}`, caseId: c.id, customerName }));
  useEvent('alert.red', ({ alert, customerName }) =>
    take({ kind: 'alert', key: `r-${alert.id}`, caseId: alert.caseId, alertId: alert.id, score: alert.score, reason: alert.reason, customerName }),
  );
  useEvent('delivery.failed', ({ failure, caseSubject, customerName }) =>
    take({ kind: 'delivery', key: `d-${failure.deliveryId}`, caseId: failure.caseId, channel: failure.channel, error: failure.error, caseSubject, customerName }),
  );
  useEvent('mention.new', ({ caseId, interactionId, authorName, caseSubject, excerpt }) =>
    take({ kind: 'mention', key: `m-${interactionId}`, caseId, authorName, caseSubject, excerpt, customerName: null }),
  );

  const open = (n: Notice) => {
    onOpenCase(n.caseId);
    notices.remove(n.key);
  };
  const acknowledge = async (n: Extract<Notice, { kind: 'alert' }>) => {
    setAcknowledging(n.key);
    await api.invoke('alert.acknowledge', { alertId: n.alertId });
    setAcknowledging(null);
    notices.remove(n.key);
  };
  const saveSettings = async (next: NotificationSettings) => {
    setSettings(next);
    const saved = await api.invoke('notifications.saveSettings', next);
    if (saved.ok) setSettings(saved.value);
  };
  const showBell = (opened: boolean) => {
    setBellOpen(opened);
    if (opened) notices.markAllRead();
  };

  const bellLabel = notices.unread > 0 ? t('bell.unread', { count: notices.unread, n: formatNumber(lng, notices.unread) }) : t('bell.label');
  return (
    <>
      {/* The badge shows the count the bell's name says; the popover's target is the button itself (it takes the popup's ARIA attributes). */}
      <Indicator label={notices.unread} disabled={notices.unread === 0} size={18} offset={4} color="red">
        <Popover opened={bellOpen} onChange={showBell} position="bottom-end" width={380} trapFocus withinPortal shadow="md">
          <Popover.Target>
            <ActionIcon variant="default" size="lg" aria-label={bellLabel} title={bellLabel} onClick={() => showBell(!bellOpen)} data-testid="bell">
              <svg width={18} height={18} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} aria-hidden>
                <path d={BELL} />
              </svg>
            </ActionIcon>
          </Popover.Target>
          <Popover.Dropdown aria-label={t('bell.label')}>
            <Group justify="space-between" mb="xs">
              <Text fw={600}>{t('bell.label')}</Text>
              <Button size="compact-xs" variant="default" onClick={() => setSettingsOpen(true)}>
                {t('settings.open')}
              </Button>
            </Group>
            {notices.history.length === 0 ? (
              <Text size="sm">{t('bell.empty')}</Text>
            ) : (
              <ScrollArea.Autosize mah={420}>
                <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={t('bell.history')}>
                  {notices.history.map(({ notice: n, at }) => (
                    <li key={n.key}>
                      <UnstyledButton
                        w="100%"
                        p={6}
                        style={{ borderRadius: 4 }}
                        onClick={() => {
                          setBellOpen(false);
                          open(n);
                        }}
                      >
                        <Group justify="space-between" wrap="nowrap" gap="xs">
                          <Text size="sm" fw={600}>
                            {t(`${n.kind}.title`)}
                          </Text>
                          <Time at={at} />
                        </Group>
                        <NoticeText notice={n} />
                      </UnstyledButton>
                    </li>
                  ))}
                </Stack>
              </ScrollArea.Autosize>
            )}
          </Popover.Dropdown>
        </Popover>
      </Indicator>
      <NotificationSettingsModal opened={settingsOpen} settings={settings} onChange={(s) => void saveSettings(s)} onClose={() => setSettingsOpen(false)} />
      {notices.list.length > 0 && (
        <Stack gap="xs" pos="fixed" right={16} top={TOAST_TOP} w={360} style={{ zIndex: 300 }} aria-label={t('region')} role="region" data-testid="toasts">
          {groupByKind(notices.list).map(({ kind, notices: group }) => {
            const [first] = group;
            if (!first) return null;
            if (group.length > 1) {
              return (
                <Notification
                  key={kind}
                  color={kind === 'assignment' || kind === 'mention' ? 'indigo' : 'red'}
                  title={t(`${kind}.group`, { count: group.length, n: formatNumber(lng, group.length) })}
                  role={kind === 'assignment' || kind === 'mention' ? 'status' : 'alert'}
                  closeButtonProps={{ 'aria-label': t('dismiss') }}
                  onClose={() => notices.removeKind(kind)}
                  styles={{ description: { color: 'var(--mantine-color-text)' } }}
                >
                  <Text size="sm">{t('group.who', { names: new Intl.ListFormat(lng, { type: 'conjunction' }).format(group.map(nameOf(t))) })}</Text>
                  <Group gap="xs" mt="xs">
                    <Button size="compact-xs" onClick={() => showBell(true)}>
                      {t('group.showAll')}
                    </Button>
                  </Group>
                </Notification>
              );
            }
            return (
              <Notification
                key={first.key}
                color={kind === 'assignment' || kind === 'mention' ? 'indigo' : 'red'}
                title={t(`${kind}.title`)}
                role={kind === 'assignment' || kind === 'mention' ? 'status' : 'alert'}
                closeButtonProps={{ 'aria-label': t('dismiss') }}
                onClose={() => notices.remove(first.key)}
                // Mantine's gray description text is below 4.5:1 contrast on white.
                styles={{ description: { color: 'var(--mantine-color-text)' } }}
              >
                <NoticeText notice={first} />
                <Group gap="xs" mt="xs">
                  <Button size="compact-xs" onClick={() => open(first)}>
                    {t('open')}
                  </Button>
                  {first.kind === 'alert' && (
                    <Button size="compact-xs" variant="default" loading={acknowledging === first.key} onClick={() => void acknowledge(first)}>
                      {t('alert.acknowledge')}
                    </Button>
                  )}
                </Group>
              </Notification>
            );
          })}
        </Stack>
      )}
    </>
  );
}

/** Who a grouped toast names: the customer, or for a mention the colleague who wrote it. */
const nameOf = (t: (key: 'unknownCustomer') => string) => (n: Notice) => (n.kind === 'mention' ? n.authorName : (n.customerName ?? t('unknownCustomer')));

function Time({ at }: { at: number }) {
  const { i18n } = useTranslation();
  return (
    <Text size="xs" component="time" dateTime={new Date(at).toISOString()}>
      {formatTime(i18n.language, at)}
    </Text>
  );
}

/** What a notice says: who it is about, and for a failed delivery on which channel, why, and on which case. */
function NoticeText({ notice: n }: { notice: Notice }) {
  const { t } = useTranslation('notifications');
  const who = n.customerName ?? t('unknownCustomer');
  switch (n.kind) {
    case 'assignment':
      return <Text size="sm">{t('assignment.body', { name: who })}</Text>;
    case 'alert':
      return <Text size="sm">{n.score === null ? t(`alert.${n.reason}`, { name: who }) : t('alert.score', { name: who, score: n.score })}</Text>;
    case 'delivery':
      return (
        <>
          <Text size="sm">{t('delivery.body', { name: who, channel: t(`channel.${n.channel}`, { ns: 'common' }), error: n.error })}</Text>
          {n.caseSubject !== null ? <Text size="sm">{t('delivery.case', { subject: n.caseSubject })}</Text> : null}
        </>
      );
    case 'mention':
      return (
        <>
          <Text size="sm">{t('mention.body', { name: n.authorName, subject: n.caseSubject })}</Text>
          <Text size="sm" lineClamp={3}>
            {n.excerpt}
          </Text>
        </>
      );
  }
}
