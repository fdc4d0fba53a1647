/**
 * What the tone check looks for in an agent's draft, in English, Polish and Greek: apology and
 * acknowledgement, wording that puts the fault on the customer, humour, casual register and internal jargon.
 * Written by the team for this product (our own work). See SOURCES.md.
 */

/** An apology or an acknowledgement of how the customer feels. */
export const ACKNOWLEDGEMENT_CUES = `
sorry
apologise
apologize
apologies
apology
apologising
apologizing
i understand
we understand
understandable
frustrating
frustration
i hear you
i can see
that must be
thank you for your patience
thanks for your patience
i appreciate
we appreciate
you are right
youre right
our mistake
our fault
not the experience
we regret
przepraszam
przepraszamy
przeprosiny
przykro mi
przykro nam
mi przykro
nam przykro
rozumiem
rozumiemy
zrozumiałe
dziękuję za cierpliwość
dziękujemy za cierpliwość
ma pan rację
ma pani rację
mają państwo rację
masz rację
nasz błąd
nasza wina
żałujemy
συγγνώμη
λυπάμαι
λυπούμαστε
κατανοώ
κατανοούμε
καταλαβαίνω
καταλαβαίνουμε
έχετε δίκιο
έχεις δίκιο
δικό μας λάθος
ευχαριστούμε για την υπομονή
ευχαριστώ για την υπομονή
`;

/** Wording that puts the fault on the customer. */
export const BLAME_CUES = `
your fault
you should have
you shouldve
you failed to
you didnt
you did not
you forgot
you must have
you were supposed to
as i already said
as i said
as already stated
as stated
like i said
did you even
you need to read
you clearly
if you had
thats on you
user error
you ignored
your mistake
pana wina
pani wina
państwa wina
twoja wina
twój błąd
pana błąd
pani błąd
z pana winy
z pani winy
z własnej winy
powinien pan był
powinna pani była
powinni państwo byli
powinieneś był
powinnaś była
trzeba było
jak już pisałem
jak już pisałam
jak już pisaliśmy
jak już mówiłem
jak już mówiłam
jak już wspominałem
jak już wspominałam
nie przeczytał*
źle pan
źle pani
źle wpisał*
δική σας ευθύνη
δικό σας λάθος
δική σου ευθύνη
δικό σου λάθος
φταίτε
φταις
έπρεπε να είχατε
έπρεπε να είχες
όπως σας είπα
όπως ήδη είπαμε
όπως ήδη αναφέραμε
όπως σας έχουμε πει
δεν διαβάσατε
δεν προσέξατε
δεν διάβασες
κάνατε λάθος
`;

/**
 * Jokes and laughter (laughter spelled "hahaha" is recognised separately, whatever its length). Smileys and
 * winks are in SMILEY_CUES.
 */
export const HUMOUR_CUES = `
lol
lmao
rofl
just kidding
jk
joke
funny
żartuję
żart*
śmieszn*
πλάκα
αστείο
χιούμορ
😂
🤣
😆
`;

/**
 * Smileys and winks, as emoji or typed (the tokeniser folds ":)" to 🙂 and ";)" to 😉): friendly to a relaxed
 * customer, flippant to an upset one.
 */
export const SMILEY_CUES = `
🙂
🙃
😊
☺
😀
😁
😃
😄
😉
😜
😝
😛
😋
😇
`;

/**
 * Phrases that wave the customer's feelings away ("chill out", "calm down"). Written to an upset customer they
 * make things worse whatever else the reply says.
 */
export const DISMISSIVE_CUES = `
chill
chill out
calm down
relax
take it easy
settle down
cool it
dont panic
no need to panic
no need to get upset
no need to be upset
no need to get angry
dont get upset
dont overreact
youre overreacting
no big deal
not a big deal
its not a big deal
its nothing
wyluzuj*
uspokój się
uspokójcie się
niech się pan uspokoi
niech się pani uspokoi
proszę się uspokoić
nie denerwuj się
bez nerwów
nie przesadzaj
nie panikuj
nie ma co dramatyzować
nic wielkiego
nic takiego
χαλάρωσε
χαλαρώστε
ηρέμησε
ηρεμήστε
μην αγχώνεσαι
μην αγχώνεστε
μην υπερβάλλεις
μην υπερβάλλετε
μην το κάνετε θέμα
μην το κάνεις θέμα
δεν είναι τίποτα
δεν τρέχει τίποτα
`;

/**
 * Dismissive only when said on their own ("Whatever.", "Nieważne."): "whatever you prefer" is helpful. The tone
 * check flags these when they make up a whole clause.
 */
export const DISMISSIVE_ALONE_CUES = `
whatever
fine whatever
ok whatever
nieważne
jak tam chcesz
trudno
τέλος πάντων
`;

/** Chat-style register that reads as too casual for a customer who is upset or formal. */
export const CASUAL_CUES = `
hey
hiya
yo
dude
mate
buddy
no worries
np
no prob
cheers
btw
gonna
wanna
gotta
yeah
yep
nope
u
ur
thx
pls
sup
whats up
catch ya
kk
👍
✌
😎
🤙
hej
siema
elo
nara
spoko
luz
luzik
stary
ziom*
trzym się
papa
buziaki
sorki
sory
git
ρε
φίλε
φιλαράκι
οκ
οκει
τα λέμε
άντε
μωρέ
φιλάκια
έλα
`;

/** Internal terms a customer should not have to decode. */
export const JARGON_CUES = `
sla
backend
back end
backoffice
back office
l1
l2
l3
tier 2
tier 3
rma
sku
crm
sop
rca
root cause analysis
escalation matrix
per policy
as per
internal ticket
ticket id
jira
p1
p2
provisioning
dispatch queue
wfm
aht
fcr
kba
ivr
eskalacj*
zgłoszenie wewnętrzne
zgodnie z procedurą
tiket*
κλιμάκωσ*
εσωτερικό αίτημα
`;
