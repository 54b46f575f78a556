#!/usr/bin/env python3
"""Deterministic generator for the sanitizer's TEST corpus (test.jsonl).

Run from the repository root:  python3 sanitizer/corpus/generate_test.py
Output is byte-identical on every run (own seed, no clock, no environment).

Never tuned on: once heldout.jsonl had been looked at it became a second development set,
so this third corpus was written and committed before any change that followed, and its
figures are the held-out numbers from then on. Templates, word lists and names share
nothing by design with generate.py (dev) and generate_heldout.py (heldout): sentence shapes
are referral letters, ward handover notes, radiology report headers, DICOM-ish overlay
lines, photo captions and mixed-case OCR noise; eponyms, drugs, anatomy and devices of the
texts without PII are new too.

Names are real, listed by hand from public statistics (no fake-data generator):
- Japan: most common surnames and given names (Meiji Yasuda name rankings);
- Korea: Statistics Korea census surnames, popular given names;
- Vietnam: most common family names and given names;
- India: common surnames and given names (Registrar General / electoral-roll studies);
- Brazil and Portugal: IBGE and INE surname and given-name rankings;
- Greece, Italy (ISTAT), Spain (INE, Basque and Catalan surnames);
- Ukraine, Romania (national registers), Scotland (NRS) and Wales (ONS) names;
- Arabic given names and family names from national statistics of Jordan/Egypt;
- Ethiopia and Ghana given names, Philippines (PSA) surnames;
- US SSA baby names of the 1950s-1970s and Census 2010 surnames used by neither
  generate.py nor generate_heldout.py.
Many are in none of the sanitizer's name lists.

Gold format: see sanitizer/src/eval.rs (code-point offsets; Python str indices are code
points; `person` names the individual within one text).
"""

import json
import random
import re
from pathlib import Path

SEED = 20261126
HERE = Path(__file__).resolve().parent

POOLS = {
    "jp": (["Haruto", "Yui", "Sota", "Hina", "Ren", "Akari", "Kenji", "Sakura", "Hiroshi",
            "Yuko"],
           ["Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto",
            "Nakamura", "Kobayashi", "Kato"]),
    "kr": (["Minjun", "Seoyeon", "Jiwoo", "Hayoon", "Dohyun", "Jiho", "Soyeon"],
           ["Kim", "Park", "Choi", "Jung", "Kang", "Yoon", "Jang", "Lim"]),
    "vn": (["Linh", "Minh", "Thao", "Huong", "Tuan", "Duc", "Anh", "Trang"],
           ["Nguyen", "Tran", "Pham", "Hoang", "Huynh", "Phan", "Vu", "Dang"]),
    "in": (["Aarav", "Priya", "Ananya", "Rohan", "Lakshmi", "Sanjay", "Deepika", "Vikram",
            "Kavya"],
           ["Sharma", "Patel", "Reddy", "Iyer", "Nair", "Chatterjee", "Banerjee", "Gupta",
            "Menon", "Pillai"]),
    "br_pt": (["Thiago", "Gabriela", "Leandro", "Fernanda", "Joaquim", "Mariana", "Rafaela",
               "Gonçalo"],
              ["Silva", "Santos", "Oliveira", "Souza", "Pereira", "Ferreira", "Rodrigues",
               "Gonçalves", "Carvalho", "Almeida"]),
    "gr_it": (["Giorgos", "Eleni", "Dimitris", "Konstantina", "Alessandro", "Chiara",
               "Francesca", "Matteo"],
              ["Papadopoulos", "Papadakis", "Georgiou", "Nikolaidis", "Rossi", "Russo",
               "Ferrari", "Esposito", "Bianchi", "Romano"]),
    "es": (["Iker", "Ainhoa", "Jordi", "Montserrat", "Alejandro", "Lucía", "Nerea"],
           ["Etxeberria", "Garaikoetxea", "Puigdemont", "Ferrer", "Sánchez", "Martínez",
            "Iglesias", "Ortega"]),
    "ua_ro": (["Oleksandr", "Oksana", "Taras", "Iryna", "Andrei", "Ioana", "Mihai"],
              ["Shevchenko", "Bondarenko", "Kovalenko", "Tkachenko", "Popescu", "Ionescu",
               "Dumitru", "Stan"]),
    "gb": (["Fraser", "Eilidh", "Callum", "Isla", "Rhys", "Cerys", "Gethin", "Morag"],
           ["MacDonald", "Campbell", "Stewart", "Robertson", "Davies", "Llewellyn",
            "Pritchard", "Cadwaladr"]),
    "ar": (["Omar", "Fatima", "Khaled", "Layla", "Youssef", "Noor", "Hamza", "Rania"],
           ["Haddad", "Khalil", "Nasser", "Mansour", "Saleh", "Abdelrahman", "El-Sayed",
            "Al-Masri"]),
    "et_gh_ph": (["Abebe", "Tigist", "Kwame", "Akosua", "Yaw", "Efua", "Dalisay", "Marivic"],
                 ["Tesfaye", "Bekele", "Mensah", "Boateng", "Asante", "Dela Cruz", "Bautista",
                  "Villanueva-Reyes"]),
    "us_old": (["Debra", "Gary", "Sharon", "Randy", "Brenda", "Dwayne", "Tammy", "Rodney",
                "Lorraine", "Clifford"],
               ["Hendricks", "Wheeler", "Blackwell", "Moody", "Stanton", "Mcintyre",
                "Holloway", "Pickett", "Dunaway", "Kilgore"]),
}
# Given names and surnames that are everyday English words, none used by dev or heldout.
WORDLIKE_GIVEN = ["Crystal", "Amber", "Robin", "Heather", "Holly", "Misty", "Skip", "Buck"]
WORDLIKE_SURNAMES = ["Hunter", "Carpenter", "Mason", "Walker", "Barber", "Gardner", "Marsh",
                     "Field"]

