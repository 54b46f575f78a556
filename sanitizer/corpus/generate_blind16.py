#!/usr/bin/env python3
"""Deterministic generator for the sanitizer's sixteenth BLIND corpus (blind16.jsonl), the
nineteenth corpus overall.

Run from the repository root:  python3 sanitizer/corpus/generate_blind16.py
Output is byte-identical on every run (own seed, no clock, no environment).

Blind by construction: written without running the sanitizer on it and without reading the
sanitizer's source or its generalisation tests, so it is fitted to the system in neither
direction. It is meant to be scored ONCE, later, by someone other than its author.
Templates, word lists and names share nothing by design with generate.py (dev),
generate_heldout.py (heldout), generate_test.py (test) and generate_blind.py ..
generate_blind15.py (blind .. blind15): the self-check at the end refuses any pool name
part, nickname, trap term, organisation key word or place found (as a whole word,
case-insensitive) in those files, in their .jsonl outputs or in names.json. Only name
particles and one- or two-letter tokens are exempt.

Genres and their shapes (300 texts: 220 naming a person, 80 with no identifier), chosen to
differ from every earlier corpus: pain-clinic stimulator programming, cardioversion lists,
echo and spirometry reports, pleural clinic, eye casualty triage, intravitreal injection
lists, cataract biometry, low-vision assessments, ENT nasendoscopy and epistaxis notes, hand
trauma and burns dressing clinics, virtual fracture clinic, plaster room, bone-marrow
biopsy, iron infusion, day-surgery next-day calls, pre-operative questionnaires, recovery
handovers, thrombolysis calls, MS relapse line, spasticity clinics, mole mapping, early
pregnancy unit, health-visitor red-book entries, tongue-tie clinic, autism assessment,
CAMHS crisis line, supervised methadone consumption, needle exchange, street-outreach
clinics, food-bank vouchers, social prescribing, befriending calls, carers' assessments,
continence deliveries, stairlift assessments, fire-service safe-and-well visits, community
first responders, GP registration forms, online consultations, prescription collection
logs, medical-examiner scrutiny, DoLS and best-interests minutes, capacity assessments,
advance decisions, police-custody healthcare, ringside and motorsport medical logs, school
trip consent, summer-camp infirmary, student welfare, in-flight medical reports, offshore
platform medics, video-consultation transcripts, pacemaker checks, sample rejections,
wristband reprints, device recalls, hospital radio requests, patient-library rounds,
estates tickets, multi-source feedback, DOPS logbooks, resus trolley checks, post-fall
huddles, NG tube checks, hospital-at-night handovers, virtual-ward huddles and chat
messages in lower case. People are mentioned repeatedly and partially (surname only, given
name only, title + surname, initials, nickname, upper-case surname first, a form in
Cyrillic) and every mention carries one ``person`` id. The texts without identifiers are
traps: eponyms no earlier corpus used (eye, ear, blood-group, lysosomal and anatomical
names), eye-drop, nasal and analgesic brand names, English animal and garment words used as
words (a button battery, a purse-string suture, mantle cell lymphoma, fish roe, steer the
plan), given names that are words (a server), surnames that are also words or famous
figures (Padrón peppers, Compton scattering, Descartes, dorsa), organisation names, anatomy
and capitalised sentence openers.

Names are real, listed by hand from general knowledge of public name lists and naming
studies (nothing downloaded). Every earlier docstring was read; the briefed candidates
Faroese, Basque, Sámi, Malagasy, Tongan, Kurdish, Wolof, Maltese, Cherokee, Navajo,
Tatar, Shona, Quechua, Pashtun, Gurung, Yoruba, Hawaiian, Samoan, Fijian and Lakota were
all found in earlier docstrings or pools and left out, as were Mari (next to Chuvashia),
Niuean (between Tonga and the Cook Islands) and Udmurt (whose own family names the author
could not list with confidence). Five traditions and one English word class remain, far
fewer than twenty (the generator had an hour), none listed in an earlier docstring and none
next to a region briefed for blind7 .. blind15. Two sit near blind .. blind6 regions
without sharing their traditions: Bashkortostan borders Tatarstan (blind6), and the
Crimean Tatars, a Kipchak people of Crimea, are not the Volga Tatars of Tatarstan; the
Canaries face Morocco (blind2) and Western Sahara, not Mauritania. The self-check confirms
that no name part of these pools occurs in an earlier file:
- Crimean Tatars (Bakhchysarai, Sudak, Yevpatoria): -ov / -ev family names with -ova /
  -eva female forms (Cemilev, Çubarov, Umerov, Seitablaev, Kurtumerov, Abdureshitov,
  Islyamov, Seitveliev, Emirsaliev) and Crimean Tatar given names (Refat, Akhtem, Nariman,
  Lenur, Server, Dilyaver, Eskender; Elmaz, Esma, Zera, Ayshe, Mumine, Safie, Dzhemile);
- Arbëreshë (the Albanian villages of Calabria and Sicily: Lungro, Frascineto, Piana degli
  Albanesi): Schirò, Matranga, Bellusci, Camodeca, Chidichimo, Dorsa, Variboba, Stratigò,
  Masci, Cuccia and the particle name De Rada, with the Greek-rite given names the villages
  keep (Demetrio, Atanasio, Epifanio, Spiridione; Costantina, Eleuteria, Crocifissa);
- Canary Islands: Canarian family names (Tacoronte, Bencomo, Perdomo, Betancor, Dorta,
  Hormiga, Melián, Padrón), written singly, as two surnames or hyphenated, and the
  Guanche-derived given names Canarian parents choose (Ancor, Yeray, Tanausú, Beneharo,
  Nauzet, Echedey, Airam, Ayoze; Acerina, Guacimara, Idaira, Chaxiraxi, Yurena, Dácil);
- Saint Lucia (Kwéyòl-speaking families of Castries, Soufrière, Micoud, Dennery): Chastanet,
  Charlemagne, Flavien, Mathurin, Felicien, Louisy, Lansiquot, Descartes, Compton and the
  particle names St Omer and Jn Baptiste; given names Dunstan, Claudius, Calixte,
  Theophilus; Virginie, Lucienne, Marcelline, Albertha, Florentine;
- Bashkortostan (Ufa, Sterlitamak, Baymak, Sibay): Bashkir family names (Yulaev, Validi,
  Gabitov, Bikbov, Yanbaev, Khamitov, Murtazin, Gaisin, Nasyrov) with -a female forms, and
  given names (Salawat, Azamat, Timerbulat, Ilgiz, Mustai, Zagir; Zulfiya, Gulnur, Zemfira,
  Zaynab, Gulshat), also written in Bashkir Cyrillic (Юлаев, Ғабитов, Салауат, Гөлнур);
- English family names that are animals and garments, a word class no earlier corpus used
  (Bullock, Stagg, Roe, Wolfe, Hare, Coney, Steer, Mantle, Button, Hatt, Purse, Tippett,
  Bullen), with old biblical and Puritan given names (Lettice, Dorcas, Tabitha, Jemima,
  Tryphena, Mehitabel; Jethro, Enoch, Lemuel, Silas, Gideon, Ezekiel) and their nicknames.

Span rules (as in blind6): PERSON spans cover the name only, never a title (Dr, Mr, Mrs, Ms,
Miss, Nurse) and never a possessive 's; AGE spans cover the number with its unit; DATE spans
cover a full date; ID, PHONE, EMAIL, URL, SSN spans cover the value only, not its label.
Gold spans are recorded while the text is built, never found by searching afterwards.
"""

