#!/usr/bin/env python3
"""Deterministic generator for the sanitizer's fifteenth BLIND corpus (blind15.jsonl), the
eighteenth corpus overall.

Run from the repository root:  python3 sanitizer/corpus/generate_blind15.py
Output is byte-identical on every run (own seed, no clock, no environment).

Blind by construction: written without running the sanitizer on it and without reading the
sanitizer's source or its generalisation tests, so it is fitted to the system in neither
direction. It is meant to be scored ONCE, later, by someone other than its author.
Templates, word lists and names share nothing by design with generate.py (dev),
generate_heldout.py (heldout), generate_test.py (test) and generate_blind.py ..
generate_blind14.py (blind .. blind14): the self-check at the end refuses any pool name
part, nickname, trap term, organisation key word or place found (as a whole word,
case-insensitive) in those files, in their .jsonl outputs or in names.json. Only name
particles and one- or two-letter tokens are exempt.

Genres and their shapes (300 texts: 220 naming a person, 80 with no identifier), chosen to
differ from every earlier corpus: hyperbaric dive logs, inter-island ferry medical
transfers, ship's medical logs, mountain-rescue call-outs, marathon first-aid points,
concussion sideline forms, histopathology request forms, microbiology phoned-results logs,
point-of-care glucose-meter lockouts, nuclear-medicine injection logs, lithotripsy lists,
food-challenge sheets, phototherapy (UVB) dose logs, travel-clinic certificates, home
oxygen orders, wheelchair-service referrals, driving-assessment letters, insulin-pump
downloads, CGM alert texts, seizure diaries, sickle-cell passports, haemophilia treatment
diaries, patients' valuables books, porter job tickets, isolation door signs, hand-hygiene
audits, mandatory-training attendance, simulation debriefs, M&M minutes, journal-club
slides, conference author lines, ethics-committee letters, patient-survey free text,
podcast and radio transcripts, coroner's listings, witness statements, fire roll calls,
helipad logs, car-park permits, staff badges, return-to-work interviews, fridge-temperature
logs, cleft-clinic letters, vestibular and voice-clinic notes, and chat messages in lower
case. People are mentioned repeatedly and partially (surname only, given name only, title +
surname, initials, nickname, upper-case surname first, a form in another script) and every
mention carries one ``person`` id. The texts without identifiers are traps: eponymous signs
and tests from orthopaedics and abdominal examination, drug and device brand names, English
office-holder words used as words (a bishop in chess, the ward steward, the dean of the
medical school), organisation names, anatomy and capitalised sentence openers.

Names are real, listed by hand from public naming studies and national statistics of
regions no earlier corpus drew on (every earlier docstring was read; blind7 .. blind14
regions and their neighbours avoided):
- Isthmus Zapotec (Juchitán, Oaxaca): Juchiteco family names and older given names;
- Aromanian (Vlach) families of Macedonia, Albania and Dobruja;
- Karakalpak (Nukus, Karakalpakstan): -ov / -ova family names and Karakalpak given names;
- Svan and Megrelian Georgian: -iani / -ani and -ia / -ava family names, Georgian
  diminutives, and the Georgian (Mkhedruli) script;
- Basotho (Lesotho): Sesotho family and given names, including the "Ma-" names of mothers;
- Sephardi (Ladino-speaking families of Istanbul and Izmir): Judeo-Spanish names;
- Acehnese (Aceh): personal names without a family name, with "bin" / "binti" + father;
- Hakka (Meixian and the Hakka diaspora of Sabah and Mauritius): family name first, a
  two-syllable given name, and the Chinese characters;
- Azorean Portuguese (São Miguel, Terceira, Pico): family names with particles (da, de, do);
- English family names that are offices and ranks (never used before as a class).
"""

import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "blind15.jsonl")
SEED = 1515_2026

PARTICLES = {"da", "de", "do", "dos", "das", "bin", "binti"}

