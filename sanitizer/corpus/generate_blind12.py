#!/usr/bin/env python3
"""Deterministic generator for the sanitizer's twelfth BLIND corpus (blind12.jsonl), the
fifteenth corpus overall.

Run from the repository root:  python3 sanitizer/corpus/generate_blind12.py
Output is byte-identical on every run (own seed, no clock, no environment, no hash order).

NEVER SCORED: written blind, without reading the sanitizer's source or
sanitizer/tests/generalise.rs and without running the sanitizer, its bench or its failures
example on anything. It is meant to be scored ONCE, later, by someone other than its author;
until then it is parsed only (the shape test in sanitizer/tests/corpus.rs). Templates, word
lists and names share nothing by design with generate.py (dev), generate_heldout.py
(heldout), generate_test.py (test), generate_blind.py .. generate_blind11.py, their .jsonl
outputs and names.json: the self-check at the end refuses any pool name part, nickname, name
in another script, trap term, organisation key word or place found (as a whole word,
case-insensitive) in those files. Only the name particles "de" / "d'" and one- or two-letter
tokens are exempt (so the Chinese-Filipino family names Uy, Sy, Go and Dy are not checked).

Genres and their sentence shapes (300 texts: 220 naming a person, 80 with no identifier;
lengths from two words to about 120; 62 templates with identifiers, none filled more than
five times, most with two or three differently worded variants): expressed-breast-milk
labels, plasma-exchange records, cremation medical-referee queries, ward-door intercom logs,
cystoscopy and urodynamics reports, EEG reports, tissue (cornea) donation calls, equipment
loan orders, hand-therapy and splint records, medicines delivery runs, visitor sign-in
sheets, GP registration forms with a national ID from abroad, bed-huddle notes, physio-gym
boards and ED majors boards (surnames in capitals), wound charts, post-falls reviews,
anticoagulant (INR) dosing records, lung-function headers, oral food-challenge logs, cardiac
rehab attendance lists (``Family, Given``), fluid-balance charts (``FAMILY^GIVEN``, initials
with full stops), infant-feeding notes, Mental Health Act applications and tribunal notes,
custody healthcare assessments, asylum-seeker health assessments, patient property logs,
hospital radio request slips, volunteer rotas, district-nurse diaries, care-home handovers,
domiciliary care call logs (carers' initials), supervised methadone logs, lifeboat casualty
cards, festival medical-tent logs, match-day injury logs, school-trip medical forms, MCCD
copies, coroner referrals, IVF laboratory witness logs, specimen rejections, staff badges and
ultrasound overlays with OCR noise (case flips, 0/O and 1/l confusions, dropped spaces, stray
marks), CT worklists, staff parking-permit e-mails (URL, e-mail), video-consultation logs,
a long diabetic-foot clinic letter, wheelchair-service assessments, carers' assessments,
travel-clinic records (passport numbers), blood-donor session notes, ward bed lists with ages,
pharmacy queries, sleep-referral e-mails, lower-case night-shift chat, lower-case notes,
sign-offs with a nickname, locker and menu-card labels that carry a family name in Cyrillic
or Bengali script beside its romanised form, and two- to four-word notes. Some shapes share a
genre (not wording) with an earlier corpus: custody healthcare notes (blind7), the MCCD copy
and the cremation query (blind8), wound charts (blind9 had wound photo captions), radiology
overlays, staff chat, short notes, pharmacy queries, e-mails and school forms. People are mentioned repeatedly and partially
(surname only, given name only, title + surname, initials, nickname, lower case, upper
case) and every mention carries one ``person`` id; relatives are drawn from the same naming
tradition as the patient.

Names were listed by hand, as commonly borne in these traditions (general knowledge of
public name lists, registers and naming studies; nothing was downloaded). None of these
traditions is listed in an earlier generator's docstring or among the regions briefed for
blind7 .. blind11, and none lies next to one of those (the briefed examples Sámi, Faroese,
Maltese, Basque, Tongan, Kurdish, Tatar, Wolof, Shona, Malagasy, Navajo, Cherokee, Quechua,
Pashtun, Gurung and Yoruba were all found in earlier docstrings and left out; so were Mari
and Circassian, neighbours of Chuvashia and Kabardino-Balkaria). Aymara names shared with
the Peruvian lists of blind2 (Mamani, Quispe, Condori, Huanca, Ticona) were refused by the
self-check and left out:
- Edo (Bini) of Edo State, Nigeria (far from the Tiv, Efik and Kanuri lands): Omoregie,
  Igbinedion, Ogbebor, Obaseki, Osunde, Iyamu, Eweka, Aigbogun, Ehigiator, Idahosa, Uwaifo,
  Erhabor, Ogiemwonyi; Osaro, Efosa, Nosakhare (Nosa), Eghosa, Osayande (Osas), Uyi; Ivie,
  Osasu, Adesuwa, Iyobosa, Eseosa;
- Nama and Damara (southern and central Namibia): Khoekhoegowab family names with the male
  -b and female -s endings (Gariseb / Garises, Haraseb, Goagoseb, Hoebeb, Gowaseb, Eiseb)
  and the Afrikaans-shaped Witbooi, Swartbooi; Gottlieb (Lieb), Erastus, Ignatius, Petrus;
  Hilma, Magdalena, Albertina;
- Koryo-saram (Koreans of Kazakhstan and Uzbekistan): Russian-spelt Korean family names
  (Tsoi, Ogai, Tyan, Khvan, Yugai, Hegai, Ligai, Magai, Tkhai), also in Cyrillic, with
  Soviet-era given names (Vladlen, Marlen, Gennadi, Eduard; Ninel, Rimma, Alevtina);
- Gagauz (Gagauzia, Moldova): Formuzal, Topal, Tabunshchik, Ivanoglo, Kurdoglo, Dimitroglo,
  Gaidarji, Chakir, Yanioglo, Arnaut; Todur, Dionis, Stepan; Evdokia, Paraskeva, Zinaida;
- Palau: Remengesau, Toribiong, Etpison, Ngiraked, Ngirmang, Rengiil, Olkeriil, Kesolei,
  Whipps, Ngiratkel, Tellei and the hyphenated Rehuher-Marugg; Surangel, Kuniwo, Haruo;
  Faustina, Ilebrang, Dilmei;
- Tlingit (Southeast Alaska): Peratrovich, Kookesh, Soboleff, Katzeek, Worl, Shotridge,
  Kadashan, Nannauck, Dangeli; Elmer, Wilbur, Lydell; Rosita, Irene, Nellie;
- Chakma (Chittagong Hill Tracts): Chakma, Dewan, Khisa, Talukdar, Larma, Tongchangya, also
  in Bengali script; Jyotirindra, Manabendra (Manab), Devasish, Santu; Kalpana, Shefali,
  Anima;
- Occitan (Rouergue, Aveyron and Languedoc): Puech, Delpech, Cazals, Soulié, Bonnafous,
  Teisseire, Castanier, Mistral, Roumanille, Aubanel, Vayssière and the particle names
  de Séverac, d'Alzon; Estève, Peire, Jòrdi, Bernat; Mirèlha, Esclarmonda (Monda), Azalaïs;
- Aymara (La Paz altiplano and El Alto): paternal + maternal surnames (Choque, Apaza,
  Colque, Chambi, Huarachi, Limachi, Cusi, Yujra, Tarqui) with Wilber, Nicanor, Severo,
  Eulogio (Loyo); Benedicta, Casimira, Celestina, Eulalia;
- Ambonese (Moluccas, and the Moluccan diaspora in the Netherlands): Pattiasina, Latuheru,
  Sahetapy, Tuhumury, Matulessy, Leiwakabessy, Siahaya, Manuhutu, Wattimena, Tahapary,
  Pelupessy, Huwae, Lokollo, Ririmasse; Semuel, Yakobus (Kobus), Frits; Yohana, Ivonne,
  Marthina;
- Sundanese (West Java): two-name personal names (Asep, Ujang, Cecep, Dadang, Jajang, Entis;
  Euis, Neneng, Iis, Enung, Imas, Yayah with Sunarya, Suryana, Permana, Sutisna, Supriatna,
  Mulyana, Kusnadi, Saepudin);
- Bermuda: Trott, Zuill, Bascome, Tatem, Burchall, Furbert, Wingood, Mussenden, Astwood,
  Cann; Lennox, Delvin, Kamal; Lois, Gita, Dianne;
- Chinese-Filipino (Tsinoy, Binondo): Uy, Sy, Go, Dy, Tiu, Tanchoco, Sycip, Ongpin,
  Tiangco, Gokongwei, Yuchengco, Coyiuto; Lucio, Benito, Ramoncito (Monching); Teresita
  (Tessie), Lilibeth, Jocelyn;
- English surnames that are trees or old instruments, word classes no earlier corpus used
  (Alder, Beech, Elder, Spruce, Larch, Poplar; Tabor, Harp), with Reginald (Reggie), Cyril,
  Archibald, Gladys, Edna, Ethel, Maud (Shropshire addresses).
Nicknames: Nosa, Osas, Lieb, Manab, Monda, Loyo, Kobus, Monching, Tessie, Reggie. Names in
another script: Цой, Огай, Тян, Хван, Югай, Хегай, Лигай, Магай, Тхай; চাকমা, দেওয়ান, খীসা,
তালুকদার, লারমা, তঞ্চঙ্গ্যা. Word-names: the tree and instrument surnames, Mistral (a wind),
Go, and the people's name Chakma.

The 80 texts without identifiers are traps: eponyms no earlier corpus used (Kimmelstiel,
Fechtner, Sarnat, Brazelton, Erb, Potter, Treacher Collins, Coryllos, Zargar, Rutgeerts,
Savary-Gilliard, Martorell, Charles Bonnet, Stendhal, Briquet, Kluver-Bucy, Anton, Ondine,
Kleine-Levin, Sibson, Poirier, Kupffer, Brunner, Paneth, Langerhans, Magendie, Rathke,
Volkmann, Struthers, Frohse, Cloquet, Heister, Lieberkühn, Humphry, Wrisberg, Gerdy,
Chassaignac, Woodruff, Reinke, Guyon), drug, dressing, vaccine, nutrition and device brands
(Phosex, Velphoro, Eprex, Binocrit, Cosmofer, Nipro, Hemospray, Gastrografin, Citrafleet,
Klean-Prep, Pentax, Fujinon, Cutimed, Flaminal, Iodoflex, Biatain, Kerramax, Zetuvit,
Actico, Urgostart, Silvercel, Prontosan, Octenilin, Vivotif, Dukoral, Ixiaro, Typhim,
Rabipur, Stamaril, Malarone, Lariam, Paludrine, Avloclor, Riamet, Coartem, Complan,
Foodlink, Aymes, Nutilis, Marevan, Sinthrome, Arixtra, LOGIQ), this corpus's word-names
used as words ("alder pollen", "beech hedge", "spruce up", "larch decking", "elder abuse",
"poplar trees", "harp music", "a mistral wind", "pipe and tabor", "Chakma interpreter"),
anatomy, staff chat without names, overlays without names, notices, and sentences that
open with a capitalised word.

Conventions of the gold spans, the same as generate_blind6.py's so that scores compare
(offsets in code points, see the shared corpus format):
- PERSON spans cover the name only, never a title (Dr, Mr, Mrs, Ms) and never a possessive
  's; a ``FAMILY^GIVEN`` value and a ``Family, Given`` value are one span each; the
  particles "de" and "d'" are inside the span; both Aymara surnames are one span; a family
  name in Cyrillic or Bengali script is a mention of the same person as its romanised form;
  initials standing for a person are PERSON; relatives, carers, visitors, volunteers,
  drivers, witnesses and checkers are people too; a name inside an e-mail address is part
  of the EMAIL span only; song titles ("Hey Jude") are not people;
- AGE spans cover the number with its attached unit ("54-year-old", "35 yrs", "85y",
  "7 years"); a bare number after "Age", in an age column or after "Re: name," is the whole
  span;
- DATE spans cover a full date in whatever format, with a time written with it; a time
  alone (a chat or log timestamp) is not a DATE, nor is a year alone;
- LOCATION spans cover a street address as one span, or a town named alone; ORG spans
  cover the whole name of a hospital, clinic, health centre or funeral director;
- ID, PHONE, EMAIL, URL, SSN spans cover the value only, not its label. SSN is used for
  national personal codes (Nigerian NIN, Namibian ID, Kazakh IIN, Moldovan IDNP,
  Bangladeshi NID, French NIR, Bolivian CI, Indonesian NIK, PhilSys, US SSN, UK National
  Insurance number); hospital, unit, custody, asylum-case, donor, staff and passport
  numbers are ID. Bed, cot and chair numbers, extensions, bleeps, wristband and receipt
  numbers are not marked.

Self-check (the script exits non-zero and writes nothing on failure): every span's slice is
exactly the string the template inserted; spans are sorted, non-empty, trimmed and do not
overlap; types are EntityKind names; PERSON spans and only they carry a `person` id, one id
per individual and one individual per id, and each mention is a form of that individual's
name (OCR-noised texts excepted); no part of a person's name occurs outside a span in that
text (a text where it would is drawn again); no pool name part occurs outside a span in any
text, except the word-names listed in WORD_NAMES, which the trap texts use as ordinary words;
texts without identifiers hold no span and every other text names a person (300 texts: 220
with names, 80 without any identifier); no template is used more than five times and at
least 44 are used; ids and texts are unique; no pool name part, nickname, trap term,
organisation key word or place occurs in the earlier generators, their corpora or names.json
(generic words such as Hospital, Centre, Road are not checked).
"""