import os
import random
import re
import sys
import unicodedata

import corpus_kit

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "blind16.jsonl")
SEED = 1616_2026

PARTICLES = {"de", "st", "jn"}

# region -> (given names with sex, family names, nicknames)
REGIONS = {
    "crimean": (
        [("Refat", "m"), ("Akhtem", "m"), ("Nariman", "m"), ("Lenur", "m"), ("Server", "m"),
         ("Dilyaver", "m"), ("Eskender", "m"), ("Elmaz", "f"), ("Esma", "f"), ("Zera", "f"),
         ("Ayshe", "f"), ("Mumine", "f"), ("Safie", "f"), ("Dzhemile", "f")],
        ["Cemilev", "Çubarov", "Umerov", "Seitablaev", "Kurtumerov", "Abdureshitov",
         "Islyamov", "Seitveliev", "Emirsaliev", "Bekirov", "Ablaev"],
        {},
    ),
    "arbereshe": (
        [("Demetrio", "m"), ("Atanasio", "m"), ("Epifanio", "m"), ("Spiridione", "m"),
         ("Costantina", "f"), ("Eleuteria", "f"), ("Crocifissa", "f"), ("Santina", "f")],
        ["Schirò", "Matranga", "Bellusci", "Camodeca", "Chidichimo", "Dorsa", "Variboba",
         "Stratigò", "Masci", "Cuccia", "De Rada"],
        {},
    ),
    "canarian": (
        [("Ancor", "m"), ("Yeray", "m"), ("Tanausú", "m"), ("Beneharo", "m"), ("Nauzet", "m"),
         ("Echedey", "m"), ("Airam", "m"), ("Ayoze", "m"), ("Acerina", "f"),
         ("Guacimara", "f"), ("Idaira", "f"), ("Chaxiraxi", "f"), ("Yurena", "f"),
         ("Dácil", "f")],
        ["Tacoronte", "Bencomo", "Perdomo", "Betancor", "Dorta", "Hormiga", "Melián",
         "Padrón", "Perdomo Melián", "Tacoronte-Betancor", "Dorta Hormiga"],
        {},
    ),
    "stlucian": (
        [("Dunstan", "m"), ("Claudius", "m"), ("Calixte", "m"), ("Theophilus", "m"),
         ("Virginie", "f"), ("Lucienne", "f"), ("Marcelline", "f"), ("Albertha", "f"),
         ("Florentine", "f")],
        ["Chastanet", "Charlemagne", "Flavien", "Mathurin", "Felicien", "Louisy",
         "Lansiquot", "Descartes", "Compton", "St Omer", "Jn Baptiste"],
        {"Theophilus": "Theo"},
    ),
    "bashkir": (
        [("Salawat", "m"), ("Azamat", "m"), ("Timerbulat", "m"), ("Ilgiz", "m"),
         ("Mustai", "m"), ("Zagir", "m"), ("Zulfiya", "f"), ("Gulnur", "f"), ("Zemfira", "f"),
         ("Zaynab", "f"), ("Gulshat", "f")],
        ["Yulaev", "Validi", "Gabitov", "Bikbov", "Yanbaev", "Khamitov", "Murtazin", "Gaisin",
         "Nasyrov"],
        {},
    ),
    "english": (
        [("Jethro", "m"), ("Enoch", "m"), ("Lemuel", "m"), ("Silas", "m"), ("Gideon", "m"),
         ("Ezekiel", "m"), ("Lettice", "f"), ("Dorcas", "f"), ("Tabitha", "f"),
         ("Jemima", "f"), ("Tryphena", "f"), ("Mehitabel", "f")],
        ["Bullock", "Stagg", "Roe", "Wolfe", "Hare", "Coney", "Steer", "Mantle", "Button",
         "Hatt", "Purse", "Tippett", "Bullen", "Coney-Hatt"],
        {"Tabitha": "Tabby", "Jemima": "Mima", "Ezekiel": "Zeke", "Lettice": "Letty"},
    ),
}
# Bashkir Cyrillic forms of some family and given names.
CYR_FAM = {"Yulaev": "Юлаев", "Gabitov": "Ғабитов", "Khamitov": "Хәмитов",
           "Murtazin": "Мортазин", "Gaisin": "Ғәйсин", "Nasyrov": "Насыров",
           "Bikbov": "Бикбов", "Yanbaev": "Янбаев"}
CYR_GIVEN = {"Salawat": "Салауат", "Azamat": "Әзәмәт", "Timerbulat": "Тимербулат",
             "Ilgiz": "Илгиз", "Mustai": "Мостай", "Zagir": "Заһир", "Zulfiya": "Зөлфиә",
             "Gulnur": "Гөлнур", "Zemfira": "Земфира", "Zaynab": "Зәйнәб", "Gulshat": "Гөлшат"}
FEM_REGIONS = ("crimean", "bashkir")
# Pronoun slots ({p1.his}): (male form, female form); never part of a span.
PRONOUNS = {"he": ("he", "she"), "He": ("He", "She"), "his": ("his", "her"),
            "His": ("His", "Her"), "him": ("him", "her")}

PLACES = {
    "crimean": ["Bakhchysarai", "Sudak", "Yevpatoria"],
    "arbereshe": ["Lungro", "Frascineto", "Spezzano Albanese", "Piana degli Albanesi"],
    "canarian": ["Telde", "Arrecife", "Güímar", "Agüimes"],
    "stlucian": ["Castries", "Soufrière", "Micoud", "Dennery"],
    "bashkir": ["Ufa", "Sterlitamak", "Baymak", "Sibay"],
    "english": ["Bungay", "Holmfirth", "Olney", "Tenbury"],
}
ORG_WORDS = ["Quenby", "Marwood", "Hexford", "Stellbrook", "Orrinsay", "Pellacombe"]
ORG_KINDS = ["Eye Unit", "Pain Service", "Community Trust", "Medical Practice",
             "Recovery Hub", "Health Partnership"]

# Trap vocabulary (no identifiers): eponyms, brands, name words used as words.
TRAPS = ["Donath", "Landsteiner", "Cabot", "Mott", "Hurler", "Maroteaux", "Lamy", "Wolman",
         "Canavan", "Costello", "Goldenhar", "Moebius", "Pacini", "Ruffini", "Disse",
         "Cantlie", "Gimbernat", "Cherney", "Nabothian", "Graafian", "Steell", "Gradenigo",
         "Bielschowsky", "Mittendorf", "Bergmeister", "Elschnig", "Trantas", "Khodadoust",
         "Xailin", "Optive", "Ganfort", "Sterimar", "Earcalm", "Otex", "Merocel", "Ikervis",
         "Vabysmo", "Minims", "Clinitas", "Thealoz", "Blephaclean", "Ocusoft", "Hyabak",
         "Artelac", "Celluvisc", "Beconase", "Otosporin", "Locorten", "Gentisone", "Ciloxan",
         "Reletrans", "Versatis", "Qutenza", "Flixonase",
         "button", "purse", "mantle", "roe", "steer", "hare", "server", "Padrón", "Compton",
         "Descartes", "dorsa", "bullock", "stag", "Vitus", "canary"]

