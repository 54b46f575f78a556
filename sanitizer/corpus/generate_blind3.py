#!/usr/bin/env python3
"""Deterministic generator for the sanitizer's third BLIND corpus (blind3.jsonl).

Run from the repository root:  python3 sanitizer/corpus/generate_blind3.py
Output is byte-identical on every run (own seed, no clock, no environment).

Blind by construction: written without running the sanitizer on it and without reading the
sanitizer's source, so it is fitted to the system in neither direction. It is meant to be
scored ONCE, after the current round of fixes, by someone other than its author. Templates,
word lists and names share nothing by design with generate.py (dev), generate_heldout.py
(heldout), generate_test.py (test), generate_blind.py (blind) and generate_blind2.py
(blind2); the self-check at the end refuses any pool name part, and any eponym, brand,
device, score, ward, organisation or place phrase, found (as a whole word, case-insensitive)
in those files or in names.json.

Genres and their sentence shapes: outpatient clinic letters, operation notes, pathology
reports, medication reconciliation, discharge summaries, nursing flowsheet comments,
telephone-message notes, MDT meeting minutes, consent forms, pharmacy queries, interpreter
bookings, safeguarding notes, DICOM-style headers (dcmdump-style ``(0010,0010) PN
[LAST^FIRST^MIDDLE]`` and pydicom-style ``(0010, 0010) Patient's Name  PN: '...'`` dumps,
``key=value`` exports with ``Last, First``, modality worklist rows), OCR output of burned-in
overlays with OCR noise (case errors, 0/O and 1/l confusions, dropped spaces, stray punctuation),
image captions ("Photo of ..."), French-language Québec notes, and chat-style shorthand
(lower-case names, initials, nicknames). People are mentioned repeatedly and partially
(surname only, first name only, title + surname, nickname, initials) and every mention carries
one ``person`` id. Word-name surnames also occur as ordinary words in the same text
("Miss Silver ... silver nitrate applied"). About a quarter of the texts hold no identifier at
all and are traps: eponymous diseases, signs, manoeuvres, instruments and scores, drug and
device brand names, units named after people ("Keir Hardie Unit"), place names inside scores
and classifications ("Montreal classification", "Rotterdam criteria"), sentence-initial
capitals and common words that are also names (will, mark, hope, bill, grace, rose, may, iris,
sage, major, patience, ...).

Names are real, listed by hand from public statistics of regions neither blind corpus drew on
(for Wales, Brazil, Ukraine, Ghana and Ethiopia, which generate_test.py also used, only names
it does not use):
- Iceland: Hagstofa Íslands (Statistics Iceland) given-name counts; patronymic and
  matronymic -son / -dóttir surnames (people are referred to by the given name);
- Wales: Welsh-language given names (ONS baby-name lists) and Welsh surnames (Prosser,
  Vaughan, Prydderch, Gruffydd, ap Iorwerth), including double-barrelled Lloyd- forms;
- Scotland: Gaelic forms of names (Mac / Nic surnames, NRS and Comunn Gàidhealach lists);
- Slovakia and Slovenia: Štatistický úrad SR (with -ová female forms) and SURS surname
  and given-name rankings;
- Albania: INSTAT common surnames and given names;
- Greece and Cyprus: common -opoulou / -ou surnames (ELSTAT, Cystat);
- Ukraine and Belarus: common -chuk / -enka / -ava surnames (Belstat, Ukrstat);
- Kazakhstan and Uzbekistan: common -ov / -ova surnames and given names (Bureau of National
  Statistics of Kazakhstan, Uzbek State Statistics Committee);
- Mongolia: NSO given names with the father's name in the genitive (-iin / -yn), commonly
  abbreviated to an initial ("D. Oyuntsetseg");
- Iraq, Syria and Lebanon: common given names and family names (al- forms);
- Myanmar: mononyms (no surname) with the honorifics U, Daw, Ko, Ma outside the span;
- Cambodia (surname first: Sok, Chea, Keo) and Laos (given name first);
- Ethiopia and Eritrea: given name + father's name (no surname; Ato / W/ro + given name);
- Ghana: Akan day names and family names; Cameroon: Beti and Bassa names (Ngo prefix);
- Angola and Mozambique: common Portuguese given names with Bantu surnames (INE);
- Haiti: IHSI-era given names (Widline, Wilner) and Saint- / Jean- compound surnames;
- Dominican Republic: JCE given-name fashions (Yokasta, Yudelka) and double surnames;
- Venezuela: CNE roll given names and surnames; Brazil: IBGE names not used before;
- Canada (Québec): ISQ (Institut de la statistique du Québec) surnames and given names;
- Native American: Navajo Nation common surnames (Begay, Yazzie, Tsosie, Benally) and Lakota
  family names that are ordinary words (Little Thunder, Two Bulls);
- English/US names that are ordinary words (Hale, Finch, Flood, Strong, Wren, Lark, Salt,
  Pepper, Silver, Bliss, Gentle, Cross; Verity, Earl, Myrtle, Basil, Prudence, Opal,
  Patience, Violet, Constance, Percy, Mabel, Melody) from ONS / Census 2010 / SSA lists,
  none used by the earlier generators.

Conventions of the gold spans, the same as generate_blind.py's so that scores compare
(offsets in code points, see sanitizer/src/eval.rs):
- PERSON spans cover the name only, never a title (Dr, Dre, MUDr., Mrs, Prof, U, Daw, Ko,
  Ma, Ato, W/ro, M., Mme, Sister, Charge Nurse) and never a possessive 's; a DICOM ``LAST^FIRST^MIDDLE`` or ``Last, First`` value is
  one span; a Mongolian "D. Oyuntsetseg" (patronymic initial + given name) is one span;
  initials standing for a person (chat, sign-offs) are PERSON; clinicians, relatives and
  interpreters are people too;
- AGE spans cover the number with its attached unit ("94 years", "7-year-old", "093Y",
  "91 ans", "46a", "104 y/o", "92yo", "87 yrs") but not a preceding "aged"; a bare number
  after "aged" or in an MDT list ("Name, 71, MRN ...") is the whole span;
- DATE spans cover a full date in whatever format, including a time written with it;
- LOCATION spans cover a street address from number to postcode as one span, or a town /
  city / district named alone; ORG spans cover the whole name of a hospital, clinic, practice,
  school or employer ("Rafik Hariri University Hospital", "Hôpital Albert Schweitzer",
  "Komfo Anokye Teaching Hospital", "St Mary's Surgery" are ORG, not PERSON);
- ID, PHONE, EMAIL, URL, SSN spans cover the value only, not its label ("MRN", "Tél.").
  SSN is used for national personal codes (US SSN, Icelandic kennitala, Slovak rodné
  číslo); hospital, NHS, CHI, RAMQ and laboratory numbers are ID.
Units and wards named after people, device manufacturers, eponyms and scores are not
identifiers and are never marked.

Self-check (the script exits non-zero and writes nothing on failure): every span's slice is
exactly the string the template inserted; spans are sorted, non-empty, trimmed and do not
overlap; types are EntityKind names; PERSON spans and only they carry a `person` id, one id per
individual and one individual per id, and each mention is a form of that individual's name
(OCR-noised texts excepted); no form of a person's name occurs outside a span (except, in
the word-name texts, the surname used as an ordinary word: "Mr Strong ... grip strong on both
sides"); no pool name part occurs outside a span in any text (the listed word-names used as
ordinary words in the trap texts excepted); ids and texts are unique; no pool name part, trap
phrase, organisation or place occurs in the earlier generators.
"""

import json
import random
import re
import sys
import unicodedata
from pathlib import Path

SEED = 6_0326_1147
HERE = Path(__file__).resolve().parent
OUT = HERE / "blind3.jsonl"
EARLIER = [
    "generate.py",
    "generate_heldout.py",
    "generate_test.py",
    "generate_blind.py",
    "generate_blind2.py",
    "names.json",
]
KINDS = {"PERSON", "DATE", "AGE", "ID", "PHONE", "EMAIL", "URL", "SSN", "LOCATION", "ORG"}

