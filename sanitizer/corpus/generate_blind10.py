#!/usr/bin/env python3
"""Deterministic generator for the sanitizer's tenth BLIND corpus (blind10.jsonl), the
thirteenth corpus overall.

Run from the repository root:  python3 sanitizer/corpus/generate_blind10.py
Output is byte-identical on every run (own seed, no clock, no environment, no hash order).

Blind by construction: written without reading the sanitizer's source or
sanitizer/tests/generalise.rs, without running the sanitizer, its bench or its failures
example on anything, and without opening generate_blind9.py or blind9.jsonl (another held-out
set). It is meant to be scored ONCE, later, by someone other than its author; until then it
is parsed only (the shape test in sanitizer/tests/corpus.rs). Templates, word lists and names
share nothing by design with generate.py (dev), generate_heldout.py (heldout),
generate_test.py (test), generate_blind.py .. generate_blind8.py, blind.jsonl .. blind8.jsonl
and names.json: the self-check at the end refuses any pool name part, nickname, name in
another script, trap term, organisation key word, place or address word found (as a whole
word, case-insensitive) in those files. Only the name particle "de" and one- or two-letter
tokens are exempt. The regions below are ones no earlier generator lists and that are neither
among nor next to the regions named for blind7, blind8 and blind9 (English surnames that are
tools and birds were chosen because blind9 took medical, weather and household words).

Genres and their sentence shapes (300 texts: 220 naming a person, 80 with no identifier):
occupational-therapy home-visit checklists (tick boxes, measurements), prosthetics-clinic
socket logs, speech-and-language-therapy session notes with quoted utterances, triage notes
(Manchester-style colour, discriminator), incident (Datix-like) reports with labelled fields,
complaint letters and their acknowledgements, patient-transport bookings (key: value),
discharge-lounge boards (upper case, pipe columns), vaccination-clinic lists (numbered, with
batch numbers), research-consent witness lines, genetic pedigree captions (I-1, II-3 with
named and unnamed relatives), photo captions of ward events, e-mail threads with signatures
and quoted headers, OCR of faxed referrals (fax header, OCR noise), blood-transfusion
two-person checks, controlled-drug register entries with a witness, pager (bleep) logs,
safeguarding strategy-meeting attendance lists, hospice diaries (two long,
~110-120 words), infection-control outbreak logs, clinical-trial screening logs (initials),
interpreter bookings, chaplaincy visit logs, identity checks with national personal
codes, messages signed in the writer's own script (Odia, Ol Chiki, Cyrillic), lower-case
staff chat (nicknames, initials), upper-case overlay and board text and two- or three-word
notes ("cc Lipsa Behera").

Names were listed by hand, as commonly borne in these traditions (general knowledge of
public name lists, registers and naming studies; nothing was downloaded):
- Odia (Odisha): Mohapatra, Pradhan, Sahoo, Behera, Nayak, Jena, Rout, Samal, Pattnaik and
  the word-name Panda; Debasish, Bikash, Manas, Pritiranjan; Subhashree, Sasmita, Lipsa,
  Sibani, Mamata, Smrutirekha (daak-naam nicknames Debu, Mitu);
- Santal (Jharkhand, Mayurbhanj): the clan names Murmu, Hansda, Hembrom, Soren, Tudu,
  Marandi, Kisku, Baskey, Besra; Sido, Kanhu, Somai, Budhan; Phulmani, Sonamuni, Budhni,
  Salomi;
- Doukhobor (Kootenays and Boundary country, British Columbia): Russian surnames in their
  Canadian -off spelling (Popoff, Chernoff, Podmoroff, Strelaeff, Relkoff, Sherstobitoff,
  Kazakoff, Hoodicoff, Postnikoff) and Verigin, Markin, Konkin, Voykin; Fyodor, Savva;
  Lukeria, Pelageya (Polya), Anyuta;
- Blackfoot (Siksika, Kainai, Piikani): Crowshoe, Yellowhorn, Weaselhead, Heavyrunner,
  Goodstriker, Crowfoot, Bigsnake; Narcisse, Leroy, Floyd; Verna, Bernadette;
- English Romany (Hampshire, Surrey, the horse fairs): Boswell, Lovell, Loveridge, Buckland,
  Ayres, Hearne, Wenman, Penfold; Goliath, Nehemiah, Sylvester, Jasper; Vashti, Keziah
  (Kizzy), Mireli, Sinfai, Britannia;
- Chuvash (Chuvashia): Aygi, Ukhsay, Huzangay, Sespel; Atner, Setner; Narspi, Ilempi;
- Kanak (New Caledonia): Tjibaou, Wamytan, Néaoutyine, Poigoune, Wapotro, Gorodey; Roch,
  Yeiwéné; Déwé;
- Norfolk Island (Pitcairn descent): Quintal, Nobbs, Buffett, McCoy; Tarlton, Ivens; Noreen
  (Reenie), Thirza;
- Tristan da Cunha: Repetto, Lavarello, Hagan; Conrad, Ansel; Lavinia, Zillah;
- Falkland Islands: Pitaluga, Jaffray, Biggs, Goss, Betts, Berntsen; Errol, Orville;
  Vanessa, Rosalind;
- Gibraltar (Llanito): Picardo, Bossano, Montegriffo, Licudi, Canepa, Isola, Netto,
  Feetham, Benady, Serfaty, Abecasis, Sciacaluga, Imossi, Triay, Chiappe, Baglietto, the
  virtue word-name Victory, the hyphenated Hassan-Nahon and Arias-Vasquez and the particle
  name de Haro; Fabian, Ramon; Samantha, Dinah;
- English surnames that are tools or birds (Hammer, Rake, Plumb, Mattock, Auger, Rook,
  Starling, Teal) with Cuthbert, Ebenezer, Horace, Obadiah; Ethelwyn, Hepzibah, Mildred,
  Selina (Black Country addresses).
Nicknames: Debu, Mitu, Polya, Kizzy, Reenie. Names in another script:
ଦେବାଶିଷ (Debasish), ᱥᱤᱫᱚ (Sido), Лукерья (Lukeria), Нарспи (Narspi). Names that are also
English words: Hammer, Rake, Plumb, Mattock, Auger, Rook, Starling, Teal, Panda, Crowfoot.

The 80 texts without identifiers are traps: eponyms no earlier corpus used (Syme, Pirogoff,
Boyd, Gritti, Ertl, Hosmer, Dorrance, Lombard, Passy, Lidcombe, Frenchay, Kell, Duffy, Kidd,
Lutheran, Betke, Niemann, Tay, Rett, Bardet-Biedl, Alström, Joubert, Gruber, Zellweger,
Menkes, Pinney, Quincy, Linton, Richter, Littre, Morgagni, Nuss, Ravitch, Haller, Garrod,
Hoffa, Iselin, Bertolotti, Baastrup, Forestier, Holdsworth, Tarlov, Dandy, Sturge, Hippel,
Lindau, Bourneville, Recklinghausen, Galant, Chaddock, Oppenheim, Roos, Homan,
Silfverskiöld), bacteria named after people (Serratia, Klebsiella, Listeria, Salmonella,
Shigella, Yersinia, Legionella, Burkholderia, Morganella, Providencia), drug, vaccine and
device brands (Ottobock, Össur, Endolite, Makaton, Hanen, Epistatus, Zostavax, Bexsero,
Trumenba, Pneumovax, Prevenar, Fluenz, Arexvy, Abrysvo, Comirnaty, Spikevax, Nuvaxovid,
Vaxelis, Infanrix, Boostrix, Menveo, Nimenrix, Gardasil, Rotarix), units named after people
or words (Kidd Unit, Linton Suite, Syme Ward, the Ertl store room), this corpus's word-names
used as words ("panda eyes", "claw hammer", "garden rake",
"out of plumb", "with a mattock", "post-hole auger", "rook and knight", "starling roost",
"teal scrubs", "water crowfoot"), role-only pedigrees, an outbreak summary, OCR of boards
without a name, captions without a name, staff chat without names, and two-word notes.

Conventions of the gold spans (the same as generate_blind6.py's and generate_blind8.py's, so
that scores compare; offsets in Unicode code points):
- PERSON spans cover the name only, never a title (Dr, Mr, Mrs, Ms) and never a possessive
  's; a ``FAMILY, Given`` value is one span; initials standing for a person (screening logs,
  witness lines, register signatures, chat) are PERSON; a name in another script is a
  mention of the same person; clinicians, relatives, witnesses, interpreters and porters are
  people too; a name inside an e-mail address or a URL is part of that span only;
- AGE spans cover the number with its attached unit ("84-year-old", "91yo", "079Y") but not
  a following "old"; a bare number after "Age" or "aged" is the whole span;
- DATE spans cover a full date in whatever format, with a time written with it;
- LOCATION spans cover a street address from its first word to its postcode as one span, or
  a town named alone; ORG spans cover the whole name of a hospital, clinic, health service
  or employer;
- ID, PHONE, EMAIL, URL, SSN spans cover the value only, not its label. SSN is used for
  national personal codes (Indian Aadhaar, Canadian SIN, Russian SNILS, French NIR,
  Australian TFN, UK National Insurance number); hospital, NHS, staff, batch-free register
  and incident numbers are ID. Bed numbers, vaccine batch numbers, trial screening numbers
  and specimen ids are not marked.
Units named after people, device makers, eponyms and scores are never marked.

Self-check (the script exits non-zero and writes nothing on failure): every span's slice is
exactly the string the template inserted; spans are sorted, non-empty, trimmed and do not
overlap; types are EntityKind names; PERSON spans and only they carry a ``person`` id, one
id per individual and one individual per id, and each mention is a form of that
individual's name (OCR-noised texts excepted); no part of a person's name occurs outside a
span in that text; no pool name part occurs outside a span in any text (the word-name
phrases of the traps excepted); texts without identifiers hold no span and every other text
names a person; ids and texts are unique; nothing of this corpus's vocabulary occurs in the
earlier generators, blind .. blind8 or names.json (generic words such as Hospital, Centre,
Street are not checked).
"""

import glob
import json
import os
import random
import re
import sys
import unicodedata

