#!/usr/bin/env python3
"""Deterministic generator for the sanitizer's fifth BLIND corpus (blind5.jsonl), the
eighth corpus overall.

Run from the repository root:  python3 sanitizer/corpus/generate_blind5.py
Output is byte-identical on every run (own seed, no clock, no environment).

Blind by construction: written without running the sanitizer on it and without reading the
sanitizer's source, so it is fitted to the system in neither direction. It is meant to be
scored ONCE, after the current round of fixes, by someone other than its author. Templates,
word lists and names share nothing by design with generate.py (dev), generate_heldout.py
(heldout), generate_test.py (test) and generate_blind.py .. generate_blind4.py (blind ..
blind4); the self-check at the end refuses any pool name part, nickname, trap term,
organisation key word or place found (as a whole word, case-insensitive) in those files or
in names.json. Only name particles (al, ben, á, í, n') and one-letter tokens are exempt.

Genres and their sentence shapes (about 300 texts, ~220 with identifiers, ~80 without):
radiology reports compared with priors, ophthalmology and dermatology clinic notes, hospice
and palliative notes, genetic-counselling pedigree summaries (many relatives, each a person),
forensic / medico-legal reports, occupational-health and school-nurse notes, sports-medicine
notes, clinical-trial adverse-event forms, FHIR JSON Patient resources (name.given /
name.family), HL7 v2 ORU^R01 results (PID with FAMILY^GIVEN^MIDDLE, OBR/OBX), OCR of
handwritten notes and ward whiteboards (names in grid cells, abbreviations), EHR screens
flattened to text, pharmacy dispensing labels, inter-hospital transfer letters, dictation
transcripts with speaker labels, vision-model captions of clinical photos that mention a
visible name badge or label, ED triage and ambulance handovers, home-visit nursing, physio /
OT notes, dental charts, obstetric and neonatal notes, psychiatric assessments, referral
e-mails with signatures and quoted replies, SMS appointment reminders, specimen labels,
wristband OCR with OCR noise (case errors, 0/O and 1/l confusions, dropped spaces, stray
punctuation), death-certificate extracts, insurance claim letters, research-consent forms,
Spanish / Portuguese / Italian / German notes, tables flattened to text ("Name | DOB |
Ward"), DICOM headers (``LAST^FIRST^MIDDLE``, ``Last, First``), chat shorthand (lower-case
names, initials, nicknames). People are mentioned repeatedly and partially (surname only,
given name only, title + surname, initials) and every mention carries one ``person`` id.
Surnames include double (Paraguayan, Kichwa, Nahua), hyphenated (British double-barrelled
word-names), particle forms (Faroese "á Steig", "í Jákupsstovu", Yemeni "Al-", Tunisian
"Ben"), names with diacritics (Maltese Ġ/Ċ/Ż, Sámi, Faroese ð, Burkinabè é), names without a
surname (Bhutanese two-part names, Maldivian names) and names that are ordinary English
words (Bright, Love, Peace, Swift, Drake, Judge, Kettle, Barley, Otter, ...). The texts
without identifiers are traps: eponymous signs, diseases, scales and manoeuvres not used by
any earlier corpus (Eales, Purtscher, Vossius, Schamberg, Kyrle, Majocchi, Riga-Fede,
Carabelli, Kleiger, Gaenslen, Tardieu, Zavanelli, Couvelaire, Khorana, Cognard, ...),
eponyms that are also surnames (Sweet syndrome, Becker naevus, Sutton naevus), drug and
device brand names (Sevredol, Buccolam, Xeplion, Biodentine, Ozurdex, ...), units named
after people, hospitals named after people, sentence-initial capitals and common words that
are also names (will, mark, hope, bill, grace, rose, may, june, iris) and the word-names of
this corpus used as ordinary words ("Bright red loss", "Swift recovery").

Names are real, listed by hand from public statistics of regions no earlier corpus drew on:
- Kurdistan Region of Iraq: common Sorani / Badini given names and tribal family names
  (KRSO figures and published name studies);
- Azerbaijan: State Statistical Committee most common given names and -ov / -ova surnames;
- Kyrgyzstan: National Statistical Committee common given names and surnames;
- Tajikistan: common given names and -ov / -zoda surnames (Agency on Statistics);
- Turkmenistan: common given names and -yev / -yeva surnames;
- Bhutan: two-part names without a surname (NSB, civil registration lists);
- Maldives: common two-part names (National Bureau of Statistics);
- Sámi (Norway, Sweden, Finland): Sámi given names and family names (SSB / SCB counts);
- Faroe Islands: Hagstova Føroya given names and family names, with á / í / við forms;
- Malta: NSO most common surnames and given names (with Ġ, Ċ, Ż);
- Yemen (incl. Hadhrami Ba- names) and Tunisia (INS common surnames, Ben forms);
- South Sudan: Dinka and Nuer given names with the father's name as surname;
- Botswana (Tswana) and Namibia (Oshiwambo, Otjiherero): Statistics Botswana / NSA names;
- Malawi: NSO census-era common Tumbuka / Chewa surnames and given names;
- Sierra Leone (Stats SL) and Liberia (LISGIS) common names;
- Burkina Faso (Mossi: INSD) and Togo / Benin (Ewe and Fon: INSEED / INSAE) names,
  Ewe day names; Côte d'Ivoire: Baoulé day names and family names (INS);
- Paraguay (DGEEC: Spanish surnames, given-name fashions), Ecuador (Kichwa surnames of the
  Sierra, INEC), Mexico (Nahuatl surnames of Puebla / Tlaxcala, INEGI; Nahuatl given names);
- Timor-Leste: common Portuguese-Tetum names (DGE census);
- Vanuatu and Solomon Islands: common family names (VNSO / SINSO census reports);
- First Nations of northern Ontario (Oji-Cree, Cree): common family names (band lists);
- English / US names that are ordinary words (Vale, Shore, Steel, Porter, Wise, Black, Gray,
  Bright, Love, Peace, Knight, Pope, Dean, Storey, Cotton, Drake, Swift, Gosling, Otter,
  Kettle, Barley, Judge; Jade, Charity, Honor, Lily, Clementine, Marigold, Saffron, Clover,
  Carolina, Brooklyn, Merit, Loyal, Tansy) from ONS / Census 2010 / SSA lists, none used by
  the earlier generators.

Conventions of the gold spans, the same as generate_blind3.py's so that scores compare
(offsets in code points, see sanitizer/src/eval.rs):
- PERSON spans cover the name only, never a title (Dr, Mr, Mrs, Ms, Miss, Prof, DC, Dra.,
  Dott.ssa, Sig.ra, Frau, Herrn, Dasho, Kak) and never a possessive 's; a DICOM
  ``LAST^FIRST^MIDDLE`` or ``Last, First`` value is one span, and so is an HL7 ``FAMILY^GIVEN``;
  a FHIR given or family value is its own span (same person); "Baby of <mother>" marks the
  mother's name only; a surname spelled out letter by letter in a dictation is one span;
  initials standing for a person are PERSON; clinicians, relatives, interpreters and
  receptionists are people too; a name inside an e-mail address is part of the EMAIL span
  only;
- AGE spans cover the number with its attached unit ("93-year-old", "101 yrs", "097Y",
  "90 años", "92 anni", "88 anos", "92 Jahre", "8 days") but not a following "old"; a bare
  number after "Age:", after a name in an MDT list or pedigree ("Proband: ..., 34") or in
  "died at 63" / "breast cancer at 38" is the whole span;
- DATE spans cover a full date in whatever format, including a time written with it;
  HL7 and DICOM dates and timestamps (19490709, 20240810035812) are DATEs, and so is a year
  of death given alone in a pedigree;
- LOCATION spans cover a street address from number to postcode as one span, or a town /
  city / settlement named alone; ORG spans cover the whole name of a hospital, clinic,
  practice, insurer, school or employer ("Jigme Dorji Wangchuck National Referral Hospital",
  "Kamuzu Central Hospital", "Hôpital Charles Nicolle" are ORG, not PERSON);
- ID, PHONE, EMAIL, URL, SSN spans cover the value only, not its label ("MRN", "Tel").
  SSN is used for national personal codes (US SSN, Norwegian fødselsnummer, Faroese
  p-tal, Maltese ID card, Azerbaijani FIN); hospital, NHS, claim, lab, specimen, study and
  registration numbers are ID.
Units and wards named after people or word-names ("Drake Ward", "Pope Unit", "Knight Suite"),
device manufacturers, eponyms and scores are not identifiers and are never marked.

Self-check (the script exits non-zero and writes nothing on failure): every span's slice is
exactly the string the template inserted; spans are sorted, non-empty, trimmed and do not
overlap; types are EntityKind names; PERSON spans and only they carry a `person` id, one id
per individual and one individual per id, and each mention is a form of that individual's
name (OCR-noised texts excepted); no part of a person's name occurs outside a span in that
text; no pool name part occurs outside a span in any text (the word-names declared in the
trap texts excepted); texts without identifiers hold no span and every other text names a person (300 texts: 220
with names, 80 without any identifier, the shape sanitizer/tests/corpus.rs checks for the
earlier blind corpora); ids and texts are unique; no
pool name part, trap term, organisation key word or place occurs in the earlier generators
or in names.json.
"""

import json
import random
import re
import sys
import unicodedata
from pathlib import Path

SEED = 0xB5_2026
OUT = Path("sanitizer/corpus/blind5.jsonl")
KINDS = {"PERSON", "DATE", "AGE", "ID", "PHONE", "EMAIL", "URL", "SSN", "LOCATION", "ORG"}

