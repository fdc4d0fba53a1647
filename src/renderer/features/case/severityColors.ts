import type { Severity } from '../../../shared/assist';

/**
 * Each severity's colour family: the highlight in the draft copy takes the family (Mantine picks a pale shade for
 * light and dark schemes, under black text); the badge takes one fixed shade, so that its black or white text
 * (the theme's autoContrast) is chosen for the background it really has in both schemes (WCAG AA, 4.5:1). With
 * a bare family the badge's text was picked for the light scheme's shade and fell short on the dark one.
 */
export const SEVERITY_COLORS: Record<Severity, { mark: string; badge: string }> = {
  critical: { mark: 'red', badge: 'red.9' },
  warning: { mark: 'orange', badge: 'orange.4' },
  info: { mark: 'blue', badge: 'blue.9' },
};
