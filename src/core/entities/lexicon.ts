// General-knowledge word lists for entity recognition. Lower-case, accents stripped.
// compromise's lexicon supplies most first names, countries, cities and regions (loaded once by
// nameLexicon() below); these lists fill the gaps that matter for news text.
import nlp from 'compromise';

const words = (s: string): Set<string> => new Set(s.trim().split(/\s*\|\s*/).filter(Boolean));

/** Places compromise lacks or tags otherwise ("us" is a pronoun there). */
const EXTRA_PLACES = words(`
u.s. | us | usa | u.s.a. | america | united states | britain | great britain | u.k. | uk | europe | asia | africa |
north america | south america | latin america | central america | middle east | far east | caribbean | balkans |
scandinavia | west bank | gaza strip | gaza | gulf | persian gulf | golan heights | sinai | kashmir | tibet | chechnya |
kurdistan | siberia | caucasus | pacific | atlantic | mediterranean | baltic | arctic | antarctica | sahara |
midwest | south | north | east | west | soviet union | yugoslavia | czechoslovakia | bosnia | herzegovina | serbia |
croatia | slovenia | kosovo | montenegro | macedonia | albania | zaire | burma | ceylon | rhodesia | hong kong |
taiwan | macau | beijing | shanghai | tokyo | seoul | moscow | kiev | kyiv | washington | new york | los angeles |
chicago | houston | london | paris | berlin | bonn | frankfurt | rome | madrid | lisbon | vienna | zurich | geneva |
brussels | amsterdam | the hague | stockholm | oslo | helsinki | copenhagen | warsaw | prague | budapest | bucharest |
sofia | athens | ankara | istanbul | tehran | baghdad | damascus | beirut | amman | jerusalem | tel aviv | cairo |
riyadh | kuwait | dubai | abu dhabi | karachi | islamabad | new delhi | delhi | bombay | mumbai | calcutta | dhaka |
colombo | kabul | bangkok | hanoi | manila | jakarta | singapore | kuala lumpur | sydney | melbourne | canberra |
wellington | toronto | ottawa | montreal | vancouver | mexico city | havana | caracas | bogota | lima | santiago |
buenos aires | sao paulo | rio de janeiro | brasilia | johannesburg | pretoria | nairobi | lagos | kinshasa |
grozny | sarajevo | belgrade | zagreb | pristina | tirana | minsk | tbilisi | yerevan | baku | almaty | tashkent |
hebron | nablus | ramallah | bethlehem | gaza city | arbil | erbil | sulaimaniya | mosul | basra | kirkuk |
scotland | wales | england | northern ireland | ireland | ulster | hawaii | alaska | puerto rico | korean peninsula |
jordan | chad | congo | georgia | lebanon | niger | guinea | turkey | cyprus | malta | monaco | benin | togo |
macedonia | moldova | belarus | tajikistan | kyrgyzstan | surinam | suriname | guyana | sudan | libya | somalia |
ala. | ariz. | ark. | calif. | colo. | conn. | fla. | ill. | ind. | kan. | ky. | la. | md. | mass. | mich. |
minn. | miss. | mo. | mont. | neb. | nev. | n.h. | n.j. | n.m. | n.y. | n.c. | n.d. | okla. | ore. | pa. | r.i. | s.c. |
s.d. | tenn. | tex. | vt. | va. | wash. | wis. | wyo. | calif | fla | mich | okla | tenn | wash | russian federation |
south korea | north korea | east timor | ivory coast | sri lanka | new zealand | south africa | saudi arabia
`);

/** Countries and continents among EXTRA_PLACES (besides compromise's own): they field national teams. */
export const EXTRA_COUNTRIES = words(`
u.s. | us | usa | u.s.a. | america | united states | britain | great britain | u.k. | uk | europe | asia | africa |
north america | south america | latin america | soviet union | yugoslavia | czechoslovakia | bosnia | serbia |
croatia | slovenia | kosovo | montenegro | macedonia | albania | zaire | burma | ceylon | rhodesia | hong kong |
taiwan | scotland | wales | england | northern ireland | ireland | jordan | chad | congo | georgia | lebanon | niger |
guinea | turkey | cyprus | malta | monaco | benin | togo | moldova | belarus | tajikistan | kyrgyzstan | surinam |
suriname | guyana | sudan | libya | somalia | russian federation | south korea | north korea | east timor |
ivory coast | sri lanka | new zealand | south africa | saudi arabia | puerto rico
`);