MON = ["January", "February", "March", "April", "May", "June", "July", "August",
       "September", "October", "November", "December"]
MON3 = [m[:3] for m in MON]


def feminine(fam):
    """The -a female form of an -ov / -ev / -in family name."""
    if fam.endswith(("ov", "ev", "in")):
        return fam + "a"
    return fam


class Person:
    """One person of a text: given, family, sex, region."""

    def __init__(self, rng, region, script=False, sex=None, particle=False):
        given, fam, nick = REGIONS[region]
        pool = [g for g in given if g[1] == sex] if sex else given
        self.region = region
        if script:
            pool = [g for g in pool if g[0] in CYR_GIVEN] or pool
        self.given, self.sex = rng.choice(pool)
        fams = fam
        if particle:
            fams = [f for f in fam if f.split()[0].lower() in PARTICLES]
        elif script:
            fams = sorted(CYR_FAM)
        self.fam = rng.choice(fams)
        if region in FEM_REGIONS and self.sex == "f":
            self.fam_form = feminine(self.fam)
        else:
            self.fam_form = self.fam
        self.nick = nick.get(self.given)

    def full(self):
        return f"{self.given} {self.fam_form}"

    def sur(self):
        return self.fam_form

    def initials(self, dots=True):
        parts = self.full().replace("-", " ").split()
        parts = [p for p in parts if p.lower() not in PARTICLES]
        j = "." if dots else ""
        return j.join(p[0] for p in parts) + j

    def form(self, rng, kind):
        s = self.sur()
        g = self.given
        if kind == "f":
            return self.full()
        if kind == "g":
            return g
        if kind == "s":
            return s
        if kind == "i":
            return self.initials(dots=rng.random() < 0.5)
        if kind == "is":
            return f"{g[0]}. {s}"
        if kind == "U":
            return self.full().upper()
        if kind == "SU":
            return f"{s.upper()}, {g}"
        if kind == "l":
            return (self.nick or g).lower()
        if kind == "n":
            return self.nick or g
        if kind in PRONOUNS:
            return PRONOUNS[kind][self.sex == "f"]
        if kind == "x":
            if self.region == "bashkir" and self.fam in CYR_FAM:
                cyr = CYR_FAM[self.fam] + ("а" if self.sex == "f" else "")
                return f"{CYR_GIVEN.get(g, g)} {cyr}"
            return self.full()
        raise ValueError(kind)

    def title(self, rng):
        """The person's title, chosen once and kept for every later mention."""
        if not hasattr(self, "_title"):
            if self.sex == "m":
                self._title = rng.choice(["Mr", "Mr.", "Dr"])
            else:
                self._title = rng.choice(["Mrs", "Ms", "Miss", "Dr"])
        return self._title


class Doc(corpus_kit.TemplateDoc):
    """Builds one text and its gold spans by construction."""

    def __init__(self, rng, regions, script=False, particle=False):
        super().__init__(rng)
        self.script = script
        self.particle = particle
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
                p = Person(self.rng, region, self.script and first, self.sexes.get(key),
                           self.particle and first)
                if all(p.given != q.given and p.sur() != q.sur()
                       and p.fam.split()[-1] not in q.fam.replace("-", " ").split()
                       and q.fam.split()[-1] not in p.fam.replace("-", " ").split()
                       for q in self.people.values()):
                    break
            self.people[key] = p
        return self.people[key]

    def slot(self, name):
        rng = self.rng
        if re.fullmatch(r"p\d=[mf]", name):
            self.sexes[name[:2]] = name[3]
        elif re.fullmatch(r"p\d(\.\w+)?", name):
            key, _, kind = name.partition(".")
            p = self.person(key)
            if kind in PRONOUNS:
                self.add(p.form(rng, kind))
            else:
                self.add(p.form(rng, kind or "f"), "PERSON", key)
        elif re.fullmatch(r"t\d", name):
            self.add(self.person("p" + name[1]).title(rng))
        elif name == "DATE":
            self.add(date(rng), "DATE")
        elif name == "DOB":
            self.add(date(rng, 1929, 2021), "DATE")
        elif name == "AGE":
            self.add(age(rng), "AGE")
        elif name == "CAGE":
            self.add(age(rng, 3, 16), "AGE")
        elif name == "CDOB":
            self.add(date(rng, 2012, 2022), "DATE")
        elif name == "ID":
            self.add(ident(rng), "ID")
        elif name == "PHONE":
            self.add(phone(rng), "PHONE")
        elif re.fullmatch(r"EMAIL(:p\d)?", name):
            if ":" in name:
                p = self.person(name[6:])
                local = p.given.split()[0] + "." + p.sur().replace(" ", "").replace("-", "")
                local = strip_accents(local).lower()
            else:
                local = rng.choice(["painclinic", "eyecas.triage", "welfare", "referrals"])
            dom = rng.choice(["nhs.net", "quenbyhealth.org", "hexford.ac.uk", "stellbrook.co.uk"])
            self.add(f"{local}@{dom}", "EMAIL")
        elif name == "URL":
            self.add(rng.choice(["https://", "www.", "http://"]) + rng.choice(
                ["marwood-eye.org/ref/", "orrinsay.nhs.uk/v/", "pellacombe-pain.co.uk/p/"])
                + str(rng.randint(1000, 99999)), "URL")
        elif name == "SSN":
            self.add(f"{rng.randint(100, 899)}-{rng.randint(10, 99)}-{rng.randint(1000, 9999)}",
                     "SSN")
        elif name == "LOC":
            self.add(rng.choice(PLACES[self.region]), "LOCATION")
        elif name == "ORG":
            self.add(f"{rng.choice(ORG_WORDS)} {rng.choice(ORG_KINDS)}", "ORG")
        elif name == "TIME":
            self.add(f"{rng.randint(0, 23):02d}:{rng.choice([0, 10, 25, 30, 41, 55]):02d}")
        elif name == "N":
            self.add(str(rng.randint(2, 48)))
        else:
            raise ValueError(name)


def strip_accents(s):
    """Drops combining marks (for e-mail local parts)."""
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def date(rng, y0=2024, y1=2026):
    """A date in one of several formats."""
    y, m, d = rng.randint(y0, y1), rng.randint(1, 12), rng.randint(1, 28)
    st = rng.randrange(7)
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
    return f"{d:02d} {MON3[m - 1].upper()} {y}"


def age(rng, lo=18, hi=97):
    """An age with its unit."""
    n = rng.randint(lo, hi)
    return rng.choice(["{} years", "{}-year-old", "{} yrs", "{}y", "{}yo"]).format(n)


def ident(rng):
    """A hospital or NHS number in one of several shapes."""
    st = rng.randrange(4)
    if st == 0:
        return f"{rng.randint(400, 799)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"
    if st == 1:
        return f"QB{rng.randint(100000, 999999)}"
    if st == 2:
        return f"{rng.randint(10, 99)}-{rng.randint(100, 999)}-{rng.randint(100, 999)}"
    return f"M{rng.randint(1000000, 9999999)}X"


