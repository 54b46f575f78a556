#!/usr/bin/env python3
"""Deterministic generator for the sanitizer's thirteenth BLIND corpus (blind13.jsonl), the
sixteenth corpus overall.

Run from the repository root:  python3 sanitizer/corpus/generate_blind13.py
Output is byte-identical on every run (own seed, no clock, no environment, no hash order).

NEVER SCORED: written blind, without reading the sanitizer's source or
sanitizer/tests/generalise.rs and without running the sanitizer, its bench or its failures
example on anything. It is meant to be scored ONCE, later, by someone other than its author;
until then it is parsed only (the shape test in sanitizer/tests/corpus.rs). Templates, word
lists and names share nothing by design with generate.py (dev), generate_heldout.py
(heldout), generate_test.py (test), generate_blind.py .. generate_blind12.py, their .jsonl
outputs and names.json: the self-check at the end refuses any pool name part, nickname, name
in another script, trap term, organisation key word or place found (as a whole word,
case-insensitive) in those files. The particle "de" and one- and two-letter tokens are
exempt.

Regions (naming traditions; names listed by hand from general knowledge of public name
lists and naming studies, nothing downloaded). Each was checked against every earlier
docstring and the regions briefed for blind7 .. blind12 and their neighbours; candidates whose
names the self-check found in earlier files (Sierra Leone, Slovene, Galician, Latvian,
Icelandic, Hungarian, Armenian, Tahitian, Solomon Islands, Fiji, Maronite Lebanese) were
dropped:
- Coptic Egyptians (Asyut, Minya, Sohag, Shubra): Tadros, Wissa, Ghaly, Girgis, Boutros,
  Mikhail, Fawzy, Iskander, Samaan, Rizk, Ghobrial, Malak, Abadir (some also in Arabic
  script); Bishoy, Kirollos, Mina;
  Demiana, Youstina, Irini;
- Baganda (Buganda, central Uganda): Ssemakula, Nsubuga, Kiggundu, Ssekandi, Mukasa,
  Ssewanyana, Kasozi, Lubega, Mugerwa; Nalubega, Namutebi, Nankya, Babirye, with Christian
  given names (Allan, Ivan; Robinah, Jesca, Harriet);
- Ojibwe (Anishinaabe of northern Minnesota): Nahwegahbow, Wemigwans, Assinewe, Shawanda,
  Nadjiwon, Bebamikawe, Ominika and the French-derived Jourdain, Bellanger, de Montigny
  (particle) and hyphenated Wemigwans-Bellecourt; Marlon, Travis; Shayna, Bebe;
- Kachin (Jinghpaw, Myitkyina): clan name first (Lahpai, Marip, Nhkum, Maran, Lahtaw,
  Sumlut, Labang, Lazum) then a birth-order given name (Zau, Gam, Tang, Hkam, Brang;
  Hkawn, Roi, Bawk, Lu, Htu);
- Carpatho-Rusyn (Svidník, Medzilaborce, Bardejov and the Pennsylvania diaspora):
  Warhola, Dzubay, Hrabar, Dukhnovych, Paulovich, Hopko, Zozuliak, Kerecman, Bilak (also in
  Cyrillic); Mychajlo (Misko), Petro, Teodor, Vasyl; Hafija, Olena, Melania, Yuliya;
- Newar (Kathmandu valley: Patan, Bhaktapur, Kirtipur): Maharjan, Bajracharya, Shakya,
  Tuladhar, Manandhar, Dangol, Ranjitkar, Kansakar (also in Devanagari); Sujan (Suju), Nabin,
  Manish, Bikram; Pramila, Rojina, Rajani, Binita;
- Lithuanian (Samogitia: Telšiai, Plungė, Kretinga): Petrauskas, Žukauskas, Vaitkus,
  Butkus, Urbonas, Kavaliauskas and the married forms Petrauskienė, Butkienė, Urbonienė,
  Vaitkienė; Rimantas (Rimas), Gintaras, Saulius, Juozas, Kęstutis; Giedrė, Dalia, Vaida,
  Jurgita, Dovilė, Laima, Virginija;
- Cook Islands Māori (Rarotonga, Aitutaki, Mangaia; not New Zealand Māori, which blind2
  drew on): Tangimetua, Marurai, Puna, Teariki, Tuavera, Nooroa, Ngametua, Tereapii,
  Ngatokorua; Teina, Tepaki, Mataio; Vaine, Tuaine;
- Warlpiri (Yuendumu, Lajamanu, Willowra in the Tanami; not the Yolŋu clan names of blind2):
  the subsection ("skin") names borne as surnames, male Jampijinpa, Japaljarri, Jakamarra,
  Jupurrurla, Japanangka, Jungarrayi and female Nangala, Napaljarri, Nakamarra, Napurrurla,
  Nungarrayi, with Otto, Cecil, Norbert; Wendy, Rosie; addresses as remote-community lot
  numbers;
- English surnames that are foods, condiments and stones, a word class no earlier corpus
  used (Mustard, Parsley, Cakebread, Perry, Slate, Marble, Chalk, Garlick, Onions, Pease,
  Butters, Bunn and the double-barrelled Chalk-Garlick, Cakebread-Perry), with Leonard, Ronald (Ron), Walter, Gwendolyn, Edith, Nora, Ruth.

Genres and their sentence shapes (300 texts: 220 naming a person, 80 with no identifier;
lengths from two words to about 120; 87 templates, 66 with identifiers and 21 traps, none
filled more than five times): hearing-aid repair tickets, orthoptic (squint) clinic notes,
podiatry nail-surgery records, stoma-care reviews, lymphoedema garment orders and a long
lymphoedema clinic letter, allergy skin-prick sheets, hydrotherapy pool logs (surnames in
capitals), sleep-study headers (``FAMILY^GIVEN``), Holter returns, DEXA reports, colposcopy
appointment letters, smoking-cessation CO readings, lower-case weigh-ins, meal-support notes,
memory-clinic notes, speech-valve changes, tracheostomy care, PICC insertion records,
chemotherapy day-unit chair lists, cold-cap logs, radiotherapy mask-room notes, transport
cancellations with an address, switchboard messages, lost-property slips (upper case),
chaplaincy blessing requests, bereavement-office collections, organ-donation family
approaches (short and long), research visit windows (initials), patient compliments, PALS
contacts and a PALS letter, bank-shift offers, locum CV excerpts, staff vaccination records
(National Insurance number), uniform orders signed with initials, key-safe home visits,
meals-on-wheels notes, orthotic shoe orders, ocular-prosthesis fittings, wig vouchers, genetic
cascade-testing letters, newborn hearing screens (baby by surname, mother in full), car-seat
checks, immunisation catch-up for arrivals from abroad (national ID), lower-case phone
triage, lower-case team messenger threads, handover voice notes, a voicemail transcript,
slit-lamp and fundus camera overlays (``FAMILY, Given``, caret), prescription-pad lines, CSV
booking rows, JSON fragments (given and family in separate fields), prison reception screens
(``FAMILY Given``), birthday boards, controlled-drug checks signed with two people's
initials, DNA discharges with an NHS number, dialysis slot swaps, annual foot checks, a
referral e-mail (URL, e-mail), nickname sign-offs, locker labels with a family name in Arabic,
Cyrillic or Devanagari script beside its romanised form, Kachin clan-first names, and two- to
four-word notes. Some shapes share a genre (not wording) with an earlier corpus: custody /
prison healthcare (blind7, blind12), staff chat, e-mails, overlays, short notes. People are
mentioned repeatedly and partially (surname only, given name only, title + surname, initials,
nickname, lower case, upper case, script form) and every mention carries one ``person`` id;
relatives are drawn from the same naming tradition as the patient.

The 80 texts without identifiers are traps: eponyms no earlier corpus used (Lesch-Nyhan,
Kasabach-Merritt, Zollinger-Ellison, Sézary), brands (Flixotide, Dymista, Avamys, Nasonex,
Otomize, Sofradex, Eumovate, Fucidin, Fucibet, Oilatum, Aveeno), this corpus's word-names
used as words (mustard, parsley, marble, chalk, slate, onions, pease pudding, butters), the
people's names Kachin and Newar and Coptic as adjectives, anatomy, notices, nameless staff
chat, and sentences that open with a capitalised word.

Conventions of the gold spans are generate_blind6.py's (offsets in code points): PERSON
spans cover the name only, never a title or a possessive 's; a ``FAMILY^GIVEN`` or
``Family, Given`` value is one span; a Kachin clan name with its given name is one span; a
name in another script is a mention of the same person; initials standing for a person are
PERSON; a name inside an e-mail address is part of the EMAIL span only; AGE covers the number
with its unit; DATE covers a full date (with a time written with it), never a time or year
alone; LOCATION covers a street address or a town named alone; ORG covers a whole hospital or
clinic name; ID / PHONE / EMAIL / URL / SSN cover the value only (SSN for national codes:
Egyptian national ID, Ugandan NIN, Lithuanian asmens kodas, Slovak rodné číslo, Nepali
citizenship number, US SSN, UK National Insurance number). Bed, chair, bay and extension
numbers are not marked.

Self-check (exits non-zero and writes nothing on failure): every span's slice is exactly the
string the template inserted; spans are sorted, non-empty and do not overlap; PERSON spans
and only they carry a ``person`` id, one id per individual; no pool name part occurs outside
a span (except the word-names, which trap texts use as words); trap texts hold no span and
every other text names a person; 220 + 80 texts; no template is used more than five times
and at least 70 are used; ids and texts are unique; no pool name part, nickname, script
form, trap term, organisation key word or place occurs in the earlier files.
"""