# ---------------------------------------------------------------------------------------
# People. (given, surname, sex, style, nickname or ""), each after a "@region|language" marker
# (region picks phone and address formats).
# style: "w" given first; "is" Icelandic (-son/-dóttir, referred to by given name);
#        "mn" Mongolian (father's name in genitive first, referred to by given name);
#        "sf" Khmer, surname first; "mono" Myanmar, one name; "et" Ethiopian/Eritrean
#        given + father's name (referred to by given name).
# ---------------------------------------------------------------------------------------
PEOPLE = [
    "@is|Icelandic",
    ("Hrafnhildur", "Haraldsdóttir", "f", "is", ""), ("Snorri", "Bjarnason", "m", "is", ""),
    ("Ragnheiður", "Þorsteinsdóttir", "f", "is", "Ragga"), ("Ásgeir", "Skúlason", "m", "is", ""),
    ("Steinunn", "Hallgrímsdóttir", "f", "is", ""), ("Eiríkur", "Hallgrímsson", "m", "is", ""),
    "@uk|Welsh",
    ("Gwenllian", "Vaughan", "f", "w", "Gwen"), ("Dafydd", "Prosser", "m", "w", "Dai"),
    ("Rhiannon", "Prydderch", "f", "w", ""), ("Iolo", "Gruffydd", "m", "w", ""),
    ("Eirlys", "Lloyd-Price", "f", "w", ""), ("Gwilym", "ap Iorwerth", "m", "w", ""),
    "@uk|Scottish Gaelic",
    ("Ealasaid", "NicAoidh", "f", "w", ""), ("Tormod", "MacLeòid", "m", "w", "Norman"),
    ("Catrìona", "NicDhòmhnaill", "f", "w", ""), ("Ruairidh", "MacAmhlaigh", "m", "w", "Roddy"),
    "@sk|Slovak",
    ("Ľubica", "Oravcová", "f", "w", "Ľuba"), ("Jozef", "Hudák", "m", "w", ""),
    ("Zuzana", "Balážová", "f", "w", "Zuzka"), ("Ladislav", "Šimko", "m", "w", "Laco"),
    "@si|Slovene",
    ("Mojca", "Zupančič", "f", "w", ""), ("Janez", "Potočnik", "m", "w", ""),
    ("Špela", "Mlakar", "f", "w", ""), ("Matjaž", "Krajnc", "m", "w", ""),
    "@al|Albanian",
    ("Arben", "Hoxha", "m", "w", ""), ("Drita", "Shehu", "f", "w", ""),
    ("Besnik", "Çela", "m", "w", ""), ("Valbona", "Gjoka", "f", "w", ""),
    ("Ilir", "Dervishi", "m", "w", ""),
    "@gr|Greek",
    ("Panagiota", "Papadopoulou", "f", "w", "Giota"), ("Stavros", "Christodoulou", "m", "w", ""),
    ("Andreas", "Charalambous", "m", "w", ""), ("Despina", "Kyriakou", "f", "w", ""),
    ("Chrysanthi", "Georgiadou", "f", "w", "Chrysa"),
    "@ua|Ukrainian",
    ("Bohdan", "Shevchuk", "m", "w", ""), ("Halyna", "Tkachuk", "f", "w", ""),
    ("Oleksandra", "Melnychuk", "f", "w", "Lesia"),
    "@by|Belarusian",
    ("Aliaksandr", "Navumenka", "m", "w", "Sasha"),
    ("Volha", "Kavaliova", "f", "w", ""),
    "@kz|Kazakh",
    ("Aigerim", "Ospanova", "f", "w", ""), ("Yerlan", "Suleimenov", "m", "w", ""),
    "@uz|Uzbek",
    ("Dilnoza", "Rakhimova", "f", "w", ""), ("Sherzod", "Yusupov", "m", "w", ""),
    "@mn|Mongolian",
    ("Oyuntsetseg", "Dorjiin", "f", "mn", "Oyunaa"), ("Batbayar", "Gankhuyagiin", "m", "mn", ""),
    ("Enkhtuya", "Baataryn", "f", "mn", ""),
    "@lb|Arabic",
    ("Zainab", "al-Jubouri", "f", "w", ""), ("Haidar", "al-Tamimi", "m", "w", ""),
    ("Rasha", "Hamadeh", "f", "w", ""), ("Ziad", "Chehab", "m", "w", ""),
    ("Nadine", "Sfeir", "f", "w", ""),
    "@mm|Burmese",
    ("Aung Kyaw Moe", "", "m", "mono", ""), ("Thiri Hlaing", "", "f", "mono", ""),
    ("Zaw Naing Oo", "", "m", "mono", ""), ("Nwe Nwe Win", "", "f", "mono", ""),
    "@kh|Khmer",
    ("Chanthy", "Sok", "f", "sf", ""), ("Sophal", "Chea", "m", "sf", ""),
    ("Sreymom", "Keo", "f", "sf", ""),
    "@la|Lao",
    ("Khamphone", "Phommachanh", "m", "w", ""),
    ("Souksavanh", "Keomany", "f", "w", ""),
    "@et|Amharic",
    ("Mekdes", "Alemayehu", "f", "et", ""), ("Yonas", "Berhane", "m", "et", ""),
    ("Selamawit", "Woldemichael", "f", "et", "Selam"),
    "@er|Tigrinya",
    ("Senait", "Tekle", "f", "et", ""),
    ("Yohannes", "Ghebremedhin", "m", "et", ""),
    "@gh|Twi",
    ("Kwabena", "Frimpong", "m", "w", ""), ("Adwoa", "Agyeman", "f", "w", ""),
    ("Kwadwo", "Osei-Bonsu", "m", "w", ""), ("Ekua", "Amoako", "f", "w", ""),
    "@cm|French",
    ("Estelle", "Mbarga Atangana", "f", "w", ""), ("Blaise", "Fotso", "m", "w", ""),
    ("Ernestine", "Ngo Nlend", "f", "w", ""), ("Achille", "Tchoumi", "m", "w", ""),
    "@ao|Portuguese",
    ("Domingas", "Cassoma", "f", "w", ""), ("Adelino", "Muianga", "m", "w", ""),
    "@mz|Portuguese",
    ("Felizarda", "Macuácua", "f", "w", ""), ("Teodoro", "Sitoe", "m", "w", ""),
    ("Luzia", "Nhantumbo", "f", "w", ""),
    "@ht|Haitian Creole",
    ("Widline", "Pierre-Louis", "f", "w", ""), ("Wilner", "Saint-Fleur", "m", "w", ""),
    ("Fabiola", "Dorvilier", "f", "w", ""), ("Dieudonné", "Célestin", "m", "w", ""),
    "@do|Spanish",
    ("Yokasta", "Peña Almonte", "f", "w", ""), ("Wandy", "Encarnación", "m", "w", ""),
    ("Yudelka", "Batista Mejía", "f", "w", ""), ("Yuberkis", "De los Santos", "f", "w", ""),
    "@ve|Spanish",
    ("Yusbelys", "Rondón", "f", "w", ""), ("Yorman", "Guédez", "m", "w", ""),
    ("Maigualida", "Colmenares", "f", "w", ""),
    "@br|Portuguese",
    ("Valdirene", "Nascimento", "f", "w", ""), ("Cleiton", "Bezerra", "m", "w", ""),
    ("Lucivânia", "Cavalcanti", "f", "w", ""), ("Josué", "Damasceno", "m", "w", ""),
    "@qc|French",
    ("Geneviève", "Tremblay", "f", "w", ""), ("Réjean", "Gagnon", "m", "w", ""),
    ("Mylène", "Bouchard", "f", "w", ""), ("Sylvain", "Côté", "m", "w", ""),
    ("Nathalie", "Gauthier-Pelletier", "f", "w", ""), ("Ghislain", "Lévesque", "m", "w", ""),
    "@us|Navajo",
    ("Winona", "Begay", "f", "w", ""), ("Darrell", "Yazzie", "m", "w", ""),
    ("Marlene", "Tsosie", "f", "w", ""),
    "@us|Lakota",
    ("Rosalie", "Little Thunder", "f", "w", ""),
    ("Vernon", "Two Bulls", "m", "w", ""),
    "@us|Navajo",
    ("Loretta", "Benally", "f", "w", ""),
    "@uk|English",
    ("Verity", "Hale", "f", "w", ""), ("Earl", "Finch", "m", "w", ""),
    ("Myrtle", "Flood", "f", "w", ""), ("Basil", "Strong", "m", "w", ""),
    ("Prudence", "Wren", "f", "w", "Prue"), ("Opal", "Lark", "f", "w", ""),
    ("Patience", "Salt", "f", "w", ""), ("Violet", "Pepper", "f", "w", ""),
    ("Constance", "Silver", "f", "w", "Connie"), ("Percy", "Bliss", "m", "w", ""),
    ("Mabel", "Gentle", "f", "w", ""), ("Melody", "Cross", "f", "w", ""),
]

# Word-names that the trap texts use as ordinary words on purpose.
TRAP_WORDS_OK = {"cross", "salt", "strong", "flood", "silver", "major", "earl", "violet", "patience"}

# Middle names for DICOM ``LAST^FIRST^MIDDLE`` values (western-order people only).
MIDDLES = {"f": ["Anwen", "Seren", "Marie", "Dolores", "Elin", "Thérèse"],
           "m": ["Illtud", "Emrys", "Aurelio", "Hywel", "Jean", "Onésime"]}


class Person:
    """One individual with every way of writing them."""

    def __init__(self, region, lang, given, surname, sex, style, nick):
        self.region, self.lang = region, lang
        self.given, self.surname, self.sex, self.style, self.nick = (
            given,
            surname,
            sex,
            style,
            nick,
        )
        g, s = given, surname
        if style == "mono":
            self.full = g
            self.ref = g
            self.first = g
            self.last_first = g
            self.dicom = g.upper()
        elif style == "sf":
            self.full = f"{s} {g}"
            self.ref = s
            self.first = g
            self.last_first = f"{s}, {g}"
            self.dicom = f"{s}^{g}".upper()
        elif style == "mn":
            self.full = f"{s} {g}"
            self.ref = g
            self.first = g
            self.last_first = f"{s}, {g}"
            self.dicom = f"{s}^{g}".upper()
        elif style in ("is", "et"):
            self.full = f"{g} {s}"
            self.ref = g
            self.first = g
            self.last_first = f"{s}, {g}"
            self.dicom = f"{s}^{g}".upper()
        else:
            self.full = f"{g} {s}"
            self.ref = s
            self.first = g
            self.last_first = f"{s}, {g}"
            self.dicom = f"{s}^{g}".upper()
        self.short = f"{s[0]}. {g}" if style == "mn" else f"{g[0]}. {s}" if s else g
        parts = re.findall(r"\w+", self.full)
        caps = [p for p in parts if p[0].isupper()]
        self.initials = "".join(p[0] for p in caps).upper()
        self.dotted = ".".join(p[0] for p in caps).upper() + "."
        self.familiar = nick or g
        self.first_init = f"{g} {s[0]}." if style == "w" else self.full

    def forms(self):
        """Every string a mention of this person may be."""
        f = {
            self.full,
            self.ref,
            self.first,
            self.last_first,
            self.dicom,
            self.short,
            self.initials,
            self.dotted,
            self.familiar,
            self.full.upper(),
            self.full.lower(),
            self.first.lower(),
            self.familiar.lower(),
            self.ref.upper(),
            self.ref.lower(),
            self.initials.lower(),
            self.first_init,
        }
        for m in MIDDLES[self.sex]:
            f.add(f"{self.dicom}^{m.upper()}")
        return f

    def title(self, rng, lang="en"):
        """A courtesy title fitting the person (never part of the span)."""
        if self.style == "mono":
            return rng.choice(["U", "Ko"]) if self.sex == "m" else rng.choice(["Daw", "Ma"])
        if self.style == "et":
            return "Ato" if self.sex == "m" else "W/ro"
        if lang == "fr":
            return "M." if self.sex == "m" else "Mme"
        if self.sex == "m":
            return rng.choice(["Mr", "Mr."])
        return rng.choice(["Mrs", "Ms", "Miss", "Mrs."])


def make_pool():
    """People from PEOPLE with their region and language."""
    pool, region, lang = [], "", ""
    for row in PEOPLE:
        if isinstance(row, str):
            region, lang = row[1:].split("|")
        else:
            pool.append(Person(region, lang, *row))
    return pool


POOL = make_pool()


# ---------------------------------------------------------------------------------------
# Building a text with spans.
# ---------------------------------------------------------------------------------------
class Doc:
    """A text under construction with its gold spans."""

    def __init__(self, doc_id, ocr=False):
        self.id = doc_id
        self.buf = []
        self.pos = 0
        self.ents = []
        self.people = []
        self.ocr = ocr
        self.allow = set()

    def t(self, s):
        """Plain text."""
        self.buf.append(s)
        self.pos += len(s)
        return self

    def e(self, s, kind):
        """A typed identifier span."""
        self.ents.append({"start": self.pos, "end": self.pos + len(s), "type": kind, "_s": s})
        return self.t(s)

    def p(self, person, form):
        """A person mention; `form` is the exact string written."""
        if person not in self.people:
            self.people.append(person)
        pid = f"p{self.people.index(person) + 1}"
        self.ents.append(
            {
                "start": self.pos,
                "end": self.pos + len(form),
                "type": "PERSON",
                "person": pid,
                "_s": form,
                "_who": person,
            }
        )
        return self.t(form)

    def text(self):
        """The text so far."""
        return "".join(self.buf)


def pick(rng, n, exclude=()):
    """n distinct people."""
    out = []
    while len(out) < n:
        c = rng.choice(POOL)
        if c not in out and c not in exclude:
            out.append(c)
    return out


def pick_style(rng, styles):
    """One person of one of the given styles."""
    return rng.choice([p for p in POOL if p.style in styles])


# ---------------------------------------------------------------------------------------
# Identifiers.
# ---------------------------------------------------------------------------------------
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
        "octobre", "novembre", "décembre"]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def ymd(rng, y0, y1):
    """A random valid (year, month, day)."""
    return rng.randint(y0, y1), rng.randint(1, 12), rng.randint(1, 28)


def fdate(rng, y, m, d, fmt=None):
    """A date in one of many written formats."""
    fmt = fmt or rng.choice(
        ["dmy/", "dmy.", "iso", "d Mon y", "Month d, y", "d-MON-y", "dmy-2", "roman", "mdy/",
         "dth Month y", "compact"]
    )
    mon = MONTHS[m - 1]
    if fmt == "dmy/":
        return f"{d:02d}/{m:02d}/{y}"
    if fmt == "dmy.":
        return f"{d:02d}.{m:02d}.{y}"
    if fmt == "iso":
        return f"{y}-{m:02d}-{d:02d}"
    if fmt == "d Mon y":
        return f"{d} {mon[:3]} {y}"
    if fmt == "Month d, y":
        return f"{mon} {d}, {y}"
    if fmt == "d-MON-y":
        return f"{d:02d}-{mon[:3].upper()}-{y}"
    if fmt == "dmy-2":
        return f"{d}/{m}/{y % 100:02d}"
    if fmt == "roman":
        return f"{d}. {ROMAN[m - 1]}. {y}"
    if fmt == "mdy/":
        return f"{m}/{d}/{y}"
    if fmt == "dth Month y":
        suf = "th" if 11 <= d <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")
        return f"{d}{suf} {mon} {y}"
    if fmt == "compact":
        return f"{y}{m:02d}{d:02d}"
    if fmt == "fr":
        return f"{d} {MOIS[m - 1]} {y}"
    raise ValueError(fmt)


def rdate(rng, y0=2023, y1=2026, fmt=None):
    """A random date string."""
    return fdate(rng, *ymd(rng, y0, y1), fmt)


def dob(rng, fmt=None):
    """A date of birth."""
    return rdate(rng, 1928, 1999, fmt)


