#!/usr/bin/env python3
"""Deterministic generator for the sanitizer's second BLIND corpus (blind2.jsonl).

Run from the repository root:  python3 sanitizer/corpus/generate_blind2.py
Output is byte-identical on every run (own seed, no clock, no environment).

Blind by construction: written without running the sanitizer on it and without reading the
sanitizer's source, so it is fitted to the system in neither direction. It is meant to be
scored ONCE, after the current round of fixes, by someone other than its author. Templates,
word lists and names share nothing by design with generate.py (dev), generate_heldout.py
(heldout), generate_test.py (test) and generate_blind.py (blind); the self-check at the end
refuses any pool name, and any eponym, brand, device, score, ward, organisation or place
phrase, found (as a whole word, case-insensitive) in those files or in names.json.

Genres and their sentence shapes: outpatient clinic letters, operation notes, pathology
reports, medication reconciliation, discharge summaries, nursing flowsheet comments,
telephone-message notes, MDT meeting minutes, consent forms, pharmacy queries, DICOM-style
headers (``LAST^FIRST^MIDDLE``, ``Last, First``, tag dumps ``(0010,0010)``), OCR output of
burned-in overlays with OCR noise (case errors, 0/O and 1/l confusions, dropped spaces, stray
punctuation), image captions ("Photo of ..."), and chat-style shorthand (lower-case names,
initials, nicknames). People are mentioned repeatedly and partially (surname only, first name
only, title + surname, nickname, initials) and every mention carries one ``person`` id.
About a quarter of the texts hold no identifier at all and are traps: eponymous diseases,
signs, bodies, scores and instruments, drug and device brand names, wards named after people,
place names inside disease names ("Ross River virus"), sentence-initial capitals and common
words that are also names (mark, will, hope, bill, grace, rose, may, june, iris, drew, miles,
gene, storm, ...).

Names are real, listed by hand from public statistics of regions no earlier corpus drew on
(or, for Finland, names the heldout generator does not use):
- Finland: DVV (Digital and Population Data Services Agency) surname and given-name counts;
- Estonia: Statistics Estonia name statistics; Latvia: PMLP name database; Lithuania:
  Registrų centras most common surnames (with the -ienė / -aitė female forms);
- Serbia, Croatia, Bosnia and Herzegovina: RZS / DZS statistics of common surnames (-ić);
- Bulgaria: NSI most common names (-ova / -ev forms);
- Georgia: National Statistics Office (Geostat) surnames (-shvili, -dze); Armenia: common
  -yan surnames and given names from the Statistical Committee;
- Israel: CBS (Central Bureau of Statistics) common Hebrew surnames and given names;
- Thailand: common given names and surnames (Department of Provincial Administration),
  with everyday nicknames;
- Malaysia: Malay names with bin/binti patronymics, Chinese-Malaysian (surname first) and
  Indian-Malaysian names with a/l, a/p (JPN registration conventions);
- Bangladesh: BBS-era common given names and family names;
- Nepal: census caste/ethnic surnames (Shrestha, Tamang, Gurung, ...) and given names;
- Afghanistan: common Pashto and Dari given names, tribal family names, mononyms;
- Morocco and Algeria: HCP / ONS common given names and family names (Ait, El, Ben forms);
- Senegal and Mali: ANSD / INSTAT common Wolof, Pulaar and Bambara names;
- Tanzania and Uganda: NBS / UBOS census-era common Chaga, Nyakyusa, Luo and Ganda names;
- Zimbabwe and Zambia: ZIMSTAT / ZamStats common Shona, Ndebele, Bemba and Chewa names,
  including English word given names (Gift, Blessing, Precious);
- Chile, Peru, Argentina: Registro Civil / RENIEC / RENAPER rankings (double surnames);
- Cuba: ONEI given-name fashions of the 1970s-90s (Yusleidy, Yoandri, ...);
- Jamaica: RGD registrations (given names and surnames);
- Samoa, Tonga, Fiji: census-era common family names and given names;
- Aboriginal Australian family names (Yolŋu clan names used as surnames, NSW family names)
  and Māori names (Stats NZ / Te Puni Kōkiri lists) not used by the heldout generator;
- English/US surnames and given names that are ordinary words or places (Meadows, Lamb,
  Swallow, Dove, Bird, Rivers, Ford, Glen, Miles, Drew, Thorn, Archer, Skye, Storm, ...) from
  ONS / Census 2010 / SSA lists, none used by the earlier generators.

Conventions of the gold spans, the same as generate_blind.py's so that scores compare
(offsets in code points, see sanitizer/src/eval.rs):
- PERSON spans cover the name only, never a title (Dr, Mrs, Prof, Sra., Khun, Puan, Sister)
  and never a possessive 's; a DICOM ``LAST^FIRST^MIDDLE`` or ``Last, First`` value is one
  span; a Malay name with its bin/binti patronymic is one span, and so is an Indian-Malaysian
  name with a/l or a/p; initials standing for a person (chat, sign-offs) are PERSON;
  clinicians, relatives and interpreters are people too;
- AGE spans cover the number with its attached unit ("94 years", "101-year-old", "092Y",
  "91yo") but not a preceding "aged" or "age";
- DATE spans cover a full date in whatever format, including a time written with it;
- LOCATION spans cover a street address from number to postcode as one span, or a town /
  city / district named alone; ORG spans cover the whole name of a hospital, clinic, practice
  or employer ("King Chulalongkorn Memorial Hospital", "Hospital Gabriel Touré" are ORG,
  not PERSON);
- ID, PHONE, EMAIL, URL, SSN spans cover the value only, not its label ("MRN", "Tel").
  SSN is used for national personal codes (US SSN, Finnish henkilötunnus, Estonian
  isikukood, Israeli teudat zehut); hospital and laboratory numbers are ID.
Ward names after people ("Elgar Ward", "Turing Unit"), device manufacturers, eponyms and
scores are not identifiers and are never marked.

Self-check (the script exits non-zero and writes nothing on failure): every span's slice is
exactly the string the template inserted; spans are sorted, non-empty, trimmed and do not
overlap; types are EntityKind names; PERSON spans and only they carry a `person` id, one id per
individual and one individual per id, and each mention is a form of that individual's name
(OCR-noised texts excepted); no form of a person's name occurs outside a span; no pool name
occurs in a text without identifiers (the word "Dove" in "Dove-grey" excepted); ids are
unique; texts are unique; no pool name or trap phrase occurs in the earlier generators.
"""

import json
import random
import re
import sys
import unicodedata
from pathlib import Path

SEED = 5_2611_2026
HERE = Path(__file__).resolve().parent
OUT = HERE / "blind2.jsonl"
EARLIER = ["generate.py", "generate_heldout.py", "generate_test.py", "generate_blind.py", "names.json"]
KINDS = {"PERSON", "DATE", "AGE", "ID", "PHONE", "EMAIL", "URL", "SSN", "LOCATION", "ORG"}

