/**
 * Urgency cues in English, Polish and Greek: deadlines, "now", repeated contact and threats to leave, and
 * phrases that say there is no hurry. Written by the team for this product (our own work). See SOURCES.md.
 */

/**
 * Cues that raise urgency; values are strengths (2 = on its own enough for "high"). The zero-valued
 * phrases are negated cues ("not urgent"): listing them lets the longer phrase win over the cue inside it.
 */
export const URGENT_CUES = `
not urgent 0
nie pilne 0
nie jest pilne 0
δεν είναι επείγον 0
now 1
right now 2
immediately 2
asap 2
urgent 2
urgently 2
emergency 2
today 1
tonight 1
tomorrow 1
deadline 2
as soon as possible 2
hurry 1
again 1
still 1
third time 2
second time 1
already called 2
already wrote 2
already emailed 2
called twice 2
several times 2
many times 2
for days 1
for weeks 2
cancel my 2
close my account 2
switch to 2
switching to 2
leaving 1
lawyer 2
legal action 2
sue 2
court 1
report you 2
last chance 2
teraz 1
natychmiast 2
piln* 2
jak najszybciej 2
od razu 1
dzisiaj 1
dziś 1
jutro 1
termin 1
ostateczny termin 2
znowu 1
znów 1
ponownie 1
po raz kolejny 2
kolejny raz 2
trzeci raz 2
drugi raz 1
nadal 1
wciąż 1
od tygodnia 1
od tygodni 2
rezygn* 2
odchodzę 2
zmieniam operatora 2
wypowiadam umowę 2
prawnik* 2
do sądu 2
uokik 2
rzecznik* 1
τώρα 1
αμέσως 2
επειγ* 2
το συντομότερο 2
όσο πιο γρήγορα 2
σήμερα 1
αύριο 1
προθεσμ* 2
ξανά 1
πάλι 1
τρίτη φορά 2
δεύτερη φορά 1
ακόμα 1
ακόμη 1
εδώ και μέρες 1
εδώ και εβδομάδες 2
φεύγω 2
αλλάζω εταιρεία 2
δικηγόρ* 2
θα καταγγείλω 2
`;

/** Cues that say the customer is relaxed about time. */
export const NO_HURRY_CUES = `
no rush
no hurry
whenever
when you get a chance
when you have time
not urgent
nie ma pośpiechu
bez pośpiechu
nie spieszy się
nie śpieszy się
w wolnej chwili
nie pilne
nie jest pilne
δεν βιάζομαι
όποτε μπορείτε
όποτε μπορείς
χωρίς βιασύνη
όταν έχετε χρόνο
δεν είναι επείγον
`;
