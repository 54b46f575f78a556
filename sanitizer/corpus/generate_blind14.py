#!/usr/bin/env python3
"""Deterministic generator for the sanitizer's fourteenth BLIND corpus (blind14.jsonl), the
seventeenth corpus overall.

Run from the repository root:  python3 sanitizer/corpus/generate_blind14.py
Output is byte-identical on every run (own seed, no clock, no environment, no hash order).

NEVER SCORED: written blind, without reading the sanitizer's source or
sanitizer/tests/generalise.rs and without running the sanitizer, its bench or its failures
example on anything. It is meant to be scored ONCE, later, by someone other than its author;
until then it is parsed only (the shape test in sanitizer/tests/corpus.rs). Templates, word
lists and names share nothing by design with generate.py (dev), generate_heldout.py
(heldout), generate_test.py (test), generate_blind.py .. generate_blind13.py, their .jsonl
outputs and names.json: the self-check at the end refuses any pool name part, nickname, name
in another script, trap term, word-name, organisation key word or place found (as a whole
word, case-insensitive) in those files. The particles "de" / "du" and one- and two-letter
tokens (the Ede prefixes Y and H') are exempt.

Regions (naming traditions; names listed by hand from general knowledge of public name
lists, registers and naming studies, nothing downloaded). Each was checked against every
earlier docstring and the regions briefed for blind7 .. blind13 and their neighbours; the
candidates whose names the self-check found in earlier files (Barbados: Alleyne, Bynoe,
Gittens, Inniss, Yearwood, Cumberbatch, Speightstown, Oistins) were dropped, and so were
single given names it refused (Zinaida, Velma, Juanita, Marcelino, Wilfred, Amos, Frank):
- Gond of Madhya Pradesh (Dindori, Seoni, Nainpur; not the Odia or Santal lands of blind10):
  Netam, Markam, Uikey, Dhurve, Tekam, Kumre, Marskole, Parteti, Maravi, Kusram (some also
  in Devanagari); Budhram, Sukhram, Phagulal, Mansingh; Sukhiya, Ramkali, Phoolmati, Dhaniya;
- Nanai of the lower Amur (Troitskoye, Naikhin; far from Sakha, Buryat, Tuva): the clan
  names Beldy, Samar, Passar, Kile, Geiker, Odzyal, Donkan, Zaksor, Khodzher, Digor (some
  also in Cyrillic); Nikifor, Leontiy, Afanasy; Yevdokia (Dusya), Antonina, Agniya;
- Tiwi Islands (Wurrumiyanga, Milikapiti, Pirlangimpi; not the Yolŋu, Warlpiri or NSW
  names of blind2 / blind13): Puruntatameri, Tipungwuti, Kerinaiua, Munkara, Tipiloura,
  Portaminni, Wonaeamirri, Pilakui, Mungatopi, Kantilla, Timaepatua, Tipakalippa; Romolo,
  Marius, Eustace; Perpetua, Concepta, Theodora; addresses as community lot numbers;
- Noongar of the Western Australian wheatbelt (Narrogin, Katanning, Kellerberrin): Nannup,
  Yarran, Bennell, Ugle, Kickett, Narkle, Wallam, Garlett, Winmar, Indich and the word-name
  Councillor; Lester, Clifton, Trevor; Glenys, Noelene;
- Toraja (Tana Toraja, South Sulawesi; far from the Ambonese of blind12): Rante, Sampe,
  Palimbong, Tandirerung, Pakiding, Sarungallo, Tangdilintin, Parinding, Kombong, Pasanda;
  Yohanis, Marthen, Yulius; Yosefina, Dorkas, Ribka; Indonesian NIK numbers;
- Ifugao and the Cordillera of northern Luzon (Lagawe, Kiangan, Banaue, Hungduan; not the
  Maranao or Chinese-Filipino names of blind11 / blind12): Dulnuan, Bahatan, Gumangan,
  Dinamling, Pugong, Lumauig, Dulawan, Bannawol, Bugnosen, Tabangcura, Bangsoy, Molintas;
  Teofilo, Florante (Boyet); Nenita, Luzviminda (Minda), Perla; PhilSys numbers;
- Unangan (Aleut) of the Aleutians (Unalaska, Atka, Nikolski, Akutan; far from the Iñupiat
  North Slope): Russian-derived family names Merculief, Prokopiof, Shaishnikoff, Golodoff,
  Lekanoff, Galaktionoff, Bourdukofsky, Stepetin, Philemonof, Krukoff, Tutiakoff, Kudrin;
  Iliodor, Innokenty, Aquilin; Agrafina, Aquilina, Feodosia;
- Kiowa (Anadarko and Carnegie, south-west Oklahoma): Tsatoke, Tointigh, Poolaw, Mopope,
  Tartsah, Saunkeah, Paddlety, Botone, Hokeah, Kauley, Geimausaddle, Tsoodle, Doyeto,
  Ahhaity; Dewey, Alvah, Harding; Imogene, Gertie;
- Nuu-chah-nulth (west coast of Vancouver Island: Tofino, Ucluelet, Ahousaht; far from the
  Tlingit of blind12): Atleo, Keitlah, Charleson, Touchie, Sabbas, Tutube, the word-name
  Jumbo and the hyphenated Atleo-Keitlah; Lyle, Shawn; Corrine, Trudy; BC PHNs;
- Gullah Geechee of the Lowcountry Sea Islands (Wadmalaw, Edisto, Daufuskie, Beaufort): the
  Huguenot and planter-era family names the community bears (Manigault, Legare, Huger,
  Ravenel, Grimball, Gadsden, Heyward, Pinckney, Wigfall) and the particle names de Saussure,
  de Treville, du Pré; Thaddeus, Lucius, Cornelius (Neely); Hagar, Ophelia, Queenie;
- Ede (Rhade) of the Central Highlands (Buôn Ma Thuột) and the Greensboro, North Carolina
  Montagnard community: clan names Niê, Ksor, Êban, Mlô, Rcom, Byă, Adrơng, Kpă after a given
  name with the male prefix Y or the female prefix H' (Y Tlam, Y Bhiông, Y Kuh; H'Bia, H'Rin),
  the whole name one span;
- Minahasa of North Sulawesi (Tomohon, Tondano, Manado; not the Toraja highlands, and across
  the sea from the Maranao of blind11): the fixed "fam" names Rumondor, Lumentut, Sondakh,
  Pangemanan, Wowor, Tumbelaka, Mandagi, Supit, Kalalo, Tambuwun, Runtuwene, Lasut, Worang
  with Dutch-era given names (Ventje, Herman, Arnold; Deetje, Welmina);
- Tłı̨chǫ (Dogrib) Dene of the Northwest Territories (Behchokǫ̀, Whatì, Gamètì, Wekweètì;
  not the Cree, Inuit or Blackfoot of blind4 / blind5 / blind10): Rabesca, Mantla, Wetrade,
  Eyakfwo, Nitsiza, Tlokka, Wedawin and the word-names Football and Zoe; Alphonse, Jimmy;
  Philomene, Celine, Georgina; Canadian SINs;
- English surnames that are verbs, a word class no earlier corpus used (Gamble, Tickle,
  Pinch, Bolt, Gallop, Trundle and the double-barrelled Gamble-Tickle, Pinch-Gallop), with
  Roscoe, Hollis, Merle, Lorene.

Genres and their sentence shapes (300 texts: 220 naming a person, 80 with no identifier;
lengths from one word to about a hundred, over a hundred of 30-150 words; 95 templates, 73 with
identifiers and 22 traps, none filled more than five times, many with worded variants):
renal dialysis run sheets, neonatal cot cards, mortuary release forms, CT vetting notes,
endoscopy lists (surnames in capitals), bowel-screening result letters, ambulance ATMIST
handovers, hospital-at-home visits, diabetic eye screening letters, medical photography
requests (``FAMILY^GIVEN``), pre-operative assessments, anaesthetic record headers (pipe
columns), surgical ward-round entries, discharge summaries to the GP, appointment text
reminders, New Medicine Service calls, ReSPECT discussions, lasting power of attorney notes,
next-of-kin changes, pet-, art- and music-therapy notes, hospital-school and play-specialist
notes, two-year development reviews, virtual fracture clinic outcomes (``Family, Given``),
plaster-room logs, thrombolysis proformas, sepsis-six records, NG tube checks, enteral feed
plans, acute pain team reviews, syringe-driver checks (initials), catheter passports,
insulin-pen teaching, asthma reviews, COPD rescue packs, heart-failure telemonitoring alerts,
epilepsy diaries, TB directly observed therapy logs, partner notification (initials), police
statement requests, taxi vouchers, a relative's e-mail and the ward's reply, rota-swap
messages, teaching sign-in sheets, clinical supervision records, needlestick reports,
biobank labels, specimen labels, histology cut-up notes, crisis-team contacts, learning-
disability hospital passports and "This is me" forms (nicknames), home-oxygen risk
assessments, ED queue screens (``SURNAME I``), endoscopy image overlays, HL7 PID segments,
XML fragments, lower-case family chat, nickname sign-offs, two- and three-word notes, locker
labels and pinned notes with a family name in Devanagari or Cyrillic beside or instead of
its romanised form, particle-name letters and bed boards, GP queries, identity checks with
national numbers, a voicemail transcript, portal messages (e-mail, URL), transfer requests,
lower-case handover notes, whiteboards in capitals, CD stock checks, a long rheumatology
letter and a long nursing narrative. Some shapes share a genre (not wording) with an earlier
corpus: e-mails, overlays, short notes, staff chat, voicemail, identity checks. People are
mentioned repeatedly and partially (surname only, given name only, title + surname,
initials, nickname, lower case, upper case, script form) and every mention carries one
``person`` id; relatives are drawn from the patient's tradition when it has names to spare.

The 80 texts without identifiers are traps: eponyms no earlier corpus used (Ortner, Kanavel,
Forchheimer, Muehrcke, de Garengeot, Ramstedt, Duhamel, Boari, Sugiura), brands (Conotrane,
Metanium, Zerobase, Dermol, Trimovate, Timodine, Bactroban, Naseptin), this corpus's
word-names used as words (gamble, tickle, pinch, bolt, gallop, trundle, jumbo, councillor,
football), the peoples' names as adjectives (Kiowa, Gullah, Toraja, Nanai, Tiwi, Gond,
Ifugao, Minahasa, Dene), anatomy,
notices, boards, X-ray overlays, nameless staff chat and handovers, a long governance note,
and sentences that open with a capitalised word.

Conventions of the gold spans are generate_blind6.py's (offsets in code points): PERSON
spans cover the name only, never a title or a possessive 's; a ``FAMILY^GIVEN`` or
``Family, Given`` value is one span, and so is an Ede name with its Y / H' prefix and an ED
queue's ``SURNAME I``; a name in another script is a mention of the same person; initials
standing for a person are PERSON; a name inside an e-mail address is part of the EMAIL span
only; AGE covers the number with its unit; DATE covers a full date (with a time written
with it, HL7 ``YYYYMMDD`` too), never a time or year alone; LOCATION covers a street address
or a town named alone; ORG covers a whole hospital, clinic or practice name; ID / PHONE /
EMAIL / URL / SSN cover the value only (SSN for national numbers: Aadhaar, SNILS, NIK,
PhilSys, US SSN, BC PHN, Canadian SIN, Australian Medicare); a police collar number is an
ID. Bed, bay, cubicle and dialysis-station numbers are not marked.

Self-check (exits non-zero and writes nothing on failure): every span's slice is exactly the
string the template inserted; spans are sorted, non-empty and do not overlap; PERSON spans
and only they carry a ``person`` id, one id per individual, and no PERSON span holds a title
or a possessive; no pool name part occurs outside a span (except the word-names, which trap
texts use as words); trap texts hold no span and every other text names a person; 220 + 80
texts; no template is used more than five times and at least 80 are used; at least 100
texts have 30-150 words and at least 8 a particle name; ids and texts are unique; no pool
name part, nickname, script form, trap term, word-name, organisation key word or place
occurs in the earlier files.
"""

