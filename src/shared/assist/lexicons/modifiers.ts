/**
 * Words that change the words around them: negators, intensifiers, down-toners and contrast markers,
 * in English, Polish and Greek. Written by the team for this product (our own work). See SOURCES.md.
 * Spelled with diacritics and accents; matching folds them, so "nie"/"δεν"/"dont" need no variants.
 */

/** Flip the polarity of the next few words. */
export const NEGATORS = `
not
no
never
dont
doesnt
didnt
isnt
arent
wasnt
werent
cant
cannot
couldnt
wont
wouldnt
shouldnt
havent
hasnt
hadnt
aint
nothing
nobody
neither
nor
without
hardly
barely
nie
ani
bez
nigdy
żaden
żadna
żadne
żadnego
wcale
δεν
δε
μην
μη
ούτε
όχι
χωρίς
ποτέ
ουδέποτε
`;

/** Strengthen the next word: value is the multiplier. */
export const INTENSIFIERS = `
very 1.4
really 1.4
so 1.3
extremely 1.6
totally 1.5
absolutely 1.6
completely 1.5
incredibly 1.6
highly 1.4
truly 1.4
utterly 1.6
too 1.3
most 1.3
super 1.4
such 1.3
bardzo 1.4
naprawdę 1.4
strasznie 1.5
mega 1.5
totalnie 1.5
zupełnie 1.5
kompletnie 1.5
absolutnie 1.6
niesamowicie 1.6
niezwykle 1.5
wyjątkowo 1.5
szalenie 1.5
ogromnie 1.5
niezmiernie 1.5
najbardziej 1.4
przeraźliwie 1.6
πολύ 1.4
πάρα 1.5
τόσο 1.3
εντελώς 1.5
τελείως 1.5
απόλυτα 1.5
απίστευτα 1.6
τρομερά 1.5
πραγματικά 1.4
υπερβολικά 1.5
# Down-toners soften the next word.
slightly 0.6
somewhat 0.6
bit 0.6
little 0.7
kinda 0.6
kind of 0.6
sort of 0.6
fairly 0.8
rather 0.8
trochę 0.6
nieco 0.6
raczej 0.7
lekko 0.6
λίγο 0.6
κάπως 0.6
`;

/** "X but Y": Y carries the speaker's view, so words after it count more and words before it less. */
export const CONTRASTS = `
but
however
yet
ale
jednak
lecz
natomiast
αλλά
όμως
ωστόσο
μα
`;

/** Words that open an information request ("how do I...", "czy mogę...", "πώς μπορώ..."). */
export const QUESTION_STARTERS = `
how
what
when
where
which
who
can
could
do
does
is
are
will
would
any
anyone
czy
jak
kiedy
gdzie
ile
co
który
która
które
jaki
jaka
jakie
πώς
πότε
πού
τι
ποιος
ποια
ποιο
μπορώ
μπορείτε
υπάρχει
`;

/**
 * Courtesy formulas: praise on their own ("Thanks!"), but customers also close complaints with them ("still
 * no refund, thanks"), where they are not praise. They count only in a message with nothing negative.
 */
export const COURTESIES = `
thanks
thank you
thx
cheers
please
appreciate it
dziękuję
dziękujemy
dzięki
pozdrawiam
ευχαριστώ
ευχαριστούμε
ευχαριστω πολυ
`;
