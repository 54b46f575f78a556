#!/usr/bin/env python3
"""Deterministic generator for the sanitizer's seventh BLIND corpus (blind7.jsonl), the
tenth corpus overall.

Run from the repository root:  python3 sanitizer/corpus/generate_blind7.py
Output is byte-identical on every run (own seed, no clock, no environment).

NEVER SCORED: written without running the sanitizer (or its bench, or its failures example)
on it and without reading the sanitizer's source, so it is fitted to the system in neither
direction. It is meant to be scored ONCE, in a later session, after the current round of
fixes, by someone other than its author. Templates, word lists and names share nothing by
design with generate.py (dev), generate_heldout.py (heldout), generate_test.py (test) and
generate_blind.py .. generate_blind6.py (blind .. blind6); the self-check at the end refuses
any pool name part, trap term, organisation key word or place found (as a whole word,
case-insensitive) in those files or in names.json. Only name particles (le, de, ould, mint,
i, ni), the word parts "Two" of Two-Axe and "ool" of Aldyn-ool (the whole hyphenated names
are checked) and one- or two-letter tokens are exempt.

Genres and their sentence shapes (300 texts: 220 naming a person, 80 with no identifier):
GP referral letters with a numbered PMH list, care plans, radiotherapy / oncology treatment
summaries, renal dialysis run sheets, paediatric growth-clinic notes, sexual-health clinic
notes (initials and nicknames), custody / prison health-care notes, military medical notes
(rank + surname), veterinary-style mix-ups (a pet's name next to its owner's; the pet is not
a person and is not marked), French- and Dutch-language notes, voice-assistant dictation with
spelled-out names ("that's K-N-E-A-L-E": the spelled form is a PERSON span), OCR of faxes
with header lines, outpatient letters, operation notes, pathology reports, medicines
reconciliation, discharge summaries, flowsheet lines starting with a given name,
telephone-message notes, numbered MDT lists (name, age, hospital number), consent forms,
pharmacy queries, DICOM headers (``LAST^FIRST^MIDDLE`` tag dumps and ``Last, First``
viewer panels), OCR of burned-in overlays with OCR noise (case errors, 0/O and 1/l
confusions, dropped spaces, stray punctuation), captions ("Photo of ..."), vision-model
captions reading text in the photo (whiteboard, wristband, door sign, name badge), lower-case
staff chat and pager messages, HL7 ADT / ORM messages with coded ``CODE^Description`` fields
that are NOT names, CSV exports with a header row, audit-log lines, bed boards, theatre
lists, SBAR handovers, safeguarding referrals, incident reports, prescriptions, pathology
request forms, vaccination records, care-home notes, speech-therapy notes, and OCR of
messaging-app screenshots, interpreter bookings, patient-portal notes (URL and e-mail), an
Arctic medevac request, and nutrition notes where a word-name surname also occurs as the
ordinary word ("Mrs Bacon ... a bacon roll"). People are mentioned repeatedly and partially (surname only,
given name only, title + surname, rank + surname, initials, nickname) and every mention
carries one ``person`` id. Captions that describe people by role only ("a nurse", "the
consultant") are traps next to captions that name them.

Names are real, listed by hand from public statistics of regions no earlier corpus drew on
(every earlier generator's docstring was read; none of these regions is listed there):
- Isle of Man: Manx surnames of the Isle of Man census / civil registry (Quayle, Kermode,
  Corlett, Kinvig, Quilliam, Cregeen, Kneale, Clague, Kewley, Qualtrough, Faragher, Crellin,
  Cannell, Skillicorn) and Manx given names (Orry, Breesha, Aalin, Moirrey, Illiam, Fenella);
- Cornwall: ONS / Cornwall Council surname frequency lists (Trevithick, Tregear, Polglase,
  Pascoe, Trelawny, Nancarrow, Chenoweth, Tremayne, Penhaligon, Bolitho, Pengelly, Trewin)
  and Cornish given names from ONS baby-name lists (Morwenna, Demelza, Kerensa, Tamsin,
  Loveday, Piran, Jago, Kensa);
- Jersey and Guernsey: Statistics Jersey / States of Guernsey registry surnames (Le Brocq,
  Le Sueur, Renouf, Le Cornu, Le Maistre, Le Quesne, Falle, Journeaux, Pallot, Ogier, Le
  Prevost, Bichard, Tostevin, Brehaut, Mauger, De Garis, de Gruchy, Vibert);
- Sardinia: ISTAT surname counts for the province of Cagliari / Nuoro (Sanna, Piras, Pinna,
  Melis, Serra, Carta, Murgia, Porcu, Deiana, Atzori, Cossu, Pintus) and Sardinian given
  names (Efisio, Gavino, Bachisio, Tonina, Antioco, Giommaria, Salvatorica);
- Corsica: INSEE surname counts for Haute-Corse / Corse-du-Sud (Santoni, Luciani, Filippi,
  Mattei, Leca, Paoli, Pietri, Albertini, Orsoni) and Corsican given names (Ghjuvan Petru,
  Ghjacumu, Saveriu, Letizia, Ghjulia, Orsu);
- Tuva: Tuvan surnames (Kuular, Mongush, Ondar, Oorzhak, Saryglar, Dongak, Khertek) and
  given names (Sholban, Ayana, Aldyn-ool, Choduraa, Aidysmaa, Chechena, Buyan) from Tuvastat
  and Rosstat-era name-frequency studies;
- Buryatia: Buryat given names (Dorzho, Tsyren, Bato, Zhargal, Erzhena, Tuyana, Sesegma,
  Balzhinima) and surnames (Dorzhiev, Tsybikov, Badmaev, Tsydenov) from Burjatstat studies;
- Kabardino-Balkaria: Kabardian (Circassian) surnames (Kardanov,
  Shogenov, Kokov, Sokurov, Khatukhov, Mashukov, Bitokov, Teuvazhev) and given names
  (Aslan, Zalina, Fatimat, Khasanbi, Mukhadin, Murat);
- Mauritania: ONS Mauritanie / civil-registry Hassaniya names, given name + Ould / Mint +
  father's name (Mohamedou, Lemine, Mokhtar, Salka, Aicha, Mariem, Khadijetou, Ahmedou,
  Abdallahi, Vadel; Cheikh, Taleb, Boydiel, Ebnou, Bouh, Vall);
- Seychelles: NBS Seychelles common Creole surnames (Hoareau, Payet, Esparon, Labiche, Savy,
  Laporte, Confait, Dubignon, Morel) and given names (Rosemonde, Ernesta, Ronny, Jude);
- Cape Verde: INE Cabo Verde common surnames (Semedo, Varela, Furtado, Brito, Fortes,
  Monteiro, Delgado, Lopes) and given names (Arlindo, Evandro, Djamila, Zenaida, Jailson,
  Nilton, Ivone, Euclides, Aurélio, Jéssica);
- Bali: BPS Bali / Dukcapil Balinese birth-order names (Wayan, Nyoman, Ketut, Kadek, Komang,
  Gede) with personal names (Suarta, Sudiarta, Artawan, Astiti, Sukerti, Widiasih,
  Mertayasa, Suardana, Wirawan); the I / Ni gender prefix is part of the full name span;
  some Balinese patients go by one name (mononyms);
- Meghalaya: Khasi clan surnames from Census of India / electoral-roll studies (Lyngdoh,
  Syiemlieh, Kharkongor, Marbaniang, Nongrum, Rymbai, Kharbuli, Warjri, Nongbri, Pyngrope,
  Dkhar) and Khasi given names (Banteilang, Daiaphi, Ibashisha, Kyrshanlang);
- Assam: common Assamese surnames (Bora, Gogoi, Saikia, Baruah, Hazarika, Kalita, Deka,
  Borgohain, Phukan, Rajkhowa, Medhi) and given names (Pranjal, Dhruba, Bidyut, Anupam,
  Jyotismita, Barnali, Rupjyoti, Chinmoyee, Nilakshi) from electoral-roll studies;
- Nagaland: Ao and Angami names (Longkumer, Jamir, Imchen, Aier, Walling, Kikon, Ezung;
  Temjen, Imna, Akum, Sentila, Temsula, Bendangmenla, Neiphiu, Visakhonu, Kevileno);
- Kiribati: KNSO census-era names (Teburoro, Anote, Tekaai, Taneti, Tebano, Teuea, Kautu;
  Tabai, Teannaki, Kaure, Tiroba, Tebwebwe, Kabubuke);
- Marshall Islands: EPPSO census-era family names (Kabua, Loeak, Anjain, Heine, Kijiner,
  Zackhras, Jetnil-Kijiner) and given names (Hilda, Imata, Litokwa);
- Torres Strait Islands: ABS / Torres Strait Regional Authority family names (Mosby, Nona,
  Mabo, Bani, Gela, Ahmat, Tamwoy, Warria, Waia, Akiba, Elu, Kabay, Tapim) and given names
  (Ephraim, Getano, Aggie);
- The Bahamas: Bahamas Department of Statistics / Registrar General surnames (Knowles,
  Rolle, Bethel, Pinder, Cartwright, Sweeting, Ingraham, Strachan, Demeritte, Moxey, Culmer,
  Symonette, Deveaux, Darville, Rahming, Munnings, Tynes);
- Iñupiat (North Slope, Alaska): common family names of North Slope Borough census reports
  (Ahmaogak, Itta, Okakok, Kaleak, Nageak, Tagarook, Edwardsen, Akootchook, Kanayurak,
  Hopson, Brower) and Iñupiaq given names (Qaiyaan, Aqpik, Savik);
- Mohawk (Kahnawà:ke, Akwesasne): band-list family names (Diabo, Montour, McComber, Two-Axe,
  Deer, Horn, Stacey) and Kanien'kéha given names (Kahentinetha, Karonhiakta, Kanietakeron,
  Otsitsa, Kaniehtiio);
- Eswatini: CSO Eswatini common surnames (Simelane, Mamba, Shongwe, Masilela, Hlophe,
  Matsebula, Mdluli, Gamedze) and given names (Nomsa, Thembi, Siphiwe, Makhosazana, Zodwa,
  Mbuso);
- English / US names that are ordinary words, trades or places (Webster, Chandler, Collier,
  Mercer, Draper, Skinner, Sadler, Cutler, Forester, Falconer, Bunting, Partridge, Peacock,
  Pollard, Bacon, Brooks, Sands, Abbott, Proctor, Reeve, Bailey, Squire, Kent, Farmer,
  Carver, Roper, Booker, Wolf; Amity, Honesty, Sienna, Ebony, Rosemary, Beryl, Sapphire,
  Emerald, Garnet, Valentine, Merry, Julius) from ONS / Census 2010 / SSA lists, none used by
  the earlier generators.

Conventions of the gold spans, the same as generate_blind6.py's so that scores compare
(offsets in code points, see sanitizer/src/eval.rs):
- PERSON spans cover the name only, never a title or rank (Dr, dr., Mr, Mrs, Ms, Mme, Dhr.,
  Cpl, LCpl, Sgt, Pte, Spr, Gnr, Capt) and never a possessive
  's; a DICOM ``LAST^FIRST^MIDDLE`` or ``Last, First`` value is one span, and so is an HL7
  ``FAMILY^GIVEN^MIDDLE`` (the provider number before it is an ID of its own, a trailing
  ``^^^DR`` is outside); initials standing for a person are PERSON; clinicians, relatives,
  carers and interpreters are people too; a spelled-out name ("K-N-E-A-L-E") is a PERSON
  span of that person; a name inside an e-mail address is part of the EMAIL span only; a
  login name in an audit log is an ID; pets are not people;
- AGE spans cover the number with its attached unit ("93-year-old", "101 yrs", "094Y",
  "91yo", "88 ans", "92 jaar") but not a following "old"; a bare number after "Age", or after
  a name in an MDT list, bed board or theatre list, is the whole span;
- DATE spans cover a full date in whatever format, including a time written with it; HL7 and
  DICOM dates and timestamps are DATEs;
- LOCATION spans cover a street address from number to postcode as one span, or a town /
  city / island named alone; ORG spans cover the whole name of a hospital, clinic, practice,
  care home, prison, military medical centre or employer ("Hospital Dr Agostinho Neto",
  "Samuel Simonsen Community Health Center", "Kateri Memorial Hospital Centre", "Dr B
  Borooah Cancer Institute" are ORG, not PERSON); an HL7 sending-facility code is not marked;
- ID, PHONE, EMAIL, URL, SSN spans cover the value only, not its label. SSN is used for
  national personal codes (US SSN, Italian codice fiscale, French NIR, Russian SNILS, Indian
  Aadhaar, Eswatini PIN); hospital, NHS, Medicare, lab, custody, service, NIB, incident and
  GMC numbers are ID. Bed numbers, batch numbers, message control ids and coded fields are
  not identifiers of a person and are not marked.
Units and wards named after people or word-names, device manufacturers, eponyms, drug
brands and scores are not identifiers and are never marked.

Self-check (the script exits non-zero and writes nothing on failure): every span's slice is
exactly the string the template inserted; spans are sorted, non-empty, trimmed and do not
overlap; types are EntityKind names; PERSON spans and only they carry a `person` id, one id
per individual and one individual per id, and each mention is a form of that individual's
name (OCR-noised texts excepted); no part of a person's name occurs outside a span in that
text (word-names declared as ordinary words in that text excepted); no pool name part occurs
in a text without identifiers (declared word-names excepted); texts without identifiers hold
no span and every other text names a person (300 texts: 220 with names, 80 without any
identifier); ids and texts are unique; no pool name part, trap term, organisation key word
or place occurs in the earlier generators or in names.json (generic words such as Hospital,
Centre, Road and the common word-names will, mark, hope, bill, grace, rose, may, june, iris
are not checked).
"""

