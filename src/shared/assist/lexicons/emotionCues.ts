/**
 * Emotion cues in English, Polish and Greek: anger, anxiety and sadness as customers express them to a
 * service desk. Written by the team for this product (our own work). See SOURCES.md.
 * Values are cue strengths; matching folds case, diacritics and accents.
 */

export const ANGER_CUES = `
angry 2
furious 3
fuming 3
livid 3
mad 1
pissed 3
outraged 3
outrageous 3
ridiculous 2
unacceptable 2
disgrace 3
disgraceful 3
disgusting 3
pathetic 3
insane 2
absurd 2
this is a joke 3
fed up 3
sick of 3
had enough 3
enough is enough 3
wtf 3
ffs 3
what the hell 3
bullshit 3
scam 2
rip off 2
thieves 3
liars 3
lied 2
lying 2
incompetent 3
useless 2
worst 2
hate 2
rude 2
never again 2
how dare 3
are you kidding 2
fuck* 3
shit* 2
crap 2
wkurz* 3
wściek* 3
oburz* 3
skandal* 3
kpin* 3
żenad* 3
żenu* 3
paranoj* 2
mam dość 3
mam tego dość 3
ile można 3
to jakiś żart 3
co to ma być 3
cham* 3
oszust* 3
złodziej* 3
naciąg* 3
nigdy więcej 2
kurw* 3
pierdol* 3
cholera 2
nienormaln* 2
bezczeln* 3
arogan* 2
olewa* 3
lekceważ* 2
niekompetent* 3
θυμωμ* 3
θύμωσ* 3
εκνευρ* 3
τσαντ* 3
εξοργ* 3
εξαγριω* 3
απαράδεκτ* 2
αίσχος 3
αισχρ* 3
ντροπ* 2
κοροϊδ* 3
απατεών* 3
κλέφτ* 3
ψεύτ* 2
δεν είναι δυνατόν 2
έλεος 2
επιτέλους 2
φτάνει πια 3
σκάνδαλ* 2
γελοί* 3
😡 3
🤬 3
😠 3
😤 2
👿 3
`;

export const ANXIETY_CUES = `
worried 3
worry 2
worrying 2
anxious 3
nervous 2
scared 3
afraid 3
fear 2
concerned 2
panic 3
panicking 3
stressed 2
stressful 2
what if 2
not sure 1
unsure 1
hopefully 1
please help 2
help me 1
is it safe 2
in time 1
martwi* 3
niepokoj* 3
zaniepokoj* 3
boję się 3
boje się 3
obaw* 2
strach* 2
stres* 2
co jeśli 2
co teraz 2
czy zdążę 2
nie wiem co 1
pomocy 2
proszę o pomoc 1
panik* 3
nerwy 1
mam nadzieję 1
ανησυχ* 3
αγχ* 3
φοβ* 3
τι θα γίνει 2
βοήθεια 1
ελπίζω 1
πανικ* 3
δεν ξέρω τι 1
ανασφάλ* 2
😰 3
😨 3
😱 2
😟 2
😬 1
`;

export const SADNESS_CUES = `
sad 3
disappointed 3
disappointing 2
disappointment 3
upset 2
unhappy 2
heartbroken 3
devastated 3
depressed 3
let down 3
unfortunately 1
sadly 2
what a shame 2
regret 2
cry 2
crying 3
hurt 2
ruined 2
smutn* 3
smut* 2
przykr* 2
rozczarow* 3
zawiod* 3
zawied* 3
zawód 3
niestety 1
szkoda 1
żal* 2
przygnęb* 3
płacz* 3
λυπ* 3
στεναχωρ* 3
στενοχωρ* 3
απογοητ* 3
δυστυχώς 1
κρίμα 2
θλίψ* 3
θλιβ* 3
πληγωμ* 3
κλαί* 3
😢 3
😭 3
😞 3
😔 3
💔 3
☹ 2
🙁 2
`;
