import { z } from 'zod';
import { cleanText } from '../text/clean';

/**
 * Free text people or connectors send (messages, subjects, notes, summaries): at most `max` characters, with
 * lone surrogates and invisible control characters cleaned away (see cleanText) before it is stored.
 */
export const TextInputSchema = (max: number) => z.string().max(max).transform(cleanText);