SEED = 10_407_389
OUT = os.path.join("sanitizer", "corpus", "blind10.jsonl")
N_PII = 220
N_TRAP = 80
KINDS = {"PERSON", "DATE", "AGE", "ID", "PHONE", "EMAIL", "URL", "SSN", "LOCATION", "ORG"}
# Files this generator must never open (held-out sets) or that it writes itself.
FORBIDDEN = {"generate_blind9.py", "blind9.jsonl", "generate_blind10.py", "blind10.jsonl"}


def fail(msg):
    sys.stderr.write("generate_blind10.py: self-check failed: " + msg + "\n")
    sys.exit(1)


# ---------------------------------------------------------------------------------------------
# Names (see the docstring for sources). A family entry "A/B" gives the female form after "/".

REGIONS = {
    "odia": dict(
        m=["Debasish", "Bikash", "Manas", "Pritiranjan"],
        f=["Subhashree", "Sasmita", "Lipsa", "Sibani", "Mamata", "Smrutirekha"],
        fam=["Mohapatra", "Pradhan", "Sahoo", "Behera", "Nayak", "Jena", "Rout", "Samal",
             "Pattnaik", "Panda"],
    ),
    "santal": dict(
        m=["Sido", "Kanhu", "Somai", "Budhan"],
        f=["Phulmani", "Sonamuni", "Budhni", "Salomi"],
        fam=["Murmu", "Hansda", "Hembrom", "Soren", "Tudu", "Marandi", "Kisku", "Baskey",
             "Besra"],
    ),
    "doukhobor": dict(
        m=["Fyodor", "Savva"],
        f=["Lukeria", "Pelageya", "Anyuta"],
        fam=["Verigin", "Popoff", "Chernoff", "Podmoroff", "Markin", "Strelaeff", "Konkin",
             "Relkoff", "Sherstobitoff", "Kazakoff", "Hoodicoff", "Voykin", "Postnikoff"],
    ),
    "blackfoot": dict(
        m=["Narcisse", "Leroy", "Floyd"],
        f=["Verna", "Bernadette"],
        fam=["Crowshoe", "Yellowhorn", "Weaselhead", "Heavyrunner", "Goodstriker", "Crowfoot",
             "Bigsnake"],
    ),
    "romany": dict(
        m=["Goliath", "Nehemiah", "Sylvester", "Jasper"],
        f=["Vashti", "Keziah", "Mireli", "Sinfai", "Britannia"],
        fam=["Boswell", "Lovell", "Loveridge", "Buckland", "Ayres", "Hearne", "Wenman",
             "Penfold"],
    ),
    "chuvash": dict(
        m=["Atner", "Setner"],
        f=["Narspi", "Ilempi"],
        fam=["Aygi", "Ukhsay", "Huzangay", "Sespel"],
    ),
    "kanak": dict(
        m=["Roch", "Yeiwéné"],
        f=["Déwé"],
        fam=["Tjibaou", "Wamytan", "Néaoutyine", "Poigoune", "Wapotro", "Gorodey"],
    ),
    "norfolk": dict(
        m=["Tarlton", "Ivens"],
        f=["Noreen", "Thirza"],
        fam=["Quintal", "Nobbs", "Buffett", "McCoy"],
    ),
    "tristan": dict(
        m=["Conrad", "Ansel"],
        f=["Lavinia", "Zillah"],
        fam=["Repetto", "Lavarello", "Hagan"],
    ),
    "falklands": dict(
        m=["Errol", "Orville"],
        f=["Vanessa", "Rosalind"],
        fam=["Pitaluga", "Jaffray", "Biggs", "Goss", "Betts", "Berntsen"],
    ),
    "gibraltar": dict(
        m=["Fabian", "Ramon"],
        f=["Samantha", "Dinah"],
        fam=["Picardo", "Bossano", "Montegriffo", "Licudi", "Canepa", "Isola", "Netto",
             "Feetham", "Benady", "Serfaty", "Abecasis", "Hassan-Nahon", "Victory",
             "Sciacaluga", "Imossi", "Triay", "Chiappe", "Baglietto", "Arias-Vasquez",
             "de Haro"],
    ),
    "tools": dict(
        m=["Cuthbert", "Ebenezer", "Horace", "Obadiah"],
        f=["Ethelwyn", "Hepzibah", "Mildred", "Selina"],
        fam=["Hammer", "Rake", "Plumb", "Mattock", "Auger", "Rook", "Starling", "Teal"],
    ),
}

# Everyday short forms, used by colleagues and relatives in chat and notes.
NICKS = {"Debasish": "Debu", "Sasmita": "Mitu", "Pelageya": "Polya", "Keziah": "Kizzy",
         "Noreen": "Reenie"}
# Names written in their own script (a message quotes the signature).
SCRIPT = {"Debasish": "ଦେବାଶିଷ", "Sido": "ᱥᱤᱫᱚ", "Lukeria": "Лукерья", "Narspi": "Нарспи"}
# Name particles that may occur as ordinary words and are not checked alone.
PARTICLES = {"de"}

# Regions drawn for a person: the word-name group and the larger traditions more often.
REGION_DRAW = sorted(REGIONS) + ["tools", "tools", "odia", "santal", "doukhobor", "romany",
                                 "gibraltar"]
WORDLIKE_INITIALS = {"OK", "NO", "AM", "PM", "IT", "IN", "ON", "AT", "AS", "IS", "OR", "AN",
                     "BE", "DO", "GO", "HE", "ME", "MY", "SO", "TO", "UP", "US", "WE", "OF", "IF",
                     "BY", "NG", "ED", "GP", "BP", "HR", "RR", "CT", "MR", "DR", "MS", "ST"}

TOKEN = re.compile(r"[^\W\d_]+", re.UNICODE)


def tokens(s):
    """Lower-cased letter runs of a string (apostrophes, hyphens and spaces split)."""
    return [t.lower() for t in TOKEN.findall(s)]


class Person:
    """One individual: given name, family name (None for a mononym), sex, region."""

    def __init__(self, given, family, sex, region, order="gf"):
        self.given = given
        self.family = family
        self.sex = sex
        self.region = region
        self.order = order if family else "g"
        self.nick = NICKS.get(given)
        self.script = SCRIPT.get(given)
        self.middle = None


    def parts(self):
        out = tokens(self.given) + (tokens(self.family) if self.family else [])
        if self.middle:
            out += tokens(self.middle)
        if self.nick:
            out += tokens(self.nick)
        if self.script:
            out += tokens(self.script)
        return out

    def full(self):
        if not self.family:
            return self.given
        if self.order == "fg":
            return self.family + " " + self.given
        return self.given + " " + self.family

    def sur(self):
        return self.family or self.given

    def initials(self, dots=False):
        words = re.split(r"[ \-]", self.given)
        if self.family:
            words += [w for w in re.split(r"[ ]", self.family)]
        letters = [w[0].upper() for w in words if w]
        if not dots and "".join(letters) in WORDLIKE_INITIALS:
            dots = True
        return (".".join(letters) + ".") if dots else "".join(letters)

    def caret(self, middle=None):
        fam = (self.family or self.given).upper()
        giv = self.given.upper() if self.family else ""
        s = fam + "^" + giv if giv else fam
        if middle:
            s += "^" + middle.upper()
        return s

    def comma(self, upper=False):
        if not self.family:
            return self.given.upper() if upper else self.given
        fam = self.family.upper() if upper else self.family
        return fam + ", " + self.given

    def i_sur(self):
        if not self.family:
            return self.given
        return self.given[0] + ". " + self.family

    def lower(self):
        return self.full().lower()


class Pool:
    """Draws people without repeating anyone within one text."""

    def __init__(self, rng):
        self.rng = rng
        self.all_given = set()
        self.all_family = set()
        for reg, d in REGIONS.items():
            for g in d["m"] + d["f"]:
                self.all_given.add(g)
            for f in d["fam"]:
                if f:
                    for x in f.split("/"):
                        self.all_family.add(x)

    def person(self, used, region=None, sex=None, given=None):
        rng = self.rng
        if given is not None:
            region = next(k for k in sorted(REGIONS)
                          if given in REGIONS[k]["m"] + REGIONS[k]["f"])
            sex = "m" if given in REGIONS[region]["m"] else "f"
        for _ in range(200):
            reg = region or rng.choice(REGION_DRAW)
            d = REGIONS[reg]
            sx = sex or rng.choice("mf")
            first = given or rng.choice(d[sx])
            fam = rng.choice(d["fam"])
            if fam and "/" in fam:
                fam = fam.split("/")[0 if sx == "m" else 1]
            if fam == first:
                continue
            p = Person(first, fam, sx, reg, d.get("order", "gf"))
            key = set(p.parts())
            if any(key & set(q.parts()) for q in used):
                continue
            used.append(p)
            return p
        fail("could not draw a person")

    def middle(self, p, used):
        """Gives p a second given name of its region and sex (for DICOM / HL7 values)."""
        taken = {w for q in used for w in q.parts()}
        opts = [g for g in REGIONS[p.region][p.sex] if not set(tokens(g)) & taken]
        if opts and p.family:
            p.middle = self.rng.choice(opts)
        return p.middle

    def name_words(self):
        out = set()
        for reg, d in REGIONS.items():
            for g in d["m"] + d["f"]:
                out |= set(tokens(g))
            for f in d["fam"]:
                if f:
                    for x in f.split("/"):
                        out |= set(tokens(x))
        for n in list(NICKS.values()) + list(SCRIPT.values()):
            out |= set(tokens(n))
        return out - PARTICLES


# ---------------------------------------------------------------------------------------------
# Values.

