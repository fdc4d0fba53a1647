import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Case } from '../../../shared/domain';
import { formatDateTime } from '../../lib/format';
import { useSurveyAnswers } from './useSurveyAnswers';

/** A case's survey answer, on the case: the customer's score, their comment as they wrote it, and when. Nothing before they answer. */
export function CaseSurveyAnswer({ kase }: { kase: Pick<Case, 'id' | 'csatScore'> }) {
  const { t, i18n } = useTranslation('case');
  const answer = useSurveyAnswers([kase]).get(kase.id);
  if (kase.csatScore === null) return null;
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="case-survey-title" data-testid="case-survey-answer">
      <Stack gap={4}>
        <Title order={3} size="h5" id="case-survey-title">
          {t('surveyAnswer.title')}
        </Title>
        <Text fw={700}>{t('surveyAnswer.score', { score: answer?.score ?? kase.csatScore })}</Text>
        {answer ? (
          <>
            {answer.comment ? (
              <Text size="sm" component="blockquote" m={0} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {answer.comment}
              </Text>
            ) : (
              <Text size="sm" c="dimmed">
                {t('surveyAnswer.noComment')}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {t('surveyAnswer.answered', { when: formatDateTime(i18n.language, answer.createdAt) })}
            </Text>
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