import json
import os
import random
import re
import sys
import unicodedata


SEED = 14_270_1127
OUT = os.path.join("sanitizer", "corpus", "blind14.jsonl")
HERE = os.path.join("sanitizer", "corpus")
N_PII = 220
N_TRAP = 80
MAX_USES = 5
MIN_TEMPLATES = 80
MIN_LONG = 100
MIN_PARTICLE = 8
KINDS = {"PERSON", "DATE", "AGE", "ID", "PHONE", "EMAIL", "URL", "SSN", "LOCATION", "ORG"}
EARLIER = (["generate.py", "generate_heldout.py", "generate_test.py"]
           + ["generate_blind%s.py" % s for s in ["", 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]]
           + ["dev.jsonl", "heldout.jsonl", "test.jsonl"]
           + ["blind%s.jsonl" % s for s in ["", 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]]
           + ["names.json"])


def fail(msg):
    """Stops the script without writing anything."""
    sys.stderr.write("generate_blind14: " + msg + "\n")
    sys.exit(1)


REGIONS = {
    "gond": {"famm": ["Netam", "Markam", "Uikey", "Dhurve", "Tekam", "Kumre", "Marskole",
                      "Parteti", "Maravi", "Kusram"],
             "m": ["Budhram", "Sukhram", "Phagulal", "Mansingh"],
             "f": ["Sukhiya", "Ramkali", "Phoolmati", "Dhaniya"]},
    "nanai": {"famm": ["Beldy", "Samar", "Passar", "Kile", "Geiker", "Odzyal", "Donkan",
                       "Zaksor", "Khodzher", "Digor"],
              "m": ["Nikifor", "Leontiy", "Afanasy"], "f": ["Yevdokia", "Antonina", "Agniya"]},
    "tiwi": {"famm": ["Puruntatameri", "Tipungwuti", "Kerinaiua", "Munkara", "Tipiloura",
                      "Portaminni", "Wonaeamirri", "Pilakui", "Mungatopi", "Kantilla",
                      "Timaepatua", "Tipakalippa"],
             "m": ["Romolo", "Marius", "Eustace"], "f": ["Perpetua", "Concepta", "Theodora"]},
    "noongar": {"famm": ["Nannup", "Yarran", "Bennell", "Ugle", "Kickett", "Narkle", "Wallam",
                         "Garlett", "Winmar", "Indich", "Councillor"],
                "m": ["Lester", "Clifton", "Trevor"], "f": ["Glenys", "Noelene"]},
    "toraja": {"famm": ["Rante", "Sampe", "Palimbong", "Tandirerung", "Pakiding", "Sarungallo",
                        "Tangdilintin", "Parinding", "Kombong", "Pasanda"],
               "m": ["Yohanis", "Marthen", "Yulius"], "f": ["Yosefina", "Dorkas", "Ribka"]},
    "ifugao": {"famm": ["Dulnuan", "Bahatan", "Gumangan", "Dinamling", "Pugong", "Lumauig",
                        "Dulawan", "Bannawol", "Bugnosen", "Tabangcura", "Bangsoy", "Molintas"],
               "m": ["Teofilo", "Florante"],
               "f": ["Nenita", "Luzviminda", "Perla"]},
    "unangan": {"famm": ["Merculief", "Prokopiof", "Shaishnikoff", "Golodoff", "Lekanoff",
                         "Galaktionoff", "Bourdukofsky", "Stepetin", "Philemonof", "Krukoff",
                         "Tutiakoff", "Kudrin"],
                "m": ["Iliodor", "Innokenty", "Aquilin"], "f": ["Agrafina", "Aquilina",
                                                               "Feodosia"]},
    "kiowa": {"famm": ["Tsatoke", "Tointigh", "Poolaw", "Mopope", "Tartsah", "Saunkeah",
                       "Paddlety", "Botone", "Hokeah", "Kauley", "Geimausaddle", "Tsoodle",
                       "Doyeto", "Ahhaity"],
              "m": ["Dewey", "Alvah", "Harding"], "f": ["Imogene", "Gertie"]},
    "nuuchah": {"famm": ["Atleo", "Keitlah", "Charleson", "Touchie", "Sabbas", "Jumbo",
                         "Tutube", "Atleo-Keitlah"],
                "m": ["Lyle", "Shawn"], "f": ["Corrine", "Trudy"]},
    "gullah": {"famm": ["Manigault", "Legare", "Huger", "Ravenel", "Grimball", "Gadsden",
                        "Heyward", "Pinckney", "Wigfall", "de Saussure", "de Treville",
                        "du Pré"],
               "m": ["Thaddeus", "Lucius", "Cornelius"], "f": ["Hagar", "Ophelia", "Queenie"]},
    "ede": {"famm": ["Niê", "Ksor", "Êban", "Mlô", "Rcom", "Byă", "Adrơng", "Kpă"],
            "m": ["Y Tlam", "Y Bhiông", "Y Kuh"], "f": ["H'Bia", "H'Rin"]},
    "minahasa": {"famm": ["Rumondor", "Lumentut", "Sondakh", "Pangemanan", "Wowor",
                          "Tumbelaka", "Mandagi", "Supit", "Kalalo", "Tambuwun", "Runtuwene",
                          "Lasut", "Worang"],
                 "m": ["Ventje", "Herman", "Arnold"], "f": ["Deetje", "Welmina"]},
    "tlicho": {"famm": ["Rabesca", "Mantla", "Wetrade", "Eyakfwo", "Nitsiza", "Tlokka",
                        "Wedawin", "Football", "Zoe"],
               "m": ["Alphonse", "Jimmy"], "f": ["Philomene", "Celine", "Georgina"]},
    "english": {"famm": ["Gamble", "Tickle", "Pinch", "Bolt", "Gallop", "Trundle",
                         "Gamble-Tickle", "Pinch-Gallop"],
                "m": ["Roscoe", "Hollis"], "f": ["Merle", "Lorene"]},
}
PARTICLE_FAMS = ["de Saussure", "de Treville", "du Pré"]
NICKS = {"Florante": "Boyet", "Luzviminda": "Minda", "Cornelius": "Neely",
         "Yevdokia": "Dusya"}
SCRIPT = {"Netam": "नेताम", "Markam": "मरकाम", "Uikey": "उइके", "Dhurve": "धुर्वे",
          "Tekam": "टेकाम", "Beldy": "Бельды", "Samar": "Самар", "Passar": "Пассар",
          "Kile": "Киле", "Geiker": "Гейкер", "Zaksor": "Заксор"}
WORD_NAMES = {"gamble", "tickle", "pinch", "bolt", "gallop", "trundle", "jumbo", "councillor",
              "gond", "tiwi", "kiowa", "gullah", "toraja", "nanai", "ede", "ifugao", "football",
              "zoe", "minahasa"}
PARTICLES = {"de", "du"}
TRAP_TERMS = []  # filled below, next to the trap templates
WORDLIKE = {"AM", "PM", "IT", "IN", "ON", "AT", "AS", "IS", "OR", "AN", "NO", "OK", "MR", "MS",
            "DR", "GP", "ED", "BP", "HR", "RN", "TB", "MG", "ML", "MD", "PT", "OT", "CT", "ST",
            "NB", "DC", "BD", "OD", "PR", "SR", "HB", "CD", "GI", "ID", "IV", "TD", "YN"}