/** Organizations known by name: news agencies and media, international bodies, institutions. */
const KNOWN_ORGS = words(`
reuters | associated press | ap | afp | agence france-presse | agence france presse | tass | itar-tass | interfax |
xinhua | kyodo | yonhap | bloomberg | dow jones | ansa | dpa | upi | anadolu | bernama | antara | ria novosti | ria |
efe | pti | kcna | irna | mena | petra | sana | wafa | cnn | bbc | nbc | cbs | abc | fox news | msnbc | npr | pbs |
al jazeera | new york times | nyt | washington post | wall street journal | financial times | the guardian |
the times | the economist | le monde | der spiegel | associated press | white house | pentagon | kremlin |
state department | congress | senate | house of representatives | parliament | supreme court | european union | eu |
european commission | european parliament | un | u.n. | united nations | nato | opec | imf | world bank | wto | oecd |
osce | unicef | unesco | unhcr | who | red cross | interpol | asean | african union | arab league | security council |
general assembly | fbi | cia | nsa | dea | fda | sec | nasa | ira | plo | hamas | hezbollah | taliban | al qaeda |
fed | federal reserve | bundesbank | bank of england | bank of japan | ecb | european central bank | nasdaq | nyse |
new york stock exchange | london stock exchange | gatt | g7 | g8 | g20 | cis | anc | kgb | fsb | mi5 | mi6 |
labour | conservatives | tories | democrats | republicans | likud | bundestag | duma | knesset | politburo | mossad |
scotland yard | vatican | greenpeace | amnesty international | human rights watch | microsoft | google | apple |
ibm | boeing | airbus | toyota | general motors | ford | chrysler | volkswagen | siemens | sony | nokia | exxon |
shell | bp | opec | wto | eurostat | moody's | standard & poor's | s&p | fitch | goldman sachs | morgan stanley |
jp morgan | citibank | citigroup | hsbc | barclays | deutsche bank | ubs | credit suisse | navy seals | navy seal |
marines | special forces
`);

/** Awards and prizes: things, never people or organizations. */
export const AWARDS = words(`
oscar | oscars | emmys | grammy | grammys | bafta | baftas | tony award | tony awards | golden globe |
golden globes | pulitzer | pulitzer prize | booker | booker prize | nobel | nobel prize | nobel peace prize |
palme d'or | golden bear | golden lion | brit award | brit awards | mercury prize | turner prize | ballon d'or |
victoria cross | george cross | medal of honor | purple heart | academy award | academy awards
`);

/** Institutions known by the building or place they sit in: organizations to a reader. */
export const INSTITUTIONS = words(`white house | pentagon | kremlin | elysee | downing street | whitehall | capitol hill | scotland yard | vatican | quai d'orsay | foggy bottom | blue house`);

/** Last words that make a capitalised phrase an organization. */
export const ORG_SUFFIXES = words(`
inc | inc. | corp | corp. | corporation | co | co. | company | companies | ltd | ltd. | limited | plc | llc | ag | sa |
s.a. | nv | n.v. | gmbh | spa | bv | group | holdings | holding | industries | international | bank | bancorp |
bankcorp | ministry | department | agency | council | commission | committee | association | university | college |
institute | institution | federation | union | court | party | front | movement | army | navy | police | guard |
airlines | airline | airways | air | motors | systems | technologies | technology | electronics | electric |
communications | telecom | petroleum | oil | energy | securities | capital | partners | investments | financial |
insurance | trust | fund | foundation | bureau | office | service | services | authority | board | league | club |
assembly | parliament | congress | senate | cabinet | government | exchange | times | post | journal | herald |
tribune | news | press | television | tv | radio | network | broadcasting | daily | gazette | chronicle | agency |
cartel | organisation | organization | alliance | coalition | society | church | mission | forces | force | command |
corps | brigade | battalion | regiment | brigades | militia | rebels | secretariat | directorate | administration |
reserve | treasury | kremlin | school | academy | hospital | museum | laboratories | labs | pharmaceuticals |
pharmaceutical | chemicals | chemical | steel | mining | mines | resources | foods | stores | brewery | brewing |
media | publishing | studios | pictures | records | entertainment | team | commerce | chamber | consortium |
council | tribunal | ministry | embassy | consulate | mission | fc | cf | ac | united | city | rovers | wanderers |
logistics | maritime | shipping | shipyards | lines | freight | transport | aviation | motors | automotive |
semiconductor | software | solutions | dynamics | ventures | equity | advisors | advisers | consulting | associates |
enterprises | brands | retail | telecommunications | utilities | power | gas | construction | engineering |
ledger | tribuna | wire | courier | observer | guardian | telegraph | mirror | globe | express | review
`);