EPONYM_SIGNS = ["a positive McMurray test", "a positive Lachman test", "a positive Murphy sign",
                "Battle sign", "a positive Homans sign", "a positive Trendelenburg sign",
                "a positive Hawkins test", "a positive Neer test", "Nikolsky sign",
                "Auspitz sign", "Kehr sign", "Levine sign", "Gowers sign", "Froment sign",
                "a positive Ortolani test", "a positive Barlow test", "Hoffmann sign",
                "Beck triad", "Virchow node", "Sister Mary Joseph nodule"]
EPONYM_DISEASES = ["Guillain-Barre syndrome", "Kawasaki disease", "Hashimoto thyroiditis",
                   "Graves disease", "Addison disease", "Cushing syndrome", "Bell palsy",
                   "Paget disease of bone", "Wilms tumor", "Ewing sarcoma",
                   "Hodgkin lymphoma", "Barrett esophagus", "Meniere disease",
                   "Dupuytren contracture", "Legg-Calve-Perthes disease", "Osgood-Schlatter disease",
                   "Kienbock disease", "Monteggia fracture", "Galeazzi fracture",
                   "Bennett fracture", "Smith fracture", "Lisfranc injury", "Bankart lesion",
                   "Hill-Sachs lesion", "Baker cyst"]
EPONYM_DEVICES = ["a Steinmann pin", "a Kirschner wire", "a Sengstaken-Blakemore tube",
                  "a Blalock-Taussig shunt", "a Fontan circuit", "a Mitrofanoff stoma",
                  "an Ilizarov frame", "a Thomas splint", "a Buck traction",
                  "a Pavlik harness", "a Harrington rod", "a Bankart repair"]
EPONYM_ANATOMY = ["the sphincter of Oddi", "the ampulla of Vater", "Bochdalek foramen",
                  "the circle of Zinn", "Meckel diverticulum", "Peyer patches",
                  "the bundle of His", "Purkinje fibres", "the organ of Corti",
                  "Broca area", "Wernicke area", "Kiesselbach plexus", "Bartholin gland",
                  "Cowper gland", "Skene glands"]
DRUGS = ["apixaban", "rivaroxaban", "Xarelto", "Entresto", "sacubitril", "Jardiance",
         "empagliflozin", "Farxiga", "Ozempic", "semaglutide", "Humira", "adalimumab",
         "Keytruda", "pembrolizumab", "Revlimid", "methotrexate", "hydroxychloroquine",
         "Plaquenil", "prednisolone", "Medrol", "furosemide", "Lasix", "bumetanide",
         "allopurinol", "colchicine", "Augmentin", "clindamycin", "doxycycline",
         "nitrofurantoin", "Macrobid", "gabapentin", "Lyrica", "pregabalin", "sertraline",
         "Zoloft", "escitalopram", "Seroquel", "quetiapine", "Ambien", "zolpidem",
         "ondansetron", "pantoprazole", "Nexium", "Xanax", "Tylenol", "Toradol"]