import json
import random
import re
import sys
from pathlib import Path

SEED = 71017_2026
HERE = Path(__file__).resolve().parent
OUT = HERE / "blind7.jsonl"
KINDS = {"PERSON", "DATE", "AGE", "ID", "PHONE", "EMAIL", "URL", "SSN", "LOCATION", "ORG"}
PARTICLES = {"le", "de", "ould", "mint", "i", "ni", "two", "ool"}

# ---------------------------------------------------------------------------------------
# Name pools: (given names, family names, style)
# ---------------------------------------------------------------------------------------
REGIONS = {
    "manx": (["Orry", "Breesha", "Aalin", "Moirrey", "Illiam", "Fenella"],
             ["Quayle", "Kermode", "Corlett", "Kinvig", "Quilliam", "Cregeen", "Kneale",
              "Clague", "Kewley", "Qualtrough", "Faragher", "Crellin", "Cannell",
              "Skillicorn"]),
    "cornish": (["Morwenna", "Demelza", "Kerensa", "Tamsin", "Loveday", "Piran", "Jago",
                 "Kensa"],
                ["Trevithick", "Tregear", "Polglase", "Pascoe", "Trelawny", "Nancarrow",
                 "Chenoweth", "Tremayne", "Penhaligon", "Bolitho", "Pengelly", "Trewin"]),
    "channel": (["Amity", "Julius", "Rosemary", "Valentine", "Beryl"],
                ["Le Brocq", "Le Sueur", "Renouf", "Le Cornu", "Le Maistre", "Le Quesne",
                 "Falle", "Journeaux", "Pallot", "Ogier", "Le Prevost", "Bichard",
                 "Tostevin", "Brehaut", "Mauger", "De Garis", "de Gruchy", "Vibert"]),
    "sardinia": (["Efisio", "Gavino", "Bachisio", "Tonina", "Antioco", "Giommaria",
                  "Salvatorica"],
                 ["Sanna", "Piras", "Pinna", "Melis", "Serra", "Carta", "Murgia", "Porcu",
                  "Deiana", "Atzori", "Cossu", "Pintus"]),
    "corsica": (["Ghjuvan Petru", "Ghjacumu", "Saveriu", "Letizia", "Ghjulia", "Orsu"],
                ["Santoni", "Luciani", "Filippi", "Mattei", "Leca", "Paoli", "Pietri",
                 "Albertini", "Orsoni"]),
    "tuva": (["Sholban", "Ayana", "Aldyn-ool", "Choduraa", "Aidysmaa", "Chechena", "Buyan"],
             ["Kuular", "Mongush", "Ondar", "Oorzhak", "Saryglar", "Dongak", "Khertek"]),
    "buryat": (["Dorzho", "Tsyren", "Bato", "Zhargal", "Erzhena", "Tuyana", "Sesegma",
                "Balzhinima"],
               ["Dorzhiev", "Tsybikov", "Badmaev", "Tsydenov"]),
    "kabard": (["Aslan", "Zalina", "Fatimat", "Khasanbi", "Mukhadin", "Murat"],
               ["Kardanov", "Shogenov", "Kokov", "Sokurov", "Khatukhov", "Mashukov",
                "Bitokov", "Teuvazhev"]),
    "mauritania": (["Mohamedou", "Lemine", "Mokhtar", "Salka", "Aicha", "Mariem",
                    "Khadijetou", "Ahmedou", "Abdallahi", "Vadel"],
                   ["Ould Cheikh", "Ould Taleb", "Mint Boydiel", "Ould Ebnou",
                    "Mint Bouh", "Ould Vall"]),
    "seychelles": (["Rosemonde", "Ernesta", "Ronny", "Jude"],
                   ["Hoareau", "Payet", "Esparon", "Labiche", "Savy", "Laporte", "Confait",
                    "Dubignon", "Morel"]),
    "capeverde": (["Arlindo", "Evandro", "Djamila", "Zenaida", "Jailson", "Nilton", "Ivone",
                   "Euclides", "Aurélio", "Jéssica"],
                  ["Semedo", "Varela", "Furtado", "Brito", "Fortes", "Monteiro", "Delgado",
                   "Lopes"]),
    "bali": (["Wayan", "Nyoman", "Ketut", "Kadek", "Komang", "Gede"],
             ["Suarta", "Sudiarta", "Artawan", "Astiti", "Sukerti", "Widiasih", "Mertayasa",
              "Suardana", "Wirawan"]),
    "khasi": (["Banteilang", "Daiaphi", "Ibashisha", "Kyrshanlang"],
              ["Lyngdoh", "Syiemlieh", "Kharkongor", "Marbaniang", "Nongrum", "Rymbai",
               "Kharbuli", "Warjri", "Nongbri", "Pyngrope", "Dkhar"]),
    "assam": (["Pranjal", "Dhruba", "Bidyut", "Anupam", "Jyotismita", "Barnali", "Rupjyoti",
               "Chinmoyee", "Nilakshi"],
              ["Bora", "Gogoi", "Saikia", "Baruah", "Hazarika", "Kalita", "Deka",
               "Borgohain", "Phukan", "Rajkhowa", "Medhi"]),
    "naga": (["Temjen", "Imna", "Akum", "Sentila", "Temsula", "Bendangmenla", "Neiphiu",
              "Visakhonu", "Kevileno"],
             ["Longkumer", "Jamir", "Imchen", "Aier", "Walling", "Kikon", "Ezung"]),
    "kiribati": (["Teburoro", "Anote", "Tekaai", "Taneti", "Tebano", "Teuea", "Kautu"],
                 ["Tabai", "Teannaki", "Kaure", "Tiroba", "Tebwebwe", "Kabubuke"]),
    "marshall": (["Hilda", "Imata", "Litokwa"],
                 ["Kabua", "Loeak", "Anjain", "Heine", "Kijiner", "Zackhras",
                  "Jetnil-Kijiner"]),
    "torres": (["Ephraim", "Getano", "Aggie"],
               ["Mosby", "Nona", "Mabo", "Bani", "Gela", "Ahmat", "Tamwoy", "Warria", "Waia",
                "Akiba", "Elu", "Kabay", "Tapim"]),
    "bahamas": (["Sienna", "Ebony", "Merry", "Garnet"],
                ["Knowles", "Rolle", "Bethel", "Pinder", "Cartwright", "Sweeting",
                 "Ingraham", "Strachan", "Demeritte", "Moxey", "Culmer", "Symonette",
                 "Deveaux", "Darville", "Rahming", "Munnings", "Tynes"]),
    "inupiat": (["Qaiyaan", "Aqpik", "Savik"],
                ["Ahmaogak", "Itta", "Okakok", "Kaleak", "Nageak", "Tagarook", "Edwardsen",
                 "Akootchook", "Kanayurak", "Hopson", "Brower"]),
    "mohawk": (["Kahentinetha", "Karonhiakta", "Kanietakeron", "Otsitsa", "Kaniehtiio"],
               ["Diabo", "Montour", "McComber", "Two-Axe", "Deer", "Horn", "Stacey"]),
    "eswatini": (["Nomsa", "Thembi", "Siphiwe", "Makhosazana", "Zodwa", "Mbuso"],
                 ["Simelane", "Mamba", "Shongwe", "Masilela", "Hlophe", "Matsebula", "Mdluli",
                  "Gamedze"]),
    "english": (["Honesty", "Sapphire", "Emerald", "Amity", "Julius", "Rosemary", "Merry"],
                ["Webster", "Chandler", "Collier", "Mercer", "Draper", "Skinner", "Sadler",
                 "Cutler", "Forester", "Falconer", "Bunting", "Partridge", "Peacock",
                 "Pollard", "Bacon", "Brooks", "Sands", "Abbott", "Proctor", "Reeve",
                 "Bailey", "Squire", "Kent", "Farmer", "Carver", "Roper", "Booker", "Wolf"]),
}
FEMALE = {"Breesha", "Aalin", "Moirrey", "Fenella", "Morwenna", "Demelza", "Kerensa", "Tamsin",
          "Loveday", "Kensa", "Amity", "Rosemary", "Beryl", "Tonina", "Salvatorica", "Letizia",
          "Ghjulia", "Ayana", "Choduraa", "Aidysmaa", "Chechena", "Erzhena", "Tuyana",
          "Sesegma", "Balzhinima", "Zalina", "Fatimat", "Salka", "Aicha", "Mariem",
          "Khadijetou", "Rosemonde", "Ernesta", "Djamila", "Zenaida", "Ivone", "Jéssica",
          "Daiaphi", "Ibashisha", "Jyotismita", "Barnali", "Chinmoyee", "Nilakshi", "Sentila",
          "Temsula", "Bendangmenla", "Kevileno", "Hilda", "Aggie", "Sienna", "Ebony", "Merry",
          "Honesty", "Sapphire", "Emerald", "Kahentinetha", "Otsitsa", "Kaniehtiio", "Nomsa",
          "Thembi", "Makhosazana", "Zodwa"}
# Given names used for either sex (Balinese birth-order names and a few others).
UNISEX = {"Wayan", "Nyoman", "Ketut", "Kadek", "Komang", "Siphiwe", "Taneti", "Savik",
          "Aqpik", "Qaiyaan"} | {"Suarta", "Mertayasa", "Sudiarta"}
MONONYMS = ["Suarta", "Mertayasa", "Sudiarta"]  # Balinese patients known by one name
NICKNAMES = {"Kahentinetha": "Kahn", "Makhosazana": "Khosi", "Ghjacumu": "Ghjaco",
             "Khadijetou": "Khadi", "Bendangmenla": "Menla", "Jyotismita": "Jyoti",
             "Balzhinima": "Balzhi", "Kyrshanlang": "Kyrshan", "Salvatorica": "Rica"}


