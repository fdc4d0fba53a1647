import { Button, Group, Paper, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../lib/api/useApi';

/**
 * At sign-in, the engine puts back the status the person last chose when they are offline. When there is none
 * to put back they would start offline, routed nothing without noticing: a small prompt (not a dialog: the work
 * behind stays usable) offers to go available.
 */
export function StatusAtSignIn() {
  const { t } = useTranslation('shell');
  const api = useApi();
  const [asking, setAsking] = useState(false);

  useEffect(() => {
    let live = true;
    void api.invoke('status.atSignIn', {}).then((r) => {
      if (live && r.ok && r.value.status === 'offline') setAsking(true);
    });
    return () => {
      live = false;
    };
  }, [api]);

  if (!asking) return null;
  return (
    <Paper role="region" aria-label={t('statusPrompt.label')} withBorder radius={0} px="md" py={6} bg="var(--mantine-color-yellow-light)">
      <Group gap="sm" wrap="nowrap">
        <Text size="sm">{t('statusPrompt.text')}</Text>
        <Button
          size="compact-sm"
          onClick={() => {
            setAsking(false);
            void api.invoke('staff.setOwnStatus', { status: 'available' });
          }}
        >
          {t('statusPrompt.goAvailable')}
        </Button>
        <Button size="compact-sm" variant="default" onClick={() => setAsking(false)}>
          {t('statusPrompt.notNow')}
        </Button>
      </Group>
    </Paper>
  );
}