# ---------------------------------------------------------------------------------------
# Names. Each entry: (given, surname, sex, style[, nickname]).
# style: "w" given-first western order; "sf" surname first (Chinese-Malaysian);
#        "pat" Malay/Indian-Malaysian patronymic, no surname; "mono" one name;
#        "dbl" double surname (Latin America).
# ---------------------------------------------------------------------------------------
NAMES = [
    # Finland
    ("Tuula", "Salminen", "f", "w"), ("Jukka", "Lehtinen", "m", "w"),
    ("Pirjo", "Kinnunen", "f", "w"), ("Heikki", "Turunen", "m", "w"),
    ("Marjatta", "Rantanen", "f", "w"), ("Seppo", "Leinonen", "m", "w"),
    ("Ritva", "Ahonen", "f", "w"), ("Kalevi", "Tiihonen", "m", "w"),
    # Estonia / Latvia / Lithuania
    ("Kadri", "Tamm", "f", "w"), ("Tõnu", "Saar", "m", "w"), ("Piret", "Mägi", "f", "w"),
    ("Margus", "Sepp", "m", "w"), ("Jānis", "Bērziņš", "m", "w"), ("Ilze", "Ozoliņa", "f", "w"),
    ("Andris", "Kalniņš", "m", "w"), ("Inese", "Jansone", "f", "w"),
    ("Vytautas", "Kazlauskas", "m", "w"), ("Rūta", "Jankauskienė", "f", "w"),
    ("Mindaugas", "Stankevičius", "m", "w"), ("Aušra", "Petrauskaitė", "f", "w"),
    # Serbia / Croatia / Bosnia
    ("Dragana", "Jovanović", "f", "w"), ("Zoran", "Petrović", "m", "w"),
    ("Milica", "Kovačević", "f", "w"), ("Emir", "Hodžić", "m", "w"),
    ("Amra", "Begović", "f", "w"), ("Nikola", "Horvat", "m", "w"),
    # Bulgaria
    ("Desislava", "Georgieva", "f", "w"), ("Todor", "Dimitrov", "m", "w"),
    ("Radka", "Petkova", "f", "w"), ("Stoyan", "Ivanov", "m", "w"),
    # Georgia / Armenia
    ("Nino", "Beridze", "f", "w"), ("Levan", "Gelashvili", "m", "w"),
    ("Tamar", "Maisuradze", "f", "w"), ("Giorgi", "Kapanadze", "m", "w"),
    ("Anahit", "Hovhannisyan", "f", "w"), ("Tigran", "Sargsyan", "m", "w"),
    ("Gohar", "Harutyunyan", "f", "w"), ("Armen", "Grigoryan", "m", "w"),
    # Israel
    ("Yael", "Mizrahi", "f", "w"), ("Itai", "Peretz", "m", "w"), ("Avigail", "Biton", "f", "w"),
    ("Moshe", "Avraham", "m", "w"), ("Shira", "Levi", "f", "w"), ("Noa", "Friedman-Katz", "f", "w"),
    # Thailand (with nicknames)
    ("Somchai", "Srisuk", "m", "w", "Lek"), ("Siriporn", "Wongsawat", "f", "w", "Ploy"),
    ("Anong", "Chaiyaporn", "f", "w", "Noi"), ("Thanawat", "Saelee", "m", "w", "Benz"),
    # Malaysia
    ("Nurul Aisyah binti Ahmad", "", "f", "pat", "Aisyah"),
    ("Muhammad Hafiz bin Ismail", "", "m", "pat", "Hafiz"),
    ("Khairunnisa binti Rosli", "", "f", "pat", "Nisa"),
    ("Thanaletchumi a/p Muniandy", "", "f", "pat"), ("Ganesan a/l Subramaniam", "", "m", "pat"),
    ("Hui Min", "Tan", "f", "sf"), ("Chee Keong", "Ong", "m", "sf"), ("Mei Fong", "Chin", "f", "sf"),
    # Bangladesh
    ("Tahmina", "Akter", "f", "w"), ("Shafiqul", "Islam", "m", "w"),
    ("Rashida", "Begum", "f", "w"), ("Mahmudul", "Hossain", "m", "w"),
    ("Nusrat", "Sultana", "f", "w"), ("Anwar", "Chowdhury", "m", "w"),
    # Nepal
    ("Sabina", "Shrestha", "f", "w"), ("Bishnu", "Tamang", "m", "w"),
    ("Kamala", "Gurung", "f", "w"), ("Prakash", "Adhikari", "m", "w"),
    ("Sunita", "Magar", "f", "w"), ("Dil Bahadur", "Thapa", "m", "w"),
    # Afghanistan
    ("Gulalai", "Ahmadzai", "f", "w"), ("Mirwais", "Stanekzai", "m", "w"),
    ("Zarmina", "Popal", "f", "w"), ("Habibullah", "", "m", "mono"), ("Nasrin", "Wardak", "f", "w"),
    # Morocco / Algeria
    ("Yassine", "El Amrani", "m", "w"), ("Samira", "Benali", "f", "w"),
    ("Rachid", "Ait Ouahmane", "m", "w"), ("Meryem", "Bouzid", "f", "w"),
    ("Mourad", "Belkacem", "m", "w"),
    # Senegal / Mali
    ("Aminata", "Ndiaye", "f", "w"), ("Moussa", "Diop", "m", "w"), ("Fatou", "Sow", "f", "w"),
    ("Mamadou", "Traoré", "m", "w"), ("Awa", "Keïta", "f", "w"), ("Ousmane", "Coulibaly", "m", "w"),
    # Tanzania / Uganda
    ("Rehema", "Mwakyusa", "f", "w"), ("Daudi", "Massawe", "m", "w"), ("Agnes", "Nakato", "f", "w"),
    ("Godfrey", "Ssempijja", "m", "w"), ("Upendo", "Mushi", "f", "w"), ("Geoffrey", "Okello", "m", "w"),
    # Zimbabwe / Zambia
    ("Tendai", "Moyo", "f", "w"), ("Farai", "Ncube", "m", "w"), ("Chipo", "Sibanda", "f", "w"),
    ("Gift", "Mwale", "m", "w"), ("Blessing", "Phiri", "f", "w"), ("Precious", "Chanda", "f", "w"),
    ("Tatenda", "Dube", "m", "w"), ("Mutale", "Banda", "m", "w"),
    # Chile / Peru / Argentina
    ("Valentina", "Rojas Díaz", "f", "dbl"), ("Joaquín", "Sepúlveda Soto", "m", "dbl"),
    ("Florencia", "Huamán Ticona", "f", "dbl"), ("Benjamín", "Galarza", "m", "w"),
    ("Agustina", "Fernández Vidal", "f", "dbl"), ("Tomás", "Huenchullán", "m", "w"),
    # Cuba
    ("Yusleidy", "Rodríguez Pérez", "f", "dbl"), ("Yoandri", "Lázaro", "m", "w"),
    ("Odalys", "Mendoza", "f", "w"), ("Osmany", "Reinier", "m", "w"), ("Dayami", "Leyva", "f", "w"),
    # Jamaica
    ("Shanique", "McKenzie", "f", "w"), ("Oneil", "Thwaites", "m", "w"),
    ("Kemoy", "Bogle", "m", "w"), ("Tashana", "Grizzle", "f", "w"),
    # Samoa / Tonga / Fiji
    ("Sione", "Fifita", "m", "w"), ("Mele", "Taufa", "f", "w"), ("Viliami", "Tupou", "m", "w"),
    ("Seini", "Havili", "f", "w"), ("Malakai", "Tuilagi", "m", "w"), ("Litia", "Faleolo", "f", "w"),
    ("Salanieta", "Naivalu", "f", "w"), ("Mosese", "Tikoduadua", "m", "w"),
    ("Talia", "Leota", "f", "w"),
    # Aboriginal Australian / Māori
    ("Djalu", "Yunupingu", "m", "w"), ("Banduk", "Marika", "f", "w"),
    ("Jedda", "Wunungmurra", "f", "w"), ("Lowanna", "Mundine", "f", "w"),
    ("Mereana", "Te Whata", "f", "w"), ("Rāwiri", "Tipene", "m", "w"),
    ("Ngaire", "Waititi", "f", "w"), ("Hēmi", "Te Rangi", "m", "w"), ("Keriana", "Tamihana", "f", "w"),
    # English/US word names
    ("Glen", "Meadows", "m", "w"), ("Miles", "Lamb", "m", "w"), ("Skye", "Swallow", "f", "w"),
    ("Drew", "Dove", "m", "w"), ("Storm", "Bird", "f", "w"), ("Clay", "Rivers", "m", "w"),
    ("Ember", "Ford", "f", "w"), ("Gene", "Thorn", "m", "w"), ("Cliff", "Archer", "m", "w"),
    ("Forest", "Grove", "m", "w"), ("Rock", "Butler", "m", "w"),
]