import json
import os
import random
import re
import sys
import unicodedata

SEED = 13_052_611
OUT = os.path.join("sanitizer", "corpus", "blind13.jsonl")
HERE = os.path.join("sanitizer", "corpus")
N_PII = 220
N_TRAP = 80
MAX_USES = 5
MIN_TEMPLATES = 70
KINDS = {"PERSON", "DATE", "AGE", "ID", "PHONE", "EMAIL", "URL", "SSN", "LOCATION", "ORG"}
EARLIER = (["generate.py", "generate_heldout.py", "generate_test.py"]
           + ["generate_blind%s.py" % s for s in ["", 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]]
           + ["dev.jsonl", "heldout.jsonl", "test.jsonl"]
           + ["blind%s.jsonl" % s for s in ["", 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]]
           + ["names.json"])


def fail(msg):
    """Stops the script without writing anything."""
    sys.stderr.write("generate_blind13: " + msg + "\n")
    sys.exit(1)


REGIONS = {
    "coptic": {"famm": ["Tadros", "Wissa", "Ghaly", "Girgis", "Boutros", "Mikhail", "Fawzy",
                        "Iskander", "Samaan", "Rizk", "Ghobrial", "Malak", "Abadir"],
               "m": ["Bishoy", "Kirollos", "Mina"], "f": ["Demiana", "Youstina", "Irini"]},
    "baganda": {"famm": ["Ssemakula", "Nsubuga", "Kiggundu", "Ssekandi", "Mukasa",
                         "Ssewanyana", "Kasozi", "Lubega", "Mugerwa"],
                "famf": ["Nalubega", "Namutebi", "Nankya", "Babirye"],
                "m": ["Allan", "Ivan"], "f": ["Robinah", "Jesca", "Harriet"]},
    "ojibwe": {"famm": ["Nahwegahbow", "Wemigwans", "Assinewe", "Shawanda", "Nadjiwon",
                        "Bebamikawe", "Ominika", "Jourdain", "de Montigny",
                        "Wemigwans-Bellecourt", "Bellanger"],
               "m": ["Marlon", "Travis"], "f": ["Shayna", "Bebe"]},
    "kachin": {"famm": ["Lahpai", "Marip", "Nhkum", "Maran", "Lahtaw", "Sumlut", "Labang",
                        "Lazum"],
               "m": ["Zau", "Gam", "Tang", "Hkam", "Brang"],
               "f": ["Hkawn", "Roi", "Bawk", "Htu"]},
    "rusyn": {"famm": ["Warhola", "Dzubay", "Hrabar", "Dukhnovych", "Paulovich", "Hopko",
                       "Zozuliak", "Kerecman", "Bilak"],
              "m": ["Mychajlo", "Petro", "Teodor", "Vasyl"],
              "f": ["Hafija", "Olena", "Melania", "Yuliya"]},
    "newar": {"famm": ["Maharjan", "Bajracharya", "Shakya", "Tuladhar", "Manandhar", "Dangol",
                       "Ranjitkar", "Kansakar"],
              "m": ["Sujan", "Nabin", "Manish", "Bikram"],
              "f": ["Pramila", "Rojina", "Rajani", "Binita"]},
    "lith": {"famm": ["Petrauskas", "Žukauskas", "Vaitkus", "Butkus", "Urbonas",
                      "Kavaliauskas"],
             "famf": ["Petrauskienė", "Butkienė", "Urbonienė", "Vaitkienė"],
             "m": ["Rimantas", "Gintaras", "Saulius", "Juozas", "Kęstutis"],
             "f": ["Giedrė", "Dalia", "Vaida", "Jurgita", "Dovilė", "Laima", "Virginija"]},
    "english": {"famm": ["Mustard", "Parsley", "Cakebread", "Perry", "Slate", "Marble", "Chalk",
                         "Garlick", "Onions", "Pease", "Butters", "Bunn", "Chalk-Garlick",
                         "Cakebread-Perry"],
                "m": ["Leonard", "Ronald", "Walter"], "f": ["Gwendolyn", "Edith", "Nora", "Ruth"]},
    "cook": {"famm": ["Tangimetua", "Marurai", "Puna", "Teariki", "Tuavera", "Nooroa",
                      "Ngametua", "Tereapii", "Ngatokorua"],
             "m": ["Teina", "Tepaki", "Mataio"], "f": ["Vaine", "Tuaine"]},
    "warlpiri": {"famm": ["Jampijinpa", "Japaljarri", "Jakamarra", "Jupurrurla", "Japanangka",
                          "Jungarrayi"],
                 "famf": ["Nangala", "Napaljarri", "Nakamarra", "Napurrurla", "Nungarrayi"],
                 "m": ["Otto", "Cecil", "Norbert"], "f": ["Wendy", "Rosie"]},
}
CLAN_FIRST = {"kachin"}
NICKS = {"Mychajlo": "Misko", "Sujan": "Suju", "Rimantas": "Rimas", "Ronald": "Ron"}
SCRIPT = {"Tadros": "تادرس", "Ghaly": "غالي", "Girgis": "جرجس", "Boutros": "بطرس",
          "Warhola": "Варгола", "Dzubay": "Дзюбай", "Hrabar": "Грабар", "Hopko": "Гопко",
          "Maharjan": "महर्जन", "Shakya": "शाक्य", "Tuladhar": "तुलाधर", "Dangol": "डंगोल"}