/** Words naming newspapers and news services: anywhere in a name ("La Tribuna del Atlantico"), an organization. */
export const NEWSPAPER_WORDS = words(`
tribuna | tribune | herald | times | post | gazette | gazeta | journal | ledger | wire | news | daily | chronicle |
courier | observer | guardian | telegraph | mirror | globe | examiner | inquirer | dispatch | bulletin | gazzetta |
corriere | diario | jornal | zeitung | nouvelles | press | newswire
`);

/** Last words that make a capitalised phrase a place. */
export const PLACE_SUFFIXES = words(`
river | mountains | mountain | mount | mt | island | islands | valley | sea | ocean | street | square | avenue | road |
province | region | county | district | strait | straits | gulf | bay | lake | peninsula | desert | strip | heights |
canal | coast | state | city | republic | kingdom | emirates | territory | territories | highlands | plain | plains |
basin | delta | hills | falls | park | bridge | airport | port | harbour | harbor | beach | capital | prefecture |
oblast | governorate | hemisphere | village | town | cape | pass | glacier | reef | archipelago
`);

/** Phrases that, as the first word, make a capitalised phrase a place ("Lake X", "Mount X"). */
export const PLACE_HEADS = words(`lake | mount | mt | cape | gulf | port | fort | st | saint | san | santa | sao | isle | bay`);

/** Lower-case particles inside names: "Cartel de los Soles", "Ludwig van der Rohe". */
export const NAME_PARTICLES = words(`de | del | della | di | da | dos | das | do | du | van | von | der | den | la | le | los | las | bin | ibn | al | el | y`);

/** Titles and honorifics: never part of a name; a following name is a person. */
export const PERSON_TITLES = words(`
mr | mr. | mrs | mrs. | ms | ms. | miss | dr | dr. | prof | prof. | sir | dame | lord | lady | madam | madame |
president | president-elect | vice-president | premier | chancellor | minister | prime | secretary | secretary-general |
senator | sen | sen. | sens. | congressman | congresswoman | representative | rep | rep. | governor | gov | gov. |
mayor | ambassador | envoy | judge | justice | attorney | attorney-general | prosecutor | chairman | chairwoman |
chair | chief | ceo | director | director-general | commissioner | spokesman | spokeswoman | spokesperson | leader |
general | gen | gen. | lt | lt. | lieutenant | colonel | col | col. | major | maj | maj. | captain | capt | capt. |
sergeant | sgt | sgt. | admiral | adm | adm. | commander | marshal | corporal | private | officer | king | queen |
prince | princess | emperor | empress | sultan | sheikh | sheik | emir | ayatollah | imam | pope | cardinal |
archbishop | bishop | rev | rev. | reverend | father | rabbi | mullah | patriarch | chairman | coach | manager |
striker | midfielder | defender | goalkeeper | captain | pitcher | deputy | vice | foreign | interior | defence |
defense | finance | economy | economics | trade | justice | health | education | agriculture | labour | labor |
energy | industry | transport | culture | environment | state | acting | former | ex | executive | managing |
senior | assistant | associate | first | lady | crown | grand | supreme | opposition | party | rebel | army |
military | police | union | chancellor | treasurer | comptroller | registrar | dean | speaker | whip | ombudsman |
inspector | detective | superintendent | constable | chief-executive | president-elect | mp | mep | u.s. | us | democrat | republican |
national | security | adviser | advisor | counsel | analyst | economist | professor | dr | doctor | nurse | mr
`);

/** Titles that stay part of a single name: "King Hussein" and "Saddam Hussein" are two people. */
export const ROYAL_TITLES = words(`king | queen | prince | princess | emperor | empress | sultan | emir | sheikh | sheik | pope | crown | tsar | czar | shah | ayatollah`);

/** Last words of company names: "Brightwater Maritime Logistics" is later just "Brightwater". */
export const CORP_SUFFIXES = words(`
inc | corp | co | ltd | plc | llc | ag | sa | nv | gmbh | spa | bv | group | holdings | international | corporation |
company | industries | bancorp | bhd | airlines | motors | systems | technologies | as | asa | ab | oy | logistics |
shipping | partners | capital | energy | pharmaceuticals | media | ventures | enterprises | solutions | software |
airways | resources | investments | securities
`);