MIDDLES = {"f": ["Marjatta", "Ann", "Louise", "Maria"], "m": ["Kalev", "Petar", "James", "Noel"]}

# Places: towns named alone (LOCATION); street addresses (one LOCATION span).
TOWNS = ["Tampere", "Oulu", "Tartu", "Kaunas", "Daugavpils", "Novi Sad", "Mostar", "Zenica",
         "Plovdiv", "Kutaisi", "Gyumri", "Haifa", "Be'er Sheva", "Chiang Mai", "Ipoh", "Sylhet",
         "Pokhara", "Herat", "Fès", "Oran", "Thiès", "Mopti", "Arusha", "Gulu", "Bulawayo",
         "Ndola", "Arequipa", "Valparaíso", "Bahía Blanca", "Holguín", "Montego Bay", "Apia",
         "Nuku'alofa", "Lautoka", "Alice Springs", "Rotorua", "Bournemouth", "Yeovil",
         "Kettering", "Hartlepool"]
ADDRESSES = [
    "Hämeenkatu 21 B 14, 33200 Tampere", "Rüütli 4-7, 50409 Tartu",
    "Laisvės al. 53-12, LT-44309 Kaunas", "Bulevar oslobođenja 88, 21000 Novi Sad",
    "ul. Tsar Boris III 9, 4000 Plovdiv", "12 Rehov HaNassi, Haifa 3463412",
    "88/14 Moo 3, Tambon Suthep, Chiang Mai 50200", "No. 7, Jalan Sultan Iskandar, 30000 Ipoh",
    "House 14, Road 3, Zindabazar, Sylhet 3100", "Ward 8, Lakeside, Pokhara 33700",
    "23 Derb Sidi Bouhaja, Fès 30110", "Villa 5, Cité Keur Gorgui, Dakar",
    "Plot 42, Njiro Road, Arusha", "17 Fife Street, Bulawayo", "Av. Ejército 1108, Arequipa 04001",
    "Calle Maceo 212, Holguín", "4 Barnett Street, Montego Bay", "Lot 9, Vailima, Apia",
    "3 Gap Road, Alice Springs NT 0870", "27 Pukuatua Street, Rotorua 3010",
    "41 Kestrel Close, Yeovil BA21 3PQ", "9 Tennyson Avenue, Kettering NN16 0RX",
    "Flat 2, 118 Stockton Road, Hartlepool TS25 1RJ", "66 Holdenhurst Road, Bournemouth BH8 8AH",
]
ORGS = ["Tampere University Hospital", "Tartu University Hospital",
        "Pauls Stradiņš Clinical University Hospital", "Vilnius University Hospital Santaros Klinikos",
        "University Clinical Centre of Serbia", "Alexandrovska University Hospital",
        "Aleksandre Aladashvili University Clinic", "Erebouni Medical Center",
        "Hadassah Medical Center", "Sheba Medical Center", "Rambam Health Care Campus",
        "King Chulalongkorn Memorial Hospital", "Siriraj Hospital", "Hospital Kuala Lumpur",
        "Sultanah Aminah Hospital", "Dhaka Medical College Hospital", "Square Hospitals Ltd",
        "Tribhuvan University Teaching Hospital", "Bir Hospital", "Indira Gandhi Children's Hospital",
        "CHU Ibn Rochd", "CHU Mustapha Pacha", "Hôpital Principal de Dakar", "Hôpital Gabriel Touré",
        "Kilimanjaro Christian Medical Centre", "Mulago National Referral Hospital",
        "Parirenyatwa Group of Hospitals", "Mpilo Central Hospital",
        "Hospital Nacional Edgardo Rebagliati Martins", "Hospital Clínico Universidad de Chile",
        "Hospital Italiano de Buenos Aires", "Hospital Hermanos Ameijeiras",
        "University Hospital of the West Indies", "Tupua Tamasese Meaole Hospital",
        "Vaiola Hospital", "Colonial War Memorial Hospital", "Alice Springs Hospital",
        "Rotorua Hospital", "Yeovil District Hospital", "Kettering General Hospital",
        "St Luke's Hospice", "Bumrungrad International Hospital", "Ridgeway Surgery", "Harbourside Medical Practice",
        "Lakeside Dialysis Unit Ltd", "Northgate Pharmacy", "Kestrel Occupational Health"]

TITLES = {"m": ["Mr", "Dr", "Prof"], "f": ["Mrs", "Ms", "Dr", "Miss"]}

# Trap vocabulary (never identifiers).
EPONYMS = ["Ménière's disease", "Sjögren's syndrome", "Behçet's disease", "Henoch-Schönlein purpura",
           "Bowen's disease", "a Marjolin ulcer", "Merkel cell carcinoma", "a Brenner tumour",
           "Lewy body dementia", "Creutzfeldt-Jakob disease", "Korsakoff syndrome",
           "Todd's paresis", "Ramsay Hunt syndrome", "an Argyll Robertson pupil",
           "Burkitt lymphoma", "Klinefelter syndrome", "Lyme disease", "Ross River virus",
           "Coxsackie virus", "Norwalk-like virus", "Rocky Mountain spotted fever",
           "West Nile virus", "Bornholm disease"]
PATH_BODIES = ["Howell-Jolly bodies", "Schaumann bodies", "Langhans giant cells",
               "Giemsa-positive organisms", "Descemet folds", "Bowman layer scarring"]
SCORES = ["Apgar 9 at five minutes", "Mallampati class II",
          "Ann Arbor stage IIA", "Bishop score 7", "Barthel index 65", "Braden 14",
          "Rockall 3", "Blatchford 6", "Child-Pugh B", "Centor 2", "Caprini 5",
          "Borg 4/10", "Nottingham grade 2"]
DRUGS = ["Seretide", "Lantus", "NovoRapid", "Zomorph", "Madopar", "Sinemet", "Epilim",
         "Tegretol"]
DEVICES = ["Medtronic pump", "Dräger ventilator", "IntelliVue monitor", "Baxter infusion set",
           "Alaris pump", "Stryker drill", "Storz scope", "Hamilton ventilator",
           "Dexcom sensor", "Guedel airway", "Holter monitor", "Doppler probe"]
WARDS = ["Elgar Ward", "Turing Unit", "Franklin Ward", "Wilberforce Ward", "Rowntree Suite",
         "Baird Ward", "Newton Ward", "Simpson Unit"]
TESTS = ["Snellen chart", "Ishihara plates", "Amsler grid", "Goldmann perimetry",
         "Humphrey fields", "Mantoux test", "Coombs test", "Kleihauer test", "Seldinger technique",
         "Epley manoeuvre", "Valsalva manoeuvre", "Moro reflex", "Quantiferon test", "Ranson criteria"]


def trap_terms():
    """Every trap phrase, for the overlap check against earlier generators."""
    out = []
    for lst in (EPONYMS, PATH_BODIES, DRUGS, DEVICES, WARDS, TESTS):
        for t in lst:
            out.append(re.split(r"[' ]", t.removeprefix("a ").removeprefix("an "))[0])
    for s in SCORES:
        out.append(s.split(" ")[0])
    return out


