/**
 * Cues the next-step suggestions and the case brief read in a case's messages, in English, Polish and Greek:
 * topics that need an order number, promises and agreements made by staff, requests and content-free chasers
 * from customers, calls that went wrong, products just delivered or set up, and what a setup guide is called.
 * Written by the team for this product (our own work). See SOURCES.md.
 */

/** Topics that cannot move without an order (or booking) number. */
export const ORDER_TOPIC_CUES = `
order
orders
delivery
parcel
package
refund
return
invoice
shipment
tracking
booking
zamówieni*
zamówił*
paczk*
przesyłk*
dostaw*
zwrot*
faktur*
reklamacj*
rezerwacj*
παραγγελ*
δέμα
δέματος
αποστολ*
παράδοσ*
επιστροφ*
τιμολόγι*
κράτησ*
`;

/** Staff asking for the order number themselves (so the step is not suggested twice). */
export const ORDER_NUMBER_REQUEST_CUES = `
order number
booking reference
numer zamówienia
numeru zamówienia
numer rezerwacji
αριθμό παραγγελίας
αριθμός παραγγελίας
αριθμό κράτησης
`;

/**
 * Sentences in which staff commit to something or record an agreement ("we'll" is folded to "well", hence the
 * phrases). Read only when no negator stands just before the cue ("nothing agreed", "nie uzgodniono").
 */
export const PROMISE_CUES = `
we will
i will
well send
well call
well check
well get back
ill send
ill call
ill check
ill get back
ill arrange
will send
will call
will check
will be replaced
will be refunded
will be sent
will be delivered
will be repaired
promise
promised
guarantee
agreed
arranged
reserved
booked
scheduled
approved
authorised
authorized
set aside
put aside
wyślemy
wyślę
oddzwonimy
oddzwonię
sprawdzimy
sprawdzę
obiecuj*
obiecał*
gwarantuj*
zadzwonimy
zadzwonię
przygotujemy
wymienimy
zwrócimy
naprawimy
uzgodnion*
uzgodnił*
uzgodniliśmy
ustalon*
ustaliliśmy
zarezerwow*
odłożon*
zatwierdzon*
zaakceptowan*
umówion*
θα σας
θα στείλουμε
θα σας καλέσουμε
θα ελέγξουμε
θα αντικαταστήσουμε
θα επιστρέψουμε
υπόσχομαι
υποσχεθήκαμε
εγγυόμαστε
συμφωνήθηκε
συμφωνήσαμε
συμφωνημέν*
κανονίστηκε
κανονίσαμε
κανόνισα
δεσμεύτηκε
δεσμεύσαμε
κρατήθηκε
κρατήσαμε
εγκρίθηκε
εγκρίναμε
`;

/**
 * Words of a content-free chaser: greetings, "anyone there?", "any news?". A sentence made only of these is a
 * ping, not a request (the brief does not list it as still open).
 */
export const PING_CUES = `
hello
helo
hallo
hi
hey
yo
anyone
anybody
someone
somebody
there
here
is
are
you
still
please
any
news
update
updates
ok
okay
halo
hej
cześć
witam
dzień dobry
jest
jesteście
jesteś
tam
ktoś
ktokolwiek
czy
proszę
już
coś
wiadomo
nowego
γεια
γεια σας
καλημέρα
καλησπέρα
είναι
είστε
είσαι
κανείς
κανένας
κάποιος
εκεί
εδώ
ακόμα
παρακαλώ
νέα
τίποτα
`;

/**
 * What a customer asks us to do, even as a statement ("I want my money back"): refund, exchange, return,
 * cancel, repair, or where their order is.
 */
export const REQUEST_CUES = `
refund
refunded
money back
exchange
replace
replacement
return
send back
cancel
cancellation
repair
fix
compensation
where is my
wheres my
when will
i want
i would like
id like
i need
please send
zwrot*
zwróć*
zwrócić
oddajcie
wymian*
wymienić
anuluj*
anulow*
rezygnuj*
napraw*
reklamacj*
odszkodowani*
gdzie jest
gdzie są
kiedy będzie
kiedy dostanę
chcę
chciałbym
chciałabym
potrzebuję
proszę o
επιστροφ*
επιστρέψτε
αντικατάστασ*
αντικαταστήστε
αλλαγή
ακύρωσ*
ακυρώστε
επισκευ*
αποζημίωσ*
πού είναι
που είναι
πότε θα
θέλω
θα ήθελα
χρειάζομαι
`;