TOKEN = re.compile(r"[^\W\d_]+", re.UNICODE)


def tokens(s):
    """Word tokens of s (letters only)."""
    return TOKEN.findall(s)


class Person:
    """One individual of one naming tradition."""

    def __init__(self, given, family, sex, region):
        self.given, self.family, self.sex, self.region = given, family, sex, region
        self.nick = NICKS.get(given)

    def full(self):
        return self.given + " " + self.family

    def sur(self):
        return self.family

    def script(self):
        return SCRIPT.get(self.family)

    def casual(self):
        return self.nick or self.given

    def bare(self):
        """Family name without its particle (for initials and e-mail)."""
        f = self.family
        for p in PARTICLES:
            if f.startswith(p + " "):
                return f[len(p) + 1:]
        return f

    def initials(self):
        g = self.given.replace("H'", "").replace("Y ", "")
        s = (g[0] + self.bare()[0]).upper()
        return s[0] + "." + s[1] + "." if s in WORDLIKE else s

    def caret(self):
        return self.family.upper() + "^" + self.given.upper()

    def comma(self, upper=False):
        return (self.family.upper() if upper else self.family) + ", " + self.given

    def i_sur(self):
        return self.given.replace("H'", "").replace("Y ", "")[0] + ". " + self.family

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
    """One text being built: random source and the people drawn."""

    def __init__(self, rng):
        self.rng = rng
        self.used = []

    def person(self, region=None, sex=None, nick=False, script=False, particle=False):
        rng = self.rng
        for _ in range(400):
            reg = region or rng.choice(sorted(REGIONS))
            if particle:
                reg = "gullah"
            d = REGIONS[reg]
            sx = sex or rng.choice("mf")
            given = rng.choice(d[sx])
            if nick and given not in NICKS:
                continue
            fam = rng.choice(d.get("fam" + sx, d["famm"]))
            if particle:
                fam = rng.choice(PARTICLE_FAMS)
            if script and fam not in SCRIPT:
                continue
            p = Person(given, fam, sx, reg)
            mine = {w.lower() for w in p.parts() if len(w) > 2}
            if any(mine & {w.lower() for w in q.parts()} for q in self.used):
                continue
            if p.initials() in {q.initials() for q in self.used}:
                continue
            self.used.append(p)
            return p
        if region is None or particle or script:
            fail("could not draw a person")
        return None

    def kin(self, p, sex=None):
        """A relative of p, from the same tradition (another one if that one runs out)."""
        return self.person(region=p.region, sex=sex) or self.person(sex=sex)

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
    style = style if style is not None else d.n(0, 6)
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
    elif style == 5:
        s = "%s %d, %d" % (MON[m - 1], dd, y)
    else:
        s = "%02d-%s-%d %02d:%02d" % (dd, MON[m - 1][:3].upper(), y, d.n(0, 23), d.n(0, 59))
    return E("DATE", s)


def dob(d):
    return date(d, 1931, 2012, d.c(0, 1, 2, 3))


def digits(d, k):
    return "".join(str(d.n(0, 9)) for _ in range(k))


def mrn(d):
    return E("ID", d.c("M", "TX", "B", "") + digits(d, d.c(6, 7, 8)))


def nhs(d):
    s = digits(d, 10)
    return E("ID", s[:3] + " " + s[3:6] + " " + s[6:])


PHONES = {
    "gond": lambda d: "+91 9%s %s" % (digits(d, 4), digits(d, 5)),
    "nanai": lambda d: "+7 914 %s-%s-%s" % (digits(d, 3), digits(d, 2), digits(d, 2)),
    "tiwi": lambda d: "(08) 89%s %s" % (digits(d, 2), digits(d, 4)),
    "noongar": lambda d: "04%s %s %s" % (digits(d, 2), digits(d, 3), digits(d, 3)),
    "toraja": lambda d: "+62 81%s-%s-%s" % (digits(d, 2), digits(d, 4), digits(d, 4)),
    "ifugao": lambda d: "+63 9%s %s %s" % (digits(d, 2), digits(d, 3), digits(d, 4)),
    "unangan": lambda d: "(907) 581-%s" % digits(d, 4),
    "kiowa": lambda d: "(405) 654-%s" % digits(d, 4),
    "nuuchah": lambda d: "(250) 725-%s" % digits(d, 4),
    "gullah": lambda d: "(843) %s-%s" % (digits(d, 3), digits(d, 4)),
    "ede": lambda d: "(336) %s-%s" % (digits(d, 3), digits(d, 4)),
    "minahasa": lambda d: "+62 813-%s-%s" % (digits(d, 4), digits(d, 4)),
    "tlicho": lambda d: "(867) 392-%s" % digits(d, 4),
    "english": lambda d: "07%s %s%s" % (digits(d, 3), digits(d, 3), digits(d, 3)),
}


def phone(d, region):
    return E("PHONE", PHONES[region](d))


def ssn(d, region):
    if region == "gond":
        s = "%s %s %s" % (d.c(*"23456789") + digits(d, 3), digits(d, 4), digits(d, 4))
    elif region == "nanai":
        s = "%s-%s-%s %s" % (digits(d, 3), digits(d, 3), digits(d, 3), digits(d, 2))
    elif region == "toraja":
        s = "7318" + digits(d, 12)
    elif region == "ifugao":
        s = "%s-%s-%s-%s" % (digits(d, 4), digits(d, 4), digits(d, 4), digits(d, 4))
    elif region in ("unangan", "kiowa", "gullah", "ede"):
        s = "%s-%s-%s" % (d.c("2", "4", "5") + digits(d, 2), digits(d, 2), digits(d, 4))
    elif region == "minahasa":
        s = "7102" + digits(d, 12)
    elif region == "tlicho":
        s = "%s %s %s" % (d.c(*"1234567") + digits(d, 2), digits(d, 3), digits(d, 3))
    elif region == "nuuchah":
        s = "9%s %s %s" % (digits(d, 3), digits(d, 3), digits(d, 3))
    elif region in ("tiwi", "noongar"):
        s = "%s %s %s" % (d.c("2", "3", "4", "5", "6") + digits(d, 3), digits(d, 5), digits(d, 1))
    else:
        s = "%s%s %s %s %s %s" % (d.c(*"JKLPRSTWY"), d.c(*"ABCEHJKLMNPRSTWXYZ"), digits(d, 2),
                                  digits(d, 2), digits(d, 2), d.c(*"ABCD"))
    return E("SSN", s)


ORGS = {
    "gond": ["Dindori District Hospital", "Seoni Community Health Centre"],
    "nanai": ["Nanaisky District Hospital", "Troitskoye Polyclinic"],
    "tiwi": ["Wurrumiyanga Health Centre", "Milikapiti Clinic"],
    "noongar": ["Narrogin Hospital", "Katanning Health Service"],
    "toraja": ["Lakipadada Regional Hospital", "Rantepao Health Centre"],
    "ifugao": ["Ifugao Provincial Hospital", "Kiangan Rural Health Unit"],
    "unangan": ["Iliuliuk Family and Health Services", "Atka Clinic"],
    "kiowa": ["Anadarko Indian Health Center", "Carnegie Indian Health Center"],
    "nuuchah": ["Tofino General Hospital", "Ucluelet Medical Clinic"],
    "gullah": ["Beaufort Memorial Hospital", "Edisto Island Health Center"],
    "ede": ["Greensboro Family Medicine", "Đắk Lắk General Hospital"],
    "minahasa": ["Gunung Maria Hospital Tomohon", "Tondano Regional Hospital"],
    "tlicho": ["Behchokǫ̀ Health Centre", "Whatì Health Centre"],
    "english": ["Trundle Lane Surgery"],
}
PLACES = {"gond": ["Dindori", "Seoni", "Nainpur"], "nanai": ["Troitskoye", "Naikhin"],
          "tiwi": ["Wurrumiyanga", "Milikapiti", "Pirlangimpi"],
          "noongar": ["Narrogin", "Katanning", "Kellerberrin"],
          "toraja": ["Rantepao", "Makale", "Sangalla"],
          "ifugao": ["Lagawe", "Kiangan", "Banaue", "Hungduan"],
          "unangan": ["Unalaska", "Atka", "Nikolski", "Akutan"],
          "kiowa": ["Anadarko", "Carnegie"], "nuuchah": ["Tofino", "Ucluelet", "Ahousaht"],
          "gullah": ["Wadmalaw", "Edisto", "Daufuskie", "Beaufort"],
          "ede": ["Greensboro", "Buôn Ma Thuột"],
          "minahasa": ["Tomohon", "Tondano", "Manado"],
          "tlicho": ["Behchokǫ̀", "Whatì", "Gamètì", "Wekweètì"],
          "english": ["Fakenham", "Holt"]}
STREETS = {"gond": "Nainpur Road", "nanai": "Amurskaya", "tiwi": None, "noongar": "Fairway",
           "toraja": "Jalan Pongtiku", "ifugao": None, "unangan": "Airport Beach Road",
           "kiowa": "Petree Road", "nuuchah": "Campbell Street", "gullah": "Bears Bluff Road",
           "ede": "Spring Garden Street", "minahasa": "Jalan Sam Ratulangi", "tlicho": None,
           "english": "Wells Road"}
