/**
 * Register cues: how formally someone addresses the other side, in English, Polish and Greek.
 * Polish: Pan / Pani / Państwo and their cases versus ty / cię and second-person singular verbs.
 * Greek: σας / είστε and second-person plural verbs versus σου / είσαι and the singular.
 * English: letter-style openings and closings versus chat slang.
 * Written by the team for this product (our own work). See SOURCES.md.
 */

export const FORMAL_CUES = `
dear 2
sir 2
madam 2
kind regards 2
best regards 1
regards 1
sincerely 2
yours faithfully 2
i would be grateful 2
would you kindly 2
kindly 1
please advise 2
i am writing 2
pan 2
pani 2
pana 2
panu 2
panią 2
panem 2
państwo 2
państwa 2
państwu 2
państwem 2
szanown* 2
z poważaniem 2
uprzejmie 1
łączę pozdrowienia 1
proszę pana 2
proszę pani 2
σας 2
είστε 2
μπορείτε 2
έχετε 2
θέλετε 2
ξέρετε 2
στείλετε 2
κάνετε 2
δείτε 2
ελέγξετε 2
ενημερώσετε 2
βοηθήσετε 2
επικοινωνήσετε 2
μπορούσατε 2
είχατε 2
στείλατε 2
κάνατε 2
αξιότιμ* 2
κύριε 2
κυρία 2
με εκτίμηση 2
`;

export const INFORMAL_CUES = `
hey 1
hiya 1
yo 2
guys 1
lol 1
lmao 2
omg 1
thx 1
thanx 1
pls 1
plz 1
u 2
ur 2
gonna 1
wanna 1
gotta 1
dude 2
yeah 1
yep 1
nope 1
btw 1
idk 2
tbh 1
cuz 2
ty 2
cię 2
ciebie 2
tobie 2
tobą 2
twój 2
twoja 2
twoje 2
twojego 2
twojej 2
twoim 2
twoich 2
jesteś 2
masz 2
możesz 2
wiesz 2
chcesz 2
zrobisz 2
dasz 2
sprawdzisz 2
wyślesz 2
zrobiłeś 2
zrobiłaś 2
napisałeś 2
napisałaś 2
wysłałeś 2
wysłałaś 2
mogłeś 2
mogłaś 2
dostałeś 2
dostałaś 2
siema 2
cześć 1
hej 1
elo 2
nara 2
stary 1
ziom* 2
σου 2
είσαι 2
μπορείς 2
έχεις 2
θέλεις 2
ξέρεις 2
κάνεις 2
στείλεις 2
δεις 2
ρε 2
φίλε 2
γεια σου 2
τι λες 2
έλα 1
μωρέ 2
βρε 2
`;