# ---------------------------------------------------------------------------------------
# People.
# ---------------------------------------------------------------------------------------
class Person:
    """One individual with every written form of the name used in the texts."""

    def __init__(self, entry, rng):
        given, sur, sex, style = entry[:4]
        self.nick = entry[4] if len(entry) > 4 else None
        self.sex = sex
        self.style = style
        self.given = given
        self.sur = sur
        if style == "w" or style == "dbl":
            self.full = f"{given} {sur}"
            self.first_sur = sur.split(" ")[0] if style == "dbl" else sur
            mid = rng.choice(MIDDLES.get(sex, MIDDLES["f"]))
            self.dicom = f"{sur.upper()}^{given.upper()}" + (f"^{mid.upper()}" if rng.random() < 0.4 else "")
            self.middle = mid if self.dicom.count("^") == 2 else None
            self.last_first = f"{sur}, {given}"
            self.initials = "".join(p[0] for p in given.split(" ")) + sur.replace("-", " ").split(" ")[0][0]
            self.caps = f"{sur.upper()} {given}"
        elif style == "sf":
            self.full = f"{sur} {given}"
            self.first_sur = sur
            self.dicom = f"{sur.upper()}^{given.upper()}"
            self.middle = None
            self.last_first = f"{sur}, {given}"
            self.initials = sur[0] + "".join(p[0] for p in given.split(" "))
            self.caps = f"{sur.upper()} {given.upper()}"
        elif style == "pat":
            self.full = given
            self.given = given.split(" bin")[0].split(" a/")[0]
            self.sur = self.given
            self.first_sur = self.given
            self.dicom = given.upper()
            self.middle = None
            self.last_first = given
            self.initials = "".join(p[0] for p in self.given.split(" "))
            self.caps = given.upper()
        else:  # mono
            self.full = given
            self.sur = given
            self.first_sur = given
            self.dicom = given.upper()
            self.middle = None
            self.last_first = given
            self.initials = given[:2].upper()
            self.caps = given.upper()

    def forms(self):
        """Every string a mention of this person may be."""
        f = {self.full, self.sur, self.given, self.first_sur, self.dicom, self.last_first,
             self.initials, self.caps, self.full.upper(), self.sur.upper(), self.given.lower(),
             self.full.lower(), self.given.upper(), self.sur.lower()}
        if self.nick:
            f |= {self.nick, self.nick.lower()}
        if self.middle:
            f.add(f"{self.given} {self.middle} {self.sur}")
        f.add(f"{self.given[0]}. {self.sur}")
        f.add(f"{self.given[0]} {self.sur}")
        return {x for x in f if x}

    def title(self, rng, clinician=False):
        """A title fitting the person."""
        if clinician:
            return rng.choice(["Dr", "Dr", "Prof", "Mr" if self.sex == "m" else "Ms"])
        if self.style == "dbl":
            return "Sr." if self.sex == "m" else "Sra."
        if self.style == "pat" and "bin" in self.full:
            return "Encik" if self.sex == "m" else "Puan"
        if self.nick and self.style == "w" and self.sur in ("Srisuk", "Wongsawat", "Chaiyaporn", "Saelee"):
            return "Khun"
        return rng.choice(TITLES.get(self.sex, ["Dr"]))

    def formal(self):
        """The form used after a title."""
        if self.sur in ("Srisuk", "Wongsawat", "Chaiyaporn", "Saelee") or self.style in ("pat", "mono"):
            return self.given
        return self.first_sur if self.style == "dbl" else self.sur


# ---------------------------------------------------------------------------------------
# Text builder: plain pieces and entity pieces; offsets in code points (Python str indices).
# ---------------------------------------------------------------------------------------
class B:
    """Accumulates a text and its gold spans."""

    def __init__(self, noisy=False):
        self.parts = []
        self.ents = []
        self.pids = {}
        self.people = {}
        self.noisy = noisy
        self.n = 0

    def t(self, s):
        self.parts.append(s)
        self.n += len(s)
        return self

    def e(self, s, kind, person=None):
        assert s == s.strip() and s, (s, kind)
        ent = {"start": self.n, "end": self.n + len(s), "type": kind}
        if kind == "PERSON":
            key = id(person)
            if key not in self.pids:
                self.pids[key] = "abcdefghijklmnop"[len(self.pids)]
                self.people[self.pids[key]] = person
            ent["person"] = self.pids[key]
        ent["_s"] = s
        self.ents.append(ent)
        return self.t(s)

    def p(self, person, form):
        return self.e(form, "PERSON", person)

    def text(self):
        return "".join(self.parts)


# ---------------------------------------------------------------------------------------
# Identifier formats.
# ---------------------------------------------------------------------------------------
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
FI_MONTHS = ["tammikuuta", "helmikuuta", "maaliskuuta", "huhtikuuta", "toukokuuta", "kesäkuuta",
             "heinäkuuta", "elokuuta", "syyskuuta", "lokakuuta", "marraskuuta", "joulukuuta"]
ES_MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
             "septiembre", "octubre", "noviembre", "diciembre"]


def ymd(rng, lo=1925, hi=2026):
    return rng.randint(lo, hi), rng.randint(1, 12), rng.randint(1, 28)


def date(rng, lo=2019, hi=2026, style=None):
    y, m, d = ymd(rng, lo, hi)
    style = style if style is not None else rng.randrange(14)
    hh, mm = rng.randint(0, 23), rng.randint(0, 59)
    return [
        f"{d:02d}/{m:02d}/{y}", f"{y}-{m:02d}-{d:02d}", f"{d} {MONTHS[m-1][:3]} {y}",
        f"{MONTHS[m-1]} {d}, {y}", f"{d}.{m}.{y}", f"{y}{m:02d}{d:02d}",
        f"{d:02d}-{MONTHS[m-1][:3].upper()}-{y % 100:02d}", f"{d} {MONTHS[m-1]} {y} {hh:02d}:{mm:02d}",
        f"{d}{'th' if d not in (1, 2, 3, 21, 22, 23) else {1: 'st', 2: 'nd', 3: 'rd', 21: 'st', 22: 'nd', 23: 'rd'}[d]} of {MONTHS[m-1]} {y}",
        f"{m}/{d}/{y % 100:02d}", f"{y}-{m:02d}-{d:02d}T{hh:02d}:{mm:02d}",
        f"{d}. {FI_MONTHS[m-1]} {y}", f"{d} de {ES_MONTHS[m-1]} de {y}",
        f"{d:02d}.{m:02d}.{y % 100:02d} {hh:02d}{mm:02d}h",
    ][style]


def dob(rng):
    return date(rng, 1922, 2019, rng.choice([0, 1, 2, 4, 5, 8, 12]))


def nhs(rng):
    while True:
        d = [rng.randint(0, 9) for _ in range(9)]
        d[0] = rng.randint(4, 7)
        c = 11 - sum(x * (10 - i) for i, x in enumerate(d)) % 11
        c = 0 if c == 11 else c
        if c != 10:
            s = "".join(map(str, d + [c]))
            return f"{s[:3]} {s[3:6]} {s[6:]}"


def mrn(rng):
    k = rng.randrange(7)
    n = rng.randint(10**6, 10**7 - 1)
    return [f"TUH{n}", f"H-{rng.randint(2015, 2026)}-{n % 100000:05d}", f"{n:08d}",
            f"KCM/{n % 1000000:06d}/{rng.randint(19, 26)}", f"RX{n}A", f"{n // 1000} {n % 1000:03d}",
            f"MUL-{n % 10000:04d}-{rng.choice('ABCDEFGH')}"][k]