GENERIC = {"hospital", "university", "general", "medical", "center", "centre", "indian",
           "health", "clinic", "district", "regional", "polyclinic", "community", "island",
           "street", "road", "rural", "unit", "service", "services", "family", "and",
           "provincial", "memorial", "medicine", "lane", "surgery", "airport", "beach",
           "spring", "garden", "wells", "holt", "maria", "fairway", "campbell", "jalan", "bluff",
           "bears"}


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
    fam = fold(p.bare().lower()).replace(" ", "").replace("-", "").replace("'", "")
    g = fold(p.given.lower()).replace(" ", "").replace("'", "")
    local = d.c(g + "." + fam, g[0] + fam, fam + digits(d, 2))
    return E("EMAIL", local + "@" + domain)


def age(d, lo=18, hi=92, unit=None):
    a = d.n(lo, hi)
    unit = unit if unit is not None else d.c("-year-old", " yrs", "y", " years", "yo")
    return E("AGE", "%d%s" % (a, unit))


# ---------------------------------------------------------------------------------------------
# Templates with identifiers: each returns a list of pieces (str or span tuple).

def t_dialysis_run(d):
    p = d.person()
    q = d.person()
    return ["RUN SHEET  Station ", str(d.n(1, 14)), "\nPatient: ", P(p, p.comma(True)),
            "   Unit no ", mrn(d), "\nPre-weight ", "%d.%d" % (d.n(55, 98), d.n(0, 9)),
            " kg, target UF ", d.c("2.1", "2.6", "3.0"), " L. Needled by ", P(q, q.initials()),
            d.c(" (AVF, 2 attempts).", " via left AVF.", " - buttonhole, no issues."),
            "\nComments: ", P(p, p.given), d.c(" cramped at 3h, UF paused 10 min.",
                                              " slept most of the run.")]


def t_cot_card(d):
    m = d.person(sex="f")
    f = d.kin(m, "m")
    return ["COT CARD\nBaby of ", P(m, m.sur().upper()), "\nBorn ", date(d, 2025, 2026, 6),
            "  ", d.c("3.41", "2.98", "3.77"), " kg  ", d.c("girl", "boy"), "\nMother: ",
            P(m, m.full()), "   Father: ", P(f, f.full()), "\n", d.c("Breastfeeding",
                                                                 "Formula, 30 ml 3-hourly")]


def t_mortuary_release(d):
    p = d.person()
    q = d.person()
    s = d.person()
    return ["Mortuary release form. Deceased: ", P(p, p.full()), ", age ", age(d, 60, 99, ""),
            ", date of death ", date(d), ". Released to ", d.c("funeral director", "undertaker"),
            " ", P(q, q.full()), " on behalf of the family. Identity checked against wristband "
            "and ", d.c("toe tag", "body bag label"), ". Collected property signed for by ",
            P(q, q.sur()), ". Mortuary technician: ", P(s, s.i_sur()), ". Next of kin ",
            "informed by telephone on ", phone(d, p.region), "."]


def t_vetting(d):
    p = d.person()
    q = d.person()
    return ["Vetting note - CT ", d.c("abdomen/pelvis", "head", "KUB"), " for ", P(p, p.full()),
            " (", mrn(d), "). Requested by ", P(q, q.i_sur()), ". ", d.c(
                "Justified; eGFR ok, proceed with contrast.",
                "Not justified as written - please ring the duty radiologist.",
                "Downgrade to US first.")]


def t_endo_list(d):
    a, b, c, e = d.person(), d.person(), d.person(), d.person()
    return ["ENDOSCOPY LIST ", date(d), "\n1  ", P(a, a.sur().upper()), "  OGD  sedation\n2  ",
            P(b, b.sur().upper()), "  colon  Moviprep taken\n3  ", P(c, c.sur().upper()),
            "  flexi  enema on arrival\nEndoscopist: ", P(e, e.i_sur())]


def t_bowel_letter(d):
    p = d.person()
    q = d.person()
    return [P(p, p.full()), "\n", address(d, p.region), "\n\n", date(d, style=1), "\n\nDear ",
            p.title(), " ", P(p, p.sur()), ",\n\nThank you for returning your home test kit. "
            "Blood was found in your sample. This does not mean you have cancer, but we "
            "would like you to see a specialist screening practitioner. ",
            P(q, q.full()), " will call you within five working days to talk about a "
            "colonoscopy. If you would rather ring first, the number is ", phone(d, p.region),
            ".\n\nYours sincerely,\n", P(q, q.sur()), " on behalf of the screening hub"]


def t_atmist(d):
    p = d.person()
    q = d.person()
    return ["ATMIST handover from crew ", P(q, q.initials()), ": A - ", age(d, 20, 95),
            " ", d.c("male", "female"), ", ", P(p, p.full()), ". T - ", d.c("14:05", "21:40"),
            ". M - ", d.c("fall down stairs", "RTC passenger", "collapse at bus stop"),
            ". I - ", d.c("#NOF query", "scalp lac", "nil obvious"), ". S - HR ", str(d.n(60, 130)),
            ", BP ", "%d/%d" % (d.n(90, 160), d.n(50, 95)), ". T - ", d.c("IV paracetamol",
                                                                          "splinted", "nil"),
            ". Wife/husband to follow: ", d.c("yes", "no"), "."]


def t_hah_visit(d):
    p = d.person()
    r = d.kin(p)
    q = d.person()
    return ["Hospital at Home visit ", date(d), ". Seen ", P(p, p.full()), " at home, ",
            address(d, p.region), ". ", P(r, r.given), " (", d.c("son", "daughter", "niece",
                                                                 "grandson"),
            ") let us in. Day ", str(d.n(2, 6)), " of IV ", d.c("ceftriaxone", "teicoplanin"),
            ", cannula site clean. ", P(p, p.given), " ate breakfast and walked to the "
            "bathroom with the frame. Plan: step down on ", date(d, style=1), " if CRP keeps "
            "falling. Visiting nurse ", P(q, q.full()), ", contact ", phone(d, p.region), "."]


def t_eye_screen(d):
    p = d.person()
    q = d.person()
    return ["Dear ", P(p, p.full()), ",\n\nYour diabetic eye screening on ", date(d, style=5),
            " showed background changes in both eyes (R1 M0). You do not need treatment, but we "
            "will invite you again in 12 months rather than 24. Keep your blood sugar and blood "
            "pressure under control and tell your optician about any sudden change in vision.\n\n",
            "Screener: ", P(q, q.full()), "\nNHS number: ", nhs(d), "\nCopy to your GP, ",
            org(d, p.region)]


def t_derm_photo(d):
    p = d.person()
    q = d.person()
    return ["Medical photography request: ", P(p, p.caret()), " DOB ", dob(d),
            ". Site: ", d.c("left shin", "back, 3 lesions", "right ear helix"),
            ". Dermoscopic + macro. Requested by ", P(q, q.i_sur()), ", clinic ",
            d.c("3", "4B", "Derm 2"), "."]


def t_preop(d):
    p = d.person()
    q = d.person()
    r = d.kin(p)
    return ["Pre-operative assessment, ", date(d), ".\n", P(p, p.full()), ", ", age(d, 40, 85),
            ", listed for ", d.c("right total knee replacement", "laparoscopic cholecystectomy",
                                 "inguinal hernia repair"),
            ". Walks a mile on the flat, two flights of stairs without stopping. Previous "
            "anaesthetic uneventful; ", d.c("mother", "brother"), " had a reaction to "
            "suxamethonium, so pseudocholinesterase level sent. ", P(p, p.given),
            " lives with ", P(r, r.full()), ", who will stay for the first 24 hours. Airway "
            "Mallampati 2. Stop ", d.c("clopidogrel", "apixaban"), " 5 days before. Seen by ",
            P(q, q.full()), ", pre-op nurse."]


def t_anaes_header(d):
    p = d.person()
    a = d.person()
    o = d.person()
    return ["ANAESTHETIC RECORD | ", P(p, p.comma(True)), " | ", mrn(d), " | ",
            age(d, 18, 90, "Y"), " | ASA ", d.c("I", "II", "III"), " | Anaesthetist ",
            P(a, a.sur().upper()), " | Surgeon ", P(o, o.sur().upper()), " | ", date(d, style=6)]


def t_ward_round(d):
    p = d.person()
    c = d.person()
    r = d.kin(p)
    return ["WR ", P(c, c.sur()), " (cons)\n", P(p, p.full()), " day ", str(d.n(3, 9)),
            " post ", d.c("Hartmann's", "right hemicolectomy", "small bowel resection"),
            ". Comfortable overnight, passing flatus, stoma active. Wound clean. Obs NEWS 1. "
            "Bloods: Hb ", str(d.n(95, 130)), ", CRP ", str(d.n(20, 180)), ".\nImp: recovering.\n"
            "Plan: upgrade to light diet, remove catheter, OT assessment for home. Speak to ",
            P(r, r.given), " (", d.c("wife", "husband", "partner"), ") on ", phone(d, p.region),
            " re discharge ", d.c("Friday", "early next week"), ". ", P(p, p.sur()),
            " keen to go home.\n- ", P(c, c.initials())]


def t_discharge_gp(d):
    p = d.person()
    c = d.person()
    return ["Discharge summary to GP\nPatient: ", P(p, p.full()), "  DOB ", dob(d), "  ",
            nhs(d), "\nAdmitted ", date(d), " with community-acquired pneumonia (CURB-65 2). "
            "Treated with IV then oral co-amoxiclav, 7 days in total. Oxygen weaned on day 3. "
            "Repeat chest X-ray in 6 weeks please. ", P(p, p.given), " was also found to "
            "have new atrial fibrillation; rate controlled with bisoprolol, anticoagulation "
            "discussed and started. Follow-up: AF clinic.\nConsultant: ", P(c, c.full()),
            ", ", org(d, p.region)]


