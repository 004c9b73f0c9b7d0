"""Street addresses, English and French forms, with their postcode and town when present."""

from __future__ import annotations

from typing import ClassVar

import regex as re
from presidio_analyzer import Pattern

from guardrails.phi.recognizers.phi_pattern_recognizer import PhiPatternRecognizer
from guardrails.phi.recognizers.regex_parts import LETTER, LOWER, POSTCODE_LABEL, UPPER
from guardrails.phi.types import STREET_ADDRESS

_CAP = rf"[{UPPER}][{LETTER}'’.-]*"
_WORD = rf"[{LETTER}][{LETTER}'’-]*"
_EN_STREET = (
    r"(?i:street|str|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl|terrace|ter|"
    r"circle|cir|parkway|pkwy|highway|hwy|square|sq|trail|trl|alley|row|crescent|close|gardens|grove|"
    r"heights|hill|mews|park|path|pike|plaza|point|ridge|run|walk|loop|bend|crossing|green|view|"
    # The other suffixes of the US Postal Service's list (Publication 28), less those that also end a clinical
    # phrase after a number ("1 Power Port", "Heparin Lock", "Radiation Field", "Cancer Center", "Knee Extension"),
    # and India's ("Salvi Chowk", "Mital Nagar", "Sehgal Marg").
    r"bay|bridge|brook|brooks|burg|bypass|canyon|cape|causeway|cliffs?|corners?|courts|coves?|creek|crest|dale|dam|"
    r"estates?|expressway|falls|ferry|fords?|forest|forges?|forks?|fort|freeway|gateway|glens?|greens|groves|"
    r"harbou?rs?|haven|hills|hollow|inlet|islands?|isle|junctions?|knolls?|lakes?|landing|lodge|manors?|meadows?|"
    r"mills?|mission|motorway|mountains?|orchard|overpass|parks|parkways|pass|passage|pines?|plains?|prairie|ranch|"
    r"rapids?|ridges|river|roads|shoals?|shores?|skyway|spurs?|squares|stravenue|stream|streets|summit|throughway|"
    r"trafficway|trailer|tunnel|turnpike|underpass|unions?|valleys?|viaduct|views|villages?|ville|vista|walks|wall|"
    r"ways|villas?|entrance|lookout|parklands|chowk|nagar|marg|ganj|springs|"
    # Australia's and New Zealand's, and Britain's crossroads, less those that end a clinical phrase after a number
    # ("2 Ovarian Reserve", "Figure 2 ROC Curve", "3 Kinase Pathway", "Posterior Cul-de-sac", "5 Year Outlook",
    # "Surgical Approach", "PSA Plateau", "Dialysis Circuit", "Single Strand", "Dose-Response Slope", "96 Wells").
    r"alleyway|amble|anchorage|arcade|broadway|brae|byway|centreway|chase|circlet|colonnade|concourse|copse|"
    r"courtyard|crossroads?|crossway|dell|driveway|esplanade|fairway|fire[ \t]?track|firetrail|footway|"
    r"foreshore|garden|glade|grange|highroad|keys|laneway|mall|meander|parade|piazza|"
    r"promenade|quays?|ramble|retreat|ridgeway|riverway|riviera|roadway|thoroughfare|tollway|walkway|wynd)\b\.?"
)
_EN_UNIT = r"(?:,?[ \t]*(?i:apt|apartment|suite|ste|unit|floor|fl|bldg|building|room|rm)\.?[ \t]*#?[ \t]*\w{1,6}|[ \t]*#[ \t]*\w{1,6})?"
_US_TOWN = rf"(?:,?[ \t]*{_CAP}(?:[ \t]+{_CAP}){{0,2}},?[ \t]+[A-Z]{{2}}[ \t]+\d{{5}}(?:-\d{{4}})?)?"

