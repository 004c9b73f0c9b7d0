"""Table-driven tests of each pattern recognizer on its own (no spaCy model needed)."""

from __future__ import annotations

from typing import Any

import pytest

from guardrails.phi.recognizers.acting_name_recognizer import ActingNameRecognizer
from guardrails.phi.recognizers.address_recognizer import AddressRecognizer
from guardrails.phi.recognizers.administrative_noun_name_recognizer import AdministrativeNounNameRecognizer
from guardrails.phi.recognizers.age_recognizer import AgeRecognizer
from guardrails.phi.recognizers.author_initial_name_recognizer import AuthorInitialNameRecognizer
from guardrails.phi.recognizers.calendar_date_recognizer import CalendarDateRecognizer
from guardrails.phi.recognizers.demographic_name_recognizer import DemographicNameRecognizer
from guardrails.phi.recognizers.email_address_recognizer import EmailAddressRecognizer
from guardrails.phi.recognizers.first_name_recognizer import FirstNameRecognizer
from guardrails.phi.recognizers.fr_ins_recognizer import FrInsRecognizer
from guardrails.phi.recognizers.initialled_name_recognizer import InitialledNameRecognizer
from guardrails.phi.recognizers.known_surname_recognizer import KnownSurnameRecognizer
from guardrails.phi.recognizers.labelled_name_recognizer import LabelledNameRecognizer
from guardrails.phi.recognizers.location_recognizer import LocationRecognizer
from guardrails.phi.recognizers.lone_line_name_recognizer import LoneLineNameRecognizer
from guardrails.phi.recognizers.lower_family_name_recognizer import LowerFamilyNameRecognizer
from guardrails.phi.recognizers.lower_given_name_recognizer import LowerGivenNameRecognizer
from guardrails.phi.recognizers.medical_record_recognizer import MedicalRecordRecognizer
from guardrails.phi.recognizers.name_shaped_word_recognizer import NameShapedWordRecognizer
from guardrails.phi.recognizers.numbered_street_recognizer import NumberedStreetRecognizer
from guardrails.phi.recognizers.payment_card_recognizer import PaymentCardRecognizer
from guardrails.phi.recognizers.phi_pattern_recognizer import PhiPatternRecognizer
from guardrails.phi.recognizers.phone_number_recognizer import PhoneNumberRecognizer
from guardrails.phi.recognizers.possessive_relative_name_recognizer import PossessiveRelativeNameRecognizer
from guardrails.phi.recognizers.relative_name_recognizer import RelativeNameRecognizer
from guardrails.phi.recognizers.speaker_label_name_recognizer import SpeakerLabelNameRecognizer
from guardrails.phi.recognizers.titled_name_recognizer import TitledNameRecognizer
from guardrails.phi.recognizers.town_postcode_recognizer import TownPostcodeRecognizer
from guardrails.phi.recognizers.unknown_word_pair_name_recognizer import UnknownWordPairNameRecognizer
from guardrails.phi.recognizers.us_social_security_recognizer import UsSocialSecurityRecognizer
from guardrails.phi.recognizers.web_address_recognizer import WebAddressRecognizer

pytestmark = pytest.mark.unit

THRESHOLD = 0.4  # the scrubber's score threshold; weak patterns below it need context words


def found(recognizer: type[PhiPatternRecognizer], text: str, language: str = "en") -> list[str]:
    rec = recognizer(language)
    results = rec.analyze(text, entities=[rec.ENTITY])
    return sorted({text[r.start : r.end] for r in results if r.score >= THRESHOLD}, key=text.find)


