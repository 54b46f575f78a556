#!/usr/bin/env python3
"""Deterministic generator for the sanitizer's BLIND corpus (blind.jsonl).

Run from the repository root:  python3 sanitizer/corpus/generate_blind.py
Output is byte-identical on every run (own seed, no clock, no environment).

Blind by construction: written without running the sanitizer on it and without reading the
sanitizer's source, so it is fitted to the system in neither direction. It is meant to be
scored once, after a round of fixes, by someone other than its author. Templates, word lists
and names share nothing by design with generate.py (dev), generate_heldout.py (heldout) and
generate_test.py (test); the self-check at the end refuses any name, and any eponym, brand,
device, score, ward, organisation or place phrase, found in those files.

Genres and their sentence shapes: outpatient clinic letters, operation notes, pathology
reports, medication reconciliation, discharge summaries, nursing flowsheet comments,
telephone-message notes, MDT meeting minutes, consent forms, pharmacy queries, DICOM-style
headers (``LAST^FIRST^MIDDLE``, ``Last, First``, surname-first ``LAST FIRST``), OCR output of
burned-in overlays with OCR noise (case errors, 0/O and 1/l confusions, dropped spaces and
diacritics, stray punctuation), image captions, and chat-style shorthand (lower-case names,
initials, nicknames). People are mentioned repeatedly and partially (surname only, first
name only, title + surname, nickname, initials) and every mention carries one ``person`` id.
About a quarter of the texts hold no identifier at all and are traps: eponymous diseases,
signs, scores and instruments, drug and device brand names, wards named after people, place
names inside scores ("Ottawa ankle rules"), sentence-initial capitals and common words that
are also names (Will, Mark, Hope, Frank, Iris, Rose, Grace, ...).

Names are real, listed by hand from public statistics:
- Poland: GUS / PESEL registry rankings of surnames and given names;
- Turkey: TÜİK (TurkStat) most common surnames and given names;
- Iran: Sabt-e Ahval (civil registration) lists of popular names, common family names;
- Nigeria: Yoruba, Igbo and Hausa given names and surnames (NPC / published name studies);
- Kenya: KNBS census-era common Kikuyu, Luo, Kalenjin and Luhya names;
- China: Ministry of Public Security household-register rankings (pinyin, surname first);
- Indonesia: common Javanese mononyms and Batak/Javanese family names (BPS / Dukcapil);
- Netherlands: CBS and Meertens Instituut surname database, SVB given-name lists;
- Sweden and Norway: SCB and SSB name statistics;
- Ireland: Irish-language forms of common names (CSO rankings, Ó/Ní/Mac/Nic forms);
- Mexico and Colombia: RENAPO / INEGI and Registraduría (double surnames);
- Hungary: KSH / BM name statistics (surname-first order);
- Czechia: Ministry of the Interior (MV ČR) name frequencies, female -ová forms;
- Pakistan: NADRA-era common given names and biradari/family names;
- Somalia: common given names with the patronymic chain (given, father, grandfather);
- Sri Lanka: Department of Census common Sinhala (incl. "ge" names) and Tamil names;
- English surnames and given names that are ordinary words (Wood, Hill, Brook, Hope, ...)
  from ONS / Census lists not used by the other generators.

Conventions of the gold spans (offsets in code points, see sanitizer/src/eval.rs):
- PERSON spans cover the name only, never a title (Dr, Mrs, Prof, pani, Hanım) and never a
  possessive 's; a DICOM ``LAST^FIRST^MIDDLE`` or ``Last, First`` value is one span;
  initials standing for a person (chat, sign-offs) are PERSON; clinicians and relatives are
  people too;
- AGE spans cover the number with its attached unit ("94 years", "7-year-old", "061Y",
  "82yo") but not a preceding "aged";
- DATE spans cover a full date in whatever format, including a time written with it;
- LOCATION spans cover a street address from number to postcode as one span, or a town /
  city / district named alone; ORG spans cover the whole name of a hospital, clinic, practice
  or employer ("Shaukat Khanum Memorial Cancer Hospital" is ORG, not PERSON);
- ID, PHONE, EMAIL, URL, SSN spans cover the value only, not its label ("NHS no.", "Tel").
Ward names after people (Nightingale, Seacole), device manufacturers, eponyms and scores
are not identifiers and are never marked.

Self-check (the script exits non-zero and writes nothing on failure): every span's slice is
exactly the string the template inserted; spans are sorted, non-empty, trimmed and do not
overlap; types are EntityKind names; PERSON spans and only they carry a `person` id, one id per
individual and one individual per id, and each mention is a form of that individual's name
(OCR-noised texts excepted); no form of a person's name occurs outside a span; no pool name
occurs outside a span in any text (a few word-names in the trap sentences excepted); ids are
unique.
"""

import json
import random
import re
import sys
import unicodedata
from pathlib import Path

SEED = 4_0417_2026
HERE = Path(__file__).resolve().parent
OUT = HERE / "blind.jsonl"
TYPES = {"PERSON", "DATE", "AGE", "ID", "PHONE", "EMAIL", "URL", "SSN", "LOCATION", "ORG"}

# ---------------------------------------------------------------------------------------
# Names, by region. Surnames are (male form, female form) where the language inflects.

REGIONS = {
    "pl": {
        "m": ["Marcin", "Jakub", "Mateusz", "Przemysław", "Sławomir", "Zbigniew", "Jarosław",
              "Leszek"],
        "f": ["Elżbieta", "Halina", "Krystyna", "Urszula", "Bożena", "Iwona", "Danuta", "Justyna"],
        "sur": [("Jankowski", "Jankowska"), ("Kwiatkowski", "Kwiatkowska"),
                ("Kaczmarek", "Kaczmarek"), ("Piotrowski", "Piotrowska"),
                ("Wieczorek", "Wieczorek"), ("Jabłoński", "Jabłońska"), ("Wróbel", "Wróbel"),
                ("Zając", "Zając"), ("Sokołowski", "Sokołowska"), ("Lis", "Lis"), ("Wilk", "Wilk"),
                ("Wojciechowski-Mazur", "Wojciechowska-Mazur")],
        "nick": {"Jakub": "Kuba", "Przemysław": "Przemek", "Elżbieta": "Ela", "Krystyna": "Krysia",
                 "Sławomir": "Sławek", "Zbigniew": "Zbyszek"},
    },
    "tr": {
        "m": ["Ahmet", "Ömer", "Ramazan", "Halil", "Süleyman", "Recep", "Cengiz", "Oğuzhan",
              "Volkan"],
        "f": ["Hacer", "Hülya", "Songül", "Dilek", "Serpil", "Tuğba", "Gamze", "Sevgi", "Kübra",
              "Sibel"],
        "sur": ["Arslan", "Doğan", "Kılıç", "Kara", "Koç", "Kurt", "Şimşek", "Korkmaz", "Karataş",
                "Güneş", "Çakır", "Bulut", "Keskin", "Yavuz"],
        "nick": {},
    },
    "ir": {
        "m": ["Mehdi", "Farhad", "Hossein", "Mohammad-Reza", "Behnam", "Siamak", "Babak", "Arash"],
        "f": ["Zahra", "Maryam", "Fatemeh", "Narges", "Azadeh", "Roya", "Niloufar", "Golnaz",
              "Mahnaz"],
        "sur": ["Jafari", "Heidari", "Sadeghi", "Mousavi", "Ghasemi", "Kazemi", "Najafi", "Shirazi",
                "Tabrizi", "Bagheri", "Soltani", "Ghorbani"],
        "nick": {},
    },
    "ng": {
        "m": ["Babatunde", "Olumide", "Adebayo", "Obinna", "Nnamdi", "Aminu", "Garba", "Danjuma",
              "Ikenna", "Kayode"],
        "f": ["Folasade", "Funmilayo", "Yetunde", "Ifeoma", "Hauwa", "Halima", "Nkechi", "Chioma",
              "Bukola", "Adunni"],
        "sur": ["Ogunleye", "Akinola", "Oyelaran", "Ogundipe", "Nwachukwu", "Anyanwu", "Okeke",
                "Eze", "Bello", "Yakubu", "Lawal", "Adesanya", "Igwe"],
        "nick": {"Funmilayo": "Funmi", "Adebayo": "Bayo", "Babatunde": "Tunde", "Folasade": "Sade"},
    },
    "ke": {
        "m": ["Kamau", "Njoroge", "Odhiambo", "Ochieng", "Kiprono", "Wafula", "Baraka"],
        "f": ["Wanjiru", "Njeri", "Wambui", "Achieng", "Atieno", "Chebet", "Nafula", "Neema",
              "Imani"],
        "sur": ["Mwangi", "Kariuki", "Otieno", "Onyango", "Kiptoo", "Wekesa", "Mutua", "Kimani",
                "Ndungu", "Cheruiyot"],
        "nick": {},
    },
    "cn": {
        "m": ["Qiang", "Lei", "Tao", "Gang", "Haoran", "Yuxuan", "Jianguo", "Zhiwei"],
        "f": ["Xiuying", "Xiulan", "Guiying", "Jing", "Xinyi", "Zihan", "Yan", "Ping"],
        "sur": ["Huang", "Zhao", "Zhou", "Xu", "Sun", "Zhu", "Guo", "Luo", "Gao", "He", "Ma"],
        "nick": {},
        "order": "eastern",
    },
    "id": {
        "m": ["Agus", "Budi", "Eko", "Hendra", "Made"],
        "f": ["Dewi", "Sri", "Rina", "Putu Ayu", "Siti"],
        "sur": ["Setiawan", "Santoso", "Hidayat", "Wibowo", "Nugroho", "Siregar", "Nasution",
                "Simanjuntak", "Hutapea", "Purnomo"],
        "mono_m": ["Sutrisno", "Suparman", "Wagiman", "Sugiarto"],
        "mono_f": ["Mulyani", "Sumiati"],
        "nick": {},
    },
    "nl": {
        "m": ["Joost", "Maarten", "Wouter", "Thijs", "Jelle", "Ruud", "Koen", "Sjoerd"],
        "f": ["Sanne", "Anouk", "Femke", "Sietske", "Geertje", "Willemijn", "Marieke", "Hanneke"],
        "sur": ["van den Berg", "de Boer", "de Groot", "de Wit", "van der Linden", "van den Heuvel",
                "Mulder", "Bos", "Vos", "Dekker", "Kok", "Prins", "Smit", "Brouwer", "Dijkstra",
                "Vermeulen", "Hoekstra", "Postma"],
        "nick": {},
    },
    "no": {
        "m": ["Lars", "Nils", "Björn", "Sven", "Håkan", "Göran", "Øystein", "Kjell", "Stig"],
        "f": ["Astrid", "Ingrid", "Sigrid", "Solveig", "Kari", "Liv", "Åsa", "Ebba", "Ragnhild"],
        "sur": ["Lundgren", "Berglund", "Bergström", "Halvorsen", "Haugen", "Bakken", "Strand",
                "Dahl", "Lie", "Moen", "Solberg", "Kristiansen"],
        "nick": {},
    },
    "ie": {
        "m": ["Pádraig", "Ciarán", "Cathal", "Dónal", "Colm", "Diarmuid", "Tadhg", "Eoghan",
              "Ruairí", "Cormac"],
        "f": ["Aoife", "Gráinne", "Sadhbh", "Áine", "Clare", "Shannon", "Kerry", "Róisín", "Máire",
              "Eimear"],
        "sur": [("Ó Néill", "Ní Néill"), ("Ó Súilleabháin", "Ní Shúilleabháin"),
                ("Ó Ceallaigh", "Ní Cheallaigh"), ("Ó Murchú", "Ní Mhurchú"),
                ("Mac Cárthaigh", "Nic Cárthaigh"), ("Breathnach", "Breathnach"),
                ("Ó Dónaill", "Ní Dhónaill"), ("Ó Raghallaigh", "Ní Raghallaigh")],
        "nick": {"Pádraig": "Paddy"},
    },
    "mx": {
        "m": ["Jhon Jairo", "Andrés Felipe", "Camilo", "Héctor", "Rigoberto", "Wilmer", "Yeison"],
        "f": ["Guadalupe", "María José", "Ximena", "Luz Marina", "Yesenia", "Leidy", "Yuliana",
              "Rosario", "Araceli", "Xiomara"],
        "sur": ["Gómez Ortiz", "Jiménez Vargas", "Ospina Restrepo", "Londoño Arango",
                "Giraldo Zuluaga", "Quintero Betancur", "Cardona Valencia", "Paz Osorio",
                "Salazar Montoya", "Castañeda Patiño", "Muñoz Agudelo"],
        "nick": {"Guadalupe": "Lupita", "Rigoberto": "Rigo"},
    },
    "hu": {
        "m": ["László", "Zoltán", "Sándor", "Gábor", "Ferenc", "Attila", "Csaba", "Tibor"],
        "f": ["Erzsébet", "Katalin", "Ilona", "Zsuzsanna", "Anikó", "Boglárka", "Dorina", "Ildikó"],
        "sur": ["Varga", "Kiss", "Molnár", "Németh", "Farkas", "Takács", "Juhász", "Mészáros",
                "Fekete", "Szilágyi", "Török", "Fehér", "Király"],
        "nick": {"Zsuzsanna": "Zsuzsi", "Erzsébet": "Erzsi"},
        "order": "eastern",
    },
    "cz": {
        "m": ["Petr", "Pavel", "Jaroslav", "Miroslav", "Zdeněk", "Marek", "Vojtěch", "Luboš"],
        "f": ["Jana", "Hana", "Lenka", "Věra", "Jitka", "Alena", "Dagmar", "Markéta"],
        "sur": [("Novotný", "Novotná"), ("Kučera", "Kučerová"), ("Pospíšil", "Pospíšilová"),
                ("Jelínek", "Jelínková"), ("Král", "Králová"), ("Růžička", "Růžičková"),
                ("Beneš", "Benešová"), ("Sedláček", "Sedláčková"), ("Doležal", "Doležalová"),
                ("Holub", "Holubová"), ("Fiala", "Fialová")],
        "nick": {},
    },
    "pk": {
        "m": ["Imran", "Bilal", "Asif", "Shahid", "Tariq", "Waqar", "Kamran"],
        "f": ["Ayesha", "Saima", "Rabia", "Farzana", "Shazia", "Mehwish", "Sadia", "Uzma"],
        "sur": ["Qureshi", "Siddiqui", "Chaudhry", "Butt", "Awan", "Abbasi", "Baig", "Bhatti",
                "Gondal", "Cheema", "Khattak"],
        "nick": {},
    },
    "so": {
        "m": ["Abdirahman", "Abdullahi", "Abdiqani", "Liban", "Guled", "Warsame", "Dahir"],
        "f": ["Hodan", "Faadumo", "Hawa", "Sahra", "Ifrah", "Ubah", "Khadra", "Nimco"],
        "fathers": ["Warsame", "Jama", "Hirsi", "Aden", "Egal", "Duale", "Abdi", "Farah", "Dahir"],
        "nick": {},
    },
    "lk": {
        "m": ["Chaminda", "Sanjeewa", "Tharindu", "Kasun", "Nuwan", "Tharshan", "Kajan",
              "Thusyanthan"],
        "f": ["Dilani", "Chathurika", "Nadeeka", "Dilrukshi", "Sachini", "Nirosha", "Kavitha",
              "Thevaki"],
        "sur": ["Wickramasinghe", "Dissanayake", "Gunawardena", "Wijesinghe", "Ratnayake",
                "Karunaratne", "Weerasinghe", "Abeysekera", "Edirisinghe", "Liyanage", "Selvarajah",
                "Thambirajah", "Arulampalam", "Kanagaratnam"],
        "ge": ["Herath Mudiyanselage", "Wickramasinghe Arachchige", "Rajapakse Pathirannehelage"],
        "nick": {},
    },
    "en": {
        "m": ["Ellis", "Sterling", "Reed", "Sky"],
        "f": ["Joy", "Meadow", "Hazel", "Willow", "Fern"],
        "sur": ["Brook", "Heath", "Dale", "Fox", "Banks", "Woods", "Fields", "Shepherd", "Sparrow",
                "Pond", "Crane", "Banks-Shepherd"],
        "nick": {},
    },
}