WORD_NAMES = {"mustard", "parsley", "perry", "slate", "marble", "chalk", "onions", "pease",
              "butters", "bunn", "coptic", "kachin", "newar", "mina", "lu", "roi", "tang",
              "gam"}
TRAP_TERMS = ["Lesch-Nyhan", "Kasabach-Merritt", "Zollinger-Ellison", "Sézary", "Flixotide",
              "Dymista", "Avamys", "Nasonex", "Otomize", "Sofradex", "Eumovate", "Fucidin",
              "Fucibet", "Oilatum", "Aveeno"]
WORDLIKE = {"AM", "PM", "IT", "IN", "ON", "AT", "AS", "IS", "OR", "AN", "NO", "OK", "MR", "MS",
            "DR", "GP", "ED", "BP", "HR", "RN", "TB", "MG", "ML", "MD", "PT", "OT",
            "CT", "ST", "NB", "DC", "BD", "OD", "PR", "SR", "HB", "CD", "GI", "ID", "IV", "VB"}
PARTICLES = {"de"}
TOKEN = re.compile(r"[^\W\d_]+", re.UNICODE)


def tokens(s):
    """Word tokens of s (letters only)."""
    return TOKEN.findall(s)


class Person:
    """One individual of one naming tradition."""

    def __init__(self, given, family, sex, region):
        self.given, self.family, self.sex, self.region = given, family, sex, region
        self.nick = NICKS.get(given)
        self.key = None

    def full(self):
        if self.region in CLAN_FIRST:
            return self.family + " " + self.given
        return self.given + " " + self.family

    def sur(self):
        return self.family

    def script(self):
        return SCRIPT.get(self.family)

    def casual(self):
        return self.nick or self.given

    def initials(self):
        fam = self.family[3:] if self.family.startswith("de ") else self.family
        s = (self.given[0] + fam[0]).upper()
        return s[0] + "." + s[1] + "." if s in WORDLIKE else s

    def caret(self):
        return self.family.upper() + "^" + self.given.upper()

    def comma(self, upper=False):
        return (self.family.upper() if upper else self.family) + ", " + self.given

    def i_sur(self):
        return self.given[0] + ". " + self.family

    def parts(self):
        out = [w for w in tokens(self.given) + tokens(self.family) if w not in PARTICLES]
        if self.nick:
            out += tokens(self.nick)
        if self.script():
            out += tokens(self.script())
        return out

    def title(self):
        if self.sex == "m":
            return "Mr"
        return "Mrs" if len(self.family) % 2 else "Ms"


class Doc:
    """One text being built: random source, the people drawn, the pieces."""

    def __init__(self, rng):
        self.rng = rng
        self.used = []

    def person(self, region=None, sex=None, nick=False):
        rng = self.rng
        for _ in range(400):
            reg = region or rng.choice(sorted(REGIONS))
            d = REGIONS[reg]
            sx = sex or rng.choice("mf")
            given = rng.choice(d[sx])
            if nick and given not in NICKS:
                continue
            fams = d.get("fam" + sx, d["famm"])
            fam = rng.choice(fams)
            p = Person(given, fam, sx, reg)
            mine = {w.lower() for w in p.parts()}
            if any(mine & {w.lower() for w in q.parts()} for q in self.used):
                continue
            if len(self.used) and p.initials() in {q.initials() for q in self.used}:
                continue
            self.used.append(p)
            return p
        fail("could not draw a person")

    def kin(self, p, sex=None):
        return self.person(region=p.region, sex=sex)

    def c(self, *opts):
        return self.rng.choice(opts)

    def n(self, a, b):
        return self.rng.randint(a, b)


def P(p, s):
    """A PERSON mention of p reading s."""
    return ("PERSON", s, p)


def E(kind, s):
    """A typed span."""
    return (kind, s, None)


MON = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
       "October", "November", "December"]


def date(d, y0=2023, y1=2026, style=None):
    y, m, dd = d.n(y0, y1), d.n(1, 12), d.n(1, 28)
    style = style if style is not None else d.n(0, 5)
    if style == 0:
        s = "%02d/%02d/%d" % (dd, m, y)
    elif style == 1:
        s = "%d %s %d" % (dd, MON[m - 1], y)
    elif style == 2:
        s = "%d-%02d-%02d" % (y, m, dd)
    elif style == 3:
        s = "%d %s %d" % (dd, MON[m - 1][:3], y)
    elif style == 4:
        s = "%d.%d.%s" % (dd, m, str(y)[2:])
    else:
        s = "%s %d, %d" % (MON[m - 1], dd, y)
    return E("DATE", s)


def dob(d):
    return date(d, 1932, 2010, d.c(0, 1, 2))


def digits(d, k):
    return "".join(str(d.n(0, 9)) for _ in range(k))


def mrn(d):
    return E("ID", d.c("K", "RX", "H", "") + digits(d, d.c(6, 7, 8)))


def nhs(d):
    s = digits(d, 10)
    return E("ID", s[:3] + " " + s[3:6] + " " + s[6:])


PHONES = {
    "coptic": lambda d: "+20 10 %s %s" % (digits(d, 4), digits(d, 4)),
    "baganda": lambda d: "+256 7%s %s %s" % (digits(d, 2), digits(d, 3), digits(d, 3)),
    "ojibwe": lambda d: "(218) %s-%s" % (digits(d, 3), digits(d, 4)),
    "kachin": lambda d: "+95 9 %s %s %s" % (digits(d, 3), digits(d, 3), digits(d, 3)),
    "rusyn": lambda d: "+421 9%s %s %s" % (digits(d, 2), digits(d, 3), digits(d, 3)),
    "newar": lambda d: "+977 98%s" % digits(d, 8),
    "lith": lambda d: "+370 6%s %s" % (digits(d, 2), digits(d, 5)),
    "english": lambda d: "07%s %s" % (digits(d, 3), digits(d, 6)),
    "cook": lambda d: "+682 5%s %s" % (digits(d, 1), digits(d, 3)),
    "warlpiri": lambda d: "04%s %s %s" % (digits(d, 2), digits(d, 3), digits(d, 3)),
}


def phone(d, region):
    return E("PHONE", PHONES[region](d))