def accession(rng):
    return f"{rng.choice(['S', 'P', 'C', 'H'])}{rng.randint(19, 26)}-{rng.randint(1000, 99999)}"


def ssn(rng, kind=None):
    k = kind if kind is not None else rng.randrange(4)
    y, m, d = ymd(rng, 1930, 2010)
    if k == 0:
        sep = "-" if y >= 1900 else "+"
        return f"{d:02d}{m:02d}{y % 100:02d}{sep}{rng.randint(2, 899):03d}{rng.choice('0123456789ABCDEFHJKLMNPRSTUVWXY')}"
    if k == 1:
        return f"{rng.choice('3456')}{y % 100:02d}{m:02d}{d:02d}{rng.randint(0, 9999):04d}"
    if k == 2:
        return f"{rng.randint(1, 899):03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"
    return f"{rng.randint(10**8, 10**9 - 1)}"


def phone(rng):
    k = rng.randrange(9)
    r = rng.randint
    return [f"+358 40 {r(100, 999)} {r(1000, 9999)}", f"+372 5{r(100, 999)} {r(1000, 9999)}",
            f"+972-52-{r(1000000, 9999999)}", f"+66 81 {r(100, 999)} {r(1000, 9999)}",
            f"+255 754 {r(100, 999)} {r(100, 999)}", f"(876) {r(200, 999)}-{r(1000, 9999)}",
            f"07700 900{r(100, 999)}", f"+263 77 {r(100, 999)} {r(1000, 9999)}",
            f"01935 {r(100000, 999999)}"][k]


def email(rng, p):
    base = (p.given.split(" ")[0] + "." + p.first_sur.split(" ")[0]).lower()
    base = unicodedata.normalize("NFKD", base.replace("đ", "d"))
    base = re.sub(r"[^a-z.]", "", base)
    dom = rng.choice(["tays.fi", "kliinikum.ee", "gmail.com", "yahoo.co.uk", "hotmail.com",
                      "clalit.org.il", "outlook.com", "uwimona.edu.jm", "kcmc.ac.tz"])
    return f"{base}@{dom}"


def age(rng, old=False):
    n = rng.randint(90, 104) if old or rng.random() < 0.3 else rng.randint(1, 89)
    k = rng.randrange(6)
    return n, [f"{n} years", f"{n}-year-old", f"{n:03d}Y", f"{n}yo", f"{n} yrs", f"{n}y"][k]


# ---------------------------------------------------------------------------------------
# Genres with PII.
# ---------------------------------------------------------------------------------------
def clinic_letter(rng, pick):
    pt, doc, gp = pick(), pick(), pick()
    org = rng.choice(ORGS)
    b = B()
    b.t("Outpatient clinic, ").e(org, "ORG").t(". Clinic date: ").e(date(rng), "DATE").t("\n")
    b.t("Dear ").t(gp.title(rng, True) + " ").p(gp, gp.formal()).t(",\nRe: ").p(pt, pt.full).t(", DOB ")
    b.e(dob(rng), "DATE").t(", hospital no. ").e(mrn(rng), "ID").t("\n")
    k = rng.randrange(3)
    if k == 0:
        b.t("I reviewed ").p(pt, pt.given).t(" today with ").t("her" if pt.sex == "f" else "his")
        b.t(" daughter. Symptoms of ").t(rng.choice(EPONYMS)).t(" are settling; I have left ")
        b.t(rng.choice(DRUGS)).t(" unchanged.")
    elif k == 1:
        b.t(pt.title(rng) + " ").p(pt, pt.formal()).t(" travelled from ").e(rng.choice(TOWNS), "LOCATION")
        b.t(" for this appointment. Weight is stable and ").t(rng.choice(SCORES)).t(" today.")
    else:
        n, a = age(rng)
        if a.endswith("-year-old"):
            b.t("This ").e(a, "AGE").t(" ").t("lady" if pt.sex == "f" else "man")
        else:
            b.t("Aged ").e(str(n), "AGE").t(", ").t("she" if pt.sex == "f" else "he")
        b.t(" was seen with an interpreter, ")
        interp = pick()
        b.p(interp, interp.full).t(". Plan discussed in full.")
    b.t("\nYours sincerely,\n").p(doc, doc.full).t("\nConsultant, ").t(rng.choice(WARDS))
    return b


def operation_note(rng, pick):
    pt, surg, asst, anae = pick(), pick(), pick(), pick()
    b = B()
    b.t("OPERATION NOTE\nPatient: ").p(pt, pt.last_first).t("  MRN: ").e(mrn(rng), "ID")
    b.t("\nDate of surgery: ").e(date(rng, style=rng.choice([0, 2, 7])), "DATE")
    b.t("\nSurgeon: ").t(surg.title(rng, True) + " ").p(surg, surg.full)
    b.t("   Assistant: ").p(asst, asst.initials if rng.random() < 0.4 else asst.full)
    b.t("\nAnaesthetist: ").p(anae, anae.full).t(" (").t(rng.choice(["GA", "spinal", "GA + block"])).t(")\n")
    b.t(rng.choice(["Kocher incision", "Midline laparotomy", "Lateral approach", "Arthroscopic portals"]))
    b.t(". ").t(rng.choice(DEVICES)).t(" used. Haemostasis achieved. ")
    if rng.random() < 0.5:
        b.t(surg.title(rng, True) + " ").p(surg, surg.formal()).t(" will review on the ward round; ")
        b.t("please ring ").e(phone(rng), "PHONE").t(" with any concerns.")
    else:
        b.t("Specimen to lab as ").e(accession(rng), "ID").t(". Follow-up ").e(date(rng, style=2), "DATE").t(".")
    return b


def pathology(rng, pick):
    pt, path = pick(), pick()
    b = B()
    b.t("HISTOPATHOLOGY REPORT  Lab no. ").e(accession(rng), "ID").t("\nName: ").p(pt, pt.caps)
    b.t("   Received: ").e(date(rng, style=rng.choice([1, 4, 6])), "DATE")
    b.t("\nRequesting clinician: ").p(path, path.initials).t(", ").e(rng.choice(ORGS), "ORG")
    b.t("\nMicroscopy: ").t(rng.choice(["Sections show", "The biopsy shows", "There is"])).t(" ")
    b.t(rng.choice(PATH_BODIES)).t("; ").t(rng.choice(PATH_SCORES)).t(".\n")
    rep = pick()
    b.t("Reported by ").t("Dr ").p(rep, rep.full).t(" on ").e(date(rng, style=3), "DATE").t(".")
    return b


def med_rec(rng, pick):
    pt, ph = pick(), pick()
    b = B()
    n, a = age(rng, old=rng.random() < 0.4)
    b.t("Medicines reconciliation - ").p(pt, pt.full).t(" (").e(a, "AGE").t(")\nSources: patient, GP list from ")
    b.e(rng.choice(ORGS[-5:] + ORGS[:3]), "ORG").t(", dosette box\n")
    for d in rng.sample(DRUGS, 3):
        b.t("- ").t(d).t(": ").t(rng.choice(["continue", "held", "dose reduced", "stop"])).t("\n")
    b.t("Discrepancy discussed with ").p(pt, pt.given if rng.random() < 0.5 else pt.full.upper())
    b.t("'s son by phone on ").e(phone(rng), "PHONE").t(". Pharmacist: ").p(ph, ph.last_first)
    return b


