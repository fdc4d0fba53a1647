import { describe, expect, it } from 'vitest';
import { foldText } from './fold';

describe('foldText', () => {
  it('folds Polish letters, including ł which Unicode does not decompose', () => {
    expect(foldText('Łukasz Wójcik z Łodzi, żółć')).toBe('lukasz wojcik z lodzi, zolc');
  });
  it('folds Greek accents, diaeresis and final sigma', () => {
    expect(foldText('Γιώργος Παπαδόπουλος, Ϊλιάδα')).toBe('γιωργοσ παπαδοπουλοσ, ιλιαδα');
  });
  it('leaves plain ASCII lower-cased', () => {
    expect(foldText('Mary O’Neil')).toBe('mary o’neil');
  });
});
