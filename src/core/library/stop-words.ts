/**
 * Words too common to say that two articles are about the same thing, in the languages a
 * newsroom writes most: left out of "You may relate" (as query words and as reasons shown).
 * Wider than search's own list, which keeps most of these so that a phrase still matches;
 * newsroom verbs of saying ("says", "selon", "sagte") are here too. Words of one or two
 * letters are never used by the suggestions, so they are not listed; nor are words that
 * mean something in another of these languages ("war", "car", "door", "son", "man").
 */
import { termOf } from '../search/search-document';

const ENGLISH =
  'about above after again against all also among another any anyone are around away back because before being below between both but came can cannot could did does doing done down during each either else even ever every few first from further get gets got had has have having here hers herself him himself how however just last later least less like made make many may more most much must myself near never new next nor not now off often once one only other others our ours ourselves out over own per put quite rather really said same say says see seen should since some still such take than that then there these they thing things this those though three through thus told too two under until upon very via was way ways well were what when where whether which while who whom whose why will with within without yet you your yours yourself';

const FRENCH =
  'ainsi alors apres aussi autre autres aux avait avant avec avoir bien ceci cela celle celles celui cependant ces cet cette chaque chez comme comment dans depuis des deux donc dont elle elles encore entre est etaient etait ete etre eux fait faire fois font leur leurs lui mais meme mes moins moi mon nos notre nous ont par parce pas peu peut plus pour pourquoi quand que quel quelle quelles quels qui sans selon ses sera seront sont sous souvent sur tandis tant tes toujours tous tout toute toutes tres une vers voici voila vos votre vous';

const GERMAN =
  'aber alle allem allen aller alles als also andere anderen auch auf aus bei beim bereits bin bis bist dabei dadurch dafur dagegen daher damit dann darauf darum das dass dein deine dem den denn der des dessen deshalb die dies diese diesem diesen dieser dieses doch dort durch eine einem einen einer eines etwa euer eure fur gegen gewesen hab habe haben hat hatte hatten hier hin hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer immer jede jedem jeden jeder jedes jedoch jene jetzt kann kein keine keinen konnen konnte laut machen mehr mein meine mit muss nach nicht nichts noch nun nur oder ohne sagt sagte schon sehr sei sein seine seinem seinen seiner seit sich sie sind sodass solche soll sollte sondern sowie uber und uns unser unsere unter viel vom von vor wahrend waren warum was weil weiter welche welchen welcher wenn wer werde werden wie wieder will wir wird wurde wurden zum zur zwar zwischen';

const DUTCH =
  'aan al alle als bij dan dat de deze die dit een eens en er geen had heb hebben heeft het hier hij hoe hun ik in is je kan maar meer met moet na naar niet nog nu of om omdat ook op over te tegen toch toen tot uit van veel voor want was wat wel werd wie wij wordt worden zal ze zei zegt zich zij zijn zo zou';

const SPANISH_PORTUGUESE =
  'algo algunos ante antes aqui aquilo assim cada com como con contra cual cuando desde disse dice dijo donde dos ela elas ele eles ella ellas embora entre eram esa ese esta este esto estas estes eso foi for fue han isso isto las les los mais mas mesmo muito mucho nao nas nem nos nosotros num numa otra otro para pela pelo pero por porque pouco pues qual quando que quien sao segun segundo sem ser seu sobre sua sus tambem tambien tem tiene todo todos uma unos uns vez';

/** Numbers spelled out and the verbs every report uses: they say how, not what about. */
const COUNTS_AND_VERBS =
  'ask asked asking asks happen happened happens fewer four five six seven eight nine ten twenty hundred thousand million billion percent trois quatre cinq sept huit neuf dix cent mille drei vier funf sechs sieben acht neun zehn hundert tausend';

/** Every word above, as the index spells its terms (accents and case folded); search's own stop words are already left out by `termOf`. */
export const SUGGESTION_STOP_WORDS: ReadonlySet<string> = new Set(
  [ENGLISH, FRENCH, GERMAN, DUTCH, SPANISH_PORTUGUESE, COUNTS_AND_VERBS]
    .join(' ')
    .split(' ')
    .map(termOf)
    .filter((term): term is string => term !== null),
);
