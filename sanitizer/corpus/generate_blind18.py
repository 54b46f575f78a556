#!/usr/bin/env python3
"""Deterministic generator for the sanitizer's eighteenth BLIND corpus (blind18.jsonl), the
twenty-first corpus overall.

Run from the repository root:  python3 sanitizer/corpus/generate_blind18.py
Output is byte-identical on every run (own seed, no clock, no environment, no hash order).

NEVER SCORED: written blind, without reading the sanitizer's source or
sanitizer/tests/generalise.rs and without running the sanitizer, its bench or its failures
example on anything. It is meant to be scored ONCE, later, by someone other than its author;
until then it is parsed only (the shape test in sanitizer/tests/corpus.rs). Templates, word
lists and names share nothing by design with generate.py (dev), generate_heldout.py
(heldout), generate_test.py (test) and generate_blind.py .. generate_blind17.py (blind ..
blind17): the self-check at the end refuses any pool name part, nickname, name in
Devanagari, trap term, organisation key word or place found (as a whole word,
case-insensitive) in those files, in their .jsonl outputs or in names.json. Only one- and
two-letter tokens are exempt (no particles are needed); there is no other exemption.

Genres and their shapes (300 texts: 220 naming a person, 80 with no identifier; 86 person
templates and 26 trap templates, none used more than four times; every text 30-150 words),
chosen to differ from every earlier corpus: community-pharmacy owing slips and owing chat,
Pharmacy First consultations (sore throat, UTI), monitored-dosage (blister pack) prep logs and
tray queries, emergency hormonal contraception records, structured medication reviews and
their letters, depot antipsychotic clinic lists, clozapine clinics, lithium monitoring
letters, Section 17 leave forms and leave-return notes, alcohol liaison referrals and reviews,
living kidney donor work-ups, transplant follow-up, joint-school registers and feedback,
structured diabetes education (DAFNE) registers and letters, CPAP download reviews and CPAP
chat, ambulatory BP reports and fitting notes, acute oncology triage logs, Parkinson's nurse
visits and time-critical medication cards, anticipatory (just-in-case) medicine
authorisations and box checks, LARC fitting and implant removal records, cervical
sample-taker logs, PrEP reviews, the intrathecal chemotherapy register, antimicrobial
stewardship rounds, blood-culture contamination feedback, cannula VIP charts, enhanced
observation logs, critical-care outreach referrals, 2222 call audits, patient's-own-drugs
checks, TTO boards, care-home red-bag transfer forms, MUST weight charts, night-check logs,
hairdresser lists, residents' meeting minutes, key-worker allocations, annual-leave e-mails and
chat, agency timesheets, smartcard requests, new-starter induction checklists, NMC
revalidation confirmations, exit interviews, Schwartz Round invitations, grand-round flyers,
casenote tracer requests, dictation typing queues, significant event analyses, GP home-visit
books, sick-day-rules cards, phlebotomy calling boards, ECG overread requests, discharge
medicine counselling, postnatal discharge checklists, antenatal class registers, audit data
forms, ED frequent-attender care plans, patient stories for the board, student placement
sign-offs, locum booking confirmations, Devanagari name labels and vegetarian catering notes,
Low German interpreter requests, Mexican CURP registrations, French NIR overseas-visitor
checks, Newfoundland MCP claims, St Helena overseas referrals, Montserrat transfers,
Aboriginal Liaison Officer notes and Ivorian registrations. People are mentioned repeatedly
and partially (surname only, given name only, title + surname, initials with and without
dots, nickname, upper-case SURNAME first with and without a comma, LAST^First, lower case in
chat, a form in Devanagari for the Marwari names) and every mention carries one ``person``
id.

The texts without identifiers are traps: eponyms no earlier corpus used (Cockcroft-Gault,
Bruce protocol, Somogyi, Chadwick, Denys-Drash, Frasier, Bellini, Westphal, Meige, Segawa,
Myerson, Cusco, Sims, Pastia, Beau and Terry nails, Bullard, Bonfils, McGrath, Banff,
Carrel, Gibson, Sokolow-Lyon, Cornell, Koch, Carvallo, Askin, Li-Fraumeni,
Jarisch-Herxheimer, Waterhouse-Friderichsen), contraceptive, Parkinson's, transplant,
antibiotic, clozapine, sleep-device and over-the-counter brand names (Yasmin, Lovima, Slynd,
Sayana, Noristerat, Evra, NuvaRing, Qlaira, Drovelis, Apretude, Ongentys, Inbrija, Kynmobi,
Duodopa, Produodopa, Prograf, Advagraf, Envarsus, CellCept, Myfortic, Rapamune, Nulojix,
Simulect, Thymoglobulin, Klaricid, Targocid, Zyvox, Cubicin, Denzapine, Zaponex, Maintena,
Antabuse, Selincro, Lyumjev, Semglee, ResMed, AirSense, DreamStation, Strepsils, Difflam,
Calpol, Nurofen, Lemsip, Beechams, Covonia, Benylin, Olbas, Vicks, Karvol, Piriton, Clarityn,
Zirtek, Otrivine, Sudafed, Murine, Bonjela, Germolene, Savlon, Imodium, Lyclear, Hedrin,
Lamisil, Scholl, Compeed, Bazuka, Wartner, Anusol, Rennie, Zovirax, Vagifem, Replens,
Venalink, Nomad), English vessel words used as words (a water pitcher, an ewer, a hamper, a
firkin, a tankard), surnames of this corpus that are words or famous figures (Plato, Scipio,
press harder, a drover, cock a snook), words of this corpus's traditions' languages and
cultures (attiéké, alloco, foutou, kedjenou, gbaka, zouglou; choucroute, baeckeoffe,
kougelhopf, flammekueche, bredele, winstub; Plautdietsch, vereniki, Rollkuchen, Zwieback,
Faspa; jiggs dinner, toutons, mummering, screech, scoff, bakeapple, outport, dory; plo,
wirebird, tungi; dal baati, ghevar, bajra, ker sangri, haveli, ghoomar; goat water,
masquerade; ngatji, yarning circle), organisation-like phrases with no
organisation's name (the primary care network, the ICB, the Trust board), anatomy and
capitalised sentence openers.

Names are real, listed by hand from general knowledge of public name lists, registers and
naming studies (nothing downloaded). Every earlier docstring was read. Candidates found in
them or next to a region briefed for blind7 .. blind17 were left out: Manipur (next to
Nagaland and Mizoram), Arunachal (next to Assam, Nagaland, Bhutan, Tibet), Friuli (next to
Slovenia and the Ladin valleys), Liechtenstein (next to Graubünden), Monaco (Provence,
Occitan), the Hutterites (their colonies lie in Blackfoot country), the Bay Islands of
Honduras (Cayman families), Dominica and Martinique (Kwéyòl, next to Saint Lucia), Bamileke
(next to the Bassa country of blind3), Macau (next to Hong Kong). Given names and places
the self-check refused were dropped (Didier, Serge, Blaise, Solange, Odile, Levi, Jakob,
Nettie, Justina, Keeping, Neville, Gwen, Sharda, Savitri, Kamla, Pushpa, Kiran, Cuauhtémoc,
Murray Bridge, Half Tree Hollow, Ledbury, Kettle, Barley, Bench, Settle). Eight traditions
and one English word class:
- Bété of central-west Côte d'Ivoire (Gagnoa, Daloa, Soubré, Issia, Ouragahio; not the Dan
  and Wè country on the Liberian border): Gbagbo, Drogba, Zokora, Dakoury, Djédjé, Gnahoré,
  Kipré, Zadi, Séry, Tébily and the two-word family name Blé Goudé, with Koudou and French
  given names (Hervé, Armand, Gervais, Zéphirin; Odette, Clémentine, Pélagie, Honorine);
  Ivorian phone numbers;
- St Helena (Jamestown, Longwood, Levelwood; 2,400 km from Tristan da Cunha, blind10): the
  island family names Yon, Crowie, Plato, Scipio, Knipe, Ellick, Moyce, Cherrett, Bargo,
  Caswell with Gavin, Stedson, Lawson, Desmond, Colin; Gloria, Lilian, Sheila;
- Low German (Plautdietsch) Mennonites of Chihuahua and Durango (Riva Palacio, Anáhuac,
  Nuevo Ideal; not the Swiss-Palatine Amish of blind8): Friesen, Penner, Klassen, Wiebe,
  Dyck, Thiessen, Reimer, Loewen, Enns, Fehr, Giesbrecht, Hiebert, Unger, Martens, Harder,
  Neufeld, Bergen, Janzen, Kroeker, Rempel, Dueck, Banman, Froese, Sawatzky, Doerksen,
  Bueckert; Abram, Heinrich (Hein), Johann, Isaak; Aganetha, Katharina (Tien), Margaretha
  (Greta), Susanna; Mexican CURP codes (SSN);
- Newfoundland outports (Carbonear, Bonavista, Twillingate, Fogo, Placentia, Clarenville,
  Gander; West Country English and Irish settler names, no Mi'kmaq names, across the Cabot
  Strait from the Nova Scotia of blind8): Noseworthy, Hiscock, Snook, Pardy, Piercey,
  Rideout, Oldford, Vokey, Budgell, Pittman, Penney, Kearley, Coish, Mouland, Cluett,
  Feltham, Tizzard, Drover, Squibb; Chesley (Ches), Heber, Azariah, Eli, Hedley, Lorne;
  Bride, Phoebe, Lottie; MCP numbers, Canadian SINs;
- Alsace (Colmar, Sélestat, Haguenau, Saverne, Obernai, Guebwiller): Koechlin, Dollfus,
  Schlumberger, Stoskopf, Ungerer, Wetterlé, Heitz, Spindler, Risler, Mieg, Scheurer,
  Oberlin, Erckmann; Arbogast, Materne, Florent, Aloyse; Marthe, Adèle, Eugénie, Hortense;
  French NIR numbers (SSN);
- Montserrat (Salem, Brades, Olveston): Tuitt, Buffonge, Kirnon, Greenaway, Cassell, Meade,
  Fergus, Skerritt; Reuben, Lowell, Donaldson, Easton, Alphonsus, Chedmond; Shirley,
  Claudette, Hyacinth, Joycelyn;
- Ngarrindjeri of the Lower Murray and the Coorong, South Australia (Raukkan, Meningie,
  Goolwa, Tailem Bend; far from the Noongar, Tiwi and Warlpiri of blind13 / blind14):
  Kartinyeri, Koolmatrie, Trevorrow, Rigney, Sumner, Karpany, Milera, Varcoe, Gollan,
  Lampard, Hartman; Darryl, Clyde, Shane, Lindsay; Doreen, Ellen, Maude; Medicare numbers;
- Marwari of Shekhawati, Rajasthan, and its Kolkata diaspora (Jhunjhunu, Churu, Sikar,
  Fatehpur, Mandawa, Ramgarh; far from Sindh, blind9): Goenka, Poddar, Jhunjhunwala,
  Singhania, Dalmia, Ruia, Khaitan, Kejriwal, Lohia, Bagaria, Somani, Bhartia, Mundhra,
  Kanoria, Saraf, Tibrewal, Chokhani; Ghanshyam, Rameshwar, Banwari, Girdhari, Shyamsundar,
  Radheshyam, Kanhaiya, Santosh; Kusum, Bhagwati, Manju, Gomti; some written in Devanagari
  (घनश्याम गोयनका); Aadhaar numbers (SSN);
- English family names that are vessels and containers, a word class no earlier corpus used
  (Pitcher, Ewer, Tubb, Barrell, Bowles, Bason, Firkin, Hamper, Tankard and the
  double-barrelled Tankard-Bowles), with Bertram, Osbert, Wystan; Marjorie (Marj),
  Millicent (Millie), Rosamund (Ros), Phyllida (Worcestershire and Gloucestershire
  addresses: Tewkesbury, Pershore, Evesham, Upton, Malvern, Bewdley).

Span rules (as in blind6 and blind17): PERSON spans cover the name only, never a title (Dr,
Mr, Mr., Mrs, Ms, Miss) and never a possessive 's; a ``SURNAME, Given``, ``SURNAME Given``
or ``SURNAME^Given`` value is one span; initials standing for a person are PERSON; a name
inside an e-mail address is part of the EMAIL span only; AGE spans cover the number with its
unit; DATE spans cover a full date; ID, PHONE, EMAIL, URL, SSN spans cover the value only,
not its label (SSN for national personal codes: CURP, NIR, Aadhaar, SIN, National Insurance
number; hospital, NHS, MCP, Medicare, NMC PIN and agency numbers are ID); LOCATION covers a
town or district; ORG covers the whole organisation name. Times, bed and room numbers are
not marked. Gold spans are recorded while the text is built, never found by searching
afterwards.
"""