def discharge(rng, pick):
    pt, cons = pick(), pick()
    b = B()
    b.t("DISCHARGE SUMMARY\n").p(pt, pt.full).t("  NHS No: ").e(nhs(rng), "NHS_PLACEHOLDER")
    b.t("\nAdmitted: ").e(date(rng, style=0), "DATE").t("   Discharged: ").e(date(rng, style=0), "DATE")
    b.t("\nWard: ").t(rng.choice(WARDS)).t(", ").e(rng.choice(ORGS), "ORG").t("\n")
    b.t("Diagnosis: ").t(rng.choice(EPONYMS)).t(". ")
    b.t(pt.title(rng) + " ").p(pt, pt.formal()).t(" is going home to ")
    if rng.random() < 0.6:
        b.e(rng.choice(ADDRESSES), "LOCATION")
    else:
        b.t("family in ").e(rng.choice(TOWNS), "LOCATION")
    b.t(". Consultant: ").p(cons, cons.full).t(".")
    return b


def nursing(rng, pick):
    pt, nurse, rel = pick(), pick(), pick()
    b = B()
    hh = rng.randint(0, 23)
    b.t(f"{hh:02d}:{rng.randint(0, 59):02d} ").t(rng.choice(["Obs stable.", "NEWS 2.", "Pain 3/10."])).t(" ")
    b.p(pt, pt.given.lower() if rng.random() < 0.3 else pt.given).t(" ")
    b.t(rng.choice(["settled after", "mobilised with", "declined", "tolerated"])).t(" ")
    b.t(rng.choice(["physio", "the frame", "supper", "oral fluids"])).t(". ")
    b.t(rng.choice(["Wife", "Sister", "Daughter", "Friend"] if rel.sex == "f" else ["Husband", "Brother", "Nephew", "Friend"]))
    b.t(" ").p(rel, rel.full)
    b.t(" visited, contact ").e(phone(rng), "PHONE").t(". ")
    b.t(rng.choice(["Braden 14, turns 2-hourly.", "Waterproof dressing intact.", "Catheter draining."]))
    b.t(" - ").p(nurse, nurse.initials).t(" RN")
    return b


def phone_msg(rng, pick):
    pt, caller, doc = pick(), pick(), pick()
    b = B()
    b.t("TELEPHONE MESSAGE  ").e(date(rng, style=7), "DATE").t("\nFor: ").t("Dr ").p(doc, doc.formal())
    b.t("\nFrom: ").p(caller, caller.full).t(" (").t(rng.choice(["daughter", "carer", "neighbour", "son"])).t(" of ")
    b.p(pt, pt.full).t(")\nCall back on ").e(phone(rng), "PHONE")
    if rng.random() < 0.5:
        b.t(" or email ").e(email(rng, caller), "EMAIL")
    b.t(".\nMessage: ").p(pt, pt.formal() if rng.random() < 0.5 else pt.given).t(" has run out of ")
    b.t(rng.choice(DRUGS)).t(" and asks whether the ").t(rng.choice(TESTS)).t(" result is back.")
    return b


def mdt(rng, pick):
    chair, p1, p2, c1, c2 = pick(), pick(), pick(), pick(), pick()
    b = B()
    b.t("MDT minutes, ").e(date(rng, style=rng.choice([2, 8, 3])), "DATE").t(". Chair: ").p(chair, chair.full)
    b.t("\nPresent: ").p(c1, c1.full).t(" (radiology), ").p(c2, c2.full).t(" (oncology), CNS team\n")
    b.t("1. ").p(p1, p1.caps).t(", ").e(mrn(rng), "ID").t(" - ").t(rng.choice(SCORES)).t(". ")
    b.p(c1, c1.sur if c1.style == "w" else c1.formal()).t(" to re-review imaging.\n")
    n, a = age(rng)
    b.t("2. ").p(p2, p2.full).t(", ").e(a, "AGE").t(", from ").e(rng.choice(TOWNS), "LOCATION")
    b.t(" - ").t(rng.choice(EPONYMS)).t("; for discussion with ").p(c2, c2.initials).t(".")
    return b


def consent(rng, pick):
    pt, doc, wit = pick(), pick(), pick()
    b = B()
    b.t("CONSENT FORM 1\nPatient full name: ").p(pt, pt.full).t("\nDate of birth: ").e(dob(rng), "DATE")
    b.t("  Hospital number: ").e(mrn(rng), "ID").t("\nProcedure: ")
    b.t(rng.choice(["flexible cystoscopy", "ERCP", "knee arthroscopy", "skin excision"]))
    b.t("\nI confirm the risks were explained. Signed: ").p(pt, pt.initials if rng.random() < 0.3 else pt.full)
    b.t("\nHealth professional: ").p(doc, doc.full).t(", ").t(rng.choice(["ST5", "Consultant", "CNS"]))
    if rng.random() < 0.5:
        b.t("\nInterpreter / witness: ").p(wit, wit.full)
    b.t("\nDate: ").e(date(rng, style=0), "DATE")
    return b


def pharmacy(rng, pick):
    pt, ph, pr = pick(), pick(), pick()
    b = B()
    b.t("Pharmacy query from ").e(rng.choice(ORGS[-4:]), "ORG").t(" re ").p(pt, pt.full)
    b.t(" (DOB ").e(dob(rng), "DATE").t("): prescription by ").t("Dr ").p(pr, pr.formal())
    b.t(" for ").t(rng.choice(DRUGS)).t(" has no strength. ")
    b.t("Please ring ").p(ph, ph.given).t(" on ").e(phone(rng), "PHONE")
    if rng.random() < 0.5:
        b.t(" or reply to ").e(email(rng, ph), "EMAIL")
    b.t(".")
    return b


def dicom(rng, pick):
    pt, ref = pick(), pick()
    b = B()
    k = rng.randrange(3)
    n, _ = age(rng)
    sy, sm, sd = rng.randint(2019, 2026), rng.randint(1, 12), rng.randint(1, 28)
    by, bm, bd = sy - n - (1 if rng.random() < 0.5 else 0), rng.randint(1, 12), rng.randint(1, 28)
    n = sy - by - (1 if (bm, bd) > (sm, sd) else 0)
    dob_s, st_s = f"{by}{bm:02d}{bd:02d}", f"{sy}{sm:02d}{sd:02d}"
    if k == 0:
        b.t("(0010,0010) PatientName: ").p(pt, pt.dicom).t("\n(0010,0020) PatientID: ").e(mrn(rng), "ID")
        b.t("\n(0010,0030) PatientBirthDate: ").e(dob_s, "DATE")
        b.t("\n(0010,1010) PatientAge: ").e(f"{n:03d}Y", "AGE")
        b.t("\n(0008,0020) StudyDate: ").e(st_s, "DATE")
        b.t("\n(0008,0090) ReferringPhysicianName: ").p(ref, ref.dicom)
        b.t("\n(0008,0080) InstitutionName: ").e(rng.choice(ORGS), "ORG")
    elif k == 1:
        b.t("Patient Name: ").p(pt, pt.last_first).t(" | ID ").e(mrn(rng), "ID").t(" | Sex ")
        b.t({"m": "M", "f": "F"}.get(pt.sex, "O")).t(" | Study Date ").e(f"{sy}-{sm:02d}-{sd:02d}", "DATE")
        b.t(" | Referring: ").p(ref, ref.last_first).t(" | Modality CT | ").e(rng.choice(ORGS), "ORG")
    else:
        b.t("PN=").p(pt, pt.dicom).t(";PID=").e(mrn(rng), "ID").t(";DOB=").e(dob_s, "DATE")
        b.t(";AGE=").e(f"{n:03d}Y", "AGE").t(";ST=").e(st_s, "DATE").t(";STATION=US2;")
    return b


OCR_SUBS = [("O", "0"), ("o", "0"), ("l", "1"), ("I", "l"), ("i", "1"), ("S", "5"), ("B", "8")]