def phone(rng):
    """A phone number in one of several shapes."""
    st = rng.randrange(4)
    if st == 0:
        return f"07{rng.randint(300, 999)} {rng.randint(100, 999)} {rng.randint(100, 999)}"
    if st == 1:
        return f"+1 758 {rng.randint(450, 729)} {rng.randint(1000, 9999)}"
    if st == 2:
        return f"(01{rng.randint(200, 999)}) {rng.randint(100000, 999999)}"
    return f"+34 928 {rng.randint(100, 999)} {rng.randint(100, 999)}"


# Templates naming people. {pN.kind}: f full, g given, s family, i initials, is initial +
# family, U upper full, SU "FAMILY, Given", l lower-case given/nickname, n nickname,
# x Cyrillic form. {tN}: title of pN (never in the span). [a|b]: one of the options.
PERSON_T = [
    # pain clinic: spinal cord stimulator programming
    "SCS programming note {DATE}. {p1} attended with {p1.his} handset; programme 2 "
    "reduced to 2.1 mA because of tingling in the [left|right] buttock when lying down. "
    "Paraesthesia now covers the whole calf. {p1.g} was shown how to switch to the sleep "
    "programme. Device rep {p2} present throughout. Review by {t3} {p3.s} in three months.",
    "stim clinic - {p1.s} charging the IPG every 2 days, happy. rep ({p2.g}) updated firmware. "
    "no wound issues. {p3.i}",
    # cardioversion list
    "DCCV list {DATE}\n1) {p1.SU}  AF, INR 2.6 (x3 wks OK)  -> SR at 150 J\n2) {p2.SU}  flutter  "
    "-> SR at 100 J\n3) {p3.SU}  cancelled, INR 1.7\nSedation {t4} {p4.s}; cardiologist {p5.is}",
    "{p1} was cardioverted this morning and is in sinus rhythm. {p1.He} asked "
    "whether {p1.he} can drive home; told no, and {p2.g} is collecting at {TIME}. {p1.s}'s "
    "anticoagulation continues for at least four weeks. Discharged by {p3.is}, [CNS|ward "
    "nurse], who gave the leaflet and the arrhythmia line number.",
    # echo report
    "TRANSTHORACIC ECHO\nPatient: {p1.U}   DOB: {DOB}   Hosp no: {ID}\nIndication: breathless "
    "on exertion\nLV mildly dilated, EF 41% (biplane). Moderate functional MR. RVSP 38.\n"
    "Sonographer: {p2.is}   Reported by: {t3} {p3.s}",
    # spirometry
    "Spirometry {DATE}: {p1} ({AGE}), ex-smoker 30 pack-years. FEV1/FVC 0.61 post "
    "bronchodilator - obstructive. Technician {p2.g} notes good effort, 3 acceptable blows. "
    "Result to GP {t3} {p3.s}.",
    # pleural clinic
    "{p3=f}Pleural clinic letter\n\nDear {t1} {p1.s},\n\nI reviewed your patient {p2} today with "
    "{p3.g}, {p2.his} daughter. The right effusion has re-accumulated since the tap on "
    "{DATE}. We discussed an indwelling pleural catheter and {p2.g} would like to go ahead; "
    "{p3.g} will be trained to drain it at home with the district nurses. Pleural fluid "
    "cytology from the first tap was negative, which does not exclude malignancy.\n\n"
    "Yours sincerely,\n{p4}\nRespiratory Registrar",
    # eye casualty triage
    "EYE CAS TRIAGE {TIME}\n{p1.SU} {AGE}\nPC: [chemical splash R eye (oven cleaner)|"
    "sudden floaters L eye|painful red eye, photophobia]\nVA R 6/9 L 6/6\nIrrigated pH 7.5 "
    "by {p2.i}\nCat: urgent, see {p3.is}",
    "{p1=m}eye cas: {p1.l}'s dad rang back, child rubbing eye after sparkler at party - "
    "told to bring him straight in. {p2.i} aware. {TIME}",
    # intravitreal injection list
    "IVT list {DATE} (nurse injector {p1.is})\n{p2.SU}  R  aflibercept  #7\n{p3.SU}  L  "
    "faricimab  #3\n{p4.SU}  R  [DNA - phone|rebooked]\nConsent checked by {p5.i}",
    "{t1} {p1.s} had {p1.his} eye injection today and the pressure afterwards was 19. "
    "{p1.His} neighbour {p2} drove {p1.him} in. {p1.g} asked about the gap between "
    "injections being stretched to 12 weeks; {t3} {p3.s} will decide at the next scan.",
    # cataract biometry
    "Biometry {DATE}: {p1} - AL R 23.41 L 23.38, K1/K2 recorded. Target -0.25 R (first eye). "
    "Lens chosen by {p2.is}. Pt wants distance for driving. Checked by {p3.i}.",
    # low vision
    "{p3=m}Low vision assessment\nClient: {p1}, {AGE}\nReferred by: {p2}, optometrist, {ORG}\n"
    "{p1.g} has dry AMD in both eyes and can no longer read bank letters. Tried a x4 "
    "illuminated magnifier - manages print with it. [Husband|Son|Neighbour] {p3.g} to help "
    "set up a reading stand. Registration as sight impaired discussed; {p1.g} would like to "
    "think about it. Next visit {DATE}.",
    # ENT nasendoscopy
    "FNE {DATE}: {p1} ({AGE}), hoarse 8 weeks, ex-smoker. Mobile cords, no lesion seen on the "
    "[left|right] cord; mild post-cricoid oedema. Likely reflux. Performed by {p2.is}; "
    "{p1.g} to see SLT ({p3.g}) and return in 6 weeks.",
    # epistaxis
    "{p3=f}{p2=f}Epistaxis - {p1.s}, {AGE}, on apixaban. Left Little's area cauterised with silver "
    "nitrate by {p2.g}, who was called back at {TIME} when it started again; {p2.s} then "
    "placed a Rapid Rhino 5.5. {p1.g} to stay overnight and the pack to come out in the "
    "morning if dry. Daughter {p3} informed by phone on {PHONE}.",
    # hand trauma clinic
    "Hand trauma clinic\nName: {p1}\nDOB: {DOB}\nInjury: [glass laceration R index, FDP "
    "divided|crush injury L little finger, tuft fracture|dog bite dorsum of hand]\n"
    "Seen by: {p2.is} (hand fellow)\nPlan: [theatre {DATE}|splint and hand therapy with "
    "{p3.g}]",
    # burns dressing clinic
    "{p4=f}Burns dressing clinic {DATE}. {p1.g} ({CAGE}) - scald to the chest from a kettle, "
    "day {N}. [Healing well at the edges|Small area still sloughy centrally]. Re-dressed "
    "by {p2} and {p3.g}. Mum {p4.g} shown how to moisturise once healed. Next clinic "
    "Friday with {t5} {p5.s}.",
    # virtual fracture clinic
    "VFC {DATE}: {p1.SU} - 5th metatarsal base avulsion, walking boot, no follow-up needed. "
    "Letter to patient. Reviewed by {p2.is}; VFC nurse {p3.g} to phone {p1.g} today.",
    "Virtual fracture clinic outcome: {t1} {p1.s}, distal radius buckle fracture. Removable "
    "splint 3 weeks, discharged. [{p2} (consultant)|{t2} {p2.s}] reviewed the X-ray. "
    "{p1.g}'s school has been sent the advice sheet by {p3.is}.",
    # plaster room
    "PLASTER ROOM\n{p1.U}  BK cast [R|L]  applied {TIME}  by {p2.U}\nCapillary refill < 2s\n"
    "Crutches issued - stairs checked with {p3.U}",
    # bone marrow biopsy
    "{p1=f}Bone marrow aspirate and trephine, posterior iliac crest, {DATE}. Patient {p1}, "
    "{AGE}, query myeloma. Procedure by {p2.is} under local with Entonox; nurse {p3.g} "
    "assisting. {p1.g} tolerated it well, though she found the aspirate uncomfortable. "
    "Samples to morphology and flow. {t1} {p1.s} to keep the dressing dry for a day.",
    # iron infusion
    "Iron infusion {DATE}: {p1} - 1000 mg given over 20 min, obs stable, no reaction. "
    "Cannulated by {p2.g}. {p1.g} told about the metallic taste. Recheck ferritin in 6 weeks "
    "via {t3} {p3.s}.",
    # day-surgery next-day phone call
    "Day surgery next-day call, {DATE}\nPatient: {p1.SU}\nProcedure: [laparoscopic "
    "cholecystectomy|inguinal hernia repair|knee arthroscopy]\nSpoke to: [patient|partner "
    "{p2.g}|relative {p2.g}]\nPain 3/10, eating, passed urine. Wound dry. No concerns.\nCaller: "
    "{p3.is}",
    # pre-op questionnaire
    "PRE-OPERATIVE QUESTIONNAIRE\nFull name: {p1}\nPreferred name: {p1.n}\nDate of birth: {DOB}"
    "\nNext of kin: {p2} ({PHONE})\nDo you snore loudly? Yes\nAny problems with anaesthetics "
    "in the family? [No|Mother was slow to wake]\nNurse reviewing: {p3.is}",
    # recovery handover
    "Recovery handover {TIME}: {p1}, {AGE}, [right hemicolectomy|ORIF ankle|TURP], "
    "GA + spinal. Extubated awake. PONV x1, ondansetron given. PCA morphine. Anaesthetist "
    "{t2} {p2.s} happy for ward once NEWS < 3. Handed over by {p3.g} to {p4.g}. {p1.g} asking "
    "for {p1.his} glasses - in the bag.",
    # thrombolysis call
    "{p1=m}{p2=f}"
    "Stroke call {TIME}. {p1}, {AGE}, found by wife {p2.g} with right-sided weakness and "
    "slurred speech; last seen well at {TIME}. CT no bleed. NIHSS 9. Alteplase consented "
    "verbally with {p2.g} after discussion of the risks. Stroke reg {p3.is}, nurse {p4.g}. "
    "CTA: M1 occlusion - discussed with {ORG} for thrombectomy.",
    # MS relapse line
    "MS helpline voicemail {DATE} {TIME}: 'Hi, it's {p1}, date of birth {DOB}, "
    "my legs have gone numb again since Tuesday and I'm falling over... could someone ring "
    "me on {PHONE}, thanks.' Returned by {p2.is} - relapse clinic booked.",
    # spasticity clinic
    "{p2=f}Spasticity clinic: {p1} had botulinum toxin to the [left|right] gastrocnemius and "
    "tibialis posterior. Carer {p2.g} reports {p1.he} can now get the foot flat in the splint. "
    "Physio {p3.is} to review casting. Next injection in 12 weeks with {t4} {p4.s}.",
    # mole mapping
    "Mole mapping {DATE}: {p1.SU}. 212 naevi imaged; 2 changed lesions (L scapula, R "
    "calf) flagged for {t2} {p2.s}. {p1.g} has a family history (mother). Photographer {p3.g}.",
    # early pregnancy unit
    "{p1=f}EPU {DATE} - {p1} ({AGE}), G2P1, PV spotting. TVS: single intrauterine pregnancy, "
    "CRL 9 mm, FH seen. Reassured. Partner {p2.g} present. Scan by {p3.is}. {p1.g} to book "
    "with the community midwife, {p4}.",
    # health visitor red book
    "{p3=f}Red book entry {DATE}\nBaby: {p1}  Weight 6.1 kg (50th)\nSeen at home by {p2.is}, HV. "
    "Mum {p3.g} asking about weaning; advised at around 6 months. Older sibling {p4.g} "
    "very proud.",
    # tongue-tie clinic
    "{p1=m}{p3=f}{p2=f}Tongue-tie clinic: {p1}, 3 weeks old, posterior tie, painful latch. "
    "Frenulotomy by {p2} (infant feeding lead), minimal bleeding, fed straight after. Mum "
    "{p3.g} noticed she could hear him swallowing. Follow-up call from {p2.g} in a week.",
    # autism assessment
    "{p4=m}Neurodevelopmental assessment summary\n\nChild: {p1}\nDOB: {CDOB}\nAssessors: {p2} "
    "(clinical psychologist), {p3} (SLT)\n\n{p1.g} was seen with {p1.his} father, {p4.g}, "
    "over two sessions. The ADOS-2 module 2 was completed; {p1.g} enjoyed the bubbles and "
    "the toy train but did not share interest or respond to {p1.his} name. The team "
    "concluded that {p1.g} meets criteria for autism. {p4.g} will be sent this report and "
    "an invitation to the parent group run by {p3.g}.",
    # CAMHS crisis line
    "CAMHS crisis line {TIME}: mum of {p1} ({CAGE}) called - [{p1.g} has cut "
    "{p1.his} arm, superficial|{p1.g} saying {p1.he} wants to die]. Safety plan reviewed with "
    "mum by {p2.g}. Home treatment team ({p3.is}) to visit tomorrow morning.",
    # methadone supervised consumption
    "Supervised consumption log ({ORG} Pharmacy)\n{DATE}  {p1.SU}  methadone 1mg/ml 60 ml  "
    "witnessed {p2.i}\n{DATE}  {p1.SU}  DID NOT ATTEND - key worker {p3.g} informed\n"
    "{DATE}  {p1.SU}  60 ml  witnessed {p4.i}",
    # needle exchange
    "{p1=m}needle exchange - {p1.n} in today, took 20 x 1ml, returned sharps bin. abscess R groin "
    "looks worse - {p2.g} walked him round to the nurse. {p3.i}",
    # street outreach clinic
    "{p1=m}Street outreach, {DATE}, under the bridge by the station. {p1} ({AGE}) known to "
    "us; leg ulcers redressed by {p2.g}. {p1.g} has lost his bag with the inhalers and his "
    "letter from {t3} {p3.s}. New prescription requested. {p4.g} (outreach worker) to help "
    "him get to the night shelter.",
    # food bank voucher
    "FOOD BANK VOUCHER\nReferring agency: {ORG}\nReferrer: {p1}\nClient: {p2.U}\nHousehold: "
    "[2 adults, 3 children|1 adult|1 adult, 1 child]\nDietary: [halal|no pork|coeliac]\n"
    "Collect by: {DATE}",
    # social prescribing
    "Social prescribing note: met {p1} at the surgery. {p1.g} has been lonely since "
    "{p1.his} partner died and rarely leaves the house. We talked about the walking group "
    "and the community choir run by {p2}. {p1.g} agreed to try the choir if a volunteer, "
    "{p3.g}, comes with {p1.him} the first time. Link worker: {p4.is}. Review in four weeks.",
    # befriending calls
    "{p3=m}Befriending call log\n{DATE}  {p1.g} called {t2} {p2.s} - chatty, talked about the "
    "garden\n{DATE}  no answer - rang son {p3.g} on {PHONE}, all fine\n{DATE}  {p1.g} called "
    "- {p2.s} had a fall last week, GP aware",
    # carers' assessment
    "{p2=f}Carer's assessment\n\nCarer: {p1}\nCared for: {p2} ({p1.his} mother, vascular "
    "dementia)\n\n{p1.g} works part-time and provides care every evening and weekend. "
    "{p1.g} says {p2.g} no longer sleeps at night and wanders; {p1.g} is exhausted and has "
    "missed {p1.his} own hospital appointments. Agreed: a sitting service two nights a "
    "week, and a referral to the carers' group. Assessor: {p3.is}, {DATE}.",
    # continence delivery
    "Continence delivery - {p1.U}, {N} [Springfield|Orchard] Road, {LOC}. Pads size M, "
    "4/day. Signed for by {p2.U}. Driver {p3.i}.",
    # stairlift assessment
    "{p2=f}Stairlift assessment for {p1} ({AGE}). Straight staircase, 13 steps, radiator on the "
    "half landing must be moved. {p1.g} can transfer independently. Daughter {p2.g} "
    "present. Assessor {p3} from {ORG}; quote to follow.",
    # fire service safe and well
    "Safe and Well visit {DATE}\nOccupier: {p1}, {AGE}, lives alone\nSmoke alarms: fitted x2 "
    "(hall, landing)\nSmoker: yes - fire-retardant bedding provided\n{p1.g} uses an oxygen "
    "concentrator; {ORG} informed. Referred to the falls team after {p1.g} mentioned two "
    "falls this year.\nCrew: {p2.is} and {p3.is}",
    # community first responder
    "CFR log {DATE}: attended {p1.U} ({AGE}), chest pain, on scene {TIME}. Aspirin given, "
    "obs recorded, handed to crew ({p2.U}). Responder: {p3.U}.",
    # GP registration form
    "NEW PATIENT REGISTRATION\nTitle: {t1}\nSurname: {p1.s}\nFirst names: {p1.g}\nPrevious "
    "surname: [none|{p2.s}]\nDate of birth: {DOB}\nAddress: {N} [Chapel|Mill] Lane, {LOC}\n"
    "Mobile: {PHONE}\nEmail: {EMAIL:p1}\nPrevious GP: {t3} {p3.s}",
    # online consultation
    "Online consultation submitted {DATE} {TIME}\nFrom: {p1}\nDOB: {DOB}\nMessage: 'I have "
    "had a cough for 4 weeks and now there is some blood in it. I am a smoker. Can I be "
    "seen please.'\nTriage: {p2.is} - same-day call, booked with {t3} {p3.s}",
    "{p1=f}{p2=f}econsult from {p1.l} (mum of {p2}): rash on her tummy, no temp, eating ok. "
    "{p3.i} - photo requested via link.",
    # prescription collection log
    "{p2=f}Prescription collection log\n{DATE}  {p1.SU}  collected by {p2.g} (daughter), ID seen\n"
    "{DATE}  {p3.SU}  collected by self\n{DATE}  {p4.SU}  collected by {p5} (carer), "
    "CD signed\nPharmacist: {p6.is}",
    # medical examiner scrutiny
    "Medical examiner scrutiny\nDeceased: {p1}, {AGE}\nDate of death: {DATE}\nNotes reviewed "
    "by {t2} {p2.s} (ME). Discussion with the attending doctor, {p3}, and with the "
    "deceased's [son|daughter], {p4}. {p4.g} had no concerns about the care and "
    "thanked the ward staff. Proposed cause: 1a aspiration pneumonia, 1b Parkinson's "
    "disease. Not referred to the coroner. ME officer: {p5.is}.",
    # DoLS
    "{p2=f}{p1=f}DoLS urgent authorisation, {DATE}\nRelevant person: {p1.U}\nManaging authority: "
    "{ORG}\nShe lacks capacity to decide about her care and residence and tries to leave "
    "the ward. Least restrictive option: one-to-one. RPR proposed: {p2} (niece). Signed "
    "{p3.is}, nurse in charge.",
    # best interests meeting
    "{p4=m}Best interests meeting - {p1}\n\nPresent: {p2} (social worker), {t3} {p3.s} "
    "(consultant), {p4} (brother), {p5.is} (IMCA)\n\nThe meeting considered "
    "whether {p1.g} should move to a nursing home or return home with a package of care. "
    "{p4.g} said that {p1.g} always wanted to stay at home. {t3} {p3.s} explained the risk of "
    "falls at night. It was agreed to try home with four calls a day and to review in six "
    "weeks. Minutes: {p5.is}.",
    # capacity assessment
    "Capacity assessment {DATE}. Decision: whether {t1} {p1.s} can refuse the amputation. "
    "{p1.g} understood the information, retained it, weighed the risk of death and "
    "communicated a clear choice. {p1.g} HAS capacity for this decision. Assessed by {p2}, "
    "witnessed by {p3.g} (ward sister).",
    # advance decision
    "ADVANCE DECISION TO REFUSE TREATMENT\nI, {p1}, born {DOB}, refuse cardiopulmonary "
    "resuscitation even if my life is at risk.\nSigned: {p1.i}\nWitness: {p2}\nCopy held by "
    "{t3} {p3.s} and my partner {p4.g}.",
    # police custody healthcare
    "{p2=f}Custody healthcare {DATE} {TIME}\nDetainee: {p1.SU}\nFit to detain: yes, with 30-min "
    "rousing (alcohol)\nMedication: insulin - {p1.g}'s pen brought in by {p2.g} (sister)\n"
    "HCP: {p3.is}   Custody sergeant: {p4.U}",
    # ringside medical log
    "{p1=m}Ringside medical report: bout {N}, {p1} v {p2}. {p1.s} stopped in round 3, cut "
    "above the left eye, closed with steristrips by {t3} {p3.s}. {p2.s} fine. Both boxers' "
    "post-bout checks done; {p1.g} advised 28-day suspension. Referee: {p4.is}.",
    # motorsport medical centre
    "MEDICAL CENTRE LOG  {DATE}\n{TIME}  CAR {N}  driver {p1.U}  heavy impact T4, walked "
    "to ambulance  seen by {p2.is}  cleared\n{TIME}  marshal {p3.U}  wasp sting R hand  "
    "antihistamine\nCMO: {p4.is}",
    # school trip consent
    "{p1=f}School trip medical consent\nPupil: {p1}  Class: [7R|8M|6B]\nAllergies: "
    "[peanut - EpiPen x2|none]\nMedication: salbutamol\nParent/carer: {p2}  Mobile: {PHONE}"
    "\nTrip leader: {t3} {p3.s}\nI give permission for staff to seek emergency treatment "
    "for my daughter. Signed {p2.i}",
    # summer camp infirmary
    "Camp infirmary log, day {N}: {p1.g} ({CAGE}) - bee sting, antihistamine, fine. "
    "{p2} - homesick, tummy ache, chatted with {p3.g} and went back to the "
    "[canoeing|archery]. Camp nurse: {p4.is}.",
    # student welfare
    "{p1=f}Student welfare note {DATE}: {p1} (2nd year, {ORG}) came in with her flatmate "
    "{p2.g}. {p1.g} has not been eating and has missed three weeks of lectures. With her "
    "agreement we booked a GP appointment and told her personal tutor, {t3} {p3.s}. {p1.g} "
    "will check in with {p4.is} on Friday.",
    # in-flight medical incident
    "IN-FLIGHT MEDICAL INCIDENT REPORT\nFlight: [QB{N}|HX{N}]  Date: {DATE}\nPassenger: {p1.SU}"
    " (seat 23C)\nIncident: faint in the aisle after 3 hours; recovered lying flat, oxygen "
    "given\nAssisted by: {t2} {p2.s}, a GP travelling as a passenger\nCabin manager: {p3}",
    # offshore platform medic
    "Platform medic's log {DATE}: {p1} (scaffolder) - foreign body R eye from grinding, "
    "removed under fluorescein, no ulcer. {p1.s} to wear goggles. Discussed with topside "
    "doctor {t2} {p2.s} by phone. OIM {p3.is} informed; no need to fly {p1.g} ashore.",
    # video consultation transcript
    "{p3=m}Video call, {TIME}\nCLINICIAN ({p1.g}): Can you hear me, {t2} {p2.s}?\n{p2.s}: Yes, my "
    "grandson {p3.g} set the tablet up.\nCLINICIAN: Lovely. How has the breathing been?\n"
    "{p2.s}: Better since the new inhaler. {p3.g} reminds me to rinse my mouth.",
    # pacemaker check
    "Pacing check {DATE}: {p1.SU}, DDD, battery 6.5 y, RA/RV thresholds stable. 2 short AHREs "
    "- passed to {t2} {p2.s}. Physiologist {p3.is}. {p1.g} asked about airport scanners - "
    "leaflet given.",
    # lab sample rejection
    "SAMPLE REJECTED {DATE} {TIME}\nReason: [name on tube ({p1.s}) does not match form "
    "({p2.s})|unlabelled tube, form for {p1}|DOB missing]\nWard informed: spoke to {p3.g}\n"
    "BMS: {p4.i}",
    # wristband reprint
    "wristband reprint - bed {N} {p1.U}, previous band unreadable after shower. checked "
    "verbally with pt and against notes by {p2.i} + {p3.i}.",
    # device recall
    "Dear {t1} {p1.s},\n\nYou are receiving this letter because the glucose monitor supplied "
    "to you on {DATE} belongs to a batch that the manufacturer is recalling. Please stop "
    "using it and bring it to the diabetes centre, where {p2} will replace it. If you have "
    "any questions, call {p2.g} or {p3} on {PHONE} or see {URL}.\n\nKind regards,\n{p4}\nDiabetes "
    "Specialist Nurse",
    # hospital radio request
    "Hospital radio request sheet - ward [12|B4|Rowan]\nFor: {p1.n} in bed {N}\nFrom: "
    "[the nurses|{p2.g}]\nSong: [anything from the sixties|a hymn|something to dance "
    "to]\nMessage: 'get well soon, {p1.n}, the tea trolley misses you'\nPresenter: {p3}",
    # patient library trolley
    "Library trolley round: {t1} {p1.s} (bay 2) wants large-print westerns; {p2.g} in the "
    "side room asked for audiobooks and a CD player. Volunteer {p3.is}.",
    # estates helpdesk
    "ESTATES HELPDESK TICKET {N}\nReported by: {p1} ({PHONE})\nLocation: ward [5|9|14], "
    "sluice\nFault: macerator leaking onto the floor\nAssigned: {p2.U}\nUpdate {DATE}: part "
    "ordered, {p2.g} to return",
    # multi-source feedback
    "MSF summary for {t1} {p1.s} (ST4)\n'{p1.g} is calm on busy nights and always makes "
    "time for the juniors.' - {p2.is}\n'Could delegate more.' - anonymous\nSupervisor: {p3}",
    # DOPS logbook
    "DOPS - lumbar puncture, {DATE}\nTrainee: {p1}\nAssessor: {t2} {p2.s}\nPatient consent "
    "obtained; sterile technique good; two passes. {p1.g} to reflect on positioning.\n"
    "Signed {p2.i}",
    # resus trolley check
    "Resus trolley check, [ward 7|ED resus|endoscopy]\n{DATE}  all drawers sealed, defib "
    "self-test OK  {p1.i}\n{DATE}  seal broken - restocked after arrest  {p2.i}\n{DATE}  "
    "suction tubing missing, replaced  {p3}",
    # post-fall huddle
    "{p4=m}{p1=f}Post-falls huddle {DATE} {TIME}: {p1} ({AGE}) found on the floor by her bed by "
    "HCA {p2.g}. No head injury; hip pain on weight bearing. X-ray requested by {t3} {p3.s}. "
    "Bed rails not used (she climbs over); low bed and sensor mat ordered. {p1.g}'s son "
    "{p4.g} told by phone by {p2.g}.",
    # NG tube check
    "NG tube placement {DATE}: {p1.SU}. 52 cm at the nostril. Aspirate pH 4.5 on first "
    "attempt - safe to use. Inserted by {p2.is}, confirmed by {p3.is}. Feed started at "
    "{TIME}.",
    # hospital at night handover
    "{p3=m}{p4=f}"
    "H@N handover {TIME}\n- bed {N} {p1.s}: NEWS 6, ?sepsis, cultures sent, abx due {TIME} "
    "({p2.g} to chase)\n- bed {N} {p3.s}: for family meeting tomorrow; {t3} {p3.s}'s wife "
    "({p4.g}) staying overnight\n- {p5.i} covering medicine, {p6.i} surgery",
    # virtual ward huddle
    "Virtual ward huddle {DATE}: {p1} - sats 93% on home probe, improving; {p1.g} to stay on "
    "the ward one more day. {p2} - not uploading readings; {p3.g} to phone. {p4} - ready "
    "for discharge. Chaired by {p5.is}.",
    # chat messages
    "{p1.l}: is {p2.l} on tonight?\n{p3.l}: no, swapped with {p4.l}\n{p1.l}: ok ta",
    "{p2=f}family group\n{p1.l}: mum's out of theatre, all ok\n{p3.l}: thank god. tell her "
    "love from us\n{p1.l}: {p2.l} says hi back x",
    # Cyrillic name beside the romanised one
    "Interpreter note: {p1} ({p1.x}) prefers Bashkir or Russian. Consent for the "
    "[colonoscopy|MRI|knee injection] explained with the interpreter, {p2}, on {DATE}. "
    "{p1.g} signed in Cyrillic; {t3} {p3.s} countersigned.",
    "Name on the referral: {p1.x}. Romanised on PAS as {p1.U}. Please make sure both appear "
    "on the wristband - confirmed with {p2.is}.",
    # particle names, long narrative
    "Dear {t1} {p1.s},\n\nThank you for seeing {p2} in the lymphoma clinic. {p2.g} is "
    "{AGE} and presented to me with drenching night sweats and a 4 cm node in the left neck. "
    "{p2.His} partner, {p3}, has noticed weight loss. {t4} {p4.s} at the ENT clinic has "
    "arranged a core biopsy. I would be grateful if {p2.s} could be seen before the MDT.\n\n"
    "Yours sincerely,\n{p5}",
    "{p1.U}  -  TH 3  -  [hip hemiarthroplasty|lap appendix|ex-lap]  -  surgeon {p2.s}  -  "
    "anaes {p3.s}  -  {p1.s} last ate at {TIME}",
]