import os
import random
import re
import sys

import corpus_kit

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "blind18.jsonl")
SEED = 1818_2026

# region -> (given names with sex, family names, nicknames)
REGIONS = {
    "bete": (
        [("Hervé", "m"), ("Armand", "m"), ("Gervais", "m"), ("Zéphirin", "m"), ("Koudou", "m"),
         ("Odette", "f"), ("Clémentine", "f"), ("Pélagie", "f"), ("Honorine", "f")],
        ["Gbagbo", "Drogba", "Zokora", "Dakoury", "Djédjé", "Gnahoré", "Kipré", "Zadi", "Séry",
         "Tébily", "Blé Goudé"],
        {},
    ),
    "sthelena": (
        [("Gavin", "m"), ("Stedson", "m"), ("Lawson", "m"), ("Desmond", "m"), ("Colin", "m"),
         ("Gloria", "f"), ("Lilian", "f"), ("Sheila", "f")],
        ["Yon", "Crowie", "Plato", "Scipio", "Knipe", "Ellick", "Moyce", "Cherrett", "Bargo",
         "Caswell"],
        {},
    ),
    "mennonite": (
        [("Abram", "m"), ("Heinrich", "m"), ("Johann", "m"), ("Isaak", "m"), ("Aganetha", "f"),
         ("Katharina", "f"), ("Margaretha", "f"), ("Susanna", "f")],
        ["Friesen", "Penner", "Klassen", "Wiebe", "Dyck", "Thiessen", "Reimer", "Loewen", "Enns",
         "Fehr", "Giesbrecht", "Hiebert", "Unger", "Martens", "Harder", "Neufeld", "Bergen",
         "Janzen", "Kroeker", "Rempel", "Dueck", "Banman", "Froese", "Sawatzky", "Doerksen",
         "Bueckert"],
        {"Heinrich": "Hein", "Katharina": "Tien", "Margaretha": "Greta"},
    ),
    "newfoundland": (
        [("Chesley", "m"), ("Heber", "m"), ("Azariah", "m"), ("Eli", "m"), ("Hedley", "m"),
         ("Lorne", "m"), ("Bride", "f"), ("Phoebe", "f"), ("Lottie", "f")],
        ["Noseworthy", "Hiscock", "Snook", "Pardy", "Piercey", "Rideout", "Oldford", "Vokey",
         "Budgell", "Pittman", "Penney", "Kearley", "Coish", "Mouland", "Cluett", "Feltham",
         "Tizzard", "Drover", "Squibb"],
        {"Chesley": "Ches"},
    ),
    "alsace": (
        [("Arbogast", "m"), ("Materne", "m"), ("Florent", "m"), ("Aloyse", "m"), ("Marthe", "f"),
         ("Adèle", "f"), ("Eugénie", "f"), ("Hortense", "f")],
        ["Koechlin", "Dollfus", "Schlumberger", "Stoskopf", "Ungerer", "Wetterlé", "Heitz",
         "Spindler", "Risler", "Mieg", "Scheurer", "Oberlin", "Erckmann"],
        {},
    ),
    "montserrat": (
        [("Reuben", "m"), ("Lowell", "m"), ("Donaldson", "m"), ("Easton", "m"),
         ("Alphonsus", "m"), ("Chedmond", "m"), ("Shirley", "f"), ("Claudette", "f"),
         ("Hyacinth", "f"), ("Joycelyn", "f")],
        ["Tuitt", "Buffonge", "Kirnon", "Greenaway", "Cassell", "Meade", "Fergus", "Skerritt"],
        {},
    ),
    "ngarrindjeri": (
        [("Darryl", "m"), ("Clyde", "m"), ("Shane", "m"), ("Lindsay", "m"), ("Doreen", "f"),
         ("Ellen", "f"), ("Maude", "f")],
        ["Kartinyeri", "Koolmatrie", "Trevorrow", "Rigney", "Sumner", "Karpany", "Milera",
         "Varcoe", "Gollan", "Lampard", "Hartman"],
        {},
    ),
    "marwari": (
        [("Ghanshyam", "m"), ("Rameshwar", "m"), ("Banwari", "m"), ("Girdhari", "m"),
         ("Shyamsundar", "m"), ("Radheshyam", "m"), ("Kanhaiya", "m"), ("Santosh", "m"),
         ("Kusum", "f"), ("Bhagwati", "f"), ("Manju", "f"), ("Gomti", "f")],
        ["Goenka", "Poddar", "Jhunjhunwala", "Singhania", "Dalmia", "Ruia", "Khaitan",
         "Kejriwal", "Lohia", "Bagaria", "Somani", "Bhartia", "Mundhra", "Kanoria", "Saraf",
         "Tibrewal", "Chokhani"],
        {},
    ),
    "english": (
        [("Bertram", "m"), ("Osbert", "m"), ("Wystan", "m"), ("Marjorie", "f"),
         ("Millicent", "f"), ("Rosamund", "f"), ("Phyllida", "f")],
        ["Pitcher", "Ewer", "Tubb", "Barrell", "Bowles", "Bason", "Firkin", "Hamper", "Tankard",
         "Tankard-Bowles"],
        {"Marjorie": "Marj", "Millicent": "Millie", "Rosamund": "Ros"},
    ),
}
# Devanagari forms of some Marwari names.
DEVA_FAM = {"Goenka": "गोयनका", "Poddar": "पोद्दार", "Jhunjhunwala": "झुनझुनवाला",
            "Singhania": "सिंघानिया", "Dalmia": "डालमिया", "Ruia": "रुइया", "Khaitan": "खेतान",
            "Kejriwal": "केजरीवाल", "Lohia": "लोहिया"}
DEVA_GIVEN = {"Ghanshyam": "घनश्याम", "Rameshwar": "रामेश्वर", "Girdhari": "गिरधारी",
              "Banwari": "बनवारी", "Radheshyam": "राधेश्याम", "Kusum": "कुसुम",
              "Bhagwati": "भगवती", "Manju": "मंजू", "Gomti": "गोमती"}