MON = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
       "October", "November", "December"]
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def ordinal(n):
    if 10 <= n % 100 <= 20:
        return str(n) + "th"
    return str(n) + {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def ymd(rng, y0, y1):
    y = rng.randint(y0, y1)
    m = rng.randint(1, 12)
    d = rng.randint(1, 28)
    return y, m, d


def weekday(y, m, d):
    # Zeller-free: days since 1970-01-01 (a Thursday) by the civil-from-days inverse.
    yy = y - (m <= 2)
    era = yy // 400
    yoe = yy - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    days = era * 146097 + doe - 719468
    return DAYS[(days + 3) % 7]


def fmt_date(rng, y, m, d, style=None, time=False):
    styles = ["dmy/", "dmy.", "iso", "d Mon y", "Month d, y", "dth Month y", "dd-MON-yyyy",
              "d/m/yy", "Mon d y", "wd d Mon", "ymd"]
    k = style or rng.choice(styles)
    if k == "dmy/":
        s = "%02d/%02d/%d" % (d, m, y)
    elif k == "dmy.":
        s = "%02d.%02d.%d" % (d, m, y)
    elif k == "iso":
        s = "%d-%02d-%02d" % (y, m, d)
    elif k == "d Mon y":
        s = "%d %s %d" % (d, MON[m - 1][:3], y)
    elif k == "Month d, y":
        s = "%s %d, %d" % (MON[m - 1], d, y)
    elif k == "dth Month y":
        s = "%s %s %d" % (ordinal(d), MON[m - 1], y)
    elif k == "dd-MON-yyyy":
        s = "%02d-%s-%d" % (d, MON[m - 1][:3].upper(), y)
    elif k == "d/m/yy":
        s = "%d/%d/%02d" % (d, m, y % 100)
    elif k == "Mon d y":
        s = "%s %d %d" % (MON[m - 1][:3], d, y)
    elif k == "wd d Mon":
        s = "%s %d %s %d" % (weekday(y, m, d), d, MON[m - 1][:3], y)
    else:
        s = "%d%02d%02d" % (y, m, d)
    if time:
        hh, mm = rng.randint(0, 23), rng.choice([0, 5, 10, 12, 20, 25, 30, 41, 45, 50, 55])
        s += rng.choice([" %02d:%02d", " at %02d:%02d", " %02d%02dh"]) % (hh, mm)
    return s


def date(rng, y0=2021, y1=2025, **kw):
    y, m, d = ymd(rng, y0, y1)
    return fmt_date(rng, y, m, d, **kw)


def dob(rng, y0=1926, y1=2004, **kw):
    y, m, d = ymd(rng, y0, y1)
    return fmt_date(rng, y, m, d, **kw)



def digits(rng, n):
    return "".join(str(rng.randint(0, 9)) for _ in range(n))


def nhs(rng):
    while True:
        ds = [rng.randint(0, 9) for _ in range(9)]
        if ds[0] == 0:
            continue
        c = 11 - sum(x * (10 - i) for i, x in enumerate(ds)) % 11
        if c == 11:
            c = 0
        if c == 10:
            continue
        s = "".join(map(str, ds)) + str(c)
        return s[:3] + " " + s[3:6] + " " + s[6:]


def mrn(rng):
    k = rng.randrange(6)
    if k == 0:
        return "GX" + digits(rng, 7)
    if k == 1:
        return digits(rng, 3) + "-" + digits(rng, 3) + "-" + digits(rng, 3)
    if k == 2:
        return "H" + digits(rng, 8)
    if k == 3:
        return "%s%s" % (rng.choice(["TKS", "QVR", "ZLD"]), digits(rng, 6))
    if k == 4:
        return "7" + digits(rng, 7)
    return "E" + digits(rng, 2) + "/" + digits(rng, 5)



def dd(r, *ns):
    return " ".join(digits(r, n) for n in ns)


def phone(rng, region=None):
    f = PHONES.get(region)
    if f is None:
        return rng.choice(["01632 960%s" % digits(rng, 3), "07700 900%s" % digits(rng, 3)])
    return f(rng)


def age_str(rng, n):
    return rng.choice(["%d-year-old", "%d yrs", "%d years", "%dyo", "%d y/o", "%03dY",
                       "%dY", "%d yr"]) % n




PHONES = {
    "odia": lambda r: "+91 94370 %s" % digits(r, 5),
    "santal": lambda r: "+91 6434 2%s" % digits(r, 5),
    "doukhobor": lambda r: "(250) 365-%s" % digits(r, 4),
    "blackfoot": lambda r: "(403) 734-%s" % digits(r, 4),
    "romany": lambda r: "07700 900%s" % digits(r, 3),
    "chuvash": lambda r: "+7 8352 %s-%s-%s" % (digits(r, 2), digits(r, 2), digits(r, 2)),
    "kanak": lambda r: "+687 %s.%s.%s" % (digits(r, 2), digits(r, 2), digits(r, 2)),
    "norfolk": lambda r: "+672 3 2%s" % digits(r, 4),
    "tristan": lambda r: "+44 20 3014 %s" % digits(r, 4),
    "falklands": lambda r: "+500 2%s" % digits(r, 4),
    "gibraltar": lambda r: "+350 200 %s" % digits(r, 5),
    "tools": lambda r: "01384 %s" % digits(r, 6),
}


def sin_ca(rng):
    """A Canadian social insurance number (nine digits passing the Luhn check)."""
    while True:
        ds = [rng.randint(1, 7)] + [rng.randint(0, 9) for _ in range(7)]
        tot = 0
        for i, x in enumerate(ds):
            y = x * (2 if i % 2 else 1)
            tot += y - 9 if y > 9 else y
        c = (10 - tot % 10) % 10
        s = "".join(map(str, ds)) + str(c)
        return s[:3] + " " + s[3:6] + " " + s[6:]


def ssn(rng, region):
    """A national personal code in the region's format."""
    if region in ("odia", "santal"):
        return "%d%s %s %s" % (rng.randint(2, 9), digits(rng, 3), digits(rng, 4), digits(rng, 4))
    if region in ("doukhobor", "blackfoot"):
        return sin_ca(rng)
    if region == "chuvash":
        return "%s-%s-%s %s" % (digits(rng, 3), digits(rng, 3), digits(rng, 3), digits(rng, 2))
    if region == "kanak":
        return "%d %02d %02d 988 %s %s %s" % (rng.randint(1, 2), rng.randint(40, 99),
                                              rng.randint(1, 12), digits(rng, 3),
                                              digits(rng, 3), digits(rng, 2))
    if region == "norfolk":
        return "%s %s %s" % (digits(rng, 3), digits(rng, 3), digits(rng, 3))
    return "%s%s %s %s %s %s" % (rng.choice("JKLNPRSTWYZ"), rng.choice("ABCEHJKLMNPRSTWXY"),
                                 digits(rng, 2), digits(rng, 2), digits(rng, 2),
                                 rng.choice("ABCD"))


SSN_REGIONS = {"odia", "santal", "doukhobor", "blackfoot", "chuvash", "kanak", "norfolk",
               "romany", "tools", "tristan", "falklands"}


ORGS = {
    "odia": ["Cuttack Medical College Hospital", "Capital Hospital Bhubaneswar",
             "Fakir Mohan Medical College, Balasore"],
    "santal": ["Phulo Jhano Medical College, Dumka", "Baripada District Headquarters Hospital"],
    "doukhobor": ["Kootenay Boundary Regional Hospital", "Castlegar and District Health Centre",
                  "Boundary Hospital, Grand Forks"],
    "blackfoot": ["Siksika Health Services", "Blood Tribe Department of Health",
                  "Blackfeet Community Hospital"],
    "romany": ["Frimley Park Hospital", "Basingstoke and North Hampshire Hospital"],
    "chuvash": ["Cheboksary Republican Clinical Hospital", "Kanash Interdistrict Hospital"],
    "kanak": ["Médipôle de Koutio", "Centre Hospitalier du Nord, Koumac"],
    "norfolk": ["Norfolk Island Health and Residential Aged Care Service"],
    "tristan": ["Camogli Healthcare Centre"],
    "falklands": ["Falkland Islands Health Service"],
    "gibraltar": ["St Bernard's Hospital, Gibraltar", "Mount Alvernia Residential Home"],
    "tools": ["Russells Hall Hospital", "Corbett Outpatient Centre, Stourbridge",
              "Cradley Chain Works Ltd"],
}

PLACES = {
    "odia": ["Cuttack", "Bhubaneswar", "Balasore", "Berhampur", "Sambalpur", "Jajpur"],
    "santal": ["Dumka", "Rairangpur", "Baripada", "Pakur", "Jamtara"],
    "doukhobor": ["Castlegar", "Grand Forks", "Krestova", "Ootischenia", "Glade"],
    "blackfoot": ["Gleichen", "Standoff", "Brocket", "Cardston", "Browning"],
    "romany": ["Ringwood", "Fordingbridge", "Farnborough", "Blackwater"],
    "chuvash": ["Cheboksary", "Novocheboksarsk", "Kanash", "Alatyr", "Shumerlya"],
    "kanak": ["Nouméa", "Koné", "Houaïlou", "Hienghène", "Lifou"],
    "norfolk": ["Burnt Pine", "Cascade", "Anson Bay"],
        "falklands": ["Goose Green", "Port Howard"],
    "gibraltar": ["Gibraltar"],
    "tools": ["Tipton", "Cradley Heath", "Lye", "Brierley Hill", "Wednesbury", "Amblecote"],
}


def address(rng, region):
    n = rng.randint(2, 188)
    if region == "odia":
        return "Plot %d, Saheed Nagar, Bhubaneswar 751007" % n
    if region == "santal":
        return "Village Kuchibil, PO Rairangpur, Mayurbhanj 757043"
    if region == "doukhobor":
        return "%d Columbia Avenue, Castlegar BC V1N 1A%d" % (n * 7, rng.randint(1, 9))
    if region == "blackfoot":
        return "Box %d, Standoff AB T0L 1Y0" % n
    if region == "chuvash":
        return "prospekt Traktorostroiteley %d, kv. %d, Cheboksary" % (n, rng.randint(1, 90))
    if region == "kanak":
        return "%d rue Auguste Bénébig, Haut-Magenta, Nouméa 98800" % n
    if region == "norfolk":
        return "%d Taylors Road, Burnt Pine 2899" % n
    if region == "gibraltar":
        return "%d/%d Devil's Gap Road, Gibraltar GX11 1AA" % (rng.randint(1, 9), n)
    if region == "romany":
        return "Plot %d, Matchams Lane Site, Ringwood BH24 %d%s" % (
            rng.randint(1, 20), rng.randint(1, 9), rng.choice(["QT", "LW"]))
    return "%d Stourbridge Road, Lye DY9 %d%s" % (n, rng.randint(1, 9),
                                                      rng.choice(["PA", "QL", "RB"]))


def org(rng, region):
    return rng.choice(ORGS.get(region) or ORGS["tools"])


def place(rng, region):
    return rng.choice(PLACES.get(region) or PLACES["tools"])


MAIL = {"odia": "scbmch.odisha.gov.in", "doukhobor": "interiorhealth.ca",
        "blackfoot": "siksikahealth.com", "romany": "fph.nhs.uk", "kanak": "medipole.nc",
        "gibraltar": "gha.gi", "falklands": "kemh.gov.fk",
        "tools": "dgh.nhs.uk"}
def ascii_fold(s):
    s = unicodedata.normalize("NFKD", s.replace("ł", "l").replace("Ł", "L"))
    return "".join(c for c in s if not unicodedata.combining(c))


def email(rng, p, domain=None):
    domain = domain or MAIL.get(p.region) or rng.choice(sorted(set(MAIL.values())))
    loc = rng.choice(["%s.%s", "%s%s", "%s_%s"])
    g = re.sub(r"[^a-z]", "", ascii_fold(p.given).lower())
    f = re.sub(r"[^a-z]", "", ascii_fold(p.family or p.given).lower())
    if not p.family:
        f = ""
        loc = "%s%s"
    return (loc % (g[0] if rng.random() < 0.5 and p.family else g, f)) + "@" + domain
SLOT = re.compile(r"\$\{(\w+)\}|\$([A-Za-z_]\w*)")


def P(p, s):
    """A PERSON span for individual p with surface string s."""
    return ("PERSON", s, p)


def E(kind, s):
    """A typed span."""
    return (kind, s, None)


class Doc:
    def __init__(self, rng, pool):
        self.rng = rng
        self.pool = pool
        self.used = []
        self.ocr = False
        self.allowed_words = set()

    def person(self, **kw):
        return self.pool.person(self.used, **kw)

    def nicknamed(self):
        """Someone with an everyday short form of the given name (for chat and notes)."""
        taken = {w for q in self.used for w in q.parts()}
        opts = [g for g in sorted(NICKS) if not set(tokens(g)) & taken]
        return self.pool.person(self.used, given=self.rng.choice(opts))

    def middle(self, p):
        if self.rng.random() < 0.5:
            return self.pool.middle(p, self.used)
        return None

    def render(self, tpl, **slots):
        text = []
        ents = []
        n = 0
        pos = 0
        for m in SLOT.finditer(tpl):
            lit = tpl[pos:m.start()]
            text.append(lit)
            n += len(lit)
            key = m.group(1) or m.group(2)
            if key not in slots:
                fail("template slot without value: " + key)
            v = slots[key]
            if isinstance(v, tuple):
                kind, s, who = v
                ents.append((n, n + len(s), kind, who, s))
            else:
                s = v
            text.append(s)
            n += len(s)
            pos = m.end()
        lit = tpl[pos:]
        text.append(lit)
        return "".join(text), ents


def ocr_noise(rng, s, level=0.12):
    """Burned-in overlay OCR errors: 0/O, 1/l/I, case flips, dropped spaces, stray marks."""
    out = []
    for ch in s:
        r = rng.random()
        if ch == "O" and r < level * 2:
            out.append("0")
        elif ch == "0" and r < level * 2:
            out.append("O")
        elif ch in "lI" and r < level * 2:
            out.append("1")
        elif ch == "1" and r < level:
            out.append("l")
        elif ch == " " and r < level * 1.5:
            continue
        elif ch.isalpha() and r < level * 0.6:
            out.append(ch.swapcase())
        else:
            out.append(ch)
    s2 = "".join(out)
    return s2 if s2.strip() == s2 and s2 else s



# ---------------------------------------------------------------------------------------------
# Templates with identifiers. Each takes a Doc and returns (text, spans).



# ---------------------------------------------------------------------------------------------
# Templates with identifiers. Each takes a Doc and returns (text, spans).

def title(p):
    return {"m": "Mr", "f": "Ms"}[p.sex]


def sexw(p):
    return {"m": "male", "f": "female"}[p.sex]


def old(r):
    return r.randint(88, 103)


def two_dates(r, style):
    """Two dates in one format, the second 2 to 19 days after the first."""
    y, m, dd_ = ymd(r, 2021, 2025)
    d2, m2, y2 = dd_ + r.randint(2, 19), m, y
    if d2 > 28:
        d2, m2 = d2 - 28, m2 + 1
        if m2 > 12:
            m2, y2 = 1, y2 + 1
    return fmt_date(r, y, m, dd_, style=style), fmt_date(r, y2, m2, d2, style=style)




# Generic words of organisation and place names (not checked against the earlier generators).
GENERIC = set(tokens(
    "hospital clinic centre center general national university medical memorial regional "
    "district central clinical republican hospice practice road ltd of de la du des st saint "
    "new city house no flat court community teaching referral college health street avenue "
    "box plot village po kv prospekt rue bay residential home service services department "
    "care and aged the outpatient west grand blood park north hospitalier island islands "
    "healthcare mount hall chain works pine green port heath hill cottage edge forest gap "
    "site lane"))


def adult(r):
    return r.randint(19, 87)


def t_ot_visit(d):
    r = d.rng
    pt, ot = d.person(), d.person()
    tpl = r.choice([
        "OT HOME VISIT - $pn, $addr\n[x] chair height 43 cm  [x] bed height 52 cm  [ ] stair "
        "rail (R only)\n[x] bath board fitted  [x] toilet frame\nVisit $dt with $tp $ps and "
        "daughter. OT: $on",
        "Home visit ($dt). $tp $ps ($age) transfers sit-to-stand x3 without arms; perching "
        "stool supplied; kitchen trolley trialled. Rug at the back door removed with consent. "
        "Signed $on, Occupational Therapist, $org.",
        "Access visit for $pn: front step 21 cm, no rail; half-step and grab rail ordered. "
        "Key safe code held by the family. Contact: $tel. Assessor: $oi.",
    ])
    return d.render(tpl, pn=P(pt, pt.full()), tp=title(pt), ps=P(pt, pt.sur()),
                    addr=E("LOCATION", address(r, pt.region)), dt=E("DATE", date(r)),
                    on=P(ot, ot.full()), oi=P(ot, ot.i_sur()), age=E("AGE", age_str(r, adult(r))),
                    org=E("ORG", org(r, ot.region)), tel=E("PHONE", phone(r, pt.region)))


def t_prosthetics(d):
    r = d.rng
    pt, pr = d.person(), d.person()
    tpl = r.choice([
        "PROSTHETICS CLINIC  $dt\nPatient: $pc   Hosp no: $mrn\nLevel: transtibial (L)  "
        "Socket: PTB, 3rd check socket  Liner: 3 mm gel  Foot: multiaxial\nFit: distal end "
        "pressure relieved, 2 ply sock added. Prosthetist: $pi",
        "$pn returns for socket review. Stump volume down 1.5 cm since the last cast; walks "
        "150 m with one stick. New liner ordered. Seen by $prn ($dt).",
        "Limb fitting note: $tp $ps, $age, first fitting after below-knee amputation. Pylon "
        "height set; gait re-ed with the physio next week. $prn, $org.",
    ])
    return d.render(tpl, dt=E("DATE", date(r, style=r.choice(["dd-MON-yyyy", "dmy/"]))),
                    pc=P(pt, pt.comma(upper=True)), mrn=E("ID", mrn(r)),
                    pi=P(pr, pr.initials(dots=True)), pn=P(pt, pt.full()),
                    prn=P(pr, pr.full()), tp=title(pt), ps=P(pt, pt.sur()),
                    age=E("AGE", age_str(r, adult(r))), org=E("ORG", org(r, pr.region)))


def t_slt(d):
    r = d.rng
    pt, sl = d.person(), d.person()
    tpl = r.choice([
        "SLT session 4 - $pg ($age). Picture description: \"the boy... the, the jar, falling\". "
        "Word-finding pauses, phonemic cueing effective. Home practice sheet given. $si",
        "Speech and language therapy: $pn. Bedside swallow: coughing on thin fluids; IDDSI "
        "level 2 advised, level 7 diet. Reassess $dt. Therapist: $sn",
        "Voice clinic: $tp $ps reports hoarseness after shouting at work. Laryngoscopy "
        "normal. Vocal hygiene advice. Letter to GP. $sn, Specialist SLT",
    ])
    return d.render(tpl, pg=P(pt, pt.given), age=E("AGE", age_str(r, r.randint(4, 86))),
                    si=P(sl, sl.initials()), pn=P(pt, pt.full()), dt=E("DATE", date(r)),
                    sn=P(sl, sl.full()), tp=title(pt), ps=P(pt, pt.sur()))


def t_triage(d):
    r = d.rng
    pt, nu = d.person(), d.person()
    tpl = r.choice([
        "TRIAGE  $t\nName: $pc  Age: $agen\nPresenting: chest pain, central, 40 min\n"
        "Discriminator: cardiac pain -> ORANGE\nECG done at triage. Triage RN: $ni",
        "Triage: $pn, $age, laceration to the left palm (kitchen knife). Bleeding controlled. "
        "Pain 6/10 -> YELLOW. Tetanus up to date. RN $nn",
        "Walk-in, $t: $pn brought by partner, fever and rash. Discriminator: non-blanching "
        "rash -> RED, to resus. Triaged by $nn.",
    ])
    return d.render(tpl, t=E("DATE", date(r, style="dmy/", time=True)),
                    pc=P(pt, pt.comma(upper=True)), agen=E("AGE", str(adult(r))),
                    ni=P(nu, nu.i_sur()), pn=P(pt, pt.full()), age=E("AGE", age_str(r, adult(r))),
                    nn=P(nu, nu.full()))


def t_datix(d):
    r = d.rng
    pt, rep, wit = d.person(), d.person(), d.person()
    tpl = r.choice([
        "INCIDENT REPORT  Ref: $ref\nDate/time: $t\nType: slip, trip or fall\nPerson affected: "
        "$pn (patient), Hosp no $mrn\nDescription: found on the floor beside the bed, "
        "call bell out of reach. No head injury.\nReported by: $rn   Witness: $wn",
        "Incident $ref - medication. $pn received a second dose of an antibiotic 2 h early; "
        "noted by $wn at the drug round. Reporter: $rn. Harm: none.",
        "Incident form: pressure damage category 2 on the sacrum of $pn found on admission "
        "from $org. Reported $t by $rn.",
    ])
    return d.render(tpl, ref=E("ID", "W%s" % digits(r, 6)), t=E("DATE", date(r, time=True)),
                    pn=P(pt, pt.full()), mrn=E("ID", mrn(r)), rn=P(rep, rep.full()),
                    wn=P(wit, wit.full()), org=E("ORG", org(r, pt.region)))


def t_complaint(d):
    r = d.rng
    pt, rel, pals = d.person(sex="f"), d.person(), d.person()
    tpl = r.choice([
        "Dear Sir or Madam,\nI am writing about the care of my mother, $pn, on the stroke "
        "unit from $dt. She was left without water for most of an afternoon. I would like "
        "a meeting.\nYours faithfully,\n$rn\n$addr",
        "Re: your complaint about $pn (our ref $ref)\nDear $rt $rs,\nThank you for your "
        "letter of $dt. The ward manager will investigate and reply within 25 working days.\n"
        "Yours sincerely,\n$pan\nPatient Advice and Liaison Service",
    ])
    return d.render(tpl, pn=P(pt, pt.full()), dt=E("DATE", date(r, style="dth Month y")),
                    rn=P(rel, rel.full()), addr=E("LOCATION", address(r, rel.region)),
                    ref=E("ID", "C-%s" % digits(r, 5)), rt=title(rel), rs=P(rel, rel.sur()),
                    pan=P(pals, pals.full()))


def t_transport(d):
    r = d.rng
    pt, bk = d.person(), d.person()
    tpl = r.choice([
        "PATIENT TRANSPORT BOOKING\nPatient: $pn\nPick-up: $addr\nDestination: $org\n"
        "Appointment: $t\nMobility: wheelchair, 1 escort\nBooked by: $bn  Tel: $tel",
        "Transport: $pc, collect from $pl at 07:30 for dialysis; stretcher, oxygen 2 L. "
        "Booking ref $ref, booked by $bi.",
    ])
    return d.render(tpl, pn=P(pt, pt.full()), addr=E("LOCATION", address(r, pt.region)),
                    org=E("ORG", org(r, pt.region)), t=E("DATE", date(r, style="wd d Mon",
                                                                       time=True)),
                    bn=P(bk, bk.full()), tel=E("PHONE", phone(r, pt.region)),
                    pc=P(pt, pt.comma()), pl=E("LOCATION", place(r, pt.region)),
                    ref=E("ID", "PTS%s" % digits(r, 7)), bi=P(bk, bk.initials()))


def t_lounge_board(d):
    r = d.rng
    a, b, c = d.person(), d.person(), d.person()
    tpl = r.choice([
        "DISCHARGE LOUNGE\nCHAIR | PATIENT | TTO | TRANSPORT\n1 | $a | READY | 14:00\n"
        "2 | $b | PHARMACY | FAMILY\n3 | $c | READY | PTS",
        "DISCHARGE LOUNGE  $dt\n$a  - AWAITING TTO\n$b  - LETTER DONE\nPORTER: $cg",
    ])
    return d.render(tpl, a=P(a, a.full().upper()), b=P(b, b.sur().upper()),
                    c=P(c, c.full().upper()), dt=E("DATE", date(r, style="dmy/")),
                    cg=P(c, c.given.upper()))


def t_vax_list(d):
    r = d.rng
    a, b, nu = d.person(), d.person(), d.person()
    tpl = r.choice([
        "Vaccination clinic $dt\n1. $an  DOB $ad  RSV  batch 7H21K  L deltoid\n2. $bn  DOB $bd "
        " shingles dose 2  batch 4F09B  R deltoid\nVaccinator: $nn",
        "Flu clinic list ($dt): $an (age $aa) - given; $bn - declined, leaflet given. Signed: "
        "$ni",
    ])
    return d.render(tpl, dt=E("DATE", date(r)), an=P(a, a.full()),
                    ad=E("DATE", dob(r, style="dmy/")), bn=P(b, b.full()),
                    bd=E("DATE", dob(r, style="dmy/")), nn=P(nu, nu.full()),
                    aa=E("AGE", str(r.randint(65, 99))), ni=P(nu, nu.initials()))


def t_witness(d):
    r = d.rng
    pt, wt, rs = d.person(), d.person(), d.person()
    tpl = r.choice([
        "Participant: $pn   Signature: ____   Date: $dt\nThe participant cannot write; consent "
        "was given verbally and witnessed by: $wn (independent witness)   Date: $dt2\n"
        "Person taking consent: $rn",
        "Witness statement: I, $wn, confirm that the information sheet was read aloud to "
        "$pn and that questions were answered. Signed $dt.",
        "CONSENT (biobank)  Initials in boxes: [$pi] [$pi] [$pi]\nResearcher: $ri   $dt",
    ])
    d1, d2 = two_dates(r, "dmy/")
    return d.render(tpl, pn=P(pt, pt.full()), dt=E("DATE", d1), dt2=E("DATE", d2),
                    wn=P(wt, wt.full()), rn=P(rs, rs.full()), pi=P(pt, pt.initials()),
                    ri=P(rs, rs.initials()))


def t_pedigree(d):
    r = d.rng
    pro, a, b = d.person(), d.person(sex="f"), d.person()
    tpl = r.choice([
        "Pedigree caption: III-2 (arrow) $pn, proband, ascertained through cascade testing. "
        "II-3 $an, mother, affected (onset 41). II-4, father, unaffected. I-1 and I-2 "
        "deceased, unknown status. Drawn by $bn.",
        "Family tree, $pg's side: maternal aunt $ag died aged 52 of a cardiomyopathy; two "
        "cousins unaffected. Genetic counsellor: $bn.",
    ])
    return d.render(tpl, pn=P(pro, pro.full()), an=P(a, a.full()), bn=P(b, b.full()),
                    pg=P(pro, pro.given), ag=P(a, a.full()))


def t_ward_photo(d):
    r = d.rng
    a, b = d.person(sex="f"), d.person()
    tpl = r.choice([
        "Photo: Sister $an cuts the cake at her retirement tea on the renal ward, with "
        "housekeeper $bn (left).",
        "Caption: Nurses' Day 2024 - $an and $bn with the hand-hygiene trophy, $org.",
        "Picture shows $bn (centre), volunteer of the year, outside the chapel at $org.",
    ])
    return d.render(tpl, an=P(a, a.full()), bn=P(b, b.full()), org=E("ORG", org(r, a.region)))


def t_email_sig(d):
    r = d.rng
    s, t, pt = d.person(), d.person(), d.person()
    tpl = r.choice([
        "From: $sn <$se>\nSent: $dt\nTo: $tn\nSubject: RE: bed for $pi\n\nHi $tg, the side "
        "room is free after 2pm. Thanks\n$sg\n--\n$sn | Bed Manager | $org | $tel",
        "Hi all,\nplease note $pn's clinic is moved to next week.\nKind regards\n$sn\n"
        "$org\n\n> On $dt, $tn wrote:\n> Can we move this one?",
    ])
    return d.render(tpl, sn=P(s, s.full()), se=E("EMAIL", email(r, s)),
                    dt=E("DATE", date(r, style="Month d, y", time=True)), tn=P(t, t.full()),
                    pi=P(pt, pt.initials()), tg=P(t, t.given), sg=P(s, s.given),
                    org=E("ORG", org(r, s.region)), tel=E("PHONE", phone(r, s.region)),
                    pn=P(pt, pt.full()))


def t_fax_ocr(d):
    r = d.rng
    d.ocr = True
    pt, gp = d.person(), d.person()
    tpl = r.choice([
        "FAX  $fdt  P.01/02\nREFERRAL - URGENT\nPatient: $pn   D0B: $dob\nNHS No: $nhs\n"
        "Reason: ? TIA x2 this week\nReferring GP: Dr $gn",
        "$fdt FROM: SURGERY  TO: FRACTURE CLINIC\nRe: $pc  $dob\nFall onto outstretched hand, "
        "?scaphoid. Xray nad. Pls review.  $gn",
    ])
    pn = ocr_noise(r, pt.full())
    return d.render(tpl, fdt=E("DATE", date(r, style="dmy/", time=True)), pn=P(pt, pn),
                    dob=E("DATE", dob(r, style="dmy/")), nhs=E("ID", nhs(r)),
                    gn=P(gp, ocr_noise(r, gp.full().upper())),
                    pc=P(pt, ocr_noise(r, pt.comma(upper=True))))


def t_transfusion(d):
    r = d.rng
    pt, a, b = d.person(), d.person(), d.person()
    tpl = r.choice([
        "Blood transfusion record: $pn, Hosp no $mrn, group O RhD neg. Unit 1 of 2 checked "
        "at the bedside by $ai and $bi at $t. Obs stable at 15 min.",
        "Two-person check: patient ID band ($pc, DOB $dob) matches the compatibility label. "
        "Checker 1: $an  Checker 2: $bn",
    ])
    return d.render(tpl, pn=P(pt, pt.full()), mrn=E("ID", mrn(r)), ai=P(a, a.initials()),
                    bi=P(b, b.initials()), t=E("DATE", date(r, style="dmy/", time=True)),
                    pc=P(pt, pt.comma(upper=True)), dob=E("DATE", dob(r, style="dmy/")),
                    an=P(a, a.full()), bn=P(b, b.full()))


def t_cd_register(d):
    r = d.rng
    pt, a, b = d.person(), d.person(), d.person()
    tpl = r.choice([
        "CD REGISTER  $dt  Patient: $pn  Morphine sulfate 10 mg/ml inj  Amount given: 2.5 mg  "
        "Balance: 7  Given by: $ai  Witness: $bi",
        "Controlled drugs: $t, $pc, oxycodone 5 mg PO. Administered $an, witnessed $bn. "
        "Stock balance correct.",
    ])
    return d.render(tpl, dt=E("DATE", date(r, style="dmy/")), pn=P(pt, pt.full()),
                    ai=P(a, a.initials()), bi=P(b, b.initials()),
                    t=E("DATE", date(r, time=True)), pc=P(pt, pt.comma()),
                    an=P(a, a.i_sur()), bn=P(b, b.i_sur()))


def t_pager(d):
    r = d.rng
    pt, a, b = d.person(), d.person(), d.person()
    tpl = r.choice([
        "PAGER LOG  bleep 4417\n$t  to $an (FY1): pls review $pn bed 12, NEWS 6\n"
        "$t2  answered by $bi",
        "Bleep $bl from $an: \"$pc - K 6.4, ECG ok, calcium gluconate given?\" "
        "Reply: yes, repeat in 1 h. $bi",
    ])
    t1, t2 = two_dates(r, "dmy/")
    return d.render(tpl, t=E("DATE", t1 + " 02:14"), t2=E("DATE", t2 + " 02:31"),
                    an=P(a, a.full()), pn=P(pt, pt.full()), bi=P(b, b.initials()),
                    bl=str(r.randint(4000, 4999)), pc=P(pt, pt.comma(upper=True)))


def t_safeguarding(d):
    r = d.rng
    ch, a, b, c = d.person(), d.person(), d.person(sex="f"), d.person()
    tpl = r.choice([
        "Strategy meeting re: $pn (DOB $dob)\nPresent: $an (social worker), $bn (school "
        "nurse), DC $cs (police)\nApologies: health visitor\nActions: section 47 enquiry; "
        "review $dt.",
        "Safeguarding adults: concern raised about $pn by $an; daughter-in-law $bn holds "
        "the bank card. Chair: $cn.",
    ])
    return d.render(tpl, pn=P(ch, ch.full()), dob=E("DATE", dob(r, 2008, 2020)),
                    an=P(a, a.full()), bn=P(b, b.full()), cs=P(c, c.sur()),
                    dt=E("DATE", date(r)), cn=P(c, c.full()))


def t_outbreak(d):
    r = d.rng
    a, b, ic = d.person(), d.person(), d.person()
    tpl = r.choice([
        "OUTBREAK LOG - norovirus, Ward 9\n$d1: $ai (bay 2) vomiting x3, stool sent\n$d2: "
        "$bi (bay 2) diarrhoea, isolated\nBay closed to admissions. IPC nurse: $icn",
        "Outbreak meeting $d1: 4 patients, 2 staff. Cases include $an and $bn. Deep clean "
        "booked. Lead: $icn, Infection Prevention and Control.",
    ])
    d1, d2 = two_dates(r, "dmy/")
    return d.render(tpl, d1=E("DATE", d1), d2=E("DATE", d2), ai=P(a, a.comma(upper=True)),
                    bi=P(b, b.comma(upper=True)), icn=P(ic, ic.full()), an=P(a, a.full()),
                    bn=P(b, b.full()))


def t_screening(d):
    r = d.rng
    a, b, c = d.person(), d.person(), d.person()
    tpl = ("SCREENING LOG  Site 04\nScr no | Initials | DOB | Eligible | Reason\n"
           "04-017 | $ai | $ad | Y | -\n04-018 | $bi | $bd | N | eGFR < 30\n"
           "Completed by: $cn")
    return d.render(tpl, ai=P(a, a.initials()), ad=E("DATE", dob(r, 1940, 1990, style="iso")),
                    bi=P(b, b.initials()), bd=E("DATE", dob(r, 1940, 1990, style="iso")),
                    cn=P(c, c.full()))


def t_interp(d):
    r = d.rng
    langs = {"odia": "Odia", "santal": "Santali", "doukhobor": "Russian",
             "chuvash": "Chuvash", "kanak": "French", "gibraltar": "Spanish",
             "blackfoot": "Blackfoot"}
    pt = d.person(region=r.choice(sorted(langs)))
    it = d.person()
    lang = langs[pt.region]
    tpl = r.choice([
        "Interpreter booking: $lg for $pn, outpatients $t, 45 min. Interpreter: $in "
        "(face to face). Booking no $ref.",
        "Telephone interpreter ($lg) used for consent; interpreter ID $ref. Patient: $pc.",
    ])
    return d.render(tpl, lg=lang, pn=P(pt, pt.full()), t=E("DATE", date(r, time=True)),
                    **{"in": P(it, it.full())}, ref=E("ID", digits(r, 6)), pc=P(pt, pt.comma()))


def t_chaplaincy(d):
    r = d.rng
    pt, ch, rel = d.person(), d.person(), d.person(sex="f")
    tpl = r.choice([
        "Chaplaincy visit log - $dt\nVisited: $pn (ward 7)\nRequest: prayers before surgery; "
        "$rn (niece) present\nFollow-up: Sunday\nChaplain: $cn",
        "Spiritual care referral for $pn by $ri: wishes to receive communion; family ask "
        "for a visit on $dt. Seen by $cn.",
    ])
    return d.render(tpl, dt=E("DATE", date(r, style="wd d Mon")), pn=P(pt, pt.full()),
                    rn=P(rel, rel.full()), cn=P(ch, ch.full()), ri=P(rel, rel.initials()))


def t_national_id(d):
    r = d.rng
    reg = r.choice(sorted(SSN_REGIONS))
    pt = d.person(region=reg)
    label = {"odia": "Aadhaar", "santal": "Aadhaar", "doukhobor": "SIN", "blackfoot": "SIN",
             "chuvash": "SNILS", "kanak": "NIR", "norfolk": "TFN"}.get(reg, "NI number")
    tpl = r.choice([
        "ID check: $pn, $lb $sn, DOB $dob. Photo ID seen.",
        "Registration form - Surname: $ps  Given name: $pg  $lb: $sn  Phone: $tel",
    ])
    return d.render(tpl, pn=P(pt, pt.full()), lb=label, sn=E("SSN", ssn(r, reg)),
                    dob=E("DATE", dob(r)), ps=P(pt, pt.sur()), pg=P(pt, pt.given),
                    tel=E("PHONE", phone(r, reg)))


def t_script_msg(d):
    r = d.rng
    g = r.choice(sorted(SCRIPT))
    pt = d.person(given=g)
    nu = d.person()
    tpl = r.choice([
        "Message from the patient (translated): \"Thank you for the care of my family. I will "
        "come on Friday.\" Signed: $sc ($pn). Passed on by $nn.",
        "Card on the ward noticeboard, signed $sc - $pn. Kept by $nn.",
    ])
    return d.render(tpl, sc=P(pt, pt.script), pn=P(pt, pt.full()), nn=P(nu, nu.full()))


def t_chat(d):
    r = d.rng
    pt, b = d.person(), d.person()
    a = d.nicknamed() if r.random() < 0.6 else d.person()
    tpl = r.choice([
        "$an: is $pl going home today?\n$bn: yes once tto is up\n$an: ta x",
        "$bn: $ai can u do the hoist with me for $pf\n$an: 2 mins",
        "$an: prosthetics rang for $pl, can someone call back\n$bn: on it",
    ])
    an = a.nick or a.given
    return d.render(tpl, an=P(a, an.lower()), bn=P(b, b.given.lower()), pl=P(pt, pt.lower()),
                    ai=P(a, a.initials().lower()), pf=P(pt, pt.sur().lower()))


def t_short(d):
    r = d.rng
    pt = d.person()
    tpl = r.choice(["cc $pn", "Seen: $pn.", "$pg - home.", "Ring $pn.", "$pi for TTO.",
                    "Porter for $pn."])
    ini = pt.initials()
    return d.render(tpl, pn=P(pt, pt.full()), pg=P(pt, pt.given),
                    pi=P(pt, pt.i_sur() if "." in ini else ini))


def t_overlay(d):
    r = d.rng
    pt = d.person()
    tpl = r.choice([
        "$pc  $mrn\n$dob  $ag\nL KNEE AP STANDING",
        "US ABDO  $dt\n$pc\nLIVER 15.2CM",
    ])
    return d.render(tpl, pc=P(pt, pt.comma(upper=True)), mrn=E("ID", mrn(r)),
                    dob=E("DATE", dob(r, style="ymd")),
                    ag=E("AGE", "%03dY" % adult(r)), dt=E("DATE", date(r, style="ymd")))


def t_fundraiser(d):
    r = d.rng
    pt = d.person()
    slug = re.sub(r"[^a-z]", "", ascii_fold(pt.given).lower()) + "-legs"
    tpl = ("Noticeboard: sponsored walk for $pn's new running blade - donate at $url. "
           "Thank you from the limb centre team!")
    return d.render(tpl, pn=P(pt, pt.full()), url=E("URL", "https://www.justgiving.com/page/"
                                                       + slug))


def t_hospice_diary(d):
    r = d.rng
    pt, wf = d.person(sex="m"), d.person(sex="f")
    nu, ch = d.person(), d.person()
    tpl = r.choice([
        "Hospice diary, $dt. $pg slept until nine and asked for porridge, which he managed "
        "half of. His wife $wn sat with him all morning and read the letters from their "
        "grandchildren aloud. Pain controlled on the syringe driver; one breakthrough dose at "
        "11:20. In the afternoon the chaplain, $cn, visited and they talked about the farm. "
        "$pg said he is not frightened, only tired. Mouth care two-hourly. $wg went home at "
        "six to feed the dog and will come back early. Night staff to call her on $tel if "
        "anything changes. Written by $nn.",
        "Day 6 at the hospice for $pn ($age). Quieter today; eyes closed most of the time but "
        "squeezes $wg's hand when she speaks. Breathing changed after lunch, with pauses; "
        "family told this may be the last days. $wn asked for the priest and for the window "
        "to stay open. Chaplain $cn came at 4. We moved the bed so the garden can be seen. "
        "Skin intact, catheter draining. Syringe driver renewed at 14:00. The grandchildren "
        "brought drawings, taped to the wall. Entry by $nn, $dt.",
    ])
    return d.render(tpl, dt=E("DATE", date(r, style="d Mon y")), pg=P(pt, pt.given),
                    wn=P(wf, wf.full()), cn=P(ch, ch.full()), wg=P(wf, wf.given),
                    tel=E("PHONE", phone(r, wf.region)), nn=P(nu, nu.full()),
                    pn=P(pt, pt.full()), age=E("AGE", age_str(r, r.randint(60, 96))))


PII_TEMPLATES = [
    t_ot_visit, t_prosthetics, t_slt, t_triage, t_datix, t_complaint, t_transport,
    t_lounge_board, t_vax_list, t_witness, t_pedigree, t_ward_photo, t_email_sig, t_fax_ocr,
    t_transfusion, t_cd_register, t_pager, t_safeguarding, t_outbreak, t_screening,
    t_interp, t_chaplaincy, t_national_id, t_script_msg, t_chat, t_short, t_overlay,
    t_fundraiser, t_hospice_diary,
]


# ---------------------------------------------------------------------------------------------
# Texts without identifiers (traps). Each returns plain text; no span is expected.

def pick(r, *opts):
    """One of the variants, or all of them when r is None."""
    return list(opts) if r is None else r.choice(opts)


def x_prosthetics(r):
    return pick(
        r,
        "Syme amputation healed; Pirogoff was considered but the heel pad was viable. Cast for "
        "a first socket next week.",
        "Boyd versus Gritti-type through-knee level discussed at the limb MDT; vascular team "
        "favour a transfemoral level.",
        "Ertl osteomyoplastic bridge at revision. Liner from Össur, foot from Ottobock.",
        "Upper-limb clinic: Hosmer hook with a Dorrance-style terminal device trialled; prefers "
        "a cosmetic hand for church.",
        "Endolite knee serviced; hydraulic cylinder leaking. Loan knee issued.",
        "Socket rubbing at the fibular head. Relief made with the heat gun; review in 2 weeks.",
    )


def x_slt(r):
    return pick(
        r,
        "Lombard effect noted - speaks louder in the noisy day room. Hearing test requested.",
        "Passy valve trial on the tracheostomy: tolerated 20 minutes, voice weak but clear.",
        "Stammering clinic: Lidcombe programme started with parent-led practice at home.",
        "Frenchay dysarthria assessment completed; moderate flaccid dysarthria.",
        "Makaton signs for more, finished and drink used consistently at nursery.",
        "Parent group follows the Hanen approach: follow the child's lead, wait, listen.",
        "Swallow screen failed on thin fluids. Nil by mouth pending SLT review.",
    )


def x_transfusion(r):
    return pick(
        r,
        "Antibody screen positive: anti-Kell. Kell-negative units requested from the blood bank.",
        "Duffy null phenotype; anti-Fya identified. Extended phenotype matched units needed.",
        "Anti-Kidd antibodies can cause delayed haemolysis; repeat DAT at day 7.",
        "Lutheran antigens are rarely clinically significant.",
        "Kleihauer-Betke test: fetomaternal haemorrhage under 4 ml; standard anti-D dose.",
        "Two-person check completed at the bedside. Observations at 15 min stable.",
    )


def x_infection(r):
    return pick(
        r,
        "Serratia marcescens on the neonatal unit: cohort nursing, screen all babies weekly.",
        "Klebsiella pneumoniae (carbapenemase producer) - side room, contact precautions.",
        "Listeria in a pregnant patient: amoxicillin and gentamicin started.",
        "Salmonella enteritidis from the stool sample; report to public health.",
        "Shigella sonnei cluster linked to a nursery; exclusion for 48 h after symptoms.",
        "Yersinia enterocolitica mimicking appendicitis; terminal ileitis on scan.",
        "Legionella antigen negative. Burkholderia cepacia in sputum of a CF patient.",
        "Morganella and Providencia in the same urine - probably contaminant; repeat.",
        "Outbreak declared over: 72 hours since the last new case. Bay reopened after clean.",
    )


def x_vaccines(r):
    return pick(
        r,
        "Shingles: Zostavax is no longer used; two doses of the recombinant vaccine instead.",
        "Bexsero and Trumenba are both MenB vaccines; not interchangeable mid-course.",
        "Pneumovax given today; Prevenar was given in infancy.",
        "Fluenz nasal spray for the children's clinic; injectable for the over-65s.",
        "RSV: Arexvy for adults at 75, Abrysvo in pregnancy from 28 weeks.",
        "Comirnaty and Spikevax stock checked; Nuvaxovid no longer supplied.",
        "Infant schedule: Vaxelis or Infanrix hexa at 8, 12, 16 weeks; Rotarix oral.",
        "Boostrix in pregnancy. Menveo or Nimenrix for travellers; Gardasil in year 8.",
    )


def x_genetics(r):
    return pick(
        r,
        "Niemann-Pick type C suspected: vertical gaze palsy, splenomegaly. Biomarkers sent.",
        "Tay-Sachs carrier testing offered to both partners.",
        "Rett syndrome: hand-wringing, regression at 18 months. MECP2 confirmed.",
        "Bardet-Biedl features: polydactyly, rod-cone dystrophy, obesity. Alström less likely.",
        "Joubert syndrome: molar tooth sign on MRI. Meckel-Gruber excluded in the sibling.",
        "Zellweger spectrum disorder - very long chain fatty acids raised.",
        "Menkes disease: kinky hair, low copper. Copper histidine started.",
        "Pedigree: proband's mother and maternal grandmother affected; father unaffected; two "
        "sisters untested.",
    )


def x_surgery(r):
    return pick(
        r,
        "Pinney's sign not elicited. Quincy drained under local; tonsillectomy later.",
        "Linton procedure was historical; now endovenous ablation.",
        "Richter hernia with a knuckle of bowel; Littre hernia contains a Meckel diverticulum.",
        "Morgagni hernia on CT, incidental.",
        "Pectus excavatum: Nuss bar planned; Ravitch repair not needed. Haller index 3.6.",
        "Garrod's pads on the knuckles; no Dupuytren-like cords.",
        "Hoffa fat pad impingement; Iselin disease in the adolescent sibling.",
        "Bertolotti syndrome and Baastrup disease on the lumbar MRI; Forestier disease excluded.",
    )


def x_neuro(r):
    return pick(
        r,
        "Holdsworth classification no longer used; TLICS score 5.",
        "Tarlov cysts at S2, incidental. Dandy-Walker variant on the infant's scan.",
        "Sturge-Weber: port-wine stain and seizures. Von Hippel-Lindau screening advised.",
        "Bourneville disease (tuberous sclerosis); Recklinghausen disease in the other twin.",
        "Galant reflex persists at 9 months. Chaddock and Oppenheim signs negative.",
        "Roos test positive; thoracic outlet suspected. Homan sign is unreliable.",
        "Silfverskiöld test: gastrocnemius tightness only. Stretching programme.",
    )


def x_wordnames(r):
    return pick(
        r,
        "Periorbital bruising - panda eyes - after the fall; CT head for base of skull fracture.",
        "Injury: struck his thumb with a claw hammer while hanging a picture. Nail bed repair.",
        "Stood on a garden rake; puncture wound through the trainer. Tetanus given.",
        "Scaffold collapsed - the builder said the wall was out of plumb. Fractured wrist.",
        "Allotment injury: hit his own foot with a mattock. Toe fracture, buddy strapped.",
        "Fencing: the post-hole auger kicked back, twisting injury to the wrist.",
        "OT: plays chess every day, rook and knight moves practised with the weak hand.",
        "Bird-fancier's lung suspected; a starling roost in the loft, pigeons next door.",
        "New teal scrubs for the theatre staff from Monday.",
        "Foraging: ate water crowfoot by mistake, mouth blistering. Poisons advice sought.",
    )


def x_org_units(r):
    return pick(
        r,
        "The Kidd Unit (day case) is closed on bank holidays.",
        "Linton Suite: pre-op assessment moved to the first floor.",
        "Prosthetic spares are kept in the Ertl store room behind the gym.",
        "Salmonella reporting line is on the public health page, not the ward phone.",
        "Syme Ward has 2 beds free and one side room.",
    )


def x_chat(r):
    return pick(
        r,
        "can someone bring the spare socket socks from clinic 3",
        "lounge is full, send the next ones to the day room",
        "anyone know the code for the prosthetics store?",
        "fax machine jammed again, using email for referrals",
        "pls sign the CD book before you go",
        "transport cancelled for the 2pm, will rebook",
    )


def x_boards(r):
    return pick(
        r,
        "DISCHARGE LOUNGE\nCHAIR 1 | READY\nCHAIR 2 | PHARMACY\nCHAIR 3 | EMPTY",
        "VACCINATION CLINIC TODAY\nFLU 09:00-12:00  RSV 13:00-16:00",
        "TRIAGE: WAIT 2H 40M  MAJORS FULL",
        "OUTBREAK - BAY 4 CLOSED - NO ADMISSIONS",
        "FAX TEST PAGE - PLEASE IGNORE",
        "L KNEE AP STANDING\nKV 65 MAS 8",
    )


def x_captions(r):
    return pick(
        r,
        "Photo: a cake in the shape of a prosthetic leg at the limb centre's summer party.",
        "Caption: staff in fancy dress for the hospice fun run.",
        "Image of a discharge lounge with six recliner chairs, two occupied, faces blurred.",
        "A vaccination station: sharps bin, cool box, two trays of syringes.",
        "Photo of the new sensory garden outside the children's ward.",
    )


def x_short(r):
    return pick(
        r,
        "TTO ready.",
        "Socket fits.",
        "Swallow safe.",
        "Declined flu jab.",
        "Witness present.",
        "No harm.",
        "Interpreter not needed.",
    )


def x_long(r):
    return pick(
        r,
        "Home visit summary (no identifiers on this copy): lives alone in a terraced house, "
        "bedroom and bathroom upstairs, thirteen steps with a rail on one side. Manages "
        "stairs slowly with the rail and a stick. Bath board and seat fitted; shower over "
        "the bath not suitable. Kitchen: can make a hot drink, uses a trolley. Falls twice "
        "this year, both at night going to the toilet. Plan: commode upstairs, second "
        "stair rail, pendant alarm, review in four weeks. Family visit daily and agree.",
        "Incident review (anonymised): a patient was given a dose of insulin meant for the "
        "patient in the next bed. The error was noticed within ten minutes; glucose was "
        "monitored hourly and stayed above 5. The patient was told and apologised to the "
        "same day. Causes: two patients with similar names in one bay, wristbands not "
        "checked, a distraction at the drug round. Actions: name alert stickers, "
        "do-not-disturb tabards, and wristband checks audited monthly.",
    )


TRAP_TEMPLATES = [x_prosthetics, x_slt, x_transfusion, x_infection, x_vaccines, x_genetics,
                  x_surgery, x_neuro, x_wordnames, x_org_units, x_chat, x_boards, x_captions,
                  x_short, x_long]

# Phrases in which a word-name of the pool is an ordinary word (masked before the checks).
DECLARED = ["panda eyes", "claw hammer", "garden rake", "out of plumb", "with a mattock",
            "post-hole auger", "rook and knight", "starling roost", "teal scrubs",
            "water crowfoot"]

# Trap terms, brands, units and coded words this corpus introduces (checked against the earlier
# generators like the names).
TRAP_TERMS = [
    "Syme", "Pirogoff", "Boyd", "Gritti", "Ertl", "Össur", "Ottobock", "Hosmer", "Dorrance",
    "Endolite", "Lombard", "Passy", "Lidcombe", "Frenchay", "Makaton", "Hanen", "Kell",
    "Duffy", "Kidd", "Lutheran", "Betke", "Serratia", "Klebsiella", "Listeria", "Salmonella",
    "Shigella", "Yersinia", "Legionella", "Burkholderia", "Morganella", "Providencia",
    "Zostavax", "Bexsero", "Trumenba", "Pneumovax", "Prevenar", "Fluenz", "Arexvy", "Abrysvo",
    "Comirnaty", "Spikevax", "Nuvaxovid", "Vaxelis", "Infanrix", "Boostrix", "Menveo",
    "Nimenrix", "Gardasil", "Rotarix", "Niemann", "Tay", "Rett", "Bardet", "Biedl", "Alström",
    "Joubert", "Gruber", "Zellweger", "Menkes", "Pinney", "Quincy", "Linton", "Richter",
    "Littre", "Morgagni", "Nuss", "Ravitch", "Haller", "Garrod", "Hoffa", "Iselin",
    "Bertolotti", "Baastrup", "Forestier", "Holdsworth", "Tarlov", "Dandy", "Sturge", "Hippel",
    "Lindau", "Bourneville", "Recklinghausen", "Galant", "Chaddock", "Oppenheim", "Roos",
    "Homan", "Silfverskiöld",
]

def build():
    rng = random.Random(SEED)
    pool = Pool(rng)
    out = []
    meta = []
    seen = set()
    order = []
    while len(order) < N_PII:
        batch = list(PII_TEMPLATES)
        rng.shuffle(batch)
        order.extend(batch)
    order = order[:N_PII]
    pii = []
    for f in order:
        for _ in range(50):
            d = Doc(rng, pool)
            text, ents = f(d)
            if text not in seen:
                break
        else:
            fail("could not make a new text with " + f.__name__)
        seen.add(text)
        pii.append((text, ents, d, f.__name__))
    traps = [t for f in TRAP_TEMPLATES for t in f(None)]
    if len(set(traps)) != len(traps):
        fail("duplicate trap variants")
    keep = x_wordnames(None) + x_org_units(None)
    rest = [t for t in traps if t not in keep]
    traps = keep + rng.sample(rest, N_TRAP - len(keep))
    items = [("pii", x) for x in pii] + [("trap", t) for t in traps]
    rng.shuffle(items)
    for i, (k, x) in enumerate(items):
        tid = "blind10-%03d" % (i + 1)
        if k == "trap":
            out.append({"id": tid, "text": x, "entities": []})
            meta.append(dict(ents=[], ocr=False, template="trap"))
            continue
        text, ents, d, name = x
        ids = {}
        spans = []
        for (s, e, kind, who, surf) in sorted(ents, key=lambda t: (t[0], t[1])):
            ent = {"start": s, "end": e, "type": kind}
            if kind == "PERSON":
                if id(who) not in ids:
                    ids[id(who)] = "p%d" % (len(ids) + 1)
                ent["person"] = ids[id(who)]
            spans.append(ent)
        out.append({"id": tid, "text": text, "entities": spans})
        meta.append(dict(ents=sorted(ents, key=lambda t: (t[0], t[1])), ocr=d.ocr, template=name))
    return out, meta, pool


# ---------------------------------------------------------------------------------------------
# Self-check.

def earlier_sources():
    here = os.path.abspath(__file__)
    corpus = os.path.join("sanitizer", "corpus")
    files = sorted(glob.glob(os.path.join(corpus, "generate*.py")))
    files += sorted(glob.glob(os.path.join(corpus, "blind*.jsonl")))
    files = [f for f in files
             if os.path.abspath(f) != here and os.path.basename(f) not in FORBIDDEN]
    gens = [f for f in files if f.endswith(".py")]
    if len(gens) < 11 or len(files) < 19:
        fail("expected the eleven earlier generators and blind..blind8.jsonl next to this one "
             "(run from the repo root)")
    texts = [open(f, encoding="utf-8").read() for f in files]
    with open(os.path.join("sanitizer", "corpus", "names.json"), encoding="utf-8") as fh:
        names = json.load(fh)
    for v in names.values():
        texts.append(" ".join(v))
    return texts


def mask(text, spans):
    chars = list(text)
    for s, e in spans:
        for i in range(s, e):
            chars[i] = " "
    low = "".join(chars).lower()
    for ph in DECLARED:
        low = low.replace(ph, " " * len(ph))
    return low


# No organisation or place is exempt from the key-word check in this corpus.
PLACE_EXEMPT = set()

def check(out, meta, pool):
    # 1. Nothing of this corpus's vocabulary occurs in the earlier generators or names.json.
    srcs = earlier_sources()
    earlier = set()
    for t in srcs:
        earlier |= set(tokens(t))
    earlier_low = "\n".join(srcs).lower()
    names = pool.name_words()
    probe = {w for w in names if len(w) > 2}
    probe |= {w for t in TRAP_TERMS for w in tokens(t) if len(w) > 2}
    clash = sorted(probe & earlier)
    if clash:
        fail("name parts or trap terms found in earlier generators or names.json: "
             + ", ".join(clash))
    bad = []
    for phrase in [o for v in ORGS.values() for o in v] + [p for v in PLACES.values() for p in v]:
        if re.search(r"(?<!\w)" + re.escape(phrase.lower()) + r"(?!\w)", earlier_low):
            fail("organisation or place found in earlier generators: " + phrase)
        keys = [w for w in tokens(phrase) if w not in GENERIC and len(w) > 2]
        if keys and all(w in earlier for w in keys) and phrase not in PLACE_EXEMPT:
            fail("organisation or place made only of words of earlier generators: " + phrase)
        hit = [w for w in keys if w in earlier and phrase not in PLACE_EXEMPT]
        if hit:
            bad.append("%s (%s)" % (", ".join(hit), phrase))
    if bad:
        fail("organisation or place key words found in earlier generators: " + "; ".join(bad))
    # Street and district words of the addresses (sampled with a separate generator so the
    # corpus itself does not change).
    probe_rng = random.Random(SEED + 1)
    words = set()
    for reg in sorted(REGIONS) + [None]:
        for _ in range(40):
            words |= set(tokens(address(probe_rng, reg)))
    shared = sorted(w for w in words if w in earlier and w not in GENERIC and len(w) > 2)
    if shared:
        fail("address words found in earlier generators: " + ", ".join(shared))
    # 2. Shape.
    if len(out) != N_PII + N_TRAP:
        fail("expected %d texts, got %d" % (N_PII + N_TRAP, len(out)))
    if len({o["id"] for o in out}) != len(out) or len({o["text"] for o in out}) != len(out):
        fail("ids or texts not unique")
    with_names = sum(1 for o in out if any(e["type"] == "PERSON" for e in o["entities"]))
    empty = sum(1 for o in out if not o["entities"])
    if (with_names, empty) != (N_PII, N_TRAP):
        fail("shape %r, expected %r" % ((with_names, empty), (N_PII, N_TRAP)))
    # 3. Spans.
    for o, m in zip(out, meta):
        text, ents = o["text"], o["entities"]
        tid = o["id"]
        prev_end = 0
        who_of = {}
        id_of = {}
        for e, raw in zip(ents, m["ents"]):
            s, t, kind = e["start"], e["end"], e["type"]
            if kind not in KINDS:
                fail("%s: bad type %s" % (tid, kind))
            if not (0 <= s < t <= len(text)):
                fail("%s: empty or out-of-range span" % tid)
            if s < prev_end:
                fail("%s: overlapping or unsorted spans" % tid)
            prev_end = t
            sl = text[s:t]
            if sl != raw[4]:
                fail("%s: slice %r is not the inserted %r" % (tid, sl, raw[4]))
            if sl != sl.strip() or not sl.strip():
                fail("%s: span not trimmed: %r" % (tid, sl))
            if (kind == "PERSON") != ("person" in e):
                fail("%s: person id on a non-PERSON span or missing" % tid)
            if kind == "PERSON":
                p = raw[3]
                pid = e["person"]
                if who_of.setdefault(pid, id(p)) != id(p) or id_of.setdefault(id(p), pid) != pid:
                    fail("%s: person ids inconsistent" % tid)
                if not m["ocr"]:
                    parts = set(p.parts())
                    inits = {w[0] for w in parts}
                    for tok in tokens(sl):
                        if tok in parts:
                            continue
                        if all(c in inits for c in tok) and len(tok) <= 4:
                            continue
                        fail("%s: mention %r is not a form of its person" % (tid, sl))
        low = mask(text, [(e["start"], e["end"]) for e in ents])
        rest = set(tokens(low))
        for raw in m["ents"]:
            if raw[2] == "PERSON":
                leak = {w for w in raw[3].parts() if len(w) > 2 and w not in PARTICLES} & rest
                if leak:
                    fail("%s: name part outside a span: %s" % (tid, ", ".join(sorted(leak))))
        leak = {w for w in rest if len(w) > 2} & names
        if leak:
            fail("%s: pool name word outside a span: %s" % (tid, ", ".join(sorted(leak))))


def main():
    out, meta, pool = build()
    check(out, meta, pool)
    with open(OUT, "w", encoding="utf-8", newline="\n") as fh:
        for o in out:
            fh.write(json.dumps(o, ensure_ascii=False) + "\n")
    counts = {}
    for o in out:
        for e in o["entities"]:
            counts[e["type"]] = counts.get(e["type"], 0) + 1
    with_pii = sum(1 for o in out if o["entities"])
    sys.stdout.write("wrote %s: %d texts, %d with identifiers, %d without; spans %s\n" % (
        OUT, len(out), with_pii, len(out) - with_pii,
        ", ".join("%s %d" % kv for kv in sorted(counts.items()))))


if __name__ == "__main__":
    main()
