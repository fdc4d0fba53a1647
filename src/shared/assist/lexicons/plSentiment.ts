/**
 * Polish sentiment words: service, shops, delivery, hotels, health care and everyday praise and complaint.
 * Written by the team for this product (our own work, MIT like the rest of the code). See SOURCES.md.
 * A trailing `*` marks a stem that takes the usual endings (polec* -> polecam, polecić, polecenia).
 * Words beginning with "nie" that are not listed are read as the negation of the rest ("niepomocny").
 */
export const PL_SENTIMENT = `
# --- praise ---
polec* 3
świetn* 3
super 3
wspaniał* 3
doskonał* 3
znakomit* 3
rewelac* 3
fantastycz* 3
genialn* 3
perfekc* 3
bezbłędn* 3
najlepsz* 3
zachwyc* 3
idealn* 2
lepsz* 1
lepiej 1
dobr* 2
dzień dobry 0
dobry wieczór 0
fajn* 2
fajnie 2
mił* 2
miłego 2
miłej 2
miłym 2
sympatycz* 2
uprzejm* 2
życzliw* 2
serdecz* 2
przyjaz* 2
pomocn* 2
profesjonaln* 2
profesjonalizm* 2
kompetent* 2
fachow* 2
rzeczow* 1
dokładn* 1
cierpliw* 2
troskliw* 2
wyrozumia* 2
empatycz* 2
zaangażowan* 2
rzeteln* 2
solidn* 1
konkretn* 1
punktualn* 2
szybk* 1
szybko 1
sprawn* 2
czyst* 2
czysto 2
wygodn* 2
komfort* 2
przestronn* 1
smaczn* 2
pyszn* 2
piękn* 2
ładn* 2
zadowol* 2
pozytywn* 2
warto 2
zalet* 1
dziękuj* 1
dzięki 1
wdzięczn* 2
podziękow* 2
pomógł 2
pomogła 2
pomogli 2
pomogło 2
uratow* 2
wyleczy* 2
bez problemu 2
bez problemów 2
bezproblemow* 2
nie ma problemu 1
spoko 1
przyjemn* 2
udan* 2
sukces* 2
zadban* 2
nowoczes* 1
gorąco 1
wrócę 1
wrócimy 1
brawo 3
ok 0
okej 0
# --- complaint ---
niestety -2
zły -2
zła -2
złe -2
złego -2
złej -2
złych -2
złym -2
źle -2
gorsz* -2
gorzej -2
najgorsz* -3
fataln* -3
okropn* -3
straszn* -2
tragiczn* -3
tragedi* -3
beznadziej* -3
koszmar* -3
porażk* -3
żenu* -3
żenad* -3
skandal* -3
kpin* -3
paranoj* -2
dramat* -2
masakr* -3
katastrof* -3
rozczarow* -2
zawiod* -2
zawiedz* -2
zawiedl* -2
zawiedzion* -2
zawód -2
niezadowol* -2
niemił* -2
nieuprzejm* -2
opryskliw* -3
chamsk* -3
cham -3
arogan* -3
niekompetent* -3
nieprofesjonaln* -3
lekceważ* -2
zlekceważ* -2
obojętn* -1
brud* -2
zabrudz* -2
śmierdz* -2
smród -2
hałas* -1
głośn* -1
zimn* -1
ciasn* -1
obskurn* -2
zaniedban* -2
zepsu* -2
uszkodz* -2
nie działa -2
nie działają -2
nie działało -2
nieczynn* -1
awari* -2
usterk* -1
wadliw* -2
wada -1
wady -1
problem* -1
kłopot* -1
reklamacj* -1
zwrot pieniędzy -1
opóźni* -2
spóźni* -2
za późno -2
czeka* -1
kolejk* -1
od tygodnia -1
od tygodni -1
od miesiąca -1
wciąż nie -2
nadal nie -2
dalej nie -2
nikt -1
brak -1
brak odpowiedzi -2
bez odpowiedzi -2
anulow* -1
odwoła* -1
zgubi* -2
zagin* -2
zniszcz* -2
oszust* -3
oszuk* -3
złodziej* -3
naciąg* -3
zdzier* -3
kradzież* -3
drogo -1
za drogo -2
przepłac* -2
bezradn* -2
nieudoln* -3
niedbał* -2
nieprzyjemn* -2
niegrzeczn* -2
niekulturaln* -2
niedouczon* -3
olewa* -3
olał* -3
olali -3
zbywa* -2
zbył* -2
zignorow* -2
ignoruj* -2
zdenerwow* -2
wkurz* -3
wściek* -3
irytuj* -2
irytac* -2
denerwuj* -2
męcząc* -1
strata -2
strata czasu -3
szkoda -2
niepotrzebn* -1
omij* -3
unikać -3
unikajcie -3
odradzam -3
żałuj* -2
żałuję -2
nigdy więcej -3
nigdy -1
błąd -1
błęd* -1
pomyłk* -1
nieprawidłow* -1
nieporozumien* -1
niejasn* -1
niezgodn* -1
pogorsz* -2
słab* -2
słabo -2
przeciętn* -1
średnio -1
tak sobie -1
nieśwież* -2
brzydk* -2
smutn* -2
przykr* -2
bałagan* -2
chaos* -2
syf -3
badziew* -3
gówn* -3
kurw* -3
cholern* -2
cholera -2
dno -3
lipa -2
lipn* -2
kiepsk* -2
marn* -2
byle jak -2
niedorzeczn* -2
absurd* -2
oburz* -3
skarg* -2
skarż* -2
zażalen* -2
rzecznik* -1
uokik -1
mam dość -3
mam tego dość -3
ile można -2
co to ma być -3
niedopuszczaln* -3
nie do przyjęcia -3
bezczeln* -3
ból -1
bolesn* -1
niewygodn* -2
`;