# ---------------------------------------------------------------------------------------
# Names. Each region: male given, female given, surnames (a pair = male / female form).
# ---------------------------------------------------------------------------------------
REGIONS = {
    "kurd": dict(
        m=["Rebwar", "Shvan", "Dilshad", "Karwan", "Hawre", "Sherzad", "Dler", "Soran", "Bakhtiyar"],
        f=["Shilan", "Naz", "Berivan", "Rojin", "Avin", "Nishtiman", "Chiman", "Shno", "Tavga"],
        s=["Barzani", "Talabani", "Jaff", "Hawrami", "Zebari", "Dizayee", "Mukriyani", "Baban",
           "Herki", "Surchi"],
        phone="+964 750 {a3} {b4}"),
    "azer": dict(
        m=["Elvin", "Rashad", "Tural", "Orkhan", "Elchin"],
        f=["Aysel", "Gunel", "Nigar", "Sevinj", "Ulviyya", "Aynur", "Konul"],
        s=[("Mammadov", "Mammadova"), ("Huseynov", "Huseynova"), ("Hasanov", "Hasanova"),
           ("Guliyev", "Guliyeva"), ("Ismayilov", "Ismayilova"), ("Jafarov", "Jafarova"),
           ("Babayev", "Babayeva"), ("Rzayev", "Rzayeva"), ("Abbasov", "Abbasova"), "Safarli"],
        phone="+994 50 {a3} {b2} {c2}"),
    "kyrg": dict(
        m=["Aibek", "Bakyt", "Ulan", "Temirlan", "Nurzhan"],
        f=["Aizada", "Cholpon", "Begaiym", "Gulnara"],
        s=[("Asanov", "Asanova"), ("Toktogulov", "Toktogulova"), ("Abdyldaev", "Abdyldaeva"),
           ("Sydykov", "Sydykova"), ("Mamytov", "Mamytova"), ("Osmonaliev", "Osmonalieva"),
           ("Zhumabaev", "Zhumabaeva"), ("Kadyrkulov", "Kadyrkulova")],
        phone="+996 555 {a3} {b3}"),
    "tajik": dict(
        m=["Farrukh", "Firuz", "Jamshed", "Parviz", "Bakhtiyor"],
        f=["Mehrangez", "Nigina", "Manizha", "Sitora", "Malohat", "Nodira"],
        s=[("Rahmonov", "Rahmonova"), ("Nazarov", "Nazarova"), ("Saidov", "Saidova"),
           ("Sharipov", "Sharipova"), ("Qodirov", "Qodirova"), ("Davlatov", "Davlatova"),
           "Karimzoda", "Rahimzoda", ("Mirzoev", "Mirzoeva")],
        phone="+992 93 {a3} {b4}"),
    "turkmen": dict(
        m=["Myrat", "Serdar", "Gurban", "Dovlet"],
        f=["Maral", "Jeren", "Aynabat", "Ogulnabat", "Bahar"],
        s=[("Berdiyev", "Berdiyeva"), ("Orazov", "Orazova"), ("Annayev", "Annayeva"),
           ("Durdyyev", "Durdyyeva"), ("Atayev", "Atayeva")],
        phone="+993 65 {a3} {b3}"),
    "bhutan": dict(
        m=["Karma", "Sonam", "Tshering", "Ugyen", "Kinley", "Jigme", "Namgay", "Phuntsho", "Sangay"],
        f=["Karma", "Sonam", "Tshering", "Kinley", "Dechen", "Yeshey", "Ugyen"],
        s=[("Wangchuk", "Choden"), ("Dorji", "Lhamo"), ("Norbu", "Tshomo"), ("Wangdi", "Wangmo"),
           ("Tenzin", "Pelden"), ("Dorji", "Zam"), ("Norbu", "Dema")],
        phone="+975 17 {a2} {b2} {c2}", nosur=True),
    "maldives": dict(
        m=["Hussain"],
        f=["Aishath", "Fathimath", "Aminath", "Hawwa", "Mariyam"],
        s=[("Shafeeq", "Nazeera"), ("Shareef", "Shiuna"), ("Shafeeq", "Shifana")],
        phone="+960 77{a1} {b4}", nosur=True),
    "sami": dict(
        m=["Áilu", "Ánde", "Niillas", "Ásllat", "Heaika"],
        f=["Máret", "Inga", "Elle", "Biret", "Ristin", "Sunná", "Ávvir"],
        s=["Gaup", "Somby", "Utsi", "Eira", "Balto", "Triumf", "Kuhmunen", "Labba", "Skum"],
        phone="+47 9{a1}{b2} {c2} {d3}"),
    "faroe": dict(
        m=["Jóannes", "Rókur", "Sjúrður", "Bárður", "Eyðun", "Hanus"],
        f=["Guðrið", "Turið", "Rannvá", "Sólja", "Marjun"],
        s=["Joensen", "Poulsen", "Nolsøe", "Lamhauge", "Dalsgaard", "á Steig", "í Jákupsstovu"],
        phone="+298 {a3} {b3}"),
    "malta": dict(
        m=["Ġorġ", "Ċensu", "Pawlu", "Ġużeppi"],
        f=["Marija", "Josianne", "Doris", "Rita"],
        s=["Camilleri", "Vella", "Farrugia", "Zammit", "Galea", "Micallef", "Grech", "Attard",
           "Spiteri", "Azzopardi", "Cassar", "Mifsud", "Xuereb", "Debono", "Sammut", "Agius",
           "Caruana", "Schembri", "Scicluna", "Buttigieg", "Grixti"],
        phone="+356 79{a2} {b4}"),
    "yemen": dict(
        m=["Abdulmalik", "Nabil"],
        f=["Tawakkol", "Arwa", "Bilqis"],
        s=["Bamatraf", "Bashrahil", "Al-Hakimi", "Al-Iryani", "Al-Sanabani", "Al-Maqtari",
           "Al-Aidarous"],
        phone="+967 77{a1} {b3} {c3}"),
    "tunisia": dict(
        m=["Slim", "Mongi", "Moncef", "Hédi", "Wassim"],
        f=["Olfa", "Emna", "Wafa"],
        s=["Trabelsi", "Jebali", "Gharbi", "Mejri", "Ayari", "Dridi", "Jlassi", "Mzoughi",
           "Chebbi", "Saidani", "Khemiri", "Ben Romdhane", "Sfar"],
        phone="+216 98 {a3} {b3}"),
    "ssudan": dict(
        m=["Deng", "Garang", "Majok", "Mabior", "Gatluak", "Ajak"],
        f=["Achol", "Nyandeng", "Ayen", "Abuk", "Akech", "Nyakim", "Nyaluak"],
        s=["Kuol", "Malual", "Chol", "Bol", "Mayen", "Makuei", "Thon", "Ater", "Lual"],
        phone="+211 92{a1} {b3} {c3}"),
    "botswana": dict(
        m=["Kagiso", "Tebogo", "Tshepiso", "Oratile"],
        f=["Onalenna", "Masego", "Kefilwe", "Lesego", "Goitseone", "Bontle"],
        s=["Molefe", "Mogale", "Masire", "Seretse", "Motswagae", "Kgosi", "Modise", "Gaolathe",
           "Mokgethi"],
        phone="+267 7{a1} {b3} {c3}"),
    "namibia": dict(
        m=["Penda", "Kaino"],
        f=["Ndapewa", "Ndeshipanda", "Tangeni", "Nangula"],
        s=["Amutenya", "Shikongo", "Nghidinwa", "Iipumbu", "Haufiku", "Kapofi", "Shaanika",
           "Nangolo", "Kambonde", "Uutoni", "Kavari", "Tjiriange", "Katjavivi"],
        phone="+264 81 {a3} {b4}"),
    "malawi": dict(
        m=["Kondwani", "Thokozani", "Madalitso", "Mphatso", "Limbani"],
        f=["Chikondi", "Tiyamike", "Chimwemwe", "Yamikani", "Tawonga"],
        s=["Chirwa", "Gondwe", "Mhango", "Nyirenda", "Kumwenda", "Msiska", "Kamanga",
           "Mkandawire", "Munthali"],
        phone="+265 99{a1} {b2} {c2} {d2}"),
    "sleone": dict(
        m=["Foday", "Alimamy", "Sorie"],
        f=["Fatmata", "Isatu", "Mariatu", "Kadiatu"],
        s=["Kamara", "Sesay", "Bangura", "Conteh", "Koroma", "Turay", "Kargbo", "Mansaray",
           "Fofanah", "Tarawally"],
        phone="+232 76 {a3} {b3}"),
    "liberia": dict(
        m=["Kebbeh", "Jallah", "Tokpa"],
        f=["Korto", "Musu", "Satta", "Garmai", "Yassah"],
        s=["Kollie", "Flomo", "Sumo", "Gbollie", "Zinnah", "Kpoto", "Tarpeh"],
        phone="+231 77 {a3} {b4}"),
    "burkina": dict(
        m=["Boukary", "Issouf", "Ousséni", "Wendyam"],
        f=["Rasmata", "Pascaline", "Wendkouni"],
        s=["Sawadogo", "Zongo", "Kaboré", "Compaoré", "Zoungrana", "Kiemde", "Nikiéma",
           "Tapsoba", "Ilboudo", "Kafando", "Yaméogo"],
        phone="+226 70 {a2} {b2} {c2}"),
    "ewe": dict(
        m=["Kossi", "Kodjo", "Yawo", "Komlan", "Kokou", "Mawuli", "Edem", "Elikem"],
        f=["Akossiwa", "Ablavi", "Akouvi", "Enyonam", "Sedem", "Dzifa", "Selasi"],
        s=["Hounkpatin", "Dossou", "Agossou", "Houngbédji", "Akpovi", "Zinsou", "Gbaguidi",
           "Adjovi", "Amoussou", "Agbodjan", "Amegah"],
        phone="+228 90 {a2} {b2} {c2}"),
    "ivory": dict(
        m=["Kouassi", "Konan", "Kouamé", "Kouadio", "Brou"],
        f=["Ahou", "Amenan", "Affoué", "Adjoua", "Akissi"],
        s=["Kouakou", "N'Guessan", "N'Dri", "Yapi", "Gnagne"],
        phone="+225 07 {a2} {b2} {c2} {d2}"),
    "paraguay": dict(
        m=["Derlis", "Crispín", "Ceferino", "Estanislao", "Fulgencio"],
        f=["Librada", "Sixta", "Teodolina"],
        s=["Benítez", "Giménez", "Ayala", "Cáceres", "Villalba", "Fretes", "Báez", "Cabañas",
           "Aquino", "Insfrán", "Zárate"],
        phone="+595 981 {a3} {b3}", double=True),
    "kichwa": dict(
        m=["Amaru", "Inti", "Yaku"],
        f=["Sumak", "Killa", "Tamia"],
        s=["Guamán", "Quishpe", "Chicaiza", "Tenesaca", "Pilataxi", "Chiluisa", "Toaquiza",
           "Yupangui", "Cumbal", "Anrango", "Tituaña", "Chasi"],
        phone="+593 99 {a3} {b4}", double=True),
    "nahua": dict(
        m=["Cuauhtémoc", "Tonatiuh"],
        f=["Xóchitl", "Citlali", "Yoltzin"],
        s=["Xolalpa", "Cuautle", "Tlapale", "Tepox", "Xochihua", "Coatl"],
        phone="+52 246 {a3} {b4}", double=True),
    "timor": dict(
        m=["Aniceto", "Zeferino", "Florindo", "Agapito"],
        f=["Jacinta", "Olandina", "Marcelina"],
        s=["Ximenes", "Guterres", "Lobato", "Belo", "Amaral", "Sarmento"],
        phone="+670 77{a2} {b4}"),
    "melanesia": dict(
        m=["Ralph", "Moses", "Willie", "Serge", "Joe"],
        f=["Rialuth", "Leona", "Moana"],
        s=["Kalsakau", "Natapei", "Kilman", "Vohor", "Regenvanu", "Molisa", "Salwai", "Bule",
           "Sogavare", "Manele", "Kemakeza"],
        phone="+678 77{a2} {b3}"),
    "firstnations": dict(
        m=["Clarence", "Roderick", "Elvis", "Gilbert", "Ernest"],
        f=["Delphine", "Bernice", "Leona"],
        s=["Kakegamic", "Meekis", "Fiddler", "Beardy", "Bearskin", "Mamakwa", "Kakekaspan",
           "Okimaw", "Cardinal", "Manitowabi", "Sakanee", "Kejick", "Trout", "Morriseau"],
        phone="+1 807 {a3} {b4}"),
    "english": dict(
        m=["Rex", "Sonny", "Lance", "Colt", "Loyal", "Merit", "Ransom", "Wilder", "Dusty", "Jay"],
        f=["Jade", "Charity", "Honor", "Lily", "Clementine", "Marigold", "Saffron", "Clover",
           "Carolina", "Brooklyn", "Tansy"],
        s=["Vale", "Shore", "Steel", "Porter", "Wise", "Black", "Gray", "Bright", "Love", "Peace",
           "Knight", "Pope", "Dean", "Batchelor", "Gale", "Storey", "Cotton", "Pound", "Drake",
           "Swift", "Gosling", "Otter", "Kettle", "Barley", "Judge", "Lovejoy", "Makepeace",
           "Truelove", "Brightwell", "Sparrowhawk", "Goodenough", "Sterne", "Lowe"],
        phone="07{a3} {b6}", hyphen=True),
}
# Nicknames used in chat texts: (full given, nickname).
NICKS = {"Clementine": "Clemmie", "Marigold": "Goldie", "Temirlan": "Temir", "Ġużeppi": "Żeppi",
         "Estanislao": "Tani", "Cuauhtémoc": "Temo", "Ndeshipanda": "Ndesh", "Akossiwa": "Akos"}
PARTICLES = {"al", "ben", "á", "í", "n"}

TITLES_M = ["Mr", "Dr", "Prof"]
TITLES_F = ["Mrs", "Ms", "Miss", "Dr"]


class Person:
    """One individual: given names, family name, sex, region."""

    def __init__(self, given, family, sex, region, middle=None):
        self.given = given
        self.family = family
        self.sex = sex
        self.region = region
        self.middle = middle
        self.pid = None
        self.nosur = REGIONS[region].get("nosur", False)

    def parts(self):
        out = []
        for x in [self.given, self.middle, self.family]:
            if x:
                out += [p for p in re.split(r"[\s\-']+", x) if p]
        return out

    def full(self):
        return " ".join(x for x in [self.given, self.family] if x)

    def title(self, rng):
        return rng.choice(TITLES_M if self.sex == "m" else TITLES_F)


class Pool:
    """Draws distinct people; no name part is shared by two people of one text."""

    def __init__(self, rng):
        self.rng = rng

    def draw(self, used, region=None, sex=None, middle=False):
        rng = self.rng
        for _ in range(200):
            reg = region or rng.choice(sorted(REGIONS))
            r = REGIONS[reg]
            sx = sex or rng.choice("mf")
            given = rng.choice(r[sx])
            fam = rng.choice(r["s"])
            if isinstance(fam, tuple):
                fam = fam[0] if sx == "m" else fam[1]
            if r.get("double") and rng.random() < 0.6:
                fam2 = rng.choice(r["s"])
                if fam2 != fam:
                    fam = fam + " " + fam2
            if r.get("hyphen") and rng.random() < 0.2:
                fam2 = rng.choice(r["s"])
                if fam2 != fam:
                    fam = fam + "-" + fam2
            mid = None
            if middle:
                m2 = rng.choice(r[sx])
                if m2 != given:
                    mid = m2
            p = Person(given, fam, sx, reg, mid)
            ps = {x.lower() for x in p.parts()} - PARTICLES
            if ps & used:
                continue
            used |= ps
            return p
        raise SystemExit("pool exhausted")


# ---------------------------------------------------------------------------------------
# Builder
# ---------------------------------------------------------------------------------------
class Doc:
    """Accumulates text and gold spans."""

    def __init__(self, rng, pool):
        self.rng = rng
        self.pool = pool
        self.buf = []
        self.n = 0
        self.ents = []
        self.used = set()
        self.people = []
        self.ocr = False
        self.allow = set()

    def t(self, s):
        self.buf.append(s)
        self.n += len(s)
        return self

    def e(self, s, kind, pid=None):
        self.ents.append({"start": self.n, "end": self.n + len(s), "type": kind, "person": pid,
                          "_s": s})
        return self.t(s)

    def person(self, **kw):
        p = self.pool.draw(self.used, **kw)
        p.pid = "p%d" % (len(self.people) + 1)
        self.people.append(p)
        return p

    def p(self, person, s):
        """A mention of `person` written as `s`."""
        return self.e(s, "PERSON", person.pid)

    def text(self):
        return "".join(self.buf)