def ssn(d, region):
    if region == "coptic":
        s = d.c("2", "3") + digits(d, 13)
    elif region == "baganda":
        s = d.c("CM", "CF") + digits(d, 8) + "".join(d.c(*"ACDEFGHKLMNPQRTUVWXY") for _ in range(4))
    elif region == "lith":
        s = d.c("3", "4") + digits(d, 10)
    elif region == "rusyn":
        s = digits(d, 6) + "/" + digits(d, 4)
    elif region == "newar":
        s = "%s-%s-%s-%s" % (digits(d, 2), digits(d, 2), digits(d, 2), digits(d, 5))
    elif region == "ojibwe":
        s = "%s-%s-%s" % (digits(d, 3), digits(d, 2), digits(d, 4))
    else:
        s = "%s%s %s %s %s %s" % (d.c(*"JKLPRSTWY"), d.c(*"ABCEHJKLMNPRSTWXYZ"), digits(d, 2),
                                  digits(d, 2), digits(d, 2), d.c(*"ABCD"))
    return E("SSN", s)


ORGS = {
    "coptic": ["Asyut University Hospital", "Shubra General Hospital", "Minya Eye Hospital"],
    "baganda": ["Nsambya Hospital", "Rubaga Hospital", "Mengo Hospital"],
    "ojibwe": ["Bemidji Medical Center", "Cass Lake Indian Health Clinic"],
    "kachin": ["Myitkyina General Hospital"],
    "rusyn": ["Svidník District Hospital", "Bardejov Hospital"],
    "newar": ["Patan Hospital", "Dhulikhel Hospital", "Bhaktapur Hospital"],
    "lith": ["Telšiai Regional Hospital", "Plungė Polyclinic"],
    "english": ["Sheringham Community Hospital", "Aylsham Medical Centre"],
    "cook": ["Rarotonga Hospital", "Aitutaki Hospital"],
    "warlpiri": ["Yuendumu Health Clinic", "Lajamanu Health Centre"],
}
PLACES = {"coptic": ["Asyut", "Minya", "Sohag"], "baganda": ["Entebbe", "Mukono"],
          "ojibwe": ["Bemidji", "Cass Lake"], "kachin": ["Myitkyina", "Bhamo"],
          "rusyn": ["Svidník", "Medzilaborce", "Bardejov"],
          "newar": ["Kirtipur", "Bhaktapur", "Lalitpur"],
          "lith": ["Telšiai", "Plungė", "Kretinga"], "english": ["Aylsham", "Sheringham"],
          "cook": ["Rarotonga", "Aitutaki", "Mangaia"], "warlpiri": ["Yuendumu", "Lajamanu",
                                                                       "Willowra"]}
STREETS = {"coptic": "Port Said Street", "baganda": "Kisubi Road", "ojibwe": "Bemidji Avenue",
           "kachin": "Zaw John Road", "rusyn": "Sovietskych hrdinov",
           "newar": "Mangal Bazaar", "lith": "Džiugo gatvė", "english": "Cromer Road",
           "cook": "Ara Tapu", "warlpiri": None}
GENERIC = {"hospital", "university", "general", "eye", "medical", "center", "centre", "indian",
           "health", "clinic", "district", "regional", "polyclinic", "community", "lake",
           "street", "road", "avenue", "port", "said", "bazaar", "gatvė", "john", "zaw", "cass",
           "sovietskych", "hrdinov"}


def org(d, region):
    return E("ORG", d.rng.choice(ORGS[region]))


def place(d, region):
    return E("LOCATION", d.rng.choice(PLACES[region]))


def address(d, region):
    if STREETS[region] is None:
        return E("LOCATION", "Lot %d, %s" % (d.n(100, 699), d.rng.choice(PLACES[region])))
    return E("LOCATION", "%d %s, %s" % (d.n(2, 88), STREETS[region], d.rng.choice(PLACES[region])))


def fold(s):
    """Drops diacritics (for e-mail local parts)."""
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


def email(d, p, domain="mail.com"):
    fam = p.family.lower().replace(" ", "").replace("-", "")
    local = d.c(p.given.lower() + "." + fam, p.given[0].lower() + fam, fam + digits(d, 2))
    return E("EMAIL", fold(local) + "@" + domain)


def age(d, lo=18, hi=92, unit=None):
    a = d.n(lo, hi)
    unit = unit if unit is not None else d.c("-year-old", " yrs", "y", " years")
    return E("AGE", "%d%s" % (a, unit))


# ---------------------------------------------------------------------------------------------
# Templates with identifiers: each returns a list of pieces (str or span tuple).

def t_hearing_aid(d):
    p = d.person()
    return ["Hearing aid repair ticket. Owner: ", P(p, p.comma()), ". DOB ", dob(d),
            ". Fault: ", d.c("whistling at volume 3", "dead battery door", "cracked tube"),
            ". Left at front desk by ", d.c("daughter", "son", "neighbour"), "."]


def t_orthoptic(d):
    p = d.person()
    m = d.kin(p, "f")
    return [P(p, p.given), " (", age(d, 3, 9, " years"), ") seen in orthoptics with mum ",
            P(m, m.full()), ". Alternating esotropia, patch ", d.c("2", "3", "4"),
            " hours a day. ", P(p, p.given), " ", d.c("tolerated the cover test well.",
                                                          "was tearful but coped.")]


def t_podiatry(d):
    p = d.person()
    q = d.person()
    return ["Nail surgery record - patient ", P(p, p.full()), ", hosp no ", mrn(d),
            ". Partial nail avulsion L hallux, phenol 3 x 30s. Operator ", P(q, q.i_sur()),
            " (podiatrist). Redress in 48h at ", org(d, p.region), "."]


def t_stoma(d):
    p = d.person()
    return [d.c("Stoma review", "Stoma nurse visit"), " ", date(d), ": ", p.title() + " ",
            P(p, p.sur()), " managing own bag changes. ",
            "Peristomal skin intact. ", P(p, p.given), " asked about swimming; leaflet given."]


def t_lymph(d):
    p = d.person()
    return ["Garment order: ", P(p, p.caret()), " | class 2 flat-knit, R arm | ",
            "measured ", date(d), " | deliver to ", address(d, p.region)]


def t_skin_prick(d):
    p = d.person()
    q = d.person()
    return ["Skin prick test sheet\nName: ", P(p, p.full()), "\nDOB: ", dob(d),
            "\nHistamine 6 mm, saline 0 mm, peanut 9 mm, birch 2 mm.\nTested by ",
            P(q, q.initials()), " at 10:40"]


def t_hydro(d):
    p = d.person()
    q = d.person()
    return ["Hydro pool log ", date(d), ". In the water: ", P(p, p.sur().upper()),
            " and ", P(q, q.sur().upper()), ". ", P(p, p.sur()), " needed the hoist; ",
            P(q, q.given), " walked down the steps."]


def t_sleep_header(d):
    p = d.person()
    return ["POLYSOMNOGRAPHY  Patient: ", P(p, p.caret()), "  ID: ", mrn(d),
            "  Study date: ", date(d, style=2), "  AHI 31.4/h  Scored by: ",
            d.c("sleep physiologist", "tech 2")]