_FR_STREET = (
    r"(?i:rue|r\.|avenue|av\.|bd|boulevard|place|pl\.|all[ée]e|chemin|ch\.|impasse|imp\.|quai|route|rte|cours|square|"
    r"voie|r[ée]sidence|cit[ée]|lieu[- ]dit|faubourg|fg|passage|rond-point|sentier|promenade|parvis|hameau|"
    r"lotissement|esplanade|villa|chauss[ée]e|mont[ée]e|rampe|carrefour|zone|za|zi|zac|domaine|clos|ruelle|"
    r"traverse|venelle|sente)"
)
_FR_PARTICLE = r"(?i:de|du|des|la|le|les|l['’]|d['’]|aux?|en|sur|sous|et|saint|sainte|st|ste)"
# A particle inside a street name is a whole word: "rue du Général Leclerc" is not "Le" and "clerc".
_FR_NAME_PARTICLE = (
    rf"(?:(?i:l|d)['’]|(?i:de|du|des|la|le|les|aux?|en|sur|sous|et|saint|sainte|st|ste)(?![{LETTER}]))"
)
# The street name starts with a capital ("rue des Lilas", "avenue Jean Jaurès"): "en cours de traitement" and
# "mise en place d'une aide" are not addresses.
_FR_NAME = rf"(?:{_FR_NAME_PARTICLE}[ \t]*)*{_CAP}(?:[ \t-]+(?:{_FR_NAME_PARTICLE}|{_CAP}|\d{{1,4}}))*"
_FR_NUMBER = r"\d{1,4}(?:[ \t]?(?i:bis|ter|quater|[a-d]))?(?![\w])[ \t]*,?"
# A particle is a whole word: "69003 LYON depuis 2010" ends at LYON, not in "de|puis".
_FR_TOWN = rf"(?:[ \t]*,?[ \t]*(?:(?i:cedex)[ \t]*)?(?:F-)?\d{{5}}[ \t]+{_WORD}(?:[ \t-]+(?:{_FR_PARTICLE}(?![{LETTER}])|{_CAP}))*(?:[ \t]+(?i:cedex)(?:[ \t]+\d{{1,2}})?)?)?"
# An English street word after a French street's name, as foreign addresses are written in English ("31 Rue
# tachkent St. the first"); "St." before a name is a saint ("rue St. Jacques").
_ENGLISH_STREET_AFTER = rf"(?i:street)(?![{LETTER}])|St\.(?![ \t]*[{UPPER}])"
# Words that carry a French sentence on after a street name typed in lower case ("rue auguste reynaud pour le");
# not "le", "la", "les": street names hold them ("rue de la paix").
_SENTENCE_WORD = (
    r"(?i:pour|depuis|avec|chez|et|à|au|aux|est|sera|a|ont|puis|ou|sans|dans|vers|par|qui|que|mais|donc|car|"
    r"un|une|son|sa|ses|ce|cette|il|elle|on|nous|vous|ils|elles|se|ne|y|en)"
)
# A word of a street name typed in any case, up to the sentence's next word.
_FR_ANY_CASE_NAME_WORD = rf"(?!{_SENTENCE_WORD}(?![{LETTER}]))[{LETTER}][{LETTER}'’-]*"
# Lower-case street names ("12, avenue alice laine, 03883 baron") only count when a postcode follows.
_FR_LOWER_NAME_THEN_POSTCODE = rf"(?:[ \t]+[{LETTER}'’-]+){{1,5}}(?=[ \t]*,?[ \t]*\d{{5}}[ \t])"