# forms of a name
def f_full(p):
    return p.full()


def f_sur(p):
    return p.family


def f_giv(p):
    return p.given


def f_init(p, dots=True):
    ini = [x[0].upper() for x in re.split(r"[\s\-]+", p.full()) if x and x.lower() not in PARTICLES]
    return ".".join(ini) + "." if dots else "".join(ini)


def f_dicom(p):
    if p.nosur:
        return p.full().upper()
    fam = p.family.upper()
    out = fam + "^" + p.given.upper()
    if p.middle:
        out += "^" + p.middle.upper()
    return out


def f_comma(p):
    if p.nosur:
        return p.full()
    return p.family + ", " + p.given


def f_short(p):
    """How colleagues refer to someone: surname, or the given name for people without one."""
    return p.given if p.nosur else p.family


# ---------------------------------------------------------------------------------------
# Other identifiers
# ---------------------------------------------------------------------------------------
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
       "octubre", "noviembre", "diciembre"]
MESES_PT = ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
            "setembro", "outubro", "novembro", "dezembro"]
MESI = ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
        "settembre", "ottobre", "novembre", "dicembre"]
MONATE = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
          "Oktober", "November", "Dezember"]


def ymd(rng, y0=1926, y1=2025):
    return rng.randint(y0, y1), rng.randint(1, 12), rng.randint(1, 28)


def date(rng, lang="en", y0=2019, y1=2025, time=False):
    y, m, d = ymd(rng, y0, y1)
    if lang == "es":
        return "%d de %s de %d" % (d, MES[m - 1], y)
    if lang == "pt":
        return "%d de %s de %d" % (d, MESES_PT[m - 1], y)
    if lang == "it":
        return "%d %s %d" % (d, MESI[m - 1], y)
    if lang == "de":
        return "%d. %s %d" % (d, MONATE[m - 1], y)
    k = rng.randrange(9)
    s = ["%02d/%02d/%d" % (d, m, y), "%d-%02d-%02d" % (y, m, d),
         "%d %s %d" % (d, MONTHS[m - 1][:3], y), "%s %d, %d" % (MONTHS[m - 1], d, y),
         "%02d.%02d.%02d" % (d, m, y % 100), "%02d-%s-%d" % (d, MONTHS[m - 1][:3].upper(), y),
         "%d/%d/%02d" % (m, d, y % 100), "%d %s %d" % (d, MONTHS[m - 1], y),
         "%02d.%02d.%d" % (d, m, y)][k]
    if time:
        s += " %02d:%02d" % (rng.randint(0, 23), rng.randint(0, 59))
    return s


def fmt_date(rng, y, m, d, lang="en", k=None, time=False):
    """One date in a language's usual form (English: one of nine formats, `k` picks it)."""
    if lang == "es":
        return "%d de %s de %d" % (d, MES[m - 1], y)
    if lang == "pt":
        return "%d de %s de %d" % (d, MESES_PT[m - 1], y)
    if lang == "it":
        return "%d %s %d" % (d, MESI[m - 1], y)
    if lang == "de":
        return "%d. %s %d" % (d, MONATE[m - 1], y)
    s = ["%02d/%02d/%d" % (d, m, y), "%d-%02d-%02d" % (y, m, d),
         "%d %s %d" % (d, MONTHS[m - 1][:3], y), "%s %d, %d" % (MONTHS[m - 1], d, y),
         "%02d.%02d.%02d" % (d, m, y % 100), "%02d-%s-%d" % (d, MONTHS[m - 1][:3].upper(), y),
         "%d/%d/%02d" % (m, d, y % 100), "%d %s %d" % (d, MONTHS[m - 1], y),
         "%02d.%02d.%d" % (d, m, y)][k]
    if time:
        s += " %02d:%02d" % (rng.randint(0, 23), rng.randint(0, 59))
    return s


def dates_seq(rng, n, lang="en", max_gap=40, time=False):
    """`n` dates in increasing order, a few days or weeks apart, all in one format."""
    import datetime
    y, m, d = ymd(rng, 2019, 2024)
    cur = datetime.date(y, m, d)
    k = rng.randrange(9)
    out = []
    for _ in range(n):
        out.append(fmt_date(rng, cur.year, cur.month, cur.day, lang, k, time))
        cur += datetime.timedelta(days=rng.randint(1, max_gap))
    return out


def dob_for_age(rng, age):
    y = 2025 - age
    return fmt_date(rng, y, rng.randint(1, 12), rng.randint(1, 28), k=rng.randrange(9))


def dob(rng, lang="en"):
    return date(rng, lang, 1926, 2012)


def hl7ts(rng, y0=2024, y1=2025, secs=True):
    y, m, d = ymd(rng, y0, y1)
    s = "%d%02d%02d%02d%02d" % (y, m, d, rng.randint(0, 23), rng.randint(0, 59))
    return s + ("%02d" % rng.randint(0, 59) if secs else "")


def digits(rng, n):
    return "".join(str(rng.randrange(10)) for _ in range(n))


def nhs(rng):
    while True:
        ds = [rng.randrange(10) for _ in range(9)]
        c = 11 - sum(d * (10 - i) for i, d in enumerate(ds)) % 11
        if c == 11:
            c = 0
        if c != 10:
            s = "".join(map(str, ds)) + str(c)
            return "%s %s %s" % (s[:3], s[3:6], s[6:])


def mrn(rng):
    k = rng.randrange(6)
    return ["%s" % digits(rng, 8), "K%s" % digits(rng, 7), "%s-%s" % (digits(rng, 3), digits(rng, 5)),
            "MT%s" % digits(rng, 6), "H%s/%s" % (digits(rng, 2), digits(rng, 5)),
            "00%s" % digits(rng, 7)][k]


def phone(rng, p):
    fmt = REGIONS[p.region]["phone"]
    return re.sub(r"\{[a-d](\d)\}", lambda m: digits(rng, int(m.group(1))), fmt)


def age_old(rng):
    return rng.choice([rng.randint(18, 88), rng.randint(90, 104), rng.randint(90, 104)])


def ssn_for(rng, p, dob_s=None):
    reg = p.region
    if reg == "english":
        return "%s-%s-%s" % (digits(rng, 3), digits(rng, 2), digits(rng, 4))
    if reg == "sami":
        return digits(rng, 11)
    if reg == "faroe":
        return "%s-%s" % (digits(rng, 6), digits(rng, 3))
    if reg == "malta":
        return "%s%s" % (digits(rng, 6), rng.choice("MGAPLHBZ"))
    if reg == "azer":
        return "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(7))
    return None


def email(p, dom, rng):
    def asc(x):
        x = unicodedata.normalize("NFKD", x)
        x = "".join(c for c in x if not unicodedata.combining(c))
        x = x.replace("ð", "d").replace("ø", "o").replace("Ġ", "G").replace("ġ", "g")
        return re.sub(r"[^a-z]", "", x.lower())
    k = rng.randrange(3)
    g, f = asc(p.given), asc(p.family.split()[-1])
    return ["%s.%s@%s" % (g, f, dom), "%s%s@%s" % (g[0], f, dom), "%s.%s%d@%s" % (f, g, rng.randint(1, 99), dom)][k]


# Places (LOCATION) and organisations (ORG) by region.
PLACES = {
    "kurd": ["Sulaymaniyah", "Duhok", "Halabja"], "azer": ["Baku", "Ganja", "Sumqayit"],
    "kyrg": ["Bishkek", "Osh", "Karakol"], "tajik": ["Dushanbe", "Khujand"],
    "turkmen": ["Ashgabat"], "bhutan": ["Thimphu", "Paro", "Punakha", "Trashigang"],
    "maldives": ["Malé"], "sami": ["Kautokeino", "Karasjok", "Inari", "Utsjoki", "Jokkmokk", "Kiruna"],
    "faroe": ["Klaksvík", "Runavík"], "malta": ["Valletta", "Birkirkara", "Qormi", "Żabbar", "Mosta"],
    "yemen": ["Mukalla", "Taiz"], "tunisia": ["Sfax", "Sousse", "Bizerte", "Kairouan", "Gabès"],
    "ssudan": ["Juba", "Wau", "Malakal"], "botswana": ["Gaborone", "Francistown", "Maun", "Serowe"],
    "namibia": ["Windhoek", "Oshakati", "Ongwediva", "Rundu"],
    "malawi": ["Lilongwe", "Blantyre", "Mzuzu", "Zomba"], "sleone": ["Freetown", "Kenema", "Makeni"],
    "liberia": ["Monrovia", "Gbarnga"], "burkina": ["Ouagadougou", "Bobo-Dioulasso", "Koudougou"],
    "ewe": ["Cotonou", "Abomey", "Lomé", "Kpalimé", "Sokodé"],
    "ivory": ["Abidjan", "Bouaké", "Yamoussoukro"], "paraguay": ["Asunción"],
    "kichwa": ["Quito", "Otavalo", "Riobamba", "Latacunga"], "nahua": ["Cholula", "Tlaxcala"],
    "timor": ["Dili", "Baucau"], "melanesia": ["Luganville", "Honiara"],
    "firstnations": ["Sioux Lookout", "Attawapiskat", "Kashechewan"],
    "english": ["Kendal", "Hexham", "Ludlow", "Bideford", "Thirsk", "Wisbech", "Ilkley"],
}
ORGS = {
    "kurd": ["Rizgary Teaching Hospital", "Azadi Teaching Hospital", "Shar Hospital"],
    "azer": ["Mirqasimov Republican Clinical Hospital"],
    "kyrg": ["Mirrakhimov National Centre of Cardiology"],
    "bhutan": ["Jigme Dorji Wangchuck National Referral Hospital"],
    "malawi": ["Kamuzu Central Hospital", "Mzuzu Central Hospital"],
    "botswana": ["Nyangabgwe Referral Hospital"],
    "namibia": ["Windhoek Central Hospital", "Katutura State Hospital"],
    "sleone": ["Connaught Hospital"], "burkina": ["CHU Yalgado Ouédraogo"],
    "ewe": ["CNHU Hubert Koutoukou Maga", "CHU Sylvanus Olympio"],
    "ivory": ["CHU de Treichville"], "paraguay": ["Hospital de Clínicas"],
    "kichwa": ["Hospital de Especialidades Eugenio Espejo", "Hospital Carlos Andrade Marín"],
    "timor": ["Hospital Nacional Guido Valadares"],
    "firstnations": ["Sioux Lookout Meno Ya Win Health Centre", "Weeneebayko General Hospital"],
    "tunisia": ["Hôpital Charles Nicolle", "Hôpital Habib Thameur", "CHU Farhat Hached"],
    "yemen": ["Al-Thawra Modern General Hospital"],
    "sami": ["Finnmarkssykehuset"], "faroe": ["Landssjúkrahúsið"],
    "english": ["St Columba's Hospice", "Westmorland General Hospital", "Wisbech Road Surgery",
                "Thirsk Health Centre", "Ilkley Moor Medical Practice", "Hexham General Hospital"],
}
ORG_KEYS = ["Rizgary", "Azadi", "Mirqasimov", "Mirrakhimov", "Wangchuck", "Kamuzu",
            "Katutura", "Nyangabgwe", "Connaught", "Yalgado", "Koutoukou", "Sylvanus", "Olympio", "Treichville",
            "Clínicas", "Espejo", "Valadares", "Meno", "Weeneebayko", "Nicolle", "Thameur",
            "Hached", "Thawra", "Finnmarkssykehuset", "Landssjúkrahúsið", "Columba",
            "Westmorland", "Kettlewell", "Ropewalk", "Saltings", "Tannery", "Weavers",
            "Harbourline", "Oakridge"]
STREETS = {
    "english": ["{n} Saltings Rise, {town} {pc}", "Flat {n}, Tannery Court, {town} {pc}",
                "{n} Ropewalk Lane, {town} {pc}", "{n} Weavers Row, {town} {pc}"],
    "malta": ["{n}, Triq il-Kbira, {town} {mpc}", "Flat {n}, Triq San Pawl, {town} {mpc}"],
    "sami": ["Bredbuktnesveien {n}, 9520 Kautokeino", "Markveien {n}, 9730 Karasjok"],
    "faroe": ["Ovaru Vegur {n}, 700 Klaksvík", "Heiðavegur {n}, 620 Runavík"],
    "paraguay": ["Calle Tte. Fariña {n}, Asunción"],
    "firstnations": ["{n} Front Street, Sioux Lookout, ON P8T 1B{d}"],
}
UK_PC = ["LA9 4QT", "NE46 3LP", "SY8 1BW", "EX39 2RG", "YO7 1HX", "PE13 2AE", "LS29 8DJ"]