def nhs(rng):
    """A valid NHS number (mod 11 check digit), spaced 3-3-4."""
    while True:
        ds = [rng.randint(0, 9) for _ in range(9)]
        ds[0] = rng.randint(4, 7)
        c = 11 - sum(d * w for d, w in zip(ds, range(10, 1, -1))) % 11
        c = 0 if c == 11 else c
        if c != 10:
            s = "".join(map(str, ds + [c]))
            return f"{s[:3]} {s[3:6]} {s[6:]}"


def chi(rng, y, m, d):
    """A Scottish CHI number: DDMMYY + 4 digits."""
    return f"{d:02d}{m:02d}{y % 100:02d}{rng.randint(1000, 9999)}"


def kennitala(rng, y, m, d):
    """An Icelandic kennitala DDMMYY-RRCX with its mod-11 check digit."""
    while True:
        body = [int(c) for c in f"{d:02d}{m:02d}{y % 100:02d}{rng.randint(20, 99)}"]
        r = sum(a * b for a, b in zip(body, [3, 2, 7, 6, 5, 4, 3, 2])) % 11
        c = 0 if r == 0 else 11 - r
        if c != 10:
            s = "".join(map(str, body)) + str(c) + ("9" if y < 2000 else "0")
            return f"{s[:6]}-{s[6:]}"


def rodne_cislo(rng, y, m, d, sex):
    """A Slovak birth number YYMMDD/XXXX divisible by 11 (+50 on the month for women)."""
    mm = m + 50 if sex == "f" else m
    base = int(f"{y % 100:02d}{mm:02d}{d:02d}") * 10000
    n = base + rng.randint(0, 9000)
    n += (11 - n % 11) % 11
    s = f"{n:010d}"
    return f"{s[:6]}/{s[6:]}"


def ssn(rng):
    """A US social security number (valid area, group, serial)."""
    a = rng.choice([rng.randint(1, 665), rng.randint(667, 899)])
    return f"{a:03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"


def ramq(person, y, m, d, rng):
    """A Québec health-insurance (RAMQ) number: 3 letters of surname, 1 of given name, YYMMDD."""
    sur = re.sub(r"[^A-Z]", "", person.surname.upper().translate(ACCENTS))
    gv = person.given.upper().translate(ACCENTS)
    mm = m + 50 if person.sex == "f" else m
    return f"{sur[:3]}{gv[0]} {y % 100:02d}{mm:02d} {d:02d}{rng.randint(10, 99)}"


ACCENTS = str.maketrans("ÉÈÊËÀÂÎÏÔÛÙÇ", "EEEEAAIIOUUC")


def mrn(rng):
    """A hospital record number in one of several local formats."""
    return rng.choice(
        [
            f"{rng.randint(10000000, 99999999)}",
            f"H{rng.randint(100000, 999999)}",
            f"RQ{rng.randint(1000000, 9999999)}",
            f"{rng.randint(100, 999)}-{rng.randint(1000, 9999)}-{rng.randint(0, 9)}",
            f"K{rng.randint(10, 99)}/{rng.randint(10000, 99999)}",
            f"LUH{rng.randint(1000000, 9999999)}",
        ]
    )


def specimen(rng):
    """A laboratory accession number."""
    y = rng.randint(23, 26)
    return rng.choice(
        [
            f"S{y}-{rng.randint(1000, 99999):05d}",
            f"HP{y}/{rng.randint(1000, 29999)}",
            f"C{y}.{rng.randint(100, 9999)}",
            f"{rng.randint(100000000, 999999999)}",
        ]
    )


def phone(rng, region):
    """A phone number in the region's format."""
    if region == "uk":
        return rng.choice(
            [
                f"01{rng.randint(200, 999)} {rng.randint(100000, 999999)}",
                f"07{rng.randint(700, 999)} {rng.randint(100, 999)} {rng.randint(100, 999)}",
                f"0{rng.randint(1400, 1999)} {rng.randint(100, 999)}{rng.randint(100, 999)}",
            ]
        )
    if region == "is":
        return f"+354 {rng.randint(410, 899)} {rng.randint(1000, 9999)}"
    if region == "qc":
        return f"{rng.choice(['514', '418', '819', '450'])} {rng.randint(200, 999)}-{rng.randint(1000, 9999)}"
    if region == "us":
        return f"({rng.choice(['928', '505', '605'])}) {rng.randint(200, 999)}-{rng.randint(1000, 9999)}"
    if region == "lb":
        return f"+961 {rng.randint(3, 3)} {rng.randint(100, 999)} {rng.randint(100, 999)}"
    if region == "ht":
        return f"+509 {rng.randint(3000, 4999)} {rng.randint(1000, 9999)}"
    if region == "sk":
        return f"+421 9{rng.randint(10, 49)} {rng.randint(100, 999)} {rng.randint(100, 999)}"
    if region in ABROAD and rng.random() < 0.6:
        return rng.choice(ABROAD[region])(rng)
    return phone(rng, "uk")


def _n(rng, k):
    """k random digits."""
    return "".join(str(rng.randint(0, 9)) for _ in range(k))


# Mobile formats of the home countries (ITU-T E.164 country codes and national plans).
ABROAD = {
    "si": [lambda r: f"+386 41 {_n(r, 3)} {_n(r, 3)}"],
    "al": [lambda r: f"+355 6{r.randint(7, 9)} {_n(r, 3)} {_n(r, 4)}"],
    "gr": [lambda r: f"+30 69{_n(r, 1)} {_n(r, 3)} {_n(r, 4)}", lambda r: f"+357 99 {_n(r, 6)}"],
    "ua": [lambda r: f"+380 {r.choice(['50', '67', '93'])} {_n(r, 3)} {_n(r, 2)} {_n(r, 2)}"],
    "by": [lambda r: f"+375 29 {_n(r, 3)}-{_n(r, 2)}-{_n(r, 2)}"],
    "kz": [lambda r: f"+7 701 {_n(r, 3)} {_n(r, 4)}"],
    "uz": [lambda r: f"+998 9{r.randint(0, 9)} {_n(r, 3)} {_n(r, 2)} {_n(r, 2)}"],
    "mn": [lambda r: f"+976 99{_n(r, 2)} {_n(r, 4)}"],
    "mm": [lambda r: f"+95 9 {_n(r, 3)} {_n(r, 3)} {_n(r, 3)}"],
    "kh": [lambda r: f"+855 12 {_n(r, 3)} {_n(r, 3)}"],
    "la": [lambda r: f"+856 20 {_n(r, 4)} {_n(r, 4)}"],
    "et": [lambda r: f"+251 91 {_n(r, 3)} {_n(r, 4)}"],
    "er": [lambda r: f"+291 7 {_n(r, 3)} {_n(r, 3)}"],
    "gh": [lambda r: f"+233 24 {_n(r, 3)} {_n(r, 4)}"],
    "cm": [lambda r: f"+237 6 7{_n(r, 1)} {_n(r, 2)} {_n(r, 2)} {_n(r, 2)}"],
    "ao": [lambda r: f"+244 923 {_n(r, 3)} {_n(r, 3)}"],
    "mz": [lambda r: f"+258 84 {_n(r, 3)} {_n(r, 4)}"],
    "do": [lambda r: f"+1 809 {_n(r, 3)} {_n(r, 4)}"],
    "ve": [lambda r: f"+58 412-{_n(r, 7)}"],
    "br": [lambda r: f"+55 81 9{_n(r, 4)}-{_n(r, 4)}"],
}


def email(person, rng):
    """A plausible personal email address."""
    base = person.full.lower().replace("ð", "d").replace("þ", "th").replace("æ", "ae")
    base = "".join(c for c in unicodedata.normalize("NFKD", base) if not unicodedata.combining(c))
    base = re.sub(r"[^a-z ]", "", base).split()
    user = rng.choice([".".join(base), base[0] + base[-1][:1], base[-1] + str(rng.randint(1, 99))])
    dom = rng.choice(["gmail.com", "outlook.com", "videotron.ca", "simnet.is", "btinternet.com",
                      "yahoo.fr", "azet.sk"])
    return f"{user}@{dom}"


def age_years(rng, old=False):
    """An age in years (sometimes over 89)."""
    return rng.randint(90, 104) if old or rng.random() < 0.25 else rng.randint(19, 88)


# Addresses and places (LOCATION), by region.
ADDRESSES = {
    "uk": ["14 Ffordd Caergybi, Bangor LL57 2PW", "3 Stryd y Bont, Llanrwst LL26 0ET",
           "Flat 2, 41 Bayhead Street, Stornoway HS1 2DU", "9 Heol y Dŵr, Carmarthen SA31 1PG",
           "27 Somerled Square, Portree IV51 9EH"],
    "is": ["Laugavegur 118, 105 Reykjavík", "Hafnarstræti 94, 600 Akureyri"],
    "sk": ["Hlavná 42, 040 01 Košice", "Námestie SNP 12, 974 01 Banská Bystrica"],
    "si": ["Partizanska ulica 7, 2000 Maribor", "Prešernova cesta 19, 3000 Celje"],
    "qc": ["4521 rue Saint-Denis, Montréal (Québec) H2J 2L2",
           "88 boulevard des Forges, Trois-Rivières (Québec) G9A 2G7"],
    "us": ["PO Box 1742, Window Rock, AZ 86515", "HC 49 Box 318, Pine Ridge, SD 57770"],
}
TOWNS = ["Caernarfon", "Aberystwyth", "Stornoway", "Akureyri", "Košice", "Maribor", "Durrës",
         "Limassol", "Larnaca", "Lviv", "Hrodna", "Shymkent", "Samarkand", "Darkhan", "Erbil",
         "Tripoli", "Mandalay", "Battambang", "Savannakhet", "Mekelle", "Keren", "Tamale",
         "Bamenda", "Huambo", "Beira", "Cap-Haïtien", "Jacmel", "Santiago de los Caballeros",
         "Maracaibo", "Feira de Santana", "Chicoutimi", "Gallup", "Tirana", "Thessaloniki",
         "Prešov", "Žilina", "Homs", "Baalbek", "Deschapelles", "Tórshavn", "Aarhus",
         "Ulaanbaatar", "Almaty", "Tashkent", "Luanda", "Maputo", "Port-au-Prince", "Recife"]

ORGS = {
    "uk": ["Ysbyty Gwynedd", "Bronglais General Hospital", "Raigmore Hospital",
           "Western Isles Hospital", "St Mary's Surgery", "Canolfan Iechyd Llanrwst"],
    "world": ["Landspítali", "Hôpital Albert Schweitzer", "Hôpital Maisonneuve-Rosemont",
              "Komfo Anokye Teaching Hospital", "Hôpital Laquintinie de Douala",
              "Hospital Josina Machel", "Mother Teresa University Hospital Center",
              "Evangelismos Hospital", "Okhmatdyt Children's Hospital", "Calmette Hospital",
              "Mahosot Hospital", "Tikur Anbessa Specialized Hospital",
              "Orotta National Referral Hospital", "Al-Kindy Teaching Hospital",
              "Rafik Hariri University Hospital", "Shastin Central Hospital",
              "Chinle Comprehensive Health Care Facility",
              "Hospital Regional Dr. Marcelino Vélez Santana", "Nicosia General Hospital",
              "Univerzitetni klinični center Ljubljana", "Yangon General Hospital",
              "CHU de Québec", "Korle Bu Teaching Hospital"],
}
EMPLOYERS = ["Bangor University", "Ferrovial Agroman", "Alcoa Fjarðaál", "Hydro-Québec",
             "Navajo Tribal Utility Authority", "Cadbury's Bournville"]


# ---------------------------------------------------------------------------------------
# Trap vocabulary (texts without identifiers). All checked against the earlier generators.
# ---------------------------------------------------------------------------------------
DISEASES = ["Baker's cyst", "Brugada pattern", "Mobitz type II block", "Wenckebach block",
            "Guillain-Barré syndrome", "Prader-Willi syndrome", "Angelman syndrome",
            "DiGeorge syndrome", "Conn's syndrome", "Legionnaires' disease", "Weil's disease",
            "Wilson's disease"]
