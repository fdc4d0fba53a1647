import { Badge, Group, List, Mark, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CustomerState, ToneCheck } from '../../../shared/assist';
import { draftSegments } from './draftSegments';
import { SEVERITY_COLORS } from './severityColors';

/**
 * The tone hint: how the customer seems to feel, the tone that fits, and what in the draft does not fit, each
 * hint explained in the agent's language with its words highlighted in a copy of the draft.
 */
export function ToneHintPanel({ state, check, mode }: { state: CustomerState; check: ToneCheck & { draft: string }; mode: 'reply' | 'note' }) {
  const { t } = useTranslation(['case', 'assist']);
  const segments = draftSegments(check.draft, check.hints);
  const highlighted = segments.some((s) => s.hint !== null);
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="tone-hint-title">
      <Stack gap="xs">
        <Title order={3} size="h5" id="tone-hint-title">
          {t('tone.title')}
        </Title>
        <Text size="sm" data-testid="customer-feeling">
          {t('tone.customer', { feeling: t(`tone.emotion.${state.emotion}`), urgency: t(`tone.urgency.${state.urgency}`) })}
        </Text>
        <Group gap="xs">
          <Text size="sm">{t('tone.fits')}</Text>
          <Badge variant="light" data-tone={check.tone}>
            {t(`tone.${check.tone}`, { ns: 'assist' })}
          </Badge>
        </Group>
        {mode === 'note' ? (
          <Text size="sm" c="dimmed">
            {t('tone.notesUnchecked')}
          </Text>
        ) : (
          <div aria-live="polite">
            {check.draft.trim() === '' ? null : check.hints.length === 0 ? (
              // The family's "light-color" is its dark shade on light backgrounds and its pale one on dark (AA in both).
              <Text size="sm" c="var(--mantine-color-teal-light-color)" data-testid="tone-ok">
                {t('tone.ok')}
              </Text>
            ) : (
              <List size="sm" spacing={4} aria-label={t('tone.hints')}>
                {check.hints.map((h, k) => (
                  <List.Item key={`${h.code}:${h.span?.start ?? k}`} data-hint={h.code}>
                    <Badge size="xs" variant="filled" color={SEVERITY_COLORS[h.severity].badge} mr={6} data-severity={h.severity}>
                      {t(`tone.severity.${h.severity}`)}
                    </Badge>
                    {t(h.messageKey, { ns: 'assist', ...h.params })}
                  </List.Item>
                ))}
              </List>
            )}
          </div>
        )}
        {mode === 'reply' && highlighted ? (
          <>
          <Text size="xs" fw={700} c="dimmed">
            {t('tone.draftMarked')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="draft-marked">
            {segments.map((s, k) =>
              s.severity === null ? (
                s.text
              ) : (
                <Mark key={k} color={SEVERITY_COLORS[s.severity].mark} data-hint-index={s.hint}>
                  {s.text}
                </Mark>
              ),
            )}
          </Text>
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