_EU_STREET_SUFFIX = (
    r"(?:katu|kuja|tie|polku|v[äa]gen|gatan|gata|gade|vej|veien|vegen|stra(?:ß|ss)e|str\.|laan|weg|straat|plein|"
    r"steeg|allee|gasse|(?<![aeiouyAEIOUY])ring|platz|utca|ulica|ul\.|väylä|rinne|kaari|stræde|straede|tér|vägen|torget|torv|"
    r"stræti|straeti|braut|vegur|stígur|stigur|stien|gränd|torg|aukio|ranta|dreef|skogen|myra|hof|kollen|singel|pad|grenda|gjerdet|bulevardi|stigen|bakken|åsen|haugen|"
    r"vijenac)"
)
# Street types written as a word of their own after the name, as in Central and Northern Europe:
# "Erzsébet tér 19.", "Kálmán Imre u. 12.", "Baker Str. 5", "Árpád fejedelem útja 62.".
_EU_STREET_WORD_AFTER = (
    r"(?:u\.|(?i:tér|utca|út|útja|ulica|ul\.|cesta|pot|trg|námestie|náměstí|sokak|caddesi|allé|stra(?:ß|ss)e|str\.|gade|vej|"
    r"gata|gatan|vägen|väg|vei|veien|tie|katu|kuja|polku|vijenac|naselje|prehod|bulevardi|nabrežje|vrh|"
    r"laan|straat|weg|plein|gasse|platz|street|st\.|road|rd\.))"
)
# English words that end like a street type: "Spring 2020", "Bring 3". Gerunds ("During 2017", "Measuring
# 1 cm") are kept out by the suffix itself: "ring" after a vowel is an "-ing" ending, not a German "-ring".
_NOT_A_STREET = r"(?i:during|spring|string|bring|ring|bearing|hearing|offering|tie|untie)"
# Words before a number that locate something in a hospital or a protocol, not a street: "Room 12 Suite 3".
_HOSPITAL_PLACE = (
    r"(?i:room|bed|ward|floor|level|wing|building|bldg|unit|suite|day|week|cycle|course|grade|stage|dose|visit|"
    r"arm|cohort|phase|part|section|table|figure|box|chambre|lit|salle|service|[ée]tage|b[âa]timent|jour|cure)"
)
# Rooms of a hospital called suites or units: "endoscopy suite #4", "infusion unit 2".
_HOSPITAL_SUITE = (
    r"(?i:endoscopy|operating|procedure|recovery|infusion|surgical|surgery|treatment|dialysis|radiology|imaging|"
    r"care|intensive|oncology|transplant|burn|stroke|cardiac|coronary|neonatal|maternity|day)"
)
# Hyphenated names too, their street word capitalised: "Maurizio-Bohnbach-Weg 6078", "Melanie-Rudolph-Gasse 654".
_CAP_SUFFIXED = rf"[{UPPER}][{LETTER}]*(?:-[{LETTER}]+)*?-?(?i:{_EU_STREET_SUFFIX})"
# A house number, with its letter or its flat: "5b", "54/63", "6a/8", "9-4".
_HOUSE_NUMBER = r"\d{1,5}[A-Za-z]?(?:[/-]\d{1,4}[A-Za-z]?)?"
# The number of a house on its street, with its sign: "Calle Alvear N° 435", "Avenida de Neto, S/N" (no number).
_HOUSE_NUMBER_OF_STREET = rf"(?:(?:(?i:no|nr|n[°º]|núm|nro)\.?[ \t]*)?{_HOUSE_NUMBER}|S/N|s/n)"
# The flat or floor after a Spanish, Portuguese or Italian street's number: "Calle 7 N° 197 Piso 8 Dto. 4",
# "Circuito de Jesús 762 Interior 452", "Rotonda Toldo, 41 Piano 0".
_IBERIAN_UNIT = (
    r"(?:,?[ \t]+(?i:interior|int\.|local|piso|puerta|escalera|dto\.?|depto\.?|torre|apto\.?|bloco|lote|andar|sala|"
    r"piano|appartamento|interno|scala)[ \t]*\d{1,4}[A-Za-z]?"
    r"(?!\w)){0,3}"
)
# A building number written before the street's own number: "3482 Via Franscini 71" (Swiss, Nordic forms).
_LEADING_NUMBER = r"(?:\d{1,6}[ \t]+)?"
# One street of a crossing: "159 Eleftheriou Venizelou str", "Kuusiku 7", "Nieuwe Baan 473 St.", "Main Street".
_CROSSING_STREET = (
    rf"(?:\d{{1,6}}[ \t]+)?{_CAP}(?:[ \t]+(?:{_CAP}|{_FR_PARTICLE}|(?i:str|st|rd|ave)\.?|\d{{1,5}}[A-Za-z]?\.?)){{0,4}}"
    rf"(?:[ \t]+{_EN_STREET})?"
)
_FR_CROSSING_STREET = rf"{_FR_STREET}[ \t]+{_FR_NAME}"
# A street named without a number after a preposition, when its type is written out: "shows on Berg Hills
# Street", "lives off Harley Street". Only the full, capitalised words: "on Memory Lane" is rare in notes, "in
# Supreme Court" or "at Palm Drive" too ambiguous.
_EN_STREET_WORD_WRITTEN_OUT = r"(?:Street|Avenue|Road|Boulevard|Lane)(?![\w-])"