ANATOMY = ["medial meniscus", "anterior cruciate ligament", "rotator cuff", "supraspinatus",
           "labrum", "trapezium", "pisiform", "cuboid", "navicular", "sesamoid", "clavicle",
           "scapula", "coracoid", "pubic ramus", "sacroiliac joint", "L4-L5 disc",
           "C6 vertebra", "pancreatic head", "gallbladder", "common bile duct",
           "sigmoid colon", "appendix", "pituitary", "cerebellum", "pons", "thyroid isthmus",
           "mediastinum", "pericardium", "left atrium", "aortic root"]
DEVICES = ["Siemens Ysio Max", "Philips DigitalDiagnost", "GE Optima XR240amx",
           "Konica Minolta AeroDR", "Canon CXDI-710C", "Toshiba Aplio i800", "Mindray DC-70",
           "Siemens Magnetom Vida", "GE Revolution CT", "Philips Ingenia 3T"]
VIEWS = ["AP", "PA", "LATERAL", "SKYLINE", "MORTISE", "SWIMMER", "TOWNE", "WATERS"]
DOSES = ["10 mg at bedtime", "40 mg once daily", "2 puffs twice daily", "500 mg four times daily",
         "5 mg every 8 hours", "1 tablet daily", "300 mg nightly"]
DURATIONS = ["ten days", "3 weeks", "two months", "24 hours", "a fortnight", "6 months"]
HOSPITALS = ["St Thomas' Hospital", "Cleveland Clinic", "Sunnybrook Health Sciences Centre",
             "Royal Infirmary of Edinburgh", "Aga Khan University Hospital",
             "Seoul National University Hospital", "Singapore General Hospital"]
STREETS = ["18 Rowan Terrace", "604 Magnolia Street", "2 Kingfisher Close",
           "77 Station Road", "1290 Juniper Way"]
CITIES_ZIP = ["Des Moines, IA 50309", "Spokane, WA 99201", "Omaha, NE 68102",
              "Savannah, GA 31401", "Burlington, VT 05401"]
WARDS = ["Ward 7B", "bay 3", "side room 2", "HDU bed 5", "AMU bed 11", "Ward 22"]
TITLES = ["Mr", "Mrs", "Ms", "Dr", "Prof."]


class Person:
    def __init__(self, given, surname):
        self.given, self.surname = given, surname


def ocr(rng, s):
    """Mixed-case OCR noise on words that are not PII: swaps some letters for look-alikes."""
    table = {"o": "0", "l": "1", "i": "l", "e": "c", "S": "5", "a": "@"}
    out = []
    for ch in s:
        if ch in table and rng.random() < 0.15:
            out.append(table[ch])
        elif ch.isalpha() and rng.random() < 0.08:
            out.append(ch.swapcase())
        else:
            out.append(ch)
    return "".join(out)


