import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Emotion } from '../../../shared/assist';

const COLORS: Record<Emotion, string> = { angry: 'red', anxious: 'orange', sad: 'grape', neutral: 'gray', positive: 'teal' };

/** The customer's mood as the assist engine reads it from their newest messages. */
export function MoodBadge({ mood }: { mood: Emotion }) {
  const { t } = useTranslation('inbox');
  return (
    <Badge color={COLORS[mood]} variant="dot" size="sm" data-mood={mood}>
      {t(`mood.${mood}`)}
    </Badge>
  );
}