def address(rng, region):
    fmts = STREETS.get(region) or STREETS["english"]
    f = rng.choice(fmts)
    town = rng.choice(PLACES["english"] if region not in ("malta",) else PLACES["malta"])
    mpc = rng.choice(["QRM", "BKR", "ZBR", "MST", "VLT"]) + " " + digits(rng, 4)
    pc = UK_PC[PLACES["english"].index(town)] if town in PLACES["english"] else ""
    return f.format(n=rng.randint(2, 88), town=town, pc=pc, mpc=mpc,
                    d=rng.randint(1, 9))


def org(rng, region):
    return rng.choice(ORGS.get(region) or ORGS["english"])


def place(rng, region):
    return rng.choice(PLACES[region])


# ---------------------------------------------------------------------------------------
# Templates with identifiers. Each takes a Doc and fills it.
# ---------------------------------------------------------------------------------------
def t_radiology_prior(d):
    r = d.rng
    pt = d.person(middle=r.random() < 0.5)
    rad = d.person()
    d.t("CT CHEST WITH CONTRAST\nPatient: ").e(f_dicom(pt), "PERSON", pt.pid).t("   Acc: ").e(
        "RA" + digits(r, 8), "ID").t("\nComparison: CT of ").e(date(r), "DATE").t(" at ").e(
        org(r, pt.region), "ORG").t(". ")
    d.t(r.choice([
        "The 9 mm right lower lobe nodule is unchanged in size; no new nodules. ",
        "Interval increase of the mediastinal nodes, largest now 14 mm short axis (previously 9 mm). ",
        "Previously noted left effusion has resolved; mild dependent atelectasis only. "]))
    d.t("Reported by Dr ").p(rad, f_full(rad)).t(", ").e(date(r, time=True), "DATE").t(".")


def t_ophthalmology(d):
    r = d.rng
    pt = d.person()
    d.t("Eye clinic, ").e(org(r, pt.region), "ORG").t(". ").t(pt.title(r) + " ").p(pt, f_short(pt))
    a = age_old(r)
    d.t(", ").e("%d-year-old" % a, "AGE").t(r.choice([
        ", attends with gradual blurring in the right eye. VA 6/18 R, 6/9 L. ",
        ", seen for review after intravitreal injection. IOP 17/19 mmHg. ",
        ", reports flashes and new floaters since the weekend. "]))
    d.t(r.choice(["Dilated fundoscopy: ", "On slit lamp: "]) + r.choice([
        "no retinal tear seen. ", "early posterior subcapsular cataract. ", "drusen at both maculae. "]))
    d.t("Next appointment ").e(date(r), "DATE").t("; hospital no. ").e(mrn(r), "ID").t(".")


def t_dermatology(d):
    r = d.rng
    pt = d.person()
    doc = d.person()
    d.t("Dermatology photo-clinic. Referred by ").t("Dr ").p(doc, f_full(doc)).t(" (").e(
        org(r, doc.region), "ORG").t(") about ").p(pt, f_full(pt)).t(", DOB ").e(dob(r), "DATE")
    d.t(". Pigmented lesion on the left calf, 7 x 5 mm, irregular border, noticed by ")
    d.t(r.choice(["her", "his"]) + " daughter. Dermoscopy: atypical network. Plan excision biopsy; ")
    d.p(pt, f_giv(pt)).t(" prefers a morning slot, mobile ").e(phone(r, pt), "PHONE").t(".")


def t_hospice(d):
    r = d.rng
    pt = d.person()
    rel = d.person(region=pt.region)
    a = r.randint(90, 103)
    d.t("Hospice at home visit - ").e(date(r, time=True), "DATE").t(". ").p(pt, f_full(pt)).t(
        " (").e("%d yrs" % a, "AGE").t(") settled, sleeping most of the day. Syringe driver running well, "
        "site clean. ").p(rel, f_giv(rel)).t(" (" + r.choice(["son", "daughter", "nephew", "niece"]) +
        ") asked about what to expect over the coming days; we talked it through. ")
    d.t("Contact for out-of-hours: ").e(phone(r, rel), "PHONE").t(". Address: ").e(
        address(r, pt.region), "LOCATION").t(".")


def t_pedigree(d):
    r = d.rng
    pro = d.person(sex="f", region=d.rng.choice(["kurd", "azer", "sami", "faroe", "malta", "tunisia",
                                                 "ssudan", "malawi", "ewe", "paraguay", "english"]))
    reg = pro.region
    mo = d.person(region=reg, sex="f")
    au = d.person(region=reg, sex="f")
    gf = d.person(region=reg, sex="m")
    cou = d.person(region=reg)
    pa = r.randint(32, 51)
    d.t("Genetics clinic - pedigree summary. Proband: ").p(pro, f_full(pro)).t(", ").e(
        "%d" % pa, "AGE").t(", breast cancer at ").e(str(pa - r.randint(0, 4)), "AGE").t(". Mother ").p(mo, f_full(mo)).t(
        " - ovarian cancer, died at ").e("%d" % r.randint(52, 70), "AGE").t(". Maternal aunt ").p(
        au, f_giv(au)).t(" - breast cancer at ").e(str(r.randint(40, 58)), "AGE").t(", living in ").e(place(r, reg), "LOCATION").t(
        ". Maternal grandfather ").p(gf, f_full(gf)).t(" - prostate cancer, died ").e(
        str(r.randint(1978, 2005)), "DATE").t(". Cousin ").p(cou, f_giv(cou)).t(
        " has already had testing elsewhere. ").p(pro, f_giv(pro)).t(
        " consents to BRCA1/2 panel; family letter to be sent.")


def t_forensic(d):
    r = d.rng
    sub = d.person()
    exa = d.person()
    off = d.person()
    d.t("MEDICO-LEGAL REPORT. Subject: ").p(sub, f_full(sub)).t(", date of birth ").e(
        dob(r), "DATE").t(". Examined at ").e(org(r, sub.region), "ORG").t(" on ").e(
        date(r, time=True), "DATE").t(" at the request of DC ").p(off, f_full(off)).t(
        " (ref ").e("CR/" + digits(r, 5) + "/" + digits(r, 2), "ID").t("). Findings: a 3 cm "
        "curvilinear abrasion over the left zygoma and fingertip-pattern bruises on the right "
        "upper arm. In my opinion the injuries are consistent with the account given by ").t(
        "Mr " if sub.sex == "m" else "Ms ").p(sub, f_short(sub)).t(". Signed, ").p(exa, f_full(exa)).t(
        ", forensic physician.")


def t_occhealth(d):
    r = d.rng
    w = d.person()
    mgr = d.person()
    d1, d2 = dates_seq(r, 2, max_gap=50)
    d.t("Occupational health - fitness for work. Employee: ").p(w, f_full(w)).t(", staff no. ").e(
        "E" + digits(r, 6), "ID").t(", healthcare assistant at ").e(org(r, w.region), "ORG").t(
        ". Referred by line manager ").p(mgr, f_full(mgr)).t(" after a back injury on ").e(
        d1, "DATE").t(". Recommend phased return over four weeks, no lifting above 10 kg. "
        "Review ").e(d2, "DATE").t(".")


def t_school_nurse(d):
    r = d.rng
    ch = d.person()
    par = d.person(region=ch.region)
    age = r.randint(5, 15)
    d.t("School nurse note. Pupil ").p(ch, f_full(ch)).t(", ").e("%d years" % age, "AGE").t(
        ", Year " + str(max(1, age - 4)) + ", ").e(
        r.choice(["Saltings Bank Primary School", "Tannery Lane Academy", "Weavers Hill School"]),
        "ORG").t(". Came in wheezy after PE; used own inhaler with good effect. ").p(
        par, r.choice([f_full(par), f_giv(par)])).t(" (parent) informed by phone on ").e(
        phone(r, par), "PHONE").t(".")


def t_sports(d):
    r = d.rng
    a = d.person()
    phys = d.person()
    d.t("Sports medicine - ").e(date(r), "DATE").t(". ").p(a, f_full(a)).t(
        " (" + r.choice(["U23 sprinter", "club rugby winger", "semi-pro footballer", "rower"]) +
        "), twisted the right ankle during training in ").e(place(r, a.region), "LOCATION").t(
        ". Kleiger test positive, squeeze test negative. High ankle sprain, grade II. ").t(
        "Physio: ").p(phys, f_full(phys)).t(". ").p(a, f_giv(a)).t(
        " to stay in the boot for ten days.")


def t_trial_ae(d):
    r = d.rng
    pt = d.person()
    inv = d.person()
    d1, d2 = dates_seq(r, 2, max_gap=12)
    d.t("ADVERSE EVENT FORM | Study ").e("BX-" + digits(r, 3) + "-" + digits(r, 4), "ID").t(
        " | Site: ").e(org(r, pt.region), "ORG").t("\nParticipant initials: ").p(pt, f_init(pt, False)).t(
        "  Screening no.: ").e("S" + digits(r, 5), "ID").t("\nEvent: grade 2 diarrhoea, onset ").e(
        d1, "DATE").t(", resolved ").e(d2, "DATE").t(". Related to study drug: possibly.\n"
        "Investigator: ").p(inv, f_full(inv)).t(" (").e(email(inv, "trials-unit.org", r), "EMAIL").t(")")


def t_fhir(d):
    r = d.rng
    pt = d.person(middle=r.random() < 0.4)
    y, m, dd = ymd(r, 1926, 2010)
    d.t('{"resourceType": "Patient", "id": "').e(digits(r, 6) + "-" + digits(r, 4), "ID").t(
        '", "name": [{"use": "official", "family": "').p(pt, pt.family).t('", "given": ["').p(
        pt, pt.given)
    if pt.middle:
        d.t('", "').p(pt, pt.middle)
    d.t('"]}], ')
    nid = ssn_for(r, pt)
    if nid:
        d.t('"identifier": [{"system": "urn:national-id", "value": "').e(nid, "SSN").t('"}], ')
    d.t('"gender": "' + ("male" if pt.sex == "m" else "female") + '", "birthDate": "').e(
        "%d-%02d-%02d" % (y, m, dd), "DATE").t('", "telecom": [{"system": "phone", "value": "').e(
        phone(r, pt), "PHONE").t('"}]}')


def t_hl7_oru(d):
    r = d.rng
    pt = d.person(middle=r.random() < 0.5)
    doc = d.person()
    y, m, dd = ymd(r, 1926, 2005)
    d.t("MSH|^~\\&|LAB|CORE|EHR|WARD|").e(hl7ts(r), "DATE").t("||ORU^R01|").e(
        "M" + digits(r, 7), "ID").t("|P|2.5.1\rPID|1||").e(digits(r, 8), "ID").t(
        "^^^HOSP^MR||").p(pt, f_dicom(pt)).t("||").e("%d%02d%02d" % (y, m, dd), "DATE").t(
        "|" + pt.sex.upper() + "\rOBR|1||").e("L" + digits(r, 9), "ID").t(
        "|CBC^Full blood count|||").e(hl7ts(r, secs=False), "DATE").t("|||||||||").e(
        digits(r, 6), "ID").t("^").p(doc, doc.family.upper() + "^" + doc.given.upper()).t(
        "\rOBX|1|NM|HGB^Haemoglobin||" + str(r.randint(71, 158)) + "|g/L|115-165|" +
        r.choice(["L", "N"]) + "|||F")


def t_whiteboard(d):
    r = d.rng
    rows = []
    d.ocr = True
    d.t("[OCR: ward whiteboard photo]\nBED | NAME | NURSE | NOTES\n")
    for i in range(3):
        pt = d.person()
        nu = d.person()
        d.t(str(r.randint(1, 24)) + " | ").p(pt, ocrish(r, (pt.given[0] + ". " + pt.family)
                                                        if not pt.nosur else pt.given)).t(" | ").p(
            nu, nu.given.lower() if r.random() < 0.5 else nu.given.upper()).t(" | " + r.choice(
            ["NBM from 00:00", "falls risk", "TTO pending", "1:1 obs", "K+ recheck", "for d/c"]) + "\n")
    d.t("Nurse in charge: ext " + digits(r, 4))


def ocrish(r, s):
    """OCR noise on a string: case errors, 0/O and 1/l swaps, stray punctuation (no edge spaces)."""
    out = []
    for c in s:
        x = r.random()
        if c == "O" and x < 0.4:
            out.append("0")
        elif c == "l" and x < 0.35:
            out.append("1")
        elif c == "I" and x < 0.35:
            out.append("l")
        elif c.isalpha() and x < 0.08:
            out.append(c.swapcase())
        elif c == " " and x < 0.25:
            continue
        else:
            out.append(c)
    s2 = "".join(out).strip()
    if r.random() < 0.2 and len(s2) > 3:
        k = r.randrange(1, len(s2) - 1)
        s2 = s2[:k] + r.choice(".,'") + s2[k:]
    return s2 or s