def render(rng, template, people, noisy=False):
    """Fills a template; returns (text, entities). With noisy, literal text gets OCR noise."""
    text, ents = "", []

    def emit(s, kind=None, who=None):
        nonlocal text
        start = len(text)
        text += s
        if kind:
            e = {"start": start, "end": len(text), "type": kind}
            if who:
                e["person"] = who
            ents.append(e)

    pos = 0
    for m in re.finditer(r"\{(\w+)(?:\.(\w+))?\}", template):
        lit = template[pos:m.start()]
        emit(ocr(rng, lit) if noisy else lit)
        pos = m.end()
        key, attr = m.group(1), m.group(2)
        if key in people:
            p = people[key]
            g, s = p.given, p.surname
            mi = rng.choice("BCDEFGHJKLMNPRSTVW")
            form = {
                "full": f"{g} {s}", "given": g, "surname": s,
                "mid": f"{g} {mi} {s}",
                "dicom": f"{s.upper()}^{g.upper()}",
                "dicom_mixed": f"{s}^{g}",
                "upper": f"{g.upper()} {s.upper()}", "usurname": s.upper(),
                "ugiven": g.upper(),
                "ucomma": f"{s.upper()}, {g}",
                "comma": f"{s}, {g}", "comma_init": f"{s}, {g[0]}.",
                "initials": f"{g[0]}{s[0]}",
                "title": f"{rng.choice(TITLES)} {s}",
                "title_full": f"{rng.choice(TITLES)} {g} {s}",
                "lower": f"{g.lower()} {s.lower()}",
                "poss": f"{g} {s}'s", "sposs": f"{s}'s", "gposs": f"{g}'s",
                "uposs": f"{s.upper()}'S",
                "rev": f"{s} {g}",
            }[attr]
            if attr == "title":
                t, _ = form.split(" ", 1)
                emit(t + " ")
                emit(s, "PERSON", key)
                continue
            if attr == "title_full":
                t, _ = form.split(" ", 1)
                emit(t + " ")
                emit(f"{g} {s}", "PERSON", key)
                continue
            if attr in ("poss", "sposs", "gposs"):
                base = form[:-2]
                emit(base, "PERSON", key)
                emit("'s")
                continue
            if attr == "uposs":
                emit(s.upper(), "PERSON", key)
                emit("'S")
                continue
            if attr == "initials":
                emit(form)  # two initials are not a name the gold asks for
                continue
            emit(form, "PERSON", key)
        elif key == "date":
            d, mo, y = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2015, 2026)
            emit(rng.choice([f"{d:02d}/{mo:02d}/{y}", f"{y}-{mo:02d}-{d:02d}",
                             f"{d} {['January', 'March', 'June', 'October'][mo % 4]} {y}",
                             f"{y}{mo:02d}{d:02d}"]), "DATE")
        elif key == "dob":
            emit(f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.{rng.randint(1930, 2015)}",
                 "DATE")
        elif key == "time":
            emit(f"{rng.randint(0, 23):02d}{rng.randint(0, 59):02d}h")
        elif key == "mrn":
            emit(f"{rng.randint(100, 999)}-{rng.randint(100, 999)}-{rng.randint(1000, 9999)}",
                 "ID")
        elif key == "nhs":
            emit(f"NHS {rng.randint(100, 999)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
                 "ID")
        elif key == "acc":
            emit(f"ACC{rng.randint(10000000, 99999999)}", "ID")
        elif key == "age":
            n = rng.randint(18, 96)
            emit(rng.choice([f"{n}yo", f"{n} y/o", f"{n}-year-old"]), "AGE")
        elif key == "uage":
            emit(f"{rng.randint(18, 96):03d}Y", "AGE")
        elif key == "sex":
            emit(rng.choice(["M", "F"]))
        elif key == "phone":
            emit(f"({rng.randint(201, 989)}) {rng.randint(200, 999)}-{rng.randint(1000, 9999)}",
                 "PHONE")
        elif key == "email":
            p = people["a"]
            emit(f"{p.given.lower()}.{p.surname.lower().replace(' ', '')}@mail.example",
                 "EMAIL")
        elif key == "hosp":
            emit(rng.choice(HOSPITALS), "ORG")
        elif key == "street":
            emit(rng.choice(STREETS), "LOCATION")
        elif key == "cityzip":
            emit(rng.choice(CITIES_ZIP), "LOCATION")
        elif key == "sign":
            emit(rng.choice(EPONYM_SIGNS))
        elif key == "disease":
            emit(rng.choice(EPONYM_DISEASES))
        elif key == "device_ep":
            emit(rng.choice(EPONYM_DEVICES))
        elif key == "anat_ep":
            emit(rng.choice(EPONYM_ANATOMY))
        elif key == "drug":
            emit(rng.choice(DRUGS))
        elif key == "anat":
            emit(rng.choice(ANATOMY))
        elif key == "device":
            emit(rng.choice(DEVICES))
        elif key == "view":
            emit(rng.choice(VIEWS))
        elif key == "dose":
            emit(rng.choice(DOSES))
        elif key == "dur":
            emit(rng.choice(DURATIONS))
        elif key == "ward":
            emit(rng.choice(WARDS))
        elif key == "side":
            emit(rng.choice(["LEFT", "RIGHT", "BILAT"]))
        elif key == "exp":
            emit(f"{rng.randint(50, 125)}kV {rng.randint(1, 60)}.{rng.randint(0, 9)}mAs "
                 f"EI {rng.randint(100, 900)}")
        else:
            raise KeyError(key)
    lit = template[pos:]
    emit(ocr(rng, lit) if noisy else lit)
    return text, ents