class Person:
    """One individual: given and family name (family may be empty for a mononym)."""

    def __init__(self, given, family, region):
        self.given = given
        self.family = family
        self.region = region
        self.forms = set()

    def parts(self):
        out = set()
        for w in re.split(r"[\s\-^,.']+", f"{self.given} {self.family}"):
            if len(w) > 2 and w.lower() not in PARTICLES:
                out.add(w)
        return out

    def form(self, kind):
        g, f = self.given, self.family
        if not f:
            s = {"lower": g.lower(), "upper": g.upper(), "init": g[0] + "."}.get(kind, g)
        elif kind == "full":
            s = f"{g} {f}"
        elif kind == "fam":
            s = f
        elif kind == "giv":
            s = g
        elif kind == "upfam":
            s = f.upper()
        elif kind == "caret":
            s = f"{f.upper().replace(' ', '_')}^{g.upper().replace(' ', '^')}"
        elif kind == "comma":
            s = f"{f}, {g}"
        elif kind == "ucomma":
            s = f"{f.upper()}, {g}"
        elif kind == "init":
            s = "".join(w[0] for w in (g + " " + f).replace("-", " ").split()).upper()
        elif kind == "ginit":
            s = f"{g[0]}. {f}"
        elif kind == "lower":
            s = g.lower()
        elif kind == "lowerfull":
            s = f"{g} {f}".lower()
        elif kind == "nick":
            s = NICKNAMES.get(g, g)
        elif kind == "spell":
            s = "-".join(c for c in f.upper() if c.isalpha())
        elif kind == "bali":
            s = f"I {g} {f}"
        elif kind == "balif":
            s = f"Ni {g} {f}"
        else:
            raise ValueError(kind)
        self.forms.add(s)
        return s


class Doc:
    """A text under construction with its gold spans."""

    def __init__(self):
        self.buf = []
        self.pos = 0
        self.ents = []
        self.who = {}
        self.noisy = False
        self.allow = set()  # word-names used as ordinary words in this text

    def t(self, s):
        self.buf.append(s)
        self.pos += len(s)
        return self

    def e(self, s, kind, person=None):
        if s != s.strip() or not s:
            raise SystemExit(f"untrimmed span {s!r}")
        start = self.pos
        self.t(s)
        self.ents.append((start, self.pos, kind, person, s))
        return self

    def p(self, person, kind="full", text=None):
        s = person.form(kind) if text is None else text
        if text is not None:
            person.forms.add(text)
        return self.e(s, "PERSON", person)

    def text(self):
        return "".join(self.buf)


R = random.Random(SEED)
USED = set()


def sex_ok(given, sex):
    if sex is None or given in UNISEX:
        return True
    return (given in FEMALE) == (sex == "f")


def person(region=None, mono=False, sex=None, nick=False):
    """A fresh individual from a region's pool (of the given sex if asked; with a nickname if
    asked); a Mauritanian woman is Mint (daughter of), a man Ould (son of)."""
    for _ in range(2000):
        reg = region or R.choice(sorted(REGIONS))
        if mono:
            p = Person(R.choice(MONONYMS), "", "bali")
        else:
            gs, fs = REGIONS[reg]
            g = R.choice(gs)
            if not sex_ok(g, sex) or (nick and g not in NICKNAMES):
                continue
            f = R.choice(fs)
            if reg == "mauritania":
                f = ("Mint " if g in FEMALE else "Ould ") + f.split(" ", 1)[1]
            p = Person(g, f, reg)
        key = (p.given, p.family)
        if key not in USED or len(USED) > 600:
            USED.add(key)
            return p
    return p


def people(n, sexes=None):
    out = []
    while len(out) < n:
        p = person(sex=(sexes or "").ljust(n)[len(out)].strip() or None)
        if all(not (p.parts() & q.parts()) for q in out):
            out.append(p)
    return out


def pick(xs):
    return R.choice(xs)


def dig(n):
    return "".join(str(R.randrange(10)) for _ in range(n))


# ---------------------------------------------------------------------------------------
# Identifier values
# ---------------------------------------------------------------------------------------
MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MONTH = ["January", "February", "March", "April", "May", "June", "July", "August",
         "September", "October", "November", "December"]
MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
        "septembre", "octobre", "novembre", "décembre"]
MAAND = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
         "september", "oktober", "november", "december"]


def ymd(lo=2019, hi=2025):
    return R.randint(lo, hi), R.randint(1, 12), R.randint(1, 28)


def date(style=None, lo=2019, hi=2025):
    y, m, d = ymd(lo, hi)
    style = style or pick(["dmy", "iso", "dmon", "monthd", "dots", "upper", "ord", "us"])
    return {
        "dmy": f"{d:02d}/{m:02d}/{y}",
        "iso": f"{y}-{m:02d}-{d:02d}",
        "dmon": f"{d} {MON[m - 1]} {y}",
        "monthd": f"{MONTH[m - 1]} {d}, {y}",
        "dots": f"{d:02d}.{m:02d}.{y}",
        "upper": f"{d:02d}-{MON[m - 1].upper()}-{y}",
        "ord": f"{d}{'th' if d not in (1, 2, 3, 21, 22, 23) else {1: 'st', 2: 'nd', 3: 'rd', 21: 'st', 22: 'nd', 23: 'rd'}[d]} {MONTH[m - 1]} {y}",
        "us": f"{m}/{d}/{str(y)[2:]}",
        "hl7": f"{y}{m:02d}{d:02d}",
        "hl7t": f"{y}{m:02d}{d:02d}{R.randint(0, 23):02d}{R.randint(0, 59):02d}",
        "fr": f"{d} {MOIS[m - 1]} {y}",
        "nl": f"{d} {MAAND[m - 1]} {y}",
        "dob": f"{d:02d}/{m:02d}/{R.randint(1926, 1999)}",
        "time": f"{d:02d}/{m:02d}/{y} {R.randint(0, 23):02d}:{R.randint(0, 59):02d}",
    }[style]


def dob():
    y, m, d = R.randint(1925, 2004), R.randint(1, 12), R.randint(1, 28)
    return pick([f"{d:02d}/{m:02d}/{y}", f"{d} {MON[m - 1]} {y}", f"{y}-{m:02d}-{d:02d}"])


def nhs():
    return f"{dig(3)} {dig(3)} {dig(4)}"


def mrn():
    return pick([f"RCH{dig(6)}", f"{dig(7)}", f"JGH-{dig(5)}", f"K{dig(7)}",
                 f"NH{dig(6)}", f"{dig(2)}-{dig(5)}"])


def phone(region=None):
    return pick([f"01624 {dig(6)}", f"+44 1872 {dig(6)}", f"01534 {dig(6)}",
                 f"+39 070 {dig(3)} {dig(4)}", f"+33 4 95 {dig(2)} {dig(2)} {dig(2)}",
                 f"+248 4 {dig(3)} {dig(3)}", f"+238 {dig(3)} {dig(2)} {dig(2)}",
                 f"+1 242 {dig(3)}-{dig(4)}", f"(907) {dig(3)}-{dig(4)}",
                 f"+268 {dig(4)} {dig(4)}", f"07{dig(3)} {dig(6)}"])


PLACES = ["Ramsey", "Castletown", "Peel", "Newquay", "Saltash", "Lostwithiel", "Onchan", "Laxey", "Olbia", "Calvi",
          "Kyakhta", "Baksan", "Kiffa", "Assomada", "Singaraja", "Jowai", "Tezpur", "Wokha",
          "Bairiki", "Saibai", "Andros", "Nuiqsut", "Kanesatake", "Siteki", "Wainwright",
          "Kaktovik", "St Helier",
          "Cagliari", "Nuoro", "Oristano", "Sassari", "Bastia", "Ajaccio", "Kyzyl",
          "Ulan-Ude", "Nalchik", "Nouakchott", "Nouadhibou", "Praia", "Mindelo",
          "Denpasar", "Gianyar", "Shillong", "Guwahati", "Jorhat", "Dibrugarh", "Kohima",
          "Mokokchung", "Dimapur", "Betio", "Majuro", "Ebeye", "Badu Island", "Nassau",
          "Eleuthera", "Utqiagvik", "Kahnawake", "Akwesasne", "Mbabane", "Manzini"]
ADDRESSES = [
    lambda: f"{R.randint(2, 60)} Athol Street, Ramsey IM8 {R.randint(1, 9)}AB",
    lambda: f"Flat {R.randint(1, 9)}, {R.randint(2, 80)} Lemon Street, Saltash PL12 {R.randint(1, 9)}QJ",
    lambda: f"{R.randint(1, 40)} La Rue de Samarès, St Clement JE2 {R.randint(1, 9)}LY",
    lambda: f"Via Is Mirrionis {R.randint(1, 120)}, 09121 Cagliari",
    lambda: f"{R.randint(1, 30)} boulevard Fesch, 20000 Ajaccio",
    lambda: f"ul. Kochetova {R.randint(1, 90)}, kv. {R.randint(1, 99)}, Kyzyl",
    lambda: f"{R.randint(100, 4999)} Ahkovak Street, Utqiagvik, AK 99723",
    lambda: f"Lot {R.randint(10, 300)}, Sidwashini, Mbabane H100",
    lambda: f"House {R.randint(1, 90)}, Laitumkhrah Main Road, Shillong 793003",
    lambda: f"Jalan Hayam Wuruk {R.randint(1, 200)}, Denpasar 80235",
]


def address():
    return pick(ADDRESSES)()


ORGS = ["Overdale Hospital",
        "Ospedale Brotzu", "Centre Hospitalier de Bastia", "Semashko Republican Hospital",
        "Centre Hospitalier National de Nouakchott", "Hospital Dr Agostinho Neto",
        "RSUP Prof Ngoerah", "Nazareth Hospital Shillong", "Dr B Borooah Cancer Institute",
        "Naga Hospital Authority Kohima", "Tungaru Central Hospital", "Majuro Hospital",
        "Samuel Simonsen Community Health Center", "Kateri Memorial Hospital Centre",
        "Mbabane Government Hospital", "Rand Memorial Hospital",
        "Seychelles Hospital", "Gauhati Medical College Hospital",
        "Ramsey Cottage Hospital", "HMP Isle of Man", "Tri-Service Medical Centre Bulford"]


def org():
    return pick(ORGS)


def ssn(kind=None):
    kind = kind or pick(["us", "cf", "snils", "aadhaar", "nir", "pin"])
    return {
        "us": f"{dig(3)}-{dig(2)}-{dig(4)}",
        "cf": f"{''.join(R.choice('BCDFGLMNPRSTVZ') for _ in range(6))}{dig(2)}"
              f"{R.choice('ABCDEHLMPRST')}{dig(2)}{R.choice('BFGHL')}{dig(3)}{R.choice('XYZW')}",
        "snils": f"{dig(3)}-{dig(3)}-{dig(3)} {dig(2)}",
        "aadhaar": f"{R.randint(2, 9)}{dig(3)} {dig(4)} {dig(4)}",
        "nir": f"{R.choice('12')} {dig(2)} {R.randint(1, 12):02d} 2A {dig(3)} {dig(3)} {dig(2)}",
        "pin": f"{dig(13)}",
    }[kind]