def t_ehr_screen(d):
    r = d.rng
    pt = d.person(region=r.choice(["english", "sami", "faroe", "malta", "azer", None, None]))
    a = age_old(r)
    gp = d.person()
    d.t("[screen capture] Patient Summary  >  Demographics\nName: ").p(pt, f_comma(pt)).t(
        "    Preferred: ").p(pt, f_giv(pt)).t("\nDOB: ").e(dob_for_age(r, a), "DATE").t("    Age: ").e(
        str(a), "AGE").t("\nNHS No: ").e(nhs(r), "ID").t("\nRegistered GP: Dr ").p(
        gp, f_full(gp)).t(", ").e(org(r, "english"), "ORG")
    nid = ssn_for(r, pt)
    if nid:
        d.t("\nNational ID: ").e(nid, "SSN")
    d.t("\nAlerts: Latex allergy | Lives alone")


def t_dispensing(d):
    r = d.rng
    pt = d.person()
    d.t(r.choice(["Sevredol 10 mg tablets", "Buccolam 5 mg oromucosal solution",
                  "Xeplion 100 mg injection", "Trileptal 300 mg tablets"])).t(
        "\nTake as directed by your doctor.\n").p(pt, f_full(pt)).t("    ").e(date(r), "DATE").t(
        "\n").e(r.choice(
            ["Kettlewell Pharmacy", "Ropewalk Pharmacy", "Saltings Rise Chemist"]), "ORG").t(
        ", ").e(address(r, "english"), "LOCATION").t(" Tel ").e("01" + digits(r, 3) + " " + digits(r, 6), "PHONE")


def t_transfer(d):
    r = d.rng
    pt = d.person()
    a = d.person()
    b = d.person()
    reg = pt.region
    d.t("Inter-hospital transfer. From: ").e(org(r, reg), "ORG").t(" To: ").e(
        org(r, "english"), "ORG").t("\nRe: ").p(pt, f_full(pt)).t(", DOB ").e(dob(r), "DATE").t(
        ", MRN ").e(mrn(r), "ID").t("\nDear Dr ").p(b, f_short(b)).t(
        ", thank you for accepting ").p(pt, r.choice([f_giv(pt), f_short(pt)])).t(
        " for ongoing care closer to family. Admitted on ").e(date(r), "DATE").t(
        " with a left MCA infarct; swallow now safe for soft diet.\nYours sincerely,\n").p(
        a, f_full(a)).t(", Stroke Registrar")


def t_dictation(d):
    r = d.rng
    pt = d.person()
    c = d.person()
    d.t("[Dictation transcript]\nSPEAKER 1 (Dr ").p(c, f_short(c)).t("): Clinic letter for ").p(
        pt, f_full(pt)).t(", hospital number ").e(mrn(r), "ID").t(", date of birth ").e(
        dob(r), "DATE").t(". Comma. ").p(pt, f_giv(pt)).t(
        " was seen today with " + ("his" if pt.sex == "m" else "her") + " " +
        r.choice(["son", "daughter", "carer"]) + ".\nSPEAKER 2 (transcriptionist): "
        "Sorry, spell the surname?\nSPEAKER 1: ").e(" ".join(pt.family.replace(" ", "").upper()),
                                                   "PERSON", pt.pid).t(". Full stop. New paragraph.")


def t_caption_badge(d):
    r = d.rng
    pt = d.person()
    nu = d.person()
    d.t(r.choice(["A nurse in blue scrubs adjusting an IV pump beside a bed; her name badge reads \"",
                  "A woman in a hospital gown sitting next to a window, a staff member kneeling beside her with a badge that says \"",
                  "Close-up of a wristband on a thin forearm next to a lanyard badge reading \""])).p(
        nu, nu.given + " " + nu.family[0] + ".").t("\". A label on the bag says \"").p(
        pt, f_dicom(pt).replace("^", " ")).t(" ").e(mrn(r), "ID").t("\".")


def t_caption_photo(d):
    r = d.rng
    pt = d.person()
    d.t("Photo of ").p(pt, f_full(pt)).t(r.choice([
        "'s sacral pressure ulcer, category 3, taken at the home visit on ",
        "'s right foot, dorsal view, for the podiatry referral, ",
        " in the physio gym, first steps with the frame, "])).e(date(r), "DATE").t(".")


def t_triage(d):
    r = d.rng
    pt = d.person()
    a = age_old(r)
    d.t("ED TRIAGE ").e(date(r, time=True), "DATE").t(" | ").p(pt, f_comma(pt).upper()).t(" | ").e(
        "%dY" % a if r.random() < 0.5 else "%03dY" % a, "AGE").t(" | " + r.choice(
        ["CC: fall at home, ?NOF, shortened externally rotated L leg",
         "CC: SOB 3/7, sats 88% RA, productive cough",
         "CC: confusion, found by neighbour, GCS 13"]) + " | Cat 2 | Brought by ").t(
        r.choice(["neighbour", "son", "carer"])).t(" from ").e(place(r, pt.region), "LOCATION")


def t_ambulance(d):
    r = d.rng
    pt = d.person()
    cr = d.person()
    a = age_old(r)
    d.t("Handover from crew (").p(cr, f_full(cr)).t(", call sign ").e(
        "DELTA-" + digits(r, 2), "ID").t("): ").p(pt, f_full(pt)).t(", ").e(
        "%d years" % a, "AGE").t(". " + r.choice([
            "Found on the bathroom floor approx 10 h, CK pending, skin tear L forearm.",
            "Chest pain since 04:00, GTN x2 with some relief, 300 mg aspirin given.",
            "Witnessed seizure at the bus stop, 4 min, Buccolam given by bystander nurse."]) +
        " Lives at ").e(address(r, pt.region if pt.region in STREETS else "english"), "LOCATION").t(".")


def t_home_nursing(d):
    r = d.rng
    pt = d.person()
    nu = d.person()
    d.t("District nursing visit. ").p(pt, f_full(pt)).t(
        " - leg ulcer dressing changed, wound bed 80% granulating, some slough at the medial edge. "
        "Compression re-applied. Key safe code updated by ").p(nu, f_giv(nu)).t(
        ". Next visit ").e(date(r), "DATE").t(". Signed ").p(nu, f_init(nu)).t(" (DN)")


def t_physio(d):
    r = d.rng
    pt = d.person()
    d.t("Physiotherapy. ").p(pt, f_giv(pt)).t(" ").t("(NHS ").e(nhs(r), "ID").t(
        ") day 3 post TKR. Flexion 75 degrees, extension lag 10. Mobilised with frame 20 m, "
        "Tardieu not applicable. ").p(pt, f_short(pt) if not pt.nosur else f_giv(pt)).t(
        " keen to go home to ").e(place(r, pt.region), "LOCATION").t(" by Friday; OT to assess kitchen.")


def t_ot(d):
    r = d.rng
    pt = d.person()
    rel = d.person(region=pt.region)
    d.t("OT home assessment ").e(date(r), "DATE").t(" at ").e(
        address(r, pt.region if pt.region in STREETS else "english"), "LOCATION").t(". ").p(
        pt, f_full(pt)).t(" lives with ").p(rel, f_full(rel)).t(
        " (spouse). Two steps to the front door, no rail; bath board and perching stool issued. ").p(
        rel, f_giv(rel)).t(" manages the stairs independently.")


def t_dental(d):
    r = d.rng
    pt = d.person()
    dent = d.person()
    d.t("Dental chart - ").p(pt, f_comma(pt)).t(" | DOB ").e(dob(r), "DATE").t(
        "\nUR6 MOD amalgam, sound. LL7 distal caries into dentine - Biodentine base, composite. "
        "UL1 crown, mobility grade I. BPE 2/2/3 - 2/2/2.\nDentist: ").p(dent, f_full(dent)).t(
        " (GDC ").e(digits(r, 6), "ID").t(")")


def t_obstetric(d):
    r = d.rng
    mo = d.person(sex="f")
    mw = d.person(sex="f")
    d1, d2 = dates_seq(r, 2, max_gap=1, time=True)
    d.t("Labour ward. ").p(mo, f_full(mo)).t(", G2P1, 39+4. SROM ").e(d1, "DATE").t(
        ", clear liquor. Progressed to 8 cm. Midwife ").p(mw, f_giv(mw) if r.random() < 0.5 else
                                                           f_full(mw)).t(
        " noted a prolonged deceleration; registrar called. ").p(mo, f_giv(mo)).t(
        " consented to ventouse. Birth ").e(d2, "DATE").t(", girl, 3.41 kg.")


def t_neonatal(d):
    r = d.rng
    mo = d.person(sex="f")
    d.t("NICU admission. Baby of ").p(mo, f_full(mo)).t(", born ").e(date(r, time=True), "DATE").t(
        " at 31+2 weeks, now ").e("%d days" % r.randint(1, 20), "AGE").t(
        ". CPAP 6, FiO2 0.25. NHS ").e(nhs(r), "ID").t(". Mother's phone ").e(
        phone(r, mo), "PHONE").t(".")


def t_psych(d):
    r = d.rng
    pt = d.person()
    sw = d.person()
    d.t("Psychiatric assessment (section 136 suite, ").e(org(r, "english"), "ORG").t("). ").p(
        pt, f_full(pt)).t(" brought in by police from ").e(place(r, pt.region), "LOCATION").t(
        ". Reports low mood for two months, sleeping 3 h a night, hears a voice commenting. "
        "Denies current plans. AMHP ").p(sw, f_full(sw)).t(" present. ").p(pt, f_short(pt)).t(
        " agreed to informal admission; follow-up with the crisis team on ").e(date(r), "DATE").t(".")


def t_email(d):
    r = d.rng
    a = d.person()
    b = d.person()
    pt = d.person()
    d.t("From: ").p(a, f_full(a)).t(" <").e(email(a, "nhs.net", r), "EMAIL").t(">\nTo: ").e(
        email(b, "nhs.net", r), "EMAIL").t("\nSubject: referral - ").p(pt, f_init(pt, False)).t(
        "\n\nHi ").p(b, f_giv(b)).t(", could you see ").p(pt, f_full(pt)).t(" (").e(
        mrn(r), "ID").t(") in your clinic? Details below.\n\n> On ").e(date(r), "DATE").t(", ").p(
        b, f_full(b)).t(" wrote:\n> Happy to help, send the imaging.\n\n--\n").p(a, f_giv(a)).t(
        "\n").e(org(r, a.region), "ORG").t(" | ").e(phone(r, a), "PHONE")


def t_sms(d):
    r = d.rng
    pt = d.person()
    d.t(r.choice(["Hi ", "Dear ", ""])).p(pt, f_giv(pt)).t(", reminder: your appointment at ").e(
        org(r, pt.region), "ORG").t(" is on ").e(date(r, time=True), "DATE").t(
        ". Reply Y to confirm or call ").e(phone(r, pt), "PHONE").t(". To manage: ").e(
        "https://bkg.health-reminders.co.uk/" + "".join(r.choice("abcdefghjkmnpqrstuvwxyz23456789")
                                                      for _ in range(6)), "URL")


def t_specimen(d):
    r = d.rng
    pt = d.person()
    d.ocr = True
    d.t("SPECIMEN ").e(ocrish(r, "H25-" + digits(r, 5)), "ID").t("\n").p(pt, ocrish(r, f_dicom(pt).replace("^", " "))).t(
        "\nDOB ").e(ocrish(r, date(r, "en", 1926, 2010)), "DATE").t(" " + pt.sex.upper() + "\nCOLL ").e(
        ocrish(r, date(r, time=True)), "DATE").t("\nEDTA  FBC")


def t_wristband(d):
    r = d.rng
    pt = d.person()
    d.ocr = True
    d.t(ocrish(r, "NAME:")).t(" ").p(pt, ocrish(r, f_comma(pt).upper())).t(" ").t(
        ocrish(r, "MRN")).t(" ").e(ocrish(r, mrn(r)), "ID").t(" DOB ").e(
        ocrish(r, dob(r)), "DATE").t(" ALLERGY: NKDA")


def t_death_cert(d):
    r = d.rng
    dec = d.person()
    inf = d.person(region=dec.region)
    cer = d.person()
    a = r.randint(89, 104)
    nid = ssn_for(r, dec)
    d.t("Extract - Medical Certificate of Cause of Death. Deceased: ").p(dec, f_full(dec))
    if nid:
        d.t(" (personal code ").e(nid, "SSN").t(")")
    d.t(
        ". Date of death: ").e(date(r), "DATE").t(". Age: ").e(str(a), "AGE").t(
        ". Place of death: ").e(address(r, dec.region if dec.region in STREETS else "english"),
                                "LOCATION").t(
        ". 1a Aspiration pneumonia; 1b Parkinsonian syndrome; II Chronic kidney disease. "
        "Informant: ").p(inf, f_full(inf)).t(". Certifying doctor: ").p(cer, f_full(cer)).t(
        ", GMC ").e(digits(r, 7), "ID").t(".")