SIGNS = ["Thompson's test", "Allen's test", "Murphy's sign", "Courvoisier's law",
         "Beck's triad", "Austin Flint murmur"]
EPONYMS = DISEASES + SIGNS + ["Heinz bodies", "Auer rods"]
MANOEUVRES = ["Lanz incision", "Pringle manoeuvre", "Lichtenstein mesh repair",
              "Shouldice repair", "Milligan-Morgan haemorrhoidectomy", "Lloyd-Davies position",
              "Fowler's position", "Robert Jones bandage", "Esmarch bandage"]
INSTRUMENTS = ["Adson forceps", "Lahey clamp", "Redivac drain", "Robinson drain",
               "Penrose drain", "Ryle's tube", "Macintosh blade", "Bair Hugger", "Venflon",
               "Vacutainer", "Ambu bag", "Rollator", "Sara Stedy", "Maxi Move hoist",
               "Nimbus mattress", "Littmann stethoscope", "Welch Allyn otoscope"]
SCORES = ["Edinburgh Postnatal Depression Scale", "Montreal Cognitive Assessment",
          "Rotterdam criteria", "McDonald criteria", "Rome IV criteria", "Milan criteria",
          "Clark level", "Cormack-Lehane grade", "Karnofsky score", "Savary-Miller grade",
          "Spetzler-Martin grade", "Kellgren-Lawrence grade", "Outerbridge grade",
          "Hoehn and Yahr stage", "GRACE score", "Duke criteria", "Light's criteria",
          "Tyrer-Cuzick model", "Montreal classification", "Baveno VII", "West Haven grade",
          "MELD score"]
BRANDS = ["Aricept", "Fragmin", "Humalog", "Spiriva", "Symbicort", "OxyNorm", "Buscopan",
          "Laxido", "Fybogel", "Gaviscon", "Creon", "Calogen", "Lucentis", "Eylea", "Victoza",
          "Betmiga", "Brilique", "Sando-K", "Dioralyte", "Champix", "Daktarin", "Canesten",
          "Dermovate", "Diprobase", "Cetraben", "Epaderm", "Medihoney", "Opsite", "Granuflex",
          "Cavilon", "Sudocrem", "Bepanthen", "Tubigrip", "Coban"]
DEVICES = ["FreeStyle Libre", "Omnipod", "Nellcor probe", "Masimo sensor", "Arjo bath",
           "Invacare chair"]
UNITS = ["Keir Hardie Unit", "Cicely Saunders Unit", "Tudor Hart Ward", "Elsie Inglis Ward",
         "Jex-Blake Ward", "Mary Somerville Unit", "Pavillon Jeanne-Mance"]
TRAP_PHRASES = EPONYMS + MANOEUVRES + INSTRUMENTS + SCORES + BRANDS + DEVICES + UNITS


# ---------------------------------------------------------------------------------------
# Small helpers for templates.
# ---------------------------------------------------------------------------------------
def he(p):
    """Subject pronoun."""
    return "he" if p.sex == "m" else "she"


def his(p):
    """Possessive pronoun."""
    return "his" if p.sex == "m" else "her"


def titled(d, p, rng, lang="en"):
    """Title (outside the span) + the formal reference form."""
    d.t(p.title(rng, lang) + " ")
    return d.p(p, p.ref)


def dr(d, p, form=None):
    """Dr + a form of a clinician's name."""
    d.t("Dr ")
    return d.p(p, form or p.full)


def region_of(p):
    """A phone/address region for a person."""
    return p.region


def address(rng, p=None):
    """A street address near the person's region."""
    reg = region_of(p) if p else "uk"
    return rng.choice(ADDRESSES.get(reg, ADDRESSES["uk"]))


REL = {"f": ["daughter", "sister", "niece", "wife", "partner"],
       "m": ["son", "brother", "nephew", "husband", "partner"]}


def relative(rng, p):
    """A relation word fitting the relative's sex."""
    return rng.choice(REL[p.sex])


def noisy(s, rng, rate=0.12, punct=False):
    """OCR noise: 0/O and 1/l/I swaps, case flips, dropped spaces, stray punctuation."""
    out = []
    for ch in s:
        r = rng.random()
        if ch in "0O" and r < rate:
            ch = "O" if ch == "0" else "0"
        elif ch in "1lI" and r < rate:
            ch = {"1": "l", "l": "1", "I": "1"}[ch]
        elif ch.isalpha() and r < rate / 2:
            ch = ch.swapcase()
        elif ch == " " and r < rate * 1.5:
            ch = ""
        out.append(ch)
        if punct and ch and r > 1 - rate / 3:
            out.append(rng.choice([".", ",", "'", "|", ":", "`"]))
    return "".join(out)


def ocr_piece(d, rng, s, kind=None, who=None, rate=0.12):
    """Append a noised piece; a span if kind is given (spans are trimmed of noise edges)."""
    if kind is None:
        d.t(noisy(s, rng, rate, punct=True))
        return d
    v = noisy(s, rng, rate).strip(" .,'|:`")
    if not v:
        v = s
    if kind == "PERSON":
        return d.p(who, v)
    return d.e(v, kind)


# ---------------------------------------------------------------------------------------
# Templates with identifiers. Each takes (rng, d) and writes one text.
# ---------------------------------------------------------------------------------------
def t_clinic_letter(rng, d):
    pt, gp, cl, rel = pick(rng, 4)
    y, m, dd = ymd(rng, 1931, 1990)
    d.e(rng.choice(ORGS["uk"][:4]), "ORG").t("\nOutpatient clinic, ")
    d.e(rdate(rng, fmt=rng.choice(["d Mon y", "dth Month y", "dmy/"])), "DATE")
    d.t("\n\nDear ")
    dr(d, gp, gp.ref).t(",\nRe: ").p(pt, pt.full).t(", DOB ").e(fdate(rng, y, m, dd, "dmy/"), "DATE")
    d.t(", NHS No ").e(nhs(rng), "ID").t("\n")
    d.e(address(rng, pt), "LOCATION").t("\n\nI reviewed ")
    titled(d, pt, rng).t(" today. ")
    d.t(rng.choice([
        f"The swelling behind the knee is in keeping with a {rng.choice(EPONYMS[:1])} and {he(pt)} is otherwise well. ",
        f"{he(pt).capitalize()} describes stiffness lasting an hour each morning; the wrist films are unremarkable. ",
        "The rash has settled on the emollient and there is no new joint swelling. ",
    ]))
    d.t(f"{his(pt).capitalize()} {relative(rng, rel)}, ").p(rel, rel.first)
    d.t(", who came with " + ("him" if pt.sex == "m" else "her") + ", asked that letters go to ")
    d.e(address(rng, rel), "LOCATION").t(" in future.\n\nYours sincerely,\n\n").p(cl, cl.full)
    d.t("\nConsultant Rheumatologist")


def t_op_note(rng, d):
    pt, s1, s2, an = pick(rng, 4)
    d.t("OPERATION NOTE   ").e(rdate(rng, fmt="dmy/") + f" {rng.randint(8, 19):02d}:{rng.choice(['05', '20', '40', '55'])}", "DATE")
    d.t("\nPatient: ").p(pt, pt.last_first).t("   Hosp no ").e(mrn(rng), "ID")
    d.t("\nSurgeon: " + ("Mr " if s1.sex == "m" else "Ms ")).p(s1, s1.full)
    d.t("   Assistant: ")
    dr(d, s2).t("   Anaesthetist: ")
    dr(d, an).t("\nProcedure: ")
    d.t(rng.choice([
        "open appendicectomy via a Lanz incision. Inflamed retrocaecal appendix, no perforation.",
        "open inguinal hernia repair (Lichtenstein mesh repair). Indirect sac, reduced.",
        "excision of thrombosed haemorrhoids, Lloyd-Davies position, Milligan-Morgan technique.",
    ]))
    d.t("\nDrain: " + rng.choice(["Redivac size 10", "none", "Robinson drain to pelvis"]))
    d.t("\nPlan: " + ("Mr " if s1.sex == "m" else "Ms ")).p(s1, s1.ref).t(" to see on the evening round; ").p(pt, pt.first).t(" is aware of the findings.")


def t_pathology(rng, d):
    pt, req, path = pick(rng, 3)
    y, m, dd = ymd(rng, 1929, 1985)
    d.t("HISTOPATHOLOGY REPORT      Lab no. ").e(specimen(rng), "ID")
    d.t("\nName: ").p(pt, pt.full.upper()).t("   DOB: ").e(fdate(rng, y, m, dd, "dmy."), "DATE")
    d.t("   Age: ").e(f"{2025 - y} yrs", "AGE")
    d.t("\nRequested by: ")
    dr(d, req).t(", ").e(rng.choice(ORGS["uk"] + ORGS["world"]), "ORG")
    d.t("\nReceived ").e(rdate(rng, fmt="d-MON-y"), "DATE").t("\n")
    d.t(rng.choice([
        "Skin ellipse 24 x 9 mm with a pigmented lesion. Superficial spreading melanoma, peripheral margins 4 mm, Clark level III.",
        "Bone marrow trephine: hypercellular, blasts 34%, occasional Auer rods on the aspirate.",
        "Gastric biopsies: chronic active gastritis, Helicobacter-like organisms present, no dysplasia.",
    ]))
    d.t("\nReported by ")
    dr(d, path, path.short).t(", consultant histopathologist.")


def t_med_rec(rng, d):
    pt, rel, ph = pick(rng, 3)
    b = rng.sample(BRANDS, 3)
    d.t("Medicines reconciliation\n").p(pt, pt.full).t(" (").e(mrn(rng), "ID").t("), aged ")
    d.e(f"{age_years(rng)}", "AGE")
    d.t("\nSources: GP record (").e(rng.choice(["St Mary's Surgery", "Canolfan Iechyd Llanrwst"]), "ORG")
    d.t("), own supply brought in by " + relative(rng, rel) + " ").p(rel, rel.full).t(".\n")
    d.t(f"1. {b[0]} as directed  2. {b[1]} twice daily  3. {b[2]} at night\n")
    d.t("Discrepancy: " + b[2] + " is not on the GP list; ")
    titled(d, pt, rng).t(" says it was stopped on ").e(rdate(rng, fmt="d Mon y"), "DATE")
    d.t(".\nCompleted by ").p(ph, ph.full).t(", ward pharmacist.")


def t_discharge(rng, d):
    pt, c, rel = pick(rng, 3)
    a_y, a_m, a_d = ymd(rng, 2024, 2026)
    a_d = min(a_d, 19)
    d.t("DISCHARGE SUMMARY\n").p(pt, pt.full).t(", ").e(f"{age_years(rng)}-year-old", "AGE")
    d.t(" " + ("man" if pt.sex == "m" else "woman") + " from ").e(rng.choice(TOWNS), "LOCATION")
    d.t("\nAdmitted ").e(fdate(rng, a_y, a_m, a_d, "dmy/"), "DATE").t(" – discharged ")
    d.e(fdate(rng, a_y, a_m, a_d + rng.randint(1, 9), "dmy/"), "DATE")
    d.t("\nConsultant: ")
    dr(d, c).t("\nDiagnosis: " + rng.choice(["Legionnaires' disease", "Weil's disease", "Guillain-Barré syndrome", "community-acquired pneumonia"]))
    d.t("\nFollow-up at ").e(rng.choice(ORGS["world"]), "ORG").t(" in six weeks. Next of kin: ")
    d.p(rel, rel.full).t(f" ({relative(rng, rel)}), tel. ").e(phone(rng, region_of(rel)), "PHONE").t(".")