REFERRAL = [
    "Dear Dr {b.surname},\nI would be grateful if you could see {a.title_full}, {age}, "
    "who presents with {disease}.",
    "Referral to orthopaedics\nFrom: {b.title_full}\nRe: {a.full} (DOB {dob})\n"
    "Reason: suspected {disease} of the {anat}.",
    "Thank you for asking me to review {a.given}. {a.given} reports pain over the {anat} "
    "for {dur}. Kind regards, {b.full}",
    "Dear colleague, {a.title} has been on {drug} {dose} since {date}; {a.sposs} GP "
    "{b.title} agrees with stopping it.",
    "{a.full} was seen today with her husband {c.given}. Plan discussed with {b.comma_init}",
    "With best wishes,\n\n{b.full}\nConsultant Radiologist\n{hosp}",
    "Re: {a.ucomma}   {nhs}\n{street}, {cityzip}",
    "I saw {a.rev} in clinic on {date}. {a.surname} is keen to avoid surgery.",
]
HANDOVER = [
    "{ward}: {a.surname} {age} {disease}, obs stable, for {anat} XR in am. {b.given} aware.",
    "HANDOVER {time}\n{ward} - {a.upper} - NBM, IV {drug}\n{ward} - {c.upper} - "
    "awaiting CT",
    "{a.gposs} daughter rang, pls update her. {a.given} sleeping well. Night RN {b.given}",
    "Jobs: chase {a.sposs} bloods; review {c.sposs} drain; d/w Dr {b.surname} re {drug}",
    "{a.full} ({ward}) - falls risk, {sign}; family ({c.full}) visiting pm",
    "Sats 94% on RA, {a.surname} mobilising with frame. {a.surname} for OT assessment.",
    "Escalated to reg {b.full} at {time}; {a.lower} tachycardic, repeat lactate.",
    "TTO: {drug} {dose}; {a.surname}, {a.given} to go home with {c.given} tomorrow.",
]
RADHEAD = [
    "EXAMINATION: XR {anat} {side}\nPATIENT: {a.dicom}\nMRN: {mrn}   DOB: {dob}\n"
    "REFERRER: {b.title}",
    "Study: CT {anat} | Patient: {a.full} | Acc: {acc} | Reported by: {b.full}",
    "PATIENT NAME: {a.upper}    SEX: {sex}   AGE: {age}\nREQUESTING CLINICIAN: {b.upper}",
    "Radiology Report - {hosp}\nName: {a.comma}   Accession {acc}\nDate of exam: {date}",
    "REPORT: {a.usurname}, {a.ugiven}\nCLINICAL: ? {disease}\nFINDINGS: {anat} normal.",
    "Verified by {b.full} on {date}. Dictated by {c.full}. Patient {a.surname} informed.",
]
OVERLAY = [
    "{a.dicom}\n{mrn}\n{dob} {sex}\n{view} {side}\n{exp}",
    "{device} | {date} | {a.dicom_mixed}",
    "{a.usurname} {a.ugiven} {uage} {sex}   {view}",
    "ID:{mrn} NAME:{a.dicom} ST:{date}",
    "{hosp}\n{a.upper}\n{view}  {exp}",
    "{a.dicom}  {a.dicom}  {uage}",
    "{view} {side}  {a.usurname},{a.ugiven}  ACC {acc}",
]
CAPTION = [
    "{a.given} and {b.given} on the ferry to the island",
    "Nana {a.given} with the twins at {a.sposs} 80th",
    "Team photo - back row: {a.full}, {b.full}, {c.full}",
    "{a.given} learning to ride a bike without stabilisers",
    "Wedding of {a.full} & {b.full}, {date}",
    "Uncle {a.given} asleep on the sofa again",
    "The {a.surname} family at the beach",
    "{a.poss} first lobster",
    "With {a.given}, {b.given} and {c.given} at the reunion",
]
OCR_NOISE = [
    "Patient: {a.full}  Ward: {ward}  Consultant: {b.title}",
    "Signed {b.full} on {date}. Patient {a.full} consented for {device_ep}.",
    "Name: {a.upper}  DOB: {dob}  Hospital No: {mrn}",
    "Request from {b.title_full}: please image {a.poss} {anat}.",
    "{a.comma} - {anat} XR - {disease}? - requested by {b.full}",
    "Seen by {b.full}. {a.given} tolerating {drug}.",
]
WORDLIKE = [
    "{w.full} attended with her sister; {w.surname} reports no falls.",
    "Photo: {w.full} at the school fair",
    "Referred by {w.title_full} for {anat} imaging.",
    "Handover: {w.surname}, {w.given} in {ward}, stable.",
]
NO_PII = [
    "Examination revealed {sign}; plan MRI of the {anat}.",
    "Working diagnosis {disease}; started on {drug} {dose}.",
    "Post-op check: {device_ep} in satisfactory position over the {anat}.",
    "Biopsy of {anat_ep} was unremarkable.",
    "Chart: {drug} {dose}; {drug} {dose}; {drug} PRN.",
    "{view} {side}\n{exp}\n{device}",
    "Scanner {device}, contrast given via right antecubital fossa.",
    "Old {disease}; no new bony injury of the {anat}.",
    "Impression: features in keeping with {disease}.",
    "Differential includes {disease} and {disease}.",
    "Tender {anat}; {sign} noted bilaterally.",
    "Holiday snaps: the lighthouse at dusk",
    "Birthday cupcakes lined up on the counter",
    "A heron standing in the shallows",
    "Snow on the mountain pass in March",
    "Ward round at 0900, MDT Thursday, clinic Friday.",
    "Ortho review: {device_ep}; weight bear as tolerated for {dur}.",
    "Stop {drug}; restart {drug} after {dur}.",
    "Plan: {drug} {dose} for {dur}, then review {anat} with repeat imaging.",
    "Normal {anat_ep}. Incidental {disease}.",
    "HANDOVER: no new admissions; {ward} closed for cleaning.",
    "Report: no acute fracture of the {anat}; {sign} on exam.",
    "Allergies: {drug} (anaphylaxis). Intolerances: {drug}.",
    "Cut-off: Rx {drug} {dose}; monitor for {disease} flare.",
]