# region -> (given names with sex, family names, nicknames)
REGIONS = {
    "zapotec": (
        [("Nazario", "m"), ("Macedonio", "m"), ("Cenobio", "m"), ("Floriberto", "m"),
         ("Juvencio", "m"), ("Tomasa", "f"), ("Petrona", "f"), ("Eufrosina", "f"),
         ("Eustolia", "f"), ("Evarista", "f")],
        ["Matus", "Castillejos", "Charis", "Gurrión", "Regalado", "Toledo", "Musalem",
         "Pineda", "Orozco", "Ramírez"],
        {},
    ),
    "aromanian": (
        [("Sterie", "m"), ("Tache", "m"), ("Naum", "m"), ("Hristu", "m"), ("Mitru", "m"),
         ("Zoica", "f"), ("Vanghea", "f"), ("Dina", "f"), ("Marghioala", "f")],
        ["Papahagi", "Caragiani", "Belimace", "Capidan", "Cușa", "Ciumeti", "Cândroveanu"],
        {"Hristu": "Tuli", "Mitru": "Mitică"},
    ),
    "karakalpak": (
        [("Ajiniyaz", "m"), ("Tolepbergen", "m"), ("Kunxoja", "m"), ("Saginbay", "m"),
         ("Ibrayim", "m"), ("Aysulu", "f"), ("Gulparshin", "f"), ("Sarbinaz", "f"),
         ("Jamila", "f")],
        ["Kaipbergen", "Aimbet", "Seytnazar", "Allanazar", "Utep", "Jumamurat", "Tajimurat"],
        {},
    ),
    "georgian": (
        [("Guram", "m"), ("Revaz", "m"), ("Shota", "m"), ("Zviad", "m"), ("Tengiz", "m"),
         ("Ketevan", "f"), ("Mzia", "f"), ("Manana", "f"), ("Lela", "f"), ("Nanuli", "f")],
        ["Khergiani", "Gabliani", "Chartolani", "Kaldani", "Zhvania", "Kvaratskhelia",
         "Shengelia", "Gogokhia", "Danelia", "Japaridze"],
        {"Ketevan": "Keti", "Revaz": "Rezo", "Tengiz": "Tengo",
         "Shota": "Shotiko"},
    ),
    "basotho": (
        [("Teboho", "m"), ("Motlatsi", "m"), ("Tšepo", "m"), ("Retšelisitsoe", "m"),
         ("Limpho", "f"), ("Relebohile", "f"), ("Mamello", "f"), ("Lineo", "f"),
         ("Mamokete", "f"), ("Matšeliso", "f")],
        ["Mokhehle", "Khabo", "Mosisili", "Lekhanya", "Molapo", "Makoa", "Sekhonyana",
         "Mphutlane", "Lerotholi"],
        {"Relebohile": "Rele", "Retšelisitsoe": "Tsi"},
    ),
    "sephardi": (
        [("Bohor", "m"), ("Nissim", "m"), ("Avram", "m"), ("Yako", "m"), ("Reina", "f"),
         ("Djoya", "f"), ("Palomba", "f"), ("Estrea", "f"), ("Mazal", "f")],
        ["Alhadeff", "Benveniste", "Kamhi", "Eskenazi", "Gabay", "Benaroya", "Algazi",
         "Saporta", "Taragan"],
        {"Avram": "Avramiko", "Yako": "Yakito"},
    ),
    "acehnese": (
        [("Irwandi", "m"), ("Muzakir", "m"), ("Safrizal", "m"), ("Zulfadli", "m"),
         ("Munawar", "m"), ("Meutia", "f"), ("Nurhayati", "f"), ("Rahmatillah", "f"),
         ("Cutmala", "f")],
        ["Hasballah", "Daud", "Usman", "Abubakar", "Ilyas", "Yusri"],
        {},
    ),
    "hakka": (
        [("Nyuk Lan", "f"), ("Siew Fah", "f"), ("Kon Fatt", "m"), ("Kiong Hin", "m"),
         ("Thiam Foo", "m"), ("Kwai Yun", "f")],
        ["Voon", "Phang", "Thong", "Liew", "Kiew", "Fui", "Jong"],
        {},
    ),
    "azorean": (
        [("Eduíno", "m"), ("Gilberto", "m"), ("Amâncio", "m"), ("Lurdes", "f"),
         ("Ermelinda", "f"), ("Fátima", "f"), ("Natércia", "f")],
        ["Medeiros", "Mendonça", "Goulart", "Botelho", "Bettencourt", "Pacheco", "Arruda",
         "da Ponte", "do Rego", "de Melo", "da Silveira", "Resendes"],
        {"Fátima": "Fafá"},
    ),
    "english": (
        [("Peregrine", "m"), ("Jolyon", "m"), ("Lancelot", "m"), ("Ottoline", "f"),
         ("Hermione", "f"), ("Letitia", "f"), ("Araminta", "f")],
        ["Sheriff", "Steward", "Abbot", "Chancellor", "Bailiff", "Beadle", "Provost",
         "Alderman", "Verger", "Sexton", "Bursar", "Yeoman", "Constable", "Marshal"],
        {"Araminta": "Minty"},
    ),
}
HAKKA_CHARS = {"Voon": "溫", "Phang": "彭", "Thong": "湯", "Liew": "劉", "Kiew": "丘",
               "Fui": "惠", "Jong": "鍾"}
HAKKA_GIVEN = {"Nyuk Lan": "玉蘭", "Siew Fah": "秀花", "Thiam Foo": "添富", "Kwai Yun": "桂雲",
               "Kiong Hin": "強興"}
GEORGIAN = {"Khergiani": "ხერგიანი", "Gabliani": "გაბლიანი", "Kaldani": "ქალდანი",
            "Zhvania": "ჟვანია", "Shengelia": "შენგელია", "Danelia": "დანელია"}

PLACES = {
    "zapotec": ["Juchitán", "Ixtepec", "Tehuantepec"],
    "aromanian": ["Kruševo", "Voskopojë", "Constanța"],
    "karakalpak": ["Nukus", "Khojeli", "Chimbay"],
    "georgian": ["Mestia", "Zugdidi", "Senaki"],
    "basotho": ["Maseru", "Teyateyaneng", "Mafeteng"],
    "sephardi": ["Balat", "Hasköy", "Kuzguncuk"],
    "acehnese": ["Lhokseumawe", "Bireuën", "Sigli"],
    "hakka": ["Meixian", "Kudat", "Tenom"],
    "azorean": ["Ponta Delgada", "Angra do Heroísmo", "Ribeira Grande", "Madalena"],
    "english": ["Rickmansworth", "Wivenhoe", "Saltburn"],
}
ORG_WORDS = ["Halyard", "Merrow", "Quillon", "Tidewell", "Brackenholm", "Sallowmere"]
ORG_KINDS = ["Hyperbaric Unit", "Ferry Services", "Rescue Team", "Pathology Partnership",
             "Medical Chambers", "Wheelchair Service"]

# Trap vocabulary (no identifiers): eponyms, brands, office words used as words.
TRAPS = ["Matles", "Elson", "Stinchfield", "Gower", "Aaron", "Markle", "Ballance", "Cope",
         "Trömner", "Gillet", "Sistrunk", "Thiersch", "Reverdin", "Limberg", "Dufourmentel",
         "Zitelli", "Cattell", "Braasch", "Mattox", "Beger", "Oakland", "Pittsburgh",
         "Ypsomed", "Accu-Chek", "Contour", "Aerochamber", "Oxyneo", "Kenalog", "Actilite",
         "Urgotul", "Atrauman", "Durafiber", "Exufiber", "Tielle", "Kliniderm", "Comfeel",
         "Leukomed", "Mefix", "Hypafix", "Tubifast", "Tensopress", "Zipzoc", "Kerlix",
         "sheriff", "steward", "abbot", "chancellor", "bailiff", "beadle", "provost",
         "alderman", "verger", "sexton", "bursar", "yeoman", "constable", "marshal"]

MON = ["January", "February", "March", "April", "May", "June", "July", "August",
       "September", "October", "November", "December"]
MON3 = [m[:3] for m in MON]