/** Title heads that a person name may follow (the rest of PERSON_TITLES only modify them). */
export const TITLE_HEADS = words(`
mr | mr. | mrs | mrs. | ms | ms. | miss | dr | dr. | prof | prof. | sir | dame | lord | lady | madam | madame |
president | president-elect | vice-president | premier | chancellor | minister | secretary | secretary-general |
senator | sen | sen. | sens. | congressman | congresswoman | representative | rep | rep. | governor | gov | gov. |
mayor | ambassador | envoy | judge | justice | attorney | attorney-general | prosecutor | chairman | chairwoman |
chief | ceo | director | director-general | commissioner | spokesman | spokeswoman | spokesperson | leader |
general | gen | gen. | lt | lt. | lieutenant | colonel | col | col. | major | maj | maj. | captain | capt | capt. |
sergeant | sgt | sgt. | admiral | adm | adm. | commander | marshal | corporal | king | queen |
prince | princess | emperor | empress | sultan | sheikh | sheik | emir | ayatollah | imam | pope | cardinal |
archbishop | bishop | rev | rev. | reverend | father | rabbi | mullah | patriarch | coach | manager | treasurer |
dean | speaker | inspector | detective | superintendent | constable | mp | mep | adviser | advisor | professor |
doctor | economist | analyst | democrat | republican | striker | midfielder | defender | goalkeeper | pitcher
`);

/** Not entities in our sense (nationalities, religions, languages, groups): MISC in CoNLL terms. */
export const NOT_ENTITY_WORDS = words(`
muslim | muslims | moslem | moslems | islamic | islam | christian | christians | catholic | catholics | protestant |
jewish | jew | jews | arab | arabs | arabic | kurd | kurds | kurdish | shi'ite | shiite | sunni | hindu | sikh |
buddhist | english | latin | communist | communists | socialist | socialists | marxist | nazi | nazis | western |
eastern | northern | southern | soviet | anglo | euro | eurobond | eurobonds | internet | web | god | allah |
bosnian | serb | serbs | croat | croats | moslem | palestinians | israelis | basque | chechen | chechens | tamil |
tamils | hutu | hutus | tutsi | tutsis | zionist | orthodox | olympic | olympics | nobel | gmt | edt | est | pst |
cst | ok | new year | christmas | easter | ramadan | thanksgiving | hanukkah | eid | diwali | halloween | tv | am | pm | ad | bc | ceo | cfo | gdp | ipo | vat | pc | cd | dvd | phd | mp | mps | aids | hiv | no | mr |
id | p2p | mp3 | tv | hdtv | sms | pin | atm | dna | it | pcs | cds | dvds | ipod | ipods | gp | gps | a-level | a-levels |
ai | llm | llms | ev | evs | 3g | 4g | 5g | wi-fi | wifi | covid | covid-19 | mri | vpn | pdf | gif | url
`);

/** Debris of web pages and blogs. */
export const DEBRIS_LINES = words(`
comments | comment | leave a comment | leave a reply | reply | go up | go to top | back to top | share | share this |
read more | read also | see also | related | related articles | advertisement | subscribe | sign up | log in | login |
print | email | tweet | follow us | tags | tag | previous | next | menu | search | home | cancel reply | more |
your email address will not be published | click here | loading | skip to content | top | 7 mins read
`);

export const DEBRIS_WORDS = words(`comments | comment | share | reply | advertisement | subscribe | login | print | email | tweet | menu | tags | loading | cancel`);

export const WEEKDAYS_MONTHS = words(`
monday | tuesday | wednesday | thursday | friday | saturday | sunday | mon | tue | tues | wed | thu | thur | thurs |
fri | sat | sun | january | february | march | april | may | june | july | august | september | october |
november | december | jan | feb | mar | apr | jun | jul | aug | sep | sept | oct | nov | dec
`);

export const WEEKDAYS = words(`monday | tuesday | wednesday | thursday | friday | saturday | sunday`);

/** Prepositions before a place: "in X", "through X", "near X". */
export const PLACE_PREPS = words(`in | at | from | near | to | into | across | outside | throughout | towards | toward | via | through | around`);

/** What follows a possessive place name: "Valmora's port", "Busan's mayor". */
export const PLACE_POSSESSED = words(`
port | ports | harbour | harbor | airport | mayor | city | government | governor | streets | suburbs | outskirts |
residents | population | economy | coast | coastline | waterfront | docks | province | region | capital |
neighbourhoods | neighborhoods | downtown | citizens | inhabitants | border | borders | territory
`);