CASES = [
    # medical record numbers and hospital identifiers
    (MedicalRecordRecognizer, "MRN: 00482913", ["00482913"]),
    (MedicalRecordRecognizer, "IPP 8001234567, NDA : 2024-000123", ["8001234567", "2024-000123"]),
    (MedicalRecordRecognizer, "N° de séjour 2026-000731.", ["2026-000731"]),
    (MedicalRecordRecognizer, "accession number S26-004417", ["S26-004417"]),
    (MedicalRecordRecognizer, "compte rendu n° 26H004417", ["26H004417"]),
    (MedicalRecordRecognizer, "then 4200123456 on the sheet", ["4200123456"]),
    (MedicalRecordRecognizer, "5-FU 2400 mg/m2 over 46 h, 8 cycles", []),
    # a postcode after its label is an address's, of any length (Brazil's CEP has eight digits)
    (MedicalRecordRecognizer, "my zip code is 69237861", []),
    (MedicalRecordRecognizer, "CEP: 69237861", []),
    (MedicalRecordRecognizer, "platelets 250000/mm3, 10000000 cells", []),
    (MedicalRecordRecognizer, "call 0612345678", []),  # a French mobile is the phone recognizer's
    # labelled payment, licence and IBAN numbers that fail Presidio's checksums
    (MedicalRecordRecognizer, "my driver's license number is 2270-66-1551", ["2270-66-1551"]),
    (MedicalRecordRecognizer, "My driver's license number is F162823540116", ["F162823540116"]),
    (MedicalRecordRecognizer, "card number 2395286334599325 is lost", ["2395286334599325"]),
    (MedicalRecordRecognizer, "my iban is gb42nawi04454264788619", ["gb42nawi04454264788619"]),
    (MedicalRecordRecognizer, "the address linked to my card to 9858 92 Hounslow Rd", []),
    (MedicalRecordRecognizer, "discard 3 tablets, cardiac index 2.5, card 2 of 6", []),
    (MedicalRecordRecognizer, "Desk: 5403926876", []),  # a labelled phone is the phone recognizer's
    # US SSN
    (UsSocialSecurityRecognizer, "SSN 512-44-8391", ["512-44-8391"]),
    (UsSocialSecurityRecognizer, "area 000-12-3456 and 666-12-3456 and 912-12-3456", []),
    (UsSocialSecurityRecognizer, "group 512-00-8391, serial 512-44-0000", []),
    # payment cards: 13 to 19 digits passing the Luhn check, solid or grouped
    (PaymentCardRecognizer, "credit card. Number is 4152488713445952355", ["4152488713445952355"]),
    (PaymentCardRecognizer, "Card 4111 1111 1111 1111 exp 12/27", ["4111 1111 1111 1111"]),
    (PaymentCardRecognizer, "carte bancaire 5555-5555-5555-4444", ["5555-5555-5555-4444"]),
    (PaymentCardRecognizer, "Amex 3782 822463 10005", ["3782 822463 10005"]),
    (PaymentCardRecognizer, "card 4152488713445952356 (check digit wrong)", []),
    (PaymentCardRecognizer, "Ki-67 30%, 1234.5678.9012, platelets 150000, 12 345 678", []),
    # French INS after its label
    (FrInsRecognizer, "INS 2 71 08 13 055 123 51", ["2 71 08 13 055 123 51"]),
    (FrInsRecognizer, "matricule INS : 271081305512351", ["271081305512351"]),
    (FrInsRecognizer, "INS 2 71 08 13 055 123 52", []),  # bad key
    (FrInsRecognizer, "insuffisance 2 71 08 13 055 123 51", []),
    # phones
    (PhoneNumberRecognizer, "tél. 04 72 11 56 90 ou 06.12.34.56.78", ["04 72 11 56 90", "06.12.34.56.78"]),
    (PhoneNumberRecognizer, "portable +33 6 45 78 12 90", ["+33 6 45 78 12 90"]),
    # a French number after a bracketed area prefix; not counts in brackets
    (PhoneNumberRecognizer, "kaci Burrett (26) 0 32 70 72 62", ["(26) 0 32 70 72 62"]),
    (PhoneNumberRecognizer, "ganglions (12) 3 sur 14", []),
    (PhoneNumberRecognizer, "call (617) 555-0142 or 212.555.0163", ["(617) 555-0142", "212.555.0163"]),
    (PhoneNumberRecognizer, "phone +44 20 7946 0958", ["+44 20 7946 0958"]),
    (PhoneNumberRecognizer, "doses 1.5-2.25 mg and 30-60 min", []),
    (PhoneNumberRecognizer, "14.02.1958", []),  # grouped digits need a phone word around
    # phones of any layout after a label or a calling verb, or before a line label
    (PhoneNumberRecognizer, "Phone:\n467 3395\n\nE-mail:", ["467 3395"]),
    (PhoneNumberRecognizer, "Can someone call me on (64) 3591-3246?", ["(64) 3591-3246"]),
    (PhoneNumberRecognizer, "please call me at 0699 868 88 55 today", ["0699 868 88 55"]),
    (PhoneNumberRecognizer, "Desk: 5403926876", ["5403926876"]),
    (PhoneNumberRecognizer, "joignable au 0 1 - 6 4 - 7 7 - 1 6 - 6 5.", ["0 1 - 6 4 - 7 7 - 1 6 - 6 5"]),
    (PhoneNumberRecognizer, "Appeler le 4567 8910 poste 234", ["4567 8910 poste 234"]),
    (PhoneNumberRecognizer, "416 60 039 office\n3660170548-Fax", ["416 60 039", "3660170548"]),
    (PhoneNumberRecognizer, "He called on 3 occasions; call in 2 weeks; 15 mg", []),
    (PhoneNumberRecognizer, "Seen in office 12-03-2024", []),  # a date, not a phone
    (PhoneNumberRecognizer, "call 123 456", []),  # fewer than 7 digits
    # numbers that messages go to, or that an account has on file
    (PhoneNumberRecognizer, "stop receiving messages to 0699 868 88 55 please", ["0699 868 88 55"]),
    (PhoneNumberRecognizer, "any message on my registered 024 971 50 30. Could", ["024 971 50 30"]),
    (PhoneNumberRecognizer, "my registered 668 5702.", ["668 5702"]),
    (PhoneNumberRecognizer, "SMS au 06 12 34 56 78", ["06 12 34 56 78"]),
    (PhoneNumberRecognizer, "3 messages on 12 occasions; alerts at 120 bpm", []),
    # e-mail and web addresses
    # "@" typed with spaces or spelled out
    (
        EmailAddressRecognizer,
        "jean.dupont @ aphp.fr, j.martin(at)chu-lyon.fr",
        ["jean.dupont @ aphp.fr", "j.martin(at)chu-lyon.fr"],
    ),
    (EmailAddressRecognizer, "5 mg @ 8h; dose @ 2 mg/kg; réunion @home", []),
    (EmailAddressRecognizer, "écrire à isabelle.lambert@orange.fr.", ["isabelle.lambert@orange.fr"]),
    (EmailAddressRecognizer, "CA 19-9 @ 86 U/mL", []),
    (WebAddressRecognizer, "see https://portal.example.org/p/123.", ["https://portal.example.org/p/123"]),
    # addresses
    (
        AddressRecognizer,
        "lives at 42 Maple Street, Springfield, IL 62704 now",
        ["42 Maple Street, Springfield, IL 62704"],
    ),
    (AddressRecognizer, "at 2207 Cedar Avenue, Apt 4B today", ["2207 Cedar Avenue, Apt 4B"]),
    (AddressRecognizer, "au 14 rue des Lilas, 69003 Lyon.", ["14 rue des Lilas, 69003 Lyon"]),
    (AddressRecognizer, "5 impasse du Moulin, 13008 Marseille", ["5 impasse du Moulin, 13008 Marseille"]),
    # a particle is a whole word: "Leclerc" is not "Le" and "clerc"
    (
        AddressRecognizer,
        "au 5 rue du Général Leclerc, 59000 Lille",
        ["5 rue du Général Leclerc, 59000 Lille"],
    ),
    (AddressRecognizer, "Mailing address 500 W 120th St, New York", ["500 W 120th St"]),
    # British postcodes, with their space; not CD45RA
    (AddressRecognizer, "77 King's Road, London SW3 4NT", ["77 King's Road", "SW3 4NT"]),
    (AddressRecognizer, "CD45RA T cells, pT2 N1 M0, stage IIB", []),
    # the US Postal Service's street suffixes, not the clinical phrases that end like them
    (AddressRecognizer, "The office is at 574 Bush Villas", ["574 Bush Villas"]),
    (AddressRecognizer, "placed a 8 Fr Power Port; 1 Heparin Lock; 2 Radiation Field", []),
    # hyphenated street names, flats after a slash; Romanian, Portuguese and Polish street words
    (AddressRecognizer, "north side of Hanna-Höfer-Weg 6/9.", ["Hanna-Höfer-Weg 6/9"]),
    (AddressRecognizer, "Strada Aanei Nr. 824 Bl. 74", ["Strada Aanei Nr. 824"]),
    (AddressRecognizer, "The bus station is on Intrarea Dochioiu", ["Intrarea Dochioiu"]),
    (AddressRecognizer, "Résidence Victor Hugo, bât. C", ["Résidence Victor Hugo"]),
    (
        AddressRecognizer,
        "Karin M. Beike\nH.No. 53, Prakash Zila\nFlat 89d",
        ["H.No. 53, Prakash Zila", "Flat 89d"],
    ),
    (AddressRecognizer, "send it to Gg. Moch. Ramdan No. 833?", ["Gg. Moch. Ramdan No. 833"]),
    (AddressRecognizer, "a flat affect; Flat lesions 2 cm", []),
    (
        AddressRecognizer,
        "stacey ESTEVE AVENUE PAULINE LEGROS; chemin de Mathieu",
        ["AVENUE PAULINE LEGROS", "chemin de Mathieu"],
    ),
    (AddressRecognizer, "le chemin clinique; la route thérapeutique", []),
    (
        AddressRecognizer,
        "north side of Novakova pot 33; Stratford Allé 625",
        ["Novakova pot 33", "Stratford Allé 625"],
    ),
    (
        AddressRecognizer,
        "Urbanización Felix Porta 102; Eidebakken 47",
        ["Urbanización Felix Porta 102", "Eidebakken 47"],
    ),
    (AddressRecognizer, "his address: Lagoa de Viana, 79, Toronto", ["Lagoa de Viana, 79"]),
    (
        AddressRecognizer,
        "arrived at aleja Mieszka I 751 last night; Smith et al. Lancet 2005",
        ["aleja Mieszka I 751"],
    ),
    (AddressRecognizer, "au 12, avenue alice laine, 03883 baron.", ["12, avenue alice laine, 03883 baron"]),
    (
        AddressRecognizer,
        "au 8 place de la République, 75011 Paris",
        ["8 place de la République, 75011 Paris"],
    ),
    (AddressRecognizer, "Demande en cours de traitement, mise en place d'une aide", []),
    (AddressRecognizer, "100000 UI de vitamine D", []),
    # European street forms, a building number before the street's own, streets announced by a verb or label
    (AddressRecognizer, "3482 Via Franscini 71 Suite 838", ["3482 Via Franscini 71", "Suite 838"]),
    (AddressRecognizer, "233 Erzsébet tér 19.\n", ["233 Erzsébet tér 19."]),
    (AddressRecognizer, "808 Kálmán Imre u. 12.", ["808 Kálmán Imre u. 12."]),
    (AddressRecognizer, "0104 Hafnarstraeti 5", ["0104 Hafnarstraeti 5"]),
    (AddressRecognizer, "4596 Tylova 285\n Suite 578", ["4596 Tylova 285", "Suite 578"]),
    (AddressRecognizer, "Tosh lives at 172 Maneeži 75, Saareküla", ["172 Maneeži 75"]),
    (AddressRecognizer, "ZIP: 7412 SL; my zip code is 35350", ["7412 SL", "35350"]),
    (AddressRecognizer, "During 2017 and Spring 2020, Measuring 1 cm", []),
    (AddressRecognizer, "Kaiserring 5 and Opernring 2", ["Kaiserring 5", "Opernring 2"]),
    (AddressRecognizer, "Hauptstraße 5, Villacher Strasse 89", ["Hauptstraße 5", "Villacher Strasse 89"]),
    (AddressRecognizer, "She moved to Colorado 37 years ago", []),
    (AddressRecognizer, "Room 12 Suite 3; Cycle 3 Day 15; Grade U. 12", ["Suite 3"]),
    (AddressRecognizer, "1 cp 2 fois par jour, He lives at home with 2 children", []),
    # crossings, streets named without a number, "Str.", French spaced and Corsican postcodes
    (
        AddressRecognizer,
        "stop at the corner of Nieuwe Baan 473 St. and Inna Loop St.",
        ["Nieuwe Baan 473 St. and Inna Loop St."],
    ),
    (AddressRecognizer, "to the corner of Kuusiku 7 and Alexander Flat? I", ["Kuusiku 7 and Alexander Flat"]),
    (
        AddressRecognizer,
        "à l'angle de la rue Victor Hugo et de la rue Pasteur",
        ["rue Victor Hugo et de la rue Pasteur"],
    ),
    (AddressRecognizer, "pain at the corner of the mouth and the eye", []),
    (AddressRecognizer, "early shows on Berg Hills Street were", ["Berg Hills Street"]),
    (AddressRecognizer, "the Road to Recovery; in Supreme Court", []),
    (AddressRecognizer, "lives at 136 Filadelfeos Str., Klirou", ["136 Filadelfeos Str."]),
    (AddressRecognizer, "80739 hoareau, 2B 065 CHATENOIS-LES-FORGES", ["2B 065 CHATENOIS-LES-FORGES"]),
    (AddressRecognizer, "Boutin-Sur-Mer, 08 333 RUIAN", ["08 333 RUIAN"]),
    (AddressRecognizer, "plaquettes 150 000, 12 500 UI", []),
    (AddressRecognizer, "BP 140/91; brought to endoscopy suite #4", []),  # blood pressure, a hospital room
    (AddressRecognizer, "drops you off at 70248 31 Rue tachkent St.", ["31 Rue tachkent"]),
    # street words of Australia and Britain; "drive", "close" and "reserve" are not added ("Ovarian Reserve")
    (AddressRecognizer, "The clinic moved to 03 Ross Garden last year.", ["03 Ross Garden"]),
    (AddressRecognizer, "7037 Matthews Keys\n", ["7037 Matthews Keys"]),
    (AddressRecognizer, "lives at 58 Waitere Approach", ["58 Waitere Approach"]),
    (AddressRecognizer, "poor 2 Ovarian Reserve; Figure 2 ROC Curve; 3 Kinase Pathway; 5 Year Outlook", []),
    (AddressRecognizer, "a diagonal incision of 5 cm; Diagonal incision of 5 cm", []),
    # the number sign and "no number" of Spanish and Portuguese streets, the flat after the number
    (AddressRecognizer, "send it to Calle La Plata N° 624.", ["Calle La Plata N° 624"]),
    (AddressRecognizer, "moved to Diagonal 7 N° 7320 last year", ["Diagonal 7 N° 7320"]),
    (AddressRecognizer, "Diagonal J.J. Castelli N° 802", ["Diagonal J.J. Castelli N° 802"]),
    (AddressRecognizer, "Avenida de Neto, S/N", ["Avenida de Neto, S/N"]),
    (AddressRecognizer, "Circuito de Jesús 762 Interior 452", ["Circuito de Jesús 762 Interior 452"]),
    (AddressRecognizer, "Estrada de Teixeira, 689", ["Estrada de Teixeira, 689"]),
    (AddressRecognizer, "Av Lima, 411", ["Av Lima, 411"]),
    # Portugal's "R." needs the comma before the number: an initial does not
    (AddressRecognizer, "R. Macedo, 77", ["R. Macedo, 77"]),
    (AddressRecognizer, "R. Macedo 77 patients", []),
    # street words after the name, of Finland, Croatia, Slovenia
    (AddressRecognizer, "Gustav Pauligin polku 33", ["Gustav Pauligin polku 33"]),
    (AddressRecognizer, "to Šestinski vijenac 993.", ["Šestinski vijenac 993."]),
    (AddressRecognizer, "Please put 2 tablets", []),
    # Australia's last line
    (
        AddressRecognizer,
        "8/544 Porter Piazza\nJonesport, SA, 2645",
        ["8/544 Porter Piazza", "Jonesport, SA, 2645"],
    ),
    # labelled postcodes of any country's shape
    (AddressRecognizer, "my zip code is 69237861", ["69237861"]),
    (AddressRecognizer, "My zip code is B4H6S4", ["B4H6S4"]),
    (AddressRecognizer, "my zip code is H-6579", ["H-6579"]),
    (AddressRecognizer, "My zip code is 34-178", ["34-178"]),
    # French streets typed in lower case: the name ends where the sentence goes on, or at a postcode
    (
        AddressRecognizer,
        "Visiter l'appartement au 513, chemin de potier pour le 23.12",
        ["513, chemin de potier"],
    ),
    (AddressRecognizer, "au 5, rue de la paix pour le 3", ["5, rue de la paix"]),
    (AddressRecognizer, "Vu au 3 rue des lilas et en consultation", ["3 rue des lilas"]),
    (AddressRecognizer, "Patient domicilié rue de brunet, suivi en HDJ.", ["rue de brunet"]),
    (AddressRecognizer, "chemin fournier, 04110 pages", ["chemin fournier, 04110 pages"]),
    (AddressRecognizer, "mise en place d'une aide, chemin clinique à revoir", []),
    (
        AddressRecognizer,
        ">26 rue des lieutemants thomazo\n>Apt. 735",
        ["26 rue des lieutemants thomazo", "Apt. 735"],
    ),
    (AddressRecognizer, "6 cours de folfox\n2 voie veineuse\n", []),
    # dates
    (CalendarDateRecognizer, "vue le 3 février 2026 et le 1er mars", ["3 février 2026", "1er mars"]),
    (CalendarDateRecognizer, "née le 14/02/1958", ["14/02/1958"]),
    (CalendarDateRecognizer, "on July 4, 1949 and 2026-01-21", ["July 4, 1949", "2026-01-21"]),
    (CalendarDateRecognizer, "MAR 24 MAI 2061, Jeu, 17 Avr 2098", ["MAR 24 MAI 2061", "Jeu, 17 Avr 2098"]),
    (CalendarDateRecognizer, "depuis juin 2024", ["juin 2024"]),
    (CalendarDateRecognizer, "le 9-2-78 puis 15.2.35", ["9-2-78", "15.2.35"]),
    (CalendarDateRecognizer, "en date du 0 6 0 1 1 9 7 1", ["0 6 0 1 1 9 7 1"]),
    (CalendarDateRecognizer, "diagnosed in 2019; 3/6 nodes; grade 3 may recur; sept 2 ganglions", []),
    (CalendarDateRecognizer, "Gleason 4+3, ratio 1.5-2.25", []),
    (CalendarDateRecognizer, "32/14/2020", []),
    (
        CalendarDateRecognizer,
        "sortie : 2 1 - 0 9 - 2 0 8 8 , pour le 2 2 / 2 / 2 0 6 6",
        ["2 1 - 0 9 - 2 0 8 8", "2 2 / 2 / 2 0 6 6"],
    ),
    (CalendarDateRecognizer, "dose 1 - 2 - 3 4 cp; TA 12 / 8 / 2 0", []),
    # ages over 89 only
    (AgeRecognizer, "a 91-year-old woman; aged 95; âgée de 93 ans; 90 ans", ["91", "95", "93", "90"]),
    (AgeRecognizer, "a 65-year-old man, 89 ans", []),
    # names after titles
    (TitledNameRecognizer, "Dr Hodgkin saw Mr. John Smith", ["Hodgkin", "John Smith"]),
    # a particle opens the family name after a title; not on its own
    (TitledNameRecognizer, "Avis Dr De Sousa: curatelle; vu par le Dr Le Gall", ["De Sousa", "Le Gall"]),
    (TitledNameRecognizer, "Mme Le a dit; Dr De la", []),
    (TitledNameRecognizer, "Mme DUPONT Claire et Pr J. Martin", ["DUPONT Claire", "J. Martin"]),
    (TitledNameRecognizer, "Docteur Jean de La Fontaine", ["Jean de La Fontaine"]),
    (TitledNameRecognizer, "M. naylan, Mme krajewski patrice", ["naylan", "krajewski patrice"]),
    (TitledNameRecognizer, "Mme est venue ; Monsieur présente une toux", []),
    (TitledNameRecognizer, "traitement par R-CODOX-M. Prophylaxie", []),
    (TitledNameRecognizer, "join accounts with ms. Quinzia", ["Quinzia"]),
    (TitledNameRecognizer, "QRS 120 ms. Hodgkin lymphoma", []),  # a duration, not a title
    # relatives
    (
        RelativeNameRecognizer,
        "his wife Mary called; her daughter, Claire Martin, too",
        ["Mary", "Claire Martin"],
    ),
    (RelativeNameRecognizer, "sa fille Claire et son époux Jean", ["Claire", "Jean"]),
    (RelativeNameRecognizer, "sa fille est venue", []),
    # labelled names
    (LabelledNameRecognizer, "Patient : CAVARLE, ANDRE , 41 ans", ["CAVARLE, ANDRE"]),
    (LabelledNameRecognizer, "My name is Rubija", ["Rubija"]),
    (LabelledNameRecognizer, "Nom : non renseigné", []),
    (LabelledNameRecognizer, "Name:    Augusts L Rudzīte\nAddress:", ["Augusts L Rudzīte"]),
    # naming verbs and "name is" in any case, a question form, l'enfant
    (LabelledNameRecognizer, "Sometimes people call me Csanád", ["Csanád"]),
    (
        LabelledNameRecognizer,
        "She named him Luís; he was called Halldór Árnþórsson",
        ["Luís", "Halldór Árnþórsson"],
    ),
    (LabelledNameRecognizer, "her maiden name is nyberg", ["nyberg"]),
    (LabelledNameRecognizer, "What's your last name? Boyle", ["Boyle"]),
    (LabelledNameRecognizer, "Situation de l'enfant ZACH", ["ZACH"]),
    (LabelledNameRecognizer, "the patient's name is not known; a so-called Warburg effect", []),
    # names with a middle initial
    (InitialledNameRecognizer, "directed by Szabina J Gelencsér today", ["Szabina J Gelencsér"]),
    (InitialledNameRecognizer, "the verses from Faina D. Yefremova", ["Faina D. Yefremova"]),
    (InitialledNameRecognizer, "When I Was young, HER2 B Cells", []),
    (InitialledNameRecognizer, "N Engl J Med 358 (25): 2717; Int J Radiat Oncol Biol Phys 61 (2)", []),
    # a name as the subject of a verb only people do
    (ActingNameRecognizer, "Asya spent a year at Allstate", ["Asya"]),
    (
        ActingNameRecognizer,
        "Nikolaj N Møller said so; Durand signale des douleurs",
        ["Nikolaj N Møller", "Durand"],
    ),
    (ActingNameRecognizer, "the Oncotype reported; SEER reported; Patient reports pain", []),
    (ActingNameRecognizer, "Shovda is very reliable. You can always depend on him.", ["Shovda"]),
    (ActingNameRecognizer, "Why is Glyceria so impulsive?", ["Glyceria"]),
    (ActingNameRecognizer, "Maëlys est très gentille.", ["Maëlys"]),
    (ActingNameRecognizer, "Willemine ten Pas will be talking in the conference", ["Willemine ten Pas"]),
    (
        ActingNameRecognizer,
        "The assay is very reliable; the tumour is aggressive; is Herceptin so sensitive",
        [],
    ),
    # a line holding only a name
    (LoneLineNameRecognizer, "AUBRY", ["AUBRY"]),
    (LoneLineNameRecognizer, "Compte rendu :\nGeslin tonino\n", ["Geslin tonino"]),
    (LoneLineNameRecognizer, "> Gyala Antall\n> 3369 24 Clarke Avenue", ["Gyala Antall"]),
    (LoneLineNameRecognizer, "Impression:\n- Comorbidities.\n- Lymphovascular invasion", []),
    (LoneLineNameRecognizer, "Sialoblastoma\n4241 Steinfelden 73\nSAVONLINNA", []),  # a term, an address town
    # given names from the list
    (FirstNameRecognizer, "DUPONT Marie et eliane lubinu", ["DUPONT Marie", "eliane lubinu"]),
    (FirstNameRecognizer, "la claire évolution, une rose", []),
    (FirstNameRecognizer, "Monsieur CARAMAZANA marie-léa , 65 ans", ["CARAMAZANA marie-léa"]),
    (FirstNameRecognizer, "Tiffany, Todd", ["Tiffany", "Todd"]),  # census given names
    (
        FirstNameRecognizer,
        "Does Mr Martin need FOLFOX?",
        ["Martin"],
    ),  # a census name takes no lower-case word
    (FirstNameRecognizer, "Seen with Todd Ivanova today", ["Todd Ivanova"]),
    # a lower-case family name only right after the given name, not after a capitalised one
    (FirstNameRecognizer, "Mme Marie lopez; Marie Dupont revient", ["Marie lopez", "Marie Dupont"]),
    (FirstNameRecognizer, "In June, Will and Grace: polycythemia Vera", []),  # months and words left out
    # family names alone, from the census list
    (KnownSurnameRecognizer, "Usamov and Bowers were engineers; last name? Torres", ["Bowers", "Torres"]),
    (KnownSurnameRecognizer, "Hodgkin lymphoma, Gleason score, Brown adipose, Poland, Street", []),
    (KnownSurnameRecognizer, "bowers, BOWERS", []),  # capitalised only
    # header line with an age or birth date
    (DemographicNameRecognizer, "Pedron, Ekrem, 5 JUIN 1940", ["Pedron, Ekrem"]),
    (DemographicNameRecognizer, "Dupont Jean , 78 ans", ["Dupont Jean"]),
    (DemographicNameRecognizer, "Guillotel, 16 décembre 1968", ["Guillotel"]),
    # towns from the list
    (LocationRecognizer, "scolarisé à PARIS, né à nimes", ["PARIS", "nimes"]),
    # two or three capitalised words (the scrubber then keeps only name-shaped runs)
    (UnknownWordPairNameRecognizer, "Maybe it's under Miklós Hajdu", ["Miklós Hajdu"]),
    (UnknownWordPairNameRecognizer, "Anneke van Bruggen will talk", ["Anneke van Bruggen"]),
    (UnknownWordPairNameRecognizer, "J Clin Oncol 27 (24): 4021; HER2 FOLFOX; Oncotype Dx", []),
    (UnknownWordPairNameRecognizer, "a lone Kowalczyk, and bare ki ras", []),
    # the speaker of a line of dialogue
    (SpeakerLabelNameRecognizer, 'Koppány: "Who are you?"', ["Koppány"]),
    (SpeakerLabelNameRecognizer, "tracy:\"i'm roberto's daughter\".", ["tracy"]),
    (SpeakerLabelNameRecognizer, "Natasha: You saved my life!", ["Natasha"]),
    (SpeakerLabelNameRecognizer, "Abd: Soft, nontender.\nHEENT: normal\nPlan: continue", []),
    (SpeakerLabelNameRecognizer, "Seen today. Maria: I feel tired", []),  # not at the start of a line
    # a name that owns a relative (the scrubber then asks for a non-dictionary word or a known name)
    (
        PossessiveRelativeNameRecognizer,
        "between him and Asya's kid; i'm roberto's daughter",
        ["Asya", "roberto"],
    ),
    (
        PossessiveRelativeNameRecognizer,
        "Maria Lopez's son; I advised Gregory's mother",
        ["Maria Lopez", "Gregory"],
    ),
    (PossessiveRelativeNameRecognizer, "la fille de Marie, le mari d'Ekaterina", ["Marie", "Ekaterina"]),
    (PossessiveRelativeNameRecognizer, "la fille de la voisine; Hodgkin's disease", []),
    (PossessiveRelativeNameRecognizer, "here's Jurkowski's address and Hedda's song", ["Jurkowski", "Hedda"]),
    (PossessiveRelativeNameRecognizer, "Barrett's oesophagus, Kaposi's sarcoma", []),
    # the speaker after a verb of speech
    (ActingNameRecognizer, "I'm so jealous! said Maslin to Antonio", ["Maslin", "Antonio"]),
    (ActingNameRecognizer, "she said Tamoxifen was fine; asked the Oncology team", []),
    # other positions only a person takes
    (
        ActingNameRecognizer,
        "Dupont is a 67-year-old man; Esther is a very sympathetic person",
        ["Dupont", "Esther"],
    ),
    (ActingNameRecognizer, 'moving in that direction," says Wastuti.', ["Wastuti"]),
    (ActingNameRecognizer, 'Laksmiwati shouted at Fainche: "What?"', ["Laksmiwati", "Fainche"]),
    (
        ActingNameRecognizer,
        "Follow up with Antoniu Aanei; rendez-vous avec Kerboul",
        ["Antoniu Aanei", "Kerboul"],
    ),
    (ActingNameRecognizer, "Follow up with MRI in 3 months; the CT is a new scan", []),
    (
        ActingNameRecognizer,
        "This song by ex-Zombie Mocanu; directed by Oosterhout and starring Rozītis",
        ["Mocanu", "Oosterhout", "Rozītis"],
    ),
    (ActingNameRecognizer, "Unlike the Kubo novel; a Mare Lumiste concert", ["Kubo", "Mare Lumiste"]),
    (ActingNameRecognizer, "the Whipple procedure; a Hodgkin lymphoma", []),
    (ActingNameRecognizer, "Nilsson, can I please speak to your boss?", ["Nilsson"]),
    (ActingNameRecognizer, "Ziajka is from Cloudmade; songwriter Ade Rahimah", ["Ziajka", "Ade Rahimah"]),
    (ActingNameRecognizer, "vu par l'infirmière Nadia et le chirurgien Kowalczyk", ["Nadia", "Kowalczyk"]),
    (ActingNameRecognizer, "Overall, survival was longer. Nilsson, the boss.", []),
    # a town then its postcode after a preposition (the scrubber then asks for a non-dictionary word)
    (TownPostcodeRecognizer, "support Allianz in Acquapendente 1021 in its mission", ["Acquapendente 1021"]),
    (
        TownPostcodeRecognizer,
        "in ÖVERTURINGEN 840 24 and in Quinta de São Tiago 3610-114",
        ["ÖVERTURINGEN 840 24", "Quinta de São Tiago 3610-114"],
    ),
    (TownPostcodeRecognizer, "in March 2021, at Keytruda 2400 mg, Results From CALGB 80101", []),
    # a street between two numbers, without a street word
    (NumberedStreetRecognizer, "at Locavore, 641 Dašická 688, Turkovice", ["641 Dašická 688"]),
    (NumberedStreetRecognizer, "4241 Steinfelden 73\nSAVONLINNA", ["4241 Steinfelden 73"]),
    (NumberedStreetRecognizer, "2 Tablets 500, then 1200 Units 4 times; 3482 Via Franscini 71 Suite 838", []),
    # after a word that introduces a place; not a year, a cycle or a grade
    (
        NumberedStreetRecognizer,
        "Meet me at Kraljevec 5b; return to Jadranska 6a/8 in case",
        ["Kraljevec 5b", "Jadranska 6a/8"],
    ),
    (NumberedStreetRecognizer, "seen at Cycle 3, to Grade 2, in Lancet 2005, in ABCSG 12.", []),
    # one word spelled with a letter English and French do not use, then its number; not a dose
    (
        NumberedStreetRecognizer,
        "here they are: Tuškanac 4b, and\n> Košická 1\n",
        ["Tuškanac 4b", "Košická 1"],
    ),
    (NumberedStreetRecognizer, "Créatinine 85, Docetaxel 75.", []),
    (NumberedStreetRecognizer, "drops you off at Lánovská 265 St.", ["Lánovská 265"]),
    # a line of its own: a name and a number (the scrubber then asks for a word no dictionary knows)
    (
        NumberedStreetRecognizer,
        "Rand Corporation\n\nPagari 18\n> Joaquin Suarez 2906",
        ["Pagari 18", "Joaquin Suarez 2906"],
    ),
    (NumberedStreetRecognizer, "Plan: Pagari 18 then\nCycle 3\n", []),
    (NumberedStreetRecognizer, "Kamenjak 5b/2\n", ["Kamenjak 5b/2"]),
    (NumberedStreetRecognizer, "shows on Kristensentoppen 66 Street were", ["Kristensentoppen 66"]),
    # a street and number, then postcode and town after a comma; not a year, not words of the sentence
    (NumberedStreetRecognizer, "User: Bergeekra 31F, 8479 Espenfjord", ["Bergeekra 31F, 8479 Espenfjord"]),
    (NumberedStreetRecognizer, "Daniela lives near Jahu 80, 12345 Liiva", ["Jahu 80, 12345 Liiva"]),
    (NumberedStreetRecognizer, "Gleason 7, 2010 Paris", []),
    # the last line of a block, postcode then town, in the European forms
    (TownPostcodeRecognizer, "Pri mlyne 85\n026 61 Malá Lodina", ["026 61 Malá Lodina"]),
    (TownPostcodeRecognizer, "R. Vicente Ribeiro, 55\n5623-335 Fafe", ["5623-335 Fafe"]),
    (TownPostcodeRecognizer, "Chácara Brito, 41\n32550-204 Silveira / PR", ["32550-204 Silveira / PR"]),
    (TownPostcodeRecognizer, "in barra de carrasco 21331-867 in its", ["barra de carrasco 21331-867"]),
    (TownPostcodeRecognizer, "Dose 2500\n12 500 UI\n", []),
    # one capitalised word, or a lower-case word with a letter of Central or Northern European names
    (
        NameShapedWordRecognizer,
        "Unlike the Sokolov novel; follow up with žilková",
        ["Unlike", "Sokolov", "žilková"],
    ),
    (NameShapedWordRecognizer, "the HER2 and FOLFOX; maïs, noël, capharnaüm", []),
    # a lower-case name after an administrative noun (the scrubber then asks for a non-dictionary word)
    (
        AdministrativeNounNameRecognizer,
        "Le bénéficiaire lascaud , mère; l'usager troupe RAMON",
        ["lascaud", "troupe"],
    ),
    (AdministrativeNounNameRecognizer, "le patient dupont; l'enfant verbalise; Le bénéficiaire est", []),
    # a name given with its naming verb and subject, any case
    (LabelledNameRecognizer, "but everyone calls me borna", ["borna"]),
    (LabelledNameRecognizer, "she calls me back, it calls them later", []),  # a subject must name people
    # a listed given name in lower case, then a capitalised or upper-case family name
    (
        LowerGivenNameRecognizer,
        "stacey ESTEVE Avenue Luce; vu par nina Dubreuil.",
        ["stacey ESTEVE", "nina Dubreuil"],
    ),
    # not an unlisted word, a verb of speech, a stopword after it, nor a word in an e-mail address
    (
        LowerGivenNameRecognizer,
        "the biopsy Results; said Maria; stacey The; jean.stacey Dubreuil@x.fr; traitement CHOP",
        [],
    ),
    # the whole name in lower case around a middle initial; cells are not names
    (LowerGivenNameRecognizer, "arne t mathisen\nlabor relations director", ["arne t mathisen"]),
    (LowerGivenNameRecognizer, "naive t cells, helper t cells, maria a lot", []),
    # a lower-case family name before a listed given name ("NOM Prénom" without its capitals)
    (
        LowerFamilyNameRecognizer,
        "ramade Anne , 29 ans; vue par kowalczyk Paul.",
        ["ramade Anne", "kowalczyk Paul"],
    ),
    # not before an unlisted or lower-case word, nor after a stopword
    (LowerFamilyNameRecognizer, "biopsie Zorglub; ramade anne; avec Marie; vu.Anne", []),
    # after a title, any capitalised given name (the scrubber then asks the lower-case word to be name-like)
    (
        LowerFamilyNameRecognizer,
        "Mme Modeste lopez est vue; Dr Martin cardiologue",
        ["Modeste lopez", "Martin cardiologue"],
    ),
    (LowerFamilyNameRecognizer, "Dr Martin présente; Modeste lopez; TNM Modeste lopez", []),
    # French street words of villages and estates; common street words in lower case before a capitalised name
    (
        AddressRecognizer,
        "habite 3 clos des Vignes, 33000 Bordeaux; domicilié rue Victor Hugo",
        ["3 clos des Vignes, 33000 Bordeaux", "rue Victor Hugo"],
    ),
    (AddressRecognizer, "impasse thérapeutique; la rue est calme; 2 ruelle étroite", []),
    # the town ends at a whole word ("depuis" is no "de"); "lieu-dit", "r."; a lower-case street before "à Lyon"
    (
        AddressRecognizer,
        "Habite 12, allée Jean Moulin, 69003 LYON depuis 2010; lieu-dit La Croix, 24000 Périgueux",
        ["12, allée Jean Moulin, 69003 LYON", "lieu-dit La Croix, 24000 Périgueux"],
    ),
    (
        AddressRecognizer,
        "Domicile : 12 r. Victor Hugo; vit au 12 rue victor hugo à Lyon avec sa femme",
        ["12 r. Victor Hugo", "12 rue victor hugo"],
    ),
    (AddressRecognizer, "2 cp matin et soir, r. à 3 mois, revoir à J8 à Lyon", []),
    # an initial and a family name after a verb of writing or seeing and "par"/"by"
    (
        AuthorInitialNameRecognizer,
        "Fait par : C. Bernardin, IDE; dictated by J. A. Novak; vu par J. Dupuis-Lemaire",
        ["C. Bernardin", "J. A. Novak", "J. Dupuis-Lemaire"],
    ),
    (
        AuthorInitialNameRecognizer,
        "infection caused by S. Aureus; remplacé par J. Dupont; par C. Bernardin",
        [],
    ),
    # the date of "apgar 9/10/10" is three scores; a date stays a date elsewhere
    (CalendarDateRecognizer, "apgar 9/10/10, Apgar score of 8/9/10, score d'Apgar : 7/9/10", []),
    (CalendarDateRecognizer, "née le 9/10/10 à 8h", ["9/10/10"]),
    # an elided article before a lower-case word is not a relative's name; "D'Angelo" is
    (RelativeNameRecognizer, "Le père L'enfant est scolarisé; sa fille D'Angelo est venue", ["D'Angelo"]),
    (RelativeNameRecognizer, "Le père Découverte d'une pathologie chronique", []),
    (RelativeNameRecognizer, "I would like to remove my kid Kobal from the will", ["Kobal"]),
    (RelativeNameRecognizer, "The patient's husband, Al, is also present", ["Al"]),
]