def noise(rng, s, p=0.25):
    out = []
    for ch in s:
        r = rng.random()
        if r < p * 0.3 and ch.isalpha():
            out.append(ch.swapcase())
        elif r < p * 0.6:
            sub = [b for a, b in OCR_SUBS if a == ch]
            out.append(sub[0] if sub else ch)
        else:
            out.append(ch)
    res = "".join(out).strip()
    return res if res else s


def ocr(rng, pick):
    pt, op = pick(), pick()
    b = B(noisy=True)
    sep = rng.choice(["  ", " | ", "\n", " ", "|"])
    b.e(noise(rng, rng.choice(ORGS)), "ORG").t(sep)
    b.p(pt, noise(rng, rng.choice([pt.dicom, pt.caps, pt.full]))).t(rng.choice(["", " ", ".", " :"]))
    b.e(noise(rng, mrn(rng), 0.4), "ID").t(sep)
    if rng.random() < 0.6:
        b.e(noise(rng, date(rng, style=rng.choice([0, 6, 5, 13])), 0.3), "DATE").t(rng.choice(["", " ", "  "]))
    n, a = age(rng)
    b.e(noise(rng, f"{n}Y", 0.3), "AGE").t(sep).t(noise(rng, rng.choice(["L LAT", "AP ERECT", "PORTABLE", "R HAND 2v"])))
    if rng.random() < 0.5:
        b.t(sep + rng.choice(["Op:", "Tech", "RT:"]) + " ").p(op, noise(rng, op.initials if rng.random() < 0.5 else op.sur))
    b.t(rng.choice(["", ".", " ~", " ,"]))
    return b


def caption(rng, pick):
    pt, ph = pick(), pick()
    b = B()
    k = rng.randrange(4)
    if k == 0:
        b.t("Photo of ").p(pt, pt.full).t("'s left forearm showing ").t(rng.choice(["a Marjolin ulcer", "Bowen's disease", "healed graft"]))
        b.t(", taken ").e(date(rng, style=2), "DATE").t(".")
    elif k == 1:
        b.t("Clinical image: ").p(pt, pt.full).t(", ").e(mrn(rng), "ID").t(" - dermoscopy, ").t(rng.choice(["Fitzpatrick type IV", "scale bar 5 mm"]))
    elif k == 2:
        b.t("Wound photo ").e(date(rng, style=4), "DATE").t(" at ").e(rng.choice(TOWNS), "LOCATION")
        b.t(" community clinic; photographer ").p(ph, ph.full).t("; consent from ").p(pt, pt.given).t(".")
    else:
        n, a = age(rng, old=True)
        b.t("Photograph: ").p(pt, pt.full).t(" (").e(a, "AGE").t(") with ").t(rng.choice(DEVICES)).t(" in situ.")
    return b


def chat(rng, pick):
    pt, a, c = pick(), pick(), pick()
    b = B()
    b.p(a, a.given.lower()).t(": ").t(rng.choice(["anyone seen", "can someone check on", "who is doing obs for"])).t(" ")
    b.p(pt, pt.nick.lower() if pt.nick else pt.given.lower()).t(rng.choice(["?", " ?", " pls"])).t("\n")
    b.p(c, c.initials).t(": ").t(rng.choice(["yes", "yep", "on it"])).t(", ")
    b.p(pt, pt.sur.lower() if pt.style == "w" else pt.given.lower()).t(" ")
    b.t(rng.choice(["back from CT", "bloods sent", "family coming at 4", "wants to go home"])).t(". ")
    if rng.random() < 0.5:
        b.t("ring ").p(a, a.given.lower()).t(" on ").e(phone(rng), "PHONE")
    else:
        b.t("dob is ").e(date(rng, 1930, 2010, 9), "DATE")
    return b


def referral_email(rng, pick):
    pt, s = pick(), pick()
    b = B()
    b.t("From: ").e(email(rng, s), "EMAIL").t("\nSubject: urgent slot for ").p(pt, pt.initials)
    b.t("\nHi, could ").p(pt, pt.full).t(" (").e(ssn(rng), "SSN").t(") be seen this week? Lives at ")
    b.e(rng.choice(ADDRESSES), "LOCATION").t(". Portal record: ")
    b.e(f"https://portal.{rng.choice(['kcmc.ac.tz', 'tays.fi', 'uwimona.edu.jm'])}/rec/{rng.randint(10000, 99999)}", "URL")
    b.t("\nThanks, ").p(s, s.given)
    return b


PII_GENRES = [("letter", clinic_letter), ("opnote", operation_note), ("path", pathology),
              ("medrec", med_rec), ("discharge", discharge), ("nursing", nursing),
              ("phone", phone_msg), ("mdt", mdt), ("consent", consent), ("pharmacy", pharmacy),
              ("dicom", dicom), ("ocr", ocr), ("caption", caption), ("chat", chat),
              ("email", referral_email)]


# ---------------------------------------------------------------------------------------
# Traps: no identifiers.
# ---------------------------------------------------------------------------------------
WORD_TRAPS = [
    "Will need a repeat {ts} before discharge.",
    "Mark the site with the skin pen before the {dv} is set up.",
    "We hope to step down {dr} next week.",
    "Hope is that the drain comes out tomorrow.",
    "Bill the commissioner for the {dv} under the block contract.",
    "Grace period for the repeat prescription of {dr} has lapsed.",
    "Rose thorn injury to the thumb last month, query sporotrichosis.",
    "May start {dr} if renal function allows.",
    "June clinic list is full, so added to the July list.",
    "Iris and lens clear, no rubeosis.",
    "Drew blood for a gene panel at 09:00.",
    "Gene therapy trial screening visit is booked.",
    "Walks two miles on the flat before stopping.",
    "Knocked off a bicycle at about 20 miles per hour.",
    "Concern about a cytokine storm; escalated to outreach.",
    "Sister on {wd} is aware of the plan.",
    "Sunny day, so the garden room on {wd} was used for therapy.",
    "Clay-coloured stools for a week; bird-fancier's lung excluded.",
    "Unable to swallow tablets, so switched to liquid {dr}.",
    "Fell from a rocking chair at home, no head injury.",
    "Forest plot from the meta-analysis is in the pack.",
    "Storm damage at home; now staying with family.",
    "Nil by mouth from midnight.",
    "Awaiting the {ts} before a decision.",
    "Skin over the shin is shiny; no cellulitis.",
    "Dove-grey discolouration of the nail bed noted.",
]
FRAMES = [
    "Pathology: {pb} seen. Features are in keeping with {eo}. {w1}",
    "Histology comment: {pb}; no malignancy. {sc2}.",
    "Operation: {op} used; {dv} checked before incision. {w1}",
    "Op note: {op}. Estimated blood loss 150 ml. {w1} {w2}",
    "Med rec: {dr} continued, {dr2} held pending bloods. {w1} Reviewed on {wd}.",
    "Pharmacy: is {dr} compatible with {dr2} through the {dv}? {w1}",
    "MDT: {eo} versus {eo2}; {sc}. {w1}",
    "MDT outcome: for {ts} and repeat imaging; {sc}.",
    "Nursing note: {sc}. {w1} {w2}",
    "Flowsheet 14:00: pain 2/10, {sc}. {w1}",
    "Photo of left shin showing {lesion}; {dv} in view.",
    "Clinical photograph of the right hand: {lesion}, scale bar 10 mm.",
    "Phone msg: ward asks whether {dr} should be held while the {dv} is in use. {w1}",
    "Telephone advice: {w1} Call back if worse.",
    "Consent: risks of {proc} discussed, including {eo}. {w1}",
    "Patient information leaflet on {eo} given. {w1}",
    "Discharge: {eo} improving on {dr}. {w1} {w2}",
    "Series: {view} {side} {dvu} {kv}kV",
    "Overlay: {view} {side} {kv}kV {ma}mAs {dvu}",
    "anyone know if {wdl} has a spare {dvl}? {w1l}",
    "can someone chase the {tsl} on {wdl}. {w1l}",
]
# Pool surnames allowed in trap texts as ordinary words ("Dove-grey").
TRAP_WORD_NAMES = {"Dove"}
PROCS = ["flexible sigmoidoscopy", "lumbar puncture", "ascitic drain", "cardioversion",
         "bone marrow biopsy", "hip hemiarthroplasty"]