class Person:
    """One person of a text: given, family, sex, region."""

    def __init__(self, rng, region, script=False, sex=None):
        given, fam, nick = REGIONS[region]
        pool = [g for g in given if g[1] == sex] if sex else given
        self.region = region
        self.given, self.sex = rng.choice(pool)
        self.fam = rng.choice(fam)
        if script:
            self.fam = rng.choice(sorted(HAKKA_CHARS if region == "hakka" else GEORGIAN))
            if region == "hakka":
                self.given, self.sex = rng.choice([g for g in pool if g[0] in HAKKA_GIVEN])
        self.nick = nick.get(self.given)
        if region == "acehnese":
            father = rng.choice([g for g, s in given if s == "m" and g != self.given])
            self.fam = ("bin " if self.sex == "m" else "binti ") + father

    def full(self):
        if self.region == "hakka":
            return f"{self.fam} {self.given}"
        return f"{self.given} {self.fam}"

    def sur(self):
        if self.region == "acehnese":
            return self.given
        return self.fam

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
            return f"{g[0]}. {s}" if self.region not in ("acehnese", "hakka") else self.full()
        if kind == "U":
            return self.full().upper()
        if kind == "SU":
            if self.region in ("acehnese", "hakka"):
                return self.full().upper()
            return f"{s.upper()}, {g}"
        if kind == "l":
            return (self.nick or g).lower()
        if kind == "n":
            return self.nick or g
        if kind == "x":
            if self.region == "hakka" and self.fam in HAKKA_CHARS:
                return HAKKA_CHARS[self.fam] + HAKKA_GIVEN.get(self.given, "")
            if self.region == "georgian" and self.fam in GEORGIAN:
                return GEORGIAN[self.fam]
            return self.full()
        raise ValueError(kind)

    def title(self, rng):
        if self.sex == "m":
            return rng.choice(["Mr", "Mr.", "Dr"])
        return rng.choice(["Mrs", "Ms", "Miss", "Dr"])


class Doc:
    """Builds one text and its gold spans by construction."""

    TOKEN = re.compile(r"\[([^\[\]]*)\]|\{([^{}]+)\}")

    def __init__(self, rng, regions, script=False):
        self.script = script
        self.sexes = {}
        self.rng = rng
        self.text = ""
        self.ents = []
        self.people = {}
        self.regions = regions
        self.region = regions[0]

    def person(self, key):
        if key not in self.people:
            idx = len(self.people)
            region = self.regions[idx % len(self.regions)]
            while True:
                p = Person(self.rng, region, self.script and key == "p1", self.sexes.get(key))
                if all(p.given != q.given and p.sur() != q.sur()
                       for q in self.people.values()):
                    break
            self.people[key] = p
        return self.people[key]

    def add(self, s, kind=None, pid=None):
        start = len(self.text)
        self.text += s
        if kind:
            e = {"start": start, "end": len(self.text), "type": kind}
            if pid:
                e["person"] = pid
            self.ents.append(e)

    def render(self, tmpl):
        pos = 0
        for m in self.TOKEN.finditer(tmpl):
            self.add(tmpl[pos:m.start()])
            pos = m.end()
            if m.group(1) is not None:
                self.render(self.rng.choice(m.group(1).split("|")))
            else:
                self.slot(m.group(2))
        self.add(tmpl[pos:])

    def slot(self, name):
        rng = self.rng
        if re.fullmatch(r"p\d=[mf]", name):
            self.sexes[name[:2]] = name[3]
        elif re.fullmatch(r"p\d(\.\w+)?", name):
            key, _, kind = name.partition(".")
            p = self.person(key)
            self.add(p.form(rng, kind or "f"), "PERSON", key)
        elif re.fullmatch(r"t\d", name):
            self.add(self.person("p" + name[1]).title(rng))
        elif name == "DATE":
            self.add(date(rng), "DATE")
        elif name == "DOB":
            self.add(date(rng, 1931, 2019), "DATE")
        elif name == "AGE":
            self.add(age(rng), "AGE")
        elif name == "ID":
            self.add(ident(rng), "ID")
        elif name == "PHONE":
            self.add(phone(rng), "PHONE")
        elif re.fullmatch(r"EMAIL(:p\d)?", name):
            if ":" in name:
                p = self.person(name[6:])
                local = p.sur().split()[-1] + "." + p.given.split()[0]
                local = strip_accents(local).lower()
            else:
                local = rng.choice(["bookings", "oncall.rota", "dive.unit", "admin"])
            dom = rng.choice(["nhs.net", "merrowhealth.org", "tidewell.ac.uk", "mail.pt"])
            self.add(f"{local}@{dom}", "EMAIL")
        elif name == "URL":
            self.add(rng.choice(["https://", "www.", "http://"]) + rng.choice(
                ["quillon-rescue.org/log/", "halyard-hbo.co.uk/case/", "sallowmere.nhs.uk/r/"])
                + str(rng.randint(1000, 99999)), "URL")
        elif name == "SSN":
            self.add(f"{rng.randint(100, 899)}-{rng.randint(10, 99)}-{rng.randint(1000, 9999)}",
                     "SSN")
        elif name == "LOC":
            self.add(rng.choice(PLACES[self.region]), "LOCATION")
        elif name == "ORG":
            self.add(f"{rng.choice(ORG_WORDS)} {rng.choice(ORG_KINDS)}", "ORG")
        elif name == "TIME":
            self.add(f"{rng.randint(0, 23):02d}:{rng.choice([0, 5, 12, 20, 35, 48]):02d}")
        elif name == "N":
            self.add(str(rng.randint(2, 60)))
        else:
            raise ValueError(name)


def strip_accents(s):
    import unicodedata
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def date(rng, y0=2023, y1=2026):
    y, m, d = rng.randint(y0, y1), rng.randint(1, 12), rng.randint(1, 28)
    st = rng.randrange(6)
    if st == 0:
        return f"{d:02d}/{m:02d}/{y}"
    if st == 1:
        return f"{y}-{m:02d}-{d:02d}"
    if st == 2:
        return f"{d} {MON[m - 1]} {y}"
    if st == 3:
        return f"{d:02d}.{m:02d}.{str(y)[2:]}"
    if st == 4:
        return f"{MON3[m - 1]} {d}, {y}"
    return f"{d:02d}{MON3[m - 1].upper()}{y}"