/** "the port of X", "the outskirts of X": X is a place. */
export const PLACE_OF_BEFORE = words(`
town | towns | village | villages | city | cities | province | provinces | region | district | capital | port |
island | islands | state | county | outskirts | suburb | suburbs | republic | area | centre | center | heart |
mayor | residents | streets | border | coast | shores | citizens | settlement
`);

/** Nouns that, in "X, a <noun>" or "X, the <noun>", make X an organization. */
export const ORG_APPOSITION = words(`
company | firm | contractor | subcontractor | group | carrier | bank | lender | insurer | operator | maker |
manufacturer | retailer | conglomerate | subsidiary | unit | agency | newspaper | broadcaster | airline | shipper |
startup | start-up | supplier | developer | consultancy | publisher | producer | exporter | importer | distributor |
utility | charity | organisation | organization | nonprofit | non-profit | party | union | association | watchdog |
regulator | ngo | fund | chain | brokerage | daily | weekly | magazine | club | team | exchange
`);

/** Function words and common sentence openers that are never names on their own. */
/** Letters after a person's name that are not part of it ("Sarah Whitcombe KC", "Dame Ada Roe DBE"). */
export const POST_NOMINALS = words(`
qc | kc | mp | msp | mep | am | mla | td | obe | mbe | cbe | kbe | dbe | gbe | frs | phd | ph.d. | esq | esq.
`);

/** Pronouns and possessive determiners: never a name on their own, whatever the capital ("His lawyer"). */
export const PRONOUNS = words(`
i | me | my | mine | we | us | our | ours | you | your | yours | he | him | his | she | her | hers | it | its |
they | them | their | theirs | myself | himself | herself | itself | ourselves | themselves
`);

export const FUNCTION_WORDS = words(`
the | a | an | this | that | these | those | it | its | he | she | they | we | i | you | his | her | their | our |
my | your | in | on | at | to | for | from | by | with | of | as | after | before | during | while | when | where |
why | how | what | who | which | whose | if | but | and | or | nor | so | yet | also | although | though | because |
since | until | unless | however | meanwhile | moreover | furthermore | thus | then | there | here | now | today |
yesterday | tomorrow | tonight | some | many | most | more | all | any | each | every | both | few | several | no |
not | one | two | three | four | five | six | seven | eight | nine | ten | first | second | third | last | next |
other | another | such | only | even | just | still | already | again | once | according | despite | under |
over | about | above | below | between | among | against | into | through | without | within | around | near |
instead | asked | told | said | says | shares | share | stocks | prices | police | officials | analysts | sources |
traders | dealers | reporters | witnesses | residents | people | earlier | later | late | early | overall |
separately | elsewhere | initially | finally | similarly | additionally | regarding | following | including |
excluding | under | upon | via | per | than | do | does | did | is | are | was | were | be | been | has | have | had |
will | would | can | could | should | may | might | must | shall | let | please | yes | well | oh | see | note |
editor | editors | update | updated | source | sources | total | net | pretax | revenue | sales | profit | loss |
results | year | years | week | month | quarter | half | nine-month | six-month | period | page | chapter
`);

/** Words of sports reporting: a document using several is a sports report (teams named after places). */
export const SPORT_WORDS = words(`
soccer | football | cricket | rugby | tennis | golf | baseball | basketball | hockey | athletics | cycling |
goal | goals | scored | scorer | striker | midfielder | defender | goalkeeper | keeper | penalty | penalties |
half-time | halftime | match | matches | fixture | fixtures | league | cup | premiership | championship |
tournament | semi-final | quarter-final | innings | inning | wicket | wickets | batsman | bowler | bowled |
overs | pitcher | homer | homers | touchdown | quarterback | playoff | playoffs | squad | stadium | season |
draw | drew | beat | beaten | victory | defeat | unbeaten | standings | seeded | seed | coach
`);

/** Words right after a place's name that make it a team: "Surrey beat Kent", "Chicago rallied". */
export const TEAM_VERBS_AFTER = words(`
beat | beats | defeated | drew | lost | won | win | wins | trail | trailed | lead | led | scored | edged |
thrashed | routed | rallied | overcame | outscored | hammered | downed | blanked | swept | clinched |
declared | collapsed | batted | bowled | reached | closed | finished | needed | captain | coach | manager |
all-rounder | striker | midfielder | defender |
goalkeeper | fans | supporters | player | players | squad | v | vs | versus
`);

/** Words right before a place's name that make it a team: "beat Kent", "against Chicago", "v Surrey". */
export const TEAM_WORDS_BEFORE = words(`beat | beating | against | v | vs | versus | defeated | edged | thrashed | routed | hosts | visitors`);