def age(style=None):
    n = R.choice([R.randint(18, 88), R.randint(90, 104)])
    style = style or pick(["yo", "years", "yrs", "dash", "Y", "bare"])
    return {"yo": f"{n}yo", "years": f"{n} years", "yrs": f"{n} yrs", "dash": f"{n}-year-old",
            "Y": f"{n:03d}Y", "bare": f"{n}", "ans": f"{n} ans", "jaar": f"{n} jaar"}[style]


def email(p=None):
    dom = pick(["nhs.net", "gov.im", "health.gov.je", "aslcagliari.it", "gmail.com",
                "outlook.com", "health.gov.sc", "nsbsd.org"])
    if p and p.family:
        local = re.sub(r"[^a-z]", "", p.given.lower())[:1] + "." + re.sub(r"[^a-z]", "", p.family.lower())
    else:
        local = pick(["ward7.admin", "renal.unit", "growth.clinic", "gum.bookings"])
    return f"{local}{R.randint(1, 99)}@{dom}"


TITLES = ["Dr", "Mr", "Mrs", "Ms", "Miss"]


# ---------------------------------------------------------------------------------------
# Templates with identifiers (each returns a Doc)
# ---------------------------------------------------------------------------------------
def gp_referral():
    pt, gp = people(2, "f")
    d = Doc()
    d.t("Dear Colleague,\nRe: ").p(pt, "full").t(", DOB ").e(dob(), "DATE").t(", NHS ")
    d.e(nhs(), "ID").t("\nI would be grateful if you could see this ").e(age("dash"), "AGE")
    d.t(" with worsening exertional breathlessness.\nPMH:\n1. Type 2 diabetes (diet)\n"
        "2. Hypertension\n3. Left TKR ").e(str(R.randint(2008, 2018)), "DATE")
    d.t("\n4. Gout\n").t(pick(["Mrs ", "Ms "])).p(pt, "fam")
    d.t(" lives alone and manages her own medicines.\nYours sincerely,\nDr ").p(gp, "ginit")
    d.t(", ").e(org() if R.random() < 0.3 else pick(["Peel Group Practice",
                                                     "Lemon Street Surgery",
                                                     "Kyzyl Polyclinic No. 2"]), "ORG")
    return d


def care_plan():
    pt, key = people(2)
    d = Doc()
    d.t("CARE PLAN — mobility and falls\nResident: ").p(pt, "full").t("   Room 14\n")
    d.t("Need: ").p(pt, "giv").t(pick([" has had two falls this month and walks with a frame.\n",
                                       " is at risk of falls after a change of medication.\n",
                                       " gets up at night to look for the toilet.\n"]))
    d.t("Goal: no further falls by review on ").e(date("dmy"), "DATE").t(".\n")
    d.t("Actions: sensor mat at night; ").p(pt, "giv")
    d.t(" to be prompted to use the call bell; toilet before bed.\nKeyworker: ").p(key, "full")
    d.t(" (").e(org() if R.random() < 0.2 else pick(["Ballakilley Care Home",
                                                     "Trewince Manor Residential Home",
                                                     "Les Quennevais Nursing Home"]), "ORG").t(")")
    return d


def radiotherapy():
    pt, onc = people(2)
    d = Doc()
    d.t("RADIOTHERAPY TREATMENT SUMMARY\nPatient: ").p(pt, "ucomma").t("  Hosp no: ")
    d.e(mrn(), "ID").t("\nSite: " + pick(["left breast + SCF. Dose 40 Gy in 15 fractions",
                                          "prostate and seminal vesicles. Dose 60 Gy in 20 fractions",
                                          "whole brain. Dose 20 Gy in 5 fractions",
                                          "right lung SABR. Dose 55 Gy in 5 fractions"]) + ", completed ")
    d.e(date("dmon"), "DATE").t(".\nAcute toxicity: grade 1 skin erythema. ").p(pt, "giv")
    d.t(" tolerated treatment well.\nFollow-up with Dr ").p(onc, "fam").t(" at ")
    d.e(org(), "ORG").t(" in six weeks.")
    return d


def oncology_summary():
    pt, onc, nurse = people(3)
    d = Doc()
    d.t("Oncology MDT outcome — ").e(date("dots"), "DATE").t("\n").p(pt, "full").t(", ")
    d.e(age("years"), "AGE").t(", MRN ").e(mrn(), "ID")
    d.t("\nStage IIIB adenocarcinoma of the sigmoid. For 6 cycles adjuvant chemotherapy.\n"
        "Consultant: Dr ").p(onc, "full").t(". Key worker: ").p(nurse, "giv")
    d.t(" (CNS), bleep ").t(dig(4)).t(".\nDiscussed with ").p(pt, "giv").t(" and daughter.")
    return d


def dialysis_run():
    pt, nurse = people(2)
    d = Doc()
    d.t("HD RUN SHEET  ").e(date("dmy"), "DATE").t("  Chair 6\nName: ").p(pt, "upfam")
    d.t(" ").p(pt, "giv", text=pt.given).t("   Unit no ").e(mrn(), "ID")
    d.t(f"\nPre wt {R.randint(55, 95)}.{R.randint(0, 9)} kg  UF {R.randint(1, 3)}.{R.randint(0, 9)} L\n"
        + pick(["Access: L radiocephalic AVF, good thrill.\n",
                "Access: R brachiocephalic AVF, needled x2 first time.\n",
                "Access: tunnelled line, lumens locked with heparin 5000 u/mL.\n"]))
    first, then = pick([("BP dropped to 88/50 at 3 h, UF paused. ", " settled with saline bolus.\n"),
                        ("Cramps in the last hour, UF reduced. ", " settled with a 200 mL bolus.\n"),
                        ("Uneventful run, BP stable throughout. ",
                         " went home by hospital transport.\n")])
    d.t(first).p(pt, "giv").t(then)
    d.t("Nurse: ").p(nurse, "init")
    return d


def growth_clinic():
    child, mum, doc = people(3, " f")
    d = Doc()
    d.t("Paediatric growth clinic — ").e(date("dmon"), "DATE").t("\n").p(child, "full")
    y, m, dd = R.randint(2010, 2019), R.randint(1, 12), R.randint(1, 28)
    d.t(" (DOB ").e(f"{dd:02d}/{m:02d}/{y}", "DATE").t(") attended with mother ").p(mum, "giv")
    d.t(".\nHeight 118.2 cm (0.4th centile), weight 21 kg. Mid-parental height 9th centile.\n")
    d.p(child, "giv").t(" is otherwise well and enjoys school. Bone age requested.\nDr ")
    d.p(doc, "fam")
    return d


def sexual_health():
    pt = person(nick=True)
    partner, hca = people(2)
    d = Doc()
    d.t("GUM clinic  ").e(date("dmy"), "DATE").t("  clinic no ").e(f"GU{dig(6)}", "ID")
    d.t("\n").p(pt, "init").t(pick([" attends for results. Goes by '",
                                    " back for test of cure, prefers '"])).p(pt, "nick")
    d.t("'. Regular partner ").p(partner, "giv").t(" also tested last week.\n"
        "Treated today, partner notification discussed. Bloods taken by ").p(hca, "giv")
    d.t(".\nContact by text only: ").e(phone(), "PHONE")
    return d


def custody():
    pt, nurse = people(2)
    d = Doc()
    d.t("HEALTHCARE — RECEPTION SCREEN\n").e(pick(["HMP Isle of Man", "HMP La Moye"]), "ORG")
    d.t("\nPrisoner: ").p(pt, "upfam").t(", ").p(pt, "giv", text=pt.given).t("   No. ")
    d.e(f"{pick('ABCD')}{dig(4)}{pick('ABCDEF')}{pick('ABCDEF')}", "ID")
    d.t("\nDOB ").e(dob(), "DATE").t(". Reports methadone 40 mg daily in the community, "
        "confirmed with pharmacy.\n").p(pt, "fam").t(" denies thoughts of self-harm. ACCT not opened.\n")
    d.t("Seen by ").p(nurse, "full").t(", RMN")
    return d


def military():
    pt, mo = people(2)
    rank = pick(["Cpl", "LCpl", "Sgt", "Pte", "Spr", "Gnr"])
    d = Doc()
    d.t("F Med 5 entry ").e(date("dmy"), "DATE").t("\n").t(rank + " ").p(pt, "upfam")
    d.t(" ").p(pt, "giv", text=pt.given).t("  Service no ").e(f"{pick(['25', '30'])}{dig(6)}", "ID")
    d.t("\n" + pick(["Inversion injury R ankle on exercise. Able to weight-bear. ",
                     "Blisters both heels after a 20 km march. Dressed. ",
                     "Low back pain lifting kit. No red flags. "]))
    d.t(rank + " ").p(pt, "fam").t(" placed on light duties for 14 days.\nMO: Capt ")
    d.p(mo, "fam").t(", ").e(pick(["Tri-Service Medical Centre Bulford",
                                   "Catterick Medical Centre"]), "ORG")
    return d


def vet_mixup():
    owner = person(sex="f")
    pet = pick(["Biscuit", "Pickle", "Nacho", "Pudding", "Mochi"])
    d = Doc()
    d.t("Telephone message ").e(date("time"), "DATE").t("\n").p(owner, "full")
    d.t(" rang about ").t(pet).t(" — NOT a patient, ").t(pet)
    d.t(" is her dog. She is asking whether her own warfarin clinic appointment can move "
        "because the vet is the same day. Please call ").p(owner, "giv").t(" on ")
    d.e(phone(), "PHONE").t(".")
    return d


def french_note():
    pt, dr = people(2, "f")
    d = Doc()
    d.t("Compte rendu de consultation du ").e(date("fr"), "DATE").t("\nMme ").p(pt, "full")
    d.t(", ").e(age("ans"), "AGE").t(", adressée par le Dr ").p(dr, "fam")
    d.t(" pour bilan de chutes. Vit seule à ").e(pick(["Bastia",
                                                       "Ajaccio",
                                                       "Nouakchott"]), "LOCATION")
    d.t(". Mme ").p(pt, "fam").t(" est autonome pour la toilette. NIR ").e(ssn("nir"), "SSN")
    return d


def dutch_note():
    pt, dr = people(2, "m")
    d = Doc()
    d.t("Verpleegkundige overdracht ").e(date("nl"), "DATE").t("\nDhr. ").p(pt, "full")
    d.t(" (").e(age("jaar"), "AGE").t("), opgenomen via de SEH. Patiëntnummer ")
    d.e(mrn(), "ID").t(".\nDhr. ").p(pt, "fam").t(" is 's nachts onrustig geweest. "
        "Zaalarts: dr. ").p(dr, "ginit").t(".")
    return d


def dictation():
    pt = person(sex="f")
    d = Doc()
    d.t("dictation: new patient letter for ").p(pt, "full").t(" — surname ").p(pt, "spell")
    d.t(", that's ").p(pt, "spell").t(" — date of birth ").e(dob(), "DATE")
    d.t(" — seen today in clinic full stop she reports two weeks of cough new paragraph")
    return d


def fax_ocr():
    pt, gp = people(2)
    d = Doc()
    d.noisy = True
    t = date("dmy")
    d.t("FROM: ").e(pick(["Peel Group Practice", "Lemon Street Surgery"]), "ORG").t("  FAX ")
    d.e(phone(), "PHONE").t("   ").e(t, "DATE").t(" 1O:42  P.1/2\n")
    d.t("URGENT 2WW REFERRAL\nPatient: ").p(pt, "upfam", text=pt.family.upper())
    d.t(" ").p(pt, "giv", text=pt.given).t("  NHS No: ").e(nhs().replace("1", "l", 1), "ID")
    d.t("\nReferrer : Dr ").p(gp, "ginit").t(" .. suspected 1ower GI ca")
    return d


