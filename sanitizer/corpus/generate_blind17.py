#!/usr/bin/env python3
"""Deterministic generator for the sanitizer's seventeenth BLIND corpus (blind17.jsonl), the
twentieth corpus overall.

Run from the repository root:  python3 sanitizer/corpus/generate_blind17.py
Output is byte-identical on every run (own seed, no clock, no environment, no hash order).

NEVER SCORED: written blind, without reading the sanitizer's source or
sanitizer/tests/generalise.rs and without running the sanitizer, its bench or its failures
example on anything. It is meant to be scored ONCE, later, by someone other than its author;
until then it is parsed only (the shape test in sanitizer/tests/corpus.rs). Templates, word
lists and names share nothing by design with generate.py (dev), generate_heldout.py
(heldout), generate_test.py (test) and generate_blind.py .. generate_blind16.py (blind ..
blind16): the self-check at the end refuses any pool name part, nickname, name in another
script, trap term, organisation key word or place found (as a whole word, case-insensitive)
in those files, in their .jsonl outputs or in names.json. Only name particles (de, la, da,
do, d'), one- and two-letter tokens and the compass/landform words of two Cayman district
names (West Bay, North Side, Bodden Town: west, north, side, bay, town) are exempt.

Genres and their shapes (300 texts: 220 naming a person, 80 with no identifier), chosen to
differ from every earlier corpus: trial-without-catheter clinics, prostate day-case
follow-up calls, vasectomy semen-analysis letters, biologic homecare delivery schedules,
shared-care methotrexate monitoring, psoriasis reviews, patch-test reading days, IBD
advice-line voicemail transcripts, capsule endoscopy bookings, bowel-screening kit letters,
aortic-aneurysm screening, diabetic eye screening, mobile breast-screening lists, newborn
blood-spot repeats, newborn examinations, dating-scan reports, birth plans, home-birth kit
deliveries, learning-disability annual health checks, needlestick reports, duty-of-candour
letters, side-room whiteboards, leaving cards, rota-swap e-mails, MRI safety questionnaires,
contrast extravasation notes, radiotherapy on-treatment reviews, synacthen tests, growth
clinics, home blood-pressure texts, heart-failure titration visits, pulmonary rehab
registers, liver stiffness scans, care-home medication rounds, discharge-to-assess
referrals, venom immunotherapy, angioedema home infusion, lipid clinics, contact-lens
aftercare, visual fields, kosher-meal and Sabbath discharge requests, GP duty lists,
death-registration bookings, practice newsletters, retirement speeches, TB contact letters,
wound-infection surveillance calls, medical-photography requests, insurance medical forms,
exercise referrals, B12 injection lists, microsuction bookings, home enteral feeds,
pharmacy blood-pressure checks, coding queries, subject-access logs, misdirected-letter
incidents, music therapy, pet-therapy visits, lift shares and Secret Santa lists. People
are mentioned repeatedly and partially (surname only, given name only, title + surname,
initials, nickname, upper-case surname first, LAST^First, a form in Hebrew script) and
every mention carries one ``person`` id. The texts without identifiers are traps: urology,
colorectal, dermatology and vascular eponyms no earlier corpus used, biologic, emollient
and IBD brand names, English building words used as words (a dental bridge, the porch,
the steeple sign, a hatch), Costa Rican, Minangkabau, Mijikenda and Bavarian words that
are also names or look like them (minor, katana, pisang, tanjung), Jewish observance words,
organisation names, anatomy and capitalised sentence openers.

Names are real, listed by hand from general knowledge of public name lists, registers and
naming studies (nothing downloaded). Every earlier docstring was read, and the candidates
they already cover were left out (Sierra Leone, Liberia, Yemen / Hadhramaut, Oman, the
Maldives, Galicia, Trinidad: blind4 / blind5; their names were also refused by the
self-check), as were regions next to those briefed for blind7 .. blind16 (Kerala and Telugu
country next to Kodagu, Odisha and the Gond lands; Afrikaans next to Lesotho; Rwanda next to
Buganda; Micronesia next to Palau, Guam and the Marshall Islands). Seven traditions and one
English word class remain, far fewer than twenty (the generator had an hour):
- Costa Rica (Cartago, Heredia, Turrialba, Nicoya): Costa Rican family names, written singly
  or as the two surnames (Quesada, Solano, Chacón, Villalobos, Araya, Brenes, Ulate, Zúñiga,
  Vindas, Sibaja, Chinchilla, Monge, Badilla; Brenes Ulate, Vindas Sibaja) and the particle
  name de la O, with the given-name fashions of the 1970s-90s (Minor, Greivin, Maikol,
  Jeison, Olman, Geovanny; Yorleny, Xinia, Dinia, Ivannia, Yendry, Marielos); cédula numbers;
- Cayman Islands (West Bay, Bodden Town, North Side, Cayman Brac): the old island family
  names (Ebanks, Bodden, Watler, Merren, Tibbetts, Kirkconnell, Hydes, Rankine, Conolly)
  and given names (Alden, Truman, Ezzard, McKeeva, Osbourne; Julianna, Arlene, Marquetta);
- Haredi Ashkenazi (Yiddish-speaking Stamford Hill, Williamsburg, Monsey): Grunfeld,
  Teitelbaum, Halberstam, Weinberger, Schwimmer, Gluck, Hershkowitz, Landau, Stern,
  Rottenberg, Friedlander, Spitzer, Mandel, Jacobowitz; Zalman, Feivel, Yitzchok, Berish,
  Hershel, Leibish, Chaim, Mendel, Moishe, Shmuel (Shmuli); Chaya, Raizel, Faigy, Bluma,
  Gittel, Perel, Breindy, Tzirel; some written in Hebrew script (חיים שטערן);
- Old Bavaria (Rosenheim, Landshut, Straubing, Erding): Brandl, Stangl, Hofbauer, Kreuzer,
  Obermeier, Gschwendtner, Lechner, Moosbauer, Zeitler, Rieder, Pfaffenberger; Xaver
  (Xaverl), Korbinian, Quirin, Leonhard, Matthias (Hias); Kreszenz (Zenzi), Walburga
  (Wally), Theres (Resi), Veronika (Vroni);
- Minangkabau (Bukittinggi, Payakumbuh, Solok, Padang Panjang; West Sumatra, not Aceh):
  the suku (matrilineal clan) names borne as surnames (Chaniago, Piliang, Sikumbang,
  Tanjung, Jambak, Koto, Guci) and West Sumatran given names (Afrizal, Syafrizal, Zulhendri,
  Efrizal, Yuliardi; Yusnidar, Rosmaniar, Desmawati, Asnimar, Yulnetti); NIK numbers;
- Mijikenda of the Kenyan coast (Kilifi, Kwale, Malindi, Mariakani; not Maasai country):
  given names Kazungu, Katana, Karisa, Kenga, Charo; Kadzo, Dama, Mapenzi, Kache, and the
  father's names borne as surnames (Kahindi, Chengo, Baya, Kalume, Mwamuye, Kombe,
  Mwarandu, Kitsao);
- São Tomé and Príncipe (Trindade, Santo Amaro, Angolares): Trovoada, Ceita, Quaresma,
  Pontes, Menezes, Neves, Bragança and the particle names do Espírito Santo, da Graça,
  d'Alva; Filinto, Evaristo, Posser, Delfim, Albertino, Fradique, Leonel; Alda, Edite;
- English family names that are parts of buildings, a word class no earlier corpus used
  (Bridges, Steeple, Porch, Hatch, Towers, Parlour, Gable, Spires, Rafter and the
  double-barrelled Gable-Spires), with Barnaby, Rupert, Aubrey, Digby; Cressida, Imogen,
  Clemency, Henrietta (Hetty).

Span rules (as in blind6): PERSON spans cover the name only, never a title (Dr, Mr, Mrs, Ms,
Miss, Rabbi) and never a possessive 's; AGE spans cover the number with its
unit; DATE spans cover a full date; ID, PHONE, EMAIL, URL, SSN spans cover the value only,
not its label; LOCATION covers a town or district; ORG covers the whole organisation name.
Gold spans are recorded while the text is built, never found by searching afterwards.
"""