def age(rng):
    n = rng.randint(2, 96)
    return rng.choice(["{} years", "{}y", "{} yrs", "{} year old", "{}yo"]).format(n)


def ident(rng):
    st = rng.randrange(4)
    if st == 0:
        return f"{rng.randint(100, 999)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"
    if st == 1:
        return f"HB{rng.randint(1000000, 9999999)}"
    if st == 2:
        return f"{rng.choice('KRTW')}{rng.randint(10, 99)}-{rng.randint(10000, 99999)}"
    return str(rng.randint(30000000, 69999999))


def phone(rng):
    st = rng.randrange(4)
    if st == 0:
        return f"07{rng.randint(100, 999)} {rng.randint(100000, 999999)}"
    if st == 1:
        return f"+351 296 {rng.randint(100, 999)} {rng.randint(100, 999)}"
    if st == 2:
        return f"01{rng.randint(100, 999)} {rng.randint(100, 999)} {rng.randint(100, 999)}"
    return f"ext {rng.randint(2000, 7999)}"


# Templates naming people. {pN.kind}: f full, g given, s family, i initials, is initial +
# family, U upper full, SU "FAMILY, Given", l lower-case given/nickname, n nickname,
# x other-script form. {tN}: title of pN (never in the span). [a|b]: one of the options.
PERSON_T = [
    # hyperbaric dive logs
    "HBO chamber dive {N} - {DATE}. Attendant inside: {p1}. Patient {p2.SU}, [CO poisoning|"
    "non-healing radiation cystitis|DCI type II], table 62 completed, no ear barotrauma. "
    "{p1.g} to [equalise|clear] earlier next dive.",
    "Dive log\nDate: {DATE}\nOperator: {p1.is}\nInside attendant: {p2.i}\nPatient: {p3} "
    "({AGE})\nSession {N}/30. Air breaks x3. [Claustrophobic at depth, talked down by "
    "{p2.g}.|Settled throughout.] {t3} {p3.s} reports less pain in the foot.",
    # inter-island ferry medical transfer
    "Medical transfer by ferry from {LOC} {DATE}: {p1}, {AGE}, [query appendicitis|fractured "
    "neck of femur|threatened preterm labour], escorted by nurse {p2}. Crossing rough; "
    "{p1.g} vomited twice, obs stable. Handed over to {t3} {p3.s} on the quay. "
    "A relative, {p4.g}, is following on the next sailing.",
    "FERRY CASEVAC  {DATE}  {TIME}\nPT: {p1.U}  {AGE}\nESCORT: {p2.U}\nDEST: {LOC} "
    "\nBoarding delayed 40 min for weather.",
    # ship's medical log
    "{p1=m}Ship's medical log, {DATE}. Seaman {p1} reported to the ship's hospital with a "
    "lacerated palm after a wire parted on deck. Wound irrigated and closed, four sutures. "
    "Master informed. {p1.s} placed on light duties; second officer {p2} to cover his watch. "
    "Radio medical advice taken from {ORG}, {PHONE}.",
    "{p1=m}log entry {TIME} - cook {p1.s} c/o chest pain, ECG faxed ashore, {p2.is} (2/O) sat with "
    "him. pain settled {TIME}. {p1.g} to be seen at next port.",
    # mountain rescue
    "Call-out {N}, {DATE}: walker {p1} ({AGE}) slipped on wet rock, suspected ankle fracture. "
    "Team leader {p2} with {p3.g} and {p4.g} on the hill by {TIME}. Casualty carried 2 km to "
    "the road. {p1.g}'s partner {p5} had raised the alarm on {PHONE}.",
    "MRT casualty card - name {p1.SU} - DOB {DOB} - injuries: [head lac, GCS 15|wrist "
    "deformity|hypothermic, shivering] - treated by {p2.i} - handed to ambulance {TIME}",
    # marathon first aid
    "Mile 22 first-aid point: runner bib {N}, {p1}, collapsed, temp 40.1, cooled with ice "
    "towels by {p2.g} and {p3.g}. Transferred to {ORG} tent. [{p1.g} asked about the "
    "finishing time.|{p1.g} asked to carry on - told no.]",
    "{p2=f}hey {p1.l} - the runner from the km 30 table, {p2}? her husband rang, she's "
    "fine now, discharged from the tent. cheers, {p3.l}",
    # concussion sideline form
    "Sideline concussion assessment\nPlayer: {p1}\nClub: {ORG}\nDOB: {DOB}\nAssessed by: {p2} "
    "(club physio)\nMaddocks 3/5, balance errors 7. REMOVED FROM PLAY. Parent ({p3}) "
    "informed, advised no driving and graduated return. {p1.g} not to train until cleared by "
    "{t4} {p4.s}.",
    "{p1=m}{p1.n} took a knock in the second half and didn't remember the score. Coach {p2.s} "
    "pulled him off. Mum collecting. - {p3.is}",
    # histopathology request
    "HISTOPATHOLOGY REQUEST\nSurname: {p1.s}   Forename: {p1.g}\nHosp no: {ID}   DOB: {DOB}"
    "\nSpecimen: [skin ellipse L forearm|polyp, sigmoid 25 cm|lymph node, R axilla]\nClinical:"
    " [?BCC|?adenoma|?lymphoma]\nRequesting clinician: {p2.is}\nSigned: {p2.i}",
    "Report addendum {DATE}: case discussed with {t1} {p1.s} at the skin MDT; margins clear. "
    "Reported by {p2}, consultant histopathologist. Copy to GP {t3} {p3.s}. [Patient|{t1} {p1.s}] to be told the result at the "
    "nurse-led clinic; no further excision needed unless new lesions appear.",
    # micro phoned results
    "Phoned results log\n{TIME} Blood culture +ve, GPC clusters, pt {p1.SU} ({ID}), ward "
    "[7|11|12B], told to {p2.is} (FY1), read back OK.\n{TIME} CSF gram nil, pt {p3.SU}, "
    "told to {p4.g} on the ward, read back OK.\nBMS: {p5.i}",
    "Micro called: {p1}'s MRSA screen positive (groin). Spoke to nurse in charge {p2.g}. "
    "Decolonisation started {DATE}. Side room not available, so "
    "{p1.s} stays in bay 2 with the curtains drawn. {p2.g} to tell the family and rescreen "
    "in a week.",
    # POCT
    "POCT meter 14 locked out: operator {p1} ([training expired|QC failed x2]). Please "
    "re-certify. Contact {p2} on {PHONE}.",
    "glucose meter audit - {p1.i} used {p2.i}'s barcode on {DATE}. Both spoken to by "
    "{p3.is}.",
    # nuclear medicine
    "Nuclear medicine injection log {DATE}\n{TIME}  {p1.SU}  Tc-99m MDP  600 MBq  L ACF  inj "
    "by {p2.i}\n{TIME}  {p3.SU}  Tc-99m MAG3  100 MBq  R hand  inj by {p2.i}\nChecked {p4.i}",
    "Dear {t1} {p1.s}, your bone scan is booked for {DATE}. Please drink plenty of water and "
    "bring a friend, but not small children or anyone pregnant. If you are breastfeeding tell "
    "{p2} in the department on {PHONE} before you come. Yours sincerely, {p3}, "
    "Nuclear Medicine Technologist",
    # lithotripsy
    "Lithotripsy list {DATE}: 1. {p1.SU} 8 mm L PUJ stone; 2. {p2.SU} 6 mm R lower pole; 3. "
    "{p3.SU} [cancelled - on clopidogrel|DNA]. Operator {p4.is}. {p2.s} to stop aspirin [five days|a week] before; {p1.g} needs a "
    "KUB film on the morning and an escort home (lives alone).",
    # food challenge
    "{p3=f}Food challenge sheet\nChild: {p1}  ({AGE})\nFood: baked [egg|milk|peanut]\nDoses given "
    "by {p2.g} at 20-min intervals to top dose; no reaction. Mum ({p3.g}) relieved; {p1.g} "
    "may have it at home daily. Reviewed by {t4} {p4.s}.",
    "{p3=m}{p1.g} ({AGE}) had hives after dose 3 of cashew. Cetirizine given by {p2.is}. Challenge "
    "stopped, obs 1 hrly x4. Dad {p3.n} aware.",
    # phototherapy
    "NB-UVB dose log: {p1.SU}, skin type [II|III|IV], {ID}. Session {N}: {N}0 mJ, mild "
    "erythema next day, hold increment. Nurse {p2.i}, next session {DATE}.",
    "Phototherapy: {t1} {p1.s} missed 3 sessions (bus strike). Course restarted by {p2.g} "
    "at the last dose tolerated. Plaques on the shins clearing; elbows slower. {p1.g} asked "
    "about home units - not funded, explained.",
    # travel clinic
    "International Certificate of Vaccination. This is to certify that {p1.U}, date of birth "
    "{DOB}, nationality [Portuguese|Georgian|British], has on the date indicated been "
    "vaccinated against yellow fever. Signature of clinician: {p2.is}. Official stamp: {ORG}.",
    "travel clinic - {p1.g} going to {LOC} for {N} days to visit [grandmother|cousins], "
    "typhoid + hep A given {DATE}, malaria advice by {p2.i}. "
    "rabies not given (cost), discussed. {p1.g} to come back in 4 weeks for the second "
    "dose.",
    # home oxygen order
    "Home Oxygen Order Form. Patient: {p1}, {AGE}. Address: [Flat 3,|] {N} [Quay Street|Mill "
    "Lane], {LOC}. Tel {PHONE}. Flow 2 L/min, 15 hours per day, concentrator + back-up "
    "cylinder. Smoker in the household? No. Ordering clinician: {p2}, respiratory nurse. "
    "{p1.g}'s daughter {p3} holds the key and should be called first.",
    # wheelchair referral
    "Wheelchair services referral for {p1} ({DOB}). {p1.g} has [MS|a below-knee "
    "amputation|cerebral palsy] and self-propels indoors only. Carer {p2.g} cannot lift the "
    "current chair into the car. Please assess for a lighter frame. Referrer {p3.is}, OT.",
    # driving assessment
    "Dear {t1} {p1.s},\n\nThank you for attending the driving assessment centre on {DATE}. "
    "Your on-road drive with our driving instructor, {p2}, and occupational therapist {p3} "
    "showed safe judgement at junctions but slowed reactions after forty minutes. We advise "
    "you to drive only locally and in daylight. A copy goes to {t4} {p4.s}.\n\nYours "
    "sincerely\n{p3}",
    # insulin pump / CGM
    "{p2=f}Pump download {DATE}: {p1} (T1DM, {AGE}). Time in range 54%. Lows overnight after "
    "basketball; {p1.g} and mum ({p2.g}) to try temp basal. DSN {p3.is}.",
    "CGM alert text from {p1.n}: 'urgent low 2.9 at school' - {p2.g} (school office) gave "
    "juice, rechecked 5.1. Logged by {p3.i}.",
    "{p2=f}{p1.l}: low again 3.1 lol. {p2.l}: drink it and text me in 15. {p1.l}: ok mum",
    # seizure diary
    "Seizure diary ({p1})\n{DATE} 03:10 tonic-clonic 2 min, witnessed by {p2.g} (partner)\n"
    "{DATE} absence x3 at work, colleague {p3.n} noticed\nBrought to clinic by {p2.g}. "
    "{t4} {p4.s} to increase lamotrigine.",
    # sickle passport
    "SICKLE CELL PASSPORT\nName: {p1}\nHb SS  Baseline Hb 78\nPreferred analgesia: "
    "oxycodone 10 mg\nHaematologist: {t2} {p2.s}\nNext of kin: {p3} {PHONE}",
    # haemophilia diary
    "{p2=f}Haemophilia treatment diary - {p1.SU}\n{DATE} prophylaxis 2000 IU L arm (self)\n{DATE} "
    "bleed R knee, 3000 IU given by {p2.g} (wife)\nReviewed by {p3.is}, haemophilia nurse.",
    # valuables book
    "Patient's property/valuables book, entry {N}. Received from {p1} on admission {DATE}: "
    "one yellow metal ring, one watch, cash £{N}.40. Witnessed by {p2.is} and {p3.is}. "
    "Returned to [{p1.g}|{t1} {p1.s}] on discharge, signed {p1.i}.",
    # porter ticket
    "PORTER JOB {N}  {TIME}  FROM: [ward 4|ED majors|CT]  TO: [X-ray|theatre recovery|ward "
    "9]  PT: {p1.U}  BED {N}  O2: Y  REQ BY: {p2.U}",
    "{p2=f}porters - can someone take {p1.s} (bed 6) down to echo, {p2.g} is on her own up here",
    # isolation sign
    "Isolation room 3 - [contact|droplet] precautions. Before entering speak to the nurse in "
    "charge ({p1.n}) or {p2.is}. Visitors for {p3.g} must wear apron and gloves.",
    # hand hygiene audit
    "Hand hygiene audit {DATE}, ward [6|10|C]: 18/20 compliant. Missed moments: {p1.i} "
    "(before patient contact), HCA {p2.g} (after body fluid). Fed back on the spot by "
    "{p3}, IPC nurse. Ward manager {t4} {p4.s} informed.",
    # mandatory training
    "Mandatory training - basic life support, {DATE}\nAttended: {p1}, {p2}, {p3.is}, {p4.U}"
    "\nDid not attend: {p5}\nTrainer: {p6.is}",
    # simulation debrief
    "Sim debrief (paediatric anaphylaxis), {DATE}. Team leader {p1.g} called for adrenaline "
    "at 2 min; {p2.g} drew up the wrong dose, caught by {p3.g} on read-back. Good closed-loop "
    "talk. Facilitators {p4} and {p5}. Learning point for {p2.g}: check weight on the "
    "Broselow tape.",
    # M&M
    "M&M minutes {DATE}\nPresent: {p1.is} (chair), {p2.is}, {p3.is}, {p4.g} (FY2)\nCase 1 "
    "presented by {p4.g}: delayed recognition of a retroperitoneal bleed. {p1.s} asked why "
    "the CT was not done sooner; {p2.s} felt the NEWS was falsely reassuring. Action: {p3.s} "
    "to update the guideline by {DATE}.",
    # journal club
    "Journal club, {DATE}. Presenter: {p1} (ST4). Paper: early mobilisation after hip "
    "fracture. Discussion led by {t2} {p2.s}. Next month: {p3}.",
    # conference abstract authors
    "{p1.is}¹, {p2.is}¹,², {p3.is}². Outcomes of hyperbaric oxygen for radiation proctitis: "
    "a ten-year series. ¹{ORG}; ²{ORG}. Correspondence: {EMAIL:p1}",
    # ethics committee
    "Dear {t1} {p1.s},\n\nREC reference {ID}. The committee reviewed your application on "
    "{DATE} and gives a favourable opinion, subject to a revised participant leaflet. The "
    "meeting was chaired by {p2}; {p3} declared an interest and left the room. Please "
    "address queries to {p4} at {EMAIL:p4}.\n\nYours sincerely,\n{p4.is}, REC Manager",
    # patient survey
    "Friends & Family free text: 'The night nurse {p1.g} was wonderful with my dad, nothing "
    "was too much trouble. But the doctor ({p2.s}?) never came back to explain the scan.' - "
    "{p3.i}",
    "{p3=f}survey comment: thank you to {p1.n} on the desk and to {t2} {p2.s}, my mum {p3.g} was "
    "very scared and they made her laugh",
    # podcast / radio transcript
    "00:03:12 HOST: Today I'm joined by {p1}, who runs the island's only dialysis unit. "
    "{p1.g}, welcome.\n00:03:15 {p1.U}: Thanks. So we see patients from all over, and "
    "some of them, like {p2.g}, have to take the ferry three times a week.\n00:03:24 HOST: "
    "That's a long day.",
    "{p1=f}Radio interview transcript: '... and that's when {t1} {p1.s} - {p1.g}, we all call her "
    "{p1.n} - said she'd open the clinic on Saturdays.' Presenter: {p2}. "
    "Listeners later rang in to thank {p1.g} and the volunteer drivers, among them {p3}.",
    # coroner listing
    "{p4=f}Coroner's court listing {DATE}. Inquest touching the death of {p1} (aged {N}), late of "
    "{LOC}. Witnesses: {t2} {p2.s} (pathologist), {p3} (paramedic), {p4} "
    "(daughter). Senior Coroner: {p5}.",
    # witness statement
    "{p2=m}WITNESS STATEMENT\nStatement of: {p1}\nAge if under 18: over 18\nOccupation: staff "
    "nurse\nOn {DATE} at about {TIME} I was working on ward 8. I saw the patient in bed 4, "
    "whom I know as {p2}, on the floor. I pressed the buzzer and my colleague {p3.g} came. "
    "{p2.g} said 'I tried to get to the toilet.' I did not move him. {t4} {p4.s} arrived "
    "at about {TIME}.\nSigned {p1.i}",
    # fire roll call
    "FIRE ROLL CALL  ward 5  {TIME}\nstaff: {p1.U} / {p2.U} / {p3.U}\npatients out: 18/18 "
    "incl. {p4.SU} (bed-bound, ski sheet)\nfire warden: {p5.U}",
    # helipad log
    "Helipad log {DATE} {TIME}: aircraft landed, crew paramedic {p1}, patient {p2.SU} to "
    "resus. Helipad officer {p3.is}. Fire cover in place.",
    # car park permit
    "Car park permit {ID} issued to {p1} (visiting {p2.g}, ward 3) valid until {DATE}. Reg "
    "[KX21 TLD|WR19 NPO|BN70 HZE].",
    # staff badge
    "{ORG}\n{p1.U}\nBand 6 Sonographer\nStaff no {ID}",
    # return-to-work
    "Return to work interview {DATE}: {p1} back after {N} days (back pain). Adjustments "
    "agreed with manager {p2}: no heavy lifting for 2 weeks. {p1.g} to see OH ({t3} "
    "{p3.s}) if not improving. Signed {p1.i} / {p2.i}.",
    # fridge log
    "Vaccine fridge log ward 2: {DATE} max 9.1°C - out of range. {p1.is} quarantined stock, "
    "pharmacist {p2} advised. Checked again by {p1.g} at {TIME}: 5.2°C. Stock "
    "kept for now pending manufacturer advice; {p2.g} will ring back before the morning "
    "clinic. Fridge door seal reported to estates.",
    # cleft clinic
    "{p2=f}{p3=f}Dear {t1} {p1.s},\n\nI saw {p2.g} (DOB {DOB}) in the joint cleft clinic today with her "
    "mother {p3} and our speech therapist {p4}. {p2.g}'s palate repair has healed well and "
    "her speech is now nasal only on fatigue. {p4.g} will see her again in the spring. "
    "Please do not hesitate to contact me.\n\n{p5}\nConsultant Cleft Surgeon",
    # vestibular / voice
    "Vestibular clinic: {p1} ({AGE}). Positional vertigo on the right. Epley-style "
    "repositioning done by {p2.g} (audiologist); {p1.s} asked to sleep propped up for two "
    "nights. Partner {p3.n} drove. No driving for "
    "{p1.g} until the dizziness has settled for a week; video of the exercises sent.",
    "Voice clinic: {t1} {p1.s}, a primary school teacher, hoarse since {DATE}. Nodules seen. "
    "SLT {p2} to start vocal hygiene; {p1.g} worried about teaching Year 6. "
    "Review in eight weeks; a sick note for two weeks offered and declined.",
    # family chat lower case
    "{p1.l}: any news on gran? {p2.l}: {p3.l} is with her now, doc said maybe home friday "
    "{p1.l}: tell her i love her x",
    "msg from {p1.l}: tell {p2.l} the ward rang, {p3} can have visitors after 2",
    # upper-case overlays / boards
    "{p1.SU}  {ID}  {DOB}  US ABDOMEN  {DATE}  OP: {p2.i}",
    "THEATRE 3 TODAY: SCRUB {p1.U}  ANAES {p2.U}  ODP {p3.U}",
    # other script alongside romanised
    "Name on the bed card: {p1} ({p1.x}). Interpreter booked for {t1} {p1.s}; a relative, "
    "{p2.g}, speaks for the family.",
    "Referral: {p1} / {p1.x}, {AGE}, reports headaches. [Grandchild|Neighbour] {p2.g} translates. GP {t3} {p3.s}.",
    # email thread
    "From: {p1} <{EMAIL:p1}>\nTo: {p2}\nSent: {DATE}\nSubject: RE: bed for {p3.s}\n\n{p2.g}, "
    "{p3.s} can come up once the side room is cleaned. {p4.g} in housekeeping says 30 "
    "minutes.\n\nThanks, {p1.g}\n\n> From: {p2.is}\n> Any news on the side room? {t3} "
    "{p3.s}'s son is asking.",
    # azores particle letter
    "Exmo. Sr. {p1},\nWe confirm your outpatient appointment at {ORG} on {DATE} with {t2} "
    "{p2.s}. Please bring this letter and your health card ({ID}). Enquiries: {PHONE}.",
    # SSN-bearing US form (diaspora)
    "Intake (US diaspora clinic): {p1}, SSN {SSN}, DOB {DOB}, phone {PHONE}. Referred by "
    "{p2} after a fall at work. Speaks [Portuguese|Georgian|Ladino] at home; daughter "
    "{p3.g} interprets.",
    # URL portal
    "Your results are ready, {p1.g}. Log in at {URL} to see them. Questions? Reply to "
    "this message or call {p2} on {PHONE}.",
    # age only and initials in board
    "Bay 2: {p1.i} {AGE} - {p2.i} {AGE} - {p3.i} {AGE} (side room, {p3.g} confused at night)",
    # word-names in person use
    "{t1} {p1.s} from the chaplaincy team sat with {p2} overnight. {p1} "
    "will return tomorrow morning. [{p2.g} asked for a prayer in Ladino|{p2.g} wanted the window "
    "open] and for the family to be called when the time comes; number in the notes.",
    "Ward steward {p1} brought the meal trolley late; {p2.g} (HCA) covered. {p1.s} "
    "apologised to bay 4.",
]

