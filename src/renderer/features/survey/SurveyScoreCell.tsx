import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CsatResponse } from '../../../shared/domain';

/** A case's satisfaction in Customer 360's list: the score (or none yet) and, under it, the customer's comment. */
export function SurveyScoreCell({ score, answer }: { score: number | null; answer: CsatResponse | undefined }) {
  const { t } = useTranslation('customer');
  if (score === null) return <>{t('cases.noCsat')}</>;
  return (
    <>
      <Text size="sm">{t('cases.csatScore', { score })}</Text>
      {answer?.comment ? (
        <Text size="xs" c="dimmed" lineClamp={3} title={answer.comment} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {answer.comment}
        </Text>
      ) : null}
    </>
  );
}
