import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NextStep } from '../../../shared/assist';
import { useApi } from '../../lib/api/useApi';

/** A step's identity within one case view: dismissing it hides it until the case is opened again. */
const stepKey = (s: NextStep): string => `${s.kind}|${s.reasonKey}|${s.action.type === 'share-article' ? s.action.articleId : ''}`;

/**
 * Suggested next steps, best first, each with why and a button that does it. Accepting or dismissing is
 * recorded through the contract, so the ranking learns what this agent finds useful.
 */
export function NextStepsPanel({ steps, onPerform }: { steps: readonly NextStep[]; onPerform(step: NextStep): Promise<void> | void }) {
  const { t } = useTranslation(['case', 'assist']);
  const api = useApi();
  const [done, setDone] = useState<ReadonlySet<string>>(new Set());
  const shown = steps.filter((s) => !done.has(stepKey(s)));

  const decide = async (step: NextStep, outcome: 'accepted' | 'dismissed') => {
    setDone((d) => new Set(d).add(stepKey(step)));
    if (outcome === 'accepted') await onPerform(step);
    await api.invoke('assist.recordFeedback', { kind: step.kind, outcome });
  };

  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="next-steps-title">
      <Stack gap="xs">
        <Title order={3} size="h5" id="next-steps-title">
          {t('steps.title')}
        </Title>
        {shown.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('steps.none')}
          </Text>
        ) : (
          <Stack gap="xs" component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
            {shown.map((s) => (
              <li key={stepKey(s)} data-step={s.kind}>
                <Text size="sm">{t(s.reasonKey, { ns: 'assist', ...s.params })}</Text>
                <Group gap="xs" mt={4}>
                  <Button size="compact-xs" onClick={() => void decide(s, 'accepted')}>
                    {t(`steps.action.${s.action.type}`, {
                      status: s.action.type === 'set-status' ? t(`caseStatus.${s.action.status}`, { ns: 'common' }) : '',
                    })}
                  </Button>
                  <Button size="compact-xs" variant="subtle" color="gray" onClick={() => void decide(s, 'dismissed')}>
                    {t('steps.dismiss')}
                  </Button>
                </Group>
              </li>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