def t_flowsheet(rng, d):
    pt, rel, nurse = pick(rng, 3)
    d.e(rdate(rng, fmt="dmy-2") + f" {rng.randint(19, 23)}:{rng.choice(['00', '15', '30'])}", "DATE")
    d.t(" – ").p(pt, pt.familiar).t(" settled after evening meds, obs within range. ")
    d.t(("Husband " if rel.sex == "m" else "Wife ") if rng.random() < 0.5 else ("Son " if rel.sex == "m" else "Daughter "))
    d.p(rel, rel.first).t(" visited until 20:00 and will bring glasses tomorrow.\n")
    d.t(rng.choice([f"02:{rng.randint(10, 50)} c/o pain in {his(pt)} hip, OxyNorm given per chart, repositioned on Nimbus mattress. ",
                    f"0{rng.randint(1, 5)}:{rng.randint(10, 50)} found sitting on the floor beside the bed, no head injury, neuro obs started. ",
                    f"0{rng.randint(1, 5)}:{rng.randint(10, 50)} SpO2 89% on air, 2 L via nasal specs, settled. "]))
    d.t("Pressure areas intact. — ").p(nurse, nurse.initials).t(" RN")


def t_phone_msg(rng, d):
    pt, caller, recv = pick(rng, 3)
    d.t("TELEPHONE MESSAGE  ").e(rdate(rng, fmt=rng.choice(["dmy/", "d Mon y"])) + f" {rng.randint(9, 16)}:{rng.randint(10, 59)}", "DATE")
    d.t("  taken by ").p(recv, recv.first).t(" (reception)\nCaller: ").p(caller, caller.full)
    d.t(f", {relative(rng, caller)} of ").p(pt, pt.full).t(" (DOB ").e(dob(rng, "dmy/"), "DATE").t(")\n")
    d.t(rng.choice(["Asking whether the biopsy result is back.",
                    "Says the new inhaler (Spiriva) is making " + ("him" if pt.sex == "m" else "her") + " hoarse.",
                    "Wants to move the appointment; cannot get transport."]))
    d.t(" Please ring back on ").e(phone(rng, region_of(caller)), "PHONE")
    if rng.random() < 0.6:
        d.t(" or email ").e(email(caller, rng), "EMAIL")
    d.t(".")


def t_mdt(rng, d):
    ch, b, c, cns, p1, p2 = pick(rng, 6)
    d.t("Upper GI MDT minutes, ").e(rdate(rng, fmt="dth Month y"), "DATE")
    d.t("\nPresent: " + ("Mr " if ch.sex == "m" else "Ms ")).p(ch, ch.full).t(" (chair), ")
    dr(d, b).t(", ")
    dr(d, c).t(", ").p(cns, cns.full).t(" (CNS)\n1. ").p(p1, p1.full).t(", ")
    d.e(f"{age_years(rng)}", "AGE").t(", MRN ").e(mrn(rng), "ID")
    d.t(rng.choice([" – Savary-Miller grade 2 stricture, biopsies benign. Dilate again; ",
                    " – columnar-lined oesophagus C2M4 on OGD, low-grade dysplasia. Repeat with biopsies; ",
                    " – 3 cm GIST on EUS, no high-risk features. Surveillance; "]))
    d.p(ch, ch.ref).t(" to see in clinic.\n2. ").p(p2, p2.last_first).t(", ")
    d.e(f"{age_years(rng)}", "AGE").t(", MRN ").e(mrn(rng), "ID")
    d.t(rng.choice([" – MELD score 14, refer to ", " – West Haven grade 2 on admission, now resolved; refer to ",
                    " – Baveno VII criteria met for carvedilol; follow-up at "])).e(rng.choice(["Raigmore Hospital", "Landspítali", "CHU de Québec", "Evangelismos Hospital"]), "ORG").t(".")


def t_consent(rng, d):
    pt = rng.choice([p for p in POOL if p.lang not in ("English", "Welsh", "Scottish Gaelic")])
    same = [p for p in POOL if p.lang == pt.lang and p is not pt]
    interp = rng.choice(same) if same else pick(rng, 1, exclude=[pt])[0]
    c = pick(rng, 1, exclude=[pt, interp])[0]
    lang = pt.lang
    d.t("CONSENT FORM 1 – patient agreement to investigation or treatment\nPatient: ").p(pt, pt.full)
    d.t("   Date of birth: ").e(dob(rng, "d Mon y"), "DATE").t("   Hospital no: ").e(mrn(rng), "ID")
    d.t("\nProcedure: " + rng.choice([
        "flexible cystoscopy. Risks: infection, bleeding, need for a further procedure.",
        "ultrasound-guided liver biopsy. Risks: pain, bleeding (1 in 100), bile leak.",
        "total knee replacement. Risks: infection, clots, stiffness, nerve injury.",
        "colonoscopy with sedation. Risks: perforation (1 in 1,000), bleeding, missed lesion.",
    ]) + "\n")
    d.t(f"Interpreter ({lang}): ").p(interp, interp.full).t(" – I have interpreted the information above to the best of my ability.\n")
    d.t("Signed: ").p(pt, pt.full).t("   Date: ").e(rdate(rng, fmt="dmy/"), "DATE").t("   Clinician: ")
    dr(d, c)


def t_pharm_query(rng, d):
    pt, doc, ph = pick(rng, 3)
    b1, b2 = rng.sample(["Brilique", "Fragmin", "Sando-K", "Champix", "Victoza", "Humalog"], 2)
    d.t("Pharmacy query for ")
    dr(d, doc, doc.ref).t(": ").p(pt, pt.full).t(" (MRN ").e(mrn(rng), "ID")
    d.t(f") is written up for {b1} and {b2}. ")
    d.t(rng.choice(["The dose looks high for an eGFR of 28 – could you review? ",
                    "Both were started on admission; is the second intended? ",
                    "Weight on the chart is from last year – please re-weigh. "]))
    d.t("Thanks, ").p(ph, ph.first_init).t(" (pharmacy)")


def t_dicom_tags(rng, d):
    pt, ref = pick(rng, 2)
    y, m, dd = ymd(rng, 1926, 1990)
    ad = rdate(rng, fmt="compact")
    pn = pt.dicom + (("^" + rng.choice(MIDDLES[pt.sex]).upper()) if pt.style == "w" and rng.random() < 0.5 else "")
    age = int(ad[:4]) - y - (1 if int(ad[4:6]) < m else 0)
    desc = rng.choice(["CT CHEST W CONTRAST", "MR KNEE RT", "XR PELVIS AP", "US RENAL"])
    if rng.random() < 0.5:
        # dcmdump style: (gggg,eeee) VR [value]
        d.t("(0008,0020) DA [").e(ad, "DATE").t("]\n(0008,0080) LO [").e(rng.choice(ORGS["world"] + ORGS["uk"]), "ORG")
        d.t("]\n(0008,0090) PN [").p(ref, ref.dicom).t("]\n(0010,0010) PN [").p(pt, pn)
        d.t("]\n(0010,0020) LO [").e(mrn(rng), "ID").t("]\n(0010,0030) DA [").e(fdate(rng, y, m, dd, "compact"), "DATE")
        d.t("]\n(0010,0040) CS [" + pt.sex.upper() + "]\n(0010,1010) AS [").e(f"{age:03d}Y", "AGE")
        d.t("]\n(0008,1030) LO [" + desc + "]")
    else:
        # pydicom repr style: (gggg, eeee) Keyword padded  VR: 'value'
        d.t("(0008, 0020) Study Date                          DA: '").e(ad, "DATE")
        d.t("'\n(0008, 0080) Institution Name                    LO: '").e(rng.choice(ORGS["world"] + ORGS["uk"]), "ORG")
        d.t("'\n(0010, 0010) Patient's Name                      PN: '").p(pt, pn)
        d.t("'\n(0010, 0020) Patient ID                          LO: '").e(mrn(rng), "ID")
        d.t("'\n(0010, 0030) Patient's Birth Date                DA: '").e(fdate(rng, y, m, dd, "compact"), "DATE")
        d.t("'\n(0010, 1010) Patient's Age                       AS: '").e(f"{age:03d}Y", "AGE")
        d.t("'\n(0008, 0090) Referring Physician's Name          PN: '").p(ref, ref.dicom)
        d.t("'\n(0008, 1030) Study Description                   LO: '" + desc + "'")


def t_dicom_kv(rng, d):
    pt, ref = pick(rng, 2)
    d.t("PatientName=").p(pt, pt.last_first).t("; PatientID=").e(mrn(rng), "ID")
    d.t("; PatientBirthDate=").e(dob(rng, "iso"), "DATE").t("; StudyDate=").e(rdate(rng, fmt="iso"), "DATE")
    d.t("; InstitutionName=").e(rng.choice(ORGS["world"]), "ORG").t("; ReferringPhysicianName=")
    d.p(ref, ref.last_first).t("; Modality=" + rng.choice(["CT", "MR", "US", "DX"]) + "; StationName=ROOM" + str(rng.randint(1, 9)))


def t_worklist(rng, d):
    rows = rng.randint(2, 3)
    people = pick(rng, rows * 2)
    d.t("MODALITY WORKLIST  ").e(rdate(rng, fmt="dmy."), "DATE").t("\n")
    for i in range(rows):
        pt, ref = people[2 * i], people[2 * i + 1]
        d.t(f"{8 + i:02d}:{rng.choice(['00', '20', '40'])}  ").p(pt, pt.dicom).t("  ").e(mrn(rng), "ID")
        d.t("  ").e(f"{age_years(rng):03d}Y", "AGE").t("  " + rng.choice(["US ABDO", "CT KUB", "MR LSPINE", "DEXA"]) + "  ref ")
        d.p(ref, ref.dicom)
        if i < rows - 1:
            d.t("\n")


def t_ocr_overlay(rng, d):
    pt = pick(rng, 1)[0]
    d.ocr = True
    y, m, dd = ymd(rng, 1930, 1995)
    ocr_piece(d, rng, "NAME: ")
    ocr_piece(d, rng, pt.dicom if rng.random() < 0.5 else pt.full.upper(), "PERSON", pt)
    ocr_piece(d, rng, "  ID: ")
    ocr_piece(d, rng, mrn(rng), "ID")
    ocr_piece(d, rng, "\nDOB ")
    ocr_piece(d, rng, fdate(rng, y, m, dd, "dmy/"), "DATE")
    ocr_piece(d, rng, f"  {pt.sex.upper()} ")
    ocr_piece(d, rng, f"{2025 - y:03d}Y", "AGE")
    ocr_piece(d, rng, "\n")
    ocr_piece(d, rng, rng.choice(ORGS["uk"] + ORGS["world"]).upper(), "ORG")
    ocr_piece(d, rng, "\n")
    ocr_piece(d, rng, rdate(rng, fmt="dmy/") + f" {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}", "DATE")
    ocr_piece(d, rng, f"   kV 120  mAs {rng.randint(80, 300)}  SL 1.25mm")


def t_ocr_short(rng, d):
    pt = pick(rng, 1)[0]
    d.ocr = True
    k = rng.randint(0, 2)
    if k == 0:
        ocr_piece(d, rng, pt.dicom, "PERSON", pt)
        ocr_piece(d, rng, " ")
        ocr_piece(d, rng, rdate(rng, fmt="dmy/"), "DATE")
    elif k == 1:
        ocr_piece(d, rng, "Pt: ")
        ocr_piece(d, rng, pt.full, "PERSON", pt)
        ocr_piece(d, rng, " MRN ")
        ocr_piece(d, rng, mrn(rng), "ID")
    else:
        ocr_piece(d, rng, rng.choice(ORGS["uk"] + ORGS["world"]), "ORG")
        ocr_piece(d, rng, " / ")
        ocr_piece(d, rng, pt.last_first.upper(), "PERSON", pt)
        ocr_piece(d, rng, " / L")


def t_caption(rng, d):
    pt, nurse = pick(rng, 2)
    d.t("Photo of ")
    titled(d, pt, rng).t("'s " + rng.choice(["left heel pressure ulcer", "sacral wound after debridement",
                                              "right shin laceration, adhesive strips in place", "stoma site on day 5"]))
    d.t(", taken ").e(rdate(rng, fmt=rng.choice(["d Mon y", "dmy/"])), "DATE").t(" by ")
    d.t("Sister " if nurse.sex == "f" else "Charge Nurse ").p(nurse, nurse.ref).t(" for the tissue viability team.")


