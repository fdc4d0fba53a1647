import { Button, Group, Notification, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../lib/api/useApi';
import { useEvent } from '../../lib/api/useEvent';
import { useNotices, type Notice } from './useNotices';

/**
 * In-app notices of new assignments, red alerts and messages that could not be delivered (the engine raises the
 * OS notification). Assignments fade after a while; a red alert stays until it is acknowledged or dismissed, a
 * failed delivery until it is opened or dismissed.
 */
export function NotificationCenter({ onOpenCase }: { onOpenCase(caseId: string): void }) {
  const { t } = useTranslation('notifications');
  const api = useApi();
  const notices = useNotices();
  const [acknowledging, setAcknowledging] = useState<string | null>(null);

  useEvent('assignment.new', ({ case: c, customerName }) => notices.add({ kind: 'assignment', key: `a-${c.id}-${c.version}`, caseId: c.id, customerName }));
  useEvent('alert.red', ({ alert, customerName }) =>
    notices.add({ kind: 'alert', key: `r-${alert.id}`, caseId: alert.caseId, alertId: alert.id, score: alert.score, reason: alert.reason, customerName }),
  );

  useEvent('delivery.failed', ({ failure, caseSubject, customerName }) =>
    notices.add({ kind: 'delivery', key: `d-${failure.deliveryId}`, caseId: failure.caseId, channel: failure.channel, error: failure.error, caseSubject, customerName }),
  );

  useEvent('mention.new', ({ caseId, interactionId, authorName, caseSubject, excerpt }) =>
    notices.add({ kind: 'mention', key: `m-${interactionId}`, caseId, authorName, caseSubject, excerpt, customerName: null }),
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

  if (!notices.list.length) return null;
  return (
    <Stack gap="xs" pos="fixed" right={16} bottom={48} w={360} style={{ zIndex: 300 }} aria-label={t('region')} role="region">
      {notices.list.map((n) => {
        const who = n.customerName ?? t('unknownCustomer');
        return (
          <Notification
            key={n.key}
            color={n.kind === 'assignment' || n.kind === 'mention' ? 'indigo' : 'red'}
            title={t(`${n.kind}.title`)}
            role={n.kind === 'assignment' || n.kind === 'mention' ? 'status' : 'alert'}
            closeButtonProps={{ 'aria-label': t('dismiss') }}
            onClose={() => notices.remove(n.key)}
            // Mantine's gray description text is below 4.5:1 contrast on white.
            styles={{ description: { color: 'var(--mantine-color-text)' } }}
          >
            <NoticeText notice={n} who={who} />
            <Group gap="xs" mt="xs">
              <Button size="compact-xs" onClick={() => open(n)}>
                {t('open')}
              </Button>
              {n.kind === 'alert' && (
                <Button size="compact-xs" variant="default" loading={acknowledging === n.key} onClick={() => void acknowledge(n)}>
                  {t('alert.acknowledge')}
                </Button>
              )}
            </Group>
          </Notification>
        );
      })}
    </Stack>
  );
}

/** What a notice says: who it is about, and for a failed delivery on which channel, why, and on which case. */
function NoticeText({ notice: n, who }: { notice: Notice; who: string }) {
  const { t } = useTranslation('notifications');
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