def t_insurance(d):
    r = d.rng
    pt = d.person(region=r.choice(["english", "sami", "faroe", "malta", "azer", None]))
    d1, d2 = dates_seq(r, 2, max_gap=60)
    d.e(r.choice(["Harbourline Assurance Ltd", "Oakridge Health Cover"]), "ORG").t(
        "\nClaim ").e("CLM-" + digits(r, 4) + "-" + digits(r, 6), "ID").t("\nDear ").t(
        pt.title(r) + " ").p(pt, f_short(pt)).t(
        ",\nWe have received the invoice for your physiotherapy sessions from ").e(
        d1, "DATE").t(" to ").e(d2, "DATE").t(
        ". Before we can pay, please send the referral letter from your GP. "
        "Policy holder: ").p(pt, f_full(pt)).t(", member no. ").e(digits(r, 9), "ID")
    nid = ssn_for(r, pt)
    if nid:
        d.t(", personal code ").e(nid, "SSN")
    d.t(".")


def t_research_consent(d):
    r = d.rng
    pt = d.person()
    w = d.person()
    d.t("RESEARCH CONSENT FORM - ").e("REC " + digits(r, 2) + "/" + r.choice(["NE", "LO", "WM"]) +
                                       "/" + digits(r, 4), "ID").t(
        "\nI confirm I have read the information sheet (v3) and agree that samples may be stored "
        "for future research.\nName of participant: ").p(pt, f_full(pt)).t("   Date: ").e(
        date(r), "DATE").t("\nName of person taking consent: ").p(w, f_full(w)).t("   Signature: ").p(
        w, f_init(w)).t("\nParticipant ID: ").e("P-" + digits(r, 4), "ID")


def t_spanish(d):
    r = d.rng
    pt = d.person(region=r.choice(["paraguay", "kichwa", "nahua"]))
    doc = d.person(region=r.choice(["paraguay", "kichwa", "nahua"]), sex="f")
    a = age_old(r)
    d.t("Nota de evolución. Paciente ").p(pt, f_full(pt)).t(", ").e("%d años" % a, "AGE").t(
        ", ingresó el ").e(date(r, "es"), "DATE").t(" por neumonía adquirida en la comunidad. "
        "Afebril desde ayer, tolera vía oral. Se comenta con la Dra. ").p(doc, f_short(doc)).t(
        ". Familiar de contacto: ").e(phone(r, pt), "PHONE").t(". (EN: afebrile since yesterday, eating.)")


def t_portuguese(d):
    r = d.rng
    pt = d.person(region="timor")
    doc = d.person(region="timor")
    d1, d2 = dates_seq(r, 2, "pt", 25)
    a = age_old(r)
    d.t("Relatório de alta - ").e(org(r, "timor"), "ORG").t(". Doente: ").p(pt, f_full(pt)).t(
        ", ").e("%d anos" % a, "AGE").t(", natural de ").e(place(r, "timor"), "LOCATION").t(
        ". Internado de ").e(d1, "DATE").t(" a ").e(d2, "DATE").t(
        " com tuberculose pulmonar; iniciou esquema RHZE. Médico: Dr. ").p(doc, f_full(doc)).t(".")


def t_italian(d):
    r = d.rng
    pt = d.person(region="malta", sex="f")
    doc = d.person(sex="f")
    d1, d2 = dates_seq(r, 2, "it", 40)
    a = r.randint(89, 102)
    d.t("Lettera di dimissione. Sig.ra ").p(pt, f_full(pt)).t(", ").e("%d anni" % a, "AGE").t(
        ", residente a ").e(place(r, "malta"), "LOCATION").t(", ricoverata il ").e(
        d1, "DATE").t(" per frattura del femore. Intervento eseguito dalla Dott.ssa ").p(
        doc, f_short(doc)).t(". Controllo ambulatoriale il ").e(d2, "DATE").t(".")


def t_german(d):
    r = d.rng
    pt = d.person()
    doc = d.person()
    a = r.randint(85, 99)
    d1, d2 = dates_seq(r, 2, "de", 20)
    d.t("Arztbrief. Wir berichten über ").t("Frau " if pt.sex == "f" else "Herrn ").p(
        pt, f_full(pt)).t(", ").e("%d Jahre" % a, "AGE").t(", stationär vom ").e(
        d1, "DATE").t(" bis ").e(d2, "DATE").t(
        ". Diagnose: dekompensierte Herzinsuffizienz. Mit freundlichen Grüßen, ").p(
        doc, f_full(doc)).t(", Oberarzt")


def t_table(d):
    r = d.rng
    d.t("Name | DOB | Ward | Consultant\n")
    for _ in range(r.randint(2, 3)):
        pt = d.person()
        c = d.person()
        d.p(pt, f_comma(pt)).t(" | ").e(dob(r), "DATE").t(" | " + r.choice(
            ["Ward 7B", "AMU", "Ward 12", "CCU", "Ward 3A"]) + " | Dr ").p(c, f_short(c)).t("\n")
    d.buf[-1] = d.buf[-1].rstrip("\n")
    d.n -= 1


def t_dicom(d):
    r = d.rng
    pt = d.person(middle=True)
    ref = d.person()
    d.t(r.choice(["(0010,0010) PatientName = ", "PatientName: ", "0010|0010 "])).p(pt, f_dicom(pt)).t(
        "\n(0010,0020) PatientID = ").e(mrn(r), "ID").t("\n(0010,0030) PatientBirthDate = ").e(
        "%d%02d%02d" % ymd(r, 1926, 2010), "DATE").t("\n(0008,0090) ReferringPhysicianName = ").p(
        ref, f_comma(ref)).t("\n(0008,0080) InstitutionName = ").e(org(r, pt.region), "ORG").t(
        "\n(0008,0060) Modality = " + r.choice(["CR", "US", "MR", "CT"]))


def t_chat(d):
    r = d.rng
    a = d.person()
    b = d.person()
    pt = d.person()
    na = NICKS.get(pt.given)
    d.p(a, a.given.lower()).t(": anyone seen ").p(pt, (na or pt.given).lower()).t(
        " in bay 4? " + r.choice(["obs due", ("his" if pt.sex == "m" else "her") + " daughter is on the phone",
                                "pharmacy need " + ("him" if pt.sex == "m" else "her")]) +
        "\n").p(b, b.given.lower()).t(": yeah gone to xray, back in 20\n").p(
        a, a.given.lower()).t(": ta. tell ").p(pt, f_short(pt).lower()).t(
        "'s family to wait in the day room pls\n").p(b, f_init(b, False)).t(": ok")


def t_mdt(d):
    r = d.rng
    chair = d.person()
    d.t("Upper GI MDT ").e(date(r), "DATE").t(". Chair: ").p(chair, f_full(chair)).t(".\n")
    for i in range(2):
        pt = d.person()
        d.t(str(i + 1) + ". ").p(pt, f_full(pt)).t(", ").e(str(age_old(r)), "AGE").t(", ").e(
            mrn(r), "ID").t(" - " + r.choice([
                "Type II junctional tumour, T3N1 on EUS; for neoadjuvant chemo.",
                "Bismuth-Corlette IIIa hilar stricture; brushings negative, repeat ERCP.",
                "Gastric GIST 4 cm; for wedge resection."]) + "\n")
    d.t("Actions: ").p(chair, f_init(chair, False)).t(" to update GP.")


def t_pharmacy_query(d):
    r = d.rng
    ph = d.person()
    pt = d.person()
    d.t("Pharmacy query from ").p(ph, f_full(ph)).t(" (ext ").e(digits(r, 4), "PHONE").t(") re ").p(
        pt, f_full(pt)).t(", bed " + str(r.randint(1, 30)) + ": " + r.choice([
            "Longtec and Shortec both charted - please confirm the breakthrough dose.",
            "Campral prescribed with eGFR 28 - suggest review.",
            "Levomepromazine and haloperidol both PRN - is that intended?"]) + " Please bleep back before ").e(
        date(r, time=True), "DATE").t(".")


def t_phone_msg(d):
    r = d.rng
    caller = d.person()
    pt = d.person(region=caller.region)
    rec = d.person()
    d.t("Telephone message ").e(date(r, time=True), "DATE").t(". ").p(caller, f_full(caller)).t(
        " rang about her " + r.choice(["father", "mother", "uncle"]) + " ").p(pt, f_full(pt)).t(
        ". Wants to know if the scan results are back. Call back on ").e(phone(r, caller), "PHONE").t(
        " - prefers after 5pm. Taken by ").p(rec, f_giv(rec)).t(" (reception).")


def t_clinic_letter(d):
    r = d.rng
    pt = d.person()
    gp = d.person()
    c = d.person()
    d1, d2 = dates_seq(r, 2, max_gap=90)
    d.t("Dictated ").e(d1, "DATE").t("\nDear Dr ").p(gp, f_short(gp)).t(",\nRe: ").p(
        pt, f_full(pt)).t(", ").e(address(r, pt.region if pt.region in STREETS else "english"),
                               "LOCATION").t("\nI saw " + ("Mr " if pt.sex == "m" else "Mrs ")).p(
        pt, f_short(pt)).t(r.choice([
            " in the rheumatology clinic. The hand pain is better on Dovobet for the plaques and "
            "methotrexate 15 mg weekly; bloods are stable. ",
            " in the renal clinic. eGFR has settled at 34 and the potassium is 5.1. ",
            " in the falls clinic. Lying and standing BP showed a 30 mmHg drop. "])).t(
        "I will see " + ("him" if pt.sex == "m" else "her") + " again on ").e(d2, "DATE").t(
        ".\nYours sincerely,\n").p(c, f_full(c)).t("\nConsultant")


def t_operation(d):
    r = d.rng
    pt = d.person()
    surg = d.person()
    asst = d.person()
    d.t("OPERATION NOTE  ").e(date(r, time=True), "DATE").t("\nPatient: ").p(pt, f_full(pt)).t(
        "  Hosp no: ").e(mrn(r), "ID").t("\nSurgeon: ").p(surg, f_full(surg)).t("  Assistant: ").p(
        asst, f_full(asst)).t("\nProcedure: " + r.choice([
            "laparoscopic cholecystectomy. Critical view of safety obtained; clips to duct and artery.",
            "open reduction and internal fixation, right distal radius, volar plate.",
            "excision of left axillary lymph node, 2-0 Mersilk to skin."]) + "\nPost-op: home if "
        "eating, ").p(surg, f_init(surg, False)).t(" to review wound at 2 weeks.")


def t_pathology(d):
    r = d.rng
    pt = d.person()
    pat = d.person()
    d1, d2 = dates_seq(r, 2, max_gap=9)
    d.t("HISTOPATHOLOGY  Lab no ").e("S" + digits(r, 2) + "-" + digits(r, 5), "ID").t("\nName: ").p(
        pt, f_comma(pt).upper()).t("  DOB: ").e(dob(r), "DATE").t("\nReceived ").e(d1, "DATE").t(
        r.choice([
            "\nSkin ellipse 22 x 9 mm with a central pigmented lesion. Superficial spreading "
            "melanoma, tumour thickness 0.6 mm, margins clear.",
            "\nGastric biopsies x4: chronic active gastritis with Helicobacter-like organisms; no "
            "dysplasia.",
            "\nProstate cores: acinar adenocarcinoma in 3 of 12 cores, grade group 2."])).t(
        "\nReported ").e(d2, "DATE").t(" by Dr ").p(pat, f_full(pat))


def t_medrec(d):
    r = d.rng
    pt = d.person()
    ph = d.person()
    d.t("Medicines reconciliation - ").p(pt, f_full(pt)).t(" (").e(mrn(r), "ID").t(
        ")\nSources: patient, GP summary, community pharmacy (").e(
        r.choice(["Kettlewell Pharmacy", "Ropewalk Pharmacy"]), "ORG").t(")\n" + r.choice([
            "Longtec 10 mg BD, Shortec 5 mg PRN, Senokot 2 at night, ramipril 2.5 mg OD.",
            "Trileptal 300 mg BD, Rivotril 0.5 mg nocte, omeprazole 20 mg OD.",
            "Campral 666 mg TDS, thiamine 100 mg TDS, folic acid 5 mg OD."]) +
        "\nDiscrepancy: dose on the GP list differs; ").p(pt, f_giv(pt)).t(
        " confirms the lower dose. Completed by ").p(ph, f_full(ph)).t(", ").e(
        date(r, time=True), "DATE")


def t_discharge(d):
    r = d.rng
    pt = d.person()
    c = d.person()
    a = age_old(r)
    d1, d2 = dates_seq(r, 2, max_gap=20)
    d.t("DISCHARGE SUMMARY\n").p(pt, f_full(pt)).t(", ").e("%d-year-old" % a, "AGE").t(
        " " + ("man" if pt.sex == "m" else "woman") + ". Admitted ").e(d1, "DATE").t(
        ", discharged ").e(d2, "DATE").t(". " + r.choice([
            "Diagnosis: urosepsis with delirium, resolved on IV antibiotics.",
            "Diagnosis: infective exacerbation of COPD; home oxygen not needed.",
            "Diagnosis: fractured neck of femur, hemiarthroplasty day 1."]) +
        " Consultant: ").p(c, f_full(c)).t(". Follow-up at ").e(org(r, pt.region), "ORG").t(
        ". Letter copy: ").e("https://myrecord.health-portal.uk/d/" + digits(r, 8), "URL")