PRONOUNS = {"he": ("he", "she"), "He": ("He", "She"), "his": ("his", "her"),
            "His": ("His", "Her"), "him": ("him", "her")}

PLACES = {
    "bete": ["Gagnoa", "Daloa", "Soubré", "Issia", "Ouragahio"],
    "sthelena": ["Jamestown", "Longwood", "Levelwood"],
    "mennonite": ["Riva Palacio", "Anáhuac", "Nuevo Ideal"],
    "newfoundland": ["Carbonear", "Bonavista", "Twillingate", "Fogo", "Placentia", "Clarenville",
                     "Gander"],
    "alsace": ["Colmar", "Sélestat", "Haguenau", "Saverne", "Obernai", "Guebwiller"],
    "montserrat": ["Salem", "Brades", "Olveston"],
    "ngarrindjeri": ["Raukkan", "Meningie", "Goolwa", "Tailem Bend"],
    "marwari": ["Jhunjhunu", "Churu", "Sikar", "Fatehpur", "Mandawa", "Ramgarh"],
    "english": ["Tewkesbury", "Pershore", "Evesham", "Upton", "Malvern", "Bewdley"],
}
ORG_WORDS = ["Wrayburn", "Scarrowby", "Thurlstone", "Elmridge", "Cadwick", "Holmsford",
             "Rushcombe", "Pennock", "Harrowfield", "Calderbrook", "Dunsmere", "Aldgrave",
             "Thistlebury", "Oakhanger", "Brambleside", "Kestrelby"]
ORG_KINDS = ["Medical Practice", "Pharmacy", "Care Home", "NHS Foundation Trust",
             "Renal Unit", "Hospice", "Mental Health Service", "Health Centre"]

# Trap vocabulary (no identifiers): eponyms, brands, name words used as words.
TRAPS = ["Cockcroft", "Gault", "Bruce", "Somogyi", "Chadwick", "Denys", "Drash", "Frasier",
         "Bellini", "Westphal", "Meige", "Segawa", "Myerson", "Cusco", "Sims", "Pastia", "Beau",
         "Terry", "Bullard", "Bonfils", "McGrath", "Banff", "Carrel", "Gibson", "Sokolow",
         "Lyon", "Cornell", "Koch", "Carvallo", "Askin", "Fraumeni", "Jarisch", "Herxheimer",
         "Waterhouse", "Friderichsen", "Yasmin", "Lovima", "Slynd", "Sayana", "Noristerat",
         "Evra", "NuvaRing", "Qlaira", "Drovelis", "Apretude", "Ongentys", "Inbrija", "Kynmobi",
         "Duodopa", "Produodopa", "Prograf", "Advagraf", "Envarsus", "CellCept", "Myfortic",
         "Rapamune", "Nulojix", "Simulect", "Thymoglobulin", "Klaricid", "Targocid", "Zyvox",
         "Cubicin", "Denzapine", "Zaponex", "Maintena", "Antabuse", "Selincro", "Lyumjev",
         "Semglee", "ResMed", "AirSense", "DreamStation", "Strepsils", "Difflam", "Calpol",
         "Nurofen", "Lemsip", "Beechams", "Covonia", "Benylin", "Olbas", "Vicks", "Karvol",
         "Piriton", "Clarityn", "Zirtek", "Otrivine", "Sudafed", "Murine", "Bonjela",
         "Germolene", "Savlon", "Imodium", "Lyclear", "Hedrin", "Lamisil", "Scholl", "Compeed",
         "Bazuka", "Wartner", "Anusol", "Rennie", "Zovirax", "Vagifem", "Replens", "Venalink",
         "Nomad", "pitcher", "ewer", "hamper", "firkin", "tankard", "Plato", "Scipio", "harder",
         "drover", "snook", "attiéké", "alloco", "foutou", "kedjenou", "gbaka", "zouglou",
         "choucroute", "baeckeoffe", "kougelhopf", "flammekueche", "bredele", "winstub",
         "Plautdietsch", "vereniki", "Rollkuchen", "Zwieback", "Faspa", "jiggs", "toutons",
         "mummering", "screech", "scoff", "bakeapple", "outport", "dory", "plo", "wirebird",
         "tungi", "baati", "ghevar", "bajra", "sangri", "haveli", "ghoomar",
         "ngatji", "yarning"]
# Pool words the trap texts use as ordinary words or as famous figures.
WORD_NAMES = {"pitcher", "ewer", "hamper", "firkin", "tankard", "plato", "scipio", "harder",
              "drover", "snook"}

MON = ["January", "February", "March", "April", "May", "June", "July", "August",
       "September", "October", "November", "December"]
MON3 = [m[:3] for m in MON]


class Person:
    """One person of a text: given name, family name, sex, region."""

    def __init__(self, rng, region, script=False, sex=None):
        given, fam, nick = REGIONS[region]
        pool = [g for g in given if g[1] == sex] if sex else list(given)
        if script:
            pool = [g for g in pool if g[0] in DEVA_GIVEN] or pool
        self.region = region
        self.given, self.sex = rng.choice(pool)
        self.fam = rng.choice(sorted(DEVA_FAM) if script else fam)
        self.nick = nick.get(self.given)

    def full(self):
        return f"{self.given} {self.fam}"

    def initials(self, dots):
        letters = [p[0] for p in self.full().replace("-", " ").split()]
        j = "." if dots else ""
        return j.join(letters) + j

    def form(self, rng, kind):
        g, s = self.given, self.fam
        if kind == "f":
            return self.full()
        if kind == "g":
            return g
        if kind == "s":
            return s
        if kind == "i":
            return self.initials(rng.random() < 0.5)
        if kind == "is":
            return f"{g[0]}. {s}" if rng.random() < 0.7 else f"{g[0]} {s}"
        if kind == "U":
            return self.full().upper()
        if kind == "SU":
            return f"{s.upper()}, {g}"
        if kind == "SG":
            return f"{s.upper()} {g}"
        if kind == "c":
            return f"{s.upper()}^{g}"
        if kind == "l":
            return (self.nick or g).lower()
        if kind == "n":
            return self.nick or g
        if kind == "x":
            return f"{DEVA_GIVEN[g]} {DEVA_FAM[s]}"
        raise ValueError(kind)

    def title(self, rng):
        """The person's title, chosen once and kept for every later mention."""
        if not hasattr(self, "_title"):
            if self.sex == "m":
                self._title = rng.choice(["Mr", "Mr.", "Dr"])
            else:
                self._title = rng.choice(["Mrs", "Ms", "Miss", "Dr"])
        return self._title


def name_words(p):
    return {w.lower() for w in re.findall(r"[^\W\d_]+", p.full())} | (
        {p.nick.lower()} if p.nick else set())


class Doc(corpus_kit.TemplateDoc):
    """Builds one text and its gold spans by construction."""

    def __init__(self, rng, regions, script=False):
        super().__init__(rng)
        self.script = script
        self.sexes = {}
        self.people = {}
        self.regions = regions
        self.region = regions[0]

    def person(self, key):
        if key not in self.people:
            idx = len(self.people)
            region = self.regions[idx % len(self.regions)]
            first = key == "p1"
            while True:
                p = Person(self.rng, region, self.script and first, self.sexes.get(key))
                if all(not name_words(p) & name_words(q) for q in self.people.values()):
                    break
            self.people[key] = p
        return self.people[key]

    def slot(self, name):
        rng = self.rng
        if name.startswith("R="):
            return
        if re.fullmatch(r"p\d=[mf]", name):
            self.sexes[name[:2]] = name[3]
        elif re.fullmatch(r"p\d(\.\w+)?", name):
            key, _, kind = name.partition(".")
            p = self.person(key)
            if kind in PRONOUNS:
                self.add(PRONOUNS[kind][p.sex == "f"])
            else:
                self.add(p.form(rng, kind or "f"), "PERSON", key)
        elif re.fullmatch(r"t\d", name):
            self.add(self.person("p" + name[1]).title(rng))
        elif name == "DATE":
            self.add(date(rng), "DATE")
        elif name == "DOB":
            self.add(date(rng, 1930, 2006), "DATE")
        elif name == "AGE":
            self.add(age(rng), "AGE")
        elif name == "ID":
            self.add(ident(rng, self.region), "ID")
        elif name == "NATID":
            self.add(natid(rng, self.region), "SSN")
        elif name == "PHONE":
            self.add(phone(rng, self.region), "PHONE")
        elif re.fullmatch(r"EMAIL(:p\d)?", name):
            if ":" in name:
                p = self.person(name[6:])
                local = ascii_fold(p.given + "." + p.fam.replace(" ", "").replace("-", ""))
            else:
                local = rng.choice(["pharmacy.team", "outreach", "diabetes.education",
                                    "medical.staffing"])
            dom = rng.choice(["nhs.net", "wrayburn.nhs.uk", "cadwickhealth.org",
                              "holmsford.co.uk"])
            self.add(f"{local.lower()}@{dom}", "EMAIL")
        elif name == "URL":
            self.add(rng.choice(["https://", "www.", "https://www."]) + rng.choice(
                ["thurlstone-ipc.nhs.uk/learn/", "elmridge.org/v/", "rushcombe-trust.nhs.uk/p/"])
                + str(rng.randint(100, 9999)), "URL")
        elif name == "LOC":
            self.add(rng.choice(PLACES[self.region]), "LOCATION")
        elif name == "ORG":
            self.add(f"{rng.choice(ORG_WORDS)} {rng.choice(ORG_KINDS)}", "ORG")
        elif name == "TIME":
            self.add(f"{rng.randint(7, 21):02d}:{rng.choice([0, 10, 25, 30, 40, 55]):02d}")
        else:
            raise ValueError(name)