def t_sar(d):
    p = d.person()
    q = d.person()
    return ["Subject access request received ", date(d), ". Applicant: ", P(q, q.full()),
            ", solicitor, acting for ", P(p, p.full()), " (DOB ", dob(d), "). Signed authority "
            "enclosed. Records requested: ED attendance and orthopaedic follow-up. ",
            "Reply to ", email(d, q, d.c("lawfirm.co.uk", "claims-legal.com")),
            ". Due within one calendar month; logged by the records office."]


def t_appt_sms(d):
    p = d.person()
    return [d.c("Hi ", "Dear "), P(p, p.given), ", your appointment with the ",
            d.c("nurse", "practice pharmacist", "physio"), " is on ", date(d, style=d.c(1, 5)),
            " at ", d.c("09:10", "11:30", "16:50"), ". Reply C to cancel. ", org(d, p.region)]


def t_nms_call(d):
    p = d.person()
    q = d.person()
    return ["New Medicine Service, week 2 call. Spoke to ", P(p, p.full()), " about ",
            d.c("edoxaban", "dapagliflozin", "mirabegron"), ". Taking it daily, no missed doses. ",
            d.c("Mild nausea, settling.", "No side effects.", "Some dizziness on standing."),
            " Understands why it was started and what to do if unwell. Pharmacist: ",
            P(q, q.i_sur()), "."]


def t_respect(d):
    p = d.person()
    r = d.kin(p)
    c = d.person()
    return ["ReSPECT form, section 4 discussion. ", P(p, p.full()), " has capacity for this "
            "decision. Priority is comfort; would want hospital admission only for "
            "reversible problems such as a chest infection. CPR not recommended. Discussed "
            "with ", P(r, r.full()), " (", d.c("son", "daughter", "sister"), ") present at the "
            "bedside, who agrees. ", P(p, p.given), " asked that the pastor from ",
            place(d, p.region), " be told. Clinician: ", P(c, c.full()), ", ", date(d), "."]


def t_lpa(d):
    p = d.person()
    a = d.kin(p)
    b = d.kin(p)
    return ["Lasting power of attorney (health and welfare) seen and copied. Donor ",
            P(p, p.full()), "; attorneys ", P(a, a.full()), " and ", P(b, b.full()),
            ", acting jointly and severally. Registered ", date(d), ". The attorneys can "
            "make decisions about treatment only when the donor lacks capacity; a copy is "
            "in the front of the notes."]


def t_nok_change(d):
    p = d.person()
    o = d.kin(p)
    n = d.kin(p)
    return ["NOK change. Old: ", P(o, o.full()), ". New: ", P(n, n.full()), ", ",
            phone(d, p.region), ". Requested by patient ", P(p, p.sur().upper()), " ",
            d.c("verbally", "in writing"), "."]


def t_pet_therapy(d):
    p = d.person()
    h = d.person()
    return ["Pets as therapy visit - handler ", P(h, h.full()), " with a ",
            d.c("greyhound", "spaniel", "lurcher"), ". Bay ", str(d.n(1, 6)), ": ",
            P(p, p.given), " stroked the dog for ten minutes and talked about the dogs ",
            d.c("she", "he"), " had on the farm. Hand gel before and after."]


def t_art_therapy(d):
    p = d.person()
    t = d.person()
    return ["Art therapy session ", str(d.n(2, 11)), " (", date(d), "). ", P(p, p.given),
            " chose clay today and made a bowl, then squashed it. We talked about ",
            d.c("starting again", "things going wrong", "control"), ". ", P(p, p.given),
            " would like the next session moved to the afternoon. - ", P(t, t.full()),
            ", HCPC art psychotherapist"]


def t_music_therapy(d):
    p = d.person()
    r = d.kin(p)
    t = d.person()
    return ["Music therapy on the neuro ward. ", P(p, p.full()), " is not speaking since the "
            "stroke but hummed along to a hymn ", P(r, r.given), " said was sung at ",
            d.c("their wedding", "church every week"), ". ", P(r, r.given),
            " cried and asked for the words to be printed. Plan: weekly, ",
            d.c("Tuesdays", "Thursdays"), ". ", P(t, t.initials())]


def t_hospital_school(d):
    p = d.person()
    m = d.kin(p, "f")
    t = d.person()
    return ["Hospital school note. ", P(p, p.given), " (", age(d, 8, 15, " years"), ") did "
            "45 minutes of maths at the bedside; fractions now secure. Mum, ", P(m, m.full()),
            ", has the school e-mail for home work: ", email(d, t, "school.sch.uk"),
            ". Teacher ", t.title(), " ", P(t, t.sur()), "."]


def t_play(d):
    p = d.person()
    s = d.person()
    return ["Play specialist: prepared ", P(p, p.casual()), " for the cannula with the doll "
            "and the bubbles. ", P(p, p.casual()), " held ", d.c("grandad's", "nan's", "dad's"),
            " hand and counted to ten. Sticker given. Next time try the numbing cream an hour "
            "earlier and let ", P(p, p.casual()), " choose the arm. ", P(s, s.given)]


def t_two_year(d):
    p = d.person()
    m = d.kin(p, "f")
    hv = d.person()
    return ["2-year development review at home. ", P(p, p.given), " ", P(p, p.sur()),
            ", ", age(d, 2, 2, " years"), " ", str(d.n(1, 5)), " months. Ages and Stages: "
            "communication ", str(d.n(30, 60)), ", gross motor ", str(d.n(40, 60)),
            ", fine motor ", str(d.n(35, 60)), ". Says about ", str(d.n(10, 60)), " words and puts "
            "two together. ", P(m, m.given), " worried about sleep; advice given on bedtime "
            "routine. Next contact at school entry. Health visitor ", P(hv, hv.full()), "."]


def t_fracture_virtual(d):
    p = d.person()
    q = d.person()
    return ["Virtual fracture clinic ", date(d), ": ", P(p, p.comma()), ", ",
            age(d, 5, 90), ". ", d.c("Buckle fracture distal radius",
                                     "5th metatarsal base avulsion",
                                     "Undisplaced radial head fracture"),
            ". Discharge with ", d.c("splint", "boot", "sling"), " and leaflet. Phoned by ",
            P(q, q.i_sur()), " to explain; advised to return if pain is getting worse rather "
            "than better after two weeks, or if there is numbness."]


def t_plaster(d):
    p = d.person()
    q = d.person()
    return ["Plaster room log | ", P(p, p.sur().upper()), " ", P(p, p.given), " | ",
            d.c("BK backslab", "scaphoid cast", "Colles POP"), " | applied by ",
            P(q, q.initials()), " | cast check 24h"]


def t_thrombolysis(d):
    p = d.person()
    s = d.person()
    return ["Stroke thrombolysis proforma. ", P(p, p.full()), ", ", age(d, 45, 90),
            ". Onset ", d.c("09:20", "13:45", "last known well 06:00"),
            ", NIHSS ", str(d.n(4, 20)), ". CT no bleed. Alteplase bolus given ",
            date(d, style=6), ". Decision by ", P(s, s.i_sur()), " via telestroke."]


def t_sepsis(d):
    p = d.person()
    q = d.person()
    return ["Sepsis six completed within the hour for ", P(p, p.full()), " (", mrn(d), "): "
            "O2, cultures, lactate ", str(d.n(2, 6)), ".", str(d.n(0, 9)),
            ", IV antibiotics, fluids, catheter. Signed ", P(q, q.initials()), " ",
            d.c("22:14", "03:50")]


def t_ng_check(d):
    p = d.person()
    q = d.person()
    r = d.person()
    return ["NG tube position check: ", P(p, p.caret()), ". Aspirate pH ",
            d.c("4.5", "5.0", "4.0"), " - safe to use. Checked by ", P(q, q.full()),
            ", second checker ", P(r, r.full()), "."]


def t_feed_rx(d):
    p = d.person()
    q = d.person()
    return ["Enteral feed plan for ", P(p, p.full()), ": ", d.c("Peptamen", "Nutrison"),
            " 1.5 at ", str(d.n(50, 85)), " ml/h for 16 h, water flushes 50 ml 4-hourly. "
            "Weight ", str(d.n(40, 90)), " kg. Check refeeding bloods daily for three days "
            "and weigh twice a week. Dietitian ", P(q, q.full()), ", bleep via switch."]


def t_pain_team(d):
    p = d.person()
    q = d.person()
    return ["Acute pain team review. ", p.title(), " ", P(p, p.sur()),
            ", epidural day 2, block T8-T12, pain 3/10 moving. "
            "Legs strong. Plan to remove ", date(d, style=1), ". ", P(q, q.initials()),
            " (APS)"]


def t_syringe_driver(d):
    p = d.person()
    a, b = d.person(), d.person()
    return ["Syringe driver check 4-hourly - ", P(p, p.full()), "\n08:00 rate ok, site ok  ",
            P(a, a.initials()), "\n12:00 rate ok, site ok  ", P(a, a.initials()),
            "\n16:00 site red, resited L arm  ", P(b, b.initials())]


def t_catheter_passport(d):
    p = d.person()
    q = d.person()
    return ["Catheter passport\nName: ", P(p, p.full()), "\nDOB: ", dob(d),
            "\nInserted ", date(d), " by ", P(q, q.full()), ", ", org(d, p.region),
            "\nSize 14Ch, balloon 10 ml. Reason: ", d.c("retention", "palliative comfort"),
            ". Next change in 12 weeks."]