import os
import random
import re
import sys
import unicodedata

import corpus_kit

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "blind17.jsonl")
SEED = 1717_2026

PARTICLES = {"de", "la", "da", "do", "d"}
# Compass and landform words of Cayman district names, exempt from the self-check.
PLACE_GENERIC = {"west", "north", "side", "bay", "town"}

# region -> (given names with sex, family names, nicknames)
REGIONS = {
    "costarica": (
        [("Minor", "m"), ("Greivin", "m"), ("Maikol", "m"), ("Jeison", "m"), ("Olman", "m"),
         ("Geovanny", "m"), ("Yorleny", "f"), ("Xinia", "f"), ("Dinia", "f"), ("Ivannia", "f"),
         ("Yendry", "f"), ("Marielos", "f")],
        ["Quesada", "Solano", "Chacón", "Villalobos", "Araya", "Brenes", "Ulate", "Zúñiga",
         "Vindas", "Sibaja", "Chinchilla", "Monge", "Badilla", "Brenes Ulate",
         "Vindas Sibaja", "de la O"],
        {},
    ),
    "cayman": (
        [("Alden", "m"), ("Truman", "m"), ("Ezzard", "m"), ("McKeeva", "m"), ("Osbourne", "m"),
         ("Julianna", "f"), ("Arlene", "f"), ("Marquetta", "f")],
        ["Ebanks", "Bodden", "Watler", "Merren", "Tibbetts", "Kirkconnell", "Hydes", "Rankine",
         "Conolly"],
        {},
    ),
    "ashkenazi": (
        [("Zalman", "m"), ("Feivel", "m"), ("Yitzchok", "m"), ("Berish", "m"), ("Hershel", "m"),
         ("Leibish", "m"), ("Chaim", "m"), ("Mendel", "m"), ("Moishe", "m"), ("Shmuel", "m"),
         ("Chaya", "f"), ("Raizel", "f"), ("Faigy", "f"), ("Bluma", "f"), ("Gittel", "f"),
         ("Perel", "f"), ("Breindy", "f"), ("Tzirel", "f")],
        ["Grunfeld", "Teitelbaum", "Halberstam", "Weinberger", "Schwimmer", "Gluck",
         "Hershkowitz", "Landau", "Stern", "Rottenberg", "Friedlander", "Spitzer", "Mandel",
         "Jacobowitz"],
        {"Shmuel": "Shmuli"},
    ),
    "bavarian": (
        [("Xaver", "m"), ("Korbinian", "m"), ("Quirin", "m"), ("Leonhard", "m"),
         ("Matthias", "m"), ("Kreszenz", "f"), ("Walburga", "f"), ("Theres", "f"),
         ("Veronika", "f")],
        ["Brandl", "Stangl", "Hofbauer", "Kreuzer", "Obermeier", "Gschwendtner", "Lechner",
         "Moosbauer", "Zeitler", "Rieder", "Pfaffenberger"],
        {"Xaver": "Xaverl", "Matthias": "Hias", "Kreszenz": "Zenzi", "Walburga": "Wally",
         "Theres": "Resi", "Veronika": "Vroni"},
    ),
    "minang": (
        [("Afrizal", "m"), ("Syafrizal", "m"), ("Zulhendri", "m"), ("Efrizal", "m"),
         ("Yuliardi", "m"), ("Yusnidar", "f"), ("Rosmaniar", "f"), ("Desmawati", "f"),
         ("Asnimar", "f"), ("Yulnetti", "f")],
        ["Chaniago", "Piliang", "Sikumbang", "Tanjung", "Jambak", "Koto", "Guci"],
        {},
    ),
    "mijikenda": (
        [("Kazungu", "m"), ("Katana", "m"), ("Karisa", "m"), ("Kenga", "m"), ("Charo", "m"),
         ("Kadzo", "f"), ("Dama", "f"), ("Mapenzi", "f"), ("Kache", "f")],
        ["Kahindi", "Chengo", "Baya", "Kalume", "Mwamuye", "Kombe", "Mwarandu", "Kitsao"],
        {},
    ),
    "saotome": (
        [("Filinto", "m"), ("Evaristo", "m"), ("Posser", "m"), ("Delfim", "m"),
         ("Albertino", "m"), ("Fradique", "m"), ("Leonel", "m"), ("Alda", "f"), ("Edite", "f")],
        ["Trovoada", "Ceita", "Quaresma", "Pontes", "Menezes", "Neves", "Bragança",
         "do Espírito Santo", "da Graça", "d'Alva"],
        {},
    ),
    "english": (
        [("Barnaby", "m"), ("Rupert", "m"), ("Aubrey", "m"), ("Digby", "m"),
         ("Cressida", "f"), ("Imogen", "f"), ("Clemency", "f"), ("Henrietta", "f")],
        ["Bridges", "Steeple", "Porch", "Hatch", "Towers", "Parlour", "Gable", "Spires",
         "Rafter", "Gable-Spires"],
        {"Henrietta": "Hetty"},
    ),
}
# Hebrew-script (Yiddish spelling) forms of some Haredi names.
HEB_FAM = {"Stern": "שטערן", "Gluck": "גליק", "Landau": "לאנדאו", "Mandel": "מאנדל"}
HEB_GIVEN = {"Chaim": "חיים", "Zalman": "זלמן", "Mendel": "מענדל", "Moishe": "משה",
             "Bluma": "בלומא", "Gittel": "גיטל", "Perel": "פערל", "Chaya": "חיה"}