FOLD = str.maketrans("éèêëàâäïîôöüûç", "eeeeaaaiioouuc")


def ascii_fold(s):
    """Folds the accents of the Latin names (for e-mail local parts)."""
    return s.translate(FOLD).translate(FOLD)


def date(rng, y0=2025, y1=2027):
    """A date in one of several formats."""
    y, m, d = rng.randint(y0, y1), rng.randint(1, 12), rng.randint(1, 28)
    st = rng.randrange(8)
    if st == 0:
        return f"{d:02d}/{m:02d}/{y}"
    if st == 1:
        return f"{y}-{m:02d}-{d:02d}"
    if st == 2:
        return f"{d} {MON[m - 1]} {y}"
    if st == 3:
        return f"{d}.{m}.{y}"
    if st == 4:
        return f"{MON[m - 1]} {d}, {y}"
    if st == 5:
        return f"{d}-{MON3[m - 1]}-{str(y)[2:]}"
    if st == 6:
        return f"{d:02d}.{m:02d}.{str(y)[2:]}"
    return f"{d} {MON3[m - 1]} {y}"


def age(rng, lo=18, hi=97):
    """An age with its unit."""
    n = rng.randint(lo, hi)
    return rng.choice(["{} years", "{}-year-old", "{} yrs", "{}y", "{} years old"]).format(n)


def digits(rng, n):
    return "".join(str(rng.randint(0, 9)) for _ in range(n))


def ident(rng, region):
    """A hospital, NHS, MCP or Medicare number in one of several shapes."""
    if region == "newfoundland" and rng.random() < 0.6:
        return digits(rng, 12)
    if region == "ngarrindjeri" and rng.random() < 0.6:
        return f"{rng.randint(2, 6)}{digits(rng, 3)} {digits(rng, 5)} {rng.randint(1, 9)}"
    st = rng.randrange(3)
    if st == 0:
        return f"{rng.randint(400, 799)} {digits(rng, 3)} {digits(rng, 4)}"
    if st == 1:
        return f"K{digits(rng, 7)}"
    return f"WR-{digits(rng, 6)}"


CONS = "BCDFGHJKLMNPQRSTVWXZ"


def natid(rng, region):
    """A national personal code: CURP, NIR, Aadhaar, SIN or National Insurance number."""
    if region == "mennonite":
        letters = "".join(rng.choice("ABCDEFGHIJKLMNOPRSTUVWXZ") for _ in range(4))
        return (f"{letters}{digits(rng, 6)}{rng.choice('HM')}{rng.choice(['CH', 'DG'])}"
                f"{''.join(rng.choice(CONS) for _ in range(3))}{rng.choice('0A')}{rng.randint(0, 9)}")
    if region == "alsace":
        return (f"{rng.randint(1, 2)} {digits(rng, 2)} {rng.randint(1, 12):02d} "
                f"{rng.choice(['67', '68'])} {digits(rng, 3)} {digits(rng, 3)} {digits(rng, 2)}")
    if region == "marwari":
        return f"{rng.randint(2, 9)}{digits(rng, 3)} {digits(rng, 4)} {digits(rng, 4)}"
    if region == "newfoundland":
        return f"{rng.randint(1, 7)}{digits(rng, 2)} {digits(rng, 3)} {digits(rng, 3)}"
    pre = rng.choice(["AB", "CE", "JK", "NP", "SR", "TW"])
    return f"{pre} {digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {rng.choice('ABCD')}"


def phone(rng, region):
    """A phone number in one of several shapes."""
    if region == "bete":
        return f"+225 07 {digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)}"
    if region == "sthelena":
        return f"+290 2{digits(rng, 4)}"
    if region == "mennonite":
        return f"+52 625 {digits(rng, 3)} {digits(rng, 4)}"
    if region == "newfoundland":
        return f"(709) {rng.randint(200, 899)}-{digits(rng, 4)}"
    if region == "alsace":
        return f"+33 3 89 {digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)}"
    if region == "montserrat":
        return f"+1 664 49{rng.randint(1, 6)} {digits(rng, 4)}"
    if region == "ngarrindjeri":
        return f"04{digits(rng, 2)} {digits(rng, 3)} {digits(rng, 3)}"
    if region == "marwari":
        return f"+91 9{digits(rng, 4)} {digits(rng, 5)}"
    st = rng.randrange(3)
    if st == 0:
        return f"07{rng.randint(400, 999)} {digits(rng, 6)}"
    if st == 1:
        return f"01386 {digits(rng, 6)}"
    return f"0{rng.randint(1200, 1999)} {digits(rng, 3)}{digits(rng, 3)}"