TITLES_M = ["Mr", "Mr", "Mr."]
TITLES_F = ["Mrs", "Ms", "Miss", "Mrs."]
STAFF_TITLES_M = ["Dr", "Dr", "Mr", "Prof", "Dr."]
STAFF_TITLES_F = ["Dr", "Dr", "Ms", "Prof.", "Sister"]


def strip_diacritics(s):
    table = {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ı": "i", "İ": "I", "đ": "d"}
    s = "".join(table.get(c, c) for c in s)
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


class Person:
    """One individual with every way of writing them."""

    def __init__(self, rng, region=None, sex=None):
        self.region = region or rng.choice(list(REGIONS))
        r = REGIONS[self.region]
        self.sex = sex or rng.choice("mf")
        self.order = r.get("order", "western")
        self.mono = False
        self.given = rng.choice(r[self.sex])
        self.middle = None
        if self.region == "so":
            fathers = [f for f in r["fathers"] if f != self.given]
            a = rng.choice(fathers)
            b = rng.choice([f for f in fathers if f != a])
            self.surname = f"{a} {b}"
            self.short = b if rng.random() < 0.3 else a
        elif self.region == "id" and rng.random() < 0.45:
            self.mono = True
            self.given = rng.choice(r["mono_" + self.sex])
            self.surname = self.given
            self.short = self.given
        elif self.region == "lk" and rng.random() < 0.3 and self.given not in (
                "Tharshan", "Kajan", "Thusyanthan", "Nirosha", "Kavitha", "Thevaki"):
            ge = rng.choice(r["ge"])
            self.surname = ge
            self.short = ge.split()[0]
        else:
            s = rng.choice(r["sur"])
            if isinstance(s, tuple):
                s = s[0] if self.sex == "m" else s[1]
            self.surname = s
            self.short = s.split()[0] if self.region == "mx" else s
        if self.region in ("pl", "cz", "nl", "no", "en") and rng.random() < 0.25:
            self.middle = rng.choice([g for g in r["m" if rng.random() < 0.5 else "f"]
                                      if g != self.given and " " not in g] or [self.given])
        self.nick = r["nick"].get(self.given)

    # forms -----------------------------------------------------------------------------
    def full(self):
        if self.mono:
            return self.given
        if self.order == "eastern":
            return f"{self.surname} {self.given}"
        if self.region == "lk" and " " in self.surname:
            return f"{self.surname} {self.given}"
        return f"{self.given} {self.surname}"

    def full_middle(self):
        if self.middle and not self.mono and self.order == "western":
            return f"{self.given} {self.middle} {self.surname}"
        return self.full()

    def western_order(self):
        """Given name first, as English letters often write Chinese/Hungarian names."""
        if self.mono:
            return self.given
        return f"{self.given} {self.short if self.region == 'lk' else self.surname}"

    def sur(self):
        return self.short

    def first(self):
        return self.given.split()[0] if self.region == "mx" and " " in self.given else self.given

    def initials(self):
        if self.mono:
            return self.given[:2].upper()
        parts = [self.given.split()[0], self.surname.replace("-", " ").split()[-1]]
        if self.region == "nl" and " " in self.surname:
            parts = [self.given, self.surname.split()[-1]]
        return "".join(strip_diacritics(p)[0].upper() for p in parts)

    def initial_sur(self):
        if self.mono:
            return self.given
        return f"{strip_diacritics(self.given)[0]}. {self.short}"

    def dicom(self):
        if self.mono:
            return self.given.upper()
        parts = [self.surname.upper().replace(" ", " "), self.given.upper()]
        if self.middle:
            parts.append(self.middle.upper())
        return "^".join(parts)

    def last_first(self):
        if self.mono:
            return self.given
        return f"{self.surname}, {self.given}"

    def title(self, rng, staff=False):
        if staff:
            return rng.choice(STAFF_TITLES_M if self.sex == "m" else STAFF_TITLES_F)
        return rng.choice(TITLES_M if self.sex == "m" else TITLES_F)

    def name_tokens(self):
        toks = set()
        for s in (self.full_middle(), self.nick or "", self.surname, self.given):
            for w in re.split(r"[\s\-^,.]+", strip_diacritics(s).lower()):
                if w:
                    toks.add(w)
                    toks.add(w[0])
        return toks


def people(rng, n, regions=None, distinct=True):
    out = []
    while len(out) < n:
        p = Person(rng, rng.choice(regions) if regions else None)
        if distinct and any(q.surname == p.surname or q.given == p.given for q in out):
            continue
        out.append(p)
    return out


FEMALE_REL = {"daughter", "wife", "niece", "sister", "mother", "granddaughter"}
MALE_REL = {"son", "husband", "nephew", "brother", "father", "grandson"}


def relative(rng, pt, rel=None, others=()):
    """A relative of `pt` (same region), of the sex the relation word implies."""
    sex = "f" if rel in FEMALE_REL else "m" if rel in MALE_REL else None
    while True:
        q = Person(rng, pt.region, sex)
        if all(q.given != o.given and q.surname != o.surname for o in (pt, *others)):
            return q


def honorific(rng, p):
    """(before, name form, after) as a patient might be addressed locally."""
    if p.region == "tr" and rng.random() < 0.7:
        return "", p.first(), " Hanım" if p.sex == "f" else " Bey"
    if p.region == "id" and rng.random() < 0.7:
        return ("Ibu " if p.sex == "f" else "Bapak "), p.sur(), ""
    if p.region == "pl" and rng.random() < 0.5:
        return ("pani " if p.sex == "f" else "pan "), p.first(), ""
    if p.region == "ke" and rng.random() < 0.5:
        return ("Mama " if p.sex == "f" else "Mzee "), p.sur(), ""
    return p.title(rng) + " ", p.sur(), ""


def ssn(rng):
    a = rng.choice([n for n in range(1, 900) if n != 666])
    return f"{a:03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"


def portal_url(rng):
    tok = "".join(rng.choice("abcdefghjkmnpqrstuvwxyz23456789") for _ in range(10))
    return rng.choice([f"https://attend.example.org/join/{tok}",
                       f"https://mijn.ziekenhuis.example.nl/p/{tok}",
                       f"http://portal.example.com/patient?id={tok}"])


# ---------------------------------------------------------------------------------------
# Other identifiers.

ORGS = ["Shaukat Khanum Memorial Cancer Hospital", "Aminu Kano Teaching Hospital",
        "Kenyatta National Hospital", "Moi Teaching and Referral Hospital",
        "Lagos University Teaching Hospital", "Semmelweis University Hospital",
        "Motol University Hospital", "Radboud University Medical Center", "Erasmus MC",
        "Akershus University Hospital", "Haukeland University Hospital",
        "Sahlgrenska University Hospital", "Beaumont Hospital",
        "Mater Misericordiae University Hospital", "St James's Hospital",
        "Our Lady of Lourdes Hospital", "Hacettepe University Hospital",
        "Cipto Mangunkusumo Hospital", "Peking Union Medical College Hospital", "Ruijin Hospital",
        "Hospital Universitario San Ignacio", "Instituto Nacional de Cancerología",
        "National Hospital Kandy", "Teaching Hospital Jaffna", "Banadir Hospital",
        "Shariati Hospital", "Masih Daneshvari Hospital", "Jinnah Hospital",
        "Lady Reading Hospital", "Royal Papworth Hospital", "John Radcliffe Hospital",
        "Aneurin Bevan University Health Board", "Nelson Mandela Academic Hospital",
        "Obafemi Awolowo University Teaching Hospitals Complex", "Sir Ganga Ram Hospital",
        "Hasan Sadikin Hospital", "Hospital Pablo Tobón Uribe", "Péterfy Sándor Street Hospital",
        "Thomayer University Hospital", "Florence Nightingale Hospice", "Guy's Hospital",
        "The Christie", "Mayo Hospital", "Chris Hani Baragwanath Hospital"]
CLINICS = ["Brookfield Medical Practice", "Elm Tree Surgery", "Kingsway Health Centre",
           "Riverbank Family Practice", "Huisartsenpraktijk De Linde", "Przychodnia Zdrowie",
           "Vårdcentralen Gårdsten", "Clínica Las Américas", "Westgate Dialysis Unit",
           "Parkview Fertility Clinic", "Harbourside Physiotherapy"]
EMPLOYERS = ["Albert Heijn", "Heineken", "Safaricom", "Turkish Airlines", "Equinor", "Škoda Auto",
             "Tesco", "Bank Alfalah", "Ryanair", "Dangote Cement", "PKN Orlen"]

ADDRESSES = ["ul. Marszałkowska 104/12, 00-017 Warszawa", "Keizersgracht 221, 1016 DV Amsterdam",
             "Drottninggatan 53, 111 21 Stockholm",
             "Calle Hidalgo 45, Col. Centro, 06000 Ciudad de México",
             "Vinohradská 48, 120 00 Praha 2", "Andrássy út 60, 1062 Budapest",
             "Atatürk Cad. No:12 D:4, Kadıköy/İstanbul", "P.O. Box 4512-00100, Nairobi",
             "Flat 3, 27 Wellington Road, Leeds LS2 7QT",
             "14 Sráid an Mhargaidh, Gaillimh H91 X2Y3", "Carrera 43A # 1-50, El Poblado, Medellín",
             "Jl. Diponegoro No. 71, Jakarta Pusat 10430", "88 Galle Road, Colombo 03",
             "Storgata 12, 0155 Oslo", "House 17, Street 9, F-7/2, Islamabad",
             "41 Cowley Hill Lane, Bristol BS16 4QT", "Apartment 6, 2 Harbour Court, Cork T12 K8AF"]
TOWNS = ["Eldoret", "Kisumu", "Tabriz", "Isfahan", "Gdańsk", "Łódź", "Brno", "Ostrava", "Debrecen",
         "Pécs", "Utrecht", "Groningen", "Tromsø", "Uppsala", "Galway", "Sligo", "Ibadan", "Enugu",
         "Kano", "Hargeisa", "Jaffna", "Kandy", "Multan", "Faisalabad", "Bandung", "Surabaya",
         "Guadalajara", "Barranquilla", "Konya", "Izmir", "Chengdu", "Harbin", "Mombasa", "Nakuru"]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def rdate(rng, lo=1925, hi=2026, fmt=None):
    y, m, d = rng.randint(lo, hi), rng.randint(1, 12), rng.randint(1, 28)
    fmts = ["dmy/", "iso", "dmy.", "d Mon Y", "Month d, Y", "DD-MON-YYYY", "dicom", "mdy/",
            "dth Month Y", "d/m/yy", "dmy-", "iso time", "dmy/ time"]
    if fmt is None and hi < 2015:  # a birth date is never written with a time
        fmts = [f for f in fmts if "time" not in f]
    fmt = fmt or rng.choice(fmts)
    mon = MONTHS[m - 1]
    hh, mm = rng.randint(0, 23), rng.randint(0, 59)
    suf = "th" if 10 <= d % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")
    return {
        "dmy/": f"{d:02d}/{m:02d}/{y}", "iso": f"{y}-{m:02d}-{d:02d}",
        "dmy.": f"{d:02d}.{m:02d}.{y}", "d Mon Y": f"{d} {mon[:3]} {y}",
        "Month d, Y": f"{mon} {d}, {y}", "DD-MON-YYYY": f"{d:02d}-{mon[:3].upper()}-{y}",
        "dicom": f"{y}{m:02d}{d:02d}", "mdy/": f"{m}/{d}/{y}",
        "dth Month Y": f"{d}{suf} {mon} {y}", "d/m/yy": f"{d}/{m}/{y % 100:02d}",
        "dmy-": f"{d:02d}-{m:02d}-{y}", "iso time": f"{y}-{m:02d}-{d:02d} {hh:02d}:{mm:02d}",
        "dmy/ time": f"{d:02d}/{m:02d}/{y % 100:02d} {hh:02d}:{mm:02d}",
    }[fmt]


def nhs_number(rng):
    while True:
        digits = [rng.randint(0, 9) for _ in range(9)]
        if digits[0] == 0:
            continue
        total = sum(d * w for d, w in zip(digits, range(10, 1, -1)))
        check = 11 - total % 11
        if check == 11:
            check = 0
        if check == 10:
            continue
        s = "".join(map(str, digits)) + str(check)
        return f"{s[:3]} {s[3:6]} {s[6:]}"


def mrn(rng):
    k = rng.randrange(7)
    if k == 0:
        return f"{rng.randint(0, 99999999):08d}"
    if k == 1:
        return f"{rng.choice('KMRTX')}{rng.randint(1000000, 9999999)}"
    if k == 2:
        return f"RX{rng.randint(10, 99)}-{rng.randint(100000, 999999)}"
    if k == 3:
        return f"{rng.randint(100, 999)} {rng.randint(1000, 9999)} {rng.randint(100, 999)}"
    if k == 4:
        return f"H{rng.randint(10000, 99999)}/{rng.randint(10, 26)}"
    if k == 5:
        return nhs_number(rng)
    return f"{rng.randint(2015, 2026)}-{rng.randint(100000, 999999)}"


def accession(rng):
    return rng.choice([f"ACC{rng.randint(10**7, 10**8 - 1)}", f"CT-{rng.randint(10**5, 10**6 - 1)}",
                       f"MR{rng.randint(20, 26)}.{rng.randint(1000, 9999)}",
                       f"S{rng.randint(20, 26)}-{rng.randint(1000, 29999)}"])


def phone(rng):
    k = rng.randrange(8)
    if k == 0:
        return f"07700 900{rng.randint(0, 999):03d}"
    if k == 1:
        return f"020 7946 0{rng.randint(0, 999):03d}"
    if k == 2:
        return f"+48 {rng.randint(500, 799)} {rng.randint(100, 999)} {rng.randint(100, 999)}"
    if k == 3:
        return f"+31 6 {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}"
    if k == 4:
        return f"+254 7{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(100, 999)}"
    if k == 5:
        return f"0{rng.randint(300, 349)}-{rng.randint(1000000, 9999999)}"
    if k == 6:
        return f"+353 (0)87 {rng.randint(100, 999)} {rng.randint(1000, 9999)}"
    return f"(0{rng.randint(21, 99)}) {rng.randint(100, 999)} {rng.randint(1000, 9999)}"


def email(rng, p):
    local = strip_diacritics(rng.choice([
        f"{p.first()}.{p.short}", f"{p.first()[0]}{p.short}", f"{p.short}{rng.randint(1, 99)}",
        f"{p.first()}_{p.short[:4]}"])).lower().replace(" ", "").replace("'", "")
    dom = rng.choice(["mail.example", "example.org", "post.example.nl", "szpital.example.pl",
                      "clinic.example", "hospital.example.ie", "inbox.example.com"])
    return f"{local}@{dom}"


def age(rng, hi=False):
    n = rng.randint(90, 104) if hi else rng.randint(1, 89)
    return n, rng.choice([f"{n} years", f"{n}-year-old", f"{n} year old", f"{n}yo", f"{n} yrs",
                          f"{n}y"])


# ---------------------------------------------------------------------------------------
# Clinical filler (no identifiers).

COMPLAINTS = ["intermittent claudication", "exertional breathlessness",
              "postprandial epigastric pain", "recurrent vasovagal syncope", "a painless neck lump",
              "haemoptysis", "nocturnal palpitations", "worsening lower back pain",
              "altered bowel habit", "a non-healing heel ulcer", "morning stiffness of both hands",
              "dysphagia to solids"]
DIAGNOSES = ["paroxysmal atrial fibrillation", "community-acquired pneumonia", "type 2 diabetes",
             "moderate aortic stenosis", "iron deficiency anaemia", "cellulitis of the left shin",
             "an infective exacerbation of COPD", "acute kidney injury stage 2",
             "a urinary tract infection", "diverticulitis", "an NSTEMI", "pulmonary embolism"]
PROCEDURES = ["laparoscopic cholecystectomy", "total knee replacement",
              "open inguinal hernia repair", "flexible cystoscopy", "carpal tunnel release",
              "excision of a sebaceous cyst", "right hemicolectomy", "dynamic hip screw fixation",
              "tonsillectomy", "ureteroscopy and stent insertion"]
DRUGS = ["apixaban 5 mg twice daily", "bisoprolol 2.5 mg once daily",
         "metformin 500 mg twice daily", "ramipril 5 mg once daily", "atorvastatin 40 mg at night",
         "sertraline 50 mg mane", "levothyroxine 75 micrograms", "furosemide 40 mg mane",
         "tamsulosin 400 micrograms", "lansoprazole 30 mg once daily",
         "co-codamol 30/500 two tablets qds prn", "alendronic acid 70 mg weekly"]
SPECIMENS = ["skin ellipse, left forearm", "gallbladder", "sigmoid colon biopsies",
             "right breast core biopsy", "prostate chips", "endometrial pipelle sample",
             "lymph node, right axilla", "duodenal biopsies x4"]


def pick(rng, xs):
    return rng.choice(xs)


# ---------------------------------------------------------------------------------------
# Document builder.

class Doc:
    """Text assembled piece by piece, recording every inserted identifier."""

    def __init__(self, rng):
        self.rng = rng
        self.parts = []
        self.pos = 0
        self.ents = []
        self.pids = {}  # id(Person) -> person id
        self.objs = {}  # person id -> Person
        self.noise = 0.0

    def t(self, s):
        s = self._noisy(s)
        self.parts.append(s)
        self.pos += len(s)
        return self

    def e(self, s, kind, p=None):
        s = self._noisy(s)
        assert s and s == s.strip(), repr(s)
        pid = None
        if kind == "PERSON":
            assert p is not None
            if id(p) not in self.pids:
                pid = "abcdefghij"[len(self.pids)]
                self.pids[id(p)] = pid
                self.objs[pid] = p
            pid = self.pids[id(p)]
        self.ents.append((self.pos, self.pos + len(s), kind, pid, s))
        self.parts.append(s)
        self.pos += len(s)
        return self

    def p(self, person, form="full"):
        return self.e(getattr(person, form)(), "PERSON", person)

    def text(self):
        return "".join(self.parts)

    def _noisy(self, s):
        if not self.noise:
            return s
        rng, out = self.rng, []
        for c in s:
            r = rng.random()
            if r < self.noise * 0.25 and c in "O0":
                out.append("0" if c == "O" else "O")
            elif r < self.noise * 0.45 and c in "Il1":
                out.append({"I": "l", "l": "1", "1": "l"}[c])
            elif r < self.noise * 0.55 and c == " " and out:
                continue
            elif r < self.noise * 0.7 and c.isalpha():
                out.append(c.swapcase())
            elif r < self.noise * 0.75 and c in "S5B8":
                out.append({"S": "5", "5": "S", "B": "8", "8": "B"}[c])
            elif r < self.noise * 0.8 and c.isalpha():
                out.append(strip_diacritics(c) or c)
            elif r < self.noise * 0.83 and c == " ":
                out.append(rng.choice([" .", " '", ", ", " |"]))
            else:
                out.append(c)
        s2 = "".join(out).strip()
        return s2 or s


# ---------------------------------------------------------------------------------------
# Genres with identifiers. Each returns a Doc.

def g_clinic_letter(rng):
    d = Doc(rng)
    pt, doc, gp = people(rng, 3)
    v = rng.randrange(7)
    if v == 5:
        n, _ = age(rng, hi=True)
        d.t("Dear Dr ").p(gp, "sur").t(",\nI saw ").p(pt, "full").t(", aged ").e(str(n), "AGE")
        d.t(f", in the falls clinic. Until retiring {'he' if pt.sex == 'm' else 'she'} worked for ")
        d.e(pick(rng, EMPLOYERS), "ORG")
        d.t(" and still lives independently in ").e(pick(rng, TOWNS), "LOCATION").t(". ")
        d.t("Lying and standing BP showed a 30 mmHg postural drop; I have reduced the ")
        d.t("tamsulosin.\n")
        d.t("With best wishes,\n").p(doc).t("\ncc: ").p(pt, "initial_sur")
        return d
    if v == 6:
        d.t("Appointment confirmation for ").p(pt, "western_order").t(": video consultation with ")
        d.t(doc.title(rng, staff=True) + " ").p(doc, "sur").t(" on ")
        d.e(rdate(rng, 2026, 2026, "Month d, Y"), "DATE")
        d.t(" at 10:40. Join here: ").e(portal_url(rng), "URL").t(" — please have your ")
        d.t(pick(rng, ["Rybelsus", "Nebilet", "Vimpat"]) + " box to hand. Queries: ")
        d.e(email(rng, doc), "EMAIL")
        return d
    if v == 0:
        d.t(pick(rng, ["Dear Dr ", "Dear Dr. "])).p(gp, "sur").t(",\n\nRe: ").p(pt, "full_middle")
        d.t(", DOB ").e(rdate(rng, 1930, 2005), "DATE").t(", Hospital No. ").e(mrn(rng), "ID")
        d.t("\n\nI reviewed "
            f"{pick(rng, ['this gentleman' if pt.sex == 'm' else 'this lady', 'your patient'])} "
            "in the "
            f"{pick(rng, ['vascular', 'respiratory', 'rheumatology', 'upper GI'])} clinic today "
            "with "
            f"{pick(rng, COMPLAINTS)}. ")
        d.t(pt.title(rng) + " ").p(pt, "sur")
        d.t(" tells me it began after "
            f"{pick(rng, ['a chest infection', 'a long-haul flight', 'a new job', 'a fall'])}. ")
        d.t("Plan: I have requested an echocardiogram and will see ")
        d.p(pt, "sur" if rng.random() < .5 else "first")
        d.t(" again in six weeks.\n\nYours sincerely,\n\n").p(doc).t("\nConsultant Physician")
    elif v == 1:
        d.t("Outpatient letter — ").e(pick(rng, ORGS), "ORG").t("\nClinic date: ")
        d.e(rdate(rng, 2020, 2026), "DATE")
        d.t("\nPatient: ").p(pt, "last_first").t(" (").e(age(rng)[1], "AGE").t(")\nAddress: ")
        d.e(pick(rng, ADDRESSES), "LOCATION").t(f"\n\nDiagnosis: {pick(rng, DIAGNOSES)}.\n")
        relw = pick(rng, ["wife" if pt.sex == "m" else "husband", "daughter", "son", "neighbour"])
        pt_his = "his" if pt.sex == "m" else "her"
        d.p(pt, "first")
        d.t(" attended with "
            f"{'a' if relw in ('daughter', 'son', 'neighbour') else pt_his} {relw}, ")
        rel = relative(rng, pt, relw, (doc, gp))
        d.p(rel).t(f". Current medication includes {pick(rng, DRUGS)}. cc: GP, ")
        d.e(pick(rng, CLINICS), "ORG")
    elif v == 2:
        d.t("Dear colleague,\nThank you for referring ").p(pt, "western_order").t(", now ")
        n, a = age(rng, hi=rng.random() < .3)
        d.e(a, "AGE").t(", whom I saw on ").e(rdate(rng, 2021, 2026, "dth Month Y"), "DATE")
        d.t(f". {pick(rng, ['On examination there was', 'I heard'])} a soft ejection systolic "
            "murmur. ")
        d.t(pt.title(rng) + " ").p(pt, "sur").t(" lives alone in ").e(pick(rng, TOWNS), "LOCATION")
        d.t(" and is independent. Echo report to follow.\nKind regards\n")
        d.t(doc.title(rng, staff=True) + " ").p(doc, "initial_sur")
    elif v == 3:
        d.t("PRIVATE AND CONFIDENTIAL\nTo: ").p(gp).t(", ").e(pick(rng, CLINICS), "ORG")
        d.t("\nRe: ").p(pt, "full").t("   NHS no. ").e(nhs_number(rng), "ID").t("\n")
        d.t("Seen in the memory clinic. Addenbrooke's Cognitive Examination 71/100, MoCA 19/30. ")
        relw = pick(rng, ["son", "daughter", "niece", "neighbour"])
        d.t("Collateral history from ").p(relative(rng, pt, relw, (doc, gp)), "first")
        d.t(f" ({relw}) on ")
        d.e(phone(rng), "PHONE")
        d.t(". Impression: mixed dementia. Donepezil started.\n").p(doc)
        d.t(", Consultant in Old Age Psychiatry")
    else:
        d.t("Dear ").p(pt, "first").t(",\nThis letter summarises our consultation on ")
        d.e(rdate(rng, 2022, 2026, "d Mon Y"), "DATE")
        d.t(". Your scan showed no sign of "
            f"{pick(rng, ['a blood clot', 'infection', 'a fracture'])}. ")
        d.t("If you have questions, email me at ").e(email(rng, doc), "EMAIL")
        d.t(" or call the secretaries on ")
        d.e(phone(rng), "PHONE").t(".\nBest wishes,\n").p(doc, "western_order")
    return d


def g_op_note(rng):
    d = Doc(rng)
    pt, surg, asst, anaes = people(rng, 4)
    v = rng.randrange(4)
    proc = pick(rng, PROCEDURES)
    if v == 0:
        d.t("OPERATION NOTE\nPatient: ").p(pt, "dicom" if rng.random() < .3 else "full")
        d.t("   MRN: ").e(mrn(rng), "ID")
        d.t("\nDate: ").e(rdate(rng, 2023, 2026, "dmy/"), "DATE").t("\nSurgeon: ")
        d.t(pick(rng, ["Mr ", "Ms ", "Prof "])).p(surg)
        d.t("\nAssistant: ").p(asst).t("\nAnaesthetist: Dr ").p(anaes, "sur")
        d.t(f"\nProcedure: {proc}\nFindings: "
            f"{pick(rng, ['as expected', 'dense adhesions, divided', 'no complications'])}.\n")
        d.t("Closure: 3-0 Monocryl subcuticular. Post-op: TED stockings, Clexane 40 mg from 18:00.")
    elif v == 1:
        d.t(f"Procedure: {proc} under GA. Operating surgeon ").p(surg, "initial_sur")
        d.t(", assisted by ").p(asst, "first")
        d.t(" (FY2). Consent checked with ").p(pt, "sur").t(" in the anaesthetic room. ")
        d.t("Pfannenstiel incision not required. Jackson-Pratt drain left in situ. Specimen to "
            "histology, request no. ")
        d.e(accession(rng), "ID").t(". ").p(surg, "sur").t(" to review on the ward round.")
    elif v == 2:
        d.t(f"{pick(rng, ['Op note', 'Brief op note'])} ")
        d.e(rdate(rng, 2024, 2026, "iso time"), "DATE")
        d.t(" — ").p(pt, "full").t(", ").e(age(rng)[1], "AGE")
        d.t(f"\nIndication: {pick(rng, DIAGNOSES)} not settling.\n")
        d.t("WHO checklist done. Surgeon: ").p(surg, "full").t(". Anaesthetic: spinal, Dr ")
        d.p(anaes, "full")
        d.t(".\nEBL 150 ml. Kirschner wires x2. Plan: Thomas splint not needed; mobilise with "
            "Zimmer frame.")
    else:
        d.t("Theatre list — ").e(pick(rng, ORGS), "ORG").t(", theatre 4\n1. ").p(pt, "last_first")
        other = Person(rng)
        d.t(f" — {proc}\n2. ").p(other, "last_first").t(f" — {pick(rng, PROCEDURES)}\nLead: ")
        d.p(surg, "initial_sur")
        d.t("; scrub: ").p(asst, "first").t("\nNote: patient 1 is on apixaban, last dose ")
        d.e(rdate(rng, 2025, 2026, "dmy/ time"), "DATE")
    return d


def g_pathology(rng):
    d = Doc(rng)
    pt, path, clin = people(rng, 3)
    v = rng.randrange(4)
    spec = pick(rng, SPECIMENS)
    if v == 0:
        d.t("HISTOPATHOLOGY REPORT\nLab no: ").e(accession(rng), "ID").t("\nName: ")
        d.p(pt, "last_first")
        d.t("   DOB: ").e(rdate(rng, 1935, 2000, "dmy."), "DATE").t("\nRequested by: ")
        d.p(clin, "initial_sur")
        d.t(f"\nSpecimen: {spec}\nMicroscopy: Reed-Sternberg cells are not seen. Psammoma bodies "
            "absent. ")
        d.t("Ziehl-Neelsen stain negative.\nReported by: ").p(path).t(", ")
        d.e(rdate(rng, 2024, 2026, "d Mon Y"), "DATE")
    elif v == 1:
        d.t(f"Specimen received {pick(rng, ['fresh', 'in formalin'])}, labelled ").p(pt, "dicom")
        finding = {"prostate chips": "Gleason score 3+4=7 (grade group 2), perineural invasion "
                                     "present",
                   "gallbladder": "chronic cholecystitis with Rokitansky-Aschoff sinuses",
                   "sigmoid colon biopsies": "moderately differentiated adenocarcinoma",
                   "duodenal biopsies x4": "villous atrophy, Marsh 3a",
                   "endometrial pipelle sample": "secretory endometrium, no atypia",
                   "right breast core biopsy": "invasive ductal carcinoma, grade 2",
                   "lymph node, right axilla": "reactive follicular hyperplasia",
                   "skin ellipse, left forearm": "basal cell carcinoma, nodular type"}[spec]
        d.t(" and ").e(mrn(rng), "ID").t(f". {spec.capitalize()}: {finding}. Discussed with ")
        d.p(clin).t(" on ").e(rdate(rng, 2025, 2026, "dmy/"), "DATE")
        d.t(". — ").p(path, "initials")
    elif v == 2:
        d.t("Cytology: ").p(pt, "full").t(" (").e(age(rng, hi=rng.random() < .4)[1], "AGE").t(")\n")
        d.t("Papanicolaou stain. Hürthle cells present, Bethesda category IV. Suggest lobectomy.\n")
        d.t("Consultant cytopathologist: ").p(path, "western_order").t(", ")
        d.e(pick(rng, ORGS), "ORG")
    else:
        d.t("ADDENDUM ").e(rdate(rng, 2025, 2026, "DD-MON-YYYY"), "DATE")
        d.t(": immunohistochemistry on ")
        d.e(accession(rng), "ID").t(" (").p(pt, "sur")
        d.t(") shows MLH1 and PMS2 loss; Lynch syndrome screening advised. ")
        d.t("Breslow thickness not applicable. ").p(clin, "full").t(" informed by phone.")
    return d


def g_medrec(rng):
    d = Doc(rng)
    pt, ph = people(rng, 2)
    rel = relative(rng, pt, None, (ph,))
    v = rng.randrange(4)
    drugs = rng.sample(DRUGS, 3)
    if v == 0:
        d.t("MEDICINES RECONCILIATION\nPatient: ").p(pt).t("  DOB ")
        d.e(rdate(rng, 1930, 1990, "dmy/"), "DATE")
        d.t("  Hosp no ").e(mrn(rng), "ID").t("\nSources: GP summary, patient's own drugs, ")
        relw = "wife" if rel.sex == "f" else "husband"
        d.t(relw + " (").p(rel, "first").t(")\n")
        for x in drugs:
            d.t(f"- {x} — continued\n")
        d.t("- Oramorph 2.5 ml prn — stopped (not taking)\nCompleted by: ").p(ph, "initial_sur")
        d.t(", pharmacist")
    elif v == 1:
        d.t("Med rec for ").p(pt, "sur").t(" bed 12: ").p(pt, "first")
        d.t(f" says {drugs[0]} was stopped by the GP at ")
        d.e(pick(rng, CLINICS), "ORG").t(" last month. Confirmed with practice on ")
        d.e(phone(rng), "PHONE")
        d.t(". Fostair 100/6 two puffs bd, Ventolin prn. Allergy: penicillin (rash). ")
        d.p(ph, "initials")
    elif v == 2:
        d.t("Drug history obtained from ").p(rel).t(" (next of kin, ").e(phone(rng), "PHONE")
        d.t("): ")
        d.t("; ".join(drugs) + ". Dosette box filled by ")
        d.e(pick(rng, ["Boots pharmacy, Kingsway", "Apteka Słoneczna", "Lloyds pharmacy Hillside"]),
            "ORG")
        d.t(". Patient ").p(pt, "full").t(" (").e(age(rng)[1], "AGE")
        d.t(") also takes Adcal-D3 and Fultium.")
    else:
        d.t("Pre-admission medicines list, ").e(rdate(rng, 2025, 2026, "iso"), "DATE").t("\n")
        d.p(pt, "dicom")
        d.t(" / ").e(mrn(rng), "ID").t("\n")
        for x in drugs:
            d.t(f"{x}\n")
        d.t("Eliquis to be withheld 48 h pre-op per ").p(ph, "full").t(" (anticoag pharmacist).")
    return d


def g_discharge(rng):
    d = Doc(rng)
    pt, cons, gp = people(rng, 3)
    v = rng.randrange(5)
    dx = pick(rng, DIAGNOSES)
    if v == 4:
        d.t("Travel insurance report. Insured: ").p(pt, "last_first").t(", SSN ").e(ssn(rng), "SSN")
        d.t(", home address ").e(pick(rng, ["2210 Elm Creek Drive, Tulsa, OK 74105",
                                           "86 Garfield Avenue, Apt 4B, Jersey City, NJ 07305",
                                           "1407 Pecan Street, San Marcos, TX 78666"]), "LOCATION")
        d.t(f".\nAdmitted {pick(rng, ['via the emergency department', 'from the airport'])} with "
            f"{dx} on ")
        d.e(rdate(rng, 2026, 2026, "mdy/"), "DATE").t(". Fit to fly from ")
        d.e(rdate(rng, 2026, 2026, "mdy/"), "DATE")
        d.t(". Treating physician: ").p(cons).t(", ").e(pick(rng, ORGS), "ORG")
        return d
    if v == 0:
        d.t("DISCHARGE SUMMARY\n").e(pick(rng, ORGS), "ORG").t("\nName: ").p(pt, "full_middle")
        d.t("\nNHS Number: ")
        d.e(nhs_number(rng), "ID").t("\nAdmitted: ").e(rdate(rng, 2025, 2026, "dmy/"), "DATE")
        d.t("  Discharged: ")
        d.e(rdate(rng, 2025, 2026, "dmy/"), "DATE").t("\nConsultant: ").p(cons, "initial_sur")
        d.t(f"\nDiagnosis: {dx}\n")
        d.t("Summary: ").p(pt, "first")
        d.t(" was treated with IV Tazocin then oral co-amoxiclav. CURB-65 score 2. ")
        d.t("Follow-up: GP (").p(gp).t(") to repeat U&E in one week.")
    elif v == 1:
        d.t(f"Discharged home on {pick(rng, ['day 3', 'day 5', 'day 9'])}. ").p(pt, "full").t(", ")
        d.e(age(rng, hi=rng.random() < .35)[1], "AGE").t(f", admitted with {dx}. ")
        d.t("Lives at ").e(pick(rng, ADDRESSES), "LOCATION").t(" with ")
        d.p(relative(rng, pt, None, (cons, gp))).t(" (carer). ")
        d.t("District nurses to dress wound. TTOs: Clexane, Movicol.")
    elif v == 2:
        d.t("Summary for GP — ").p(gp, "full").t(", ").e(pick(rng, CLINICS), "ORG").t("\nPatient: ")
        d.p(pt, "last_first").t(", DOB ").e(rdate(rng, 1940, 2000, "Month d, Y"), "DATE")
        d.t(f"\nIssues: 1) {dx}; 2) delirium, resolved.\nActions for GP: review ")
        d.t("bisoprolol dose; ")
        d.t("please refer ").p(pt, "sur").t(" to falls clinic.\nDischarging doctor: ")
        d.p(cons, "western_order")
        d.t(", bleep via switchboard ").e(phone(rng), "PHONE")
    else:
        d.t("Transfer letter to ").e(pick(rng, ORGS), "ORG").t("\n").p(pt).t(" (").e(mrn(rng), "ID")
        d.t(") is a ")
        d.e(age(rng)[1], "AGE").t(" patient from ").e(pick(rng, TOWNS), "LOCATION")
        d.t(f" with {dx}. ")
        d.t("Accepting: ").p(cons).t(". Family contact: ").e(email(rng, pt), "EMAIL")
    return d


def g_nursing(rng):
    d = Doc(rng)
    pt, rn1, rn2 = people(rng, 3)
    v = rng.randrange(4)
    if v == 0:
        d.t("06:00 Obs stable, NEWS2 1. ").p(pt, "first")
        d.t(" slept well, pressure areas intact (Waterlow 14). ")
        d.t("Family visited: ").p(relative(rng, pt, None, (rn1, rn2)), "first").t(". — ")
        d.p(rn1, "initials")
    elif v == 1:
        d.t(f"{rng.randint(10, 23):02d}:{rng.choice(['00', '15', '30', '45'])} Pt ").p(pt, "sur")
        d.t(" c/o pain 6/10, oxycodone 5 mg given. ")
        d.t("Reassessed 1 h: 2/10. Handed over to ").p(rn2, "first").t(" (night RN).")
    elif v == 2:
        d.t("Flowsheet comment ").e(rdate(rng, 2025, 2026, "dmy/ time"), "DATE")
        d.t(": fluid balance +850 ml. ")
        d.t(pt.title(rng) + " ").p(pt, "sur").t(" refusing Fortisip; dietitian (").p(rn1)
        d.t(") aware. ")
        d.t("Bristol stool chart type 6 x2. Stool sample sent.")
    else:
        d.t("Falls risk: high (Morse 55). ").p(pt, "full")
        d.t(" found sitting on floor by bed at 03:10, ")
        d.t("no head strike. Dr ").p(rn2, "sur")
        d.t(" reviewed, neuro obs 4 hourly. Datix completed by ").p(rn1, "full")
        d.t(". Son ").p(relative(rng, pt, "son", (rn1, rn2)), "first").t(" informed on ")
        d.e(phone(rng), "PHONE")
    return d


def g_phone(rng):
    d = Doc(rng)
    caller, pt, dr = people(rng, 3)
    v = rng.randrange(4)
    if rng.random() < 0.3:
        d.t("Voicemail from ").p(caller, "full").t(" (").e(phone(rng), "PHONE")
        d.t("): cannot open the link ")
        d.e(portal_url(rng), "URL").t(" for ").p(pt, "first")
        d.t("'s video appointment. Resent by text.")
        return d
    if v == 0:
        d.t("TELEPHONE MESSAGE\nFor: Dr ").p(dr, "sur").t("\nFrom: ").p(caller)
        rels = ["daughter", "wife", "partner"] if caller.sex == "f" else ["son", "husband"]
        d.t(f" ({pick(rng, rels)} of ")
        d.p(pt).t(")\nNumber: ").e(phone(rng), "PHONE").t("\nMessage: asks whether ").p(pt, "first")
        d.t(" can restart Xarelto after the dental extraction. Please call back after 2pm.\nTaken "
            "by: ").p(relative(rng, dr, None, (caller, pt)), "first")
    elif v == 1:
        d.t("Tel call ").e(rdate(rng, 2025, 2026, "dmy/ time"), "DATE").t(" — ").p(caller, "full")
        d.t(" rang re ")
        d.p(pt, "sur")
        d.t("'s results. Explained I cannot discuss without consent. Caller gave email ")
        d.e(email(rng, caller), "EMAIL").t(". ").p(dr, "initials").t(" to action.")
    elif v == 2:
        d.t("Phoned patient ").p(pt, "western_order").t(" on ").e(phone(rng), "PHONE")
        d.t(" re abnormal LFTs. No answer, voicemail left. Will try again tomorrow. Second "
            "attempt: spoke to ")
        pre, form, post = honorific(rng, pt)
        d.t(pre).e(form, "PERSON", pt).t(post + ", booked for repeat bloods at ")
        d.e(pick(rng, CLINICS), "ORG").t(".")
    else:
        d.t("Message from ").e(pick(rng, ORGS), "ORG").t(" pharmacy: ").p(pt, "last_first")
        d.t(", hospital no ")
        d.e(mrn(rng), "ID").t(", was discharged without his/her Tresiba pen. Contact ")
        d.p(caller, "first")
        d.t(" on ").e(phone(rng), "PHONE").t(" before 17:00.")
    return d


def g_mdt(rng):
    d = Doc(rng)
    a, b, chair, rad, onc = people(rng, 5)
    c = relative(rng, a, "daughter", (b, chair, rad, onc))
    v = rng.randrange(3)
    if v == 0:
        d.t("Upper GI MDT minutes — ").e(rdate(rng, 2025, 2026, "d Mon Y"), "DATE")
        d.t("\nChair: ").p(chair).t("; Radiology: Dr ").p(rad, "sur").t("; Oncology: ")
        d.p(onc, "initial_sur")
        d.t("\n1. ").p(a, "full").t(" (").e(mrn(rng), "ID")
        d.t(") — Siewert II junctional tumour, T3N1. Outcome: FLOT then Ivor Lewis. ")
        d.p(a, "sur").t(" aware.\n2. ").p(b, "full").t(" (").e(mrn(rng), "ID")
        d.t(") — Barrett's with LGD. Outcome: repeat OGD at 6 months.")
    elif v == 1:
        d.t("Lung MDT. Present: ").p(chair, "initials").t(", ").p(rad, "initials").t(", ")
        d.p(onc, "initials")
        d.t(".\nPt: ").p(a, "dicom").t(", ").e(age(rng)[1], "AGE")
        d.t(". Pancoast tumour right apex. PET avid. ")
        d.t("Fleischner criteria not applicable. Plan: EBUS. ").p(onc, "sur")
        d.t(" to see in clinic with ")
        d.p(a, "first").t("'s daughter ").p(c, "first").t(" present.")
    else:
        d.t("Breast MDT outcome\nName: ").p(a, "last_first").t("  DOB: ")
        d.e(rdate(rng, 1940, 1990, "dmy."), "DATE")
        d.t("\nNottingham prognostic index 4.4. HER2 negative. Recommend wide local excision and "
            "SLNB.\n")
        d.t("Key worker: ").p(b).t(" (CNS), ").e(phone(rng), "PHONE").t("\nSurgeon: Ms ")
        d.p(chair, "sur")
    return d


def g_consent(rng):
    d = Doc(rng)
    pt, dr, wit = people(rng, 3)
    v = rng.randrange(3)
    proc = pick(rng, PROCEDURES)
    wit = relative(rng, pt, None, (dr,))
    if v == 0:
        d.t("CONSENT FORM 1\nPatient's full name: ").p(pt, "full_middle").t("\nDate of birth: ")
        d.e(rdate(rng, 1935, 2004, "dmy/"), "DATE").t("\nProposed procedure: " + proc + "\n")
        d.t("Risks explained: bleeding, infection, VTE, damage to nearby structures.\nSigned "
            "(health professional): ")
        d.p(dr).t("  Job title: Registrar\nSigned (patient): ").p(pt, "initial_sur").t("  Date: ")
        d.e(rdate(rng, 2025, 2026, "dmy/"), "DATE")
    elif v == 1:
        d.t("I, ").p(pt, "full").t(", of ").e(pick(rng, ADDRESSES), "LOCATION")
        d.t(f", consent to {proc}. An interpreter (").p(wit).t(", ")
        d.t(LANG[pt.region] + ") was used. Witness: ").p(wit, "sur").t(". Consent taken by ")
        d.p(dr, "initials").t(".")
    else:
        d.t("Consent form 4 (adults unable to consent). Patient: ").p(pt).t(", ")
        d.e(age(rng, hi=True)[1], "AGE")
        d.t(". Best-interests discussion with ").p(wit, "full").t(" (LPA for health), ")
        d.e(phone(rng), "PHONE")
        d.t(". Procedure: PEG insertion. Decision-maker: Dr ").p(dr, "full")
    return d


def g_pharmacy(rng):
    d = Doc(rng)
    pt, dr, ph = people(rng, 3)
    v = rng.randrange(3)
    if v == 0:
        d.t("Pharmacy query to Dr ").p(dr, "sur").t(": ").p(pt, "full").t(" (").e(mrn(rng), "ID")
        d.t(") is prescribed clarithromycin with simvastatin 40 mg — interaction. Suggest "
            "withholding the statin. ")
        d.t("Please amend on EPMA. Thanks, ").p(ph, "first").t(" (ward pharmacist)")
    elif v == 1:
        d.t("Clinical check: gentamicin level ").e(rdate(rng, 2025, 2026, "dmy/ time"), "DATE")
        d.t(" was 2.4 mg/L for ")
        d.p(pt, "sur").t(", bed 7. Hartford nomogram says extend interval to 36 h. Discussed with ")
        d.p(dr, "full").t(". ")
        d.p(ph, "initials")
    else:
        d.t("From: ").e(email(rng, ph), "EMAIL").t("\nSubject: supply of Ozempic for ")
        d.p(pt, "western_order")
        d.t("\nThe community pharmacy (")
        d.e(pick(rng, ["Apteka pod Lwem", "Eczane Şifa", "Farmacia San Jorge", "Apotheek Zuid"]),
            "ORG")
        d.t(") cannot source the 1 mg pen until ").e(rdate(rng, 2026, 2026, "d Mon Y"), "DATE")
        d.t(". Can the dose be switched to Trulicity? ").p(ph, "full")
    return d


def g_dicom(rng):
    d = Doc(rng)
    pt, ref = people(rng, 2)
    v = rng.randrange(4)
    sex = "M" if pt.sex == "m" else "F"
    n, a = age(rng, hi=rng.random() < .3)
    sy, sm, sd = rng.randint(2022, 2026), rng.randint(1, 12), rng.randint(1, 28)
    by, bm, bd = sy - n - 1, rng.randint(sm, 12), rng.randint(1, 28)
    if v == 0:
        d.t("(0010,0010) PatientName: ").p(pt, "dicom").t("\n(0010,0020) PatientID: ")
        d.e(mrn(rng), "ID")
        d.t("\n(0010,0030) PatientBirthDate: ").e(f"{by}{bm:02d}{bd:02d}", "DATE")
        d.t(f"\n(0010,0040) PatientSex: {sex}\n(0010,1010) PatientAge: ").e(f"{n:03d}Y", "AGE")
        d.t("\n(0008,0080) InstitutionName: ").e(pick(rng, ORGS), "ORG")
        d.t("\n(0008,0090) ReferringPhysicianName: ")
        d.p(ref, "dicom").t("\n(0008,1090) ManufacturerModelName: Aquilion ONE")
    elif v == 1:
        d.t("Patient Name: ").p(pt, "last_first").t("\nPatient ID: ").e(mrn(rng), "ID")
        d.t("\nAccession: ").e(accession(rng), "ID")
        d.t("\nStudy Date: ").e(rdate(rng, 2022, 2026, "iso"), "DATE").t("\nInstitution: ")
        d.e(pick(rng, ORGS), "ORG")
        d.t(f"\nStation: CT02  Manufacturer: {pick(rng, ['Philips', 'Siemens', 'Canon', 'GE'])}  "
            "Body part: CHEST")
    elif v == 2:
        d.t("PN=").p(pt, "dicom").t(" | PID=").e(mrn(rng), "ID").t(f" | SEX={sex} | AGE=")
        d.e(f"{n:03d}Y", "AGE")
        d.t(" | SD=").e(f"{sy}{sm:02d}{sd:02d}", "DATE").t(" | MOD=MR | RPN=").p(ref, "dicom")
    else:
        up = f"{strip_diacritics(pt.surname).upper()} {strip_diacritics(pt.given).upper()}"
        if pt.mono:
            up = strip_diacritics(pt.given).upper()
        d.t("NAME: ").e(up, "PERSON", pt).t("   ID: ").e(mrn(rng), "ID").t("\nDOB: ")
        d.e(f"{bd:02d}-{MONTHS[bm - 1][:3].upper()}-{by}", "DATE")
        d.t(f"  {sex}  ").e(f"{n}Y", "AGE").t("\nEXAM: XR PELVIS AP   ")
        hh, mm = rng.randint(8, 19), rng.randint(0, 59)
        d.e(f"{sd:02d}/{sm:02d}/{sy % 100:02d} {hh:02d}:{mm:02d}", "DATE")
    return d


def g_ocr(rng):
    d = Doc(rng)
    pt, op = people(rng, 2)
    d.noise = rng.choice([0.04, 0.07, 0.1])
    v = rng.randrange(4)
    n, a = age(rng, hi=rng.random() < .3)
    if v == 0:
        d.e(pick(rng, ORGS).upper(), "ORG").t("\n")
        d.p(pt, "dicom").t("  ").e(f"{n:03d}Y", "AGE").t("  ").e(mrn(rng), "ID").t("\n")
        d.e(rdate(rng, 2023, 2026, "dmy/ time"), "DATE").t("  L  SUPINE")
    elif v == 1:
        d.t("Pt: ").e(pt.full().upper(), "PERSON", pt).t("  DOB ")
        d.e(rdate(rng, 1930, 2010, "dmy."), "DATE")
        d.t("\nAcc# ").e(accession(rng), "ID").t("  Op: ").e(op.initials(), "PERSON", op)
        d.t("\nUS ABDO  C5-1")
    elif v == 2:
        d.t("ID ").e(mrn(rng), "ID").t(" ").p(pt, "last_first").t(" ").e(a, "AGE").t("\n")
        d.e(rdate(rng, 2024, 2026, "iso time"), "DATE").t(" kV 120 mAs 85 R")
    else:
        d.t("[").e(pick(rng, ORGS), "ORG").t("] ").p(pt, "dicom").t(" ")
        d.e(rdate(rng, 1930, 2010, "dicom"), "DATE")
        d.t("\nEndo unit 2  Olympus CV-190  ").p(op, "initial_sur")
    return d


def g_caption(rng):
    d = Doc(rng)
    pt, dr = people(rng, 2)
    v = rng.randrange(5)
    if v == 0:
        d.t("Photo of ").p(pt)
        d.t("'s "
            f"{pick(rng, ['left foot ulcer', 'sacral pressure sore', 'wound', 'rash'])}, day 4, ")
        d.e(rdate(rng, 2025, 2026, "d Mon Y"), "DATE").t(". Taken by ").p(dr, "first").t(".")
    elif v == 1:
        d.t("Clinical photograph: ").p(pt, "full").t(" (").e(mrn(rng), "ID")
        d.t(") — Koebner phenomenon on both elbows.")
    elif v == 2:
        d.t("Image: ").p(pt, "first").t(" with ").p(dr, "full").t(" at the ")
        d.e(pick(rng, CLINICS), "ORG")
        d.t(" open day, ").e(pick(rng, TOWNS), "LOCATION").t(".")
    elif v == 3:
        d.t("Dermatoscopy, lesion 3, ").p(pt, "sur").t(", ").e(age(rng)[1], "AGE")
        d.t(". Breslow thickness pending; no Hutchinson sign.")
    else:
        d.t("Screenshot of video consultation with ").p(pt, "western_order").t(", ")
        d.e(rdate(rng, 2025, 2026, "Month d, Y"), "DATE")
        d.t(" (patient consented to photo for the notes).")
    return d


def g_chat(rng):
    d = Doc(rng)
    pt, a, b = people(rng, 3)
    v = rng.randrange(5)
    low = lambda p, f="first": getattr(p, f)().lower()  # noqa: E731
    if v == 0:
        d.t("hi ").e(low(a), "PERSON", a).t(" can u see ").e(low(pt, "sur"), "PERSON", pt)
        d.t(" in bay 3 when free? k+ 6.1 on repeat. thx ")
        d.e(b.initials(), "PERSON", b)
    elif v == 1:
        d.t("fyi ").e(pt.initials(), "PERSON", pt).t(" (bed 14) for CT tonight, ").p(a, "first")
        d.t(" has consented. ")
        d.e((pt.nick or pt.first()).lower(), "PERSON", pt)
        d.t("'s daughter asking for update, said we'd ring after 6")
    elif v == 2:
        d.t(pick(rng, ["@", ""])).p(a, "first").t(": ").p(pt, "sur")
        d.t(" bloods back, hb 78. transfuse 1 unit? ")
        d.t("\n").p(b, "first").t(": yes pls, consent form on the desk. mark the line site")
    elif v == 3:
        d.t("spoke w/ ").e(pt.nick or pt.first(), "PERSON", pt).t(" — still wants to go home to ")
        d.e(pick(rng, TOWNS), "LOCATION")
        d.t(" on fri. OT ok with it. ").e(a.initials().lower(), "PERSON", a)
    else:
        d.t("handover: ").e(pt.sur().lower(), "PERSON", pt).t(" ?PE, on tinzaparin, wells 4. ")
        d.t("rv by ").e(a.initial_sur(), "PERSON", a).t(" @ 22:00. nok ").e(phone(rng), "PHONE")
    return d


GENRES = [
    ("letter", g_clinic_letter, 18), ("opnote", g_op_note, 16), ("path", g_pathology, 16),
    ("medrec", g_medrec, 15), ("discharge", g_discharge, 17), ("nursing", g_nursing, 15),
    ("phone", g_phone, 15), ("mdt", g_mdt, 14), ("consent", g_consent, 14),
    ("pharmacy", g_pharmacy, 14), ("dicom", g_dicom, 18), ("ocr", g_ocr, 18),
    ("caption", g_caption, 15), ("chat", g_chat, 15),
]

# ---------------------------------------------------------------------------------------
# Traps: realistic texts with no identifier.

SIGNS = ["Battle's sign", "Kehr's sign", "Carnett's sign", "Boas sign", "Hoover sign",
         "Hoffmann reflex", "Durkan test", "Speed's test", "Yergason test", "Hawkins-Kennedy test",
         "Patrick's test", "Thessaly test", "Apley grind test", "Simmonds test", "Frank's sign",
         "Quincke's pulse", "Corrigan's pulse", "de Musset sign", "Traube sign", "Ewart sign",
         "Pemberton sign", "Stemmer sign", "Darier sign", "Gottron papules", "Roth spots",
         "Dalrymple sign", "von Graefe sign", "Marcus Gunn pupil", "Holmes-Adie pupil",
         "Uhthoff phenomenon", "Rinne test", "Weber test", "Unterberger test", "Schober test",
         "Wartenberg sign"]
DISEASES = ["Kikuchi disease", "Castleman disease", "Still's disease", "Felty syndrome",
            "Dressler syndrome", "Mondor disease", "Peyronie's disease", "Fournier's gangrene",
            "Ludwig's angina", "Lemierre syndrome", "Sheehan syndrome", "Kallmann syndrome",
            "Noonan syndrome", "Dravet syndrome", "Moyamoya disease", "Binswanger disease",
            "Stargardt disease", "Fuchs dystrophy", "Coats disease", "Susac syndrome",
            "Kimura disease", "Waldenström macroglobulinaemia", "Evans syndrome",
            "Glanzmann thrombasthenia", "von Willebrand disease", "Christmas disease",
            "Fanconi anaemia", "Gaucher disease", "Fabry disease", "Pompe disease",
            "Alport syndrome", "Gitelman syndrome", "Berger's disease", "Goodpasture syndrome",
            "Löfgren syndrome", "Kartagener syndrome", "Pott's disease", "Kienböck disease",
            "Sever's disease", "Scheuermann disease", "Haglund deformity", "Morton's neuroma",
            "de Quervain tenosynovitis", "Ledderhose disease", "Madelung deformity"]
FRACTURES = ["Hangman's fracture", "Holstein-Lewis fracture", "Essex-Lopresti injury",
             "Stener lesion", "Freiberg infraction", "Kienböck disease"]
PATH_FINDINGS = ["Call-Exner bodies", "Schiller-Duval bodies", "Russell bodies",
                 "Councilman bodies", "Michaelis-Gutmann bodies", "Verocay bodies",
                 "Homer Wright rosettes", "Flexner-Wintersteiner rosettes",
                 "Rokitansky-Aschoff sinuses", "Orphan Annie nuclei", "Charcot-Leyden crystals",
                 "Curschmann spirals", "Touton giant cells", "Birbeck granules",
                 "Pautrier microabscesses", "Civatte bodies", "Dutcher bodies",
                 "Weibel-Palade bodies", "Hassall's corpuscles", "Crooke's hyaline change"]
ECG = ["Wellens pattern", "de Winter T waves", "epsilon waves", "a positive Sgarbossa criterion",
       "Ashman phenomenon", "a QTc of 468 ms (Bazett)", "a QTc of 452 ms (Fridericia)"]
IMAGING = ["Chilaiditi sign", "Hampton hump", "Westermark sign", "Golden S sign", "Rigler sign"]
SCORES = ["Alvarado score 7", "Glasgow-Imrie score 3", "Balthazar grade C", "Forrest Ib",
          "Los Angeles grade B oesophagitis", "Paris 0-IIa", "Prague C2M4", "Tokyo grade II",
          "Hinchey Ib", "Clavien-Dindo grade II", "Gustilo IIIA", "Garden IV", "Schatzker II",
          "Hunt and Hess grade 2", "Fisher grade 3", "Fazekas 2", "modified Rankin 3",
          "Oswestry disability index 42%", "Beighton score 6", "Tanner stage 3", "Van Nuys index 6",
          "Fuhrman grade 2", "Masaoka stage II", "Dukes B", "Binet stage A", "Deauville 3",
          "Geneva score 4", "Padua prediction score 3", "Edmonton frailty scale 7",
          "Richmond Agitation-Sedation Scale -2", "Epworth sleepiness scale 14",
          "Oxford knee score 22", "Birmingham vasculitis activity score 9",
          "Vancouver scar scale 5", "Norton scale 12", "Lille score 0.3",
          "Maddrey discriminant function 41"]
DEVICES = ["Yankauer sucker", "Poole sucker", "Langenbeck retractor", "Deaver retractor",
           "Balfour retractor", "Gelpi retractor", "Babcock forceps", "Allis forceps",
           "Spencer Wells forceps", "DeBakey forceps", "Metzenbaum scissors", "Mayo scissors",
           "McIndoe scissors", "Gillies needle holder", "Satinsky clamp", "Fogarty catheter",
           "Magill forceps", "Gigli saw"]
LINES = ["Tenckhoff catheter", "Malecot catheter", "Coudé catheter", "Minnesota tube",
         "Montgomery T-tube", "Shiley tracheostomy tube", "Hudson mask", "Venturi mask",
         "PleurX catheter", "Aintree catheter"]
ORTHO_KIT = ["Exeter stem", "Austin Moore hemiarthroplasty", "Küntscher nail", "Herbert screw",
             "Milwaukee brace", "Aspen collar", "Miami J collar", "Sarmiento brace",
             "Bradford sling"]
WARD_KIT = ["Hoyer hoist", "Flowtron boots", "Mepilex dressing", "Aquacel dressing", "Tegaderm",
            "Steri-Strips", "Inadine", "Kaltostat", "Allevyn", "PICO dressing"]
BRANDS = ["Kyleena", "Zoely", "Marvelon", "Femodene", "Eviplera", "Genvoya", "Imnovid", "Alecensa",
          "Kisqali", "Verzenios", "Lorviqua", "Jakavi", "Aprovel", "Priadel", "Camcolit", "Rinvoq",
          "Taltz", "Olumiant", "Benepali", "Leqvio", "Lixiana", "Nebilet", "Ranexa", "Cardicor",
          "Tildiem", "Amias", "Inspra", "Natrilix", "Kerendia", "Circadin", "Vimpat", "Briviact",
          "Fycompa", "Azilect", "Xadago", "Relvar", "Trelegy", "Trimbow", "Anoro", "Braltus",
          "Nucala", "Fasenra", "Kaftrio", "Octasa", "Mezavant", "Salofalk", "Zeposia", "Entyvio",
          "Cresemba", "Noxafil", "Monuril", "Dovato", "Biktarvy", "Maviret", "Epclusa",
          "Utrogestan", "Cyclogest", "Faslodex", "Ibrance", "Tagrisso", "Xtandi", "Nubeqa",
          "Erleada", "Venclyxto", "Brukinsa", "Calquence", "Feraccru", "Monofer", "Pregaday",
          "Rybelsus", "Forxiga", "Trajenta", "Toujeo", "Abasaglar", "Fiasp", "Skyrizi", "Tremfya",
          "Repatha", "Praluent"]
WARDS = ["Nightingale ward", "Seacole ward", "Cavell unit", "Lister ward", "Fleming ward",
         "Jenner unit", "Harvey ward", "Victoria ward", "Attlee ward", "Bevan ward",
         "Sherrington ward", "Darwin unit", "Curie ward", "Shackleton ward", "Brunel ward",
         "Keats ward", "Churchill ward", "Mandela ward", "Garrett Anderson ward", "Lind ward",
         "Pankhurst ward"]
# Sentences whose first word (or a key word) is also a given name or surname.
WORD_SENTENCES = ["Will review in clinic once the MRI is back.",
                  "Mark the site before going to theatre.",
                  "Hope to step down to the ward tomorrow.",
                  "May need a repeat potassium this evening.",
                  "Frank haematuria settled after the catheter was flushed.",
                  "Rose to 38.4 overnight, cultures sent.",
                  "Grace period for the reimbursement form has passed, resubmit.",
                  "Iris and lens clear; no flare.",
                  "Rusty sputum with pleuritic pain, CXR requested.",
                  "Pat dry and apply emollient twice daily.",
                  "Bill the private provider only after prior approval.",
                  "Sterling work by the night team, thanks all.",
                  "Joy at being told she can go home today.",
                  "Dawn observations within normal limits.",
                  "Faith in the plan discussed with the family; all agree.",
                  "Art line resited, trace good.",
                  "Olive oil drops to both ears for one week before syringing.",
                  "Ginger biscuits helped the nausea.",
                  "Summer holiday plans discussed; carry a letter for the insulin pens.",
                  "Brook no delay in starting antibiotics if febrile.",
                  "Moss-like growth on the agar plate reported.",
                  "Field defect on confrontation, formal perimetry booked.",
                  "Jack up the foot of the bed.", "Ray of the fifth toe amputated; stump healthy.",
                  "Chase the echo report before discharge.",
                  "Carol service on the ward at four; patients welcome.",
                  "Penny-sized area of erythema on the sacrum.",
                  "Sandy-coloured discharge from the wound, swab sent.",
                  "Reed-thin stools reported for two weeks.",
                  "Fox-Fordyce disease considered and excluded.",
                  "Heath Robinson splint replaced with a proper backslab."]
LANG = {"pl": "Polish", "tr": "Turkish", "ir": "Farsi", "ng": "Yoruba", "ke": "Swahili",
        "cn": "Mandarin", "id": "Indonesian", "nl": "Dutch", "no": "Norwegian", "ie": "Irish",
        "mx": "Spanish", "hu": "Hungarian", "cz": "Czech", "pk": "Urdu", "so": "Somali",
        "lk": "Tamil", "en": "BSL"}


def trap(rng, genre):
    """One realistic text of the genre with no identifier in it."""
    sg, sg2 = rng.sample(SIGNS, 2)
    dz, dz2 = rng.sample(DISEASES, 2)
    sc = pick(rng, SCORES)
    br1, br2 = rng.sample(BRANDS, 2)
    w1, w2 = rng.sample(WORD_SENTENCES, 2)
    ward = pick(rng, WARDS)
    v = rng.randrange(3)
    if genre == "letter":
        if v == 0:
            return ("Dear colleague,\nThank you for asking me to see this patient with suspected "
                    f"{dz}. "
                    f"On examination {sg} was positive and {sg2} absent. {w1} I have started {br1} "
                    f"and stopped {br2}. I will see the patient again in three months.\n"
                    "Yours sincerely,\nConsultant Rheumatologist")
        if v == 1:
            return (f"Clinic letter\nDiagnosis: {dz}\nMedication: {br1}, {br2}\n"
                    f"Examination: {sg} positive. {sc}.\nPlan: {w1} Discharged back to the GP with "
                    "advice.")
        return ("Dear Doctor,\nThe nerve conduction studies confirm moderate carpal tunnel "
                "syndrome; "
                f"Durkan test and {sg} were both positive in clinic. {w1} Listed for release "
                "under local "
                f"anaesthetic; a {pick(rng, ORTHO_KIT + WARD_KIT)} is not needed afterwards.")
    if genre == "opnote":
        if v == 0:
            return ("Procedure: laparoscopic appendicectomy. Alvarado score 7 pre-op. Port sites "
                    "closed "
                    f"with Steri-Strips. Instruments: {pick(rng, DEVICES)}, {pick(rng, DEVICES)}. "
                    f"{w1}")
        if v == 1:
            return ("Op note: hemiarthroplasty with an "
                    f"{pick(rng, ['Exeter stem', 'Austin Moore hemiarthroplasty'])} "
                    f"for a Garden IV fracture. Cemented. {pick(rng, WARD_KIT)} to the wound. {w1} "
                    f"Post-op: {br1}, VTE prophylaxis for 28 days.")
        return (f"Findings: {pick(rng, FRACTURES)} confirmed under image intensifier. Fixed with a "
                f"{pick(rng, ['Herbert screw', 'Küntscher nail'])}. {sc}. {w1} {w2}")
    if genre == "path":
        if v == 0:
            return (f"Microscopy: sections show {pick(rng, PATH_FINDINGS)}. Features would fit "
                    f"{dz}. "
                    f"Congo red negative. {w1}")
        if v == 1:
            return (f"Comment: the lesion contains {pick(rng, PATH_FINDINGS)} and "
                    f"{pick(rng, PATH_FINDINGS)}. {sc}. Margins clear by 4 mm. Suggest review at "
                    "the "
                    "sarcoma MDT.")
        return (f"Bone marrow trephine: {pick(rng, PATH_FINDINGS)} present; {dz} is a "
                "differential. "
                f"Binet stage A on the clinical details. {w1}")
    if genre == "medrec":
        if v == 0:
            return (f"Medicines reconciliation complete. {br1} one tablet daily, {br2} as "
                    "directed. "
                    f"Patient's own {pick(rng, LINES + WARD_KIT)} noted. {w1} No known drug "
                    "allergies.")
        if v == 1:
            return (f"Drug history: {br1} (held since admission), {br2} (continued), Pregaday "
                    "once daily. "
                    f"{w1} Allergies: none known. Source: GP record and patient's own supply.")
        return (f"Med rec discrepancy: {br1} on the GP list but not on the chart. {w1} "
                f"Patient confirms taking it for {dz}. Prescriber informed.")
    if genre == "discharge":
        if v == 0:
            return (f"Discharge summary: admitted to {ward} with {dz}. {sc}. {w1} {w2} "
                    f"TTOs: {br1}, {br2}. Known {dz2}: clinic follow-up.")
        if v == 1:
            return (f"Diagnosis on discharge: {dz}.\nProcedures: none.\nInvestigations: ECG showed "
                    f"{pick(rng, ECG)}; CXR showed {pick(rng, IMAGING)}.\nChanges to medication: "
                    f"{br1} started.\n{w1}")
        return (f"Discharged from {ward} after {pick(rng, ['three', 'five', 'eleven'])} days. "
                f"{sc}. {w1} Community team to review the {pick(rng, LINES)}.")
    if genre == "nursing":
        if v == 0:
            return f"{ward}, bed 6. {w1} {pick(rng, LINES)} secured. {sc}. {w2}"
        if v == 1:
            return (f"Night: settled. {pick(rng, WARD_KIT)} intact, "
                    f"{pick(rng, ['Flowtron boots', 'Hoyer hoist'])} "
                    f"in use. {w1} Norton scale 12.")
        return f"Patient moved to {ward} at 14:00. {w1} {w2}"
    if genre == "phone":
        if v == 0:
            return (f"Telephone message: GP surgery asks whether {br1} can be given with {br2}. "
                    f"{w1} Advised to check the BNF and call the on-call pharmacist via "
                    "switchboard.")
        if v == 1:
            return (f"Call from {ward}: {pick(rng, LINES)} dislodged. {w1} "
                    "Advised to cover with a dressing and bleep the on-call registrar.")
        return (f"Phone call from the patient's daughter; she asked about {dz}. "
                f"{w1} Consent to share information is documented on the front sheet.")
    if genre == "mdt":
        if v == 0:
            nxt = pick(rng, ["PET-CT", "EUS", "MRI pelvis"])
            return f"MDT outcome: {dz}; {sc}. {w1} Rediscuss after {nxt}."
        if v == 1:
            return ("Neuro MDT: imaging shows "
                    f"{pick(rng, ['Fazekas 2', 'Fisher grade 3', 'Hunt and Hess grade 2'])} "
                    f"changes; differential {dz} vs {dz2}. {w1}")
        return (f"Lymphoma MDT: {pick(rng, PATH_FINDINGS)} on the node biopsy; Deauville 3 on "
                "interim PET. "
                f"{w1} Continue current regimen.")
    if genre == "consent":
        if v == 0:
            return (f"Consent discussion: fixation of a {pick(rng, FRACTURES)}. Risks: infection, "
                    "nerve "
                    f"injury, failure of fixation, need for a {pick(rng, ORTHO_KIT)}. {w1}")
        if v == 1:
            return (f"Consent for insertion of a {pick(rng, LINES)}. Benefits, risks and "
                    "alternatives "
                    f"explained; leaflet given. {w1}")
        return (f"Consent for trial of {br1}: rare risk of {dz} discussed. Patient has capacity. "
                f"{w1}")
    if genre == "pharmacy":
        if v == 0:
            return (f"Pharmacy query: {br1} and {br2} together prolong the QT interval. "
                    f"Suggest ECG before the next dose. {w1}")
        if v == 1:
            return (f"Non-formulary request: {br1}. Formulary alternative {br2} suggested; "
                    f"{w1}")
        return (f"Supply issue: {br1} out of stock nationally. {br2} may be used instead for "
                f"{dz}. {w1}")
    if genre == "dicom":
        if v == 0:
            return (f"(0008,0060) Modality: MR\n(0008,0070) Manufacturer: "
                    f"{pick(rng, ['Siemens Healthineers', 'GE Healthcare', 'Canon', 'Philips'])}\n"
                    "(0018,0015) BodyPartExamined: "
                    f"{pick(rng, ['KNEE', 'BRAIN', 'LSPINE', 'ABDOMEN'])}\n"
                    "(0008,103E) SeriesDescription: T2 FS AX")
        if v == 1:
            return ("Modality: CT | Protocol: "
                    f"{pick(rng, ['CTPA', 'CT KUB', 'CT head non-contrast'])} | "
                    f"kVp 120 | Slice 1.25 mm | Kernel: {pick(rng, ['B30f', 'Br40', 'STANDARD'])}")
        return ("(0008,1030) StudyDescription: XR CHEST PA\n(0018,1164) ImagerPixelSpacing: "
                "0.148\\0.148\n"
                "(0028,0004) PhotometricInterpretation: MONOCHROME2")
    if genre == "ocr":
        if v == 0:
            return (f"{pick(rng, ['L', 'R'])} LAT  SUPINE  kV 70  mAs 6.3\n"
                    "STANDING  WE1GHT BEARING  GRlD")
        if v == 1:
            return (f"P0RTABLE  AP  ERECT\nSEMI-ERECT 45°  {pick(rng, ['L', 'R'])}  "
                    "Mark: lead marker")
        return (f"TRANSVERSE  RT KIDNEY\nDepth 16cm  Gain 52  {pick(rng, ['C5-1', 'C1-6'])}  "
                "Grace: n/a")
    if genre == "caption":
        if v == 0:
            part = pick(rng, ["hand", "forearm", "nail folds", "eyelids"])
            sign = pick(rng, ["Gottron papules", "Roth spots", "Darier sign", "Stemmer sign"])
            return f"Photo of the {part} showing {sign}. {w1}"
        if v == 1:
            return f"Clinical photograph: {dz}, before starting {br1}."
        return f"Image of the {pick(rng, ORTHO_KIT)} on the ward after fitting; {w1.lower()}"
    # chat
    if v == 0:
        line = pick(rng, LINES).lower()
        return f"anyone free to help on {ward.lower()}? {line} needs resiting. {w1.lower()}"
    if v == 1:
        return f"{w1.lower()} also {br1.lower()} not on the chart, can someone prescribe? ta"
    return f"bed 4 {sg.lower()} +ve, ?{dz.lower()}. {w2}"


# ---------------------------------------------------------------------------------------
# Assembly and self-check.

def build():
    rng = random.Random(SEED)
    rows = []
    for genre, fn, n in GENRES:
        for i in range(n):
            d = fn(rng)
            rows.append((f"bl-{genre}-{i:04d}", d))
    trap_genres = [g for g, _, _ in GENRES]
    for i in range(80):
        genre = trap_genres[i % len(trap_genres)]
        rows.append((f"bl-{genre}-clean-{i:04d}", trap(rng, genre)))
    rng.shuffle(rows)
    return rows


def foreign_names():
    """Every capitalised word of the other generators and names.json, lower-cased."""
    words = set()
    for f in ("generate.py", "generate_heldout.py", "generate_test.py", "names.json"):
        p = HERE / f
        if p.exists():
            txt = p.read_text(encoding="utf-8")
            words |= {w.lower() for w in re.findall(r"[^\W\d_][\w'’-]*", txt)}
    return words


def fail(msg):
    sys.stderr.write(f"generate_blind.py: SELF-CHECK FAILED: {msg}\n")
    sys.exit(1)


def main():
    rows = build()
    out = []
    all_people = []
    for rid, d in rows:
        if isinstance(d, str):
            out.append({"id": rid, "text": d, "entities": []})
            continue
        text = d.text()
        ents = sorted(d.ents)
        last = 0
        for s, e, kind, pid, val in ents:
            if text[s:e] != val:
                fail(f"{rid}: span {s}-{e} is {text[s:e]!r}, inserted {val!r}")
            if s < last:
                fail(f"{rid}: overlapping span at {s}")
            if e <= s or val != val.strip():
                fail(f"{rid}: empty or untrimmed span {val!r}")
            if kind not in TYPES:
                fail(f"{rid}: unknown type {kind}")
            if (kind == "PERSON") != (pid is not None):
                fail(f"{rid}: person id on {kind}")
            last = e
        for pid, p in d.objs.items():
            toks = p.name_tokens()
            for s, e, kind, q, val in ents:
                if q != pid:
                    continue
                words = [w for w in re.split(r"[\s\-^,.]+", strip_diacritics(val).lower()) if w]
                bare = val.replace(".", "").replace(" ", "").upper()
                ok = all(w in toks for w in words) or bare == p.initials()
                if d.noise:
                    ok = True  # OCR noise may change letters; the slice check still holds
                if not ok:
                    fail(f"{rid}: mention {val!r} is not a form of person {pid}")
            # every later appearance of the person's surname must be inside a span
            forms = {p.short, p.surname, p.first(), p.given} | ({p.nick} if p.nick else set())
            pats = [re.compile(rf"(?<!\w){re.escape(f)}(?!\w)") for f in sorted(forms)]
            hits = (m for pat in pats for m in pat.finditer(text))
            for m in hits:
                if not any(s <= m.start() and m.end() <= e for s, e, *_ in ents):
                    fail(f"{rid}: unmarked mention of person {pid} at {m.start()}")
            all_people.append(p)
        out.append({"id": rid, "text": text, "entities": [
            dict({"start": s, "end": e, "type": k}, **({"person": q} if q else {}))
            for s, e, k, q, _ in ents]})
    # names share nothing with the other generators
    foreign = foreign_names()
    own = set()
    for r in REGIONS.values():
        for key in ("m", "f", "mono_m", "mono_f", "fathers", "ge"):
            for n in list(r.get(key, [])) + (list(r["nick"].values()) if key == "m" else []):
                own |= {w.lower() for w in n.replace("-", " ").split()}
        for s in r.get("sur", []):
            for n in (s if isinstance(s, tuple) else (s,)):
                own |= {w.lower() for w in n.replace("-", " ").split()}
    theirs = "".join((HERE / f).read_text(encoding="utf-8").lower()
                     for f in ("generate.py", "generate_heldout.py", "generate_test.py")
                     if (HERE / f).exists())
    vocab = (SIGNS + DISEASES + FRACTURES + PATH_FINDINGS + ECG + IMAGING + SCORES + DEVICES + LINES
             + ORTHO_KIT + WARD_KIT + BRANDS + WARDS + ORGS + CLINICS + EMPLOYERS + TOWNS
             + ADDRESSES)
    shared = [w for w in vocab if w.lower() in theirs]
    if shared:
        fail(f"vocabulary shared with other generators: {shared}")
    particles = {"van", "den", "de", "der", "ó", "ní", "mac", "nic"}
    own_cased = set()
    for r in REGIONS.values():
        for key in ("m", "f", "mono_m", "mono_f", "fathers", "ge", "sur"):
            for n in r.get(key, []):
                for x in (n if isinstance(n, tuple) else (n,)):
                    own_cased |= set(x.replace("-", " ").split())
        own_cased |= set(r["nick"].values())
    clash = sorted((own - particles) & foreign)
    if clash:
        fail(f"names shared with other generators: {clash}")
    # outside the gold spans no text holds a name from the pools (trap words excepted: they are
    # the point of WORD_SENTENCES)
    trap_words = {"sterling", "joy", "brook", "reed", "fox", "heath"}
    for o in out:
        t = list(o["text"])
        for e in o["entities"]:
            t[e["start"]:e["end"]] = " " * (e["end"] - e["start"])
        for w in re.findall(r"[^\W\d_]+", "".join(t)):
            cased = w in own_cased or (w.isupper() and w.lower() in own)
            if cased and w.lower() not in trap_words | particles:
                fail(f"{o['id']}: unmarked pool name {w!r}")
    ids = [o["id"] for o in out]
    if len(set(ids)) != len(ids):
        fail("duplicate ids")
    with OUT.open("w", encoding="utf-8", newline="\n") as f:
        for o in out:
            f.write(json.dumps(o, ensure_ascii=False) + "\n")
    counts = {}
    for o in out:
        for e in o["entities"]:
            counts[e["type"]] = counts.get(e["type"], 0) + 1
    with_pii = sum(1 for o in out if o["entities"])
    print(f"{len(out)} texts ({with_pii} with identifiers, {len(out) - with_pii} without) -> "
          f"{OUT.name}")
    print("spans: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))


if __name__ == "__main__":
    main()