def t_holter(d):
    p = d.person()
    return ["Holter returned by ", P(p, p.full()), " ", d.c("a day late", "on time",
                                                              "with one lead off"),
            ". ", P(p, p.given), " kept a diary: palpitations after coffee. Upload pending."]


def t_dexa(d):
    p = d.person()
    return ["DEXA report for ", p.title() + " ", P(p, p.full()), ", ", age(d, 55, 88),
            ". L1-L4 T-score -2.7, femoral neck -2.1. Osteoporosis. Letter to GP copied to ",
            p.title(), " ", P(p, p.sur()), "."]


def t_colpo(d):
    p = d.person("lith", "f") if d.rng.random() < 0.3 else d.person(sex="f")
    return ["Dear ", p.title(), " ", P(p, p.sur()), ",\nYour colposcopy appointment is on ",
            date(d, style=1), " at ", org(d, p.region),
            ". Please phone ", phone(d, p.region), " if you cannot attend."]


def t_smoking(d):
    p = d.person()
    return ["Stop smoking wk ", str(d.n(2, 9)), ": ", P(p, p.casual()),
            " CO reading ", str(d.n(2, 12)), " ppm (was ", str(d.n(14, 30)),
            " at quit date). Varenicline continued."]


def t_weigh(d):
    p = d.person()
    return ["weigh-in ", P(p, p.full().lower()), " ", str(d.n(80, 140)), ".", str(d.n(0, 9)),
            " kg, lost ", str(d.n(1, 4)), " kg since last"]


def t_meal_support(d):
    p = d.person()
    q = d.person()
    return ["Meal support note: ", P(p, p.given), " completed ", d.c("3/4", "all", "half"),
            " of lunch with ", P(q, q.given), " sitting alongside. ", P(p, p.given),
            " asked for ", P(q, q.given), " again tomorrow."]


def t_memory(d):
    p = d.person()
    w = d.kin(p)
    return ["Memory clinic. ", P(p, p.full()), ", ", age(d, 62, 91), ", attended with ",
            d.c("spouse", "partner", "sibling"), " ", P(w, w.given), ". ACE-III ",
            str(d.n(60, 88)), "/100. ", P(w, w.given), " reports ", d.c(
                "getting lost driving", "repeated questions", "missed bills"), "."]


def t_speech_valve(d):
    p = d.person()
    return ["Speech valve changed ", date(d), " ", P(p, p.initials()), " ",
            d.c("no leak", "small central leak, resized"), ". Next change 3/12."]


def t_trache(d):
    p = d.person()
    q = d.person()
    return ["Trache care - ", P(p, p.sur()), " bay ", str(d.n(1, 6)),
            ": inner tube cleaned, stoma clean. Suction x2. Checked with ", P(q, q.full()), "."]


def t_picc(d):
    p = d.person()
    q = d.person()
    return ["PICC insertion record\nPatient ", P(p, p.comma(True)), "  MRN ", mrn(d),
            "\nRight basilic, 4Fr, 42 cm, tip confirmed ECG.\nInserted by ",
            P(q, q.full()), ", ", date(d, style=3)]


def t_chair_list(d):
    a, b, c = d.person(), d.person(), d.person()
    return ["Day unit chairs ", date(d, style=0), "\n1 ", P(a, a.sur().upper()),
            " FEC-T c3\n2 ", P(b, b.sur().upper()), " pembro\n3 empty\n4 ",
            P(c, c.sur().upper()), " zoledronate"]


def t_cold_cap(d):
    p = d.person(sex="f")
    return ["Cold cap log: ", P(p, p.full()), " - cap on 30 min pre, ",
            "temp 4 C, ", d.c("no headache", "mild headache"), "."]


def t_mask_room(d):
    p = d.person()
    return ["Mask room: shell made for ", P(p, p.full()), " (H&N, 6 fractions a week). ",
            P(p, p.casual()), " ", d.c("felt claustrophobic; music helped.",
                                       "coped fine, asked for a blanket.")]


def t_transport(d):
    p = d.person()
    return ["Transport cancelled for ", p.title(), " ", P(p, p.sur()), ", ",
            address(d, p.region), ", as ", d.c("appointment moved", "family will drive"),
            ". Rebook via ", phone(d, p.region)]


def t_switchboard(d):
    p = d.person()
    q = d.kin(p)
    return ["MSG for ward 9: ", P(p, p.full()), " rang asking after ",
            {"m": "his", "f": "her"}[p.sex], " ", {"m": "brother", "f": "sister"}[q.sex], " ",
            P(q, q.given), ". Call back ",
            phone(d, p.region), "."]


def t_lost_property(d):
    p = d.person()
    return ["Lost property slip - ", d.c("reading glasses", "hearing aid case", "wallet"),
            " found in ", d.c("outpatients", "the chapel", "X-ray waiting"),
            ". Name inside: ", P(p, p.full().upper()), "."]


def t_blessing(d):
    p = d.person()
    w = d.kin(p)
    return ["Chaplaincy: ", P(w, w.full()), " asked for a blessing for ", P(p, p.given),
            " before surgery ", date(d, style=1), ". ", P(w, w.given), " would like ",
            d.c("prayers in their own language", "a quiet room"), "."]


def t_bereavement(d):
    p = d.person()
    w = d.kin(p)
    return ["Bereavement office: certificate for the late ", P(p, p.full()),
            " collected by ", P(w, w.full()), " (", d.c(*{"m": ("son", "brother"),
                                                            "f": ("daughter", "sister")}[w.sex]),
            ") on ", date(d), "."]


def t_organ(d):
    p = d.person()
    w = d.kin(p)
    q = d.person()
    return ["SNOD note. Family approach re ", P(p, p.full()), ", ", age(d, 25, 70),
            ". Present: ", P(w, w.full()), " and ", P(q, q.full()), " (SNOD). ",
            P(w, w.given), " said ", P(p, p.given), " was on the register."]


def t_research(d):
    p = d.person()
    return ["Visit window for ", P(p, p.initials()), " (study no ", E("ID", "SR-" + digits(d, 4)),
            "): day 28 +/- 3, i.e. from ", date(d, style=1), ", six days long."]


def t_compliment(d):
    p = d.person()
    q = d.person()
    return ["Compliment: \"", P(q, q.given), " on the night shift was so kind to my mum.\" - ",
            P(p, p.full()), ", ", date(d, style=5)]


def t_pals(d):
    p = d.person()
    return ["PALS contact ", date(d), ". ", P(p, p.full()), " (", email(d, p), ") unhappy ",
            "that results were not sent. Acknowledged within 24h."]


def t_bank_shift(d):
    p = d.person()
    return ["Bank shift offer: Sat night, ward 14. Accepted by ", P(p, p.full()),
            " (staff no ", E("ID", "B" + digits(d, 5)), ")."]


def t_locum(d):
    p = d.person()
    return ["CV excerpt: ", P(p, p.full()), ", MBBS. Previous post ", org(d, p.region),
            " 2019-2022. Contact: ", email(d, p, "doctors.org.uk"), "."]


def t_vacc(d):
    p = d.person()
    return ["OH vaccination record | ", P(p, p.comma()), " | Hep B booster given ",
            date(d), " | NI ", ssn(d, "english")]


