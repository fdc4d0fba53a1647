/**
 * Cues the next-step suggestions read in a case's messages, in English, Polish and Greek: topics that need an
 * order number, promises made by staff, purchase and setup questions, and what a setup guide is called.
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

/** Sentences in which staff commit to something ("we'll" is folded to "well", hence the phrases). */
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
will send
will call
will check
promise
guarantee
wyślemy
wyślę
oddzwonimy
oddzwonię
sprawdzimy
sprawdzę
obiecuj*
gwarantuj*
zadzwonimy
zadzwonię
przygotujemy
θα σας
θα στείλουμε
θα σας καλέσουμε
θα ελέγξουμε
υπόσχομαι
εγγυόμαστε
`;

/** A purchase just made or a product being set up: the next need is usually the setup guide. */
export const PURCHASE_OR_SETUP_CUES = `
bought
purchased
just ordered
new
setup
set up
install
installing
activate
activation
configure
connect
kupiłem
kupiłam
kupiliśmy
zakup*
nowy
nowa
nowe
konfiguracj*
skonfigurow*
instalacj*
zainstalow*
aktywacj*
aktywow*
podłącz*
αγόρασα
αγοράσαμε
αγορά
καινούργι*
εγκατάστασ*
ρύθμισ*
ενεργοποίησ*
σύνδεσ*
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
