import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { NextStep } from '../../../shared/assist';
import type { Case, KbArticle, Priority } from '../../../shared/domain';
import { PRIORITIES } from '../../../shared/domain';
import { useApi } from '../../lib/api/useApi';
import type { ComposerState } from './useComposer';

const atLeast = (current: Priority, wanted: Priority): Priority =>
  PRIORITIES.indexOf(current) >= PRIORITIES.indexOf(wanted) ? current : wanted;

/**
 * What accepting a suggested step does: write into the composer (in the customer's language), share an article,
 * change the status, or record an escalation or a promised callback as a note and raise the priority.
 */
export function usePerformStep(
  kase: Case,
  composer: ComposerState,
  articles: readonly KbArticle[],
  open: { recap(): void; alert(): void },
): (step: NextStep) => Promise<void> {
  const { t, i18n } = useTranslation('case');
  const api = useApi();
  return useCallback(
    async ({ action }: NextStep) => {
      const noteAndRaise = async (note: string, priority: Priority) => {
        await api.invoke('case.note', { caseId: kase.id, text: note });
        const raised = atLeast(kase.priority, priority);
        if (raised !== kase.priority) await api.invoke('case.update', { caseId: kase.id, priority: raised });
      };
      switch (action.type) {
        case 'focus-composer':
          composer.setMode('reply');
          return composer.focus();
        case 'insert-text':
          composer.setMode('reply');
          return composer.insert(i18n.getFixedT(action.lang, 'assist')(action.textKey, action.params ?? {}));
        case 'share-article': {
          const article = articles.find((a) => a.id === action.articleId);
          composer.setMode('reply');
          return composer.insert(article ? `${article.title}\n${article.body}` : action.title);
        }
        case 'set-status':
          await api.invoke('case.update', { caseId: kase.id, status: action.status });
          return;
        case 'escalate':
          return noteAndRaise(t('steps.escalateNote'), 'urgent');
        case 'schedule-callback':
          return noteAndRaise(t('steps.callbackNote'), 'high');
        case 'open-alert':
          return open.alert();
        case 'open-recap':
          return open.recap();
      }
    },
    [api, kase, composer, articles, open, t, i18n],
  );
}
