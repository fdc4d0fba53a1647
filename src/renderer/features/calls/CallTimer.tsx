import { Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callClock } from './callState';

/** How long the call has lasted since `since`, ticking every second. */
export function CallTimer({ since }: { since: number }) {
  const { t } = useTranslation('calls');
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  return (
    <Text role="timer" aria-label={t('timer')} ff="monospace" fw={700}>
      {callClock(now - since)}
    </Text>
  );
}