def clinic_letter():
    pt, cons, sib = people(3, "f m")
    d = Doc()
    d.t("Outpatient clinic, ").e(org(), "ORG").t(", ").e(date("ord"), "DATE")
    d.t("\nDear Dr ").p(cons, "fam").t(",\nThank you for asking me to see ").p(pt, "full")
    d.t(", who came with her brother ").p(sib, "giv").t(". ").p(pt, "giv")
    d.t(pick([" describes morning stiffness for three months. I have started hydroxychloroquine.",
              " has had a tremor of the right hand for a year; I have arranged a DaT scan.",
              " reports palpitations on exertion. A 7-day monitor has been fitted.",
              " has lost 6 kg since the spring. I have requested a CT of the chest and abdomen."]))
    return d


def op_note():
    pt, surg, asst, anaes = people(4)
    d = Doc()
    d.t("OPERATION NOTE  ").e(date("dmy"), "DATE").t("\nPatient: ").p(pt, "full").t("  ")
    d.e(mrn(), "ID").t("\nSurgeon: ").p(surg, "ginit").t("  Assistant: ").p(asst, "full")
    d.t("  Anaesthetist: Dr ").p(anaes, "fam")
    d.t("\nProcedure: " + pick(["laparoscopic appendicectomy. Findings: gangrenous appendix, no perforation.",
                                "open reduction and internal fixation, right distal radius.",
                                "laparoscopic cholecystectomy. Findings: thick-walled gallbladder, stones.",
                                "excision of left forearm lipoma, 4 cm, closed with 4/0 nylon."]))
    return d


def pathology():
    pt, path = people(2)
    d = Doc()
    d.t("HISTOPATHOLOGY  Lab no ").e(f"H{dig(2)}/{dig(5)}", "ID").t("\nName: ")
    d.p(pt, "ucomma").t("  DOB: ").e(dob(), "DATE")
    d.t(pick(["\nSpecimen: skin ellipse, left cheek.\nMicroscopy: nodular basal cell carcinoma, "
              "completely excised (peripheral margin 2 mm).\n",
              "\nSpecimen: gallbladder.\nMicroscopy: chronic cholecystitis, no dysplasia.\n",
              "\nSpecimen: sigmoid colon polyp, 14 mm.\nMicroscopy: tubular adenoma with "
              "low-grade dysplasia, completely excised.\n"]))
    d.t("Reported by ").p(path, "full").t(", ").e(date("iso"), "DATE")
    return d


def med_rec():
    pt, pharm = people(2)
    d = Doc()
    d.t("Medicines reconciliation — ").p(pt, "full").t(", ").e(age("yo"), "AGE")
    d.t("\nSources: patient, GP record, own supply.\n- ramipril 5 mg od\n- bisoprolol 2.5 mg od\n"
        "- insulin glargine 18 units nocte\n").p(pt, "giv")
    d.t(" stopped atorvastatin herself (muscle aches). Done by ").p(pharm, "ginit")
    d.t(", ").e(date("time"), "DATE")
    return d


def discharge():
    pt, cons = people(2)
    d = Doc()
    d.t("DISCHARGE SUMMARY\n").p(pt, "full").t("  Hosp no ").e(mrn(), "ID").t("\nAdmitted ")
    y, m, dd = ymd()
    d.e(f"{dd} {MON[m - 1]} {y}", "DATE").t(", discharged ")
    d.e(f"{dd + R.randint(1, 3)} {MON[m - 1]} {y}", "DATE")
    d.t("\nDiagnosis: " + pick(["community-acquired pneumonia",
                                "decompensated heart failure",
                                "fractured neck of femur (hemiarthroplasty)",
                                "DKA, resolved"]) + ".\n").p(pt, "fam")
    d.t(" returns home to ").e(address(), "LOCATION").t(". Consultant: ").p(cons, "full")
    return d


def flowsheet():
    pt = person()
    d = Doc()
    d.p(pt, "giv").t(" slept 4 h, up at ").t(f"0{R.randint(2, 5)}:{R.randint(10, 59)}")
    d.t(pick([" asking for tea. Pad dry. Pressure areas intact. ",
              " calling out for family; reassured. Skin intact. ",
              " with chest pain 3/10, ECG done, settled with GTN. "])).p(pt, "giv")
    d.t(pick([" repositioned 2-hourly. ", " slept again from 06:00. "])).e(date("dmy"), "DATE")
    return d


def phone_msg():
    caller, pt, taker = people(3, "m")
    d = Doc()
    d.t("Tel msg  ").e(date("time"), "DATE").t("\nCaller: ").p(caller, "full")
    d.t(" (son-in-law of ").p(pt, "full").t(")\n" + pick(["Wants update re discharge plan. ", "Says no tablets have been taken since Monday. ",
                       "Asking whether visiting is allowed on the ward at weekends. "]))
    d.t("Call back on ").e(phone(), "PHONE").t(". Taken by ").p(taker, "giv")
    return d


def mdt_list():
    a, b, c, chair = people(4)
    d = Doc()
    d.t("Upper GI MDT ").e(date("dmy"), "DATE").t("\n")
    for i, p in enumerate((a, b, c), 1):
        d.t(f"{i}. ").p(p, pick(["ucomma", "full"])).t(", ").e(age("bare"), "AGE").t(", ")
        d.e(mrn(), "ID").t(" — " + pick(["for staging CT", "for EUS", "to discuss at next MDT",
                                              "best supportive care"]) + "\n")
    d.t("Chair: ").p(chair, "ginit")
    return d


def consent():
    pt, dr, interp = people(3)
    d = Doc()
    d.t("Consent Form 1\nPatient: ").p(pt, "full").t("   Hospital no ").e(mrn(), "ID")
    d.t("\nProcedure: " + pick(["flexible cystoscopy. Risks explained incl. infection and bleeding.\n",
                         "right total hip replacement. Risks: dislocation, DVT, leg-length change.\n",
                         "OGD +/- biopsy. Risks: perforation (1 in 2000), bleeding, sore throat.\n"]))
    d.t("Interpreter present: ").p(interp, "full").t("\nHealth professional: Dr ")
    d.p(dr, "fam").t("   Date: ").e(date("dmy"), "DATE")
    return d


def pharmacy_query():
    pt, dr, pharm = people(3)
    d = Doc()
    d.t("Pharmacy query to Dr ").p(dr, "fam").t(": chart for ").p(pt, "full")
    d.t(" (bed 12) has clarithromycin and simvastatin together. Please withhold the statin "
        "while on the macrolide. ").p(pharm, "giv").t(", ward pharmacist, ext ").t(dig(4))
    return d


def dicom_caret():
    pt, ref = people(2)
    d = Doc()
    d.t("(0008,0020) DA [").e(date("hl7"), "DATE").t("]\n(0008,0090) PN [")
    d.p(ref, "caret").t("]\n(0010,0010) PN [").p(pt, "caret").t("]\n(0010,0020) LO [")
    d.e(mrn(), "ID").t("]\n(0010,1010) AS [").e(age("Y"), "AGE").t("]\n(0018,0015) CS [CHEST]")
    return d


def dicom_viewer():
    pt = person()
    d = Doc()
    d.t("Patient: ").p(pt, "comma").t(" | ID: ").e(mrn(), "ID").t(" | Study: ")
    d.e(date("dmy"), "DATE").t(" | ").e(org(), "ORG").t(" | CT ABDOMEN W CONTRAST")
    return d


def noise(s):
    out = []
    for ch in s:
        r = R.random()
        if ch == "O" and r < 0.5:
            out.append("0")
        elif ch == "l" and r < 0.5:
            out.append("1")
        elif ch == "I" and r < 0.3:
            out.append("l")
        elif ch == " " and r < 0.2:
            continue
        elif ch.isalpha() and r < 0.08:
            out.append(ch.swapcase())
        else:
            out.append(ch)
    return "".join(out).strip()


def ocr_overlay():
    pt = person()
    d = Doc()
    d.noisy = True
    name = noise(f"{pt.family.upper()} {pt.given.upper()}")
    d.p(pt, text=name).t("  ").e(noise(mrn()), "ID").t(pick([" ;", "  ", " ."]))
    d.t(pick(["\nDOB:", "\nD0B "])).e(noise(date("dmy", 1930, 1999)), "DATE")
    d.t(pick(["\nL LAT  kV85", "\nAP PORTABLE", "\nR 0BLIQUE"]))
    return d


def ocr_short():
    pt = person()
    d = Doc()
    d.noisy = True
    d.e(noise(org()), "ORG").t(" | ").p(pt, text=noise(pt.form("ucomma"))).t(" |")
    return d


def caption_named():
    pt, nurse = people(2)
    d = Doc()
    d.t(pick(["Photo of ", "Clinical photograph: ", "Image shows "])).p(pt, "full")
    d.t(pick(["'s left heel pressure ulcer, grade 3, ", " with a healing sternotomy wound, "]))
    d.t("taken by ").p(nurse, "full").t(" on ").e(date("dmon"), "DATE")
    return d


def caption_board():
    pt, nurse = people(2)
    d = Doc()
    v = R.randrange(4)
    if v == 0:
        d.t("A hospital whiteboard reads 'Bed 4 — ").p(pt, "full").t(" — NBM from midnight — nurse ")
        d.p(nurse, "giv").t("'.")
    elif v == 1:
        d.t("Close-up of a wristband printed ").p(pt, "ucomma").t(" ").e(dob(), "DATE")
        d.t(" ").e(mrn(), "ID").t(" on a patient's left wrist.")
    elif v == 2:
        d.t("The door sign says 'Side room 3: ").p(pt, "ginit").t(" — contact precautions'.")
    else:
        d.t("A staff member smiling at the camera; the name badge reads '").p(nurse, "full")
        d.t(", Staff Nurse'.")
    return d


def chat():
    a, b, pt = people(3)
    d = Doc()
    d.p(a, "lower").t(": can u review ").p(pt, "lowerfull").t(" bay 2, sats 89%\n")
    d.p(b, "lower").t(": on my way, is ").p(pt, "fam").t(" on o2 already?\n")
    d.p(a, "lower").t(": 2L nc. thx ").p(b, "init")
    return d


def pager():
    pt, sender = people(2)
    d = Doc()
    d.t("bleep 4417 from ").p(sender, "lower").t(": pls r/v ").p(pt, "lower")
    d.t(" ").p(pt, "fam").t(" rm 6 k+ 6.4, ecg done")
    return d


def hl7_adt():
    pt, dr = people(2)
    d = Doc()
    d.t("MSH|^~\\&|PAS|CHMAN|EPR|CHMAN|").e(date("hl7t"), "DATE").t("||ADT^A01|")
    d.t(dig(8)).t("|P|2.4\nPID|1||").e(mrn(), "ID").t("^^^MRN||").p(pt, "caret")
    d.t("||").e(date("hl7", 1930, 2000), "DATE").t("|F|||").e(address(), "LOCATION")
    d.t("\nPV1|1|I|WD7^B4^12||||").e(f"C{dig(6)}", "ID").t("^").p(dr, "caret").t("^^^DR")
    d.t("|||MED^General Medicine")
    return d


def hl7_orm():
    pt = person()
    d = Doc()
    d.t("MSH|^~\\&|OCS|HOSP|RIS|HOSP|").e(date("hl7t"), "DATE").t("||ORM^O01|")
    d.t(dig(7)).t("|P|2.3\nPID|||").e(mrn(), "ID").t("||").p(pt, "caret")
    d.t("\nOBR|1|").t(dig(6)).t("||XCHES^Chest X-ray PA^LOCAL|||")
    d.e(date("hl7t"), "DATE").t("\nDG1|1||J18.9^Pneumonia, unspecified^I10")
    return d