def t_uniform(d):
    p = d.person()
    return ["Uniform order - ", P(p, p.i_sur()), ", tunic x3 size 14, trousers x2. Sign: ",
            P(p, p.initials())]


def t_keysafe(d):
    p = d.person()
    return ["Home visit ", P(p, p.full()), ", ", address(d, p.region),
            ". Key safe by back door, code with coordinator. Dog in kitchen."]


def t_meals(d):
    p = d.person()
    return ["Meals on wheels: ", p.title(), " ", P(p, p.sur()), " not answering at noon. ",
            "Neighbour has key. Raised with duty team."]


def t_shoes(d):
    p = d.person()
    return ["Orthotic shoe order\n", P(p, p.caret()), "\nDOB ", dob(d),
            "\nDepth shoes, extra-wide, Velcro fastening."]


def t_eye_fit(d):
    p = d.person()
    q = d.person()
    return ["Ocular prosthesis fitting: ", P(p, p.full()), ". Shell painted to match iris. ",
            "Ocularist ", P(q, q.sur()), ". Review ", date(d, style=1), "."]


def t_wig(d):
    p = d.person(sex="f")
    return ["Wig voucher issued to ", P(p, p.full()), " (", mrn(d), "), valid at ",
            d.c("two local suppliers", "the in-house salon"), "."]


def t_cascade(d):
    p = d.person()
    r = d.kin(p)
    return ["Dear ", P(r, r.full()), ",\nYour relative ", P(p, p.full()), " has a ",
            "pathogenic variant. We can offer you a test. Ring ", phone(d, p.region), "."]


def t_hearing_screen(d):
    b = d.person(sex="m")
    m = d.kin(b, "f")
    return ["Newborn hearing screen: Baby ", P(b, b.sur()), " (mother ", P(m, m.full()),
            "). AOAE clear response both ears, ", date(d), "."]


def t_car_seat(d):
    m = d.person(sex="f")
    return ["Car seat checked before discharge. ", P(m, m.given),
            " shown the harness height. Baby going home to ", place(d, m.region), "."]


def t_catchup(d):
    p = d.person(d.c("coptic", "baganda", "kachin", "newar", "rusyn"))
    return ["Immunisation catch-up for ", P(p, p.full()), ", arrived from ",
            place(d, p.region), " ", date(d), ". National ID ", ssn(d, p.region),
            ". Records partial; MMR x1 given today."]


def t_lower_triage(d):
    p = d.person()
    return ["caller ", P(p, p.full().lower()),
            " says chest tight since lunch, no interpreter needed, advised 999"]


def t_messenger(d):
    a, b = d.person(), d.person()
    return ["[07:12] ", P(a, a.casual().lower()), ": anyone seen the bladder scanner?\n[07:14] ",
            P(b, b.casual().lower()), ": bay 3 i think\n[07:15] ", P(a, a.casual().lower()),
            ": ta"]


def t_voice(d):
    p = d.person()
    q = d.person()
    return ["Voice note transcript: \"Handover for ", P(p, p.sur()), ", um, bed twelve, ",
            "needs bloods at six. ", P(q, q.given), " is covering. Thanks.\""]


def t_slit(d):
    p = d.person()
    return ["SL-CAM  ", P(p, p.comma(True)), "  ", date(d, style=0), "  OD"]


def t_fundus(d):
    p = d.person()
    return ["FUNDUS ", P(p, p.caret()), " ID:", mrn(d), " ", date(d, style=2), " 45deg OS"]


def t_rx_pad(d):
    p = d.person()
    q = d.person()
    return ["Rx ", P(p, p.full()), "  ", address(d, p.region),
            "\nAmoxicillin 500mg tds x5/7\nSigned Dr ", P(q, q.sur()), " ", date(d, style=4)]


def t_csv(d):
    p = d.person()
    return ["slot,patient,dob,phone\n09:20,\"", P(p, p.comma()), "\",", dob(d), ",",
            phone(d, p.region)]


def t_json(d):
    p = d.person()
    return ['{"given": "', P(p, p.given), '", "family": "', P(p, p.family),
            '", "birthDate": "', date(d, 1935, 2008, 2), '"}']


def t_short(d):
    p = d.person()
    return [d.c("call ", "bleep re ", "seen: "), P(p, p.sur())]


def t_script_label(d):
    p = None
    while p is None or p.script() is None:
        d.used = []
        p = d.person(d.c("coptic", "rusyn", "newar"))
    return ["Locker label: ", P(p, p.full()), " / ", P(p, p.script()), " - bed ",
            str(d.n(1, 30))]


def t_nick_signoff(d):
    p = d.person(nick=True)
    q = d.person()
    return ["Thanks for covering ", P(q, q.given), ", owe you one. ", P(p, p.nick)]


def t_kachin_note(d):
    p = d.person("kachin", "m")
    q = d.kin(p, "f")
    return ["Interpreter not needed: ", P(p, p.full()), " speaks English. Wife ", P(q, q.full()),
            " present. ", P(p, p.given), " to return in two weeks."]


def t_dialysis_swap(d):
    p = d.person()
    return ["Please swap ", P(p, p.full()), " to the Tue/Thu/Sat slot from ", date(d),
            " - transport agreed."]


def t_footcheck(d):
    p = d.person()
    return ["Annual foot check: ", P(p, p.full()), " (", age(d, 40, 88), "). Monofilament ",
            d.c("intact", "reduced L"), ". Pulses palpable."]


def t_dna(d):
    p = d.person()
    return ["DNA x2 - ", P(p, p.i_sur()), " ", nhs(d), " - discharge to GP per policy."]


def t_ref_email(d):
    p = d.person()
    q = d.person()
    return ["From: ", email(d, q, "hospital.example.org"), "\nSubject: referral ",
            P(p, p.sur()), "\n\nHi, could the clinic see ", P(p, p.full()), " (", dob(d),
            ") sooner? Portal: ", E("URL", "https://refer.example.org/r/" + digits(d, 6)),
            "\nRegards, ", P(q, q.given)]


def t_longletter(d):
    p = d.person()
    w = d.kin(p)
    g = d.person()
    return ["Dear Dr ", P(g, g.sur()), ",\n\nRe: ", P(p, p.full()), ", DOB ", dob(d), ", ",
            address(d, p.region), "\n\nI reviewed ", P(p, p.given), " in the lymphoedema clinic "
            "on ", date(d, style=1), " with ", {"m": "his", "f": "her"}[p.sex], " ",
            {"m": "brother", "f": "sister"}[w.sex], " ", P(w, w.full()), ". Swelling of the left leg has improved with compression, and ",
            "the limb volume fell by 9%. ", p.title(), " ", P(p, p.sur()),
            " still finds the garment hard to put on, so ", P(w, w.given),
            " helps each morning. I have ordered a donning aid and will see ", P(p, p.given),
            " again in four months. Please continue the current diuretic.\n\nYours sincerely,"
            "\nLymphoedema Service"]