import json
import os
import random
import re
import sys
import unicodedata

SEED = 12_041_937
OUT = os.path.join("sanitizer", "corpus", "blind12.jsonl")
N_PII = 220
N_TRAP = 80
MAX_USES = 5
KINDS = {"PERSON", "DATE", "AGE", "ID", "PHONE", "EMAIL", "URL", "SSN", "LOCATION", "ORG"}
EARLIER = ["generate.py", "generate_heldout.py", "generate_test.py", "generate_blind.py",
           "generate_blind2.py", "generate_blind3.py", "generate_blind4.py",
           "generate_blind5.py", "generate_blind6.py", "generate_blind7.py",
           "generate_blind8.py", "generate_blind9.py", "generate_blind10.py",
           "generate_blind11.py", "dev.jsonl", "heldout.jsonl", "test.jsonl", "blind.jsonl",
           "blind2.jsonl", "blind3.jsonl", "blind4.jsonl", "blind5.jsonl", "blind6.jsonl",
           "blind7.jsonl", "blind8.jsonl", "blind9.jsonl", "blind10.jsonl", "blind11.jsonl",
           "names.json"]


def fail(msg):
    sys.stderr.write("generate_blind12.py: self-check failed: " + msg + "\n")
    sys.exit(1)


# ---------------------------------------------------------------------------------------------
# Names (see the docstring for sources). "famm" / "famf" hold family names whose form depends
# on the bearer's sex (the Nama -b / -s endings).

REGIONS = {
    "edo": dict(
        m=["Osaro", "Efosa", "Nosakhare", "Eghosa", "Osayande", "Uyi"],
        f=["Ivie", "Osasu", "Adesuwa", "Iyobosa", "Eseosa"],
        fam=["Omoregie", "Igbinedion", "Ogbebor", "Obaseki", "Osunde", "Iyamu", "Eweka",
             "Aigbogun", "Ehigiator", "Idahosa", "Uwaifo", "Erhabor", "Ogiemwonyi"],
    ),
    "nama": dict(
        m=["Gottlieb", "Erastus", "Ignatius", "Petrus"],
        f=["Hilma", "Magdalena", "Albertina"],
        famm=["Gariseb", "Haraseb", "Goagoseb", "Hoebeb", "Gowaseb", "Eiseb", "Witbooi",
              "Swartbooi"],
        famf=["Garises", "Harases", "Goagoses", "Hoebes", "Gowases", "Eises", "Witbooi",
              "Swartbooi"],
    ),
    "koryo": dict(
        m=["Vladlen", "Marlen", "Gennadi", "Eduard"],
        f=["Ninel", "Rimma", "Alevtina"],
        fam=["Tsoi", "Ogai", "Tyan", "Khvan", "Yugai", "Hegai", "Ligai", "Magai", "Tkhai"],
    ),
    "gagauz": dict(
        m=["Todur", "Dionis", "Stepan"],
        f=["Evdokia", "Paraskeva", "Zinaida"],
        fam=["Formuzal", "Topal", "Tabunshchik", "Ivanoglo", "Kurdoglo", "Dimitroglo",
             "Gaidarji", "Chakir", "Yanioglo", "Arnaut"],
    ),
    "palau": dict(
        m=["Surangel", "Kuniwo", "Haruo"],
        f=["Faustina", "Ilebrang", "Dilmei"],
        fam=["Remengesau", "Toribiong", "Etpison", "Ngiraked", "Ngirmang", "Rengiil",
             "Olkeriil", "Kesolei", "Whipps", "Rehuher-Marugg", "Ngiratkel", "Tellei"],
    ),
    "tlingit": dict(
        m=["Elmer", "Wilbur", "Lydell"],
        f=["Rosita", "Irene", "Nellie"],
        fam=["Peratrovich", "Kookesh", "Soboleff", "Katzeek", "Worl", "Shotridge",
             "Kadashan", "Nannauck", "Dangeli"],
    ),
    "chakma": dict(
        m=["Jyotirindra", "Manabendra", "Devasish", "Santu"],
        f=["Kalpana", "Shefali", "Anima"],
        fam=["Chakma", "Dewan", "Khisa", "Talukdar", "Larma", "Tongchangya"],
    ),
    "occitan": dict(
        m=["Estève", "Peire", "Jòrdi", "Bernat"],
        f=["Mirèlha", "Esclarmonda", "Azalaïs"],
        fam=["Puech", "Delpech", "Cazals", "Soulié", "Bonnafous", "Teisseire", "Castanier",
             "Mistral", "Roumanille", "Aubanel", "Vayssière", "de Séverac", "d'Alzon"],
    ),
    "aymara": dict(
        m=["Wilber", "Nicanor", "Severo", "Eulogio"],
        f=["Benedicta", "Casimira", "Celestina", "Eulalia"],
        fam=["Choque Apaza", "Colque Chambi", "Huarachi Cusi", "Limachi Choque",
             "Apaza Huarachi", "Chambi Limachi", "Cusi Colque", "Yujra Tarqui", "Tarqui Yujra"],
    ),
    "ambon": dict(
        m=["Semuel", "Yakobus", "Frits"],
        f=["Yohana", "Ivonne", "Marthina"],
        fam=["Pattiasina", "Latuheru", "Sahetapy", "Tuhumury", "Matulessy", "Leiwakabessy",
             "Siahaya", "Manuhutu", "Wattimena", "Tahapary", "Pelupessy", "Huwae",
             "Lokollo", "Ririmasse"],
    ),
    "sunda": dict(
        m=["Asep", "Ujang", "Cecep", "Dadang", "Jajang", "Entis"],
        f=["Euis", "Neneng", "Iis", "Enung", "Imas", "Yayah"],
        fam=["Sunarya", "Suryana", "Permana", "Sutisna", "Supriatna", "Mulyana", "Kusnadi",
             "Saepudin"],
    ),
    "bermuda": dict(
        m=["Lennox", "Delvin", "Kamal"],
        f=["Lois", "Gita", "Dianne"],
        fam=["Trott", "Zuill", "Bascome", "Tatem", "Burchall", "Furbert", "Wingood",
             "Mussenden", "Astwood", "Cann"],
    ),
    "tsinoy": dict(
        m=["Lucio", "Benito", "Ramoncito"],
        f=["Teresita", "Lilibeth", "Jocelyn"],
        fam=["Uy", "Sy", "Go", "Dy", "Tiu", "Tanchoco", "Sycip", "Ongpin", "Tiangco",
             "Gokongwei", "Yuchengco", "Coyiuto"],
    ),
    "wordnames": dict(
        m=["Reginald", "Cyril", "Archibald"],
        f=["Gladys", "Edna", "Ethel", "Maud"],
        fam=["Alder", "Beech", "Elder", "Spruce", "Larch", "Poplar", "Tabor", "Harp"],
    ),
}
PATRONYMIC = set()

# Family names in another script: Koryo-saram family names in Cyrillic, Chakma family names
# in Bengali script.
SCRIPT = {
    "Tsoi": "Цой", "Ogai": "Огай", "Tyan": "Тян", "Khvan": "Хван", "Yugai": "Югай",
    "Hegai": "Хегай", "Ligai": "Лигай", "Magai": "Магай", "Tkhai": "Тхай",
    "Chakma": "চাকমা", "Dewan": "দেওয়ান", "Khisa": "খীসা", "Talukdar": "তালুকদার",
    "Larma": "লারমা", "Tongchangya": "তঞ্চঙ্গ্যা",
}

# Everyday short forms, used by colleagues and relatives in chat and notes.
NICKS = {
    "Nosakhare": "Nosa", "Osayande": "Osas", "Yakobus": "Kobus", "Manabendra": "Manab",
    "Teresita": "Tessie", "Ramoncito": "Monching", "Esclarmonda": "Monda", "Reginald": "Reggie",
    "Eulogio": "Loyo", "Gottlieb": "Lieb",
}
# Name particles that may occur as ordinary words and are not checked alone.
PARTICLES = {"de", "d"}
# Initials that spell a word are written with full stops instead ("O.K.", not "OK").

# Initials that spell a word are written with full stops instead ("O.K.", not "OK").
WORDLIKE_INITIALS = {"OK", "NO", "AM", "PM", "IT", "IN", "ON", "AT", "AS", "IS", "OR", "AN",
                     "BE", "DO", "GO", "HE", "ME", "MY", "SO", "TO", "UP", "US", "WE", "OF", "IF",
                     "BY", "NG", "ED", "GP", "BP", "HR", "RR", "CT", "MR", "DR", "MS", "ST",
                     "TB", "HB", "NA", "PA", "OT", "UK", "HIM", "HER", "SHE", "THE", "AND",
                     "SOS", "ICU", "ECG", "GCS", "FAG", "ASS", "GAY", "SEX", "NHS", "DNA",
                     "BMJ", "POO", "WEE", "HOE", "PIG", "COW", "DOG", "FAT", "SAD", "MAD",
                     "BAD", "ILL", "DIE", "KKK", "GOD"}

# Pool name parts that are ordinary words; the trap texts use them as words (the check that

# Pool name parts that are ordinary words; the trap texts use them as words (the check that
# no name part occurs outside a span in the same text still applies to them).
WORD_NAMES = {"alder", "beech", "elder", "spruce", "larch", "poplar", "tabor", "harp",
              "mistral", "chakma"}
TOKEN = re.compile(r"[^\W\d_]+", re.UNICODE)


def tokens(s):
    """Lower-cased letter runs of a string (apostrophes, hyphens and spaces split)."""
    return [t.lower() for t in TOKEN.findall(s)]