def csv_export():
    a, b = people(2)
    d = Doc()
    d.t("mrn,surname,forename,dob,ward,consultant\n")
    d.e(mrn(), "ID").t(",").p(a, "fam").t(",").p(a, "giv").t(",").e(date("iso", 1930, 1999), "DATE")
    d.t(",Bay C,").p(b, "ginit")
    return d


def audit_log():
    user, pt = people(2)
    d = Doc()
    login = (user.given[0].lower() + re.sub(r"[^a-z]", "", user.family.lower()))[:8]
    d.e(date("time"), "DATE").t(" user ").e(login, "ID").t(" viewed record of ")
    d.p(pt, "ucomma").t(" (").e(mrn(), "ID").t(") reason: direct care")
    return d


def bed_board():
    a, b, c = people(3)
    d = Doc()
    d.t("BAY B\nB1 ").p(a, "upfam").t(" ").e(age("bare"), "AGE").t(" EDD today\nB2 empty\nB3 ")
    d.p(b, "upfam").t(" ").e(age("bare"), "AGE").t(" NBM\nB4 ").p(c, "upfam").t(" ")
    d.e(age("bare"), "AGE").t(" falls risk")
    return d


def theatre_list():
    a, b, surg = people(3)
    d = Doc()
    d.t("Theatre 3  ").e(date("dmon"), "DATE").t("  Surgeon: ").p(surg, "fam").t("\n")
    d.t("08:00 ").p(a, "ucomma").t(" ").e(age("bare"), "AGE").t(" ").e(mrn(), "ID")
    d.t(" L inguinal hernia repair\n10:30 ").p(b, "ucomma").t(" ").e(age("bare"), "AGE")
    d.t(" ").e(mrn(), "ID").t(" cystoscopy")
    return d


def sbar():
    pt, frm = people(2)
    d = Doc()
    d.t("S: ").p(pt, "full").t(", ").e(age("dash"), "AGE").t(pick([", new confusion since 14:00.\n", ", chest pain radiating to the jaw.\n",
              ", urine output 10 mL/h for 4 h.\n"]))
    d.t(pick(["B: admitted with UTI ", "B: post-op day 2 after bowel resection, op ",
              "B: known CKD 4, admitted "])).e(date("dmy"), "DATE").t(".\nA: NEWS 5, temp 38.4.\n")
    d.t("R: please review within 30 min. — ").p(frm, "giv").t(", night nurse")
    return d


def safeguarding():
    child, adult, sw = people(3, "fm")
    d = Doc()
    d.t("Safeguarding referral ").e(date("dmy"), "DATE").t("\nChild: ").p(child, "full")
    d.t(", ").e(f"{R.randint(3, 15)} yrs", "AGE").t("\nConcern: bruising to both upper arms; ").p(child, "giv")
    d.t(" said mum's partner ").p(adult, "giv").t(" grabbed her.\nReferred to ").p(sw, "full")
    d.t(", children's social care, ").e(phone(), "PHONE")
    return d


def incident():
    pt, rep = people(2)
    d = Doc()
    d.t("Incident ").e(f"INC-{dig(6)}", "ID").t(": ").p(pt, "full")
    d.t(pick([" found on floor beside bed at 03:10. No head injury. Neuro obs started. ",
              " given a second dose of enoxaparin in error; no harm, haematology informed. ",
              " left the ward without telling staff and was found in the car park. "]) + "Reported by ").p(rep, "full").t(" on ").e(date("dmy"), "DATE").t(".")
    return d


def prescription():
    pt, dr = people(2)
    d = Doc()
    d.t("Rx  ").e(date("dmy"), "DATE").t("\n").p(pt, "full").t("  ").e(address(), "LOCATION")
    d.t("\nAmoxicillin 500 mg capsules, one three times a day for 5 days (15)\nSigned: ")
    d.p(dr, "ginit").t("  GMC ").e(dig(7), "ID")
    return d


def path_request():
    pt, req = people(2)
    d = Doc()
    d.t("PATHOLOGY REQUEST\nSurname: ").p(pt, "upfam").t("  Forename: ").p(pt, "giv")
    d.t("\nDOB ").e(dob(), "DATE").t("  ").e(ssn(pick(["cf", "snils", "aadhaar"])), "SSN")
    d.t("\nTests: FBC, U&E, LFT, CRP\nRequested by ").p(req, "full").t(" bleep ").t(dig(4))
    return d


def vaccination():
    pt, nurse = people(2)
    d = Doc()
    d.t("Vaccination record\n").p(pt, "full").t(" — DOB ").e(dob(), "DATE")
    d.t("\n" + pick(["Influenza (QIVe) 0.5 mL IM L deltoid, batch ",
                      "Pneumococcal (PPV23) 0.5 mL IM R deltoid, batch ",
                      "Shingles (Shingrix) dose 1, 0.5 mL IM L deltoid, batch "])).t(f"{pick('KLMN')}{dig(5)}")
    d.t(", given ").e(date("dmon"), "DATE").t(" by ").p(nurse, "full")
    return d


def care_home():
    pt, dau = people(2, " f")
    d = Doc()
    d.t(pick(["Evening", "Morning", "Afternoon"]) + " note: ").p(pt, "giv")
    d.t(pick([" ate half of lunch and drank 600 mL. Daughter ",
              " refused breakfast but ate all of tea. Daughter ",
              " sat in the lounge all afternoon. Daughter "])).p(dau, "full")
    d.t(" visited and ").p(pt, "giv").t(" was brighter afterwards. ").e(date("dmy"), "DATE")
    return d


def slt():
    pt, slt_ = people(2)
    d = Doc()
    d.t("SLT swallow assessment ").e(date("dmy"), "DATE").t("\n").p(pt, "full")
    d.t(pick([" seen sitting upright. Coughing on thin fluids; safe on level 2 mildly thick. ",
              " seen on the ward. Word-finding difficulty, comprehension intact. ",
              " reviewed after stroke; wet voice after teaspoons of water. "]))
    d.p(pt, "fam").t(" to have supervised meals. ").p(slt_, "full").t(", Speech and Language Therapist")
    return d


def messaging_ocr():
    a, b, pt = people(3, "  f")
    d = Doc()
    d.noisy = True
    d.p(a, text=a.given).t(pick(["  10:4l", " 1O:41"])).t("\nhas ").p(pt, text=pt.given)
    d.t(" had her bloods??\n").p(b, text=b.given).t("  10:43\nyes k+ 5.1 ,sent to ")
    d.p(a, text=a.given.lower()).t(" <3\n< Back   Chats")
    return d


def mdt_minutes():
    pt, a, b = people(3)
    d = Doc()
    d.t("Minutes — community MDT, ").e(date("ord"), "DATE").t("\nPresent: ").p(a, "full")
    d.t(" (chair), ").p(b, "full").t(", OT, district nurses\nItem 2: ").p(pt, "full")
    d.t(pick([" — carer breakdown. ", " — pressure ulcer at home, grade 3. ",
              " — declining insulin, capacity in question. "])).p(a, "fam").t(" to contact family; ").p(b, "giv")
    d.t(" to arrange respite.")
    return d


def email_note():
    pt, sec = people(2)
    d = Doc()
    d.t("Please send the clinic letter for ").p(pt, "full").t(" to ").e(email(pt), "EMAIL")
    d.t(" as requested. Thanks, ").p(sec, "giv").t(" (medical secretary)")
    return d


def location_note():
    pt = person()
    d = Doc()
    d.t("Transfer: ").p(pt, "full").t(" flown from ").e(pick(PLACES), "LOCATION").t(" to ")
    d.e(org(), "ORG").t(" on ").e(date("monthd"), "DATE").t(", age ").e(age("bare"), "AGE")
    return d


def bali_mono():
    pt = person(mono=True)
    fam = person("bali")
    d = Doc()
    d.t("Ward round: ").p(pt, "giv").t(" (one name only, no surname) from ").e(pick(["Denpasar",
                                                                                     "Gianyar"]), "LOCATION")
    d.t(". Husband ").p(fam, "bali").t(" translating. ").p(pt, "giv").t(" tolerating diet.")
    return d


def ssn_note():
    pt = person()
    d = Doc()
    d.t("Registration: ").p(pt, "full").t(", SSN ").e(ssn("us"), "SSN").t(", chart ")
    d.e(mrn(), "ID").t(", ").e(pick(["Samuel Simonsen Community Health Center",
                                     "Kateri Memorial Hospital Centre"]), "ORG")
    return d


def portal_note():
    pt = person()
    d = Doc()
    d.t("Patient portal: results for ").p(pt, "full").t(" released to ")
    d.e(f"https://portal.{pick(['gov.im', 'health.gov.je', 'nsbsd.org'])}/records/{dig(8)}", "URL")
    d.t(" on ").e(date("iso"), "DATE").t(". Reply-to: ").e(email(pt), "EMAIL").t(". ")
    d.p(pt, "giv").t(" asked for a paper copy as well.")
    return d


def interpreter():
    pt, interp, dr = people(3, "m f")
    lang = {"sardinia": "Sardinian", "tuva": "Tuvan", "buryat": "Buryat", "kabard": "Kabardian",
            "mauritania": "Hassaniya", "capeverde": "Kriolu", "bali": "Balinese",
            "khasi": "Khasi", "assam": "Assamese", "kiribati": "Gilbertese",
            "marshall": "Marshallese", "mohawk": "Kanien'kéha"}.get(pt.region, "his own language")
    d = Doc()
    d.t("Interpreter booked for Mr ").p(pt, "fam").t(" (").t(lang).t(") for ")
    d.e(date("time"), "DATE").t(". Mrs ").p(interp, "fam").t(" will attend in person; if she is ")
    d.t("unavailable Dr ").p(dr, "fam").t(" asks for a video interpreter, not family. Mr ")
    d.p(pt, "fam").t("'s son is not to interpret.")
    return d


WORD_CLASH = {"Bacon": "She had a bacon roll for breakfast.",
              "Farmer": "She is a retired dairy farmer.",
              "Peacock": "Peacock-blue bruising over the left flank.",
              "Bunting": "Union Jack bunting up in the day room for the jubilee.",
              "Sands": "Walks on the sands every morning with the dog.",
              "Skinner": "Tells me he was once a rabbit skinner on the farm.",
              "Carver": "Uses a carver chair with arms at home."}


def word_clash():
    fam = pick(sorted(WORD_CLASH))
    pt = Person(pick(["Honesty", "Amity", "Rosemary", "Sapphire", "Emerald"]), fam, "english")
    d = Doc()
    d.allow = {fam}
    d.t("Nutrition review ").e(date("dmy"), "DATE").t(": Mrs ").p(pt, "fam").t(", MUST score 1. ")
    d.t(WORD_CLASH[fam]).t(" Weight stable at 61 kg. ").p(pt, "giv")
    d.t(" happy to try two supplements a day.")
    return d


def north_slope():
    pt, hap = people(2)
    d = Doc()
    d.t("Medevac request: ").p(pt, "full").t(", ").e(age(pick(["years", "dash"])), "AGE")
    d.t(", from ").e(pick(["Nuiqsut", "Wainwright", "Kaktovik"]), "LOCATION").t(" clinic to ")
    d.e("Samuel Simonsen Community Health Center", "ORG").t(" in ")
    d.e("Utqiagvik", "LOCATION").t(". Health aide ").p(hap, "full").t(" reports SpO2 86% on air. ")
    d.t("Call ").e(phone(), "PHONE").t(".")
    return d