# Texts with no identifier at all: traps.
TRAP_T = [
    "Donath-Landsteiner antibody screen negative. Cold agglutinins not detected.",
    "Blood film: Cabot rings and Mott cells were [not seen|looked for and not seen]. Please "
    "send a fresh sample if haemolysis is still suspected.",
    "Genetics clinic teaching: Hurler and Maroteaux-Lamy syndromes, Wolman disease and "
    "Canavan disease. Costello syndrome overlaps with the RASopathies. Goldenhar and "
    "Moebius were covered last month.",
    "Histology of the digital nerve: Pacini and Ruffini corpuscles identified. The space "
    "of Disse is normal on the liver core.",
    "Operation note: Cantlie line identified. Gimbernat ligament preserved during the repair. "
    "Cherney incision used for access. Nabothian cysts incidental. A graafian follicle on "
    "the left ovary.",
    "A Steell murmur heard at the left sternal edge. Gradenigo syndrome excluded "
    "clinically.",
    "Orthoptics: Bielschowsky head-tilt test positive to the right. Mittendorf dot and "
    "Bergmeister papilla noted incidentally. Elschnig pearls on the posterior capsule. "
    "Trantas dots seen in the vernal case. A Khodadoust line on the graft.",
    "Dry eye: Xailin gel at night, Optive Fusion by day, Hyabak or Thealoz if preservative-"
    "free is needed. Blephaclean wipes for the lids, Ocusoft if those are out of stock. "
    "Ikervis was not started. Continue Ganfort once daily.",
    "Minims tropicamide and phenylephrine for dilation; Celluvisc and Artelac on the "
    "discharge sheet. Clinitas sample given.",
    "ENT: Sterimar nasal spray, Beconase twice daily, Flixonase if no better. For the otitis "
    "externa: Otosporin drops, or Locorten, or Gentisone HC; Ciloxan if perforated. "
    "Earcalm for swimmers. Otex for wax.",
    "Epistaxis pack: Merocel 8 cm inserted. Remove in 24 hours.",
    "Pain plan: Reletrans patch, Versatis plaster to the scar, Qutenza in clinic.",
    "Button battery ingestion is an emergency: X-ray the chest and abdomen and remove "
    "from the oesophagus within two hours. "
    "Do not wait for symptoms.",
    "Purse-string suture placed around the gastrostomy site. Mantle cell lymphoma on the "
    "histology from the other patient has been filed correctly.",
    "Allergy clinic: reaction to fish roe (lumpfish caviar) at a party; skin prick positive. "
    "Steer clear of roe and sushi until the oral challenge.",
    "The server went down at 14:00 and the PAS was read-only for an hour. Please re-enter "
    "any observations written on paper.",
    "Dietary note: patient ate Padrón peppers and had mouth tingling; likely irritant. "
    "Sputum canary yellow this morning; sample sent.",
    "Maths refresher for the pharmacy team: Descartes' rule of signs. The radiographers' "
    "physics session covers Compton scattering. Volunteers welcome.",
    "Old notes describe the chorea as St Vitus dance; the modern term is used in the letter.",
    "Hand Therapy and the Pain Management Programme now share the waiting area on level 2. "
    "Orthoptics moves to the east wing in the spring. Signs will be updated.",
    "MRI spine: the dorsa of the vertebral bodies are normal. Conus at L1.",
    "Stag night injuries: two wrist fractures and a dislocated shoulder. Bullock cart rides "
    "at the show were cancelled after the hare coursing protest.",
    "Please steer the discussion towards discharge planning. Bring the mantle clock back to "
    "the day room. The purse found in the sluice has been handed to security.",
    "Lens check before cataract surgery: posterior capsule intact, anterior chamber deep. "
    "Biometry repeated because the two eyes differed by more than 0.7 mm.",
    "Carers' group meets on Tuesday afternoons in the chapel. Tea, cake and a speaker from "
    "the continence service. Everyone welcome, no need to book.",
    "Safeguarding training update: domestic abuse, exploitation and self-neglect. Refresh "
    "every three years. Ask if you are unsure; do not wait.",
    "Fire door on the stairwell wedged open again. Estates notified. Do not prop doors.",
    "Stroke pathway reminder: scan within one hour of arrival, thrombolysis within four and "
    "a half hours of onset, thrombectomy up to twenty-four hours in selected cases.",
]


