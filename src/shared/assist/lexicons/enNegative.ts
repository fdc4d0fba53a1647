/**
 * English negative vocabulary that AFINN-165 lacks: evaluative words, insults, accusations, distress and
 * complaint phrases, and sarcasm formulas. Written by the team for this product from general knowledge of the
 * language (our own work; nothing taken from any evaluation set). See SOURCES.md. Entries here override
 * AFINN-165 and are overridden by enDomain.ts.
 */
export const EN_NEGATIVE = `
# --- negative evaluation ---
awful -3
dreadful -3
atrocious -4
abysmal -4
appalling -4
shoddy -3
subpar -2
sub par -2
mediocre -2
inferior -2
second rate -2
overpriced -2
overrated -2
expensive -1
pricey -1
unreliable -2
unhelpful -2
unprofessional -3
unresponsive -2
unusable -3
unbearable -3
unreasonable -2
unjustified -2
unsafe -2
unsanitary -3
untrue -2
inaccurate -2
incorrect -1
wrong -2
worse -3
worsening -2
worsen -2
sloppy -2
clumsy -1
flimsy -2
cheap -1
tacky -2
crap -3
crappy -3
trash -3
trashy -3
garbage -3
rubbish -3
junk -2
mess -2
messed -2
messy -2
chaos -2
chaotic -2
shambles -3
fiasco -3
debacle -3
disaster -3
disastrous -3
catastrophe -3
catastrophic -3
hell -2
hellish -3
ordeal -2
hassle -2
headache -2
inconvenience -2
inconvenient -2
inconvenienced -2
pointless -2
irrelevant -1
meaningless -2
nonsense -2
absurd -2
ridiculous -3
laughable -2
ludicrous -3
outrageous -3
insane -2
crazy -1
pathetic -3
pitiful -2
lame -2
bland -1
boring -2
tedious -2
annoyingly -2
irritating -2
irritated -2
infuriating -3
infuriated -3
maddening -3
livid -4
furious -3
pissed -3
fuming -3
outraged -3
disgusted -3
disgusting -3
gross -2
filthy -3
dirty -2
smelly -2
stinks -2
creepy -2
scary -2
horrific -3
horrendous -3
gruesome -3
tragic -3
heartbreaking -3
heartbroken -3
devastating -3
devastated -3
miserable -3
depressing -2
depressed -2
gloomy -2
hopeless -3
helpless -2
worthless -3
powerless -2
# --- accusation, deceit, wrongdoing ---
lie -2
lies -2
lied -3
lying -3
liar -3
liars -3
deceit -3
deceitful -3
deceptive -3
misleading -3
mislead -2
misled -2
dishonest -3
hypocrisy -3
hypocrite -3
hypocritical -3
crooked -3
corrupt -3
shady -2
sketchy -2
scammer -3
scammers -3
scammed -3
swindle -3
robbed -3
robbery -3
theft -3
stole -3
stolen -3
steal -2
stealing -3
extortion -3
exploit -2
exploited -3
exploitation -3
abuse -3
abused -3
abusive -3
harassment -3
harassed -3
discrimination -3
discriminate -2
racism -3
racist -3
sexist -3
bigot -3
bigotry -3
hateful -3
fascist -3
fascism -3
nazi -3
nazis -3
supremacist -3
supremacists -3
extremist -2
extremists -2
terrorism -3
terrorist -3
terrorists -3
propaganda -2
censorship -2
suppression -2
oppression -3
tyranny -3
dictator -3
traitor -3
treason -3
puppet -2
thug -3
thugs -3
criminal -3
criminals -3
crook -3
# --- insults ---
moron -3
morons -3
imbecile -3
clown -2
clowns -2
loser -3
losers -3
scum -4
disgrace -3
disgraceful -3
shameless -3
arrogant -2
ignorant -2
clueless -3
brainless -3
spineless -3
lazy -2
greedy -2
selfish -2
nasty -3
vile -3
despicable -4
deplorable -3
contemptible -3
sleazy -3
creep -2
jerk -3
idiotic -3
dumbest -3
stupidity -3
incompetence -3
# --- distress and harm ---
suffer -2
suffered -2
suffers -2
starving -3
homeless -2
victim -2
victims -2
casualties -3
killed -3
killing -3
killer -3
murder -3
murdered -3
massacre -4
bombing -3
shooting -3
violence -3
violent -3
brutal -3
brutality -3
crisis -2
collapse -2
collapsed -2
recession -2
poverty -2
unemployment -2
bankrupt -3
bankruptcy -3
evicted -3
layoffs -2
laid off -2
sick -2
illness -2
ill 0 # "I'll" once the apostrophe is dropped, far more often than "ill"
cancer -2
disease -2
pain -2
painful -2
hurts -2
injured -2
hospital -1
funeral -2
rip -2
tears -1
cried -2
crying -2
sobbing -3
worried -2
worrying -2
anxious -2
stressed -2
stressful -2
overwhelmed -2
exhausted -2
# --- complaint and distress phrases ---
not happy -3
not impressed -3
not okay -2
not ok -2
not acceptable -3
not good enough -3
not fair -2
so disappointed -3
very disappointed -3
let down -2
let me down -3
fell through -2
gave up -2
give up -2
for nothing -2
to no avail -2
no way -1
no idea -1
no clue -2
no excuse -2
no respect -3
no longer -1
no power -2
no wifi -2
no word -2
no one cares -3
doesnt care -3
dont care -2
couldnt care less -3
dont bother -2
never fails to disappoint -3
how hard is it -3
what is wrong with -3
whats wrong with -3
what the hell -3
wth -3
wtf -4
omg -1
seriously -1
are you kidding -3
you must be joking -3
is this a joke -3
give me a break -2
enough is enough -3
last time -1
last straw -3
the worst -3
worst ever -4
i give up -3
sick and tired -4
fed up -3
tired of -2
done with -2
over it -2
get me out of here -3
i want my money back -3
money back -2
zero -1
none -1
# --- sarcasm formulas (praise words used to complain) ---
yeah right -2
oh great -2
just great -2
oh joy -2
thanks a lot -2
thanks for nothing -3
thanks for the help not -3
so much for -2
big surprise -2
what a surprise -2
surprise surprise -2
shocker -2
how convenient -2
nice try -2
good luck with that -2
gotta love -2
got to love -2
# --- words AFINN reads as praise that name things or are said in passing ---
gold 0
assets 0
asset 0
share 0
profit 0
`;