def t_flowsheet(d):
    r = d.rng
    pt = d.person()
    nu = d.person()
    ts = dates_seq(r, 1, max_gap=1, time=True)[0]
    d.t("Flowsheet comment ").e(ts, "DATE").t(" - ").p(pt, f_giv(pt)).t(r.choice([
        " restless overnight, pulled at cannula x2, re-sited. NEWS 3. ",
        " refused 02:00 obs, asleep, resp even. Fluid balance +450. ",
        " mobilised to toilet with 1 assist, dizzy on standing, BP 98/60. "])).t("Documented by ").p(
        nu, f_full(nu)).t(", RN.")


LANGS = {"kurd": "Kurdish Sorani", "azer": "Azerbaijani", "kyrg": "Kyrgyz", "tajik": "Tajik",
         "turkmen": "Turkmen", "bhutan": "Dzongkha", "maldives": "Dhivehi", "sami": "North Sámi",
         "faroe": "Faroese", "malta": "Maltese", "yemen": "Arabic", "tunisia": "Arabic",
         "ssudan": "Dinka", "botswana": "Setswana", "namibia": "Oshiwambo", "malawi": "Chichewa",
         "sleone": "Krio", "liberia": "Kpelle", "burkina": "Mooré", "ewe": "Ewe",
         "ivory": "Baoulé", "paraguay": "Guaraní", "kichwa": "Kichwa", "nahua": "Nahuatl",
         "timor": "Tetum", "melanesia": "Bislama", "firstnations": "Oji-Cree"}


def t_surgical_consent(d):
    r = d.rng
    pt = d.person()
    surg = d.person()
    intp = d.person(region=pt.region)
    d.t("CONSENT FORM 1. Patient: ").p(pt, f_full(pt)).t("  DOB ").e(dob(r), "DATE").t(
        "\nProcedure: " + r.choice(["right total hip replacement", "flexible cystoscopy",
                                     "cataract extraction with lens implant (left)"]) +
        ". Risks discussed: infection, bleeding, clots, need for further surgery.\nInterpreter: ").p(
        intp, f_full(intp)).t(" (" + LANGS.get(pt.region, "British Sign Language") + ")\nSurgeon: ").p(
        surg, f_full(surg)).t("  Date: ").e(date(r), "DATE")


def t_kurd_chat(d):
    r = d.rng
    a = d.person(region="kurd", sex="m")
    b = d.person(region="kurd", sex="f")
    pt = d.person(region=r.choice(["kurd", "azer", "turkmen"]))
    d.t("Kak ").p(a, a.given).t(", " + r.choice(["the interpreter booking", "the transport"]) + " for ").p(
        pt, f_full(pt)).t(" is confirmed for ").e(date(r, time=True), "DATE").t(". ").p(b, f_giv(b)).t(
        " will meet them at the main entrance of ").e(org(r, "kurd"), "ORG").t(". Thanks - ").p(
        b, f_init(b, False))


def t_bhutan(d):
    r = d.rng
    pt = d.person(region="bhutan")
    dr = d.person(region="bhutan")
    d.t("Referral from ").e(place(r, "bhutan"), "LOCATION").t(" BHU to ").e(
        org(r, "bhutan"), "ORG").t(". ").p(pt, f_full(pt)).t(", ").e(
        "%d years" % age_old(r), "AGE").t(", CID ").e(digits(r, 11), "ID").t(
        ", with a hip fracture after a fall at the lhakhang. Referred by Dasho Dr ").p(
        dr, f_full(dr)).t("; ").p(pt, f_giv(pt)).t(" travels with family by road.")


def t_handwritten(d):
    r = d.rng
    pt = d.person()
    gp = d.person()
    d.ocr = True
    d.t(ocrish(r, "[handwriting OCR] ward rnd")).t(" ").e(ocrish(r, date(r)), "DATE").t(" - ").p(
        pt, ocrish(r, f_short(pt).lower() if r.random() < 0.5 else f_short(pt))).t(ocrish(r, r.choice([
            " c/o SOB overnight, crackles R base, ?asp pneumonia, start abx",
            " much brighter tdy, eating + drinking, aim d/c tmrw",
            " pain ctrl poor, r/v analgesia, pall care r/v"]))).t(" / d/w ").p(
        gp, ocrish(r, f_init(gp, False))).t(" " + ocrish(r, "(reg)"))


def t_bilingual(d):
    r = d.rng
    pt = d.person(region=r.choice(["paraguay", "kichwa", "nahua"]))
    a = age_old(r)
    d.t("Triage / Triaje: ").p(pt, f_full(pt)).t(", ").e("%d años" % a, "AGE").t(" (").e(
        "%d y/o" % a, "AGE").t("). Habla " + LANGS[pt.region].lower() + " y español; hija presente. Dolor abdominal desde "
        "anoche / abdominal pain since last night. Tel. hija: ").e(phone(r, pt), "PHONE").t(
        ". Domicilio / address: ").e(place(r, pt.region), "LOCATION").t(".")


PII_TEMPLATES = [t_radiology_prior, t_ophthalmology, t_dermatology, t_hospice, t_pedigree,
                 t_forensic, t_occhealth, t_school_nurse, t_sports, t_trial_ae, t_fhir, t_hl7_oru,
                 t_whiteboard, t_ehr_screen, t_dispensing, t_transfer, t_dictation, t_caption_badge,
                 t_caption_photo, t_triage, t_ambulance, t_home_nursing, t_physio, t_ot, t_dental,
                 t_obstetric, t_neonatal, t_psych, t_email, t_sms, t_specimen, t_wristband,
                 t_death_cert, t_insurance, t_research_consent, t_spanish, t_portuguese,
                 t_italian, t_german, t_table, t_dicom, t_chat, t_mdt, t_pharmacy_query,
                 t_phone_msg, t_clinic_letter, t_operation, t_pathology, t_medrec, t_discharge,
                 t_flowsheet, t_surgical_consent, t_kurd_chat, t_bhutan, t_handwritten,
                 t_bilingual]


# ---------------------------------------------------------------------------------------
# Texts without identifiers: trap sentences, joined two or three per text. The second item
# lists the pool word-names a sentence uses as ordinary words (capitalised or not).
# ---------------------------------------------------------------------------------------
TRAPS = [
    ("Fundoscopy shows cotton-wool spots and flame haemorrhages in keeping with Purtscher retinopathy after the chest injury.", {"cotton"}),
    ("Perivascular sheathing and peripheral non-perfusion suggest Eales disease; FFA booked.", set()),
    ("A Vossius ring of iris pigment was seen on the anterior lens capsule after the blunt trauma.", set()),
    ("Schirmer test 3 mm at five minutes in both eyes; start preservative-free lubricants.", set()),
    ("Seidel test negative after the corneal suture; Maxitrol four times a day for a week.", set()),
    ("Haab striae noted on the left cornea; IOP controlled on Cosopt and Azopt.", set()),
    ("Peripheral corneal thinning looks like Terrien marginal degeneration rather than a Mooren ulcer.", set()),
    ("Will start Ozurdex if the macular oedema persists at the June review.", set()),
    ("Bright red loss per vaginam settled after the second dose of misoprostol.", {"bright"}),
    ("Couvelaire uterus noted at caesarean section; uterotonics given and the uterus contracted well.", set()),
    ("Shoulder dystocia: Rubin II manoeuvre successful after suprapubic pressure; the Zavanelli manoeuvre was not needed.", set()),
    ("Hegar and Goodell signs are of historical interest only; a urine hCG was positive.", set()),
    ("Braxton Hicks tightenings only, cervix long and closed; may go home.", set()),
    ("Finnegan score 6 and 7 on the last two checks; continue to observe, no morphine yet.", set()),
    ("Gartner duct cyst seen on the anterolateral vaginal wall; no action needed.", set()),
    ("Wickham striae on the buccal mucosa confirm oral lichen planus.", set()),
    ("Widespread pustules on a red base: von Zumbusch pustular psoriasis, admit for acitretin.", set()),
    ("Tender red plaques with fever and neutrophilia - Sweet syndrome is the leading diagnosis.", set()),
    ("Hairy pigmented patch on the shoulder is a Becker naevus; reassured.", set()),
    ("Sutton naevus with a symmetrical halo, no atypia on dermoscopy.", set()),
    ("Cayenne-pepper petechiae on the shins - Schamberg disease, harmless.", set()),
    ("Follicular papules on the legs with keratotic plugs, likely Kyrle disease in this dialysis patient.", set()),
    ("Majocchi granuloma after topical steroid on tinea; switch to terbinafine.", set()),
    ("Efudix for four weeks to the scalp actinic keratoses; Aldara if poorly tolerated.", set()),
    ("Riga-Fede disease: ulcer on the ventral tongue from natal teeth.", set()),
    ("Carabelli cusp on UR6 is a normal variant, not caries.", set()),
    ("Angle class II division 1 with an overjet of 9 mm; refer to orthodontics.", set()),
    ("Glickman grade II furcation involvement at LR6; Peridex mouthwash not stocked, use saline.", set()),
    ("Odontopaste dressing placed in the canal; Calasept next visit, then gutta-percha obturation.", set()),
    ("Kleiger test provoked pain over the syndesmosis; squeeze test equivocal.", set()),
    ("Gaenslen test positive on the right; sacroiliac joint injection discussed.", set()),
    ("Lasègue sign positive at 40 degrees on the left, crossed sign negative.", set()),
    ("Jobe test weak and painful, suggesting a supraspinatus tear.", set()),
    ("Tardieu scale for the gastrocnemius: R1 at minus 10 degrees, R2 at 5 degrees.", set()),
    ("Fugl-Meyer upper limb score improved from 22 to 35 over six weeks.", set()),
    ("Maitland grade III mobilisations to the lumbar spine, then extension exercises at home.", set()),
    ("Swift recovery after the arthroscopy; back to full training in three weeks.", {"swift"}),
    ("Ekbom syndrome was considered but the itch started with the new inhaler.", set()),
    ("Zung self-rating depression scale 58; discussed Zispin versus an SSRI.", set()),
    ("Brøset Violence Checklist 0 overnight, observations reduced.", set()),
    ("Depot changed from Xeplion to Trevicta; next injection in three months.", set()),
    ("Pabrinex three pairs TDS for three days, then oral thiamine; Librium reducing regime.", set()),
    ("Black tarry stools for two days; bleeding score not yet calculated, Hb awaited.", {"black"}),
    ("Khorana score 2: discuss thromboprophylaxis with the oncology team.", set()),
    ("Lugano stage IIIA; Durie-Salmon does not apply as this is not myeloma.", set()),
    ("Astler-Coller C2 on the old classification, now reported as TNM.", set()),
    ("Cognard type IIa fistula, no cortical venous reflux; Borden type I.", set()),
    ("Biot breathing was noted before the second apnoea; family aware.", set()),
    ("Duroziez sign present over the femoral artery, consistent with severe aortic regurgitation.", set()),
    ("Grover disease flared with the heat; Elocon for a week.", set()),
    ("Hailey-Hailey disease in the axillae, secondarily infected; swabs sent.", set()),
    ("Gianotti-Crosti rash on the cheeks and limbs of a toddler after a viral illness.", set()),
    ("Futcher lines on the upper arms are a normal pigmentary demarcation.", set()),
    ("Melkersson-Rosenthal syndrome considered for the recurrent facial swelling and fissured tongue.", set()),
    ("Stein-Leventhal syndrome is now called PCOS; Asherman syndrome excluded on hysteroscopy.", set()),
    ("Sevredol 10 mg for breakthrough pain, Longtec 20 mg twice daily, Senokot at night.", set()),
    ("Buccolam 10 mg given at 4 minutes; seizure stopped at 7 minutes.", set()),
    ("Syringe driver: levomepromazine 6.25 mg and glycopyrronium 1.2 mg over 24 hours.", set()),
    ("Grace period for the repeat prescription is seven days; the bill for the private scan is not ours.", set()),
    ("Hope to wean the oxygen tomorrow; mark the drain output on the chart.", set()),
    ("Rose-coloured macules on the trunk faded within a day; may be viral.", set()),
    ("Peace of mind matters here - the family asked for the hospice chaplain.", {"peace"}),
    ("Judge capacity for each decision separately and record it in the notes.", {"judge"}),
    ("Iris prolapse excluded; the wound is Seidel negative.", set()),
    ("Love handles are not a clinical finding - document the waist circumference instead.", {"love"}),
    ("Steel wires removed from the sternum at the redo operation.", {"steel"}),
    ("Wise to repeat the potassium before giving the next dose.", {"wise"}),
    ("Gosling pulsatility index on the Doppler was within normal limits.", {"gosling"}),
    ("Pound of flesh jokes aside, the skin graft took well.", {"pound"}),
    ("Kettle burn to the forearm, superficial partial thickness, dressed with Duoderm.", {"kettle"}),
    ("Barley sugar sweets only in the post-op period; no chewing gum.", {"barley"}),
    ("Drake Ward is closed for deep cleaning this week.", {"drake"}),
    ("The patient was moved from Pope Unit to the discharge lounge.", {"pope"}),
    ("Ward round: the Knight Suite has two side rooms free for infection control.", {"knight"}),
    ("Shore leave for the merchant seaman was cancelled because of the cellulitis.", {"shore"}),
    ("Storey of the fall unclear: found at the bottom of the stairs, no head injury.", {"storey"}),
    ("Otter-shaped soft toy kept on the cot for comfort during the procedure.", {"otter"}),
    ("May need a tunnelled line if the PICC fails again.", set()),
    ("Vale of tears, said the old man, but he laughed and took his tablets.", {"vale"}),
    ("Lumigan at night in both eyes; Alphagan stopped because of allergy.", set()),
    ("Bismuth subsalicylate caused the black tongue, nothing more sinister.", {"black"}),
    ("Spiegler tumour excised from the scalp; margins clear.", set()),
    ("Degos disease lesions are porcelain-white atrophic papules with a red rim.", set()),
    ("Jessner-Kanof lymphocytic infiltrate on the forehead; photoprotection advised.", set()),
    ("Mucha-Habermann disease in a teenager, started on a macrolide.", set()),
    ("Netherton syndrome: bamboo hair on microscopy, skin barrier care.", set()),
    ("Kayser-Fleischer rings on slit lamp; copper studies requested.", set()),
    ("Bitot spots and night blindness point to vitamin A deficiency.", set()),
    ("A woman in a hospital gown sitting next to a window, holding a paper cup; an IV stand beside her.", set()),
    ("Close-up photo of a forearm with a healing skin tear, steri-strips in place, ruler for scale.", set()),
    ("An elderly man in a wheelchair in a corridor, a blanket over his knees; no badge or label is legible.", set()),
    ("Whiteboard: BAY 2 - NBM / OBS 4HRLY / FALLS ++ ; BAY 3 - TTO / D/C AM.", set()),
    ("L  SUPINE  AP  PORTABLE  kVp 85  mAs 2.5", set()),
    ("Reminder: flu and COVID boosters are available in the outpatient hall every Tuesday.", set()),
    ("The Grace Unit tea trolley now comes round at 10 and 3.", set()),
    ("June audit: 14 of 20 cannulas had a VIP score documented.", set()),
    ("Bill the ward budget for the extra bank shifts, not the project code.", set()),
    ("Name | DOB | Ward -- all fields blank on the scanned form; please re-send.", set()),
    ("Mark the site with an arrow; the marker pen is in the anaesthetic room.", set()),
    ("Rivotril 0.5 mg at night was stopped; sleep hygiene advice given.", set()),
    ("Dovobet gel to the scalp once daily for four weeks.", set()),
    ("Ward 9 is the old Kettle Ward; signage has not been changed yet.", {"kettle"}),
]
TRAP_TERMS = ["Purtscher", "Eales", "Vossius", "Schirmer", "Seidel", "Haab", "Terrien", "Mooren",
              "Ozurdex", "Couvelaire", "Zavanelli", "Hegar", "Goodell", "Braxton", "Finnegan",
              "Gartner", "Wickham", "Zumbusch", "Sweet", "Becker", "Sutton", "Schamberg", "Kyrle",
              "Majocchi", "Efudix", "Aldara", "Riga", "Fede", "Carabelli", "Glickman", "Peridex",
              "Odontopaste", "Calasept", "Kleiger", "Gaenslen", "Lasègue", "Jobe", "Tardieu",
              "Fugl", "Maitland", "Ekbom", "Zung", "Zispin", "Brøset", "Xeplion", "Trevicta",
              "Pabrinex", "Librium", "Khorana", "Lugano", "Durie", "Astler", "Coller", "Cognard",
              "Borden", "Biot", "Duroziez", "Grover", "Hailey", "Gianotti", "Crosti", "Futcher",
              "Melkersson", "Rosenthal", "Leventhal", "Asherman", "Sevredol", "Longtec", "Shortec",
              "Senokot", "Buccolam", "Levomepromazine", "Glycopyrronium", "Duoderm", "Lumigan",
              "Alphagan", "Spiegler", "Degos", "Jessner", "Kanof", "Mucha", "Habermann",
              "Netherton", "Kayser", "Fleischer", "Bitot", "Maxitrol", "Cosopt", "Azopt",
              "Biodentine", "Trileptal", "Campral", "Corlette", "Rivotril", "Dovobet", "Mersilk"]
