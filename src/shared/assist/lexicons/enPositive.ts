/**
 * English praise and warmth that AFINN-165 lacks, and phrases in which a negator does not negate ("not just
 * good", "not only"). Written by the team for this product from general knowledge of the language (our own
 * work; nothing taken from any evaluation set). See SOURCES.md.
 */
export const EN_POSITIVE = `
fav 2
fave 2
favs 2
gorgeous 3
blessed 3
yay 3
yaay 3
woohoo 3
legend 2
legendary 3
epic 2
iconic 2
incredible 3
sweetheart 2
tasty 2
looking forward 2
look forward 2
so proud 3
well done 3
good job 3
great job 3
nailed it 3
love it 3
made my day 3
feels good 3
happy birthday 3
merry christmas 3
happy holidays 3
happy new year 3
have fun 2
well deserved 3
thrilled 3
stoked 3
psyched 2
# A negator that adds rather than negates: "not just good, brilliant", "not only fast but cheap".
not just 0
not only 0
isnt just 0
wasnt just 0
not bad 2
not too bad 1
cant complain 2
`;