def t_insulin_pen(d):
    p = d.person()
    r = d.kin(p)
    q = d.person()
    return ["DSN teaching, ", date(d), ". ", P(p, p.full()), " and ", P(r, r.given),
            " shown how to use the ", d.c("FlexTouch", "KwikPen"), " pen: prime 2 units, "
            "inject into the abdomen, hold for ten seconds, rotate sites. ", P(p, p.given),
            " did it alone the second time. Hypo treatment discussed (4 jelly babies, recheck "
            "in 15 minutes). DVLA rules explained because ", P(p, p.given), " drives for work. "
            "Review by phone on ", date(d, style=1), ". - ", P(q, q.full()), ", diabetes "
            "specialist nurse"]


def t_asthma(d):
    p = d.person()
    m = d.kin(p)
    return ["Asthma review: ", P(p, p.given), " (", age(d, 6, 16, " years"), ") with ",
            P(m, m.full()), ". ACT ", str(d.n(12, 25)), ". Spacer technique good. ",
            d.c("Two courses of prednisolone this winter.", "No steroid courses this year."),
            " Action plan updated."]


def t_copd_pack(d):
    p = d.person()
    return ["Rescue pack issued to ", P(p, p.full()), " (", nhs(d), "): prednisolone 30 mg x5, "
            "doxycycline x5. Told to ring the practice when started. ",
            d.c("Lives alone.", "Wife helps with the nebuliser.")]


def t_hf_tele(d):
    p = d.person()
    q = d.person()
    return ["Telemonitoring alert ", date(d, style=6), ": ", P(p, p.full()), " weight up ",
            d.c("1.8", "2.4", "3.1"), " kg in 3 days. Rang ", phone(d, p.region), "; ankles "
            "swollen, more breathless lying flat. Furosemide increased per plan and bloods "
            "booked for Friday. HF nurse ", P(q, q.i_sur()), "."]


def t_seizure_diary(d):
    p = d.person()
    r = d.kin(p)
    n = d.person()
    return ["Epilepsy nurse phone review. ", P(p, p.full()), "'s diary, kept by ",
            P(r, r.given), ", shows ", str(d.n(2, 9)), " focal seizures in the last month, "
            "mostly on waking, each under two minutes. No injuries. ", P(p, p.given),
            " has been sleeping badly since starting night shifts. Lamotrigine levels sent. "
            "Advised no driving until seizure-free for a year; the DVLA letter was posted on ",
            date(d, style=1), ". Next call in four weeks. ", P(n, n.full()), ", ESN"]


def t_tb_dot(d):
    p = d.person()
    a, b = d.person(), d.person()
    return ["TB DOT log for ", P(p, p.full()), " (", ssn(d, p.region), ")\nMon seen ",
            P(a, a.initials()), "\nWed seen ", P(b, b.initials()), "\nFri not home - ",
            P(a, a.initials()), " rang"]


def t_partner_notify(d):
    p = d.person()
    q = d.person()
    return ["PN record: index patient ", P(p, p.initials()), " (clinic no ", mrn(d), ") gave "
            "details of ", str(d.n(1, 3)), " contacts; provider referral for one. Health "
            "adviser ", P(q, q.full()), ". Outcome ", d.c("pending", "contact tested"), "."]


def t_police_request(d):
    p = d.person()
    o = d.person()
    return ["Police request for statement re: ", P(p, p.full()), ", seen in ED on ",
            date(d), " with facial injuries. Officer ", P(o, o.full()), ", collar no ",
            E("ID", str(d.n(1000, 9999))), ". Patient consent form ",
            d.c("attached", "not yet received"), ". Forwarded to the legal services team, who "
            "will reply to the officer within 28 days once the treating clinician has "
            "checked the draft."]


def t_taxi(d):
    p = d.person()
    q = d.person()
    return ["Taxi voucher: ", P(p, p.sur().upper()), " to ", address(d, p.region),
            ". Authorised ", P(q, q.initials()), ". ", d.c("Wheelchair car.", "Saloon.")]


def t_relative_email(d):
    p = d.person()
    r = d.kin(p)
    w = d.person()
    parent = "father" if p.sex == "m" else "mother"
    return ["From: ", email(d, r, d.c("outlook.com", "yahoo.com")), "\nSubject: my ",
            parent, " ", P(p, p.full()), "\n\nHello, I live away and cannot "
            "get through to the ward by phone. Could someone tell me how ", P(p, p.given),
            " is and whether the scan was done? I'm the next of kin, ", P(r, r.full()), ".\n\n"
            "> Reply from ", P(w, w.full()), ", ward manager: Thank you for your e-mail. "
            "Your ", parent, " had the scan yesterday; the team will ring "
            "you this afternoon to go through the result. Our direct line is ",
            phone(d, p.region), ".\n\nKind regards,\n", P(w, w.given)]


def t_rota_swap(d):
    a, b = d.person(), d.person()
    return ["Hi ", P(b, b.given), ", can we swap ", date(d, style=1), " (my long day) for "
            "your night on the ", d.c("4th", "9th", "12th", "21st", "23rd"),
            "? Already asked the rota coordinator. Cheers, ",
            P(a, a.casual())]


def t_signin(d):
    a, b, c = d.person(), d.person(), d.person()
    return ["Teaching sign-in: ", d.c("anaphylaxis update", "blood gas interpretation"), "\n1. ",
            P(a, a.full()), " - FY1\n2. ", P(b, b.full()), " - staff nurse\n3. ",
            P(c, c.full()), " - physio"]


def t_supervision(d):
    s = d.person()
    e = d.person()
    return ["Clinical supervision record. Supervisee ", P(e, e.full()), "; supervisor ",
            P(s, s.full()), ". Discussed a difficult conversation with a family about ",
            "withdrawing treatment, and ", P(e, e.given), "'s own reaction to it. ",
            P(e, e.given), " felt unsupported on the night; agreed to raise handover "
            "timing at the ward meeting. Reading suggested. Next session ", date(d), "."]


def t_needlestick(d):
    e = d.person()
    return ["Occ health: needlestick, ", P(e, e.full()), " (staff no ", mrn(d), "), ",
            date(d, style=6), ". Source known, bloods taken. ",
            d.c("HBV immune.", "Booster given.")]


def t_biobank(d):
    p = d.person()
    return ["BIOBANK  ", P(p, p.initials()), "  ", E("ID", "BB-%s" % digits(d, 6)), "  ",
            date(d, style=2), "  serum x4  -80C"]


def t_lab_label(d):
    p = d.person()
    return [P(p, p.comma(True)), "\n", dob(d), "  ", p.sex.upper(), "\n", mrn(d),
            "\nEDTA  FBC/HbA1c"]


def t_cutup(d):
    p = d.person()
    q = d.person()
    return ["Macroscopy: specimen labelled ", P(p, p.full()), ", \"", d.c("right breast",
                                                                      "sigmoid colon",
                                                                      "gallbladder"),
            "\". Received in formalin. Cut up by ", P(q, q.initials()), ", ", date(d), "."]


def t_crisis(d):
    p = d.person()
    r = d.kin(p)
    q = d.person()
    return ["Crisis team contact ", date(d, style=6), ". ", P(r, r.full()), " rang worried "
            "about ", P(p, p.given), ", who has not eaten for two days and is talking about "
            "not wanting to be here. ", P(p, p.given), " agreed to speak to us; denies plans, "
            "says the voices are worse at night. Home visit arranged for this evening with ",
            P(q, q.full()), ". Safety plan: ", P(r, r.given), " to stay over and remove "
            "tablets from the house. Crisis line given: ", phone(d, p.region), "."]


def t_ld_passport(d):
    p = d.person()
    c = d.kin(p)
    return ["Hospital passport. My name is ", P(p, p.full()), ". I like to be called ",
            P(p, p.casual()), ". I live at ", address(d, p.region), ". The person who knows me "
            "best is ", P(c, c.full()), ". I do not like loud noises or people standing too close. "
            "I will tell you I am fine when I am not, so watch my face. Please explain "
            "things slowly and show me pictures. I take my tablets with yoghurt."]


def t_this_is_me(d):
    p = d.person()
    r = d.kin(p)
    return ["This is me.\nName: ", P(p, p.full()), "\nI like to be called: ",
            P(p, p.casual()), "\nThe person who knows me best: ", P(r, r.given), " (",
            d.c("my daughter", "my son", "my niece"), ")\nWhere I grew up: ", place(d, p.region),
            "\nThings that matter to me: ", d.c("my garden and the radio",
                                                "church and my grandchildren",
                                                "fishing and the sea"),
            ". I get muddled in the evenings and may look for the way home. Talk to me about "
            "the old days and I will settle. I need my glasses to eat."]


def t_home_oxygen(d):
    p = d.person()
    return ["Home oxygen risk assessment for ", P(p, p.full()), ", ", address(d, p.region),
            ". Smokes? ", d.c("No", "Ex-smoker, 2019"), ". Gas fire in living room - ",
            "advised. Fire service referral made. Concentrator ", d.c("2", "1.5"), " L/min "
            "for 15 h/day. Tubing long enough to reach the kitchen; trip hazard on the stairs "
            "discussed."]


def t_ed_queue(d):
    a, b, c = d.person(), d.person(), d.person()
    return ["WAITING  ", P(a, a.sur().upper() + " " + a.given[0]), "  ", str(d.n(20, 240)),
            "m  CAT 3\nWAITING  ", P(b, b.sur().upper() + " " + b.given[0]), "  ",
            str(d.n(20, 240)), "m  CAT 4\nIN CUBICLE  ", P(c, c.sur().upper() + " " + c.given[0]),
            "  RESUS 2"]