PII_TEMPLATES = [gp_referral, care_plan, radiotherapy, oncology_summary, dialysis_run,
                 growth_clinic, sexual_health, custody, military, vet_mixup, french_note,
                 dutch_note, dictation, fax_ocr, clinic_letter, op_note, pathology, med_rec,
                 discharge, flowsheet, phone_msg, mdt_list, consent, pharmacy_query,
                 dicom_caret, dicom_viewer, ocr_overlay, ocr_short, caption_named,
                 caption_board, chat, pager, hl7_adt, hl7_orm, csv_export, audit_log,
                 bed_board, theatre_list, sbar, safeguarding, incident, prescription,
                 path_request, vaccination, care_home, slt, messaging_ocr, mdt_minutes,
                 email_note, location_note, bali_mono, ssn_note, portal_note,
                 interpreter, word_clash, north_slope]


# ---------------------------------------------------------------------------------------
# Texts without any identifier (traps). Each returns (text, word-names used as words).
# ---------------------------------------------------------------------------------------
def tr_renal():
    return (f"HD run sheet: access via {pick(['Brescia-Cimino fistula', 'right IJ Permcath', 'femoral Vascath', 'Mahurkar catheter'])}, "
            f"flows 300 mL/min. {pick(['Aranesp', 'Mircera'])} given post dialysis; "
            f"{pick(['Venofer', 'Ferinject'])} due next week. Will recheck phosphate on "
            f"{pick(['Renvela', 'Fosrenol'])} and {pick(['Calcichew', 'Mimpara'])}. "
            "Patient happy with plan."), set()


def tr_crrt():
    return (f"ICU: {pick(['Prismaflex', 'Quinton line'])} CVVHDF running at 25 mL/kg/h, "
            f"citrate anticoagulation. May need filter change overnight if TMP climbs. "
            f"Mark fluid balance hourly."), set()


def tr_radio():
    return (f"Planning CT done in the mould room. Treatment on the {pick(['Varian TrueBeam', 'Elekta linac', 'Halcyon', 'Tomotherapy unit'])}; "
            f"{pick(['CyberKnife was considered but lesion too close to the cord.', 'skin reaction grade 1, continue aqueous cream.', 'daily cone-beam imaging for set-up.'])} "
            "Next fraction tomorrow 09:20."), set()


def tr_chemo():
    reg = pick(["FOLFOX", "FOLFIRI", "CAPOX", "R-CHOP", "ABVD"])
    return (f"Cycle {R.randint(2, 8)} of {reg} deferred one week: neutrophils 0.9. "
            f"{pick(['Zytiga', 'Prostap', 'Perjeta', 'Kadcyla', 'Tecentriq', 'Imfinzi', 'Lynparza', 'Zejula', 'Gazyvaro'])} "
            "continues. Will review bloods on Monday. Hope to restart next cycle."), set()


def tr_growth():
    return (f"Growth clinic: height on the Harpenden stadiometer, bone age by Greulich and Pyle "
            f"{pick(['consistent with chronological age', 'delayed by 18 months'])}. "
            f"{pick(['Genotropin', 'Norditropin', 'Omnitrope', 'Humatrope', 'Saizen', 'Zomacton'])} pen "
            f"technique reviewed. {pick(['Synacthen test normal.', 'Puberty stage 2.', 'Sitting height proportionate.'])}"), set()


def tr_gum():
    return (f"Sexual health: {pick(['Depo-Provera', 'Cerazette', 'Microgynon', 'Rigevidon'])} "
            f"continued. {pick(['Levonelle', 'ellaOne'])} supplied after discussion. PrEP "
            f"({pick(['Truvada', 'Descovy'])}) restarted; {pick(['Bicillin', 'Warticon'])} "
            "as per protocol. Partner notification: will text."), set()


def tr_vet():
    return (f"Owner asked whether the dog's {pick(['Bravecto', 'Nexgard', 'Drontal'])} and "
            f"{pick(['Rimadyl', 'Apoquel', 'Librela'])} could interact with her own tablets. "
            "Advised to ask the vet; no interaction with human medicines likely."), set()


def tr_military():
    return (f"{pick(['Role 1', 'Role 2'])} note: exercise casualty evacuated, "
            f"{pick(['previously treated at Camp Bastion', 'to be assessed by DMRC'])}; "
            f"{pick(['Headley', 'rehabilitation'])} programme discussed. "
            "Fit for light duties. Sick parade tomorrow 0800."), set()


def tr_eponym():
    a = pick(["Lambert-Eaton syndrome", "Dieulafoy lesion", "Spigelian hernia", "Amyand hernia",
              "Refsum disease", "Krabbe disease", "Morquio syndrome", "Sanfilippo syndrome",
              "Loeys-Dietz syndrome", "Kostmann syndrome", "Heberden's nodes", "Devic's disease",
              "Marchiafava-Bignami disease", "Birt-Hogg-Dubé syndrome", "Gorlin syndrome",
              "Muir-Torre syndrome"])
    b = pick(["was considered and excluded.", "is in the differential.", "confirmed on review.",
              "known; stable.", "- genetics referral sent."])
    c = pick(["Plan as per clinic.", "Grace period for repeat bloods is two weeks.",
              "Will discuss at the next meeting.", "Bill the scan to the research budget."])
    return f"{a[0].upper()}{a[1:]} {b} {c}", set()


def tr_killip():
    return (f"STEMI, Killip class {pick(['I', 'II', 'III'])}. PAINAD score {R.randint(0, 6)} "
            f"overnight. Anticoagulation with {pick(['Innohep', 'dalteparin'])}; "
            f"{pick(['Neupro', 'Mirapexin'])} patch continued for Parkinson's."), set()


def tr_palliative():
    return (f"Syringe driver: midazolam 10 mg and {pick(['Nozinan', 'levomepromazine'])} 6.25 mg "
            f"over 24 h. {pick(['Matrifen', 'Buccastem', 'Kwells', 'Scopoderm'])} also prescribed. "
            "Family aware; they will stay overnight."), set()


def tr_gi():
    return (f"{pick(['Lactugal', 'Peptac', 'Uniphyllin'])} restarted. Feeds: "
            f"{pick(['Fortini', 'Nutramigen'])} 5 x 150 mL. {pick(['Ultibro', 'Cosentyx'])} "
            "on hold while inpatient. June clinic to review."), set()


def tr_vascular():
    return (f"Graft: {pick(['Dacron', 'Gore-Tex'])} tube graft, 8 mm. Ventilated via "
            f"{pick(['Ayre T-piece', 'Jackson-Rees circuit'])} during transfer. "
            "No bleeding; drain 40 mL."), set()


ROLE_CAPTIONS = [
    "Photo of a nurse adjusting an infusion pump at the bedside.",
    "Image shows the consultant explaining a chest X-ray to a patient on a tablet.",
    "A porter wheeling an empty bed down a corridor; no faces visible.",
    "Clinical photograph of a healing skin graft on the dorsum of the hand.",
    "Two healthcare assistants changing bed linen; badges are turned away.",
    "A whiteboard reads 'Bay A: 2 for discharge, 1 NBM, fluids at 10:00'.",
    "The door sign says 'Clean utility — staff only'.",
    "Close-up of a blank wristband and a cannula in the back of the hand.",
    "A name badge reads 'Ward Sister' with no name printed.",
    "The pharmacist checks a medicine pot labelled 'AM meds'.",
    "Photo of a physiotherapist helping an older man stand with a frame.",
    "A dialysis machine screen shows 'UF goal 2.0 L, time left 01:12'.",
    "Whiteboard: 'Theatre 2 running late — list reordered'.",
    "A paramedic and a doctor hand over a patient in resus.",
    "Image shows a radiographer positioning a child for a wrist film.",
    "A midwife listening to a fetal heart with a Sonicaid.",
    "Photo of a healthcare assistant weighing a toddler on baby scales.",
    "A ward clerk at the nurses' station answering the phone.",
    "A wristband on a wrist, the print too faded to read.",
    "Whiteboard reads 'Doctor on call: ext 4410 — Sister in charge: bleep 220'.",
    "Image shows the dietitian measuring mid-upper-arm circumference.",
    "A surgeon and scrub nurse counting swabs before closure.",
    "A custody nurse checking a detainee's blood glucose; faces blurred.",
    "Photo of a rose-shaped burn scar on a forearm, ruler for scale.",
]


def tr_caption():
    return pick(ROLE_CAPTIONS), set()


def tr_chat():
    return pick([
        "can someone cover bay 3 at 2, will be back by half past",
        "pharmacy says the tto is ready, just needs a signature from whoever is on",
        "hope the new rota comes out today lol",
        "bleep me if obs drop, on the other ward till 4",
        "who moved the bladder scanner again",
        "reg says dont wait for him, start the fluids",
        "may be late tmrw, car in the garage",
        "thx all for a good shift x",
        "anyone got the code for the drug room? new one since monday",
        "bay 5 bed 2 going to the discharge lounge at 11, transport booked",
        "grace period for mandatory training ends friday, do it on the intranet",
        "crash trolley checked and signed, defib pads were out of date, replaced",
        "bill from the agency says 3 shifts not 4 can u check",
        "iris scanner on the door is broken again, use the keypad",
    ]), set()


def tr_hl7():
    return pick([
        "OBX|1|NM|2823-3^Potassium^LN||5.4|mmol/L|3.5-5.3|H|||F",
        "OBX|2|ST|8302-2^Body height^LN||118|cm|||||F",
        "DG1|1||N18.5^Chronic kidney disease, stage 5^I10||||F",
        "OBR|1|||71020^XR CHEST 2V^CPT|||||||||||||||||F",
        "AL1|1|DA|70618^Penicillin^RXNORM|SV|Rash",
        "RXA|0|1|||141^Influenza, seasonal^CVX|0.5|mL",
    ]), set()


def tr_csv():
    return pick([
        "ward,beds,occupied,escalation\nKittiwake,24,23,amber\nSamphire,18,18,red",
        "month,dialysis_sessions,missed,access_infections\nMarch,412,9,1\nApril,398,12,0",
        "clinic,booked,dna\nGrowth,22,3\nGUM walk-in,61,0",
    ]), set()


def tr_ocr():
    return pick([
        "AP PORTABLE  SUPINE\nkV 85 mAs 2.5\nR",
        "L0W D0SE CT  -  CHEST\nSLICE 1.25mm",
        "lMAGE 3/12  F0V 35cm  W:400 L:40",
        "US ABD0MEN .. RT KIDNEY 10.2cm",
        "FAX  P.2/2  ..cont'd  ALLERGlES: NKDA",
        "CXR PA  ERECT\n1NSPIRATI0N: G00D",
        "MRl BRAIN  T2 FLAlR  AX",
        "FR0M: +++ FAX +++  PAGE 0l OF 03",
        "SENT  RESULT: 0K  PAGES: 2",
    ]), set()


def tr_word_names():
    v = R.randrange(8)
    if v == 0:
        return ("Works as a farmer and a part-time draper; no occupational dust exposure. "
                "Eats a bacon sandwich most mornings."), {"Farmer", "Draper", "Bacon"}
    if v == 1:
        return ("Lives near the brooks and sands of the estuary; enjoys watching the partridge "
                "and peacock at the farm park."), {"Brooks", "Sands", "Partridge", "Peacock"}
    if v == 2:
        return ("Retired skinner and collier; later a wood carver. Now using a walking frame "
                "with bunting on it from the street party."), {"Skinner", "Collier", "Carver", "Bunting"}
    if v == 3:
        return ("Sister reports the squire of the local estate donated the chairs. The theatre "
                "booker is off today, so lists go through the coordinator."), {"Squire", "Booker"}
    if v == 4:
        return ("Rosemary oil used for massage. Merry and cheerful on the ward today; "
                "honesty about alcohol intake appreciated."), {"Rosemary", "Merry", "Honesty"}
    if v == 5:
        return ("Gemstone ring (sapphire and emerald) removed before theatre and placed in "
                "the safe with a garnet brooch."), {"Sapphire", "Emerald", "Garnet"}
    if v == 6:
        return ("Valentine's card from the grandchildren on the locker. Ebony walking stick "
                "brought in; sienna-coloured rash on both shins."), {"Valentine", "Ebony", "Sienna"}
    return ("Proctor for the written exam was the clinical educator. A lone wolf by nature, "
            "he prefers his own room."), {"Proctor", "Wolf"}


