import { Anchor, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseBrief, BriefLine } from './caseBrief';

function Lines({ lines, onJump }: { lines: readonly BriefLine[]; onJump(interactionId: string): void }) {
  return (
    <List size="sm" spacing={2}>
      {lines.map((line) => (
        <List.Item key={`${line.interactionId}:${line.text}`}>
          <Anchor component="button" type="button" size="sm" ta="start" onClick={() => onJump(line.interactionId)}>
            {line.text}
          </Anchor>
        </List.Item>
      ))}
    </List>
  );
}

/**
 * The case in a few lines at the top: what the customer asked, what we promised, what is still open, and a recap
 * of the channel the case came from. Customer words are quoted as written.
 */
export function CaseBriefCard({ brief, onJump }: { brief: CaseBrief; onJump(interactionId: string): void }) {
  const { t } = useTranslation('case');
  const { asked, promised, open, recap } = brief;
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="case-brief-title">
      <Stack gap="xs">
        <Title order={3} size="h5" id="case-brief-title">
          {t('brief.title')}
        </Title>
        <Text size="xs" fw={700} c="dimmed">
          {t('brief.asked')}
        </Text>
        {asked ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lineClamp={4}>
            {asked.text}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('brief.nothingAsked')}
          </Text>
        )}
        {recap ? (
          <>
            <Text size="xs" fw={700} c="dimmed">
              {t('brief.recap', { channel: t(`channel.${recap.channel}`, { ns: 'common' }) })}
            </Text>
            <List size="sm" spacing={2} data-testid="brief-recap">
              {recap.said.map((s) => (
                <List.Item key={`said:${s}`}>{t('brief.said', { text: s })}</List.Item>
              ))}
              {recap.promised.map((s) => (
                <List.Item key={`promised:${s}`}>{t('brief.promisedThere', { text: s })}</List.Item>
              ))}
            </List>
          </>
        ) : null}
        <Text size="xs" fw={700} c="dimmed">
          {t('brief.promised', { count: promised.length })}
        </Text>
        {promised.length > 0 ? <Lines lines={promised} onJump={onJump} /> : <Text size="sm" c="dimmed">{t('brief.nothingPromised')}</Text>}
        <Text size="xs" fw={700} c="dimmed">
          {t('brief.open', { count: open.length })}
        </Text>
        {open.length > 0 ? <Lines lines={open} onJump={onJump} /> : <Text size="sm" c="dimmed">{t('brief.nothingOpen')}</Text>}
      </Stack>
    </Paper>
  );
}