def t_endo_overlay(d):
    p = d.person()
    return [P(p, p.caret()), "  ", mrn(d), "  ", dob(d), "\n", d.c("OLYMPUS", "PENTAX"),
            " CV-", str(d.n(100, 290)), "  ", d.c("NBI", "WLI"), "  Fr ", str(d.n(1, 99))]


def t_hl7(d):
    p = d.person()
    return ["PID|1||", mrn(d), "^^^HOSP^MR||", P(p, p.caret()), "||",
            E("DATE", "%d%02d%02d" % (d.n(1935, 2010), d.n(1, 12), d.n(1, 28))), "|",
            p.sex.upper(), "|||", address(d, p.region), "||", phone(d, p.region)]


def t_xml(d):
    p = d.person()
    return ["<patient><family>", P(p, p.sur()), "</family><given>", P(p, p.given),
            "</given><birthDate>", date(d, 1940, 2010, 2), "</birthDate><id>", mrn(d),
            "</id></patient>"]


def t_family_chat(d):
    p = d.person()
    a = d.kin(p)
    b = d.kin(p)
    return ["[", d.c("07:12", "19:03"), "] ", P(a, a.given.lower()), ": ",
            d.c("mum", "dad", "nan"), " had a good night, eating toast 🙏\n[",
            d.c("07:20", "19:11"), "] ", P(b, b.given.lower()), ": thank god. is ",
            P(p, p.casual().lower()), " still on the drip?\n[", d.c("07:26", "19:15"), "] ",
            P(a, a.given.lower()), ": off it now, docs say maybe home ", d.c("thurs", "monday")]


def t_nick_sign(d):
    p = d.person(nick=True)
    return [d.c("Bay 3 all settled, drug round done. ", "Left the keys with security. "),
            "Night! ", P(p, p.nick)]


def t_short(d):
    p = d.person()
    return [d.c("cc ", "for ", "ask "), P(p, p.full() if d.n(0, 1) else p.casual())]


def t_script_label(d):
    p = d.person(script=True)
    return [d.c("Locker ", "Bedside ", "Menu card, bed "), str(d.n(1, 30)), ": ",
            P(p, p.script()), " (", P(p, p.full()), ")", d.c(" - soft diet", "",
                                                              " - needs interpreter")]


def t_script_note(d):
    p = d.person(script=True)
    q = d.kin(p)
    return ["Note from family in their own script pinned above the bed: \"", P(p, p.script()),
            "\". Translated by ", P(q, q.full()), ": it is the family name, so staff can "
            "find the right bed. ", P(p, p.given), " reads little English."]


def t_particle_letter(d):
    p = d.person(particle=True)
    r = d.kin(p)
    q = d.person()
    return ["Dear ", p.title(), " ", P(p, p.sur()), ",\n\nFollowing your visit on ",
            date(d, 2024, 2024, 1), " we have booked an ultrasound of your ",
            d.c("neck", "abdomen"), " for ", date(d, 2025, 2025, 5), ". You can bring ", P(r, r.given), " with you. If this "
            "date does not suit, call ", phone(d, p.region), ".\n\nYours sincerely,\n",
            P(q, q.full()), "\ncc ", P(p, p.full())]


def t_particle_board(d):
    p = d.person(particle=True)
    q = d.person()
    return ["Bed ", str(d.n(1, 28)), "  ", P(p, p.sur().upper()), "  ", d.c("NBM", "DAB", "FFD"),
            "  nurse ", P(q, q.given), " | ", P(p, p.given), " ", P(p, p.sur()),
            " says ", d.c("no visitors today", "daughter coming at 2")]


def t_gp_list(d):
    p = d.person()
    q = d.person()
    return ["GP query from ", P(q, q.i_sur()), " at ", org(d, p.region), ": has ",
            P(p, p.full()), " (", nhs(d), ") been sent the outpatient letter from ",
            date(d, style=1), "? ", d.c("Please fax or e-mail.", "Thanks."),
            " The patient says the medication changes were never explained and the repeat "
            "prescription still shows the old dose."]


def t_identity(d):
    p = d.person()
    return ["Identity check at registration: ", P(p, p.full()), ", ", d.c("national ID",
                                                                       "card no", "number"),
            " ", ssn(d, p.region), ", ", phone(d, p.region), ", from ", place(d, p.region), "."]


def t_voicemail(d):
    p = d.person()
    r = d.kin(p)
    return ["Voicemail ", date(d, style=6), ": \"hi it's ", P(r, r.given), " ",
            P(r, r.sur()), " ringing about ",
            d.c("my husband", "my brother") if p.sex == "m" else d.c("my wife", "my sister"), " ",
            P(p, p.given), ", er, ", "he's" if p.sex == "m" else "she's", " meant to have his bloods Thursday but the car's broke, "
            "can you ring me on ", phone(d, p.region), " thanks\""]


def t_portal(d):
    p = d.person()
    return ["Portal message from ", P(p, p.full()), " (", email(d, p), "): I can't open the "
            "letter link ", E("URL", "https://myrecord.example.org/l/%s" % digits(d, 7)),
            " - it says expired."]


def t_transfer(d):
    p = d.person()
    return ["Transfer request: ", P(p, p.full()), ", ", age(d, 20, 90), ", from ",
            org(d, p.region), " for ", d.c("PCI", "neurosurgical review", "ECMO assessment"),
            ". Accepting: on-call registrar."]


def t_lowercase_note(d):
    p = d.person()
    q = d.person()
    return [P(p, p.sur().lower()), " in bay 2 ", d.c("pulled cannula again",
                                                    "refusing obs", "wants the chaplain"),
            ", told ", P(q, q.given.lower()), " at handover"]


def t_uppercase_lost(d):
    p = d.person()
    return ["WHITEBOARD: ", P(p, p.full().upper()), " - ", d.c("DIETITIAN TODAY", "ECHO 14:00",
                                                              "TTO READY")]


def t_initials_round(d):
    a, b = d.person(), d.person()
    return ["Controlled drug stock check ", date(d), ": morphine 10 mg/ml x ",
            str(d.n(5, 30)), " correct. ", P(a, a.initials()), " / ", P(b, b.initials())]


def t_long_clinic(d):
    p = d.person()
    r = d.kin(p)
    c = d.person()
    g = d.person()
    return ["Rheumatology clinic letter, ", date(d, style=1), "\n\nDear ", P(g, g.i_sur()),
            ",\n\nRe: ", P(p, p.full()), ", DOB ", dob(d), ", ", address(d, p.region),
            "\n\nI saw ", p.title(), " ", P(p, p.sur()), " today with ", P(r, r.given),
            ". Morning stiffness now lasts under half an hour and the small joints of the "
            "hands are no longer swollen. DAS28 has fallen from 5.4 to 2.9 on methotrexate "
            "20 mg weekly. Liver tests are normal. ", P(p, p.given), " would like to try "
            "reducing the folic acid to once a week, which is reasonable. I have asked for "
            "hand X-rays and will see ", P(p, p.sur()), " again in four months.\n\nYours "
            "sincerely,\n\n", P(c, c.full()), "\nConsultant Rheumatologist, ", org(d, p.region)]


def t_long_narrative(d):
    p = d.person()
    r = d.kin(p)
    s = d.kin(p)
    n = d.person()
    return ["Nursing narrative, night shift. ", P(p, p.full()), " was restless from 23:00, "
            "trying to climb over the bed rails and calling for ", P(r, r.given), ". Settled "
            "with a cup of tea and reassurance, but woke again at 02:30 wet and distressed. "
            "Full wash and bed change. ", P(s, s.full()), " (", d.c("son", "daughter"),
            ") rang at 05:00 and spoke to ", P(p, p.given), " on speakerphone, which helped. "
            "No falls. Pressure areas intact. ", P(p, p.sur()), " ate half of breakfast. "
            "Please refer to the dementia team; ", P(s, s.given), " is happy for ",
            P(r, r.given), " to visit outside normal hours. - ", P(n, n.initials())]


PII_TEMPLATES = [
    t_dialysis_run, t_cot_card, t_mortuary_release, t_vetting, t_bowel_letter, t_atmist,
    t_hah_visit, t_eye_screen, t_derm_photo, t_preop, t_anaes_header, t_ward_round,
    t_discharge_gp, t_appt_sms, t_nms_call, t_respect, t_lpa, t_nok_change, t_pet_therapy,
    t_art_therapy, t_music_therapy, t_play, t_two_year, t_fracture_virtual, t_plaster,
    t_thrombolysis, t_sepsis, t_ng_check, t_feed_rx, t_syringe_driver, t_catheter_passport,
    t_insulin_pen, t_asthma, t_copd_pack, t_hf_tele, t_seizure_diary, t_tb_dot,
    t_partner_notify, t_police_request, t_taxi, t_relative_email, t_rota_swap, t_signin,
    t_supervision, t_needlestick, t_biobank, t_lab_label, t_cutup, t_crisis, t_ld_passport,
    t_this_is_me, t_home_oxygen, t_ed_queue, t_endo_overlay, t_hl7, t_xml, t_family_chat,
    t_nick_sign, t_short, t_script_label, t_script_note, t_particle_letter, t_particle_board,
    t_gp_list, t_identity, t_voicemail, t_portal, t_transfer, t_lowercase_note,
    t_uppercase_lost, t_initials_round, t_long_clinic, t_long_narrative,
]


# ---------------------------------------------------------------------------------------------
# Trap templates: no identifier at all.

TRAP_TERMS = ["Ortner", "Kanavel", "Forchheimer", "Muehrcke", "de Garengeot", "Duhamel",
              "Ramstedt", "Boari", "Sugiura", "Conotrane", "Metanium", "Timodine", "Naseptin",
              "Bactroban", "Trimovate", "Dermol", "Zerobase"]