def t_caption_short(rng, d):
    pt = pick(rng, 1)[0]
    k = rng.randint(0, 2)
    if k == 0:
        d.p(pt, pt.first).t(" with the FreeStyle Libre sensor on the upper arm, ").e(rdate(rng, fmt="d Mon y"), "DATE")
    elif k == 1:
        d.t("Clinical photo – ").p(pt, pt.full).t(", ").e(mrn(rng), "ID").t(", left hand")
    else:
        d.t("Image: ").p(pt, pt.full).t(" at the ").e(rng.choice(["Landspítali", "Calmette Hospital", "Ysbyty Gwynedd"]), "ORG").t(" gait lab")


def t_chat(rng, d):
    a, pt, rel, b = pick(rng, 4)
    d.t("hey ").p(a, a.familiar.lower()).t(" - can u check on ").p(pt, pt.ref.lower())
    d.t(" in bay 3? " + ("his " if pt.sex == "m" else "her ") + relative(rng, rel) + " ")
    d.p(rel, rel.first.lower()).t(rng.choice([" rang again re discharge. ", " is on the way in. ",
                                              " wants a call from the reg. "]))
    d.t(rng.choice(["bp was 92/58 at 6, ", "sats 91% on 2L, ", "news 5 at 8pm, ", "bm 3.1 before tea, "]))
    d.t(rng.choice(["gave 250ml bolus", "fluids up", "repeat lactate due", "hypo box used"]) + ". thx ").p(b, b.initials.lower())


def t_chat2(rng, d):
    a, pt, b = pick(rng, 3)
    d.p(a, a.initials).t(" pls r/v ").p(pt, pt.familiar).t(" bed ").t(str(rng.randint(1, 28)))
    d.t(rng.choice([" – new AF 140s, trop sent. ", " – K+ 6.4, ECG no changes. ", " – temp 38.9, cultures sent. ",
                    " – fall at 3am, no head injury. "]))
    d.p(pt, pt.ref if pt.ref != pt.familiar else pt.full)
    d.t(rng.choice([" not keen on heparin. ", " wants to go home. ", " asking for family to be rung. "]))
    d.t("spoke to dr ").p(b, b.ref.lower()).t(" who's happy for " + rng.choice(["Brilique to be held", "a stat dose of Fragmin", "rate control first"]) + ".")


def t_quebec(rng, d):
    pt = rng.choice([p for p in POOL if p.lang in ("French", "Haitian Creole")])
    rel, doc = pick(rng, 2, exclude=[pt])
    y, m, dd = ymd(rng, 1930, 1980)
    d.t("Note d'évolution – ").e(rdate(rng, fmt="fr"), "DATE").t("\n")
    d.t("Patiente : " if pt.sex == "f" else "Patient : ").p(pt, pt.full).t(", ").e(f"{2025 - y} ans", "AGE")
    d.t(", RAMQ ").e(ramq(pt, y, m, dd, rng), "ID").t("\nAdresse : ").e(rng.choice(ADDRESSES["qc"]), "LOCATION")
    d.t("  Tél. : ").e(phone(rng, "qc"), "PHONE").t("\n")
    titled(d, pt, rng, "fr").t(" est vu" + ("e" if pt.sex == "f" else "") + " ce jour avec ")
    d.t(("son fils " if rel.sex == "m" else "sa fille ")).p(rel, rel.first)
    d.t(". Dyspnée stable, Montreal Cognitive Assessment 24/30. ")
    d.t("Dre " if doc.sex == "f" else "Dr ").p(doc, doc.full).t(", ").e(rng.choice(["CHU de Québec", "Hôpital Maisonneuve-Rosemont"]), "ORG")


def t_iceland(rng, d):
    pt = rng.choice([p for p in POOL if p.style == "is"])
    doc = pick(rng, 1, exclude=[pt])[0]
    y, m, dd = ymd(rng, 1935, 1999)
    d.e("Landspítali", "ORG").t(" – outpatient note\n").p(pt, pt.full).t(", kt. ").e(kennitala(rng, y, m, dd), "SSN")
    d.t("\n").p(pt, pt.first).t(" was seen on ").e(rdate(rng, fmt="dmy."), "DATE")
    d.t(" after moving back from ").e(rng.choice(["Akureyri", "Tórshavn", "Aarhus"]), "LOCATION")
    d.t(rng.choice([". Spirometry unchanged on Symbicort; ", ". Knee effusion aspirated, crystals negative; ",
                    ". Ferritin low again, iron infusion booked; "]) + he(pt) + " can be reached on ").e(phone(rng, "is"), "PHONE")
    d.t(".\n")
    dr(d, doc)


def t_slovak(rng, d):
    pt = rng.choice([p for p in POOL if p.lang == "Slovak"])
    doc = pick(rng, 1, exclude=[pt])[0]
    y, m, dd = ymd(rng, 1940, 1999)
    d.t("Laboratory report – haematology\nPatient: ").p(pt, pt.last_first).t("   R.Č. ")
    d.e(rodne_cislo(rng, y, m, dd, pt.sex), "SSN").t("\nSample taken ").e(rdate(rng, fmt="roman"), "DATE")
    d.t(", ").e(rng.choice(["Košice", "Prešov", "Žilina"]), "LOCATION")
    d.t("\nHb 96 g/L, MCV 71 fL, ferritin 6 µg/L. Heinz bodies absent.\nValidated by MUDr. ")
    d.p(doc, doc.full)


def t_ihs(rng, d):
    pt = rng.choice([p for p in POOL if p.region == "us"])
    rel = rng.choice([p for p in POOL if p.region == "us" and p is not pt])
    doc = pick(rng, 1, exclude=[pt, rel])[0]
    d.e("Chinle Comprehensive Health Care Facility", "ORG").t(" – diabetes clinic\n").p(pt, pt.full)
    d.t(", ").e(f"{rng.randint(58, 96)} y/o", "AGE").t(", SSN ").e(ssn(rng), "SSN").t("\nAddress: ")
    d.e(rng.choice(ADDRESSES["us"]), "LOCATION").t("\nA1c 9.1 on Humalog sliding scale; ")
    d.p(pt, pt.first).t(rng.choice([" hauls water for the household and misses lunch. ",
                                     " drives 90 miles to dialysis three times a week. ",
                                     " stopped Victoza because of nausea. "]))
    d.t("Grandson " if rel.sex == "m" else "Granddaughter ").p(rel, rel.full).t(" helps with the meter. Seen by ")
    dr(d, doc, doc.ref).t(" on ").e(rdate(rng, fmt="mdy/"), "DATE").t(".")


def t_interpreter(rng, d):
    pt = pick_style(rng, ("mono", "mn", "sf", "et"))
    same = [p for p in POOL if p.lang == pt.lang and p is not pt]
    interp = rng.choice(same) if same and rng.random() < 0.7 else pick(rng, 1, exclude=[pt])[0]
    lang = pt.lang
    d.t(f"Interpreter booking ({lang})\nFor: ")
    d.t(pt.title(rng) + " ").p(pt, pt.full if pt.style != "mn" else rng.choice([pt.full, pt.short]))
    d.t("  MRN ").e(mrn(rng), "ID").t("\nWhen: ").e(rdate(rng, fmt="d Mon y") + f", {rng.randint(9, 15)}:{rng.choice(['00', '30'])}", "DATE")
    d.t(" at ").e(rng.choice(ORGS["uk"] + ["Yangon General Hospital", "Shastin Central Hospital", "Orotta National Referral Hospital"]), "ORG")
    d.t("\nBooked: ").p(interp, interp.full).t(". ")
    d.p(pt, pt.ref).t(" prefers a female interpreter for the examination." if pt.sex == "f" else " is hard of hearing on the left; sit on the right.")


def t_safeguarding(rng, d):
    child, mum, sw = pick(rng, 3)
    d.t("Safeguarding note – ").e(rdate(rng, fmt="dmy/"), "DATE").t("\n").p(child, child.first).t(", a ")
    d.e(f"{rng.randint(3, 12)}-year-old", "AGE").t(" pupil at ").e(rng.choice(["Ysgol Gynradd Llanrwst", "Sgoil Lionacleit", "École primaire Saint-Denis"]), "ORG")
    d.t(", attended with " + ("father " if mum.sex == "m" else "mother ")).p(mum, mum.full)
    d.t(". Bruise to the left upper arm, explanation consistent. Lives at ").e(address(rng, mum), "LOCATION")
    d.t(". Discussed with social worker ").p(sw, sw.full).t(", no further action; ").p(child, child.first).t(" happy to go home.")


def t_death(rng, d):
    pt, nok, doc = pick(rng, 3)
    d.t("Verification of death\n").p(pt, pt.full).t(", aged ").e(f"{age_years(rng, old=True)}", "AGE")
    d.t(", died peacefully on ").e(rdate(rng, fmt="dth Month y") + f" at {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}", "DATE")
    d.t(rng.choice([". No heart sounds or breath sounds for five minutes, pupils fixed. ",
                    ". Expected death, DNACPR in place; no response to pain, no central pulse. ",
                    ". Pupils fixed and dilated, no heart sounds over one minute. "]))
    d.t(("His " if nok.sex == "m" else "Her ") + "family were present; " + ("son " if nok.sex == "m" else "daughter ")).p(nok, nok.first)
    d.t(" informed and will contact the undertaker. Verified by ").p(doc, doc.full).t(" (RN).")


def t_obstetric(rng, d):
    pt = rng.choice([p for p in POOL if p.sex == "f"])
    partner, mw = pick(rng, 2, exclude=[pt])
    d.t("Antenatal review: ").p(pt, pt.full).t(", ").e(f"{rng.randint(19, 44)}", "AGE").t(", G2P1, 34+2 weeks. EDD ")
    d.e(rdate(rng, 2025, 2027, fmt="dmy/"), "DATE").t(rng.choice([". BP 138/88, urine protein +. ",
                                                                  ". Reduced fetal movements since yesterday, CTG normal. ",
                                                                  ". Itching of palms, bile acids sent. "]) + "Partner ")
    d.p(partner, partner.first).t(" present. EPDS (Edinburgh Postnatal Depression Scale) 6. ")
    d.t("Community midwife ").p(mw, mw.full).t(" to repeat BP in 48 h; ").p(pt, pt.first)
    d.t(" has the triage number ").e(phone(rng, "uk"), "PHONE").t(".")


def t_referral_email(rng, d):
    pt, doc, sec = pick(rng, 3)
    d.t("From: ").e(email(sec, rng), "EMAIL").t("\nTo: ").e(email(doc, rng), "EMAIL").t("\nSubject: referral – ")
    d.p(pt, pt.last_first).t("\n\nDear ")
    dr(d, doc, doc.ref).t(",\nPlease see the attached referral for ").p(pt, pt.full).t(" (DOB ").e(dob(rng, "dmy/"), "DATE")
    d.t("), who works at ").e(rng.choice(EMPLOYERS), "ORG").t(". Images are on ")
    d.e(f"https://pacs.{rng.choice(['ysbyty', 'hsrosemont', 'lsh'])}.org/share/{rng.randint(100000, 999999)}", "URL")
    d.t(".\nKind regards, ").p(sec, sec.first)


def t_ward_round(rng, d):
    prof, pt, reg = pick(rng, 3)
    d.t("Ward round, ").e(rdate(rng, fmt="d Mon y"), "DATE").t(" – Prof ").p(prof, prof.ref).t("'s team\n")
    d.p(pt, pt.full).t(" (").e(mrn(rng), "ID").t("), day 4 post ").e(rng.choice(["Rafik Hariri University Hospital", "Mahosot Hospital", "Al-Kindy Teaching Hospital", "Korle Bu Teaching Hospital"]), "ORG")
    d.t(rng.choice([" transfer. Murphy's sign negative now, LFTs improving. Prof ",
                    " transfer. Beck's triad absent on review; echo shows a small effusion only. Prof ",
                    " transfer. Wenckebach overnight on telemetry, asymptomatic. Prof "])).p(prof, prof.ref)
    d.t(" happy for oral antibiotics. ").p(reg, reg.full).t(" (registrar) to chase the MRCP.")