# Pronoun slots ({p1.his}): (male form, female form); never part of a span.
PRONOUNS = {"he": ("he", "she"), "He": ("He", "She"), "his": ("his", "her"),
            "His": ("His", "Her"), "him": ("him", "her")}

PLACES = {
    "costarica": ["Cartago", "Heredia", "Turrialba", "Nicoya", "Alajuela"],
    "cayman": ["West Bay", "Bodden Town", "North Side", "Cayman Brac"],
    "ashkenazi": ["Williamsburg", "Monsey", "Lakewood"],
    "bavarian": ["Rosenheim", "Landshut", "Straubing", "Erding", "Traunstein"],
    "minang": ["Bukittinggi", "Payakumbuh", "Solok", "Padang Panjang"],
    "mijikenda": ["Kilifi", "Kwale", "Malindi", "Mariakani"],
    "saotome": ["Trindade", "Santo Amaro", "Angolares"],
    "english": ["Wroxham", "Sedbergh", "Wetherby", "Bampton", "Alston"],
}
ORG_WORDS = ["Tallowmere", "Brackenholt", "Quillfield", "Venmore", "Orrisfield", "Lantwick",
             "Sallowby", "Marrendon", "Hebberley"]
ORG_KINDS = ["Urology Centre", "Rheumatology Service", "Health Centre", "Community Hospital",
             "Surgery", "Dermatology Unit", "Screening Service"]

# Trap vocabulary (no identifiers): eponyms, brands, name words used as words.
TRAPS = ["Queyrat", "Buschke", "Lowenstein", "Mibelli", "Favre", "Racouchot", "Trenaunay",
         "Cronkhite", "Bannayan", "Turcot", "Prehn", "Dietl", "Whitaker", "Malone", "Monti",
         "Politano", "Leadbetter", "Bricker", "Studer", "Indiana", "Kock", "Mainz", "Millin",
         "Freyer", "Hutch", "Bergman", "Lich", "Gregoir", "Caroli", "Howship", "Dercum",
         "Tolosa", "Deflux", "Macroplastique", "Bulkamid", "Urolift", "Rezum", "Aquablation",
         "Optilume", "Xeljanz", "Cimzia", "Simponi", "Imraldi", "Hulio", "Amgevita",
         "Yuflyma", "Kevzara", "RoActemra", "Otezla", "Bimzelx", "Ilumetri", "Kyntheum",
         "Enstilar", "Wynzora", "Sebco", "Cocois", "Capasal", "Exorex", "Psoriderm",
         "Pentasa", "Cortiment", "Entocort", "Ketovite", "Asacol", "Budenofalk",
         "Maimonides", "Talmud", "Yeshiva", "Kiddush", "Shabbos", "Mikvah", "Kosher", "Purim",
         "Sukkos", "minor", "porch", "gable", "spire", "rafter", "towers", "parlour",
         "steeple", "hatch", "bridges", "stern", "chinchilla", "katana", "pisang", "tanjung",
         "rendang", "casado", "Gallo", "Pinto", "Limón", "Weisswurst", "Leberkäse", "Brezn",
         "Dirndl", "Lederhosen", "merantau"]

MON = ["January", "February", "March", "April", "May", "June", "July", "August",
       "September", "October", "November", "December"]
MON3 = [m[:3] for m in MON]


def particle_word(w):
    """True for a name particle (de, la, da, do) or an elided d' prefix."""
    return w.lower() in PARTICLES or w.lower().startswith("d'")