def x_ortner(d):
    return [d.c("Hoarse voice", "Weak voice for 6 weeks", "Hoarseness"),
            " with a dilated left atrium on echo: ", d.c("query", "?"),
            " Ortner syndrome. ENT to scope the cords; ", d.c("no", "nil"), " stridor."]


def x_kanavel(d):
    return [d.c("Index", "Middle", "Ring"),
            " finger held flexed, fusiform swelling, pain on passive extension: ",
            d.c("all four", "three of four"), " Kanavel signs. ", d.c("Hand surgeons",
                                                                  "Plastics"),
            " informed for washout tonight."]


def x_forchheimer(d):
    return [d.c("Rash", "Maculopapular rash"), " behind the ears spreading down; ",
            "Forchheimer spots on the soft palate. ", d.c("Rubella IgM sent.",
                                                          "Pregnant contacts to be told.")]


def x_muehrcke(d):
    return ["Paired white transverse bands on the nails (Muehrcke lines) - albumin ",
            str(d.n(18, 26)), " g/L. ", d.c("Nephrology aware.", "Dietitian referral.")]


def x_garengeot(d):
    return [d.c("CT", "CT abdomen", "Imaging"), ": appendix ", d.c("within", "inside"),
            " a right femoral hernia sac, a de Garengeot hernia. ",
            d.c("Booked for CEPOD.", "Surgical registrar to consent.", "Kept nil by mouth.")]


def x_paeds_surg(d):
    return [d.c("Ramstedt pyloromyotomy", "Duhamel pull-through", "Boari flap",
                "Sugiura procedure"), " ", d.c("booked", "listed", "discussed at MDT"),
            "; ", d.c("consent form 1 signed by parent", "anaesthetic review done",
                      "group and save sent"), "."]


def x_creams(d):
    return [d.c("Conotrane", "Metanium", "Zerobase", "Dermol 500"), " to ",
            d.c("sacrum", "perineum", "both shins"), " ",
            d.c("twice daily", "after each pad change", "as needed"),
            ". ", d.c("Trimovate", "Timodine"), " stopped after 7 days."]


def x_nasal(d):
    return ["MRSA screen positive (nose). ", d.c("Bactroban", "Naseptin"), " nasal ",
            d.c("ointment", "cream"), " for 5 days and chlorhexidine wash. Side room if available."]


def x_words_verbs(d):
    return [d.c("Don't gamble on the sats probe - recheck manually.",
                "Slight tickle in the throat, no cough.",
                "Pinch test of the skin: turgor reduced.",
                "Heart rate can bolt up when he stands.",
                "Gallop rhythm on auscultation, S3.",
                "Porters will trundle the bed down to CT.")]


def x_words_more(d):
    return [d.c("The jumbo", "A jumbo"), " roll of ", d.c("tape", "gauze"), " is in the ",
            d.c("sluice cupboard", "treatment room"), ". ",
            d.c("The local councillor visited the ward opening.",
                "A pinch of salt only - fluid restricted.",
                "Knee injury playing football on Saturday; no locking.")]


def x_peoples(d):
    return [d.c("Kiowa", "Gullah", "Toraja", "Nanai", "Tiwi", "Gond", "Minahasa", "Dene"), " ",
            d.c("interpreter", "cultural liaison worker", "community health worker"),
            " requested for ", d.c("the family meeting", "the consent discussion",
                                   "Thursday's clinic"), "."]


def x_peoples2(d):
    return [d.c("Gullah Geechee", "Ifugao", "Tiwi Islands", "Toraja"), " ",
            d.c("community leaders", "elders"), " ", d.c("asked about", "were consulted on"),
            " the screening programme; leaflet to be translated."]


def x_anatomy(d):
    return ["Tender over the ", d.c("pisiform", "medial epicondyle", "fibular head",
                                    "coracoid process"), ". ",
            d.c("Neurovascularly intact distally.", "Sensation normal in all dermatomes."),
            " ", d.c("Analgesia and review.", "X-ray not indicated.")]


def x_caps(d):
    return [d.c("Saturday", "Wednesday", "Sunday"), ": ", d.c("Bloods", "Gases", "Cultures"),
            " chased. ", d.c("Consultant", "Registrar", "Matron"), " aware. ",
            d.c("Family", "Relatives"), " updated by phone."]


def x_board(d):
    return [d.c("BAY 5 CLOSED", "VISITING SUSPENDED", "NO ENTRY - X-RAY IN USE"), " | ",
            d.c("INFECTION CONTROL", "STAFF ONLY", "ASK AT DESK")]


def x_overlay(d):
    return [d.c("ABDO", "CHEST", "PELVIS"), " ", d.c("AP", "PA", "LAT"), " ", str(d.n(60, 120)),
            "kV ", str(d.n(2, 20)), "mAs  SID ", d.c("100", "180"), "cm  ", d.c("ERECT", "SUPINE")]


def x_chat(d):
    return [d.c("anyone", "who"), " ", d.c("moved", "borrowed", "hid"), " the ",
            d.c("bladder scanner", "obs machine", "hoist sling"), "?? ",
            d.c("needed it 10 min ago", "ta", "pls put back")]


def x_notice(d):
    return [d.c("Please", "Kindly"), " ", d.c("label", "date"), " all ",
            d.c("opened eye drops", "insulin pens", "feeds"), " ",
            d.c("with the time opened.", "before returning to the fridge.")]


def x_org_generic(d):
    return ["Referral sent to the ", d.c("community respiratory team", "falls service",
                                         "tissue viability service"),
            "; ", d.c("triaged as routine.", "expect a call within two weeks.")]


def x_short(d):
    return [d.c("obs 4-hourly", "sips only", "mobilise with frame", "for review AM",
                "bloods in am")]


def x_handover(d):
    return ["Handover: bay 2 ", d.c("stable", "settled"), ", bay 4 ", d.c("needs a cannula",
                                                                      "awaiting CT"),
            ", side room 1 ", d.c("end of life, family present", "barrier nursing"),
            ". ", d.c("Two", "Three"), " discharges pending TTOs."]


def x_long_trap(d):
    return ["Governance note. ", d.c("Audit", "Review"), " of the last quarter's falls found "
            "most happened between midnight and six, usually on the way to the toilet. "
            "Measures agreed: low beds in all bays, night lights in the ensuites, toileting "
            "rounds before settling and at 02:00, and a falls sensor for anyone who has "
            "fallen in hospital before. ", d.c("Matron", "The ward manager"), " will present "
            "the figures again in three months. ", d.c("Estates", "Facilities"), " have "
            "been asked to fix the ", d.c("bay 3 call bell", "sticking door on bay 1"), "."]


TRAP_TEMPLATES = [
    x_ortner, x_kanavel, x_forchheimer, x_muehrcke, x_garengeot, x_paeds_surg, x_creams,
    x_nasal, x_words_verbs, x_words_more, x_peoples, x_peoples2, x_anatomy, x_caps, x_board,
    x_overlay, x_chat, x_notice, x_org_generic, x_short, x_handover, x_long_trap,
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
    """Every pool name part, nickname and script form (tokens of three letters or more)."""
    out = set()
    for d in REGIONS.values():
        for k in ("m", "f", "famm", "famf"):
            for x in d.get(k, []):
                out |= {w.lower() for w in tokens(x)}
    for v in list(NICKS.values()) + list(SCRIPT.values()):
        out |= {w.lower() for w in tokens(v)}
    return {w for w in out if len(w) > 2} - PARTICLES


def outside_words(text, spans):
    mask = [False] * len(text)
    for ent, _, _ in spans:
        for i in range(ent["start"], ent["end"]):
            mask[i] = True
    return [m.group(0).lower() for m in TOKEN.finditer(text)
            if not any(mask[m.start():m.end()])]


def check_record(text, spans, pii):
    prev = 0
    people = {}
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
        if ent["type"] == "PERSON":
            if people.setdefault(ent["person"], id(who)) != id(who):
                fail("one person key for two people")
            if s.endswith("'s") or s.split()[0] in ("Dr", "Mr", "Mrs", "Ms", "Miss", "Prof"):
                fail("title or possessive inside a PERSON span")
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
            for _ in range(80):
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
        records.append({"id": "blind14-%03d" % (i + 1), "text": text, "entities": ents})
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
    mine |= WORD_NAMES
    for lst in list(ORGS.values()) + list(PLACES.values()):
        for s in lst:
            mine |= {w.lower() for w in tokens(s)} - GENERIC
    for s in STREETS.values():
        if s is not None:
            mine |= {w.lower() for w in tokens(s)} - GENERIC
    clash = sorted(w for w in mine - PARTICLES if len(w) > 2 and w in old)
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
    n_long = sum(1 for r in records if 30 <= len(r["text"].split()) <= 150)
    if n_long < MIN_LONG:
        fail("only %d texts of 30-150 words" % n_long)
    n_part = sum(1 for r in records
                 if any(r["text"][e["start"]:e["end"]].lower().split()[0] in PARTICLES
                        or " de " in r["text"][e["start"]:e["end"]].lower()
                        or " du " in r["text"][e["start"]:e["end"]].lower()
                        for e in r["entities"] if e["type"] == "PERSON"))
    if n_part < MIN_PARTICLE:
        fail("only %d texts with particle names" % n_part)
    with open(OUT, "w", encoding="utf-8", newline="\n") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print("wrote %d texts (%d with names, %d without), %d templates, %d of 30-150 words, "
          "%d with particle names" % (len(records), n_pii, n_none, len(uses), n_long, n_part))


if __name__ == "__main__":
    main()