# Templates naming people. {pN.kind}: f full, g given, s family, i initials, is initial +
# family, U upper full, SU "FAMILY, Given", SG "FAMILY Given", c "FAMILY^Given", l lower-case
# given/nickname, n nickname, x Devanagari form. {tN}: title of pN (never in the span).
# {R=region} pins the first person's tradition. [a|b]: options.
PERSON_T = [
    # pharmacy owing slip
    "OWING SLIP - {ORG}\nPatient: {p1}\nItem owed: [sertraline 50 mg x 28|estradiol gel x 1|"
    "insulin pen needles x 100]\nBalance due: [14|28|one box]\nOwed since: {DATE}\nWholesaler "
    "due tomorrow after 2 pm. Dispensed by {p2.is}. {p1.g} will collect, or ring {PHONE} if "
    "someone else is coming.",
    "{p1.l}: the owing for {p2.s} came in on the afternoon drop, its in the bag drawer\n{p3.l}: "
    "ta. shall i text {p2.g} or ring?\n{p1.l}: text is fine, number is on the PMR\n{p3.l}: done. "
    "{p2.he} said {p2.he} will come in saturday morning\n{p1.l}: cheers, ill tell {p4.l} at handover",
    # Pharmacy First
    "Pharmacy First consultation - sore throat\nName: {p1.U}   DOB {DOB}\nFeverPAIN score: "
    "[1|2|3]. No antibiotic indicated; advised throat spray, lozenges, fluids and paracetamol. "
    "Safety-netted: come back if no better in 7 days or if swallowing gets worse. Pharmacist: "
    "{p2}. GP practice notified electronically ({ORG}).",
    "{p1=f}Pharmacy First - uncomplicated UTI, {DATE}. {p1} ({AGE}), two days of dysuria and "
    "frequency, no fever, not pregnant. Nitrofurantoin supplied under the patient group "
    "direction. {p1.g} was told to see the GP, {t2} {p2.s}, if symptoms persist after 48 "
    "hours. Consultation by {p3.is}.",
    # monitored dosage system
    "MDS PREP LOG - week commencing {DATE}\nPatient: {p1.SU}\nTrays made by {p2.i}, checked by "
    "{p3.i}\nChanges: amlodipine stopped by {t4} {p4.s}; sertraline increased to 100 mg\n"
    "Delivery: Thursday, key safe by the back door. Note for the driver - {p1.g} is hard of "
    "hearing, knock loudly.",
    "{p2=f}Phone message for the dispensary: {p1}'s daughter {p2.g} rang at {TIME}. The "
    "blister pack delivered on {DATE} had the evening tablets in the morning slot. Please "
    "check the tray against the chart and call her back on {PHONE} before 5. Taken by "
    "{p3.g}.",
    # emergency hormonal contraception
    "{p1=f}EHC consultation record\nClient: {p1}   Age: {AGE}\nUPSI 38 hours ago, no other "
    "episode this cycle. Levonorgestrel 1.5 mg supplied and taken in the consultation room. "
    "{p1.g} was offered the copper coil and given the sexual health clinic number, {PHONE}. "
    "Chlamydia kit given. Pharmacist: {p2.is}.",
    # structured medication review
    "Structured medication review {DATE}\nPatient: {p1} ({AGE})\nSeen by clinical pharmacist "
    "{p2}. {p1.g} takes 11 regular medicines. Stopped: aspirin (no indication). Omeprazole "
    "reduced to as needed. Two falls last year - doxazosin to be reviewed by {t3} {p3.s}. "
    "{p1.He} keeps the list on the fridge door.",
    "Dear {t1} {p1.s},\n\nThank you for coming to talk about your medicines on {DATE}. As we "
    "agreed, please stop the [bisoprolol|indapamide|tamsulosin] and write down your blood "
    "pressure each morning. {p2.g}, our practice nurse, will check it in two weeks. If you "
    "feel dizzy, ring {PHONE}.\n\nBest wishes,\n{p3}\nClinical Pharmacist, {ORG}",
    # depot clinic
    "DEPOT CLINIC {DATE}\n{TIME}  {p1.SU}  paliperidone 150 mg  R deltoid\n{TIME}  {p2.SU}  "
    "aripiprazole 400 mg  L gluteal\n{TIME}  {p3.SU}  did not attend - care coordinator "
    "{p4.g} informed\nNurse: {p5.is}\nNext clinic in four weeks. Please bring your depot card.",
    # clozapine clinic
    "{p1=m}{p4=f}Clozapine clinic {DATE}: {p1} - FBC green (ANC 3.9). Smoking 20 a day, says he has "
    "cut down. Constipation asked about: bowels open every other day, laxatives given. "
    "Plasma level due next month. Seen by {p2.is}; consultant {t3} {p3.s} aware. {p1.s}'s "
    "mother {p4.g} asked for a carers' leaflet.",
    # lithium letter
    "Lithium monitoring\n\nDear {t1} {p1.s},\n\nYour lithium level on {DATE} was 0.62 mmol/L, "
    "which is in range. Kidney and thyroid tests were normal. Please keep drinking plenty in "
    "hot weather and avoid ibuprofen. Your next blood test is due in three months at the "
    "{ORG}.\n\n{p2}\nMental Health Pharmacist",
    # section 17 leave
    "{p3=f}SECTION 17 LEAVE AUTHORISATION\nPatient: {p1.c}\nType: escorted, up to 2 hours, "
    "hospital grounds and the shop\nEscort: {p2.g} (HCA) or family ({p3.g}, sister)\n"
    "Conditions: no alcohol; back on the ward by 17:00\nResponsible clinician: {t4} {p4}   "
    "Date: {DATE}",
    "Leave return {DATE} {TIME}: {p1.g} came back from unescorted leave 40 minutes late, "
    "settled, no signs of intoxication. Said {p1.he} went to see {p1.his} friend "
    "{p2} in {LOC}. Searched with consent. RC {t3} {p3.s} told the next morning. Nurse in "
    "charge {p4.is}.",
    # alcohol liaison
    "{p1=m}{p3=f}Alcohol liaison referral\nName: {p1}   Hosp no {ID}\nAUDIT-C 11. Drinks "
    "3 litres of cider a day; last drink 06:00 today. Previous seizure in withdrawal. Started "
    "on the CIWA chart, thiamine given. Referrer: {t2} {p2.s} (AMU). {p1.g} agreed to see the "
    "team; his wife {p3.g} is at the bedside.",
    "Alcohol liaison review - {p1.U}: seen with consent on ward 9. Goals: cut down, not stop. "
    "Given information about nalmefene and the local recovery service, {PHONE}. Follow-up "
    "by {p2.g} in clinic on {DATE}. Discussed with {p3.is}. {p1.s} would like {p1.his} GP to "
    "know.",
    # living kidney donor
    "{p1=f}{p2=m}Living donor work-up\nDonor: {p1} ({AGE}), for her brother {p2}\nBlood group "
    "compatible, crossmatch negative. CT angiogram: single renal artery both sides. GFR 94. "
    "Independent assessor: {p3.is}, {DATE}. {p1.g} understands she can withdraw at any time. "
    "Transplant coordinator: {p4.g}.",
    # transplant follow-up
    "Transplant clinic: {p1.SU}, six weeks after the transplant. Creatinine 118, tacrolimus "
    "level 7.2. Wound healed. Stent removal booked for {DATE}. {p1.g} asked about going back "
    "to work as a [driver|carer|teacher]; {t2} {p2.s} said after three months. Pharmacist "
    "{p3.g} went through the tablet timings again.",
    # joint school
    "JOINT SCHOOL {DATE}\nAttending:\n- {p1.SU} (knee, listed for {t4} {p4.s})\n- {p2.SU} "
    "(hip), with carer\n- {p3.SU} (hip)\nPhysio: {p5.g}. OT: {p6.is}.\nCrutches issued to "
    "all; raised toilet seat ordered for {p2.s}.",
    "Patient feedback card: 'The class was brilliant, {p1.g} the physio explained everything "
    "and I am not so scared now. Thank you to the lady on reception too.' - {p2}, after joint "
    "school on {DATE}. Shared at the team huddle by {p3.is}.",
    # structured diabetes education
    "DAFNE course - week 1 ({DATE})\nParticipants: {p1.g}, {p2.g}, {p3.g}, {p4.g}\nEducators: "
    "{p5.is} and {p6.is}\nCarb counting practice with the lunch menu; {p2.g} had a hypo at "
    "11:20 (3.1), treated with juice and rechecked. Follow-up session in eight weeks.",
    "Dear {p1.g},\n\nWell done for finishing the structured education course. Your HbA1c "
    "before the course was 71; we will repeat it at the follow-up on {DATE}. If you need help "
    "with dose adjustment before then, email {EMAIL} or ring {p2} on {PHONE}.\n\nKind "
    "regards,\n{p3}, Diabetes Specialist Dietitian",
    # CPAP
    "CPAP download review {DATE}\n{p1.c}\nUsage 6 h 12 min average, 92% of nights over 4 h. "
    "AHI 2.1 on 10 cmH2O. Mask leak high on some nights - cushion size changed. {p1.g} says "
    "{p1.he} feels more awake and the DVLA form has gone off. Reviewed by {p2.is}. Copy to "
    "{t3} {p3.s}.",
    "{p1.l}: anyone know if the cpap machine for {p2.s} is back from repair?\n{p3.l}: yes came "
    "today, its on the shelf by the printer\n{p1.l}: great, ill ring {p2.him} this afternoon\n"
    "{p3.l}: {p2.l} said mornings are better, {p2.he} goes to the day centre after lunch",
    # ABPM
    "24-HOUR AMBULATORY BP REPORT\nName: {p1.U}   DOB: {DOB}\nFitted: {DATE} by {p2.is}\n"
    "Daytime average 152/94 (38 readings), night 138/82, non-dipper\nInterpretation: stage 2 "
    "hypertension. Suggest starting treatment and a lifestyle review. Reported by {t3} "
    "{p3.s}.",
    "ABPM monitor fitted to {p1} at {TIME}. Explained to keep the arm still during readings "
    "and to fill in the diary. {p1.g} works nights as a [baker|security guard|lorry driver], "
    "so the diary matters. Return it tomorrow to reception - {p2.g} is on the desk and knows "
    "to expect it.",
    # acute oncology triage
    "{p1=f}{p4=m}ONCOLOGY TRIAGE LOG {DATE} {TIME}\nCaller: {p1} (patient)   Regimen: FOLFOX "
    "cycle 3 day 9\nSymptoms: temperature 38.3, shivery\nGrade: RED - attend the acute "
    "oncology unit now, not to drive\nTriaged by {p2.is}; oncologist on call {t3} {p3.s}. "
    "{p1.g}'s husband {p4.g} is driving her in.",
    "Oncology hotline: {p1.SU} rang about diarrhoea five times since the morning on "
    "capecitabine. Amber. Told to stop the tablets and come in for bloods. {p2.i} will call "
    "back at {TIME} with results. Consultant: {t3} {p3.s}. Patient's number {PHONE}.",
    # Parkinson's nurse
    "{p1=m}{p3=f}Parkinson's nurse home visit {DATE}: {p1} ({AGE}). Wearing off before the "
    "4 pm dose, more falls. Levodopa moved to three-hourly; a COMT inhibitor discussed with "
    "{t2} {p2.s}. His wife {p3.g} says the nights are worse and he shouts in his sleep. "
    "Visit by {p4.is}; review in six weeks.",
    "TIME-CRITICAL MEDICATION\n{p1.U} has Parkinson's. Give doses ON TIME: 07:00, 10:00, "
    "13:00, 16:00, 19:00. Do not stop suddenly. If nil by mouth, ring the Parkinson's nurse, "
    "{p2}, on {PHONE}.\nCard issued by {p3.is} on {DATE}. Keep with the drug chart.",
    # anticipatory medicines
    "Anticipatory medicines - community authorisation\nPatient: {p1}   Hosp no {ID}\nMorphine "
    "sulfate 2.5-5 mg SC hourly as needed, midazolam 2.5-5 mg SC as needed, glycopyrronium, "
    "levomepromazine\nPrescriber: {t2} {p2}   Date: {DATE}\nDistrict nurse told: {p3.g}",
    "{p1=f}{p2=m}DN visit {DATE}: just-in-case box checked at {p1.s}'s house, stock correct "
    "and in date. {p1.g} is sleepier and eating little. Her son {p2} is staying. We talked "
    "about what to expect; he knows to ring {PHONE} out of hours. {p3.is}, community nurse.",
    # LARC
    "{p1=f}LARC FITTING\nName: {p1.SU}   DOB: {DOB}\nDevice: [hormonal IUS|copper IUD 380|"
    "contraceptive implant, left arm]\nPregnancy test negative. Fitted without difficulty. "
    "Fitter: {t2} {p2.s}; assistant {p3.g}. {p1.g} given the aftercare leaflet and the "
    "clinic number, {PHONE}.",
    "{p1=f}Implant removal {DATE}: {p1} ({AGE}) wants it out after three years. Palpable, "
    "removed intact through a 2 mm incision, steri-strips applied. {p1.g} is starting the "
    "progestogen-only pill today and was told to use condoms for two days. Done by {p2.is}, "
    "chaperone {p3.g}.",
    # cervical sample taker log
    "{p1=f}{p2=f}{p3=f}CERVICAL SAMPLE TAKER LOG\n{DATE}  {p1.SU}  HPV primary  sent\n{DATE}  "
    "{p2.SU}  declined today - will rebook\n{DATE}  {p3.SU}  previous sample inadequate, "
    "repeat taken\nSample taker: {p4}\nAll results to be checked on the failsafe list in six "
    "weeks.",
    # PrEP
    "{p1=m}PrEP review {DATE}: {p1}, three months on daily PrEP. HIV test negative, creatinine "
    "normal, STI screen sent. He asked about event-based dosing; 2-1-1 explained. Next supply "
    "90 tablets. Seen by {p2.is}. Results by text to {PHONE}; {p1.g} is happy with texts.",
    # intrathecal register
    "INTRATHECAL CHEMOTHERAPY REGISTER\nPatient: {p1.c}   Hosp no: {ID}\nDrug: methotrexate 12 "
    "mg IT   Date: {DATE}\nPrescribed by: {t2} {p2.s} (on the register)\nIssued from the "
    "locked fridge by {p3.i} and {p4.i}\nGiven by {t5} {p5.s} in the designated area only",
    # AMS round
    "AMS round, ward 7, {DATE}\n- {p1.s}: day 6 co-amoxiclav for CAP, afebrile - stop today\n"
    "- {p2.s}: piperacillin day 3, cultures E. coli sensitive to co-trimoxazole - switch to "
    "oral\n- {p3.s}: teicoplanin level due\nPharmacist {p4.is}, microbiologist {t5} {p5.s}",
    # blood culture contamination feedback
    "Dear {p1.g},\n\nThe blood culture you took from {p2} on {DATE} grew a skin organism in "
    "one bottle only, which we think is contamination. Please look at the aseptic technique "
    "video at {URL}. This is a learning note, not a complaint.\n\n{p3}\nInfection Prevention "
    "Nurse",
    # VIP chart
    "VIP SCORE CHART\nPatient: {p1.U}\nCannula: 20G left forearm, inserted {DATE} by {p2.i}\n"
    "Day 1 score 0, day 2 score 1 (pain), day 3 score 2 - REMOVED by {p3.i}\nTip not sent. "
    "{p1.g} told to report any redness or swelling at the old site.",
    # enhanced observation
    "{p1=m}{p4=f}ENHANCED OBSERVATION - within eyesight\nPatient: {p1.SU}\n{TIME}  {p2.i}  "
    "sleeping\n{TIME}  {p2.i}  awake, walked to the toilet, steady\n{TIME}  {p3.i}  agitated, "
    "asking for {p4.g} (his wife)\nReviewed by nurse in charge {p5.is}",
    # outreach referral
    "{p1=m}{p4=f}Outreach referral {TIME}: {p1} ({AGE}), NEWS2 7 - RR 28, SpO2 89% on 4 L, HR 118. "
    "Day 2 after laparotomy. Seen by {p2.is} (outreach). Plan: high-flow oxygen, ABG, surgical "
    "SHO to review; {t3} {p3.s} (ICU) aware. {p1.g}'s daughter {p4} was updated by phone.",
    # 2222 audit
    "2222 CALL AUDIT\nDate: {DATE}   Location: ward 12\nPatient: {p1.SU}\nFirst rhythm: PEA. "
    "ROSC at 9 minutes. No DNACPR in place.\nTeam leader: {t2} {p2.s}   Scribe: {p3.g}\n"
    "Debrief held: yes, led by {p4.is}. Trolley restocked the same shift.",
    # patient's own drugs
    "{p2=m}Patient's own drugs check {DATE}\nBed 14 - {p1.U}\nIn locker: salbutamol, a "
    "steroid inhaler, latanoprost drops (in date), ibuprofen from home (sent home with "
    "{p2.g}, son)\nChecked by {p3.i}; pharmacy technician {p4.is}. {p1.s} agrees.",
    # TTO board
    "{p2=m}TTO BOARD - {DATE}\nBED  NAME        TTO             TRANSPORT\n3    {p1.s}    READY    "
    "       son {p2.g} 14:00\n7    {p3.s}    with pharmacy   hospital car\n11   {p4.s}    "
    "not written - {t5} {p5.s} bleeped\nUpdated by {p6.g}",
    # red bag
    "RED BAG - CARE HOME TO HOSPITAL\nResident: {p1}   DOB {DOB}\nHome: {ORG}\nReason: fall, "
    "cannot weight bear\nIn the bag: MAR, glasses, hearing aids, dentures, this form\nWhat "
    "matters to me: {p1.n} likes a cup of tea and the radio on\nCompleted by {p2.is}. Next of "
    "kin: {p3} ({PHONE})",
    # MUST chart
    "MUST / WEIGHT - {p1.SU}\nJan 61.2 kg   Feb 59.8   Mar 57.1   (6.7% loss in three months)\n"
    "MUST score 2 - high risk. Fortified diet and food chart started; GP, {t2} {p2.s}, asked "
    "on {DATE} to refer to the dietitian. Weighed by {p3.i}.",
    # night checks
    "NIGHT CHECKS - room 5 - {p1.n}\n22:00  settled  {p2.i}\n00:00  asleep  {p2.i}\n02:00  "
    "awake, asking for {p3.g} (family), reassured, tea  {p4.i}\n04:00  "
    "asleep, pad changed  {p4.i}\n06:00  awake, wants breakfast early  {p2.i}",
    # hairdresser list
    "Care home hairdresser - {DATE}\nMorning: {p1.n} (set), {p2.n} (trim), {p3.n} (blow dry)\n"
    "Afternoon: {p4.n} - wash only, feeling tired\nHairdresser: {p5.g}, mobile {PHONE}. "
    "Charges taken from residents' comfort accounts, signed by {p6.is}.",
    # residents' meeting
    "Residents' meeting minutes, {DATE}\nPresent: nine residents, manager {p1}, activities "
    "lead {p2.g}\n1. Food: {p3.n} asked for fish on Fridays as well.\n2. Garden: {p4} would "
    "like raised beds; {p2.g} will ask the volunteers.\n3. Outings: the trip to {LOC} was a "
    "success.\nNext meeting in two months.",
    # key workers
    "KEY WORKERS from {DATE}\n{p1.SU} - {p2.g}\n{p3.SU} - {p4.g}\n{p5.SU} - {p2.g}\nPlease "
    "introduce yourselves to the families this week and update the care plans. Any problems, "
    "see {p6.is} in the office.",
    # annual leave
    "{p3=f}From: {p1} <{EMAIL:p1}>\nTo: {p2}\nSubject: annual leave request\n\nHi {p2.g},\n\n"
    "Could I book {DATE} to the following Friday? {p3.g} has said she will cover my Tuesday "
    "clinic. I have nine days left this year.\n\nThanks,\n{p1.g}",
    "{p1.l}: did {p2.l} approve your leave?\n{p3.l}: yes!! off to {LOC} for a week\n{p1.l}: "
    "jealous. who is covering clinic\n{p3.l}: {p4.l} and a bank nurse\n{p1.l}: ok ill let "
    "{p2.l} know the rota is sorted",
    # agency timesheet
    "AGENCY TIMESHEET\nWorker: {p1}   Grade: RMN band 5\nWard: acute admissions\nShift: {DATE} "
    "19:30-08:00 (60 min break)\nAuthorised by: {p2} (nurse in charge)   Signature: {p2.i}\n"
    "Worker reference: {ID}\nSubmit by Monday noon for payment that week.",
    # smartcard
    "SMARTCARD / IT ACCESS REQUEST\nName: {p1.U}\nRole: ward clerk, outpatients\nStart date: "
    "{DATE}\nLine manager: {p2}\nAccess needed: PAS, e-referrals, printing\nIdentity checked "
    "by {p3.is} (RA agent) - passport seen\nEmail: {EMAIL:p1}",
    # induction
    "NEW STARTER INDUCTION\nName: {p1}   Start {DATE}\n[x] fire walk with {p2.g}\n[x] manual "
    "handling\n[ ] resus trolley check with {p3.g}\n[ ] locker and uniform\nBuddy for the "
    "first two weeks: {p4}. Signed off by {t5} {p5.s}.",
    # revalidation
    "NMC revalidation - confirmation\nI, {p1}, confirm that I have discussed the revalidation "
    "portfolio of {p2} (PIN {ID}), including five written reflective accounts, and held the "
    "reflective discussion on {DATE}. {p2.g} has met the practice hours. Confirmer's role: "
    "ward manager.",
    # exit interview
    "Exit interview notes - {p1} (staff nurse, six years)\nReason for leaving: moving to {LOC} "
    "to be near family.\nWhat went well: the team, and support from {p2.g} in the first "
    "year.\nCould improve: late finishes, car parking.\nInterview by {p3.is}, HR, {DATE}. "
    "{p1.g} would consider coming back.",
    # Schwartz round
    "Schwartz Round - Thursday 12:30, education centre\nTheme: 'The patient I still think "
    "about'\nPanel: {p1} (porter), {t2} {p2} (registrar) and {p3.g} from the chaplaincy\n"
    "Facilitated by {p4.is}. Lunch provided. All staff welcome, no need to book.",
    # grand round
    "GRAND ROUND\nWednesday {DATE}, 13:00, lecture theatre\n'Delirium on the surgical wards: "
    "what we changed'\nSpeaker: {t1} {p1}, consultant geriatrician\nChair: {t2} {p2.s}\n"
    "Sandwiches from 12:45. Recording on the intranet afterwards. Questions to {EMAIL:p1}",
    # casenote tracer
    "CASENOTE REQUEST\nPatient: {p1.c}   Hosp no: {ID}\nRequired for: {t2} {p2.s}'s clinic, "
    "{DATE}\nLast tracked to: secretaries' office, fourth floor\nRequested by {p3}, medical "
    "records. Please track the notes back to the library when done.",
    # typing queue
    "TYPING QUEUE - urgent first\n1. {t1} {p1.s} - clinic letter for {p2} - 4 min - due "
    "{DATE}\n2. {t1} {p1.s} - discharge letter for {p3.SU} - 2 min\n3. {t4} {p4.s} - ward "
    "letter - 6 min\nTypist today: {p5.g}. Anything older than five days to the team leader.",
    # significant event analysis
    "Significant event analysis, {ORG}\nWhat happened: a repeat prescription for {p1} was "
    "issued with the old warfarin dose.\nFound by: community pharmacist {p2}, who rang on "
    "{DATE}.\nLearning: reconcile discharge letters within 48 hours. Action owner: {t3} "
    "{p3.s}.\n{p1.g} was told and given an apology.",
    # home visit book
    "{p2=f}HOME VISIT REQUESTS {DATE}\n1. {p1} - housebound, chest infection?, daughter {p2.g} rang\n"
    "2. {p3.SU} - palliative, syringe driver check with the DN\n3. {p4.s} - fall, not hurt, "
    "wants to be seen\nDoctor allocated: {t5} {p5.s} (1, 3), {t6} {p6.s} (2)",
    # sick day rules
    "SICK DAY RULES\nName: {p1}\nIf you are unwell with vomiting, diarrhoea or a fever, STOP "
    "these until you have been eating and drinking for 24-48 hours: metformin, ramipril, "
    "furosemide.\nRestart when well. Questions: ring {p2.g} at the practice on {PHONE}. Card "
    "given on {DATE}.",
    # phlebotomy board
    "PHLEBOTOMY - NOW CALLING\nROOM 1   {p1.SG}\nROOM 2   {p2.SG}\nROOM 3   closed\nPlease "
    "have your blood form ready. Fasting patients, tell the front desk. Phlebotomists today: "
    "{p3.g} and {p4.g}. Children's bloods on Saturday mornings only.",
    # ECG overread
    "ECG overread request\nPatient: {p1.SU}   Age: {AGE}\nTaken by HCA {p2.g} at {TIME}. "
    "Machine says 'possible inferior infarct'. No chest pain - routine pre-op.\nPlease review: "
    "{t3} {p3.s}\nOutcome: normal variant, Q waves in III only. Signed {p3.i}.",
    # discharge counselling
    "Discharge counselling {DATE}: went through the new medicines with {p1} and X: apixaban 5 mg twice a day (new), bisoprolol increased. "
    "Anticoagulant alert card given. {p1.g} repeated back the bleeding advice. Pharmacist "
    "{p3.is}.",
    # postnatal discharge
    "{p1=f}{p3=m}POSTNATAL DISCHARGE CHECKLIST\nMother: {p1}   Baby: boy, 3.4 kg\n[x] feeding "
    "assessed (breast, good latch)  [x] newborn check done\n[x] community midwife told: "
    "{p2.g}\n[x] car seat checked with dad, {p3.g}\nDischarging midwife: {p4.is}   {DATE}",
    # antenatal class
    "{p5=f}Antenatal class - labour and birth, {DATE}\nCouples: {p1.g} & {p2.g}; {p3.g} & {p4.g}; "
    "{p5.g} (with her mum)\nMidwife: {p6.is}\nNext week: feeding. {p3.g} asked for the "
    "hypnobirthing list - sent from {EMAIL}.",
    # audit form
    "AUDIT: VTE assessment within 14 h - data form\nCase 12\nPatient initials: {p1.i}   Hosp "
    "no: {ID}\nAdmitted {DATE}; VTE form done at 9 h by {p2.is}; prophylaxis given\nData "
    "collected by {p3} (FY1), checked by {t4} {p4.s}",
    # ED care plan
    "ED care plan - {p1.U}\nAttends with chest pain, fully investigated (normal angiogram "
    "2023). Please: ECG and troponin only if the pain is different; avoid opioids; call "
    "{p1.his} care coordinator, {p2}, on {PHONE}. {p1.g} responds well to a calm, short "
    "explanation. Plan agreed by {t3} {p3.s}, review {DATE}.",
    # patient story
    "{p2=f}Patient story for the board, {DATE}\n{p1} ({AGE}) spent 19 hours in ED waiting for "
    "a bed. {p1.His} daughter {p2.g} will tell the story in person. Actions since: a "
    "corridor-care standard and new reclining chairs. Prepared by {p3.is}, head of patient "
    "experience.",
    # student placement
    "Placement sign-off\nStudent: {p1}   Year 4\nPlacement: general practice, four weeks "
    "ending {DATE}\nAttendance: 19/20 days (one day sick, reported)\nFeedback: takes good "
    "histories; {p1.g} should practise presenting to the team.\nSupervisor: {t2} {p2}",
    # locum booking
    "Booking confirmed\nLocum: {t1} {p1}\nPractice: {ORG}\nSessions: {DATE}, morning and "
    "afternoon\nRate agreed with {p2.g} (practice manager). Park at the rear. Smartcard "
    "needed. Queries to {EMAIL}. {t1} {p1.s} please arrive by 8.15.",
    # Devanagari label
    "{R=marwari}{p2=m}Pharmacy label check: name printed as {p1.x} at the family's request and "
    "as {p1.U} on the system. Please keep both on the blister pack. Confirmed with {p1.his} "
    "son {p2.g} and pharmacist {p3.is} on {DATE}.",
    "{R=marwari}{p1=m}{p2=f}Interpreter note (Marwari / Hindi): {p1}, preferred written name "
    "{p1.x}. His wife {p2.g} translates at home, but an interpreter was booked for consent. "
    "{t3} {p3.s} explained the procedure; the interpreter, {p4}, confirmed he understood.",
    "{R=marwari}Catering note: {p1.x} / {p1.SU} - pure vegetarian, no onion, no garlic, no eggs. "
    "Fasts on Ekadashi. Family will bring food from home; ward host {p2.g} has put a label on "
    "the fridge shelf. Noted by {p3.is}.",
    # Low German interpreter, CURP
    "{R=mennonite}{p2=f}Interpreter request: Low German for {p1} ({AGE}), who will attend with "
    "{p1.his} daughter {p2}. Spanish also spoken. Booked for the {DATE} clinic with {t3} "
    "{p3.s}. {p1.g} prefers the daughter not to interpret bad news. Requested by {p4.is}.",
    "{R=mennonite}NEW PATIENT REGISTRATION\nName: {p1}\nDate of birth: {DOB}\nMexican CURP: "
    "{NATID}\nPrevious address: {LOC}, Chihuahua\nLanguages: Low German, Spanish, some "
    "English\nNext of kin: {p2} ({PHONE})\nChecked by {p3.is}",
    # NIR overseas visitor
    "{R=alsace}Overseas visitor check: {p1}, French national living in {LOC}. NIR {NATID}. "
    "European health card seen and copied. Treatment today is covered; {p1.g} will keep the "
    "receipts. Checked by {p2.is}, overseas visitors office, {DATE}.",
    # Newfoundland MCP claim
    "{R=newfoundland}Out-of-province claim: {p1}, MCP {ID}, from {LOC}, Newfoundland, seen in "
    "ED on {DATE} while visiting {p2.g}, {p1.his} grandchild. Claim form sent by {p3.is}. "
    "{p1.s} asked for a copy for the insurer.",
    # St Helena referral
    "{R=sthelena}Overseas referral: {p1} ({AGE}) from {LOC}, St Helena, flown via "
    "Johannesburg for cardiac surgery. Escort: {p2}, a family member. Island "
    "health office contact {PHONE}. Liaison nurse {p3.is} will meet them at arrivals.",
    # Montserrat transfer
    "{R=montserrat}Transfer summary from {ORG} ({LOC}, Montserrat): {p1} ({AGE}) for an MRI "
    "scan not available on the island. Accompanied by {p2.g}. Return flight booked for "
    "{DATE}. Local phone {PHONE}. Receiving consultant {t3} {p3.s}.",
    # Aboriginal Liaison
    "{R=ngarrindjeri}{p3=f}Aboriginal Liaison Officer note: {p1} ({AGE}), Ngarrindjeri, from {LOC}. "
    "ALO {p2} visited on the ward. Family ({p1.his} aunty {p3.g}) would like a family "
    "meeting before any decisions. Medicare {ID}. Team: {t4} {p4.s}.",
    # Ivorian registration
    "{R=bete}Registration: {p1}, arrived from {LOC}, Côte d'Ivoire, three weeks ago. French "
    "speaker, some English. {p1.His} cousin {p2.g} interprets. Vaccination record and "
    "malaria history taken by {p3.is}. Phone {PHONE}.",
]

