/**
 * English customer-service vocabulary and corrections to AFINN-165 for support conversations.
 * Written by the team for this product (our own work, MIT like the rest of the code). See SOURCES.md.
 * Format: see compileLexicon. Entries here override AFINN-165 entries of the same spelling.
 */
export const EN_DOMAIN = `
# Complaints: what goes wrong in orders, travel, billing and support.
delayed -2
delay -2
delays -2
cancelled -2
canceled -2
cancellation -1
cancel -1
overbooked -2
stranded -2
rebooked -1
rebook -1
late -1
missed -2
missing -2
lost -2
damaged -2
broken -2
faulty -2
defective -2
overcharged -3
charged -1
fee -1
fees -1
refund -1
compensation -1
complaint -2
complain -2
stuck -2
hours -1
hrs -1
why -1
still waiting -2
still no -2
still not -2
still havent -2
still hasnt -2
still dont -2
on hold -2
no response -2
no answer -2
no reply -2
no one -2
noone -2
nobody -2
no help -2
no info -2
no information -2
no update -2
no updates -2
never received -3
never got -2
never arrived -3
havent received -2
hasnt arrived -2
didnt receive -2
not received -2
hung up -2
# Negators on their own in a complaint ("I can't log in", "it didn't arrive"): counted when they negate
# nothing listed.
cant -1
cannot -1
couldnt -1
didnt -1
doesnt -1
wont -1
never -1
dont -1
isnt -1
wasnt -1
arent -1
werent -1
havent -1
hasnt -1
hadnt -1
shouldnt -1
wouldnt -1
aint -1
isnt working -2
wasnt working -2
didnt work -2
wont work -2
not loading -2
is down -2
site down -2
website down -2
wait -1
waited -2
waiting -1
hold time -1
hold times -1
wait time -1
doesnt work -2
dont work -2
not working -3
wont let me -2
cant get -1
cant find -1
unable -2
error -1
issue -1
issues -1
waste of time -3
waste of money -3
rip off -3
ripoff -3
scam -3
thanks for nothing -3
fed up -3
sick of -3
had enough -3
never again -3
this is a joke -3
a joke -2
joke -1
seriously -1
smh -2
ugh -2
ffs -3
unacceptable -3
disappointing -2
incompetent -3
useless -3
horrible -3
worst -3
nightmare -3
rude -3
# Words AFINN scores that are neutral in requests and in the names of things ("please help me with my order",
# "I would like to know", "customer support").
help 0
please 0
like 0
would like 0
i like 2
i liked 2
i really like 3
we like 2
yes 0
pretty 0
want 0
free 0
care 0
customer care 0
support 0
sure 0
god 0
top 0
hope 1
lol 1
sorry -1
no problem 2
cant wait 2
no problems 2
no worries 1
# Praise that support teams receive.
thank you 2
thanks 2
thx 2
kudos 3
shoutout 2
shout out 2
on time 2
resolved 2
sorted 2
smooth 2
quick 1
quickly 1
fast 1
friendly 2
helpful 2
professional 2
`;