def build():
    """Returns the 300 records and how often each template was used."""
    rng = random.Random(SEED)
    regions = sorted(REGIONS)
    jobs = corpus_kit.schedule(rng, len(PERSON_T), len(TRAP_T))
    # Every fourteenth text naming a person gets a particle name (St Omer, Jn Baptiste,
    # De Rada) for its first person, unless its first person is written in Cyrillic.
    out = []
    uses = {}
    named = 0
    for n, (kind, i) in enumerate(jobs, 1):
        uses[(kind, i)] = uses.get((kind, i), 0) + 1
        if kind == "p":
            tmpl = PERSON_T[i]
            named += 1
            script = ".x}" in tmpl
            particle = not script and named % 14 == 0
            if script:
                doc_regions = ["bashkir"]
            elif particle:
                doc_regions = [rng.choice(["stlucian", "arbereshe"])]
            else:
                doc_regions = [rng.choice(regions)]
            doc_regions += rng.sample(regions, 3)
            doc = Doc(rng, doc_regions, script, particle)
            doc.render(tmpl)
        else:
            doc = Doc(rng, [rng.choice(regions)])
            doc.render(TRAP_T[i])
        out.append({"id": f"blind16-{n:03d}", "text": doc.text, "entities": doc.ents})
    return out, uses