class Person:
    """One individual: given name, family name (or father's name), sex, region."""

    def __init__(self, given, family, sex, region):
        self.given = given
        self.family = family
        self.sex = sex
        self.region = region
        self.nick = NICKS.get(given)
        self.patronymic = region in PATRONYMIC

    def has_script(self):
        return self.family in SCRIPT

    def script(self):
        """The family name in its own script (Ainu and Kashmiri names only)."""
        return SCRIPT[self.family]

    def parts(self):
        out = tokens(self.given) + tokens(self.family)
        if self.nick:
            out += tokens(self.nick)
        if self.has_script():
            out += tokens(self.script())
        return out

    def full(self):
        return self.given + " " + self.family

    def sur(self):
        """How a surname-only mention reads (the whole name for a patronymic name)."""
        return self.full() if self.patronymic else self.family

    def initials(self, dots=False):
        words = [w for w in re.split(r"[ \-]", self.given + " " + self.family)
                 if w and w not in PARTICLES]
        letters = [w[0].upper() for w in words]
        if not dots and "".join(letters) in WORDLIKE_INITIALS:
            dots = True
        return (".".join(letters) + ".") if dots else "".join(letters)

    def caret(self):
        if self.patronymic:
            return self.full().upper().replace(" ", "^")
        return self.family.upper() + "^" + self.given.upper()

    def comma(self, upper=False):
        if self.patronymic:
            return self.full().upper() if upper else self.full()
        fam = self.family.upper() if upper else self.family
        return fam + ", " + self.given

    def i_sur(self):
        if self.patronymic:
            return self.full()
        return self.given[0] + ". " + self.family

    def lower(self):
        return self.full().lower()

    def casual(self):
        """The name colleagues use in chat: the nickname or the given name."""
        return self.nick or self.given


def title(p):
    """Mr, or Mrs / Ms for a woman (fixed by the name, so a text stays consistent)."""
    if p.sex == "m":
        return "Mr"
    return "Ms" if len(p.family) % 2 else "Mrs"


def tt(p):
    """The title before a surname-only mention ("Mr "), none before a patronymic name."""
    return "" if p.patronymic else title(p) + " "


class Pool:
    """Draws people without repeating a name part within one text."""

    def __init__(self, rng):
        self.rng = rng

    def person(self, used, region=None, sex=None, given=None, family=None):
        rng = self.rng
        if given is not None:
            region = next(k for k in sorted(REGIONS)
                          if given in REGIONS[k]["m"] + REGIONS[k]["f"])
            sex = "m" if given in REGIONS[region]["m"] else "f"
        for _ in range(300):
            reg = region or rng.choice(sorted(REGIONS))
            d = REGIONS[reg]
            sx = sex or rng.choice("mf")
            first = given or rng.choice(d[sx])
            fam = family or rng.choice(d["fam" + sx] if "fam" + sx in d else d["fam"])
            if set(tokens(fam)) & set(tokens(first)):
                continue
            p = Person(first, fam, sx, reg)
            key = set(p.parts()) - PARTICLES
            if any(key & set(q.parts()) for q in used):
                continue
            used.append(p)
            return p
        fail("could not draw a person")

    def name_words(self):
        out = set()
        for d in REGIONS.values():
            for k in ("m", "f", "fam", "famm", "famf"):
                for x in d.get(k, []):
                    out |= set(tokens(x))
        for n in NICKS.values():
            out |= set(tokens(n))
        for s in SCRIPT.values():
            out |= set(tokens(s))
        return out - PARTICLES


# ---------------------------------------------------------------------------------------------
# ---------------------------------------------------------------------------------------------
# Dates, numbers, organisations and places.