/** A phone call or video session: the call-trouble cues count in a written message only next to one of these. */
export const CALL_CUES = `
call
called
calling
phone
phoned
rang
hotline
helpline
video call
zadzwoniłem
zadzwoniłam
dzwoniłem
dzwoniłam
dzwonię
telefon*
infolini*
połączeni*
rozmow*
τηλέφωνο
τηλεφώνησα
πήρα τηλέφωνο
κλήση
κλήσης
γραμμή
βιντεοκλήση
`;

/** A call that nobody answered, or that reached voicemail (also the call outcomes "missed" and "voicemail"). */
export const CALL_UNANSWERED_CUES = `
voicemail
voice mail
answering machine
nobody answered
no one answered
nobody picked up
no one picked up
nobody answers the phone
poczta głosowa
poczty głosowej
pocztę głosową
automatyczna sekretarka
automatycznej sekretarki
nikt nie odebrał
nikt nie odbiera
τηλεφωνητή
τηλεφωνητής
φωνητικό ταχυδρομείο
κανείς δεν σήκωσε
δεν σήκωσε κανείς
κανείς δεν απάντησε στο τηλέφωνο
`;

/** A call that dropped or was cut off (also the call outcome "dropped"). */
export const CALL_DROPPED_CUES = `
cut off
got cut
call dropped
the call dropped
dropped the call
line went dead
hung up on me
disconnected
rozłączył*
rozłączyło
rozłączono
przerwało
przerwane połączenie
zerwało połączenie
κόπηκε
κόπηκα
έκλεισε η γραμμή
διακόπηκε
μου το έκλεισαν
μου έκλεισαν το τηλέφωνο
`;

/** A caller kept waiting on the line. */
export const CALL_HOLD_CUES = `
on hold
hold music
in the queue
in the phone queue
waited on the line
waiting on the line
waiting on the phone
waited on the phone
na linii
na infolinii
w kolejce
na oczekiwaniu
czekałem na połączenie
czekałam na połączenie
σε αναμονή
στην αναμονή
περίμενα στη γραμμή
περίμενα στο τηλέφωνο
`;

/**
 * A product just delivered, received or set up: the next need is usually the guide for it. Read only when not
 * negated ("not delivered", "nie dotarła", "δεν έφτασε").
 */
export const DELIVERED_OR_SET_UP_CUES = `
delivered
arrived
received
just set up
set it up
installed
up and running
works now
working now
activated
dostarczon*
dostarczył*
dotarł*
doszł*
przyszła
przyszedł
odebrał*
otrzymał*
zainstalow*
skonfigurow*
podłączył*
już działa
działa już
παραδόθηκε
έφτασε
ήρθε
παρέλαβα
παραλάβαμε
εγκατέστησα
εγκαταστάθηκε
εγκαταστάθηκαν
ρύθμισα
το έστησα
συνδέθηκε
λειτουργεί τώρα
δουλεύει τώρα
`;

/** A delivery or setup that went wrong: no guide is the next need then, the problem is. */
export const DELIVERY_PROBLEM_CUES = `
never arrived
never came
never got
never received
not received
didnt get
didnt receive
havent received
wrong address
wrong item
wrong parcel
lost
missing
damaged
broken
cracked
dead on arrival
doesnt work
not working
stolen
only one arrived
only one came
only received one
only got one
only part of
not everything arrived
incomplete
partial delivery
nie dotarł*
nie doszł*
nie przyszła
nie przyszedł
nie dostałem
nie dostałam
nie otrzymałem
nie otrzymałam
zły adres
złą paczkę
zgubion*
zaginion*
uszkodzon*
zniszczon*
zepsut*
pęknięt*
nie działa
przyszedł jeden
przyszła jedna
przyszło jedno
przyszedł tylko
przyszła tylko
przyszło tylko
dotarł tylko
dotarła tylko
tylko część
niekompletn*
brakuje
δεν έφτασε
δεν ήρθε
δεν παρέλαβα
λάθος διεύθυνση
λάθος προϊόν
χάθηκε
χαμέν*
χαλασμέν*
κατεστραμμέν*
σπασμέν*
δεν λειτουργεί
δεν δουλεύει
ήρθε μόνο
έφτασε μόνο
ήρθε ένα
έφτασε ένα
λείπ*
ελλιπ*
`;

/** Words that mark an article as a setup or getting-started guide. */
export const GUIDE_CUES = `
guide
setup
set up
getting started
how to
installation
quick start
instrukcj*
konfiguracj*
przewodnik*
instalacj*
pierwsze kroki
οδηγός
οδηγίες
εγκατάστασ*
ρύθμισ*
πρώτα βήματα
`;
