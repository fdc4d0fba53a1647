/**
 * scrypt at a cost tests can afford (about a millisecond, against a few hundred at OWASP's N=2^17): for
 * password hashes and cache keys that tests derive many times over. Only where the code takes the cost as
 * a parameter; the tests of the real cost (the vault's, the hub's password changes) keep it.
 */
export const FAST_SCRYPT = { N: 2 ** 10, r: 8, p: 1 } as const;