# Templates with no identifier at all (traps).
TRAP_T = [
    "Matles test positive: the foot falls into neutral when prone. Achilles rupture likely.",
    "Elson test for a central slip injury positive on the [left|right] middle finger.",
    "Stinchfield test reproduces groin pain; hip joint the likely source.",
    "Gower manoeuvre seen when rising from the floor. CK sent.",
    "Aaron sign and Markle heel-drop both positive. Surgical review.",
    "Ballance sign noted on percussion of the left flank. Imaging requested.",
    "Cope psoas test positive; the iliopsoas is irritated. Keep nil by mouth.",
    "Reflexes brisk, Trömner present bilaterally, plantars flexor.",
    "Gillet test shows reduced movement at the right sacroiliac joint.",
    "Thyroglossal cyst: Sistrunk procedure planned. Consent taken by the surgical team.",
    "Thiersch graft take 95% at day five. Donor site dry under [Urgotul|Atrauman].",
    "Limberg flap for pilonidal sinus, drain out day two. [Dufourmentel|Zitelli] "
    "flap discussed as the alternative.",
    "Retroperitoneal exposure by Cattell-Braasch manoeuvre; Mattox manoeuvre not needed.",
    "Chronic pancreatitis: Beger procedure discussed at MDT.",
    "Oakland score 6, safe for outpatient follow-up. Pittsburgh knee rules not met.",
    "Ypsomed pump cannula changed. Accu-Chek strips ordered. Contour meter retired.",
    "Aerochamber with mask issued; technique checked twice.",
    "Oxyneo 10 mg twice daily, reviewed by the pain team. Kenalog injection to the knee.",
    "Actilite to the cavity, Durafiber rope, secondary Kliniderm pad. Change alternate days.",
    "Exufiber to the sacral wound; Comfeel to the heel. Leukomed to the cannula site.",
    "Secure with Mefix. Hypafix for the line dressing. Tielle removed, wound clean.",
    "Tubifast garments to both arms. Tensopress over the ulcer, Zipzoc stocking on the "
    "other leg.",
    "Kerlix roll for the stump. Elevate on two pillows, check toes hourly.",
    "The ward steward will bring fresh water jugs at ten; tea round after lunch.",
    "The sheriff officers delivered the notice, and the patient is very anxious about it.",
    "Abbot ale was served at the retirement party, in moderation.",
    "The chancellor of the university opened the new simulation suite.",
    "Bailiff letters keep arriving; social work to review the debt advice referral.",
    "The beadle showed the volunteers round the chapel before the memorial service.",
    "Provost and governors thanked staff for supporting the flu campaign.",
    "An alderman of the borough is visiting the stroke unit next week.",
    "The verger unlocks the hospital chapel at seven each morning.",
    "Sexton beetles were the theme of the children's ward science week.",
    "The bursar of the nursing college confirmed the bursary payments.",
    "Yeoman warders from the castle gave a talk at the long-stay ward.",
    "Police constable attended as the patient was a witness; statement to follow.",
    "A fire marshal is needed on each floor for the night shift.",
    "Tender over the anatomical snuffbox. Scaphoid views requested. Radial pulse present.",
    "Monday: fasting from midnight. Tuesday: no change to insulin. Wednesday: review.",
    "Swelling of the dorsum of the foot, pitting to the mid shin. Capillary refill 2 s.",
    "Left iliac fossa tender, no guarding. Bowel sounds present. Hernial orifices clear.",
    "Dive table completed without incident. Ear check before next session.",
    "Ferry crossing cancelled due to weather; transfer rebooked by helicopter.",
    "First-aid tent stocked: ice towels, oral rehydration, foil blankets, two defibrillators.",
    "Concussion: removed from play, no return today, graduated return over six days.",
    "Histology: benign compound naevus, completely excised. No further action.",
    "Glucose meter QC passed at both levels. Strips in date.",
    "Fridge temperatures within range all week. Min 3.1, max 6.8.",
    "Dear colleague,\n\nThank you for referring this gentleman with a painful hip. On "
    "examination the Stinchfield test was positive and the Gower manoeuvre normal. X-rays "
    "show moderate osteoarthritis. We have discussed injection and he would like to try "
    "Kenalog first. Please continue regular analgesia.\n\nYours sincerely,\nOrthopaedic "
    "Outpatients",
    "Wound care plan: cleanse with saline, Actilite to the base, Durafiber to the cavity, "
    "cover with a Kliniderm pad and secure with Mefix. Change every second day or sooner if "
    "strike-through. Measure weekly and photograph monthly. Escalate to tissue viability if "
    "no improvement in four weeks.",
    "Ship's surgery inventory checked after the voyage: sutures, splints, oral and "
    "intravenous antibiotics, morphine (locked, register balanced), the defibrillator pads "
    "in date. The second steward asked for more seasickness tablets for the galley crew. "
    "Reorder placed before sailing.",
    "Mountain rescue training night: stretcher lowers on the crag, casualty packaging in a "
    "vacuum mattress, radio checks with base. Thirteen team members attended. Next month: "
    "night navigation and a hypothermia refresher led by the team doctor.",
]