class Person:
    """One person of a text: given name, family name, sex, region."""

    def __init__(self, rng, region, script=False, sex=None, particle=False):
        given, fam, nick = REGIONS[region]
        pool = [g for g in given if g[1] == sex] if sex else given
        self.region = region
        if script:
            pool = [g for g in pool if g[0] in HEB_GIVEN] or pool
        self.given, self.sex = rng.choice(pool)
        fams = fam
        if particle:
            fams = [f for f in fam if particle_word(f.split()[0])]
        elif script:
            fams = sorted(HEB_FAM)
        self.fam = rng.choice(fams)
        self.nick = nick.get(self.given)

    def full(self):
        return f"{self.given} {self.fam}"

    def sur(self):
        return self.fam

    def initials(self, dots=True):
        parts = self.full().replace("-", " ").split()
        letters = []
        for p in parts:
            if p.lower() in PARTICLES:
                continue
            letters.append(p[2] if p.lower().startswith("d'") else p[0])
        j = "." if dots else ""
        return j.join(letters) + j

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
        if kind == "c":
            return f"{s.upper()}^{g}"
        if kind == "l":
            return (self.nick or g).lower()
        if kind == "n":
            return self.nick or g
        if kind in PRONOUNS:
            return PRONOUNS[kind][self.sex == "f"]
        if kind == "x":
            if self.region == "ashkenazi" and self.fam in HEB_FAM:
                return f"{HEB_GIVEN.get(g, g)} {HEB_FAM[self.fam]}"
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
                words_p = set(p.fam.replace("-", " ").split()) - PARTICLES
                if all(p.given != q.given and not words_p & set(q.fam.replace("-", " ").split())
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
            self.add(date(rng, 1931, 2020), "DATE")
        elif name == "BDOB":
            self.add(date(rng, 2025, 2026), "DATE")
        elif name == "AGE":
            self.add(age(rng), "AGE")
        elif name == "CAGE":
            self.add(age(rng, 2, 15), "AGE")
        elif name == "ID":
            self.add(ident(rng, self.region), "ID")
        elif name == "PHONE":
            self.add(phone(rng, self.region), "PHONE")
        elif re.fullmatch(r"EMAIL(:p\d)?", name):
            if ":" in name:
                p = self.person(name[6:])
                local = p.given + "." + re.sub(r"[ '\-]", "", p.sur())
                local = strip_accents(local).lower()
            else:
                local = rng.choice(["ibd.advice", "uro.nurses", "homecare", "screening"])
            dom = rng.choice(["nhs.net", "quillfield.nhs.uk", "venmorehealth.org",
                              "lantwick.co.uk"])
            self.add(f"{local}@{dom}", "EMAIL")
        elif name == "URL":
            self.add(rng.choice(["https://", "www.", "http://"]) + rng.choice(
                ["tallowmere-uro.org/b/", "orrisfield.nhs.uk/r/", "sallowby-derm.co.uk/p/"])
                + str(rng.randint(1000, 99999)), "URL")
        elif name == "SSN":
            self.add(f"{rng.randint(100, 899)}-{rng.randint(10, 99)}-{rng.randint(1000, 9999)}",
                     "SSN")
        elif name == "LOC":
            self.add(rng.choice(PLACES[self.region]), "LOCATION")
        elif name == "ORG":
            self.add(f"{rng.choice(ORG_WORDS)} {rng.choice(ORG_KINDS)}", "ORG")
        elif name == "TIME":
            self.add(f"{rng.randint(7, 21):02d}:{rng.choice([0, 5, 15, 20, 35, 45]):02d}")
        elif name == "N":
            self.add(str(rng.randint(2, 38)))
        else:
            raise ValueError(name)


def strip_accents(s):
    """Drops combining marks (for e-mail local parts)."""
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def date(rng, y0=2025, y1=2027):
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
        return f"{MON3[m - 1]} {d} {y}"
    if st == 5:
        return f"{d}-{MON3[m - 1]}-{y}"
    return f"{d:02d}{MON3[m - 1].upper()}{y}"


def age(rng, lo=18, hi=96):
    """An age with its unit."""
    n = rng.randint(lo, hi)
    return rng.choice(["{} years", "{}-year-old", "{} yr", "{}Y", "{} y/o"]).format(n)


def ident(rng, region):
    """A hospital, NHS, cédula or NIK number in one of several shapes."""
    if region == "costarica" and rng.random() < 0.6:
        return f"{rng.randint(1, 7)}-{rng.randint(100, 999):04d}-{rng.randint(100, 999):04d}"
    if region == "minang" and rng.random() < 0.6:
        return "13" + "".join(str(rng.randint(0, 9)) for _ in range(14))
    st = rng.randrange(3)
    if st == 0:
        return f"{rng.randint(400, 799)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"
    if st == 1:
        return f"RQ{rng.randint(1000000, 9999999)}"
    return f"H{rng.randint(10, 99)}-{rng.randint(10000, 99999)}"


def phone(rng, region):
    """A phone number in one of several shapes."""
    if region == "cayman":
        return f"+1 345 {rng.randint(916, 949)} {rng.randint(1000, 9999)}"
    if region == "costarica":
        return f"+506 {rng.randint(8300, 8899)} {rng.randint(1000, 9999)}"
    if region == "mijikenda":
        return f"+254 7{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(100, 999)}"
    st = rng.randrange(3)
    if st == 0:
        return f"07{rng.randint(300, 999)} {rng.randint(100000, 999999)}"
    if st == 1:
        return f"020 {rng.randint(7000, 8999)} {rng.randint(1000, 9999)}"
    return f"(01{rng.randint(200, 999)}) {rng.randint(100, 999)} {rng.randint(100, 999)}"


# Templates naming people. {pN.kind}: f full, g given, s family, i initials, is initial +
# family, U upper full, SU "FAMILY, Given", c "FAMILY^Given", l lower-case given/nickname,
# n nickname, x Hebrew-script form. {tN}: title of pN (never in the span). [a|b]: options.
PERSON_T = [
    # trial without catheter
    "TWOC clinic {DATE}\n{p1.SU}  catheter out {TIME}, voided 240 ml at 13:10, residual 60 ml "
    "- passed\nSeen by {p2.is}. {p1.g} to phone if unable to pass urine tonight.",
    "{p1=m}{p3=f}{p1} came back for his second trial without catheter. He drank well but by "
    "mid-afternoon had only passed small amounts and the bladder scan showed 780 ml. "
    "[We re-catheterised him|The catheter went back in] and {t2} {p2.s} will list him for a "
    "prostate procedure. {p1.g}'s wife, {p3}, was given the leg-bag leaflet.",
    # prostate day case follow-up call
    "Day-case follow-up call {DATE}: spoke to {p1.g} ({t1} {p1.s}) the day after the "
    "procedure. Some burning and a little blood in the urine, settling. Drinking 2 litres. "
    "Advised to ring {PHONE} if clots. Call made by {p2.i}.",
    # vasectomy semen analysis
    "Dear {t1} {p1.s},\n\nYour post-vasectomy semen sample, received on {DATE}, showed no "
    "sperm. You no longer need other contraception. If you have any questions please contact "
    "the clinic secretary, {p2}, on {PHONE}.\n\nYours sincerely,\n{t3} {p3}\nConsultant "
    "Urologist, {ORG}",
    # biologic homecare delivery schedule
    "HOMECARE DELIVERY SCHEDULE\nPatient: {p1.U}   DOB {DOB}\nDrug: [adalimumab|etanercept|"
    "secukinumab] pens x2, sharps bin\nDelivery: {DATE}, 08:00-13:00, leave with neighbour "
    "{p2.g} if out\nNurse visit for training: {p3}",
    "{p1.l} hi its the homecare driver, im outside with your fridge box but no answer. ive "
    "left a card. ring {PHONE} to rebook. {p2.l}",
    # shared-care methotrexate monitoring
    "Shared-care monitoring, methotrexate 15 mg weekly - {p1} ({AGE})\nFBC/LFT {DATE}: "
    "ALT 64 (was 38). Dose held for a week; repeat bloods booked. Letter to GP {t2} "
    "{p2.s}. Rheumatology nurse {p3.is}.",
    # psoriasis review
    "Psoriasis review {DATE}: {p1} says the plaques on {p1.his} elbows and scalp "
    "are much better on the biologic. PASI down from 14 to 2. {p1.He} asked about a "
    "holiday in the sun; advised sun cream. Next review with {p2.is}. Photos taken by "
    "{p3.g}.",
    # patch testing
    "PATCH TEST READING, day 4\nName: {p1.c}\nApplied {DATE} by {p2.is}\nPositive: nickel ++, "
    "fragrance mix +\nNegative: rubber, hair dye\nInterpreted by {t3} {p3.s}. {p1.g} given "
    "avoidance leaflets.",
    "{p1=f}Patch test clinic: {p1} had a strong reaction to the hair-dye patch by day 2 and "
    "rang the nurse, {p2.g}, who told her to remove it. {p1.s} is a hairdresser in {LOC}; "
    "occupational advice given by {t3} {p3.s}.",
    # IBD advice line voicemail transcript
    "Voicemail transcript {DATE} {TIME}: 'Hi, this is {p1}, my date of birth is {DOB}. I've "
    "been going eight times a day since Sunday and there's blood. {p2.g} said to ring you. "
    "My number's {PHONE}. Thanks.' - for {p3.is} to call back.",
    "IBD advice line - {p1.SU} - flare, on [Octasa 2.4 g|mesalazine 4 g], stool sample "
    "dropped off. {p2.i} discussed with {t3} {p3.s}: steroids started. Call back Monday.",
    # capsule endoscopy booking
    "Capsule endoscopy booked for {p1} on {DATE}. Patency capsule passed. Clear fluids "
    "from noon the day before. Recorder to be returned to {p2.g} in the GI unit by 17:00. "
    "Queries: {EMAIL}. Preparation video: {URL}",
    # bowel screening kit
    "Dear {p1},\n\nThank you for returning your bowel screening kit. Your result "
    "needs a further test, which does not mean you have cancer. A specialist nurse, {p2}, "
    "will ring you within two weeks to talk about a colonoscopy.\n\n{ORG}",
    # AAA screening
    "AAA screen {DATE}\n{p1.U}  {AGE}  aorta 3.4 cm  - small, rescan 12 months\nScreener: "
    "{p2.is}\nLetter to GP {t3} {p3.s}",
    "{p1=m}{p2=m}Abdominal aortic aneurysm screening at the {ORG}: {p1} arrived with his "
    "[son|brother] {p2.g}. Aorta measured 5.7 cm. {p1.g} was told the same morning and "
    "referred urgently to the vascular surgeon, {t3} {p3.s}. {p1.He} drove himself; "
    "screener {p4.is} asked {p2.g} to drive instead.",
    # diabetic eye screening
    "DESP grading {DATE}: {p1.SU} - R1 M0 both eyes. Routine recall. Photos by {p2.i}, "
    "graded by {p3.i}.",
    "{p1} did not attend diabetic eye screening on {DATE} (third DNA). Screener {p2.g} phoned "
    "{PHONE}: {p1.g} works nights and will come to the Saturday clinic.",
    # mobile breast screening
    "{p1=f}{p2=f}{p3=f}Mobile screening unit - car park of {ORG}\n{TIME}  {p1.SU}\n{TIME}  "
    "{p2.SU}  (implants "
    "- extra views)\n{TIME}  {p3.SU}  DNA\nMammographers: {p4.g}, {p5.g}",
    # newborn blood spot repeat
    "{p1=f}Blood spot repeat needed - baby of {p1} (born {BDOB}). First card insufficient. Midwife "
    "{p2.g} to repeat on the home visit. Lab contact {p3.is}.",
    # NIPE
    "{p1=m}{p2=f}NIPE {DATE}: baby {p1}, day 1. Hips stable, red reflex present both eyes, "
    "testes descended, heart sounds normal. Mum {p2.g} happy. Examined by {p3.is}.",
    # dating scan
    "{p1=f}DATING SCAN REPORT\nName: {p1.c}   Hosp no {ID}\nCRL 58 mm = 12+3 weeks. Single live "
    "pregnancy. EDD {DATE}. NT 1.4 mm.\nSonographer: {p2}",
    # birth plan
    "{p1=f}{p2=m}{p3=f}Birth plan - {p1}\nBirth partner: {p2.g} (husband), and my sister {p3.g}\n"
    "I would like: the pool if possible, dim lights, my own music\nPain relief: gas and air "
    "first, please ask before offering anything else\nAfter birth: {p2.g} to cut the cord\n"
    "Midwife who discussed this with me: {p4.is}",
    # home birth kit
    "Home birth kit delivered to {p1.s}, {LOC}, {DATE}: gas and air x2, delivery pack, "
    "resus mat. Access via the side gate. Community midwives {p2.g} and {p3.g} on call.",
    # learning disability annual health check
    "{p1=m}Annual health check (learning disability) {DATE}\n{p1} attended with his support "
    "worker, {p2}. {p1.g} likes to be called {p1.n} and prefers pictures to words. Weight "
    "stable. Ears: wax both sides - microsuction booked. Flu jab given. {p1.s}'s health "
    "action plan updated and a copy given to {p2.g}. Practice nurse: {p3.is}.",
    # needlestick
    "Needlestick report {DATE}: {p1} (HCA) - hollow needle, after venepuncture on "
    "ward [4|9|11]. Wound bled and washed. Source patient consented to bloods (taken by "
    "{p2.is}). OH: {t3} {p3.s}.",
    "sharps incident - {p1.l} got a scratch off a used lancet in the sluice bin. washed, "
    "told {p2.l} who rang OH. not a deep injury",
    # duty of candour
    "{p2=f}Dear {t1} {p1.s},\n\nI am writing, as I said I would when we met on {DATE}, to say "
    "again how sorry we are that your mother, {p2}, fell on the ward and broke her wrist. "
    "We are looking into how this happened and {t3} {p3.s}, the matron, will share the "
    "findings with you. If you would like to talk before then, please call me on {PHONE}."
    "\n\nYours sincerely,\n{p4}\nWard Manager",
    # side-room whiteboard
    "MY NAME IS: {p1.n}\nMY NURSE TODAY: {p2.g}\nMY DOCTOR: {t3} {p3.s}\nI LIKE: [tea with "
    "two sugars|the radio on|the blind half open]\nFAMILY: {p4.g} visits after 6",
    # leaving card
    "Good luck {p1.g}!! The ward won't be the same. Don't forget us - {p2.l} x\n"
    "{p1.n}, thanks for all the night-shift chats. {p3.g}\n"
    "To {p1.s}, best wishes in {LOC}. {p4.is}",
    # rota swap e-mail
    "{p3=m}From: {p1} <{EMAIL:p1}>\nTo: rota coordinator\nSubject: swap\n\nHi {p2.g}, {p3.g} "
    "has agreed to do my night on {DATE} and I'll do his long day the week after. "
    "Cheers, {p1.g}",
    # MRI safety questionnaire
    "MRI SAFETY QUESTIONNAIRE\nPatient: {p1.U}   Weight: 71 kg\nPacemaker: no   Metal in "
    "eyes: [welder 1990s - orbit X-ray clear|no]   Implants: hip replacement 2011\nChecked "
    "by: {p2}   Radiographer: {p3.is}",
    # contrast extravasation
    "{p1=f}Contrast extravasation {DATE}: {p1} ({AGE}), 40 ml into the left antecubital fossa "
    "during CT. Arm elevated, cold pack. Radiologist {t2} {p2.s} reviewed: no skin change. "
    "She will ring {PHONE} if blistering. Radiographer {p3.g}.",
    # radiotherapy on-treatment review
    "{p4=f}On-treatment review, fraction 12/20: {p1}. Skin in the field pink, no "
    "breakdown; using aqueous cream. Tired. Seen by therapeutic radiographer {p2.is}, "
    "discussed with {t3} {p3.s}. {p1.g}'s daughter {p4.g} is driving {p1.him} daily.",
    # synacthen test
    "Short synacthen test {DATE}: {p1.SU}, weight 58 kg. 0 min cortisol 212, 30 min 486 - "
    "adequate. Cannula by {p2.is}. Result phoned to {t3} {p3.s} at {TIME}.",
    # growth clinic
    "{p2=f}{p3=m}Growth clinic: {p1} ({CAGE}), height on the 2nd centile, mother {p2.g} 158 "
    "cm, father "
    "{p3.g} 169 cm. Bone age requested. {t4} {p4.s} to review with results. Measured by "
    "{p5.g}.",
    # home BP text
    "{p1.l}: bp this morn 148/92 then 141/88. took the amlodipine. {p2.l} says I look pale\n"
    "surgery: Thanks {p1.n}, keep recording twice a day for a week. {p3.g} (HCA)",
    # heart failure titration
    "{p1=m}{p2=f}Heart failure nurse home visit {DATE}: {p1} (NYHA II). Weight down 1.2 kg. BP "
    "104/66, K 4.9. Bisoprolol increased to 5 mg. His daughter {p2.g} fills the dosette. "
    "{p1.s} asked about going to {LOC} for a wedding - fine. {p3.is}, HF CNS.",
    # pulmonary rehab register
    "Pulmonary rehab - week 4 of 6\n{p1.SU}   present   walk 310 m\n{p2.SU}   present   "
    "walk 242 m\n{p3.SU}   absent (chest infection)\nLed by {p4.g} and {p5.g}",
    # liver stiffness scan
    "Liver stiffness {DATE}: {p1}, 14 valid readings, median 11.8 kPa, IQR/med 18%. "
    "Suggests advanced fibrosis. Operator {p2.is}; hepatology clinic with {t3} {p3.s}.",
    # care-home medication round
    "Care home MAR, [morning|lunchtime|teatime] round\nRoom 4 {p1}: all given\nRoom 6 "
    "{p2.s}: refused the laxative again\nRoom 9 {p3.n}: asleep - try at {TIME}\nSigned {p4.i}",
    # discharge to assess
    "D2A referral {DATE}\nName: {p1}   DOB {DOB}   Hosp no {ID}\nLives alone in {LOC}. "
    "Needs one carer for washing and dressing. Next of kin: {p2} ({PHONE}). Referrer: "
    "{p3.is}",
    # venom immunotherapy
    "Venom immunotherapy {DATE}: {p1.SU}, wasp, maintenance 100 mcg. Obs stable for 60 min "
    "after. Next dose in 6 weeks. Given by {p2.is}, doctor present {t3} {p3.s}.",
    # hereditary angioedema
    "{p1=f}HAE home infusion training: {p1} self-cannulated the left forearm on the second "
    "try and gave 1500 units of C1 inhibitor. Her partner {p2.g} can mix the vials. Signed "
    "off by {p3.is}; {t4} {p4.s} aware.",
    # lipid clinic
    "{p3=m}Lipid clinic letter\n\nDear {t1} {p1.s},\n\nI saw {p2} ({AGE}) with an LDL of 6.9 and "
    "tendon xanthomata. {p2.g}'s father died at 52 of a heart attack. I have started "
    "atorvastatin 80 mg and requested genetic testing. {p2.His} brother {p3.g} should be "
    "tested too.\n\nYours sincerely,\n{t4} {p4}",
    # contact-lens aftercare
    "Contact lens aftercare {DATE}: {p1} - monthly silicone hydrogels, sleeps in "
    "them twice a week. Mild papillae. Advised daily disposables. Optometrist {p2.is}.",
    # visual fields
    "VISUAL FIELDS 24-2\n{p1.c}   R: MD -4.2 dB, reliable   L: MD -1.1 dB\nPerformed by "
    "{p2.g}   For {t3} {p3.s}, glaucoma clinic",
    # kosher meal and Sabbath discharge
    "{p1=m}{p2=f}Catering request: kosher meals (sealed, double-wrapped) for {p1} in bay 3. Wife "
    "{p2.g} will bring food on Shabbos. Ordered by {p3.is}.",
    "{p1=m}{p3=m}Discharge planning note {DATE}: {p1} is Sabbath-observant and cannot travel "
    "after sunset on Friday. {t2} {p2.s} agreed discharge on Thursday instead. His son, "
    "{p3}, will collect. Lift and call-bell arrangements explained to the family by {p4.g}.",
    "Visitor note: {p1.x} ({p1}) - Yiddish speaker, some English. Family ask that "
    "{p1.g} be offered a female carer. Rabbi {p2.s} visiting on {DATE}. Noted by {p3.is}.",
    "{p2=m}Name on the referral in Hebrew script: {p1.x}. Registered on PAS as {p1.U}. Please "
    "use both on the wristband - confirmed with {p2.g} (grandson) and {p3.is}.",
    # GP duty list
    "DUTY LIST {DATE}\n1. {p1.s} - rash on baby, photo sent\n2. {p2} - wants sick note\n"
    "3. {p3.SU} - chest pain, advised 999\nDuty doctor: {t4} {p4.s}",
    # death registration booking
    "Bereavement office: appointment at the register office for {p1} on {DATE} at {TIME} to "
    "register the death of {p1.his} [father|mother], {p2}. MCCD issued by {t3} {p3.s}.",
    # practice newsletter
    "{p3=f}PRACTICE NEWSLETTER - SPRING\nWelcome to our new practice nurse, {p1}, who joins us "
    "from "
    "{LOC}. {p1.g} runs the asthma clinics on Tuesdays. Farewell to {t2} {p2.s}, who retires "
    "after 31 years: {p2.g}'s last surgery is on {DATE}. Our receptionist {p3.g} has "
    "finished her marathon training and raised money for the hospice.",
    # retirement speech
    "Speech notes for {p1.g}'s retirement: started here as a porter in 1989 - {p1.s} still "
    "knows every corridor. Story about the fire drill with {p2.g}. Thank {p3} for the cake. "
    "Hand over the card from the renal unit.",
    # TB contact letter
    "Dear {p1},\n\nSomeone you spend time with has been diagnosed with tuberculosis. "
    "We would like to offer you a blood test. Please ring {p2} at the TB service on {PHONE} "
    "to book, or read more at {URL}.\n\nYours sincerely,\n{p3}\nTB Nurse Specialist, {ORG}",
    # wound infection surveillance
    "SSI surveillance call, day 30: {p1.SU} (hip replacement). No redness, no discharge, "
    "no antibiotics from the GP. Call by {p2}.",
    # medical photography request
    "Medical photography request: {p1} (hosp no {ID}). Leg ulcer, right medial malleolus, "
    "with ruler. Consent for the record only. Requested by {p2.is}; photographer {p3.g}.",
    # insurance form
    "Travel insurance medical declaration\nApplicant: {p1}\nDate of birth: {DOB}\nConditions "
    "declared: type 2 diabetes, AF\nGP completing: {t2} {p2}\n[Policy ref {ID}|US SSN on file: "
    "{SSN}]",
    # exercise referral
    "{p1=f}Exercise referral: {p1} ({AGE}), BMI 34, knee osteoarthritis. She would like "
    "aqua classes at the leisure centre in {LOC}. Referred by {t2} {p2.s}; instructor "
    "{p3.g} will ring her. {p1.g} to bring the referral form.",
    # B12 list
    "B12 injections - {DATE}\n{p1.i}  {p1.s}  given L deltoid\n{p2.i}  {p2.s}  given R "
    "deltoid\n{p3.i}  {p3.s}  not attended\nNurse: {p4.g}",
    # microsuction booking
    "Microsuction booked: {p1.SU}, both ears occluded, olive oil for a week done. Hearing aid "
    "user. Clinic with {p2.is} on {DATE}. Text reminder to {PHONE}.",
    # enteral feed delivery
    "Home enteral feed delivery {DATE}: {p1} - 28 bottles, giving sets x30, syringes. "
    "Stored in the garage - asked {p1.his} carer {p2.g} to move them indoors. Dietitian "
    "{p3.is} informed.",
    # pharmacy BP check
    "Pharmacy BP check: {p1}, 162/98 on two readings. Referred to the GP, "
    "{t2} {p2.s}, same week. Pharmacist {p3}.",
    # coding query
    "Coding query: episode for {p1.U}, admitted {DATE}. Discharge letter says 'urosepsis', "
    "culture negative. Please confirm the diagnosis - {p2.g} (clinical coder) to {t3} "
    "{p3.s}.",
    # subject access log
    "SAR log\nRequester: {p1} (self)\nReceived: {DATE}\nRecords: ED and urology 2019-2024\n"
    "Redaction by: {p2.is}\nReleased: [on time|one week late - apology sent]",
    # misdirected letter
    "Incident {ID}: clinic letter for {p1} posted to {p2} at the old address in {LOC}. "
    "{p2.g} returned it unopened. {p1.g} informed by phone by {p3.is}; Caldicott guardian "
    "{t4} {p4.s} notified.",
    # music therapy
    "{p2=f}Music therapy session {DATE}: {p1.n} ({p1}) played the drum with {p1.his} granddaughter "
    "{p2.g}. Smiled at 'Blue Moon'. Therapist {p3.g}.",
    # pet therapy
    "{p2=f}Pet therapy visit: {p1.g} (volunteer) brought the labrador to the dementia ward. "
    "{t2} {p2.s} in bed 3 stroked him for ten minutes and talked about her farm. Supervised "
    "by {p3.is}.",
    # lift share
    "lift share for the snow days: {p1.l} picking up {p2.l} and {p3.l} from the {LOC} turn-off "
    "at 6.40. {p4.l} can drive back. ring {p1.l} on {PHONE}",
    # secret santa
    "Secret Santa ward 10 - {p1.g} has {p2.g}, {p2.g} has {p3.g}, {p3.g} has {p4.g}, "
    "{p4.g} has {p1.g}. Limit £5! Organised by {p1.n}.",
    # Urolift follow-up, long narrative with particle name
    "{p2=m}{p3=f}Urology outpatient letter\n\nDear {t1} {p1.s},\n\nI reviewed {p2} ({AGE}) six "
    "weeks "
    "after his prostatic urethral lift. {p2.g} now gets up once at night instead of four "
    "times, and the stream is much better. His wife, {p3}, says he is sleeping through. "
    "There was some blood in the urine for a week, which settled. I have stopped the "
    "tamsulosin. {t4} {p4.s} will see him in a year, or sooner if the symptoms "
    "return.\n\nYours sincerely,\n{p5}\nSpecialist Registrar",
    # theatre list upper-case
    "{p1.U}  -  CYSTO + STENT  -  {t2} {p2.s}  -  anaes {p3.s}  -  NBM from {TIME}  -  "
    "{p1.s} diabetic, first on list",
    # chat
    "{p2=f}{p1.l}: anyone seen {p2.l}? her bleep's going off\n{p3.l}: she's in the mri with the "
    "ventilated pt\n{p1.l}: ok cheers",
    # WhatsApp family update
    "{p2=m}family\n{p1.l}: dad's scan was clear!!\n{p3.l}: oh thank god\n{p1.l}: {p2.l} "
    "wants fish and chips to celebrate lol\n{p4.l}: tell him love from us x",
]

# Texts with no identifier at all: traps.
TRAP_T = [
    "Urology teaching: erythroplasia of Queyrat and the Buschke-Lowenstein tumour are both "
    "on the penile lesion list. [Prehn sign is unreliable|Do not rely on Prehn sign] in "
    "torsion. Dietl crisis explains the intermittent loin pain.",
    "Reconstruction options after cystectomy: ileal conduit (Bricker), Studer neobladder, "
    "Indiana or Kock pouch, Mainz pouch. Mitrofanoff-style channels are covered next week, "
    "with the Malone and Monti procedures.",
    "Ureteric reimplantation: Politano-Leadbetter for the left, Lich-Gregoir for the right. "
    "Deflux was tried first in clinic.",
    "Prostatectomy options: Millin (retropubic) or Freyer (transvesical). Hutch diverticulum "
    "noted at the ureteric orifice. Whitaker test if the dilatation is unexplained.",
    "Bladder outflow: Urolift, Rezum and Aquablation are offered; Optilume for the urethral "
    "stricture. Bulkamid or Macroplastique injection for stress incontinence.",
    "Skin teaching: porokeratosis of Mibelli, Favre-Racouchot on sun-damaged cheeks, "
    "Klippel-Trenaunay with the port-wine stain. Cronkhite syndrome and Bannayan and Turcot "
    "syndromes in the polyposis talk. Dercum disease for the painful lipomas.",
    "Caroli disease on the MRCP. Howship-Romberg sign in the obturator hernia. Tolosa-Hunt "
    "excluded on the orbital MRI.",
    "Biologics stock check: Imraldi, Hulio, Amgevita and Yuflyma pens in the fridge; Cimzia "
    "and Simponi on order; Xeljanz and Otezla tablets in the cupboard. Kevzara and "
    "RoActemra for the two new starts.",
    "Psoriasis plan: Enstilar foam to the plaques, Wynzora cream if preferred. Sebco or "
    "Cocois for the scalp, Capasal shampoo. Exorex lotion as a second line; Psoriderm bath "
    "emulsion. Bimzelx, Ilumetri or Kyntheum if the PASI stays high.",
    "IBD formulary: Pentasa granules or Asacol tablets; Cortiment or Entocort for a mild "
    "flare, Budenofalk foam for the rectum. Ketovite for the short-gut patients.",
    "Dental note: the bridge on the upper left is loose; two bridges need replacing next "
    "year. [Minor|A minor] bleed after the extraction, settled with pressure.",
    "Estates: the porch roof over the ambulance bay leaks. The gable end of the chapel needs "
    "new rafters and the steeple is covered in scaffolding. The serving hatch in the day "
    "room sticks. Both towers of the old building are closed.",
    "Radiology: a steeple sign on the neck film in the toddler with croup. Parlour games "
    "on the children's ward every Friday. The stern of the model boat in the play room is "
    "broken.",
    "Minor injuries unit open until 22:00. Minor procedures list cancelled tomorrow. A "
    "minor change to the dressing policy follows.",
    "Allergy history: reaction to pisang goreng at a food market and to rendang (peanut "
    "in the sauce). Casado and gallo pinto tolerated. Weisswurst and Leberkäse eaten "
    "without problems; a Brezn with sesame caused hives.",
    "Injury from a katana (display sword) to the left palm; flexor tendons intact. "
    "Chinchilla bite to the finger in a pet-shop worker: amoxicillin-clavulanate given.",
    "Dress code for the Oktoberfest fundraiser: Dirndl and Lederhosen optional. Please "
    "keep the fire exits clear. Tickets from the staff social committee.",
    "Spiritual care: the Talmud study group meets in the multi-faith room. Kosher meals are "
    "ordered through catering; Kiddush wine is not allowed on the ward but grape juice is. "
    "Shabbos lifts stop at every floor on Saturdays. Purim and Sukkos dates are on the "
    "calendar. The mikvah question should go to the chaplaincy.",
    "Ethics lecture: Maimonides on the duties of a physician. The yeshiva students "
    "volunteering on Sundays must complete induction first.",
    "Tanjung is the Malay word for a headland; many place names on the coast begin with it. "
    "Merantau, the custom of young men leaving home to seek work, was discussed at the "
    "cultural-awareness session.",
    "Bowel screening uptake is lowest in men under sixty. Leaflets in large print and "
    "easy-read formats are on the shelf by reception.",
    "Fridge log reminder: record minimum, maximum and current temperatures every day. If "
    "out of range, quarantine the stock and ring pharmacy.",
    "Catheter care: empty the leg bag when two-thirds full, change it weekly, drink two "
    "litres a day unless told otherwise. Night bags are single use.",
    "Radiotherapy skin care: wash with lukewarm water, pat dry, no perfumed products on the "
    "treated area. Loose cotton clothing helps.",
    "Sharps bins must be closed at the three-quarter line, labelled with the ward and "
    "dated. Never push waste down with your hand.",
    "Newborn examination: check the red reflex, the hips, the heart and the testes within 72 "
    "hours of birth. Repeat the hip check at six to eight weeks.",
]


def build():
    """Returns the 300 records and how often each template was used."""
    rng = random.Random(SEED)
    regions = sorted(REGIONS)
    jobs = corpus_kit.schedule(rng, len(PERSON_T), len(TRAP_T))
    # Every eleventh text naming a person gets a particle name (de la O, do Espírito Santo,
    # da Graça, d'Alva) for its first person, unless its first person is in Hebrew script.
    out = []
    uses = {}
    named = 0
    for n, (kind, i) in enumerate(jobs, 1):
        uses[(kind, i)] = uses.get((kind, i), 0) + 1
        if kind == "p":
            tmpl = PERSON_T[i]
            named += 1
            script = ".x}" in tmpl
            particle = not script and named % 11 == 0
            if script:
                doc_regions = ["ashkenazi"]
            elif particle:
                doc_regions = [rng.choice(["costarica", "saotome"])]
            else:
                doc_regions = [rng.choice(regions)]
            doc_regions += rng.sample(regions, 4)
            doc = Doc(rng, doc_regions, script, particle)
            doc.render(tmpl)
        else:
            doc = Doc(rng, [rng.choice(regions)])
            doc.render(TRAP_T[i])
        out.append({"id": f"blind17-{n:03d}", "text": doc.text, "entities": doc.ents})
    return out, uses


def self_check(records, uses):
    """Refuses anything shared with earlier corpora, and checks the records' shape."""
    seen = corpus_kit.earlier_words(HERE, 16)
    ours = set()
    for given, fam, nick in REGIONS.values():
        for g, _ in given:
            ours |= corpus_kit.words(g)
        for f in fam:
            ours |= corpus_kit.words(f)
        for v in nick.values():
            ours |= corpus_kit.words(v)
    for v in list(HEB_FAM.values()) + list(HEB_GIVEN.values()):
        ours |= corpus_kit.words(v)
    for v in PLACES.values():
        for p in v:
            ours |= corpus_kit.words(p) - PLACE_GENERIC
    for t in TRAPS + ORG_WORDS:
        ours |= corpus_kit.words(t)
    ours = {w for w in ours if len(w) > 2 and w not in PARTICLES}
    shared = sorted(ours & seen)
    if shared:
        sys.exit("shared with earlier corpora: " + ", ".join(shared))
    corpus_kit.check_shape(records, uses)
    with_particle = sum(1 for r in records if any(
        any(particle_word(w) for w in r["text"][e["start"]:e["end"]].split())
        for e in r["entities"] if e["type"] == "PERSON"))
    assert with_particle >= 8, with_particle


def main():
    """Builds, checks and writes the corpus."""
    records, uses = build()
    self_check(records, uses)
    corpus_kit.write_jsonl(OUT, records)


if __name__ == "__main__":
    main()