# Texts with no identifier at all: traps.
TRAP_T = [
    "Renal teaching: estimate clearance with Cockcroft-Gault before dosing the antibiotics. "
    "Denys-Drash and Frasier syndromes both come from WT1 variants. Bellini duct carcinoma "
    "is rare but aggressive. The Carrel patch keeps the donor artery ostium intact.",
    "Neurology lecture notes: the Westphal variant presents in childhood with rigidity. Meige "
    "syndrome responds to botulinum toxin. Segawa disease is dramatically levodopa "
    "responsive. A positive Myerson sign is not specific. Bring a reflex hammer to the session.",
    "Cardiology revision: Bruce protocol treadmill test stopped at stage 3. Sokolow-Lyon and "
    "Cornell criteria for left ventricular hypertrophy. The triangle of Koch contains the AV "
    "node. Carvallo sign helps with tricuspid regurgitation.",
    "Diabetes teaching: the Somogyi effect is now thought to be rare; night-time "
    "hypoglycaemia on a sensor is more likely. Chadwick sign is the bluish cervix of early "
    "pregnancy, not a diabetes finding.",
    "Sexual health training: Cusco speculum for most, Sims position if the view is poor. "
    "Pastia lines in scarlet fever. Jarisch-Herxheimer reaction after treating syphilis - "
    "warn the patient beforehand. Chaperones must be offered for every intimate examination.",
    "Nail changes to recognise: Beau lines after a serious illness, Terry nails in liver "
    "disease and heart failure. Waterhouse-Friderichsen syndrome is a meningococcal "
    "emergency. Askin tumour and Li-Fraumeni were on the oncology slides.",
    "Difficult airway trolley: McGrath videolaryngoscope, Bullard and Bonfils scopes in the "
    "top drawer, bougies below. Check the batteries every Monday. The Banff classification "
    "is for transplant biopsies, not airways. Sign the checklist at the end of each shift.",
    "Contraception formulary: Yasmin, Lovima, Slynd, Qlaira and Drovelis pills; Sayana Press "
    "and Noristerat injections; the Evra patch and NuvaRing. Apretude is an injectable PrEP "
    "option for some patients. Check blood pressure and BMI before every supply of the pill.",
    "Parkinson's formulary: Ongentys once daily at bedtime, Inbrija inhaled for off periods, "
    "Kynmobi film under the tongue. Duodopa and Produodopa pumps need the specialist team. Never stop any of these suddenly on admission, and give each dose on time.",
    "Transplant medicines: Prograf, Advagraf and Envarsus are not interchangeable - prescribe "
    "by brand. CellCept or Myfortic, Rapamune for some. Nulojix infusions monthly. Simulect "
    "and Thymoglobulin are induction agents. Levels are taken before the morning dose.",
    "Antibiotic stock check: Klaricid suspension, Targocid vials, Zyvox tablets and Cubicin "
    "vials in the antimicrobial cupboard. Record the batch numbers in the red book. Anything restricted needs approval from microbiology before the first dose is given.",
    "Clozapine brands differ: Denzapine and Zaponex each have their own monitoring service. "
    "Never switch without telling the clinic. Maintena is a long-acting injection. Antabuse "
    "and Selincro are for alcohol dependence. Ask the pharmacy if in doubt.",
    "Insulin and sleep: Lyumjev is a faster mealtime insulin; Semglee is a long-acting "
    "biosimilar. ResMed AirSense and DreamStation machines are returned to the sleep "
    "department for cleaning. Masks and tubing are single-patient items and go home with the patient.",
    "Self-care shelf: Strepsils, Difflam spray, Lemsip, Beechams, Covonia and Benylin for "
    "coughs and colds; Olbas oil, Vicks and Karvol for congestion; Piriton, Clarityn and "
    "Zirtek for hay fever; Otrivine and Sudafed nasal sprays.",
    "Minor ailments stock: Calpol and Nurofen for children, Bonjela for teething, Germolene "
    "and Savlon for grazes, Imodium for diarrhoea, Lyclear and Hedrin for head lice, "
    "Lamisil cream, Scholl insoles, Compeed plasters, Bazuka and Wartner for verrucas.",
    "Other shelves: Anusol, Rennie, Zovirax cold sore cream, Vagifem on prescription only, "
    "Replens gel. Venalink and Nomad trays for compliance aids are in the back room. Ask a pharmacist before selling anything to a pregnant customer.",
    "Ward equipment: a water pitcher on each bedside table, the old enamel ewer in the "
    "museum case, and a hamper from the League of Friends at Christmas. Plato and Scipio "
    "quotes on the education corridor.",
    "The drover's dog at the farm show bit a child's hand; wound cleaned, tetanus up to date. "
    "Press harder on the wound for ten minutes if it bleeds again. A firkin of ale fell on "
    "a steward's foot; no fracture.",
    "Language note: a tankard is a drinking mug; to cock a snook is to show contempt. Neither "
    "is a medical term, but both came up in the patient's history of a pub fall.",
    "Cultural awareness session: attiéké, alloco, foutou and kedjenou are Ivorian dishes; a "
    "gbaka is a minibus; zouglou is a music style. Patients may fast during Ramadan. Ask about diet and fasting before changing insulin doses.",
    "Dietary history: choucroute and baeckeoffe at a family gathering, kougelhopf for "
    "breakfast, flammekueche at the winstub; bredele biscuits at Christmas. Salt intake high. Dietitian advice given about portion sizes and alcohol with meals.",
    "Interpreter booking guidance: Plautdietsch is a Low German language, not Dutch. Foods "
    "mentioned by patients include vereniki, Rollkuchen, Zwieback and the afternoon Faspa. Always book a trained interpreter rather than relying on family members.",
    "Terms heard from patients from the outports: jiggs dinner, toutons, mummering at Christmas, "
    "screech (rum), a scoff (a big meal), bakeapple jam, an outport (a small coastal "
    "village), a dory (a small boat).",
    "Island words: plo is a rice dish; the wirebird is the island's endemic plover; tungi "
    "is a spirit made from prickly pear. Ask about diet before starting warfarin, and about alcohol too.",
    "Diet history from the desert villages: dal baati, ghevar, bajra roti and ker sangri. The old haveli houses "
    "are painted. Ghoomar is a dance. Fasting days vary by family. Ask before prescribing anything to be taken with food.",
    "Goat water is a stew; masquerade dancers perform at festivals. A ngatji is a totem; a yarning circle is a way of "
    "talking together. The primary care network and the ICB meet monthly; the Trust board "
    "meets in public.",
]