def self_check(records, uses):
    """Refuses anything shared with earlier corpora, and checks the records' shape."""
    seen = corpus_kit.earlier_words(HERE, 15)
    ours = set()
    for given, fam, nick in REGIONS.values():
        for g, _ in given:
            ours |= corpus_kit.words(g)
        for f in fam:
            ours |= corpus_kit.words(f) | corpus_kit.words(feminine(f))
        for v in nick.values():
            ours |= corpus_kit.words(v)
    for v in PLACES.values():
        for p in v:
            ours |= corpus_kit.words(p)
    for t in TRAPS + ORG_WORDS:
        ours |= corpus_kit.words(t)
    ours = {w for w in ours if len(w) > 2 and w not in PARTICLES}
    shared = sorted(ours & seen)
    if shared:
        sys.exit("shared with earlier corpora: " + ", ".join(shared))
    corpus_kit.check_shape(records, uses)
    with_particle = sum(1 for r in records if any(
        r["text"][e["start"]:e["end"]].split()[0].lower() in PARTICLES
        or " St " in " " + r["text"][e["start"]:e["end"]] + " "
        or " Jn " in " " + r["text"][e["start"]:e["end"]] + " "
        or " De " in " " + r["text"][e["start"]:e["end"]] + " "
        for e in r["entities"] if e["type"] == "PERSON"))
    assert with_particle >= 8, with_particle


def main():
    """Builds, checks and writes the corpus."""
    records, uses = build()
    self_check(records, uses)
    corpus_kit.write_jsonl(OUT, records)


if __name__ == "__main__":
    main()