def tr_care_plan():
    return (f"Care plan — skin integrity. {pick(['Waterproof dressing', 'Silicone foam dressing'])} "
            "to sacrum, change every 3 days. Reposition 2-hourly. Encourage fluids. "
            f"Review {pick(['weekly', 'after each fall', 'on Fridays'])}."), set()


def tr_french():
    return pick([
        "Patiente vue en consultation. Pas de fièvre. Poursuite du traitement. Revoir dans un mois.",
        "Bilan sanguin normal. La patiente sera revue par le médecin traitant.",
    ]), set()


def tr_dutch():
    return pick([
        "Patiënt heeft goed geslapen. Pijnscore 2. Mobiliseert met rollator.",
        "Wondverband vervangen, geen tekenen van infectie. Morgen weer controleren.",
    ]), set()


def tr_dictation():
    return pick([
        "dictation: new paragraph examination full stop chest clear comma heart sounds normal full stop",
        "dictation: scratch that — the dose is five milligrams, that's F-I-V-E, once daily",
    ]), set()


def tr_custody():
    return ("Reception screen: denies alcohol use; opiate withdrawal scale 4. "
            "ACCT not required. Section 136 suite used earlier in the evening by police."), set()


def tr_slt():
    return ("SLT: level 4 puréed diet, level 2 fluids. Sit fully upright for meals. "
            "Chin tuck when swallowing."), set()


TRAPS = [tr_renal, tr_crrt, tr_radio, tr_chemo, tr_growth, tr_gum, tr_vet, tr_military,
         tr_eponym, tr_eponym, tr_eponym, tr_eponym, tr_killip, tr_palliative, tr_gi,
         tr_vascular, tr_caption, tr_caption, tr_caption, tr_caption, tr_caption, tr_chat,
         tr_chat, tr_chat, tr_hl7, tr_hl7, tr_csv, tr_ocr, tr_ocr, tr_word_names,
         tr_word_names, tr_word_names, tr_care_plan, tr_french, tr_dutch, tr_dictation,
         tr_custody, tr_slt]

TRAP_TERMS = ["Brescia-Cimino", "Permcath", "Vascath", "Mahurkar", "Aranesp", "Mircera",
              "Venofer", "Ferinject", "Renvela", "Fosrenol", "Calcichew", "Mimpara",
              "Prismaflex", "Quinton", "Varian", "TrueBeam", "Elekta", "Halcyon",
              "Tomotherapy", "CyberKnife", "FOLFOX", "FOLFIRI", "CAPOX", "R-CHOP", "ABVD",
              "Zytiga", "Prostap", "Perjeta", "Kadcyla", "Tecentriq", "Imfinzi", "Lynparza",
              "Zejula", "Gazyvaro", "Harpenden", "Greulich", "Pyle", "Genotropin",
              "Norditropin", "Omnitrope", "Humatrope", "Saizen", "Zomacton", "Synacthen",
              "Depo-Provera", "Cerazette", "Microgynon", "Rigevidon", "Levonelle", "ellaOne",
              "Truvada", "Descovy", "Bicillin", "Warticon", "Bravecto", "Nexgard", "Drontal",
              "Rimadyl", "Apoquel", "Librela", "Bastion", "DMRC", "Headley", "Lambert-Eaton",
              "Dieulafoy", "Spigelian", "Amyand", "Refsum", "Krabbe", "Morquio", "Sanfilippo",
              "Loeys-Dietz", "Kostmann", "Heberden", "Devic", "Marchiafava-Bignami",
              "Birt-Hogg-Dubé", "Gorlin", "Muir-Torre", "Killip", "PAINAD", "Innohep",
              "Neupro", "Mirapexin", "Nozinan", "Matrifen", "Buccastem", "Kwells",
              "Scopoderm", "Lactugal", "Peptac", "Uniphyllin", "Fortini", "Nutramigen",
              "Ultibro", "Cosentyx", "Dacron", "Gore-Tex", "Ayre", "Jackson-Rees", "Kittiwake",
              "Samphire", "Sonicaid"]


# ---------------------------------------------------------------------------------------
# Build and self-check
# ---------------------------------------------------------------------------------------
GENERIC = {"Hospital", "Centre", "Center", "Medical", "College", "Institute", "Cancer",
           "General", "Government", "Community", "Health", "Memorial", "Royal", "National",
           "Republican", "Central", "Cottage", "Street", "Road", "Main",
           "Estate", "Flat", "House", "Lot", "Island", "Practice", "Group", "Surgery",
           "Care", "Home", "Nursing", "Residential", "Manor", "Polyclinic", "Authority",
           "Tri-Service", "Isle", "Man", "Prof", "Dr", "Princess", "HMP", "RSUP",
           "Hospitalier", "Ospedale", "Jalan", "Via", "Rue", "boulevard", "Main",
           "Annex", "Seychelles",
           "Les", "La", "de", "of", "No", "St", "Is", "ul", "kv", "AK"}
ADDRESS_WORDS = ["Lemon", "Athol", "Samarès", "Clement", "Mirrionis", "Fesch", "Kochetova", "Ahkovak",
                 "Sidwashini", "Laitumkhrah", "Hayam", "Wuruk", "Quennevais", "Ballakilley",
                 "Trewince", "Bulford", "Catterick", "Moye", "Utqiagvik"]


def word_re(w):
    return re.compile(r"(?<![\w])" + re.escape(w) + r"(?![\w])", re.I)


def fail(msg):
    sys.stderr.write(f"SELF-CHECK FAILED: {msg}\n")
    sys.exit(1)


def build():
    rows = []
    meta = []
    seen = set()
    n_pii = n_trap = 0
    order = [True] * 220 + [False] * 80
    R.shuffle(order)
    tcycle = list(PII_TEMPLATES)
    ti = 0
    rcycle = list(TRAPS)
    ri = 0
    for has in order:
        for _attempt in range(400):
            if has:
                if ti % len(tcycle) == 0:
                    R.shuffle(tcycle)
                f = tcycle[ti % len(tcycle)]
                ti += 1
                d = f()
                text, allow = d.text(), d.allow
            else:
                if ri % len(rcycle) == 0:
                    R.shuffle(rcycle)
                text, allow = rcycle[ri % len(rcycle)]()
                ri += 1
                d = None
            if text not in seen:
                break
        else:
            fail("could not make a unique text")
        seen.add(text)
        idx = len(rows) + 1
        ents = []
        if d is not None:
            ids = {}
            for (s, e, kind, p, val) in d.ents:
                ent = {"start": s, "end": e, "type": kind}
                if kind == "PERSON":
                    if p not in ids:
                        ids[p] = f"p{len(ids) + 1}"
                    ent["person"] = ids[p]
                ents.append(ent)
            n_pii += 1
        else:
            n_trap += 1
        rows.append({"id": f"blind7-{idx:03d}", "text": text, "entities": ents})
        meta.append((d, allow))
    return rows, meta


def all_pool_parts():
    parts = set()
    for gs, fs in REGIONS.values():
        for w in gs + fs + MONONYMS + list(NICKNAMES.values()):
            for x in re.split(r"[\s\-]+", w):
                if len(x) > 2 and x.lower() not in PARTICLES:
                    parts.add(x)
    for gs, fs in REGIONS.values():
        for w in gs + fs:
            if "-" in w:
                parts.add(w)
    return parts


def check(rows, meta):
    pool = all_pool_parts()
    ids = set()
    texts = set()
    n_pii = sum(1 for r in rows if r["entities"])
    if len(rows) != 300 or n_pii != 220:
        fail(f"{len(rows)} texts, {n_pii} with identifiers (want 300 / 220)")
    for row, (d, allow) in zip(rows, meta):
        text = row["text"]
        if row["id"] in ids or text in texts:
            fail(f"duplicate {row['id']}")
        ids.add(row["id"])
        texts.add(text)
        prev_end = 0
        if d is None:
            if row["entities"]:
                fail(f"{row['id']}: trap with spans")
            for w in pool:
                if w not in allow and word_re(w).search(text):
                    fail(f"{row['id']}: pool name {w!r} in a text without identifiers")
            continue
        if not any(e["type"] == "PERSON" for e in row["entities"]):
            fail(f"{row['id']}: no person")
        who = {}
        masked = list(text)
        for ent, (s, e, kind, p, val) in zip(row["entities"], d.ents):
            if text[s:e] != val:
                fail(f"{row['id']}: slice {text[s:e]!r} != {val!r}")
            if s < prev_end or s >= e:
                fail(f"{row['id']}: overlap or empty span at {s}")
            if val != val.strip():
                fail(f"{row['id']}: untrimmed span")
            if kind not in KINDS:
                fail(f"{row['id']}: bad type {kind}")
            if (kind == "PERSON") != ("person" in ent):
                fail(f"{row['id']}: person id on a non-PERSON span or missing")
            if kind == "PERSON":
                pid = ent["person"]
                if who.setdefault(pid, p) is not p:
                    fail(f"{row['id']}: two individuals share {pid}")
                if not d.noisy and val not in p.forms:
                    fail(f"{row['id']}: {val!r} is not a form of its person")
            prev_end = e
            for i in range(s, e):
                masked[i] = " "
        people_ = set(who.values())
        if len({who[k] for k in who}) != len(who):
            fail(f"{row['id']}: one individual has two ids")
        outside = "".join(masked)
        for p in people_:
            for w in p.parts():
                if w not in allow and re.search(r"(?<![\w])" + re.escape(w) + r"(?![\w])", outside):
                    fail(f"{row['id']}: name part {w!r} outside a span")
        for w in pool:
            if w not in allow and re.search(r"(?<![\w])" + re.escape(w) + r"(?![\w])", outside):
                fail(f"{row['id']}: pool name {w!r} outside a span")
    # nothing shared with the earlier generators
    earlier = []
    for f in sorted(HERE.glob("generate*.py")):
        if f.name != Path(__file__).name:
            earlier.append(f.read_text(encoding="utf-8"))
    earlier.append((HERE / "names.json").read_text(encoding="utf-8"))
    big = "\n".join(earlier)
    terms = set(pool) | set(TRAP_TERMS)
    terms |= set(ADDRESS_WORDS)
    for o in ORGS + PLACES:
        for w in re.split(r"[\s,]+", o):
            w = w.strip("'").removesuffix("'s")
            if len(w) > 2 and w not in GENERIC and not w.isdigit():
                terms.add(w)
    shared = [w for w in sorted(terms) if word_re(w).search(big)]
    if shared:
        fail(f"{shared} occur in an earlier generator or names.json")


def main():
    rows, meta = build()
    check(rows, meta)
    with open(OUT, "w", encoding="utf-8", newline="\n") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    counts = {}
    for r in rows:
        for e in r["entities"]:
            counts[e["type"]] = counts.get(e["type"], 0) + 1
    n_pii = sum(1 for r in rows if r["entities"])
    print(f"wrote {OUT.name}: {len(rows)} texts ({n_pii} with identifiers, "
          f"{len(rows) - n_pii} without); spans per type: "
          + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))


if __name__ == "__main__":
    main()