def build():
    """Returns the 300 records and how often each template was used."""
    rng = random.Random(SEED)
    regions = sorted(REGIONS)
    jobs = corpus_kit.schedule(rng, len(PERSON_T), len(TRAP_T))
    out = []
    uses = {}
    for n, (kind, i) in enumerate(jobs, 1):
        uses[(kind, i)] = uses.get((kind, i), 0) + 1
        if kind == "p":
            tmpl = PERSON_T[i]
            pinned = re.match(r"\{R=(\w+)\}", tmpl)
            first = pinned.group(1) if pinned else rng.choice(regions)
            doc_regions = [first] + rng.sample([r for r in regions if r != first], 5)
            doc = Doc(rng, doc_regions, ".x}" in tmpl)
            doc.render(tmpl)
        else:
            doc = Doc(rng, [rng.choice(regions)])
            doc.render(TRAP_T[i])
        out.append({"id": f"blind18-{n:03d}", "text": doc.text, "entities": doc.ents})
    return out, uses


def pool_words():
    """Every pool name part, nickname and Devanagari form, lower-cased."""
    ours = set()
    for given, fam, nick in REGIONS.values():
        for g, _ in given:
            ours |= corpus_kit.words(g)
        for f in fam:
            ours |= corpus_kit.words(f)
        for v in nick.values():
            ours |= corpus_kit.words(v)
    for v in list(DEVA_FAM.values()) + list(DEVA_GIVEN.values()):
        ours |= corpus_kit.words(v)
    return ours