def build():
    """Returns the 300 records."""
    rng = random.Random(SEED)
    regions = sorted(REGIONS)
    person_slots = []
    while len(person_slots) < 220:
        order = list(range(len(PERSON_T)))
        rng.shuffle(order)
        person_slots += order
    person_slots = person_slots[:220]
    trap_slots = []
    while len(trap_slots) < 80:
        order = list(range(len(TRAP_T)))
        rng.shuffle(order)
        trap_slots += order
    trap_slots = trap_slots[:80]
    jobs = [("p", i) for i in person_slots] + [("t", i) for i in trap_slots]
    rng.shuffle(jobs)
    out = []
    for n, (kind, i) in enumerate(jobs, 1):
        if kind == "p":
            tmpl = PERSON_T[i]
            script = ".x}" in tmpl
            if script:
                doc_regions = [rng.choice(["hakka", "georgian"])]
            else:
                doc_regions = [rng.choice(regions)]
            doc_regions += rng.sample(regions, 3)
            doc = Doc(rng, doc_regions, script)
            doc.render(tmpl)
        else:
            doc = Doc(rng, [rng.choice(regions)])
            doc.render(TRAP_T[i])
        out.append({"id": f"blind15-{n:03d}", "text": doc.text, "entities": doc.ents})
    return out