def t_gaelic(rng, d):
    pt = rng.choice([p for p in POOL if p.lang == "Scottish Gaelic"])
    gp = pick(rng, 1, exclude=[pt])[0]
    y, m, dd = ymd(rng, 1931, 1975)
    d.e("Western Isles Hospital", "ORG").t(" – community nursing referral\n").p(pt, pt.full)
    if pt.nick:
        d.t(" (known as ").p(pt, pt.nick).t(")")
    d.t(", CHI ").e(chi(rng, y, m, dd), "ID")
    d.t("\n").e(rng.choice(["27 Somerled Square, Portree IV51 9EH", "Flat 2, 41 Bayhead Street, Stornoway HS1 2DU"]), "LOCATION")
    d.t("\nLeg ulcer dressings twice weekly, Tubigrip to the knee. Gaelic speaker; ")
    d.p(pt, pt.first).t(" prefers visits after the ferry. GP: ")
    dr(d, gp, gp.short)


def t_lebanon(rng, d):
    pt = rng.choice([p for p in POOL if p.region == "lb"])
    rel = pick(rng, 1, exclude=[pt])[0]
    d.t("Transfer letter. ").p(pt, pt.full).t(", ").e(f"{age_years(rng)} years", "AGE").t(", from ")
    d.e(rng.choice(["Erbil", "Tripoli", "Baalbek", "Homs"]), "LOCATION").t(", was treated at ")
    d.e(rng.choice(["Rafik Hariri University Hospital", "Al-Kindy Teaching Hospital"]), "ORG")
    d.t(" from ").e(rdate(rng, fmt="dmy/"), "DATE").t(" for Brugada pattern on ECG. ")
    titled(d, pt, rng).t("'s " + relative(rng, rel) + ", ").p(rel, rel.full).t(", can be reached on ")
    d.e(phone(rng, "lb"), "PHONE").t(".")


def t_haiti(rng, d):
    pt = rng.choice([p for p in POOL if p.region in ("ht", "do")])
    doc = pick(rng, 1, exclude=[pt])[0]
    d.t("Clinic note, ").e(rng.choice(["Hôpital Albert Schweitzer", "Hospital Regional Dr. Marcelino Vélez Santana"]), "ORG")
    d.t("\n").p(pt, pt.full).t(", ").e(f"{age_years(rng)}a", "AGE").t(", from ").e(rng.choice(["Cap-Haïtien", "Jacmel", "Santiago de los Caballeros", "Deschapelles"]), "LOCATION")
    d.t(". Cough 3 weeks, GeneXpert pending. ").p(pt, pt.first).t(" to return ")
    d.e(rdate(rng, fmt="dmy/"), "DATE").t(". Contact ").e(phone(rng, "ht"), "PHONE").t(". – ")
    dr(d, doc, doc.short)


def t_handover(rng, d):
    a, b, c = pick(rng, 3)
    d.t("SBAR handover, Keir Hardie Unit: bed 2 ").p(a, a.full).t(" – ").e(f"{age_years(rng, old=True)}yo", "AGE")
    d.t(", confused overnight, AMTS 6. Bed 5 ").p(b, b.full).t(" – for ").e(rng.choice(ORGS["uk"][:4]), "ORG")
    d.t(" tomorrow. ").p(a, a.first).t("'s " + relative(rng, c) + " ").p(c, c.first).t(" asks to be called before any move.")


WORDNAME_LINES = {
    "Strong": "grip strong on both sides",
    "Flood": "reports a flood in the kitchen last week, which is when the fall happened",
    "Salt": "advised a low salt diet",
    "Silver": "silver nitrate applied to the overgranulation",
    "Cross": "group and cross-match sent for two units",
    "Pepper": "pepper spray to the eyes at work, irrigated, no ulcer",
    "Wren": "sleeps in a wren-sized box room at her daughter's",
    "Hale": "hale and hearty per the family",
    "Gentle": "gentle traction reduced the shoulder",
    "Lark": "up with the lark, walks two miles daily",
}


def t_wordname(rng, d):
    """A person whose surname is an ordinary word, with the word also used as a word."""
    pt = rng.choice([p for p in POOL if p.surname in WORDNAME_LINES])
    doc = pick(rng, 1, exclude=[pt])[0]
    d.allow.add(pt.surname.lower())
    d.t(rng.choice(["Clinic review, ", "Home visit, ", "Fracture clinic, "])).e(rdate(rng, fmt="d Mon y"), "DATE")
    d.t(". ")
    titled(d, pt, rng).t(", ").e(f"{age_years(rng)}", "AGE").t(": " + WORDNAME_LINES[pt.surname] + ". ")
    d.p(pt, pt.first).t(rng.choice([" is keen to stay at home. ", " lives alone with a cat. ",
                                    " is the main carer for " + ("his" if pt.sex == "m" else "her") + " brother. "]))
    d.t("Plan discussed with ")
    dr(d, doc, doc.ref).t(".")


PII_TEMPLATES = [
    (t_clinic_letter, 7), (t_op_note, 6), (t_pathology, 7), (t_med_rec, 7), (t_discharge, 8),
    (t_flowsheet, 8), (t_phone_msg, 8), (t_mdt, 7), (t_consent, 7), (t_pharm_query, 6),
    (t_dicom_tags, 8), (t_dicom_kv, 6), (t_worklist, 5), (t_ocr_overlay, 8), (t_ocr_short, 8),
    (t_caption, 7), (t_caption_short, 6), (t_chat, 7), (t_chat2, 6), (t_quebec, 7),
    (t_iceland, 6), (t_slovak, 5), (t_ihs, 6), (t_interpreter, 7), (t_safeguarding, 6),
    (t_death, 6), (t_obstetric, 6), (t_referral_email, 5), (t_ward_round, 6), (t_gaelic, 5),
    (t_lebanon, 5), (t_haiti, 5), (t_handover, 5), (t_wordname, 8),
]


# ---------------------------------------------------------------------------------------
# Templates without identifiers (traps).
# ---------------------------------------------------------------------------------------
def n_clinic(rng, d):
    dz, sg = rng.choice(DISEASES), rng.choice(SIGNS)
    d.t(rng.choice(["Impression: ", "Working diagnosis: ", "Summary: likely ", "Assessment – "]) + dz + ". ")
    d.t(rng.choice([f"{sg} not elicited. ", f"Checked for {sg}; absent. ",
                    f"{sg} noted at the previous visit, not present today. ", f"{sg}: negative. "]))
    d.t(rng.choice(["Will repeat the echo in three months. ", "May need a repeat ECG once the potassium is corrected. ",
                    "Hope to reduce the steroid further at the next visit. ", "Mark the affected limb on the chart. ",
                    "Bloods today: U&E, LFT, CK, magnesium. ", "Genetics referral offered and declined. "]))
    d.t(rng.choice(["Grace period for returning the driving licence form is two weeks. ",
                    "Iris and lens clear on slit lamp; fundi normal. ",
                    "Rose from the chair without using the arms. ",
                    "Patience with the titration is needed; side effects settle. ",
                    "Sage advice from physiotherapy: pace the walking. ", ""]))
    d.t(rng.choice(["Discharged to GP care with written advice.", "Review in the general clinic in four months.",
                    "Open access to the nurse helpline.", "No driving until reviewed."]))


def n_opnote(rng, d):
    man = rng.choice(MANOEUVRES[:5])
    ins, ins2 = rng.sample(INSTRUMENTS[:8], 2)
    d.t(rng.choice(["Safety checklist completed. Site marked. ", "Time out done. Antibiotic prophylaxis given. ",
                    "GA with LMA. Skin prep chlorhexidine. "]))
    d.t(f"Positioned: {rng.choice(['supine', 'Lloyd-Davies position', 'left lateral', 'prone', 'lithotomy'])}. ")
    d.t(f"Technique: {man}. {ins} and {ins2} used. ")
    d.t(rng.choice(["Haemostasis with bipolar. ", "Estimated blood loss 150 ml; cross-match not required. ",
                    "Swab and instrument count correct x2. ", "Tourniquet time 42 min. ",
                    "Strong adhesions to the anterior wall divided sharply. "]))
    d.t(rng.choice(["Closure: 3/0 absorbable subcuticular, Opsite dressing. ", "Closure: clips, Opsite dressing. ",
                    "Skin: interrupted 4/0 nylon, Robert Jones bandage. ", "Esmarch bandage released before closure. "]))
    d.t(rng.choice(["Will review tomorrow.", "Bill of materials sent to theatre stores.",
                    "May eat and drink when awake.", "Mobilise as comfort allows."]))


def n_pathology(rng, d):
    d.t(rng.choice(["Microscopy: ", "Micro: ", "Histology: "]))
    d.t(rng.choice([
        "Peripheral film shows Heinz bodies after supravital staining; bite cells present. ",
        "Myeloblasts with Auer rods, 41% of nucleated cells. ",
        "Nodular melanoma, Clark level IV, mitoses 6/mm². ",
        "Synovium with haemosiderin-laden macrophages, no crystals. ",
        "Liver core with copper-associated protein, consistent with Wilson's disease. ",
        "Adrenal nodule 14 mm, clear cells; correlate with Conn's syndrome biochemistry. ",
    ]))
    d.t(rng.choice(["Comment: grade and stage as per the national dataset. ",
                    "Comment: discussed at the haematology MDT. ",
                    "Comment: deep margin 2 mm. Major calyces free of tumour. ",
                    "Comment: immunohistochemistry to follow. "]))
    d.t(rng.choice(["Silver stain negative for organisms.", "Gram and Grocott stains negative.",
                    "Will send to the reference laboratory for FISH.", "Iron stain shows no ring sideroblasts."]))


SIGS = {"Aricept": "10 mg at night", "Fragmin": "5000 units sc daily", "Humalog": "per sliding scale",
        "Spiriva": "one capsule inhaled daily", "Symbicort": "two puffs twice daily",
        "OxyNorm": "2.5 mg four-hourly prn", "Buscopan": "20 mg tds prn", "Laxido": "one sachet bd",
        "Fybogel": "one sachet bd", "Gaviscon": "10 ml after meals", "Creon": "with meals",
        "Calogen": "30 ml tds", "Lucentis": "intravitreal, monthly", "Eylea": "intravitreal, 8-weekly",
        "Victoza": "1.2 mg sc daily", "Betmiga": "50 mg daily", "Brilique": "90 mg bd",
        "Sando-K": "two tablets bd", "Dioralyte": "after each loose stool", "Champix": "1 mg bd",
        "Daktarin": "to groins bd", "Canesten": "to the feet bd", "Dermovate": "thinly, once daily",
        "Diprobase": "as soap substitute", "Cetraben": "liberally", "Epaderm": "liberally"}


def n_medlist(rng, d):
    b = rng.sample(sorted(SIGS), 4)
    d.t(rng.choice(["Medication on admission: ", "Current medicines: ", "Drug history (from the blister pack): "]))
    d.t("; ".join(f"{x} {SIGS[x]}" for x in b) + ". ")
    d.t(rng.choice(["Salt-poor albumin given on day 2. ", "Strong opioids avoided. ",
                    "Earl Grey tea interacts with nothing on this list. ",
                    "Gentian violet to the web spaces. ", "Allergies: penicillin (rash). ", ""]))
    d.t(rng.choice(["May need a spacer for the inhaler.", "Will check the blister packs with the community pharmacy.",
                    "Hope to stop the laxative once mobile.", "Compliance aid requested."]))