def outside_spans(r):
    """The words of a text that lie outside its spans, lower-cased."""
    text = r["text"]
    for e in sorted(r["entities"], key=lambda e: -e["start"]):
        text = text[:e["start"]] + " " + text[e["end"]:]
    return corpus_kit.words(text)


def self_check(records, uses):
    """Refuses anything shared with earlier corpora, and checks the records' shape."""
    seen = corpus_kit.earlier_words(HERE, 17)
    ours = pool_words()
    for v in PLACES.values():
        for p in v:
            ours |= corpus_kit.words(p)
    for t in TRAPS + ORG_WORDS:
        ours |= corpus_kit.words(t)
    ours = {w for w in ours if len(w) > 2}
    shared = sorted(ours & seen)
    if shared:
        sys.exit("shared with earlier corpora: " + ", ".join(shared))
    corpus_kit.check_shape(records, uses)
    # This corpus's own, stricter targets.
    assert len(uses) >= 100, len(uses)
    assert max(uses.values()) <= 4, max(uses.values())
    lengths = [len(r["text"].split()) for r in records]
    short = [(r["id"], n) for r, n in zip(records, lengths) if not 30 <= n <= 150]
    assert not short, short
    names = {w for w in pool_words() if len(w) > 2}
    repeated = 0
    for r in records:
        persons = [e for e in r["entities"] if e["type"] == "PERSON"]
        if not persons:
            # A trap uses pool words only as the listed ordinary words.
            stray = (corpus_kit.words(r["text"]) & names) - WORD_NAMES
            assert not stray, (r["id"], stray)
            continue
        counts = {}
        for e in persons:
            counts[e["person"]] = counts.get(e["person"], 0) + 1
        repeated += any(c > 1 for c in counts.values())
        # No word of a name mentioned in the text is left outside the spans.
        mentioned = set()
        for e in persons:
            mentioned |= corpus_kit.words(r["text"][e["start"]:e["end"]])
        stray = {w for w in mentioned & outside_spans(r) if len(w) > 2}
        assert not stray, (r["id"], stray)
        assert len(set(r["text"][e["start"]:e["end"]] for e in persons)) >= 1
    assert 90 <= repeated <= 170, repeated
    return repeated


def main():
    """Builds, checks and writes the corpus."""
    records, uses = build()
    repeated = self_check(records, uses)
    corpus_kit.write_jsonl(OUT, records)
    print(f"{len(records)} texts, {len(uses)} templates used (max {max(uses.values())} "
          f"times), {repeated} person texts with a repeated mention")


if __name__ == "__main__":
    main()