TRAP_HEADS = ["Clinic note: ", "Ward note. ", "Teaching notes - ", "Handover: ", "", "", "",
              "Addendum. ", "Registrar's jottings: ", "Nursing: "]


def trap_text(rng, used):
    for _ in range(500):
        k = rng.choice([1, 2, 2, 3, 3])
        picks = rng.sample(range(len(TRAPS)), k)
        key = tuple(sorted(picks))
        if key in used:
            continue
        used.add(key)
        head = rng.choice(TRAP_HEADS)
        words = set()
        for i in picks:
            words |= TRAPS[i][1]
        return head + " ".join(TRAPS[i][0] for i in picks), words
    raise SystemExit("trap combinations exhausted")


# ---------------------------------------------------------------------------------------
# Build, check, write
# ---------------------------------------------------------------------------------------
def build():
    rng = random.Random(SEED)
    pool = Pool(rng)
    n_pii, n_trap = 220, 80
    kinds = ["pii"] * n_pii + ["trap"] * n_trap
    rng.shuffle(kinds)
    order = []
    base = list(PII_TEMPLATES)
    while len(order) < n_pii:
        rng.shuffle(base)
        order += base
    order = order[:n_pii]
    out, meta = [], []
    used_traps = set()
    texts_seen = set()
    i_pii = 0
    for i, kind in enumerate(kinds):
        tid = "blind5-%03d" % (i + 1)
        if kind == "pii":
            for _ in range(20):
                d = Doc(rng, pool)
                order[i_pii](d)
                if d.text() not in texts_seen:
                    break
            i_pii += 1
            text = d.text()
            ents = d.ents
            people = d.people
            info = dict(ocr=d.ocr, people=people, allow=set(), template=order[i_pii - 1].__name__)
        else:
            text, words = trap_text(rng, used_traps)
            ents, people = [], []
            info = dict(ocr=False, people=[], allow=words, template="trap")
        ren = {}
        for e in ents:
            if e["person"] and e["person"] not in ren:
                ren[e["person"]] = "p%d" % (len(ren) + 1)
        for e in ents:
            if e["person"]:
                e["person"] = ren[e["person"]]
        for p in people:
            p.pid = ren.get(p.pid, p.pid)
        texts_seen.add(text)
        out.append({"id": tid, "text": text, "entities": ents})
        meta.append(info)
    return out, meta


def fail(msg):
    sys.stderr.write("SELF-CHECK FAILED: " + msg + "\n")
    sys.exit(1)


def norm_tokens(s):
    s = s.replace("^", " ").replace(",", " ").replace(".", " ").replace("-", " ")
    return [t for t in re.split(r"[\s']+", s.lower()) if t]


def earlier_words():
    words = set()
    here = Path(__file__).resolve().parent
    for f in sorted(here.glob("generate*.py")) + [here / "names.json"]:
        if f.name == "generate_blind5.py":
            continue
        words |= set(re.findall(r"\w+", f.read_text(encoding="utf-8").lower()))
    return words


def check(out, meta):
    # 1. earlier generators / names.json
    earlier = earlier_words()
    pool_parts = set()
    for r in REGIONS.values():
        for x in r["m"] + r["f"]:
            pool_parts.add(x)
        for x in r["s"]:
            for y in (x if isinstance(x, tuple) else (x,)):
                pool_parts |= {p for p in re.split(r"[\s\-]+", y) if p}
    pool_parts |= set(NICKS.values())
    probe = set()
    for w in pool_parts:
        probe |= {t for t in re.findall(r"\w+", w.lower()) if len(t) > 1}
    for w in TRAP_TERMS + ORG_KEYS + [p for v in PLACES.values() for p in v]:
        probe |= {t for t in re.findall(r"\w+", w.lower()) if len(t) > 1}
    probe -= PARTICLES
    clash = sorted(probe & earlier)
    if clash:
        fail("found in earlier generators or names.json: " + ", ".join(clash))
    for term in TRAP_TERMS:
        if not any(re.search(r"\b" + re.escape(term) + r"\b", t[0], re.I) for t in TRAPS) and \
                term not in ("Trileptal", "Campral", "Corlette", "Shortec", "Biodentine", "Mersilk"):
            fail("trap term unused: " + term)
    pool_lower = {p.lower() for p in pool_parts if len(p) > 1} - PARTICLES
    ids, texts = set(), set()
    for rec, info in zip(out, meta):
        tid, text, ents = rec["id"], rec["text"], rec["entities"]
        if tid in ids or text in texts:
            fail("duplicate id or text " + tid)
        ids.add(tid)
        texts.add(text)
        if info["template"] == "trap" and ents:
            fail(tid + ": trap text with spans")
        if info["template"] != "trap" and not any(e["type"] == "PERSON" for e in ents):
            fail(tid + ": text with identifiers names no person")
        prev = 0
        pid_forms = {}
        for e in ents:
            s, t = e["start"], e["end"]
            if not (0 <= s < t <= len(text)) or s < prev:
                fail("%s: bad or overlapping span %r" % (tid, e))
            prev = t
            sl = text[s:t]
            if sl != e["_s"]:
                fail("%s: slice %r != inserted %r" % (tid, sl, e["_s"]))
            if sl != sl.strip() or not sl:
                fail("%s: untrimmed span %r" % (tid, sl))
            if e["type"] not in KINDS:
                fail("%s: bad type %s" % (tid, e["type"]))
            if (e["type"] == "PERSON") != (e["person"] is not None):
                fail("%s: person id on wrong type %r" % (tid, e))
            if e["person"]:
                pid_forms.setdefault(e["person"], []).append(sl)
        people = {p.pid: p for p in info["people"]}
        if set(pid_forms) != set(people):
            fail("%s: person ids %s vs people %s" % (tid, sorted(pid_forms), sorted(people)))
        for pid, forms in pid_forms.items():
            p = people[pid]
            parts = {x.lower() for x in p.parts()} | {NICKS.get(p.given, "").lower()}
            for form in forms:
                if info["ocr"]:
                    continue
                toks = norm_tokens(form)
                flat = form.replace(" ", "").lower()
                spelled = flat == p.family.replace(" ", "").lower()
                ok = spelled or all(tk in parts or (len(tk) == 1 and any(x.startswith(tk) for x in parts))
                                    or (len(tk) <= 4 and tk.isalpha() and all(
                                        any(x.startswith(c) for x in parts) for c in tk))
                                    for tk in toks)
                if not ok:
                    fail("%s: %r is not a form of %s's name" % (tid, form, pid))
        # mask spans and look for leftover name parts
        masked = list(text)
        for e in ents:
            for k in range(e["start"], e["end"]):
                masked[k] = "\u2588"
        masked = "".join(masked)
        low = masked.lower()
        for p in info["people"]:
            for part in p.parts():
                pl = part.lower()
                if pl in PARTICLES or len(pl) < 2:
                    continue
                if re.search(r"(?<!\w)" + re.escape(pl) + r"(?!\w)", low):
                    fail("%s: name part %r of %s outside a span" % (tid, part, p.pid))
        for w in re.findall(r"\w+", low):
            if w in pool_lower and w not in info["allow"]:
                fail("%s: pool name part %r outside a span" % (tid, w))
        for w in info["allow"]:
            if w not in low:
                fail("%s: declared word-name %r unused" % (tid, w))
    for rec in out:
        for e in rec["entities"]:
            del e["_s"]
            if e["person"] is None:
                del e["person"]


def main():
    out, meta = build()
    check(out, meta)
    if len(out) != 300 or sum(1 for r in out if r["entities"]) != 220:
        fail("not 300 texts with 220 holding identifiers")
    lines = [json.dumps(r, ensure_ascii=False) for r in out]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    n_pii = sum(1 for r in out if r["entities"])
    counts = {}
    for r in out:
        for e in r["entities"]:
            counts[e["type"]] = counts.get(e["type"], 0) + 1
    lens = sorted(len(r["text"]) for r in out)
    print("wrote %d texts (%d with identifiers, %d without) to %s" % (
        len(out), n_pii, len(out) - n_pii, OUT))
    print("spans per type: " + ", ".join("%s %d" % kv for kv in sorted(counts.items())))
    print("median length %d chars (min %d, max %d)" % (lens[len(lens) // 2], lens[0], lens[-1]))


if __name__ == "__main__":
    main()