def n_nursing(rng, d):
    u = rng.choice(UNITS)
    dev = rng.choice(["Sara Stedy", "Maxi Move hoist", "Rollator", "Invacare chair"])
    other = rng.choice(["FreeStyle Libre sensor changed. ", "Nellcor probe resited to the ear. ",
                        "Masimo sensor alarming, replaced. ", "Declined the Arjo bath. ",
                        "Nimbus mattress on static mode. "])
    d.t(rng.choice([f"Transferred to {u} at handover. ", f"Returned to {u} from theatre. ",
                    f"Bed moved within {u} for side-room isolation. "]))
    d.t(f"Mobilised with {dev}; ")
    d.t(rng.choice(["rose to stand with one assist. ", "will need two to transfer overnight. ",
                    "skin intact, sacrum blanching. ", "steady, no dizziness. "]) + other)
    d.t(rng.choice([f"{rng.choice(['Cavilon', 'Sudocrem', 'Bepanthen', 'Medihoney'])} applied. ",
                    "Flood risk on the ensuite – estates informed. ",
                    "Encouraged fluids, intake 1.2 L by 18:00. ", "NEWS 1, no escalation. "]))
    d.t(rng.choice(["Call bell in reach.", "Family updated by phone.", "Hope for a better night."]))


def n_chat(rng, d):
    s = rng.choice([
        "will grab the bloods from bay 4 after lunch, may be late",
        "can someone mark the cannula date on the chart pls?",
        "hope the new pods arrive, the Omnipod order is stuck again",
        "bill for the taxi goes to the discharge lounge not us",
        "who has the keys for the CD cupboard? will check the office",
        "iris scanner on the drug room door is down again",
    ])
    s += " " + rng.choice(["ta", "thx all", "cheers", "sorted", "👍"])
    d.t(s + "\n" + rng.choice(["Reminder: grace period for mandatory training ends this month.",
                               "Sage-green gowns are for the isolation bay only.",
                               "Major incident test at 14:00, no action needed.",
                               "Will swap my long day if anyone needs."]))


def n_mdt(rng, d):
    s1, s2 = rng.sample(SCORES, 2)
    d.t(rng.choice(["MDT outcome: ", "Tumour board summary: ", "Meeting outcome – "]))
    d.t(rng.choice([f"{s1} documented. {s2} reviewed. ", f"{s1} applied; {s2} not applicable. ",
                    f"Radiology reports {s1}; pathology adds {s2}. "]))
    d.t(rng.choice(["Plan: surveillance imaging in six months. ", "Plan: refer for assessment; will discuss at the next meeting. ",
                    "Plan: patient to decide after the clinic visit. ", "Plan: best supportive care. "]))
    d.t(rng.choice(["Clinical nurse specialist to phone with the outcome.", "No change to the current pathway.",
                    "Iris recognition entry to the MDT room is out of order.", "Mark as discussed on the tracker."]))


def n_consent(rng, d):
    d.t(rng.choice(["Patient information: ", "What to expect: ", "About your procedure – "]))
    d.t(rng.choice(["You may feel a sharp scratch when the Venflon is inserted. ",
                    "You will be asked to sit in Fowler's position for the scan. ",
                    "A Ryle's tube may be passed through the nose if you are sick. ",
                    "A Robert Jones bandage will be on for two weeks. "]))
    d.t(rng.choice(["Serious risks are rare (less than 1 in 1,000). ", "You can change your mind at any time. ",
                    "Please bring a list of your medicines. ", "Do not eat for six hours beforehand. "]))
    d.t(rng.choice(["Hope this leaflet answers your questions.", "Will you need transport? Tell the ward clerk.",
                    "Mark any allergies on the form.", "Ask for a large-print copy if needed."]))


def n_pharm(rng, d):
    b1, b2 = rng.sample(sorted(SIGS), 2)
    d.t(rng.choice(["Pharmacy query: ", "Pharmacist note – ", "Query for the team: "]))
    d.t(f"{b1} and {b2} prescribed together. ")
    d.t(rng.choice(["Interaction is moderate; monitor. ", "Duplicate therapy? Please review. ",
                    "Dose exceeds the BNF maximum for renal impairment. ", "Non-formulary – please consider an alternative. "]))
    d.t(rng.choice(["Will the team confirm the indication?", "May I suggest switching to a once-daily form?",
                    "Cross-checked with the GP summary.", "Bill to the ward budget if continued."]))


def n_dicom(rng, d):
    d.t(rng.choice(["(0010,0010) PN [ANONYMIZED]", "(0010,0010) PN [PHANTOM^QA]", "(0010,0010) PN []"]))
    d.t("\n(0010,0020) LO [PHANTOM-QA-" + str(rng.randint(1, 9)) + "]\n(0008,1030) LO [")
    d.t(rng.choice(["QA WATER PHANTOM", "ACR CT PHANTOM", "UNIFORMITY TEST", "DAILY QC"]))
    d.t("]\n(0018,0050) DS [" + rng.choice(["1.25", "2.5", "5.0"]) + "]\n(0018,0060) DS [" + rng.choice(["100", "120", "140"]) + "]")


def n_ocr(rng, d):
    s = rng.choice([
        f"L   KV120 MA{rng.randint(100, 400)}  W:400 L:40   SL 5.0",
        f"R  STANDING  AP  {rng.randint(80, 120)}cm SID",
        f"SUPINE  PORTABLE  ET TUBE TIP {rng.randint(3, 6)}cm ABOVE CARINA",
        f"WL 1500/-600   IMG {rng.randint(10, 300)}/{rng.randint(300, 400)}",
        f"MARK  R  WEIGHT BEARING  {rng.randint(60, 90)} kV",
    ])
    d.t(noisy(s, rng, 0.1, punct=True))


def n_caption(rng, d):
    d.t(rng.choice([
        "Photo of a healing sternotomy wound, day 9, no erythema.",
        "Photo of the dorsum of the left hand: ganglion, not a Baker's cyst as queried.",
        "Photo: Granuflex dressing in place over the heel, edges lifting.",
        "Clinical photograph of the skin marking before the Lanz incision.",
        "Photo of the FreeStyle Libre sensor site, mild contact dermatitis.",
        "Image of the Robert Jones bandage applied after the tendon repair.",
        "Photo of gentian violet on the interdigital spaces.",
        "Photo of the Pringle manoeuvre set-up for teaching.",
    ]))


TRAP_TEMPLATES = [
    (n_clinic, 12), (n_opnote, 9), (n_pathology, 7), (n_medlist, 9), (n_nursing, 9),
    (n_chat, 7), (n_mdt, 7), (n_consent, 6), (n_pharm, 6), (n_dicom, 2), (n_ocr, 3),
    (n_caption, 3),
]


# ---------------------------------------------------------------------------------------
# Generation and self-check.
# ---------------------------------------------------------------------------------------
def build(rng):
    """All texts, PII templates and traps interleaved in a fixed shuffled order."""
    plan = [(f, True) for f, n in PII_TEMPLATES for _ in range(n)]
    plan += [(f, False) for f, n in TRAP_TEMPLATES for _ in range(n)]
    rng.shuffle(plan)
    docs, seen = [], set()
    for i, (f, _) in enumerate(plan):
        for _attempt in range(50):
            d = Doc(f"blind3-{i + 1:03d}")
            f(rng, d)
            if d.text() not in seen:
                break
        else:
            fail(f"{f.__name__}: cannot produce a new unique text")
        seen.add(d.text())
        docs.append(d)
    return docs


def fail(msg):
    """Stop loudly; nothing is written."""
    sys.stderr.write(f"generate_blind3.py self-check failed: {msg}\n")
    sys.exit(1)


def word_re(w, flags=re.IGNORECASE):
    """A whole-word pattern for w."""
    return re.compile(r"(?<!\w)" + re.escape(w) + r"(?!\w)", flags)


def mask(text, ents):
    """The text with every span blanked out."""
    chars = list(text)
    for e in ents:
        for i in range(e["start"], e["end"]):
            chars[i] = " "
    return "".join(chars)


# Surnames whose parts are ordinary words: checked as a whole only.
WHOLE_SURNAMES = {"Little Thunder", "Two Bulls", "De los Santos"}


def name_parts(p):
    """The words of a person's name that must not leak (compound word-surnames whole)."""
    parts = re.findall(r"[\w'-]+", p.given)
    if p.surname in WHOLE_SURNAMES:
        parts.append(p.surname)
    else:
        parts += re.findall(r"[\w'-]+", p.surname)
    return parts


def check(docs):
    """Every self-check of the module docstring."""
    ids = set()
    pool_parts = sorted({w for p in POOL for w in name_parts(p) if len(w) >= 3}, key=str.lower)
    for d in docs:
        text = d.text()
        if d.id in ids:
            fail(f"duplicate id {d.id}")
        ids.add(d.id)
        last_end = 0
        who_of = {}
        for e in sorted(d.ents, key=lambda e: e["start"]):
            s = text[e["start"]:e["end"]]
            if s != e["_s"]:
                fail(f"{d.id}: slice {s!r} != inserted {e['_s']!r}")
            if not s or s != s.strip():
                fail(f"{d.id}: empty or untrimmed span {s!r}")
            if e["start"] < last_end:
                fail(f"{d.id}: overlapping spans at {e['start']}")
            last_end = e["end"]
            if e["type"] not in KINDS:
                fail(f"{d.id}: unknown type {e['type']}")
            if (e["type"] == "PERSON") != ("person" in e):
                fail(f"{d.id}: person id on a non-PERSON span or missing on a PERSON span")
            if e["type"] == "PERSON":
                who = e["_who"]
                if who_of.setdefault(e["person"], who) is not who:
                    fail(f"{d.id}: person id {e['person']} names two individuals")
                if not d.ocr and s not in who.forms():
                    fail(f"{d.id}: {s!r} is not a form of {who.full!r}")
        pids = {}
        for e in d.ents:
            if e["type"] == "PERSON":
                if pids.setdefault(e["_who"].full, e["person"]) != e["person"]:
                    fail(f"{d.id}: one individual under two person ids")
        masked = mask(text, d.ents)
        for p in d.people:
            for f in p.forms():
                if f.lower() in d.allow:
                    continue
                if len(f) >= 3 and f not in (p.initials, p.initials.lower(), p.dotted) and word_re(f).search(masked):
                    fail(f"{d.id}: a form of {p.full!r} ({f!r}) occurs outside a span")
        for w in pool_parts:
            if w.lower() in d.allow or (not d.ents and w.lower() in TRAP_WORDS_OK):
                continue
            if word_re(w).search(masked):
                fail(f"{d.id}: pool name {w!r} outside a span")
    texts = [d.text() for d in docs]
    if len(set(texts)) != len(texts):
        fail("duplicate texts")
    earlier = "\n".join((HERE / f).read_text(encoding="utf-8") for f in EARLIER)
    probes = set(pool_parts) | set(TRAP_PHRASES) | set(TOWNS) | set(EMPLOYERS)
    probes |= {m for v in MIDDLES.values() for m in v}
    probes |= {o for v in ORGS.values() for o in v} | {a for v in ADDRESSES.values() for a in v}
    reused = [w for w in sorted(probes) if word_re(w).search(earlier)]
    if reused:
        fail(f"occur in an earlier generator: {reused}")


def main():
    rng = random.Random(SEED)
    docs = build(rng)
    check(docs)
    lines = []
    for d in docs:
        ents = [{k: v for k, v in e.items() if not k.startswith("_")} for e in sorted(d.ents, key=lambda e: e["start"])]
        lines.append(json.dumps({"id": d.id, "text": d.text(), "entities": ents}, ensure_ascii=False))
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    counts = {}
    for d in docs:
        for e in d.ents:
            counts[e["type"]] = counts.get(e["type"], 0) + 1
    with_pii = sum(1 for d in docs if d.ents)
    lens = sorted(len(d.text()) for d in docs)
    print(f"{len(docs)} texts ({with_pii} with identifiers, {len(docs) - with_pii} without); "
          f"median length {lens[len(lens) // 2]}; spans: "
          + ", ".join(f"{k} {counts[k]}" for k in sorted(counts)))


if __name__ == "__main__":
    main()
