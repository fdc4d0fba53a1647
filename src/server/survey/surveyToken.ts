import { randomBytes } from 'node:crypto';

/** A survey link's token: 192 random bits, URL-safe (base64url, 32 characters). One per case. */
export const newSurveyToken = (): string => randomBytes(24).toString('base64url');

/**
 * What a token looks like (new ones are 32 base64url characters; surveys sent before links existed were given
 * 48 or 64 hex digits); anything else is unknown without a read.
 */
export const isSurveyToken = (s: string): boolean => /^[A-Za-z0-9_-]{32,64}$/.test(s);

/** The page a customer answers a case's survey on (`survey.url` of a survey's delivery). */
export const surveyUrl = (publicUrl: string, token: string): string => `${publicUrl.replace(/\/+$/, '')}/survey/${token}`;