def main():
    rng = random.Random(SEED)
    rows = []
    pools = sorted(POOLS)

    def person():
        given, surnames = POOLS[rng.choice(pools)]
        return Person(rng.choice(given), rng.choice(surnames))

    def distinct(n):
        people = []
        while len(people) < n:
            p = person()
            if all(p.given != q.given and p.surname != q.surname for q in people):
                people.append(p)
        return people

    def add(kind, template, people, noisy=False):
        text, ents = render(rng, template, people, noisy)
        rows.append({"id": f"te-{kind}-{len(rows):04d}", "text": text, "entities": ents})

    groups = [("referral", REFERRAL, 4), ("handover", HANDOVER, 4), ("radhead", RADHEAD, 3),
              ("overlay", OVERLAY, 3), ("caption", CAPTION, 3)]
    for kind, templates, reps in groups:
        for _ in range(reps):
            for t in templates:
                a, b, c = distinct(3)
                add(kind, t, {"a": a, "b": b, "c": c})
    for _ in range(4):
        for t in OCR_NOISE:
            a, b, c = distinct(3)
            add("ocr", t, {"a": a, "b": b, "c": c}, noisy=True)
    for _ in range(4):
        for t in WORDLIKE:
            w = Person(rng.choice(WORDLIKE_GIVEN), rng.choice(WORDLIKE_SURNAMES))
            add("wordlike", t, {"w": w})
    for _ in range(3):
        for t in NO_PII:
            add("nopii", t, {}, noisy=rng.random() < 0.25)
    out = HERE / "test.jsonl"
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                   encoding="utf-8")
    nopii = sum(1 for r in rows if not r["entities"])
    names = sum(1 for r in rows if any(e["type"] == "PERSON" for e in r["entities"]))
    print(f"{len(rows)} texts, {names} with names, {nopii} without PII")


if __name__ == "__main__":
    main()