@pytest.mark.parametrize(
    ("recognizer", "text", "expected"), CASES, ids=[f"{c[0].__name__}:{c[1][:30]}" for c in CASES]
)
def test_recognizer(recognizer: type[PhiPatternRecognizer], text: str, expected: list[str]) -> None:
    assert found(recognizer, text) == expected


@pytest.mark.parametrize(
    ("text", "scanned"),
    [
        ("Seen with his wife; the patient's son drove him.", True),
        ("la fille de la voisine", True),
        ("Stage IIIA colon cancer, FOLFOX for six months.", False),
        ("Asya called her daughter", False),  # no possessive: the patterns cannot match
    ],
)
def test_a_recognizer_runs_its_patterns_only_on_texts_that_pass_its_prefilter(
    text: str, scanned: bool
) -> None:
    recognizer = PossessiveRelativeNameRecognizer()
    scans: list[str] = []
    for pattern in recognizer.patterns:
        pattern.compiled_regex = _CountingRegex(pattern.compiled_regex, pattern.name, scans)
    recognizer.analyze(text, [recognizer.ENTITY])
    assert scans == ([p.name for p in recognizer.patterns] if scanned else [])


class _CountingRegex:
    """A compiled pattern that records each scan Presidio starts with it."""

    def __init__(self, compiled: Any, name: str, scans: list[str]) -> None:
        self._compiled, self._name, self._scans = compiled, name, scans

    def finditer(self, text: str, **kwargs: Any) -> Any:
        self._scans.append(self._name)
        return self._compiled.finditer(text, **kwargs)


def test_patterns_are_compiled_with_the_engine_not_on_a_clinicians_first_text() -> None:
    recognizer = PossessiveRelativeNameRecognizer()
    assert all(p.compiled_regex is not None for p in recognizer.patterns)
    assert all(p.compiled_with_flags == recognizer.global_regex_flags for p in recognizer.patterns)