def words(text):
    """Whole words, lower-cased."""
    return {w.lower() for w in re.findall(r"[^\W\d_]+", text)}


def self_check(records):
    """Refuses anything shared with earlier corpora, and checks the records."""
    earlier = ["generate.py", "generate_heldout.py", "generate_test.py", "generate_blind.py",
               "names.json", "dev.jsonl", "heldout.jsonl", "test.jsonl", "blind.jsonl"]
    earlier += [f"generate_blind{k}.py" for k in range(2, 15)]
    earlier += [f"blind{k}.jsonl" for k in range(2, 15)]
    seen = set()
    for f in earlier:
        with open(os.path.join(HERE, f), encoding="utf-8") as fh:
            seen |= words(fh.read())
    ours = set()
    for given, fam, nick in REGIONS.values():
        for g, _ in given:
            ours |= words(g)
        for f in fam:
            ours |= words(f)
        for v in nick.values():
            ours |= words(v)
    for v in PLACES.values():
        for p in v:
            ours |= words(p)
    for t in TRAPS + ORG_WORDS:
        ours |= words(t)
    ours = {w for w in ours if len(w) > 2 and w not in PARTICLES}
    shared = sorted(ours & seen)
    if shared:
        sys.exit("shared with earlier corpora: " + ", ".join(shared))
    assert len(records) == 300
    named = sum(1 for r in records if any(e["type"] == "PERSON" for e in r["entities"]))
    empty = sum(1 for r in records if not r["entities"])
    assert (named, empty) == (220, 80), (named, empty)
    for r in records:
        for e in r["entities"]:
            s = r["text"][e["start"]:e["end"]]
            assert s and s == s.strip(), (r["id"], s)
            assert (e["type"] == "PERSON") == ("person" in e), r["id"]


def main():
    records = build()
    self_check(records)
    with open(OUT, "w", encoding="utf-8", newline="\n") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