/** Lower-case, accents stripped, typographic apostrophes straightened. */
export function norm(s: string): string {
  let plain = true;
  for (let i = 0; i < s.length && plain; i++) {
    const c = s.charCodeAt(i);
    plain = c < 128 && c !== 96; // ASCII without a backtick: lower-casing is all there is to do
  }
  if (plain) return s.toLowerCase();
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`]/g, "'")
    .toLowerCase();
}

/** Name knowledge from compromise's lexicon plus the lists above, by lower-case key. */
export interface NameLexicon {
  places: Set<string>;
  /** Countries (national teams keep the country's name and stay places). */
  countries: Set<string>;
  orgs: Set<string>;
  persons: Set<string>;
  firstNames: Set<string>;
  maleNames: Set<string>;
  femaleNames: Set<string>;
  lastNames: Set<string>;
  demonyms: Set<string>;
  /** Words compromise knows as ordinary vocabulary (verbs, adjectives, common nouns...). */
  common: Set<string>;
  /** Words compromise knows only as verbs, adjectives or adverbs (never institution names). */
  nonNoun: Set<string>;
}

const COMMON_TAGS = new Set([
  'Adjective', 'Adverb', 'Conjunction', 'Determiner', 'Preposition', 'Pronoun', 'PastTense',
  'PresentTense', 'Infinitive', 'Gerund', 'Participle', 'Modal', 'Copula', 'Comparative', 'Superlative',
  'Plural', 'Singular', 'Uncountable', 'Noun', 'Actor', 'QuestionWord', 'Expression', 'PhrasalVerb',
  'Verb', 'Negative', 'Condition', 'Imperative', 'Reflexive', 'TextValue', 'Ordinal', 'Cardinal', 'Unit',
]);
/** Neighbourhood words compromise tags as places: too generic to be a place name on their own. */
const PLACE_NOISE = words(`
downtown | uptown | midtown | lakefront | riverfront | lowland | lowlands | highland | highlands | boardwalk |
riverside | parkside | old town | main street | main st | financial district | shopping district | east end |
north end | south end | east side | north side | south side | gay village | green acres | green valley |
hillcrest | brookside | riverbend | lindley
`);

let lexicon: NameLexicon | undefined;

export function nameLexicon(): NameLexicon {
  if (lexicon) return lexicon;
  const lex = (nlp as unknown as { model(): { one: { lexicon: Record<string, string | string[]>; frozenLex?: Record<string, string> } } })
    .model().one;
  const L: NameLexicon = {
    places: new Set(EXTRA_PLACES),
    countries: new Set(EXTRA_COUNTRIES),
    orgs: new Set(KNOWN_ORGS),
    persons: new Set(),
    firstNames: new Set(),
    maleNames: new Set(),
    femaleNames: new Set(),
    lastNames: new Set(),
    demonyms: new Set(),
    common: new Set(),
    nonNoun: new Set(),
  };
  const nounish = new Set<string>();
  const entries: Array<[string, string | string[]]> = Object.entries(lex.lexicon);
  for (const [k, v] of Object.entries(lex.frozenLex ?? {})) entries.push([k, v]);
  for (const [word, tag] of entries) {
    const tags = Array.isArray(tag) ? tag : [tag];
    const key = norm(word);
    for (const t of tags) {
      if (t === 'Country' || t === 'City' || t === 'Region') L.places.add(key);
      if (t === 'Country') L.countries.add(key);
      else if (t === 'Place' && key.length >= 4 && !PLACE_NOISE.has(key)) L.places.add(key);
      else if (t === 'Organization' || t === 'SportsTeam') L.orgs.add(key);
      else if (t === 'Person') L.persons.add(key);
      else if (t === 'MaleName' || t === 'FemaleName' || t === 'FirstName') {
        L.firstNames.add(key);
        if (t === 'MaleName') L.maleNames.add(key);
        if (t === 'FemaleName') L.femaleNames.add(key);
      } else if (t === 'LastName') L.lastNames.add(key);
      else if (t === 'Demonym') L.demonyms.add(key);
      else if (COMMON_TAGS.has(t)) {
        L.common.add(key);
        if (/^(Singular|Plural|Uncountable|Noun|Actor)$/.test(t)) nounish.add(key);
        else L.nonNoun.add(key);
      }
    }
  }
  for (const k of nounish) L.nonNoun.delete(k);
  lexicon = L;
  return L;
}