def t_prison(d):
    p = d.person("english", "m") if d.rng.random() < 0.5 else d.person(sex="m")
    return ["Healthcare wing, reception screen: ", P(p, p.sur().upper() + " " + p.given),
            ", prison no ", E("ID", d.c("A", "B") + digits(d, 4) + d.c("CD", "EF", "KL")),
            ". No self-harm history disclosed."]


def t_birthday(d):
    p = d.person()
    return ["Board: happy ", str(d.n(80, 101)), "th birthday ", P(p, p.given.upper()), "!"]


def t_initials_count(d):
    a, b = d.person(), d.person()
    return ["Controlled drug check: ", P(a, a.initials()), "/", P(b, b.initials()),
            " balance 14 correct"]


PII_TEMPLATES = [
    t_hearing_aid, t_orthoptic, t_podiatry, t_stoma, t_lymph, t_skin_prick, t_hydro,
    t_sleep_header, t_holter, t_dexa, t_colpo, t_smoking, t_weigh, t_meal_support, t_memory,
    t_speech_valve, t_trache, t_picc, t_chair_list, t_cold_cap, t_mask_room, t_transport,
    t_switchboard, t_lost_property, t_blessing, t_bereavement, t_organ, t_research,
    t_compliment, t_pals, t_bank_shift, t_locum, t_vacc, t_uniform, t_keysafe, t_meals,
    t_shoes, t_eye_fit, t_wig, t_cascade, t_hearing_screen, t_car_seat, t_catchup,
    t_lower_triage, t_messenger, t_voice, t_slit, t_fundus, t_csv, t_json, t_short,
    t_script_label, t_nick_signoff, t_kachin_note, t_dialysis_swap, t_footcheck, t_dna,
    t_ref_email, t_longletter, t_prison, t_birthday, t_initials_count,
]


def t_voicemail(d):
    p = d.person()
    r = d.kin(p)
    return ["Voicemail, transcribed: \"Hi, it's ", P(r, r.full()), ", I'm calling about my ",
            {"m": "dad", "f": "mum"}[p.sex], ", ", P(p, p.full()), ", date of birth ", dob(d),
            ". ", {"m": "He", "f": "She"}[p.sex], " was meant to have the catheter changed on ",
            date(d, style=1), " but nobody came, and the bag is leaking onto the carpet. ",
            "I've tried the surgery twice. Could someone ring me back on ", phone(d, p.region),
            "? I'm at work until five but I'll keep the phone on. It's ", P(r, r.given),
            " again, thanks, bye.\" Actioned by the district team, visit booked for today."]


def t_organ_long(d):
    p = d.person()
    w = d.kin(p)
    s = d.kin(p)
    q = d.person()
    return ["Family meeting, ICU relatives' room, ", date(d, style=1), ". Present: ",
            P(w, w.full()), " (", {"m": "husband", "f": "wife"}[w.sex], "), ", P(s, s.full()),
            " (", {"m": "brother", "f": "sister"}[s.sex], "), Dr ", P(q, q.sur()),
            " (consultant) and the bedside nurse. Dr ", P(q, q.sur()), " explained that the ",
            "brain-stem tests had confirmed death. ", P(w, w.given), " asked whether ",
            P(p, p.given), " could still help others; ", P(s, s.given),
            " said the family had talked about it at Easter. Specialist nurse to be called. ",
            "Chaplain offered; the family asked for their own priest from ", place(d, p.region),
            ". Time given to sit with ", P(p, p.given), " before any further discussion."]


def t_pals_letter(d):
    p = d.person()
    q = d.person()
    return ["Dear ", p.title(), " ", P(p, p.sur()), ",\n\nThank you for contacting the Patient ",
            "Advice and Liaison Service on ", date(d, style=1), " about the delay to your ",
            "hip operation. I have spoken with ", P(q, q.full()), ", the orthopaedic ",
            "scheduling lead, who has apologised and offered a new date of ", date(d, style=1),
            ". If this date does not suit you, please reply to ", email(d, q, "nhs.example.net"),
            " or ring us. Your reference is ", E("ID", "PALS-" + digits(d, 5)),
            ".\n\nWith best wishes,\nPALS officer"]


PII_TEMPLATES += [t_voicemail, t_organ_long, t_pals_letter, t_rx_pad]


# ---------------------------------------------------------------------------------------------
# Trap templates: no identifier at all.

def x_lesch(d):
    return [d.c("Known", "Background of", "Hx"), " Lesch-Nyhan syndrome; ", d.c("lip biting reduced with guards.",
                                               "allopurinol dose unchanged.",
                                               "mouth guard refitted today.")]


def x_kasabach(d):
    return [d.c("Infant", "Baby"), " with tufted angioma, watch for Kasabach-Merritt ",
            "phenomenon: platelets ", str(d.n(40, 160)), " today."]


def x_zollinger(d):
    return [d.c("Gastrin high", "Fasting gastrin raised", "Multiple ulcers"), ", ",
            d.c("query", "?"), " Zollinger-Ellison. ", d.c("Secretin test booked.",
                                                            "PPI dose doubled.")]


def x_sezary(d):
    return ["Flow shows a Sézary count of ", str(d.n(200, 1900)), "/uL. ",
            d.c("Discuss at skin MDT.", "Photopheresis to continue.")]


def x_nasal(d):
    return ["Rhinitis plan: ", d.c("Avamys", "Nasonex", "Dymista"), " ", d.c("two", "one"),
            " sprays daily, ", d.c("Flixotide", "Avamys"), " stopped. Review in spring."]


def x_ear(d):
    return [d.c("Otomize", "Sofradex"), " drops to the right ear, ",
            d.c("3 drops tds", "1 spray tds"), " for 7 days. Keep ear dry."]


def x_skin(d):
    return ["Eczema flare: ", d.c("Eumovate", "Fucibet", "Fucidin"), " thinly bd, ",
            d.c("Oilatum", "Aveeno"), " in the bath. Soap substitute advised."]


def x_mustard(d):
    return [d.c("Wants", "Asked for"), " mustard with the ", d.c("ham sandwich", "sausages",
                                                               "beef"),
            "; swallow assessment allows normal diet."]


def x_parsley(d):
    return [d.c("Diet sheet", "Dietitian", "Leaflet"), ": keep parsley and ", d.c("spinach", "kale"),
            " intake steady while on warfarin. Pharmacist to confirm."]


def x_marble(d):
    return [d.c("Marble bone disease", "Osteopetrosis (marble bone disease)"),
            d.c(" in the differential; ", " considered; "),
            d.c("skeletal survey requested.", "genetics referral done.")]


def x_chalk(d):
    return ["Chalky white deposits on the ", d.c("ear drum", "tympanic membrane"),
            ": tympanosclerosis, no action. ", d.c("Slate-grey", "Blue-grey", "Slate blue"),
            " discolouration of nails noted too."]


def x_onions(d):
    return [d.c("Pease pudding and onions", "Liver and onions", "Pease pudding"),
            " on the menu card; ",
            d.c("low-residue option offered instead.", "soft diet alternative chosen.")]


def x_butters(d):
    return [d.c("Dry skin", "Xerosis", "Itchy shins"), ": shea butters twice daily. No perry or cider while on ",
            d.c("metronidazole", "tinidazole"), "."]