class AddressRecognizer(PhiPatternRecognizer):
    ENTITY: ClassVar[str] = STREET_ADDRESS
    FLAGS: ClassVar[int] = re.DOTALL | re.MULTILINE | re.UNICODE
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "en_street",
            rf"(?<![\w/])\d{{1,6}}[A-Za-z]?(?:/\d{{1,4}})?,?[ \t]+(?:(?i:[NSEW]|north|south|east|west)\.?[ \t]+)?"
            rf"(?:(?:{_CAP}|\d{{1,3}}(?i:st|nd|rd|th))[ \t]+){{1,4}}"
            rf"{_EN_STREET}{_EN_UNIT}{_US_TOWN}",
            0.8,
        ),
        Pattern("fr_street", rf"(?<![\w,.]){_FR_NUMBER}[ \t]+{_FR_STREET}[ \t]+{_FR_NAME}{_FR_TOWN}", 0.75),
        # Without a number the street word itself must be capitalised: "Place de la République".
        Pattern(
            "fr_street_without_number",
            rf"(?<![\w,.])(?:Rue|Avenue|Boulevard|Place|All[ée]e|Chemin|Impasse|Quai|Route|Square|Cours|R[ée]sidence|"
            rf"Lotissement|Hameau|Lieu-dit|Domaine|Cit[ée]|RUE|AVENUE|BOULEVARD|PLACE|ALL[ÉE]E|CHEMIN|IMPASSE|QUAI|"
            rf"ROUTE|SQUARE|R[ÉE]SIDENCE|LOTISSEMENT|HAMEAU|LIEU-DIT)[ \t]+{_FR_NAME}{_FR_TOWN}",
            0.55,
        ),
        # Romanian streets are often written without their number: "it is Bulevardul Tudor", "on Intrarea Dochioiu".
        Pattern(
            "ro_street_without_number",
            rf"(?<![\w,.])(?:Bulevardul|Intrarea|Strada|Calea|Aleea|[SȘŞ]oseaua|Drumul|Splaiul|Pia[țţt]a)[ \t]+"
            rf"{_CAP}(?:[ \t]+{_CAP}){{0,3}}",
            0.55,
        ),
        # The most common street words in lower case need a capitalised name: "domicilié rue Victor Hugo",
        # "impasse des Lilas", "chemin de Mathieu"; "impasse thérapeutique", "chemin clinique" stay.
        Pattern(
            "fr_lower_street_without_number",
            rf"(?<![\w,.])(?:rue|avenue|boulevard|impasse|all[ée]e|quai|chemin|route|(?i:lieu[- ]dit))[ \t]+{_FR_NAME}{_FR_TOWN}",
            0.55,
        ),
        # Without a number, a lower-case street counts only when a postcode follows: "chemin fournier, 04110 pages".
        Pattern(
            "fr_street_without_number_then_postcode",
            rf"(?<![\w,.])(?i:rue|avenue|boulevard|impasse|all[ée]e|quai|chemin|route){_FR_LOWER_NAME_THEN_POSTCODE}{_FR_TOWN}",
            0.6,
        ),
        Pattern(
            "fr_street_lowercase_then_postcode",
            rf"(?<![\w,.]){_FR_NUMBER}[ \t]+{_FR_STREET}{_FR_LOWER_NAME_THEN_POSTCODE}{_FR_TOWN}",
            0.8,
        ),
        # A street line typed in lower case ("770 26 rue des lieutemants thomazo" then a new line): a number and an
        # unambiguous street word, the name up to the end of the line or to "à" and a town ("à Lyon"). Not "cours" or "voie" ("3 cours de FOLFOX",
        # "2 voie veineuse").
        Pattern(
            "fr_street_line_any_case",
            rf"(?<![\w,.]){_FR_NUMBER}[ \t]+(?i:rue|avenue|boulevard|bd|impasse|all[ée]e|chemin|quai|route)"
            rf"(?:[ \t]+{_FR_ANY_CASE_NAME_WORD}){{1,5}}"
            rf"(?=[ \t]*(?:\n|$)|[ \t]+(?i:st\.|street\b)|[ \t]+à[ \t]+[{UPPER}])",
            0.6,
        ),
        # The same in running text: the name runs to the first word that carries on the sentence ("au 513, chemin de
        # potier pour le 23.12", "résidant au 114, rue auguste reynaud, a été") or to punctuation.
        Pattern(
            "fr_street_any_case_in_sentence",
            rf"(?<![\w,.]){_FR_NUMBER}[ \t]+(?i:rue|avenue|boulevard|bd|impasse|all[ée]e|chemin|quai)"
            rf"(?:[ \t]+(?!{_ENGLISH_STREET_AFTER}){_FR_ANY_CASE_NAME_WORD}){{1,5}}",
            0.55,
        ),
        # Without a number, in any case, after a word that announces where someone lives: "domicilié rue de brunet,",
        # "résidant au rue de mahe".
        Pattern(
            "fr_announced_street_any_case",
            rf"(?<=(?<!\w)(?i:domicili[ée]e?|r[ée]sidente?|r[ée]sidant|demeurant|habite|habitant|adresse[ \t]*:)"
            rf"(?:[ \t]+(?i:au|à|en))?[ \t]+)(?i:rue|avenue|boulevard|bd|impasse|all[ée]e|chemin|quai)"
            rf"(?:[ \t]+{_FR_ANY_CASE_NAME_WORD}){{1,5}}",
            0.55,
        ),
        Pattern(
            "postcode_town",
            rf"(?<![\w.,])(?:F-)?\d{{5}}[ \t]+(?:[{UPPER}][{LOWER}'’-]+|[{UPPER}]{{4,}})"
            rf"(?:[ \t-]+(?:{_FR_PARTICLE}|{_CAP})(?![{LETTER}]))*"
            rf"(?:[ \t]+(?i:cedex)(?:[ \t]+\d{{1,2}})?)?",
            0.5,
        ),
        # Australia's last line, state then a four-digit postcode: "Jonesport, SA, 2645", "Sydney NSW 2000".
        Pattern(
            "au_town_state_postcode",
            rf"(?<!\w){_CAP}(?:[ \t]+{_CAP}){{0,2}},?[ \t]+(?:NSW|VIC|QLD|SA|WA|TAS|NT|ACT),?[ \t]+\d{{4}}(?!\w)",
            0.6,
        ),
        Pattern(
            "us_town_state_zip",
            rf"(?<!\w){_CAP}(?:[ \t]+{_CAP}){{0,2}},[ \t]+[A-Z]{{2}}[ \t]+\d{{5}}(?:-\d{{4}})?(?!\w)",
            0.7,
        ),
        Pattern(
            "eu_street_number",
            rf"(?<!\w){_LEADING_NUMBER}(?!{_NOT_A_STREET}[ \t]){_CAP_SUFFIXED}[ \t]+{_HOUSE_NUMBER}(?!\w)",
            0.6,
        ),
        Pattern(
            "eu_name_then_street_word_number",
            rf"(?<!\w){_LEADING_NUMBER}{_CAP}(?:[ \t]+{_WORD}){{0,2}}[ \t]+{_EU_STREET_WORD_AFTER}[ \t]+"
            rf"\d{{1,5}}[A-Za-z]?\.?(?!\w)",
            0.6,
        ),
        Pattern(
            "street_word_then_number",
            rf"(?<!\w){_LEADING_NUMBER}(?i:rue|via|viale|calle|c/|avenida|av\.|rua|ul\.|ulica|piazza|plaza|pra[çc]a|"
            rf"largo|travessa|corso|chauss[ée]e|avenue|strada|carrer|paseo|camino|aleja|(?<!et[ \t])al\.|plac|pl\.|trg|"
            rf"contrada|incrocio|vicolo|borgo|piazzale|passarela|jalan|jl\.|gang|gg\.|bulevardul|drumul|[sș]oseaua|"
            rf"intrarea|calea|aleea|splaiul|pia[țt]a|lagoa|col[ôo]nia|jardim|parque|esta[çc][ãa]o|canale|stretto|"
            rf"rodovia|ladeira|alameda|vila|feira|vale|pasaje|glorieta|urbanizaci[óo]n|esplanada|vial|ronda|cesta|"
            rf"traves[íi]a|callej[óo]n|cuesta|rambla|avinguda|h\.[ \t]?no\.|blvd?\.|circuito|andador|"
            rf"retorno|privada|cerrada|prolongaci[óo]n|ampliaci[óo]n|continuaci[óo]n|estrada|viela|residencial|"
            rf"recanto|fazenda|s[íi]tio|ca[ñn]ada|quadra|pasadizo|acceso|peatonal|rotonda|condom[íi]nio|"
            rf"ch[áa]cara|distrito|"
            # English words too, hence capitalised and before a name or a number: "Diagonal Paraná N° 574", not
            # "a diagonal incision of 5 cm".
            rf"(?-i:Av|Pot|C\.(?=[ \t]+del?[ \t])|(?:Diagonal|P[áa]tio)(?=[ \t]+[{UPPER}\d])))[ \t]+"
            rf"(?:(?:{_WORD}|(?:[{UPPER}]\.){{1,3}})\.?[ \t]+){{0,3}}(?:{_WORD}|\d{{1,3}}(?=[ \t]+(?i:n[°º])))"
            rf",?[ \t]+{_HOUSE_NUMBER_OF_STREET}(?!\w){_IBERIAN_UNIT}",
            0.6,
        ),
        # Portugal's "R." for "Rua", with the comma before the number that Portuguese addresses write: "R. Macedo,
        # 77". The comma keeps out an initial before a name.
        Pattern(
            "pt_abbreviated_rua",
            rf"(?<![\w.])R\.[ \t]+(?:(?:d[aeo]s?)[ \t]+)?{_CAP}(?:[ \t]+{_WORD}){{0,3}},[ \t]*(?:\d{{1,5}}[A-Za-z]?|S/N)(?!\w)",
            0.55,
        ),
        # "Tylova 285\n Suite 578", "Pagari 18 Suite 932": a name and number right before a unit is a street.
        Pattern(
            "street_then_unit",
            rf"(?<![\w,.]){_LEADING_NUMBER}(?!{_HOSPITAL_PLACE}(?!\w)){_CAP}(?:[ \t]+{_WORD}){{0,2}}[ \t]+\d{{1,5}}[A-Za-z]?\.?"
            rf"(?=[ \t]*,?(?:[ \t]*\n[ \t>*•?-]*|[ \t]+)(?i:apt|apartment|suite|ste)\.?[ \t]*#?[ \t]*\d)",
            0.6,
        ),
        # India's house numbers before the street: "H.No. 53, Prakash Zila".
        Pattern(
            "house_number_label_then_street",
            rf"(?<!\w)H\.?[ \t]?No\.?[ \t]*\d{{1,5}}[A-Za-z]?(?:/\d{{1,4}})?,?[ \t]+{_CAP}(?:[ \t]+{_CAP}){{0,3}}",
            0.6,
        ),
        # British flats and studios as their own line or after a street: "Flat 89d", "Studio 91f".
        Pattern("uk_flat", r"(?<![\w])(?:Flat|Studio)[ \t]+\d{1,4}[A-Za-z]?(?![\w])", 0.5),
        # Address-block lines: "Apt. 316", "Suite 828", military "PSC 5217, Box 4854" / "APO AE 44085".
        Pattern(
            "unit_line",
            rf"(?<![\w])(?<!{_HOSPITAL_SUITE}[ \t]+)(?i:apt|apartment|suite|ste|unit)\.?[ \t]*#?[ \t]*\d{{1,5}}[A-Za-z]?(?![\w])",
            0.5,
        ),
        Pattern(
            "military_address",
            r"(?<![\w])(?i:psc|unit|uscgc|uss)[ \t]+\w+,?[ \t]+(?i:box)[ \t]+\d{1,5}|(?<![\w])(?i:apo|fpo|dpo)[ \t]+(?i:aa|ae|ap)[ \t]+\d{5}(?![\w])",
            0.6,
        ),
        # "lives at 172 Maneeži 75", "habite au 4 Grand-Rue": a street of any form after a verb or label
        # that announces an address; a number is required on one side of the name. Not "moved to": "moved to
        # Colorado 37 years ago".
        Pattern(
            "announced_street",
            rf"(?=[\d{UPPER}])(?<=(?<!\w)(?i:(?:lives|living|resides|residing)[ \t]+(?:at|on)|"
            rf"address(?:[ \t]+is)?[ \t]*:?|domicili[ée]e?[ \t]+(?:au|à)|habite[ \t]+(?:au|à)|demeurant[ \t]+(?:au|à))[ \t]+)"
            rf"(?:\d{{1,6}}[ \t]+{_CAP}(?:[ \t]+{_WORD}){{0,3}}(?:[ \t]+\d{{1,5}}[A-Za-z]?)?"
            rf"|{_CAP}(?:[ \t]+{_CAP}){{0,3}}[ \t]+\d{{1,5}}[A-Za-z]?)(?!\w)",
            0.6,
        ),
        # "ZIP: 8592", "my zip code is 35350", "code postal : 69003": a postcode after its label, of any country's
        # shape: "69237-861" and "69237861" (Brazil), "B4H6S4" (Canada), "X38 3N9H" (Ireland), "H-6579" (a
        # country letter). Not "CP": in French prescriptions it means a tablet ("1 cp 2 fois par jour").
        Pattern(
            "labelled_postcode",
            rf"(?=[A-Z0-9-]*\d)(?<=(?<!\w){POSTCODE_LABEL}"
            r"(?:\s+is)?[ \t]*[:=]?[ \t]*)(?:(?:[A-Z]{1,2}-)?[A-Z0-9]{3,8}(?:[ -][A-Z0-9]{2,4})?|\d{2}-\d{3})(?![\w-])",
            0.7,
        ),
        # Crossings: "the corner of 159 Eleftheriou Venizelou str and Rennie Union", "à l'angle de la rue Victor
        # Hugo et de la rue Pasteur". The street after "of" must be capitalised or numbered: "the corner of the
        # mouth" is anatomy.
        Pattern(
            "street_crossing",
            rf"(?=[\d{UPPER}])(?<=(?<!\w)(?i:corner|intersection|junction|crossroads?)[ \t]+of[ \t]+(?:the[ \t]+)?)"
            rf"{_CROSSING_STREET}[ \t]+(?i:and|&)[ \t]+{_CROSSING_STREET}(?![\w-])",
            0.65,
        ),
        Pattern(
            "fr_street_crossing",
            rf"(?<=(?<!\w)(?i:angle|coin|croisement|intersection)[ \t]+(?i:de[ \t]+la|du|des|de[ \t]+l['’])[ \t]*)"
            rf"{_FR_CROSSING_STREET}[ \t]+(?i:et)[ \t]+(?:(?i:de[ \t]+la|du|des|de[ \t]+l['’])[ \t]*)?{_FR_CROSSING_STREET}",
            0.65,
        ),
        Pattern(
            "named_street_after_preposition",
            rf"(?=[{UPPER}])(?<=(?<!\w)(?i:on|in|off|along|near|from|into|onto)[ \t]+){_CAP}(?:[ \t]+{_CAP}){{0,2}}[ \t]+"
            rf"{_EN_STREET_WORD_WRITTEN_OUT}",
            0.55,
        ),
        # Postcodes written with a space ("08 333 RUIAN") or of Corsica ("2B 065 CHATENOIS-LES-FORGES") before
        # the town, after a comma or at the start of a line, as in the last line of a French address.
        Pattern(
            "fr_spaced_postcode_town",
            rf"(?<=(?:^|,)[ \t]*)(?:\d{{2}}|2[AB])[ ]?\d{{3}}[ \t]+(?:[{UPPER}][{LOWER}'’-]+|[{UPPER}]{{4,}})"
            rf"(?:[ \t-]+(?:{_FR_PARTICLE}|{_CAP})(?![{LETTER}]))*(?:[ \t]+(?i:cedex)(?:[ \t]+\d{{1,2}})?)?",
            0.5,
        ),
        # British postcodes: "London SW3 4NT", "Reading RG1 5AB". The letters each part may hold (none of CIKMOV
        # in the inward code) and the space keep out staging and lab codes ("CD45RA").
        Pattern(
            "uk_postcode",
            r"(?<![\w-])(?:[A-PR-UWYZ][A-HK-Y]?\d[A-HJKPSTUW\d]?)[ \t]\d[ABD-HJLNP-UW-Z]{2}(?![\w-])",
            0.6,
        ),
        # Not "BP 140/91": blood pressure.
        Pattern("po_box", r"(?<!\w)(?i:p\.?\s?o\.?\s?box|bo[iî]te\s+postale|bp)[ \t]+\d{1,6}(?![\w/])", 0.6),
    ]
    CONTEXT: ClassVar[list[str]] = [
        "address", "adresse", "domicile", "domicilié", "domiciliée", "habite", "résidant", "résidante", "demeurant",
        "lives", "living", "resides", "street", "rue", "avenue", "ville", "city", "town",
    ]  # fmt: skip