MON = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
       "October", "November", "December"]
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def ordinal(n):
    if 10 <= n % 100 <= 20:
        return str(n) + "th"
    return str(n) + {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def weekday(y, m, d):
    """Day of the week by the days-from-civil algorithm (1970-01-01 was a Thursday)."""
    yy = y - (m <= 2)
    era = yy // 400
    yoe = yy - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    days = era * 146097 + doe - 719468
    return DAYS[(days + 3) % 7]


def fmt_date(rng, y, m, d, style=None, time=False):
    styles = ["dmy/", "dmy.", "iso", "d Mon y", "Month d, y", "dth Month y", "dd-MON-yyyy",
              "d/m/yy", "wd d Mon", "m/d/y", "ymd"]
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
    elif k == "wd d Mon":
        s = "%s %d %s %d" % (weekday(y, m, d), d, MON[m - 1][:3], y)
    elif k == "m/d/y":
        s = "%d/%d/%d" % (m, d, y)
    else:
        s = "%d%02d%02d" % (y, m, d)
    if time:
        hh, mm = rng.randint(0, 23), rng.choice([0, 5, 10, 15, 20, 30, 35, 40, 45, 50])
        s += rng.choice([" %02d:%02d", " at %02d:%02d", " %02d%02d hrs"]) % (hh, mm)
    return s


def ymd(rng, y0, y1):
    return rng.randint(y0, y1), rng.randint(1, 12), rng.randint(1, 28)


def date(rng, y0=2022, y1=2026, **kw):
    y, m, d = ymd(rng, y0, y1)
    return fmt_date(rng, y, m, d, **kw)


def dob(rng, y0=1931, y1=2006, **kw):
    y, m, d = ymd(rng, y0, y1)
    return fmt_date(rng, y, m, d, **kw)


def dob_for_age(rng, age, ref_year=2025, **kw):
    """A date of birth that makes someone `age` in the reference year."""
    return fmt_date(rng, ref_year - age, rng.randint(1, 12), rng.randint(1, 28), **kw)


def digits(rng, n):
    return "".join(str(rng.randint(0, 9)) for _ in range(n))


def nhs(rng):
    while True:
        ds = [rng.randint(0, 9) for _ in range(9)]
        if ds[0] == 0:
            continue
        c = 11 - sum(x * (10 - i) for i, x in enumerate(ds)) % 11
        c = 0 if c == 11 else c
        if c == 10:
            continue
        s = "".join(map(str, ds)) + str(c)
        return s[:3] + " " + s[3:6] + " " + s[6:]



def mrn(rng, region=None):
    if region == "wordnames":
        return nhs(rng)
    k = rng.randrange(6)
    if k == 0:
        return "RX" + digits(rng, 6)
    if k == 1:
        return digits(rng, 3) + "-" + digits(rng, 3) + "-" + digits(rng, 3)
    if k == 2:
        return "M/" + digits(rng, 5) + "/" + digits(rng, 2)
    if k == 3:
        return "%s.%s" % (digits(rng, 5), digits(rng, 3))
    if k == 4:
        return "Q" + digits(rng, 4) + rng.choice("ABCDEFGH")
    return digits(rng, 9)


PHONES = {
    "edo": lambda r: "0803 %s %s" % (digits(r, 3), digits(r, 4)),
    "nama": lambda r: "+264 63 %s %s" % (digits(r, 3), digits(r, 3)),
    "koryo": lambda r: "+7 727 %s-%s-%s" % (digits(r, 3), digits(r, 2), digits(r, 2)),
    "gagauz": lambda r: "+373 298 %s %s" % (digits(r, 2), digits(r, 3)),
    "palau": lambda r: "+680 488 %s" % digits(r, 4),
    "tlingit": lambda r: "(907) 747-%s" % digits(r, 4),
    "chakma": lambda r: "+880 1811-%s" % digits(r, 6),
    "occitan": lambda r: "05 65 %s %s %s" % (digits(r, 2), digits(r, 2), digits(r, 2)),
    "aymara": lambda r: "+591 2 28%s %s" % (digits(r, 1), digits(r, 4)),
    "ambon": lambda r: "(0911) %s %s" % (digits(r, 3), digits(r, 3)),
    "sunda": lambda r: "0812-%s-%s" % (digits(r, 4), digits(r, 4)),
    "bermuda": lambda r: "(441) 236-%s" % digits(r, 4),
    "tsinoy": lambda r: "+63 2 8%s %s" % (digits(r, 3), digits(r, 4)),
    "wordnames": lambda r: "01746 %s" % digits(r, 6),
}


def phone(rng, region=None):
    f = PHONES.get(region)
    if f is None:
        return "07700 900%s" % digits(rng, 3)
    return f(rng)


def ssn(rng, region):
    """A national personal code in the form of the person's country."""
    if region == "edo":
        return digits(rng, 11)
    if region == "nama":
        return "%02d%02d%02d%s" % (rng.randint(40, 99), rng.randint(1, 12), rng.randint(1, 28),
                                   digits(rng, 5))
    if region == "koryo":
        return "%02d%02d%02d%s" % (rng.randint(40, 99), rng.randint(1, 12), rng.randint(1, 28),
                                   digits(rng, 6))
    if region == "gagauz":
        return "2%s" % digits(rng, 12)
    if region == "chakma":
        return "%s %s %s" % (digits(rng, 3), digits(rng, 3), digits(rng, 4))
    if region == "occitan":
        return "%d %02d %02d 12 %s %s %s" % (rng.randint(1, 2), rng.randint(40, 99),
                                             rng.randint(1, 12), digits(rng, 3),
                                             digits(rng, 3), digits(rng, 2))
    if region == "aymara":
        return "%s LP" % digits(rng, 7)
    if region in ("ambon", "sunda"):
        return digits(rng, 16)
    if region == "tsinoy":
        return "%s-%s-%s-%s" % (digits(rng, 4), digits(rng, 4), digits(rng, 4), digits(rng, 4))
    if region == "wordnames":
        return "%s %s %s %s %s" % ("".join(rng.choice("ABCEHJKLMNPRSTWXYZ") for _ in range(2)),
                                   digits(rng, 2), digits(rng, 2), digits(rng, 2),
                                   rng.choice("ABCD"))
    return "%d-%s-%s" % (rng.randint(100, 665), digits(rng, 2), digits(rng, 4))


ORGS = {
    "edo": ["Irrua Specialist Teaching Hospital", "Uromi General Hospital"],
    "nama": ["Keetmanshoop State Hospital", "Mariental State Hospital"],
    "koryo": ["Ushtobe Central District Hospital", "Taldykorgan Regional Polyclinic"],
    "gagauz": ["Comrat District Hospital", "Ceadîr-Lunga Health Centre"],
    "palau": ["Belau National Hospital", "Ngaraard Community Health Centre"],
    "tlingit": ["SEARHC Mt. Edgecumbe Medical Center", "Hoonah Medical Clinic"],
    "chakma": ["Rangamati General Hospital", "Khagrachari Sadar Hospital"],
    "occitan": ["Centre hospitalier de Rodez", "Hôpital d'Espalion"],
    "aymara": ["Hospital Municipal Los Andes", "Achacachi Health Centre"],
    "ambon": ["RS Sumber Hidup Ambon", "Saparua District Hospital"],
    "sunda": ["RSUD Cibabat", "RSUD Majalaya", "Puskesmas Garut Kota"],
    "bermuda": ["Mid-Atlantic Wellness Institute", "Sandys Health Clinic"],
    "tsinoy": ["Tondo Medical Center", "Metropolitan Medical Center Tondo"],
    "wordnames": ["Shrewsbury and Telford Hospital", "Bridgnorth Community Hospital",
                  "Wenlock Medical Practice"],
}

PLACES = {
    "edo": ["Ekpoma", "Uromi", "Auchi", "Irrua", "Igueben"],
    "nama": ["Keetmanshoop", "Mariental", "Gibeon", "Khorixas", "Okombahe"],
    "koryo": ["Ushtobe", "Taldykorgan", "Chirchiq", "Yangiyul"],
    "gagauz": ["Comrat", "Ceadîr-Lunga", "Vulcănești", "Congaz", "Avdarma"],
    "palau": ["Koror", "Melekeok", "Airai", "Ngaraard", "Peleliu"],
    "tlingit": ["Sitka", "Hoonah", "Angoon", "Kake", "Klawock"],
    "chakma": ["Rangamati", "Khagrachari", "Kaptai", "Dighinala"],
    "occitan": ["Rodez", "Millau", "Espalion", "Figeac", "Lodève"],
    "aymara": ["El Alto", "Achacachi", "Viacha", "Pucarani", "Patacamaya"],
    "ambon": ["Ambon", "Saparua", "Tulehu", "Masohi", "Haruku"],
    "sunda": ["Garut", "Tasikmalaya", "Sumedang", "Cianjur", "Majalaya"],
    "bermuda": ["Flatts", "Somerset", "Sandys", "Devonshire"],
    "tsinoy": ["Binondo", "Caloocan", "Malabon", "Pasig"],
    "wordnames": ["Bridgnorth", "Wem", "Ellesmere", "Whitchurch", "Clun"],
}


def address(rng, region):
    n = rng.randint(2, 160)
    a = {
        "edo": "%d Ujemen Street, Ekpoma" % n,
        "nama": "Erf %d, Krönlein, Keetmanshoop" % (n * 3),
        "koryo": "ul. Abaya %d, Ushtobe" % n,
        "gagauz": "str. Pobedy %d, Comrat" % n,
        "palau": "Ngerchemai Hamlet, Koror 96940",
        "tlingit": "%d Katlian Street, Sitka, AK 99835" % n,
        "chakma": "House %d, Tabalchari, Rangamati 4500" % n,
        "occitan": "%d rue Béteille, 12000 Rodez" % n,
        "aymara": "Calle %d, Zona Villa Adela, El Alto" % rng.randint(1, 40),
        "ambon": "Jl. Batu Gajah No. %d, Ambon" % n,
        "sunda": "Jl. Cihampelas No. %d, Bandung" % n,
        "bermuda": "%d Middle Road, Devonshire DV 04" % n,
        "tsinoy": "%d Masangkay Street, Binondo, Manila" % n,
    }.get(region)
    return a or "%d Whitburn Street, Bridgnorth WV16 %d%s" % (n, rng.randint(1, 9),
                                                          rng.choice(["DX", "QT", "LB"]))


def org(rng, region):
    return rng.choice(ORGS.get(region) or ORGS["wordnames"])


def place(rng, region):
    return rng.choice(PLACES.get(region) or PLACES["wordnames"])


MAIL = {"occitan": "ch-rodez.fr", "wordnames": "nhs.net", "tlingit": "searhc.org",
        "bermuda": "bermudahospitals.bm", "tsinoy": "cgh.org.ph", "palau": "palauhealth.org"}


def ascii_fold(s):
    """The string without its diacritics ("estève" -> "esteve")."""
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")


def email(rng, p, domain=None):
    loc = rng.choice(["%s.%s", "%s%s", "%s_%s"])
    g = re.sub(r"[^a-z]", "", ascii_fold(p.given.lower()))
    f = re.sub(r"[^a-z]", "", ascii_fold(p.family.lower()))
    return (loc % (g[0] if rng.random() < 0.5 else g, f)) + "@" + (
        domain or MAIL.get(p.region, "nhs.net"))
SLOT = re.compile(r"\$\{(\w+)\}|\$([A-Za-z_]\w*)")


def P(p, s):
    """A PERSON span for individual p with surface string s."""
    return ("PERSON", s, p)


def E(kind, s):
    """A typed span."""
    return (kind, s, None)


class Doc:
    """One text being built: its random source, people drawn and OCR flag."""

    def __init__(self, rng, pool):
        self.rng = rng
        self.pool = pool
        self.used = []
        self.ocr = False

    def person(self, **kw):
        return self.pool.person(self.used, **kw)

    def kin(self, p, sex=None):
        """A relative of p: someone of the same naming tradition."""
        return self.pool.person(self.used, region=p.region, sex=sex)

    def nicknamed(self):
        taken = {w for q in self.used for w in q.parts()}
        opts = [g for g in sorted(NICKS) if not set(tokens(g)) & taken]
        return self.pool.person(self.used, given=self.rng.choice(opts))

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
        text.append(tpl[pos:])
        return "".join(text), ents


def ocr_noise(rng, s, level=0.12):
    """OCR errors: 0/O, 1/l/I, case flips, dropped spaces."""
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


def stray(rng):
    return rng.choice(["", "", ".", ":", "'", ",", "|", "~"])


# ---------------------------------------------------------------------------------------------


# ---------------------------------------------------------------------------------------------
# Templates with identifiers. Each takes a Doc and returns (text, spans).

# ---------------------------------------------------------------------------------------------
# Templates with identifiers. Each takes a Doc and returns (text, spans). No template is
# used more than MAX_USES times, and most choose among differently worded variants.


def t_physio_board(d):
    r = d.rng
    a, b, c = d.person(), d.person(), d.person()
    ph = d.person()
    tpl = ("PHYSIO GYM  -  TODAY\n09:30  $a  STAIRS\n10:15  $b  PARALLEL BARS\n"
           "11:00  $c  EX BIKE 10 MIN\nTHERAPIST: $ph")
    return d.render(tpl, a=P(a, a.sur().upper()), b=P(b, b.sur().upper()),
                    c=P(c, c.sur().upper()), ph=P(ph, ph.given.upper()))


def t_wound_chart(d):
    r = d.rng
    pt, tv = d.person(), d.person()
    tpl = r.choice([
        "WOUND ASSESSMENT CHART\nName: $pt   NHS/ID: $mrn\nSite: sacrum, category 3\n"
        "Size 4.2 x 3.0 cm, depth 0.5 cm, slough 30%\nDressing: Aquacel Ag + Allevyn Life, "
        "change every 3 days\nAssessed by: $tv ($dt)",
        "Tissue viability seen $pts (bed 14). Heel blister intact, offloading boots on. "
        "Photographed with consent. $tvi, TVN",
    ])
    return d.render(tpl, pt=P(pt, pt.full()), mrn=E("ID", mrn(r, pt.region)),
                    tv=P(tv, tv.i_sur()), dt=E("DATE", date(r, style="dmy/")),
                    pts=P(pt, pt.sur()),
                    tvi=P(tv, tv.initials()))


def t_falls(d):
    r = d.rng
    pt, wit, dr = d.person(), d.person(), d.person()
    tpl = ("Post-falls review: $pt found on the floor beside the bed at $tm, unwitnessed. "
           "Says slipped reaching for the urinal. No head injury, no anticoagulant. Hip "
           "rotation pain-free. Witness to finding: HCA $wit. Reviewed by Dr $dr. Neuro obs "
           "hourly x4.")
    return d.render(tpl, pt=P(pt, pt.full()), tm=E("DATE", date(r, style="dmy/", time=True)),
                    wit=P(wit, wit.full()), dr=P(dr, dr.sur()))


def t_inr_booklet(d):
    r = d.rng
    pt, nurse = d.person(), d.person()
    rows = []
    for _ in range(3):
        rows.append("%s | INR %.1f | %s mg | next %s" % ("$d%d" % len(rows),
                                                         r.uniform(1.6, 3.8),
                                                         r.choice(["3", "4", "4.5", "5"]),
                                                         r.choice(["1/52", "2/52", "4/52"])))
    tpl = ("ANTICOAGULANT RECORD - $pt   target 2.5\n" + "\n".join(rows)
           + "\nDosed by $nur")
    return d.render(tpl, pt=P(pt, pt.full()), d0=E("DATE", date(r, style="d/m/yy")),
                    d1=E("DATE", date(r, style="d/m/yy")), d2=E("DATE", date(r, style="d/m/yy")),
                    nur=P(nurse, nurse.initials()))


def t_lung_function(d):
    r = d.rng
    pt = d.person()
    a = r.randint(19, 90)
    tpl = ("PULMONARY FUNCTION\nName $ptc   Age $age   Ht 168 cm   Ethnicity: other (GLI)\n"
           "FEV1 1.62 L (58%)  FVC 2.95 L (81%)  Ratio 0.55\nPost-BD FEV1 +9%\nTechnician "
           "comment: good effort, 3 acceptable blows.")
    return d.render(tpl, ptc=P(pt, pt.comma(upper=True)), age=E("AGE", str(a)))


def t_food_challenge(d):
    r = d.rng
    ch = d.person()
    par, nurse = d.kin(ch), d.person()
    a = r.randint(2, 14)
    tpl = ("Oral food challenge (baked egg) - $ch, $age, with $par (parent)\n10:00 dose 1 "
           "- no reaction\n10:20 dose 2 - no reaction\n10:40 dose 3 - 3 hives on the chin, "
           "settled with cetirizine\nOutcome: tolerates baked egg; continue at home. $nur")
    return d.render(tpl, ch=P(ch, ch.given), age=E("AGE", "%d years" % a),
                    par=P(par, par.full()), nur=P(nurse, nurse.initials()))


def t_cardiac_rehab(d):
    r = d.rng
    ps = [d.person() for _ in range(4)]
    lead = d.person()
    tpl = ("Cardiac rehab - week 4 - attendance\n1. $a  ✓\n2. $b  ✓ (left early, angina "
           "at station 3)\n3. $c  DNA - rang, car broken\n4. $e  ✓\nLead: $lead")
    return d.render(tpl, a=P(ps[0], ps[0].comma()), b=P(ps[1], ps[1].comma()),
                    c=P(ps[2], ps[2].comma()), e=P(ps[3], ps[3].comma()),
                    lead=P(lead, lead.full()))


def t_fluid_chart(d):
    r = d.rng
    pt, a, b = d.person(), d.person(), d.person()
    tpl = ("FLUID BALANCE  $pt   $dt\nIN: oral 900 ml, IV 1000 ml   OUT: urine 1350 ml, "
           "drain 80 ml\nBalance +470 ml\n08-20 $ai    20-08 $bi")
    return d.render(tpl, pt=P(pt, pt.caret()), dt=E("DATE", date(r, style="dd-MON-yyyy")),
                    ai=P(a, a.initials()), bi=P(b, b.initials(dots=True)))


def t_infant_feeding(d):
    r = d.rng
    mum = d.person(sex="f")
    baby, mw = d.kin(mum), d.person()
    tpl = r.choice([
        "Infant feeding support: $mum and baby $baby (day 3). Latch shallow, nipple "
        "trauma L. Laid-back position shown, hand expressing taught. Weight loss 7%. "
        "Review tomorrow - $mw",
        "Breastfeeding clinic: $mumg brought $baby, tongue-tie (Coryllos grade 2) "
        "noted; referral made. $mwi",
    ])
    return d.render(tpl, mum=P(mum, mum.full()), mumg=P(mum, mum.given),
                    baby=P(baby, baby.given), mw=P(mw, mw.full()), mwi=P(mw, mw.initials()))


def t_mha_application(d):
    r = d.rng
    pt, amhp = d.person(), d.person()
    nr = d.kin(pt, sex="m")
    tpl = ("Application for admission for assessment (s.2)\nPatient: $pt of $addr\n"
           "AMHP: $amhp\nNearest relative: $nr (brother), consulted by phone on $tel, "
           "does not object.\nInterviewed in a suitable manner on $dt.")
    return d.render(tpl, pt=P(pt, pt.full()), addr=E("LOCATION", address(r, pt.region)),
                    amhp=P(amhp, amhp.full()), nr=P(nr, nr.full()),
                    tel=E("PHONE", phone(r, nr.region)),
                    dt=E("DATE", date(r, style="dth Month y", time=True)))


def t_property_log(d):
    r = d.rng
    pt, s1, s2 = d.person(), d.person(), d.person()
    tpl = ("PATIENT PROPERTY - $ptu\nMobile phone (cracked screen), charger, wallet with "
           "£35.20, house keys x3, reading glasses\nCounted by: $s1   Witnessed by: $s2\n"
           "Cash to general office safe, receipt 0719.")
    return d.render(tpl, ptu=P(pt, pt.full().upper()), s1=P(s1, s1.i_sur()),
                    s2=P(s2, s2.i_sur()))


def t_hospital_radio(d):
    r = d.rng
    pt = d.person()
    frm = d.kin(pt)
    song = r.choice(["Moon River", "Dancing Queen", "Sweet Caroline", "Hey Jude"])
    tpl = r.choice([
        "Hospital radio request: \"%s\" for $ptg on ward 12, from all the family - get "
        "well soon! Requested by $frm." % song,
        "REQUEST SLIP  ward 5 bed 9  for: $pt  song: %s  message: love from $frmg xx" % song,
    ])
    return d.render(tpl, ptg=P(pt, pt.given), frm=P(frm, frm.full()), pt=P(pt, pt.full()),
                    frmg=P(frm, frm.casual()))


def t_volunteer_rota(d):
    r = d.rng
    a, b, c = d.person(), d.person(), d.person()
    tpl = ("Volunteers - main entrance help desk\nMon am $a\nMon pm $b\nTue am $a (covering "
           "for $cg)\nWheelchair runs: $c, mobile $tel")
    return d.render(tpl, a=P(a, a.full()), b=P(b, b.full()), cg=P(c, c.given),
                    c=P(c, c.full()), tel=E("PHONE", phone(r, c.region)))


def t_dn_diary(d):
    r = d.rng
    p1, p2, p3, dn = d.person(), d.person(), d.person(), d.person()
    tpl = ("DN diary $dt\n$a - $aaddr - insulin am/pm\n$b - leg ulcer redress (4-layer)\n"
           "$c - catheter change, key safe 1954\nAllocated: $dn")
    return d.render(tpl, dt=E("DATE", date(r, style="wd d Mon")), a=P(p1, p1.full()),
                    aaddr=E("LOCATION", address(r, p1.region)), b=P(p2, p2.full()),
                    c=P(p3, p3.full()), dn=P(dn, dn.casual()))


def t_care_home_handover(d):
    r = d.rng
    a, b, c, sn = d.person(), d.person(), d.person(), d.person()
    tpl = r.choice([
        "Night handover (Rose Unit): $ag settled after 2 am. $bt$bs refused supper again, "
        "weight tomorrow. $cg had a fall at 05:10, no injury, GP aware. Handed over to $sn.",
        "Handover: room 3 $a - chesty, sats 93% on air, son visiting. Room 7 $b - new "
        "pressure area L heel. Room 9 $c - end of life, family staying. $sni",
    ])
    return d.render(tpl, ag=P(a, a.given), bt=tt(b), bs=P(b, b.sur()), cg=P(c, c.given),
                    sn=P(sn, sn.full()), a=P(a, a.full()), b=P(b, b.full()), c=P(c, c.full()),
                    sni=P(sn, sn.initials()))


def t_dom_care(d):
    r = d.rng
    cl, c1, c2 = d.person(), d.person(), d.person()
    tpl = ("CALL LOG  client: $cl\n07:45-08:15  $c1  wash, dress, meds prompted\n"
           "12:30-12:45  $c2  lunch, ate half\n17:00-17:30  $c1  tea, commode\n"
           "Concern: $clg more confused tonight, office informed")
    return d.render(tpl, cl=P(cl, cl.full()), c1=P(c1, c1.initials()),
                    c2=P(c2, c2.initials()), clg=P(cl, cl.given))


def t_methadone(d):
    r = d.rng
    pt, ph = d.person(), d.person()
    tpl = ("Supervised consumption - $pt\nMethadone 1 mg/ml: 45 ml daily\n$d1 seen, "
           "swallowed, water after\n$d2 did not attend - prescriber informed\nPharmacist: $ph")
    return d.render(tpl, pt=P(pt, pt.full()), d1=E("DATE", date(r, style="dmy/")),
                    d2=E("DATE", date(r, style="dmy/")), ph=P(ph, ph.i_sur()))


def t_lifeboat(d):
    r = d.rng
    cas, crew = d.person(), d.person()
    a = r.randint(16, 80)
    tpl = ("CASUALTY CARD (lifeboat)\nName: $cas   Age: $age\nRecovered from the water "
           "after 20 min, conscious, shivering, GCS 15.\nO2 15 L, wrapped, to the quay for "
           "ambulance at $tm.\nCrew first-aider: $crew")
    return d.render(tpl, cas=P(cas, cas.full()), age=E("AGE", str(a)),
                    tm=E("DATE", date(r, style="dmy/", time=True)), crew=P(crew, crew.given))


def t_festival(d):
    r = d.rng
    pt, med = d.person(), d.person()
    a = r.randint(17, 40)
    tpl = r.choice([
        "Medical tent log #214: $pt, $age, wristband 55-%s, fainted in the crowd near "
        "the main stage; obs normal after water and shade. Discharged to friend. $med" % (
            digits(r, 4)),
        "Tent 2: $ptg (says $age) - wasp sting L hand, no airway signs, ice + "
        "antihistamine. Seen by $med.",
    ])
    return d.render(tpl, pt=P(pt, pt.full()), age=E("AGE", str(a)), ptg=P(pt, pt.given),
                    med=P(med, med.i_sur()))


def t_sports_injury(d):
    r = d.rng
    pl, doc = d.person(sex="m"), d.person()
    tpl = r.choice([
        "Match-day injury log: #12 $pl - head contact 34 min, HIA 1 failed (balance), "
        "removed from play. Parents told. Club doctor $doc.",
        "Pitchside: $pls went down clutching the R knee, unable to weight-bear; splinted, "
        "to ED with his dad. Physio $docg.",
    ])
    return d.render(tpl, pl=P(pl, pl.full()), doc=P(doc, doc.full()), pls=P(pl, pl.sur()),
                    docg=P(doc, doc.given))


def t_school_trip(d):
    r = d.rng
    ch = d.person()
    par = d.kin(ch, sex="f")
    tpl = ("SCHOOL TRIP MEDICAL FORM\nPupil: $ch   Class 5B   DOB $dob\nMedical conditions: "
           "asthma (blue inhaler, carries own); allergic to penicillin\nEmergency contact: "
           "$par, mum, $tel\nI consent to emergency treatment. Signed: $pars")
    return d.render(tpl, ch=P(ch, ch.full()), dob=E("DATE", dob(r, 2013, 2017, style="dmy/")),
                    par=P(par, par.full()), tel=E("PHONE", phone(r, par.region)),
                    pars=P(par, par.full()))


def t_mccd(d):
    r = d.rng
    dec, doc = d.person(), d.person()
    inf = d.kin(dec, sex="f")
    a = r.randint(55, 101)
    tpl = ("MCCD (copy)\nName of deceased: $dec   Age as stated: $age\nDate of death: $dod  "
           "Place: $org\nI(a) bronchopneumonia  I(b) Parkinson's disease\nCertifying "
           "doctor: $doc\nInformant: $inf (daughter)")
    return d.render(tpl, dec=P(dec, dec.full().upper()), age=E("AGE", str(a)),
                    dod=E("DATE", date(r, style="dth Month y")), org=E("ORG", org(r, dec.region)),
                    doc=P(doc, doc.full()), inf=P(inf, inf.full()))


def t_coroner(d):
    r = d.rng
    dec, offr, dr = d.person(), d.person(), d.person()
    tpl = r.choice([
        "Coroner referral phoned through $dt: $dec, fall at home 3 weeks ago with a "
        "fractured neck of femur, died on the ward. Spoke to coroner's officer $offr; "
        "they will call back. Dr $dr.",
        "Called the coroner's office re $dec. Officer $offg happy for an MCCD to be issued "
        "(natural causes). $dri",
    ])
    return d.render(tpl, dt=E("DATE", date(r, style="d Mon y", time=True)),
                    dec=P(dec, dec.full()), offr=P(offr, offr.full()), dr=P(dr, dr.sur()),
                    offg=P(offr, offr.given), dri=P(dr, dr.initials()))


def t_ivf_witness(d):
    r = d.rng
    f, m, e1, e2 = d.person(sex="f"), d.person(sex="m"), d.person(), d.person()
    tpl = ("IVF LAB WITNESS LOG  $dt\nFemale partner: $f  (ID $fid)\nMale partner: $m\n"
           "Step: sperm prep -> insemination\nPerformed: $e1   Witnessed: $e2")
    return d.render(tpl, dt=E("DATE", date(r, style="dmy.", time=True)),
                    f=P(f, f.comma(upper=True)), fid=E("ID", mrn(r, f.region)),
                    m=P(m, m.comma(upper=True)), e1=P(e1, e1.initials()),
                    e2=P(e2, e2.initials()))


def t_specimen_reject(d):
    r = d.rng
    pt, who = d.person(), d.person()
    tpl = r.choice([
        "Specimen REJECTED: form says $pt, tube says $ptu2 - mismatch of date of birth "
        "($dob). Requester $who informed by phone.",
        "Lab reception: unlabelled EDTA received with a form for $pt. Discarded as per "
        "policy. Spoke to $who on ward 8.",
    ])
    return d.render(tpl, pt=P(pt, pt.full()), ptu2=P(pt, pt.sur().upper()),
                    dob=E("DATE", dob(r, style="dmy/")), who=P(who, who.full()))


def t_badge_ocr(d):
    r = d.rng
    st = d.person()
    d.ocr = True
    nm = ocr_noise(r, st.given.upper() + " " + st.family.upper(), 0.08)
    sid = ocr_noise(r, "E" + digits(r, 6), 0.06)
    tpl = r.choice(["$org\n$nm$s\nSTAFF NURSE\nID $sid  VALID TO 03/28",
                    "VISITOR? NO\n$nm\n$sid  $org"])
    return d.render(tpl, org=E("ORG", org(r, st.region).upper()), nm=P(st, nm), s=stray(r),
                    sid=E("ID", sid))


def t_parking_permit(d):
    r = d.rng
    st = d.person()
    tpl = ("Dear $stg,\nYour staff parking permit (zone C) is ready to collect from the "
           "security lodge. Renew online at $url before it expires. Queries: $em\n"
           "Car Parking Office")
    return d.render(tpl, stg=P(st, st.given),
                    url=E("URL", "https://parking.example-trust.nhs.uk/permit/%s" % digits(r, 6)),
                    em=E("EMAIL", email(r, st)))


def t_night_chat(d):
    r = d.rng
    a, b, pt = d.person(), d.person(), d.person()
    tpl = r.choice([
        "$al: anyone seen the bladder scanner\n$bl: bay 4 with $ptl\n$al: ta. "
        "$bl ur on breaks at 3",
        "[02:14] $al: can u review $ptl's obs, news 6\n[02:16] $bl: coming\n"
        "[02:31] $bl: done, fluids up, rpt lactate",
        "$bl: $ai has the keys\n$al: no i gave them to $bl lol",
    ])
    return d.render(tpl, al=P(a, a.casual().lower()), bl=P(b, b.casual().lower()),
                    ptl=P(pt, pt.sur().lower()), ai=P(a, a.initials().lower()))


def t_us_overlay(d):
    r = d.rng
    pt = d.person()
    d.ocr = True
    nm = ocr_noise(r, pt.family.upper() + "^" + pt.given.upper(), 0.1)
    idv = ocr_noise(r, mrn(r, pt.region), 0.08)
    dtv = ocr_noise(r, date(r, style="dmy/"), 0.05)
    tpl = r.choice(["GE LOGIQ  $nm$s\n$id  $dt\nABD  C1-6  MI 1.1 TIb 0.4",
                    "$dt $nm$s\nID $id\nOB  GA 32w1d  EFW 1890g"])
    return d.render(tpl, nm=P(pt, nm), s=stray(r), id=E("ID", idv), dt=E("DATE", dtv))


def t_worklist(d):
    r = d.rng
    a, b, c = d.person(), d.person(), d.person()
    tpl = ("WORKLIST  CT1\n$ac | $ida | CT CHEST/ABDO/PELVIS C+ | urgent\n$bc | $idb | "
           "CT HEAD | ED\n$cc | $idc | CTPA | ward 21")
    return d.render(tpl, ac=P(a, a.comma(upper=True)), ida=E("ID", mrn(r, a.region)),
                    bc=P(b, b.comma(upper=True)), idb=E("ID", mrn(r, b.region)),
                    cc=P(c, c.comma(upper=True)), idc=E("ID", mrn(r, c.region)))


def t_script_note(d):
    r = d.rng
    for _ in range(50):
        pt = d.person(region=r.choice(["koryo", "chakma"]))
        if pt.has_script():
            break
        d.used.remove(pt)
    rel = d.kin(pt, sex="m")
    tpl = r.choice([
        "Locker label: $scr / $ptf - hearing aids (2) in the pot",
        "Family wrote the name as $scr on the menu card; we use $ptf. Soft diet, no "
        "pork. $relg (nephew) translates.",
        "$ptf ($scr) - prefers to be called $tpt$pts",
    ])
    return d.render(tpl, scr=P(pt, pt.script()), ptf=P(pt, pt.full()),
                    relg=P(rel, rel.given), tpt=tt(pt), pts=P(pt, pt.sur()))


def t_video_consult(d):
    r = d.rng
    pt, cl = d.person(), d.person()
    tpl = ("Video consultation $dt\nLink sent to $em: $url\n$ptg joined from home with "
           "sister; camera worked, audio dropped twice. Consent for video given.\n"
           "Clinician: $cl")
    return d.render(tpl, dt=E("DATE", date(r, style="iso", time=True)),
                    em=E("EMAIL", email(r, pt, "example.com")),
                    url=E("URL", "https://meet.example-health.org/room/%s" % digits(r, 7)),
                    ptg=P(pt, pt.given), cl=P(cl, cl.full()))


def t_foot_letter(d):
    r = d.rng
    pt, pod, gp = d.person(), d.person(), d.person()
    a = r.randint(45, 90)
    tpl = ("$org\nDiabetic Foot Clinic\n\n$dt\n\nDr $gp\n\nRe: $pt, $age, $addr\n\n"
           "I saw $tpt$pts today with a new ulcer under the right first metatarsal head, "
           "1.5 x 1 cm, probing to tendon but not to bone. Foot pulses are weak, ABPI 0.7 on "
           "the right. The ulcer was debrided and an offloading cast applied. I have asked "
           "for an X-ray and a vascular opinion, and started flucloxacillin for the "
           "cellulitis. $tpt$pts knows to call us on $tel if the foot becomes hot or "
           "swollen, and will be reviewed weekly in the clinic.\n\nYours sincerely,\n\n"
           "$pod\nSpecialist Podiatrist")
    return d.render(tpl, org=E("ORG", org(r, pt.region)), dt=E("DATE", date(r, style="d Mon y")),
                    gp=P(gp, gp.sur()), pt=P(pt, pt.full()), age=E("AGE", "%d" % a),
                    addr=E("LOCATION", address(r, pt.region)), tpt=tt(pt), pts=P(pt, pt.sur()),
                    tel=E("PHONE", phone(r, pt.region)), pod=P(pod, pod.full()))


def t_wheelchair(d):
    r = d.rng
    pt, ot = d.person(sex="f"), d.person()
    a = r.randint(8, 92)
    tpl = ("Wheelchair service assessment\nClient: $pt ($age)\nSeat width 43 cm, depth 45 "
           "cm; pressure cushion (high risk). Self-propelling indoors only. Attendant "
           "controls for outdoor use by her husband.\nAssessor: $ot")
    return d.render(tpl, pt=P(pt, pt.full()), age=E("AGE", "%d yrs" % a), ot=P(ot, ot.full()))


def t_carer_assessment(d):
    r = d.rng
    carer, sw = d.person(sex="f"), d.person()
    cared = d.kin(carer, sex="m")
    tpl = ("Carer's assessment: $carer looks after $cared (her husband) alone since the "
           "stroke; up 3 times a night. $carerg says she is 'running on empty'. Respite "
           "week agreed; sitting service twice a week. Social worker: $sw, $em")
    return d.render(tpl, carer=P(carer, carer.full()), cared=P(cared, cared.full()),
                    carerg=P(carer, carer.given), sw=P(sw, sw.full()),
                    em=E("EMAIL", email(r, sw)))


def t_travel_clinic(d):
    r = d.rng
    pt, nurse = d.person(), d.person()
    tpl = ("Travel health record - $pt\nPassport no: $pp   Travelling to: trekking "
           "holiday, 3 weeks\nGiven: typhoid (Vivotif oral), hepatitis A booster. Malaria: "
           "atovaquone-"
           "proguanil advised.\nNurse: $nur, $dt")
    return d.render(tpl, pt=P(pt, pt.full()),
                    pp=E("ID", "%s%s" % ("".join(r.choice("ABCPKL") for _ in range(2)),
                                         digits(r, 7))),
                    nur=P(nurse, nurse.i_sur()), dt=E("DATE", date(r, style="dmy/")))


ABROAD = ["edo", "nama", "koryo", "gagauz", "chakma", "aymara", "ambon", "sunda", "tsinoy",
          "palau"]


def t_short(d):
    r = d.rng
    pt = d.person()
    tpl = r.choice(["Chair 4: $ps", "cot 3 - $pt", "$pg rang", "Release: $ps",
                    "Bleep for $pt", "$ps - INR 2.4", "pls call $pg back"])
    return d.render(tpl, ps=P(pt, pt.sur().upper()), pt=P(pt, pt.full()), pg=P(pt, pt.given))


def t_signoff(d):
    r = d.rng
    w = d.nicknamed()
    tpl = r.choice([
        "Thanks all for covering Saturday - cake in the staff room. $nick",
        "Will sort the rota tomorrow. Cheers, $nick",
        "Running 10 mins late, traffic on the bridge - $nick",
    ])
    return d.render(tpl, nick=P(w, w.nick))


def t_nick_handover(d):
    r = d.rng
    w = d.nicknamed()
    pt = d.person()
    tpl = ("$full is on leave from Monday; $nick has handed $tpt$pts over to the "
           "evening team.")
    return d.render(tpl, full=P(w, w.full()), nick=P(w, w.nick), tpt=tt(pt),
                    pts=P(pt, pt.sur()))


def t_blood_donor(d):
    r = d.rng
    dn, nurse = d.person(), d.person()
    tpl = ("Donor session: $dn, donor no $dno, Hb 138 g/L by copper sulphate - accepted. "
           "470 ml in 8 min. Felt faint after; legs raised, fine after 15 min. $nur")
    return d.render(tpl, dn=P(dn, dn.full()), dno=E("ID", "G%s" % digits(r, 8)),
                    nur=P(nurse, nurse.initials()))


def t_ward_list(d):
    r = d.rng
    a, b, c = d.person(), d.person(), d.person()
    aa, ab = r.randint(50, 99), r.randint(18, 99)
    tpl = ("BED  NAME            AGE  PLAN\n1    $a   $aa  TTO today, awaiting transport\n"
           "2    $b   $ab  NBM from midnight, theatre\n5    $c    -   side room, C. diff")
    return d.render(tpl, a=P(a, a.sur().upper()), aa=E("AGE", str(aa)),
                    b=P(b, b.sur().upper()), ab=E("AGE", str(ab)), c=P(c, c.sur().upper()))


def t_tribunal(d):
    r = d.rng
    pt, rmo, sol = d.person(), d.person(), d.person()
    tpl = ("Tribunal hearing $dt: $pt appealing against s.3. RC: Dr $rmo. Legal "
           "representative: $sol. Report to be sent to the tribunal office by Friday.")
    return d.render(tpl, dt=E("DATE", date(r, style="Month d, y")), pt=P(pt, pt.full()),
                    rmo=P(rmo, rmo.sur()), sol=P(sol, sol.full()))


def t_custody(d):
    r = d.rng
    det, hcp = d.person(), d.person()
    a = r.randint(18, 70)
    tpl = ("Custody HCP assessment: detainee $det, $age, custody record $crn. Fit to "
           "detain and interview. Diabetic: own insulin given at 18:00. Rousing checks "
           "30 min. $hcp")
    return d.render(tpl, det=P(det, det.full()), age=E("AGE", "%d years" % a),
                    crn=E("ID", "%s/%s/%s" % (digits(r, 2), digits(r, 5), digits(r, 2))),
                    hcp=P(hcp, hcp.full()))


def t_asylum_health(d):
    r = d.rng
    pt = d.person(region=r.choice(ABROAD))
    nurse = d.person()
    tpl = ("Initial health assessment (asylum seeker) - $pt, asylum case ref $ho, "
           "passport national no. $ssn. "
           "Arrived from $place in $yr. TB screen: CXR clear. Hep B: immune. Registered with "
           "GP. Seen by $nur.")
    return d.render(tpl, pt=P(pt, pt.full()),
                    ssn=E("SSN", ssn(r, pt.region)),
                    ho=E("ID", "%s%s" % (r.choice("ABCDEFGHJKMN"), digits(r, 7))),
                    place=E("LOCATION", place(r, pt.region)), yr=str(r.randint(2022, 2025)),
                    nur=P(nurse, nurse.i_sur()))


def t_pharmacy_query(d):
    r = d.rng
    pt, ph, dr = d.person(), d.person(), d.person()
    tpl = ("Pharmacy query for Dr $dr: $pt's chart has clarithromycin with simvastatin - "
           "suggest withholding the statin for the course. $ph, ext 6610")
    return d.render(tpl, dr=P(dr, dr.sur()), pt=P(pt, pt.full()), ph=P(ph, ph.given))


def t_referral_email(d):
    r = d.rng
    a, b, pt = d.person(), d.person(), d.person()
    tpl = ("From: $ae\nTo: $be\nSubject: $pts - urgent sleep referral\n\nHi $bg, "
           "could you fit $tpt$pts in this week? HGV driver, falling asleep at the wheel. "
           "Thanks, $ag")
    return d.render(tpl, ae=E("EMAIL", email(r, a)), be=E("EMAIL", email(r, b)),
                    pts=P(pt, pt.sur()), bg=P(b, b.given), tpt=tt(pt), ag=P(a, a.given))


def t_whiteboard_ed(d):
    r = d.rng
    a, b, dr = d.person(), d.person(), d.person()
    tpl = ("MAJORS  CUBICLE 3: $a  chest pain  seen: $dr\nCUBICLE 4: $b  ?sepsis  "
           "NOT SEEN  18 min")
    return d.render(tpl, a=P(a, a.sur().upper()),
                    dr=P(dr, dr.initials()), b=P(b, b.sur().upper()))


def t_lower_note(d):
    r = d.rng
    pt = d.person()
    tpl = r.choice([
        "pt $pl allergic to plasters, tape only",
        "$pl's daughter asked for a call re: care package",
        "ring $pl re results - mobile $tel",
    ])
    return d.render(tpl, pl=P(pt, pt.lower()), tel=E("PHONE", phone(r, pt.region)))


SPECIAL = [("occitan", "de Séverac"), ("occitan", "d'Alzon"), ("palau", "Rehuher-Marugg"),
           ("aymara", "Yujra Tarqui"), ("tsinoy", "Go"), ("tsinoy", "Sy"),
           ("wordnames", "Spruce"), ("koryo", "Tkhai")]


def t_particle_names(d):
    r = d.rng
    reg, fam = r.choice(SPECIAL)
    pt = d.person(region=reg, family=fam)
    dr = d.person()
    tpl = r.choice([
        "Letter to $tpt$pts copied to the GP. Dr $dr",
        "$ptf attended with an interpreter; $tpt$pts prefers morning appointments.",
        "Discharge summary sent for $ptf (DOB $dob).",
    ])
    return d.render(tpl, tpt=tt(pt), pts=P(pt, pt.sur()), dr=P(dr, dr.sur()),
                    ptf=P(pt, pt.full()), dob=E("DATE", dob(r, style="dmy/")))


def t_milk_label(d):
    r = d.rng
    mum = d.person(sex="f")
    baby, chk = d.kin(mum), d.person()
    tpl = r.choice([
        "EXPRESSED BREAST MILK\nMother: $mumc\nBaby: $babyg (twin 1)\nExpressed: $dt\n"
        "Fridge 2, shelf B   Checked with: $chki",
        "EBM label - for baby $babyg (NNU cot 5), mum $mumf. Frozen $dt. Use thawed within "
        "24 h. Double-checked by $chkf.",
    ])
    return d.render(tpl, mumc=P(mum, mum.comma(upper=True)), babyg=P(baby, baby.given),
                    dt=E("DATE", date(r, style="dmy/", time=True)), chki=P(chk, chk.initials()),
                    mumf=P(mum, mum.full()), chkf=P(chk, chk.full()))


def t_apheresis(d):
    r = d.rng
    pt, n1 = d.person(), d.person()
    tpl = ("PLASMA EXCHANGE RECORD  no. 3 of 5\nPatient: $pt   Hosp no $mrn   Wt 64 kg\n"
           "Exchange 1.0 plasma volume (2.6 L) with 4.5% albumin via R IJ vascath.\n"
           "Citrate tingling at 40 min: calcium gluconate given.\nOperator: $n1")
    return d.render(tpl, pt=P(pt, pt.comma()), mrn=E("ID", mrn(r, pt.region)),
                    n1=P(n1, n1.i_sur()))


def t_cremation_query(d):
    r = d.rng
    dec, ref, dr = d.person(), d.person(), d.person()
    tpl = ("Medical referee query (cremation): the form for $dec says no implant, but "
           "the ward notes mention a pacemaker fitted in 2019. Could Dr $dr confirm it was "
           "removed before the body left the mortuary? $ref, medical referee, $dt")
    return d.render(tpl, dec=P(dec, dec.full()), dr=P(dr, dr.sur()), ref=P(ref, ref.full()),
                    dt=E("DATE", date(r, style="d Mon y")))


def t_door_intercom(d):
    r = d.rng
    v1, v2 = d.person(), d.person(sex="f")
    pt = d.kin(v1)
    tpl = ("WARD DOOR INTERCOM LOG\n14:05  $v1 for $ptf (bay 2) - let in\n14:40  $v2, says "
           "she is $ptg's carer - checked with the nurse in charge, let in\n15:10  flowers "
           "delivery - refused (infection control)")
    return d.render(tpl, v1=P(v1, v1.full()), ptf=P(pt, pt.full()), v2=P(v2, v2.full()),
                    ptg=P(pt, pt.given))


def t_cystoscopy(d):
    r = d.rng
    pt, uro = d.person(), d.person()
    a = r.randint(40, 90)
    tpl = r.choice([
        "Flexible cystoscopy: $pt, $age. Urethra normal, trabeculated bladder, no "
        "tumour. Stent removed with the grasper. Urologist $uro.",
        "Urodynamics - $pt ($age): detrusor overactivity with leak at 180 ml. "
        "Reported by $uros.",
    ])
    return d.render(tpl, pt=P(pt, pt.full()), age=E("AGE", "%d years" % a),
                    uro=P(uro, uro.i_sur()), uros=P(uro, uro.full()))


def t_eeg(d):
    r = d.rng
    pt, phys = d.person(), d.person()
    a = r.randint(1, 80)
    tpl = ("EEG REPORT\nName: $pt   Age: $age   Ref: first seizure\nBackground 9 Hz "
           "posterior rhythm, reactive. Photic stimulation: no photoparoxysmal response. "
           "Hyperventilation: generalised slowing only.\nConclusion: normal awake EEG.\n"
           "Clinical physiologist: $phys")
    return d.render(tpl, pt=P(pt, pt.full()), age=E("AGE", "%d yrs" % a),
                    phys=P(phys, phys.full()))


def t_tissue_donation(d):
    r = d.rng
    dec = d.person()
    rel, nurse = d.kin(dec), d.person()
    tpl = ("Tissue donation call $dt: spoke to $relf about $decg's wish to donate the "
           "corneas. $relg agreed on behalf of the family; recorded consent call 11 min. "
           "Eye retrieval team informed. $nur, tissue services")
    return d.render(tpl, dt=E("DATE", date(r, style="dmy/", time=True)),
                    relf=P(rel, rel.full()), decg=P(dec, dec.given), relg=P(rel, rel.given),
                    nur=P(nurse, nurse.full()))


def t_equipment_loan(d):
    r = d.rng
    pt, ot = d.person(), d.person()
    tpl = ("EQUIPMENT LOAN ORDER\nClient: $pt\nDeliver to: $addr\nItems: dynamic "
           "mattress, profiling bed, commode\nKey contact: $tel\nOrdered by: $ot  "
           "Urgent (end of life)")
    return d.render(tpl, pt=P(pt, pt.full()), addr=E("LOCATION", address(r, pt.region)),
                    tel=E("PHONE", phone(r, pt.region)), ot=P(ot, ot.i_sur()))


def t_hand_therapy(d):
    r = d.rng
    pt, ht = d.person(), d.person()
    tpl = r.choice([
        "Hand therapy: $pt, flexor tendon repair zone 2 (L ring finger), week 3. "
        "Dorsal blocking splint refitted. Early active motion going well. $ht",
        "Splint record - $pts: thermoplastic thumb spica made, wear day and night for 6 "
        "weeks. Made by $hti.",
    ])
    return d.render(tpl, pt=P(pt, pt.full()), ht=P(ht, ht.i_sur()), pts=P(pt, pt.sur()),
                    hti=P(ht, ht.initials()))


def t_delivery_run(d):
    r = d.rng
    a, b, drv = d.person(), d.person(), d.person()
    tpl = ("MEDICINES DELIVERY RUN  $dt\n1. $a, $aaddr - signed for\n2. $b - no answer, "
           "card left, back to pharmacy\nDriver: $drv")
    return d.render(tpl, dt=E("DATE", date(r, style="dmy/")), a=P(a, a.full()),
                    aaddr=E("LOCATION", address(r, a.region)), b=P(b, b.full()),
                    drv=P(drv, drv.given))


def t_visitor_signin(d):
    r = d.rng
    pt = d.person()
    v1, v2 = d.kin(pt), d.person()
    tpl = ("VISITOR SIGN-IN  ward 7  $dt\nName | visiting | in | out\n$v1 | $ptf | 14:02 | "
           "15:30\n$v2 | $pts | 18:10 | ")
    return d.render(tpl, dt=E("DATE", date(r, style="d/m/yy")), v1=P(v1, v1.full()),
                    ptf=P(pt, pt.full()), v2=P(v2, v2.full()), pts=P(pt, pt.sur()))


def t_gp_registration(d):
    r = d.rng
    pt = d.person(region=r.choice(ABROAD))
    tpl = ("GP REGISTRATION (new patient)\nSurname: $sur   Forename(s): $giv\nDate of birth: "
           "$dob\nPrevious address abroad: $place\nNational ID from home country: $ssn\n"
           "Contact number: $tel")
    return d.render(tpl, sur=P(pt, pt.sur()), giv=P(pt, pt.given),
                    dob=E("DATE", dob(r, style="dmy/")),
                    place=E("LOCATION", place(r, pt.region)), ssn=E("SSN", ssn(r, pt.region)),
                    tel=E("PHONE", phone(r)))


def t_bed_huddle(d):
    r = d.rng
    a, b, bm = d.person(), d.person(), d.person()
    tpl = ("10:00 bed huddle: 3 discharges expected. $a (AMU) waiting for a side room; "
           "$b fit for discharge but no package of care until Friday. Escalation owner: "
           "$bm.")
    return d.render(tpl, a=P(a, a.full()), b=P(b, b.full()), bm=P(bm, bm.i_sur()))


PII_TEMPLATES = [
    t_apheresis, t_milk_label, t_cremation_query, t_door_intercom, t_cystoscopy, t_physio_board,
    t_wound_chart, t_falls, t_inr_booklet, t_eeg, t_lung_function, t_food_challenge,
    t_cardiac_rehab, t_equipment_loan, t_fluid_chart, t_infant_feeding, t_mha_application,
    t_property_log, t_hospital_radio, t_volunteer_rota, t_dn_diary, t_care_home_handover,
    t_dom_care, t_methadone, t_lifeboat, t_festival, t_sports_injury, t_school_trip, t_mccd,
    t_coroner, t_tissue_donation, t_ivf_witness, t_specimen_reject, t_badge_ocr,
    t_parking_permit, t_delivery_run, t_night_chat, t_us_overlay, t_worklist,
    t_script_note, t_video_consult, t_foot_letter, t_hand_therapy, t_wheelchair,
    t_carer_assessment, t_travel_clinic, t_gp_registration, t_short, t_signoff, t_nick_handover,
    t_blood_donor, t_ward_list, t_tribunal, t_custody, t_asylum_health, t_pharmacy_query,
    t_referral_email, t_whiteboard_ed, t_lower_note, t_particle_names, t_bed_huddle,
    t_visitor_signin,
]


# ---------------------------------------------------------------------------------------------
# Texts without identifiers (traps). Each returns its variants; no span is expected.

def x_renal():
    return [
        "Phosex stopped (bloating); Velphoro chewed with meals instead.",
        "Eprex and Binocrit are both epoetin alfa; the unit uses the cheaper one.",
        "Cosmofer infusion with the next run, test dose first.",
        "Nipro dialyser swapped for the larger surface area.",
        "Calciphylaxis ruled out on the skin biopsy.",
        "Kimmelstiel-Wilson nodules on the renal biopsy.",
        "Fechtner syndrome is a rare cause of nephritis with big platelets.",
        "Dry weight reduced by half a kilo; cramps on the last two runs.",
    ]


def x_neonatal():
    return [
        "Sarnat stage 2 encephalopathy: cooling started within 6 hours.",
        "Brazelton assessment done with the parents watching.",
        "Vernix still present; first bath postponed.",
        "Erb's palsy on the right after shoulder dystocia; physio referral.",
        "Potter sequence suspected on the antenatal scan (anhydramnios).",
        "Treacher Collins features: genetics review before discharge.",
        "Baby boy, 3.2 kg, born in good condition, cried at birth.",
        "Coryllos grade 3 tongue-tie; division offered.",
    ]


def x_endoscopy():
    return [
        "Zargar grade 2a caustic injury; NG tube placed under vision.",
        "Rutgeerts i2 at the anastomosis; continue azathioprine.",
        "Hemospray applied to the oozing tumour with good effect.",
        "Gastrografin swallow: no leak at the anastomosis.",
        "Citrafleet sachets at 8 am and 2 pm the day before.",
        "Klean-Prep for the inpatient list because of the renal function.",
        "Savary-Gilliard bougie to 15 mm; no resistance.",
        "Pentax and Fujinon scopes both out for repair.",
    ]


def x_wound():
    return [
        "Cutimed sheets on the shallow ulcer; review Friday.",
        "Flaminal Hydro under a secondary foam.",
        "Iodoflex to the sloughy base for 2 weeks only.",
        "Biatain Silicone over the heel; Kerramax for the exudate.",
        "Zetuvit Plus pads, change when strike-through.",
        "Actico compression reapplied; ABPI 0.9.",
        "Urgostart contact layer, then Silvercel if infected.",
        "Prontosan soak and Octenilin gel at each change.",
        "Martorell ulcer suspected: hypertension, very painful lateral leg.",
        "Moisture lesion, not a pressure ulcer; barrier cream.",
    ]


def x_psych():
    return [
        "Charles Bonnet hallucinations: sees small people, knows they are not real.",
        "Lilliputian hallucinations during the delirium.",
        "Stendhal-type dizziness described while in the gallery.",
        "Briquet syndrome is an old name for somatisation disorder.",
        "Kluver-Bucy features after the encephalitis: hyperorality.",
        "Anton syndrome: cortically blind but denies it.",
        "Ondine's curse is congenital central hypoventilation.",
        "Kleine-Levin syndrome considered: episodes of hypersomnia.",
    ]


def x_anatomy():
    return [
        "Sibson's fascia intact; no pneumothorax.",
        "Space of Poirier: a weak point of the carpal ligaments.",
        "Kupffer cell hyperplasia on the liver biopsy.",
        "Brunner gland hyperplasia in the duodenal bulb.",
        "Paneth cell metaplasia in the colon biopsies.",
        "Islets of Langerhans preserved on the pancreas section.",
        "Foramen of Magendie patent on MRI.",
        "Rathke cleft cyst, 6 mm, for surveillance.",
        "Volkmann contracture risk: fasciotomy considered.",
        "Ligament of Struthers compressing the median nerve.",
        "Arcade of Frohse: posterior interosseous nerve entrapment.",
        "Cloquet's node sampled at the groin dissection.",
        "Valves of Heister in the cystic duct.",
        "Crypts of Lieberkühn distorted - colitis.",
        "Ligament of Humphry seen on the knee MRI; Wrisberg absent.",
        "Gerdy's tubercle avulsion on the knee X-ray.",
        "Chassaignac's tubercle used as the landmark for the block.",
        "Woodruff's plexus: posterior nosebleed.",
        "Reinke's oedema in a smoker; voice rest.",
        "Guyon's canal compression; ulnar nerve studies requested.",
    ]


def x_words():
    return [
        "Alder pollen counts high this week - hay fever clinic busy.",
        "Beech hedge cut back from the car park entrance.",
        "Spruce up the relatives' room before the open day.",
        "Larch decking by the hospice pond is slippery when wet.",
        "Elder abuse training is mandatory for all staff.",
        "Poplar trees shed fluff all over the garden in June.",
        "Harp music in the day room on Wednesdays.",
        "A mistral wind was blowing when she fell, she says.",
        "Pipe and tabor players at the summer fete.",
        "Chakma interpreter booked through the language line.",
    ]


def x_brands():
    return [
        "Vivotif capsules must be kept in the fridge.",
        "Dukoral drink for the traveller's diarrhoea course.",
        "Ixiaro two doses 28 days apart; Typhim Vi single dose.",
        "Rabipur pre-exposure course: three visits.",
        "Stamaril given; certificate valid for life.",
        "Malarone daily, Lariam weekly, or doxycycline - discussed.",
        "Paludrine and Avloclor are no longer advised for that area.",
        "Riamet or Coartem for treatment, not prevention.",
        "Complan shakes between meals; Foodlink leaflet given.",
        "Aymes Shake or Nutilis Clear, both on the formulary.",
        "Marevan tablets are colour-coded by strength.",
        "Sinthrome is an alternative if the INR is unstable.",
        "Arixtra injections for 45 days after the fracture.",
    ]


def x_chat():
    return [
        "bladder scanner is back on the ward, charged",
        "who took the dialysis chair 3 remote?? not funny",
        "cot cards printer out of labels again",
        "radio request slips are in the day room box",
        "anyone free to witness a CD for bay 2",
        "lifeboat shout at 3, expect a casualty by 4",
        "car park barrier stuck open, security aware",
    ]


def x_ocr():
    return [
        "LOGIQ E9  ABD\nC1-6  MI O.9  TIs O.2",
        "OB  GA 28w4d\nEFW 123Og  AFI 14",
        "CT1  SCOUT\nkV 12O  mA 4O",
        "ECHO  PLAX\nHR 72  DEPTH 16cm",
        "NEONATAL CHEST AP\nkV 5O  mAs 1.6",
    ]


def x_misc():
    return [
        "Tribunal hearings are now held by video unless the patient objects.",
        "Mortuary release forms go to the bereavement office, not the ward.",
        "Volunteers are needed for the Tuesday help desk.",
        "Sports injuries clinic moves to the new block in April.",
        "Travel clinic: yellow fever certificates are issued at the pharmacy.",
        "Property must be counted with two members of staff present.",
        "Custody suite nurse covers two stations overnight.",
        "Coroner's officers are available by phone until 4 pm.",
        "Organ donation week: stand in the main foyer.",
        "Festival medical team briefing at 10, main tent.",
        "Carers' cafe every first Monday.",
        "Wheelchair clinic cancelled due to staff sickness.",
    ]


def x_headings():
    return [
        "Patients are reminded that the car park closes at 10 pm.",
        "Frequently asked questions about peritoneal dialysis.",
        "Welcome to the neonatal unit. Please wash your hands.",
        "Visiting times 2-8 pm; two visitors per bed.",
        "Fasting: nothing to eat for 6 hours before the procedure.",
        "Bring all your medicines in their boxes to the clinic.",
        "Doctors and nurses wear name badges at all times.",
    ]


TRAP_TEMPLATES = [x_renal, x_neonatal, x_endoscopy, x_wound, x_psych, x_anatomy, x_words,
                  x_brands, x_chat, x_ocr, x_misc, x_headings]

# Trap terms, brands and eponyms this corpus introduces (checked against the earlier corpora
# like the names).
TRAP_TERMS = [
    "Phosex", "Velphoro", "Eprex", "Binocrit", "Cosmofer", "Nipro", "Calciphylaxis",
    "Kimmelstiel", "Fechtner", "Sarnat", "Brazelton", "Vernix", "Erb", "Potter", "Treacher",
    "Coryllos", "Zargar", "Rutgeerts", "Hemospray", "Gastrografin", "Citrafleet", "Klean",
    "Gilliard", "Pentax", "Fujinon", "Cutimed", "Flaminal", "Iodoflex", "Biatain",
    "Kerramax", "Zetuvit", "Actico", "Urgostart", "Silvercel", "Prontosan", "Octenilin",
    "Martorell", "Bonnet", "Lilliputian", "Stendhal", "Briquet", "Kluver", "Bucy", "Anton",
    "Ondine", "Kleine", "Sibson", "Poirier", "Kupffer", "Brunner", "Paneth", "Langerhans",
    "Magendie", "Rathke", "Volkmann", "Struthers", "Frohse", "Cloquet", "Heister",
    "Lieberkühn", "Humphry", "Wrisberg", "Gerdy", "Chassaignac", "Woodruff", "Reinke",
    "Guyon", "Vivotif", "Dukoral", "Ixiaro", "Typhim", "Rabipur", "Stamaril", "Malarone",
    "Lariam", "Paludrine", "Avloclor", "Riamet", "Coartem", "Complan", "Foodlink", "Aymes",
    "Nutilis", "Marevan", "Sinthrome", "Arixtra", "Logiq",
]

# Generic words of organisation and place names (not checked against the earlier corpora).
GENERIC = set(tokens(
    "hospital general regional medical center centre university teaching college "
    "health care community practice clinic central north south east west state specialist "
    "city town district polyclinic of de la the d national municipal los andes rs rsud "
    "puskesmas kota institute wellness mid atlantic mt service funeral lane co op "
    "funeralcare street road ul str calle zona no jl house erf hamlet rue and county "
    "cottage metropolitan sadar centre hôpital hospitalier"))
def mask(text, spans):
    """The text lower-cased with every span blanked out."""
    chars = list(text)
    for s, e in spans:
        for i in range(s, e):
            chars[i] = " "
    return "".join(chars).lower()


def leaks(text, ents):
    """Name parts of this text's people that occur outside its spans."""
    rest = set(tokens(mask(text, [(s, e) for (s, e, _k, _w, _x) in ents])))
    out = set()
    for (_s, _e, kind, who, _x) in ents:
        if kind == "PERSON":
            out |= {w for w in who.parts() if len(w) > 2 and w not in PARTICLES} & rest
    return out


def build():
    rng = random.Random(SEED)
    pool = Pool(rng)
    out = []
    meta = []
    seen = set()
    order = list(PII_TEMPLATES) * MAX_USES
    rng.shuffle(order)
    order = order[:N_PII]
    pii = []
    for f in order:
        for _ in range(100):
            d = Doc(rng, pool)
            text, ents = f(d)
            if text not in seen and not leaks(text, ents):
                break
        else:
            fail("could not make a new clean text with " + f.__name__)
        seen.add(text)
        pii.append((text, ents, d, f.__name__))
    traps = [t for f in TRAP_TEMPLATES for t in f()]
    if len(set(traps)) != len(traps):
        fail("duplicate trap variants")
    if len(traps) < N_TRAP:
        fail("only %d trap variants" % len(traps))
    traps = rng.sample(traps, N_TRAP)
    items = [("pii", x) for x in pii] + [("trap", t) for t in traps]
    rng.shuffle(items)
    for i, (k, x) in enumerate(items):
        tid = "blind12-%03d" % (i + 1)
        if k == "trap":
            out.append({"id": tid, "text": x, "entities": []})
            meta.append(dict(ents=[], ocr=False, template="trap"))
            continue
        text, ents, d, name = x
        ids = {}
        spans = []
        ents = sorted(ents, key=lambda t: (t[0], t[1]))
        for (s, e, kind, who, _surf) in ents:
            ent = {"start": s, "end": e, "type": kind}
            if kind == "PERSON":
                if id(who) not in ids:
                    ids[id(who)] = "p%d" % (len(ids) + 1)
                ent["person"] = ids[id(who)]
            spans.append(ent)
        out.append({"id": tid, "text": text, "entities": spans})
        meta.append(dict(ents=ents, ocr=d.ocr, template=name))
    return out, meta, pool


# ---------------------------------------------------------------------------------------------
# Self-check.

def earlier_sources():
    texts = []
    for f in EARLIER:
        path = os.path.join("sanitizer", "corpus", f)
        if not os.path.exists(path):
            fail("missing %s (run from the repository root)" % path)
        with open(path, encoding="utf-8") as fh:
            texts.append(fh.read())
    return texts


def check(out, meta, pool):
    # 1. Nothing of this corpus's vocabulary occurs in the earlier corpora or names.json.
    srcs = earlier_sources()
    earlier = set()
    for t in srcs:
        earlier |= set(tokens(t))
    earlier_low = "\n".join(srcs).lower()
    names = pool.name_words()
    probe = {w for w in names if len(w) > 2}
    probe |= {w for t in TRAP_TERMS for w in tokens(t) if len(w) > 2}
    probe |= {w for n in NICKS.values() for w in tokens(n) if len(w) > 2}
    clash = sorted(probe & earlier)
    if clash:
        fail("name parts or trap terms found in earlier corpora or names.json: "
             + ", ".join(clash))
    phrases = [o for v in ORGS.values() for o in v] + [p for v in PLACES.values() for p in v]
    for phrase in phrases:
        if re.search(r"(?<!\w)" + re.escape(phrase.lower()) + r"(?!\w)", earlier_low):
            fail("organisation or place found in earlier corpora: " + phrase)
        hit = [w for w in tokens(phrase) if w not in GENERIC and len(w) > 2 and w in earlier]
        if hit:
            fail("organisation or place key words found in earlier corpora: %s (%s)"
                 % (", ".join(hit), phrase))
    # 2. Shape.
    if len(out) != N_PII + N_TRAP:
        fail("expected %d texts, got %d" % (N_PII + N_TRAP, len(out)))
    if len({o["id"] for o in out}) != len(out) or len({o["text"] for o in out}) != len(out):
        fail("ids or texts not unique")
    with_names = sum(1 for o in out if any(e["type"] == "PERSON" for e in o["entities"]))
    empty = sum(1 for o in out if not o["entities"])
    if (with_names, empty) != (N_PII, N_TRAP):
        fail("shape %r, expected %r" % ((with_names, empty), (N_PII, N_TRAP)))
    uses = {}
    for m in meta:
        if m["template"] != "trap":
            uses[m["template"]] = uses.get(m["template"], 0) + 1
    if max(uses.values()) > MAX_USES or len(uses) < 44:
        fail("template use: %d templates, at most %d uses each"
             % (len(uses), max(uses.values())))
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
                        if tok in parts or tok in PARTICLES:
                            continue
                        if all(c in inits for c in tok) and len(tok) <= 4:
                            continue
                        fail("%s: mention %r is not a form of its person" % (tid, sl))
        if m["ents"] and leaks(text, m["ents"]):
            fail("%s: name part outside a span" % tid)
        rest = set(tokens(mask(text, [(e["start"], e["end"]) for e in ents])))
        leak = {w for w in rest if len(w) > 2} & (names - WORD_NAMES)
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