def x_peoples(d):
    return [d.c("Kachin", "Newar", "Coptic"), " ", d.c("interpreter", "chaplain"),
            " requested for ", d.c("tomorrow's", "Friday's"), " family meeting."]


def x_anatomy(d):
    return ["Tender over the ", d.c("anatomical snuffbox", "pes anserinus", "lateral malleolus"),
            "; X-ray ", d.c("normal", "no fracture"), ". Splint and review."]


def x_chat(d):
    return [d.c("anyone", "who"), " got the code for the ", d.c("sluice", "milk fridge",
                                                             "drug room"), "? ta"]


def x_board(d):
    return [d.c("WARD CLOSED TO VISITORS", "NO ADMISSIONS BAY 4", "FIRE DOOR KEEP SHUT"),
            " - ", d.c("NOROVIRUS", "DEEP CLEAN", "ESTATES")]


def x_overlay(d):
    return ["US ", d.c("ABDO", "PELVIS", "THYROID"), " C5-1 ", str(d.n(8, 22)),
            "Hz GAIN ", str(d.n(40, 70)), " DR 60"]


def x_notice(d):
    return [d.c("Please", "Kindly"), " return all ", d.c("commodes", "drip stands",
                                                       "wheelchairs"),
            " to the equipment library. ", d.c("Thank you.", "Many thanks, Estates.")]


def x_caps(d):
    return [d.c("Monday", "Tuesday", "Friday"), ": ", d.c("Warfarin", "Insulin", "Heparin"),
            " chart rewritten. ", d.c("Bloods", "Obs"), " stable. ",
            d.c("Physio", "Dietitian"), " to see."]


def x_short(d):
    return [d.c("obs stable", "NBM from midnight", "for home today", "pain 2/10")]


TRAP_TEMPLATES = [
    x_lesch, x_kasabach, x_zollinger, x_sezary, x_nasal, x_ear, x_skin, x_mustard,
    x_parsley, x_marble, x_chalk, x_onions, x_butters, x_peoples, x_anatomy, x_chat, x_board,
    x_overlay, x_notice, x_caps, x_short,
]


# ---------------------------------------------------------------------------------------------
# Assembly and self-check.

def assemble(pieces):
    """Joins pieces into (text, spans); span offsets are code points, found by construction."""
    text = []
    spans = []
    n = 0
    keys = {}
    for piece in pieces:
        if isinstance(piece, tuple):
            kind, s, who = piece
            if not s:
                fail("empty span")
            ent = {"start": n, "end": n + len(s), "type": kind}
            if kind == "PERSON":
                if id(who) not in keys:
                    keys[id(who)] = ("p%d" % (len(keys) + 1), who)
                ent["person"] = keys[id(who)][0]
            spans.append((ent, s, who))
            text.append(s)
            n += len(s)
        else:
            text.append(piece)
            n += len(piece)
    return "".join(text), spans


def name_words():
    out = set()
    for d in REGIONS.values():
        for k in ("m", "f", "famm", "famf"):
            for x in d.get(k, []):
                out |= {w.lower() for w in tokens(x)} - PARTICLES
    for v in list(NICKS.values()) + list(SCRIPT.values()):
        out |= {w.lower() for w in tokens(v)}
    return out


def covered(text, spans):
    mask = [False] * len(text)
    for ent, _, _ in spans:
        for i in range(ent["start"], ent["end"]):
            mask[i] = True
    return mask


def outside_words(text, spans):
    mask = covered(text, spans)
    return [m.group(0).lower() for m in TOKEN.finditer(text)
            if not any(mask[m.start():m.end()])]


def check_record(text, spans, pii):
    prev = 0
    for ent, s, who in spans:
        if text[ent["start"]:ent["end"]] != s or s != s.strip():
            fail("span slice mismatch")
        if ent["start"] < prev:
            fail("overlapping spans")
        prev = ent["end"]
        if ent["type"] not in KINDS:
            fail("bad kind")
        if (ent["type"] == "PERSON") != ("person" in ent):
            fail("person key misuse")
    if pii and not any(e["type"] == "PERSON" for e, _, _ in spans):
        fail("PII text without a person")
    if not pii and spans:
        fail("trap text with a span")


def build():
    rng = random.Random(SEED)
    names = name_words()
    uses = {}
    records = []
    seen = set()

    def draw(templates, count, pii):
        order = []
        while len(order) < count:
            batch = list(templates)
            rng.shuffle(batch)
            order.extend(batch)
        order = order[:count]
        out = []
        for t in order:
            for _ in range(60):
                d = Doc(rng)
                text, spans = assemble(t(d))
                bad = set(outside_words(text, spans)) & names
                if not pii:
                    bad -= WORD_NAMES
                if bad or text in seen:
                    continue
                break
            else:
                fail("could not fill " + t.__name__)
            check_record(text, spans, pii)
            seen.add(text)
            uses[t.__name__] = uses.get(t.__name__, 0) + 1
            out.append((text, [e for e, _, _ in spans]))
        return out

    pii = draw(PII_TEMPLATES, N_PII, True)
    trap = draw(TRAP_TEMPLATES, N_TRAP, False)
    mixed = pii + trap
    rng.shuffle(mixed)
    for i, (text, ents) in enumerate(mixed):
        records.append({"id": "blind13-%03d" % (i + 1), "text": text, "entities": ents})
    if max(uses.values()) > MAX_USES:
        fail("a template is used more than %d times" % MAX_USES)
    if len(uses) < MIN_TEMPLATES:
        fail("only %d templates used" % len(uses))
    return records, uses


def earlier_words():
    words = set()
    for f in EARLIER:
        with open(os.path.join(HERE, f), encoding="utf-8") as fh:
            t = fh.read()
        if f.endswith(".jsonl"):
            t = "\n".join(json.loads(x)["text"] for x in t.splitlines() if x.strip())
        words |= {w.lower() for w in TOKEN.findall(t)}
    return words


def check_novel():
    old = earlier_words()
    mine = set(name_words())
    for t in TRAP_TERMS:
        mine |= {w.lower() for w in tokens(t)}
    for lst in list(ORGS.values()) + list(PLACES.values()):
        for s in lst:
            mine |= {w.lower() for w in tokens(s)} - GENERIC
    for s in STREETS.values():
        if s is None:
            continue
        mine |= {w.lower() for w in tokens(s)} - GENERIC
    clash = sorted(w for w in mine if len(w) > 2 and w in old)
    if clash:
        fail("shared with earlier corpora: " + ", ".join(clash))


def main():
    check_novel()
    records, uses = build()
    n_pii = sum(1 for r in records if any(e["type"] == "PERSON" for e in r["entities"]))
    n_none = sum(1 for r in records if not r["entities"])
    if (len(records), n_pii, n_none) != (N_PII + N_TRAP, N_PII, N_TRAP):
        fail("wrong counts")
    if len({r["id"] for r in records}) != len(records):
        fail("duplicate ids")
    with open(OUT, "w", encoding="utf-8", newline="\n") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print("wrote %d texts (%d with names, %d without), %d templates" % (
        len(records), n_pii, n_none, len(uses)))


if __name__ == "__main__":
    main()