PATH_SCORES = ["Nottingham grade 2", "Ann Arbor stage IIA", "Child-Pugh B"]


def trap(rng, i):
    """A text with no identifier at all, built from a frame and trap vocabulary."""
    frame = FRAMES[i % len(FRAMES)]
    eo, eo2 = rng.sample(EPONYMS, 2)
    dr, dr2 = rng.sample(DRUGS, 2)
    w1, w2 = rng.sample(WORD_TRAPS, 2)
    dv, wd, ts = rng.choice(DEVICES), rng.choice(WARDS), rng.choice(TESTS)
    fill = dict(eo=eo, eo2=eo2, dr=dr, dr2=dr2, dv=dv, wd=wd, ts=ts, sc=rng.choice(SCORES),
                sc2=rng.choice(PATH_SCORES), pb=rng.choice(PATH_BODIES), proc=rng.choice(PROCS),
                op=rng.choice(["Kocher incision", "Bier block", "Seldinger technique"]),
                lesion=rng.choice(["a Marjolin ulcer", "Bowen's disease", "Henoch-Schönlein purpura"]),
                view=rng.choice(["AP ERECT", "L LAT", "PORTABLE", "PA"]), side=rng.choice(["L", "R"]),
                dvu=dv.split(" ")[0].upper(), kv=rng.randint(60, 120), ma=rng.randint(2, 40),
                wdl=wd.lower(), dvl=dv.split(" ")[-1], tsl=ts.lower())
    fill["w1"] = w1.format(**fill)
    fill["w2"] = w2.format(**fill)
    fill["w1l"] = fill["w1"][0].lower() + fill["w1"][1:]
    return frame.format(**fill)


# ---------------------------------------------------------------------------------------
# Generation and self-check.
# ---------------------------------------------------------------------------------------
def fail(msg):
    print(f"SELF-CHECK FAILED: {msg}", file=sys.stderr)
    sys.exit(1)


def main():
    rng = random.Random(SEED)
    people = [Person(e, rng) for e in NAMES]
    records = []
    seen_texts = set()
    i = 0
    counts = {}
    while sum(1 for r in records if r["entities"]) < 220:
        gname, g = PII_GENRES[i % len(PII_GENRES)]
        i += 1
        used = []

        def pick():
            while True:
                p = rng.choice(people)
                if all(p is not q for q in used) and all(p.sur != q.sur and p.given != q.given for q in used):
                    used.append(p)
                    return p

        b = g(rng, pick)
        text = b.text()
        if text in seen_texts:
            continue
        seen_texts.add(text)
        counts[gname] = counts.get(gname, 0) + 1
        ents = []
        for e in b.ents:
            e = dict(e)
            if e["type"] == "NHS_PLACEHOLDER":
                e["type"] = "ID"
            ents.append(e)
        records.append({"id": f"b2-{gname}-{counts[gname]:04d}", "text": text, "entities": ents,
                        "_people": b.people, "_noisy": b.noisy})
    j = 0
    while sum(1 for r in records if not r["entities"]) < 80:
        text = trap(rng, j)
        j += 1
        if text in seen_texts:
            continue
        seen_texts.add(text)
        n = sum(1 for r in records if not r["entities"]) + 1
        records.append({"id": f"b2-trap-{n:04d}", "text": text, "entities": [], "_people": {}, "_noisy": False})
    # Deterministic shuffle so genres interleave.
    rng.shuffle(records)
    check(records, people)
    with OUT.open("w", encoding="utf-8", newline="\n") as f:
        for r in records:
            ents = [{k: v for k, v in e.items() if not k.startswith("_")} for e in r["entities"]]
            f.write(json.dumps({"id": r["id"], "text": r["text"], "entities": ents}, ensure_ascii=False) + "\n")
    per_type = {}
    for r in records:
        for e in r["entities"]:
            per_type[e["type"]] = per_type.get(e["type"], 0) + 1
    with_pii = sum(1 for r in records if r["entities"])
    print(f"wrote {len(records)} texts ({with_pii} with PII, {len(records) - with_pii} without) to {OUT.name}")
    print("spans per type: " + ", ".join(f"{k} {v}" for k, v in sorted(per_type.items())))


def check(records, people):
    # No pool name or trap phrase in an earlier generator.
    earlier = "\n".join((HERE / f).read_text(encoding="utf-8") for f in EARLIER)
    words = set()
    for p in people:
        for part in re.split(r"[ ,^]+", p.full):
            if part not in ("bin", "binti", "a/l", "a/p", "El", "Te", "Ait") and len(part) > 2:
                words.add(part)
        if p.nick:
            words.add(p.nick)
    clash = [w for w in sorted(words | set(trap_terms()) | set(TOWNS) | set(ORGS))
             if re.search(r"(?<![\w])" + re.escape(w) + r"(?![\w])", earlier, re.IGNORECASE)]
    if clash:
        fail(f"occur in an earlier generator: {clash}")
    ids = set()
    for r in records:
        if r["id"] in ids:
            fail(f"duplicate id {r['id']}")
        ids.add(r["id"])
        text, ents = r["text"], r["entities"]
        prev_end = 0
        by_person = {}
        for e in ents:
            s, en = e["start"], e["end"]
            if e["type"] not in KINDS:
                fail(f"{r['id']}: bad type {e['type']}")
            if not (0 <= s < en <= len(text)) or s < prev_end:
                fail(f"{r['id']}: bad or overlapping span {s}..{en}")
            prev_end = en
            sl = text[s:en]
            if sl != e["_s"] or sl != sl.strip():
                fail(f"{r['id']}: slice {sl!r} != inserted {e['_s']!r}")
            if (e["type"] == "PERSON") != ("person" in e):
                fail(f"{r['id']}: person id on a non-PERSON span or missing")
            if "person" in e:
                p = r["_people"][e["person"]]
                by_person.setdefault(e["person"], set()).add(id(p))
                if not r["_noisy"] and sl not in p.forms():
                    fail(f"{r['id']}: {sl!r} is not a form of its person")
        for pid, objs in by_person.items():
            if len(objs) != 1:
                fail(f"{r['id']}: person id {pid} covers several people")
        if len(set(id(p) for p in r["_people"].values())) != len(r["_people"]):
            fail(f"{r['id']}: one individual with several ids")
        # No name form outside a span.
        mask = list(text)
        for e in ents:
            for k in range(e["start"], e["end"]):
                mask[k] = " "
        rest = "".join(mask)
        for p in r["_people"].values():
            for f in p.forms():
                if len(f) < 3:
                    continue
                if re.search(r"(?<![\w])" + re.escape(f) + r"(?![\w])", rest):
                    fail(f"{r['id']}: name form {f!r} outside a span")
        if not r["entities"]:
            for p in people:
                for f in (p.full, p.sur, p.dicom):
                    if len(f) >= 3 and f not in TRAP_WORD_NAMES and re.search(r"(?<![\w])" + re.escape(f) + r"(?![\w])", text):
                        fail(f"{r['id']}: trap text holds pool name {f!r}")


if __name__ == "__main__":
    main()
