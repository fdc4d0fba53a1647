import { describe, expect, it } from 'vitest';
import { caseReference, referenceInSubject, subjectWithoutReference, withCaseReference } from './caseReference';

describe('case references in email subjects', () => {
  it('is seven characters of base 32, the same for the same case and different for others', () => {
    const ref = caseReference('case-6f1d2c1e-3b8e-4a0e-9e51-1f1f7c3f0a11');
    expect(ref).toMatch(/^[0-9A-HJKMNP-TV-Z]{7}$/);
    expect(caseReference('case-6f1d2c1e-3b8e-4a0e-9e51-1f1f7c3f0a11')).toBe(ref);
    const many = new Set(Array.from({ length: 2_000 }, (_, i) => caseReference(`case-${i}`)));
    expect(many.size).toBe(2_000);
  });

  it('goes at the end of a subject once, and is read back from a reply whatever the case of its letters', () => {
    const subject = withCaseReference('Dead pixel', 'case-1');
    expect(subject).toBe(`Dead pixel [#${caseReference('case-1')}]`);
    expect(withCaseReference(subject, 'case-1')).toBe(subject);
    expect(referenceInSubject(`RE: Odp: ${subject.toLowerCase()}`)).toBe(caseReference('case-1'));
    expect(referenceInSubject('Dead pixel [#12]')).toBeNull();
    expect(subjectWithoutReference(`Re: ${subject}`)).toBe('Re: Dead pixel');
  });
});
