/**
 * Countries a store or queue may be in (ISO 3166-1 alpha-2) and their international calling codes (ITU-T
 * E.164 country codes, without "+"): a phone number written without its country code is read as a number of
 * the country of the store or queue it was written for. Countries sharing a code (the North American plan,
 * +7, +44's dependencies) each keep their own entry; the code is what normalising needs.
 */
import { z } from 'zod';

const CODES = `
AD376 AE971 AF93 AG1 AI1 AL355 AM374 AO244 AR54 AS1 AT43 AU61 AW297 AX358 AZ994 BA387 BB1 BD880 BE32 BF226 BG359 BH973
BI257 BJ229 BM1 BN673 BO591 BR55 BS1 BT975 BW267 BY375 BZ501 CA1 CD243 CF236 CG242 CH41 CI225 CK682 CL56 CM237 CN86 CO57
CR506 CU53 CV238 CW599 CY357 CZ420 DE49 DJ253 DK45 DM1 DO1 DZ213 EC593 EE372 EG20 ER291 ES34 ET251 FI358 FJ679 FO298 FR33
GA241 GB44 GD1 GE995 GG44 GH233 GI350 GL299 GM220 GN224 GQ240 GR30 GT502 GU1 GW245 GY592 HK852 HN504 HR385 HT509 HU36
ID62 IE353 IL972 IM44 IN91 IQ964 IR98 IS354 IT39 JE44 JM1 JO962 JP81 KE254 KG996 KH855 KM269 KN1 KP850 KR82 KW965 KY1
KZ7 LA856 LB961 LC1 LI423 LK94 LR231 LS266 LT370 LU352 LV371 LY218 MA212 MC377 MD373 ME382 MG261 MK389 ML223 MM95 MN976
MO853 MT356 MU230 MV960 MW265 MX52 MY60 MZ258 NA264 NE227 NG234 NI505 NL31 NO47 NP977 NZ64 OM968 PA507 PE51 PG675 PH63
PK92 PL48 PR1 PS970 PT351 PY595 QA974 RO40 RS381 RU7 RW250 SA966 SC248 SD249 SE46 SG65 SI386 SK421 SL232 SM378 SN221 SO252
SR597 SS211 SV503 SY963 SZ268 TC1 TD235 TG228 TH66 TJ992 TM993 TN216 TO676 TR90 TT1 TW886 TZ255 UA380 UG256 US1 UY598
UZ998 VA39 VC1 VE58 VG1 VI1 VN84 XK383 YE967 ZA27 ZM260 ZW263`;

/** Calling code of each country, by its alpha-2 code. */
export const CALLING_CODES: Readonly<Record<string, string>> = Object.fromEntries(
  CODES.trim().split(/\s+/).map((entry) => [entry.slice(0, 2), entry.slice(2)]),
);

/** A country as stores and queues name it: two capital letters of a country this list knows ("GR", "PL"). */
export const CountrySchema = z
  .string()
  .regex(/^[A-Z]{2}$/, 'a country is its ISO 3166 two-letter code in capitals, e.g. GR or PL')
  .refine((c) => Object.hasOwn(CALLING_CODES, c), 'not a country code this hub knows (ISO 3166 alpha-2, e.g. GR or PL)');
export type Country = z.infer<typeof CountrySchema>;

/** The calling code of a country (digits, no "+"). */
export const callingCode = (country: Country): string => CALLING_CODES[country] as string;

/**
 * The country a person's numbers are read in: their store's, for store staff; else the one country all their
 * queues that name one agree on. Null when none is configured or their queues disagree: then a number must
 * carry its own country code (no country is ever assumed).
 */
export function homeCountry(
  staff: { id: string; storeId: string | null },
  stores: ReadonlyArray<{ id: string; country?: Country | null }>,
  queues: ReadonlyArray<{ memberIds: readonly string[]; country?: Country | null; archived?: boolean }>,
): Country | null {
  if (staff.storeId !== null) return stores.find((s) => s.id === staff.storeId)?.country ?? null;
  const countries = new Set(queues.filter((q) => !q.archived && q.memberIds.includes(staff.id)).flatMap((q) => q.country ?? []));
  return countries.size === 1 ? [...countries][0] : null;
}
