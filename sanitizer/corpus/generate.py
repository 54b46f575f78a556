#!/usr/bin/env python3
"""Deterministic generator for the sanitizer's development corpus (dev.jsonl, names.json).

Run from the repository root:  python3 sanitizer/corpus/generate.py
Output is byte-identical on every run (fixed seed, no clock, no environment). Names are
frequent real US given names (SSA) and surnames (Census), listed by hand below; no
fake-data generator. Half of them are held out of the test lexicon (names.json
"held_out") so the corpus_quality test is not circular.

Gold format: see sanitizer/src/eval.rs (code-point offsets; Python str indices are code
points; `person` names the individual within one text).
"""

import json
import random
import re
from pathlib import Path

SEED = 20261125
HERE = Path(__file__).resolve().parent

GIVEN = [
    "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David",
    "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas",
    "Sarah", "Charles", "Karen", "Christopher", "Nancy", "Daniel", "Lisa", "Matthew",
    "Betty", "Anthony", "Margaret", "Steven", "Sandra", "Andrew", "Ashley", "Kenneth",
    "Emily", "Kevin", "Donna", "Brian", "Michelle", "George", "Carol", "Timothy", "Amanda",
    "Jose", "Maria", "Carlos", "Ana", "Luis", "Sofia", "Ahmed", "Fatima", "Wei", "Priya",
    "Olivia", "Liam", "Noah", "Emma", "Ethan", "Chloe", "Brandon", "Rachel",
]
SURNAMES = [
    "Smith", "Johnson", "Williams", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
    "Martinez", "Hernandez", "Lopez", "Gonzalez", "Anderson", "Thomas", "Taylor", "Moore",
    "Jackson", "Martin", "Lee", "Perez", "Thompson", "Harris", "Sanchez", "Clark", "Ramirez",
    "Lewis", "Robinson", "Allen", "Wright", "Torres", "Nguyen", "Flores", "Adams", "Nelson",
    "Campbell", "Mitchell", "Carter", "Roberts", "Gomez", "Phillips", "Evans", "Parker",
    "Edwards", "Collins", "Reyes", "Stewart", "Morales", "Patel", "Kim", "Chen", "Singh",
    "Khan", "Okafor", "Kowalski", "Novak", "Schmidt", "Rossi", "Murphy", "Sullivan", "Cohen",
]
# Given names and surnames that are also common English words.
COMMON_GIVEN = ["Will", "Mark", "Hope", "Grace", "Bill", "Rose", "Faith", "June"]
COMMON_SURNAMES = ["Green", "King", "Young", "Brown", "White", "Hill", "Wood", "Long"]
OTHER_SCRIPT = ["王小明", "李娜", "Иван Петров", "Ольга Смирнова", "محمد علي", "김민준",
                "山田太郎", "Νίκος Παπαδόπουλος", "राहुल शर्मा", "דוד כהן"]

EPONYMS = ["Parkinson disease", "Alzheimer dementia", "Colles fracture", "Crohn disease",
           "Hodgkin lymphoma", "Graves disease", "Bell's palsy", "Hashimoto thyroiditis",
           "Cushing syndrome", "Addison disease", "Barrett esophagus", "Wilms tumor",
           "Ewing sarcoma", "Kaposi sarcoma", "Down syndrome", "Paget disease",
           "Baker cyst", "Bankart lesion", "Dupuytren contracture", "Raynaud phenomenon",
           "Meckel diverticulum", "Osgood-Schlatter disease", "Legg-Calve-Perthes disease",
           "Sjogren syndrome", "Guillain-Barre syndrome", "Huntington disease",
           "Wilson disease", "Hirschsprung disease", "Kawasaki disease", "Marfan syndrome",
           "Turner syndrome", "Boerhaave syndrome", "Zenker diverticulum", "Schatzki ring",
           "Chiari malformation", "Pott disease", "Tietze syndrome", "Jones fracture",
           "Monteggia fracture", "Galeazzi fracture", "Smith fracture", "Barton fracture",
           "Bennett fracture", "Lisfranc injury", "Hill-Sachs lesion", "Segond fracture"]
EPONYM_PHRASES = ["an aneurysm of the circle of Willis", "the loop of Henle",
                  "the sphincter of Oddi", "a positive Murphy sign", "a positive McMurray test",
                  "a positive Lachman test", "the Glasgow Coma Scale", "Kerley B lines",
                  "a Gleason score of 7", "Hounsfield units of 20", "Salter-Harris type II",
                  "Weber B ankle fracture", "a Bosniak 2 cyst", "a Fleischner follow-up"]
DRUGS = ["metformin", "Eliquis", "warfarin", "Lipitor", "atorvastatin", "lisinopril",
         "amlodipine", "Xarelto", "apixaban", "Keytruda", "Humira", "prednisone",
         "levothyroxine", "Synthroid", "Ozempic", "insulin", "furosemide", "Lasix",
         "gabapentin", "Zoloft", "sertraline", "omeprazole", "Nexium", "Plavix",
         "clopidogrel", "amoxicillin", "Augmentin", "ibuprofen", "Tylenol", "acetaminophen",
         "heparin", "enoxaparin", "Lovenox", "morphine", "tramadol", "Coumadin",
         "Jardiance", "Farxiga", "Entresto", "Seroquel", "Lexapro", "Prozac"]
ANATOMY = ["left lower lobe", "right upper lobe", "lung", "liver", "spleen", "left kidney",
           "pancreas", "femur", "tibia", "L4-L5 disc", "C5-C6 level", "right wrist",
           "left knee", "medial meniscus", "rotator cuff", "thyroid", "aortic arch",
           "gallbladder", "appendix", "sigmoid colon", "prostate", "left breast",
           "cerebellum", "pituitary", "mediastinum", "pleura", "right hip", "sacrum"]
DURATIONS = ["6 weeks", "3 months", "2 days", "10 days", "1 year", "48 hours", "two weeks"]
DOSES = ["5 mg daily", "10 mg twice daily", "500 mg", "20 units", "40 mg at night", "2.5 mg"]
ORGS = ["Johns Hopkins Hospital", "Mayo Clinic", "Massachusetts General Hospital",
        "Cleveland Clinic", "St. Mary's Hospital", "Mount Sinai Hospital",
        "Riverside Medical Center", "Guy's and St Thomas' NHS Trust", "University of Michigan",
        "Royal Infirmary"]
CITIES_ZIP = ["Springfield, IL 62704", "Austin, TX 78701", "Columbus, OH 43215",
              "Denver, CO 80202", "Portland, OR 97205"]
STREETS = ["12 Oak Street", "450 Maple Avenue", "7 Elm Road", "88 Park Lane", "1600 Lake Drive"]
SEX = ["M", "F"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
LONG_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]


def held_out():
    """Every second corpus name is withheld from the test lexicon."""
    return sorted({n.lower() for n in GIVEN[1::2] + SURNAMES[1::2]})


class Person:
    def __init__(self, given, surname):
        self.given, self.surname = given, surname


def render(rng, template, people):
    """Fills a template; returns (text, entities)."""
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
        emit(template[pos:m.start()])
        pos = m.end()
        key, attr = m.group(1), m.group(2)
        if key in people:
            p = people[key]
            g, s = p.given, p.surname
            form = {
                "full": f"{g} {s}", "given": g, "surname": s, "dicom": f"{s.upper()}^{g.upper()}",
                "dicom3": f"{s.upper()}^{g.upper()}^{rng.choice('ABCDEJKLMRS')}",
                "comma": f"{s}, {g}", "upper": f"{g.upper()} {s.upper()}",
                "upper_rev": f"{s.upper()} {g.upper()}", "usurname": s.upper(),
                "lower": f"{g.lower()} {s.lower()}", "initial": f"{g[0]}. {s}",
                "other": g,
            }[attr]
            emit(form, "PERSON", key)
        elif key == "date":
            d, mo, y = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2015, 2025)
            emit(rng.choice([f"{y}-{mo:02d}-{d:02d}", f"{mo:02d}/{d:02d}/{y}",
                             f"{d} {MONTHS[mo-1]} {y}", f"{LONG_MONTHS[mo-1]} {d}, {y}"]), "DATE")
        elif key == "dicom_date":
            emit(f"{rng.randint(1935, 2015)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}", "DATE")
        elif key == "mrn":
            emit(str(rng.randint(10_000_000, 99_999_999)), "ID")
        elif key == "acc":
            emit(f"{rng.randint(2015, 2025)}{rng.randint(100000, 999999)}", "ID")
        elif key == "age":
            n = rng.randint(18, 90)
            emit(rng.choice([f"{n}-year-old", f"{n} y/o", f"{n}yo"]), "AGE")
        elif key == "dicom_age":
            emit(f"{rng.randint(18, 90):03d}Y", "AGE")
        elif key == "phone":
            emit(f"({rng.randint(201, 989)}) {rng.randint(200, 999)}-{rng.randint(1000, 9999)}", "PHONE")
        elif key == "email":
            p = people["a"]
            emit(f"{p.given.lower()}.{p.surname.lower()}@example.org", "EMAIL")
        elif key == "org":
            emit(rng.choice(ORGS), "ORG")
        elif key == "org_upper":
            emit(rng.choice(ORGS).upper(), "ORG")
        elif key == "cityzip":
            emit(rng.choice(CITIES_ZIP), "LOCATION")
        elif key == "street":
            emit(rng.choice(STREETS), "LOCATION")
        elif key == "sex":
            emit(rng.choice(SEX))
        elif key == "eponym":
            emit(rng.choice(EPONYMS))
        elif key == "eponym_phrase":
            emit(rng.choice(EPONYM_PHRASES))
        elif key == "drug":
            emit(rng.choice(DRUGS))
        elif key == "anat":
            emit(rng.choice(ANATOMY))
        elif key == "dur":
            emit(rng.choice(DURATIONS))
        elif key == "dose":
            emit(rng.choice(DOSES))
        else:
            raise KeyError(key)
    emit(template[pos:])
    return text, ents


CLINICAL = [
    "Chest X-ray for {a.full}: no acute cardiopulmonary findings.",
    "Dr. {a.surname} reviewed the CT with {b.full} on {date}.",
    "{a.full} is a {age} with knee pain; MRI shows a medial meniscus tear.",
    "Referred by Dr. {a.given} {a.surname} for evaluation of a {anat} nodule.",
    "pt {a.lower} seen today, follow-up in {dur}",
    "Patient {a.full} tolerated the procedure well. {a.surname}'s vitals are stable.",
    "Films reviewed with {a.initial}; agrees with the impression.",
    "Seen by Dr. {a.surname} at {org}. Follow-up with Dr. {a.surname} in {dur}.",
    "{a.comma} presented with chest pain on {date}.",
    "Discussed with {a.full}, daughter of the patient, by phone {phone}.",
    "MRI brain for {a.full} ({age}): no acute infarct. Signed: Dr. {b.full}",
    "Signed: {b.full}, MD {date}",
    "Dr. {a.surname} noted a {anat} nodule; {drug} started.",
    "{a.full} has a history of {eponym}; continue {drug} {dose}.",
    "Mrs. {a.surname} called about her {drug} dose, phone {phone}.",
    "Results emailed to {email} for {a.full}.",
    "Nurse {a.given} checked the IV line at 10:00.",
    "Ultrasound of the {anat} for Mr. {a.surname}: unremarkable. Repeat in {dur}.",
    "Reviewed by Dr. {a.full} and Dr. {b.full}; {a.surname} recommends biopsy.",
    "Patient: {a.full}, DOB {date}, MRN {mrn}. Indication: {eponym}.",
    "CT abdomen, {a.full}, {age}. Findings: simple cyst in the {anat}.",
    "Spoke with Dr. {a.surname} regarding {drug}; {a.surname} agrees with the plan.",
    "Addendum: {a.comma} — comparison with prior from {date}.",
    "{a.full} ({age}) lives at {street}, {cityzip}.",
    "Transferred from {org} for Dr. {a.surname}'s review.",
]
OVERLAY = [
    "PATIENT: {a.dicom}  DOB: {dicom_date}  MRN: {mrn}",
    "{a.dicom} {dicom_date} {sex}",
    "{a.upper}  {dicom_age} {sex}",
    "NAME: {a.upper}  ACC# {acc}",
    "REF: DR {a.usurname}",
    "{a.dicom3}  {dicom_age}",
    "PID {mrn}  {a.dicom}",
    "{org_upper}  {dicom_date}",
    "NAME: {a.upper_rev}  SEX: {sex}  AGE: {dicom_age}",
    "Pt: {a.upper}  DOB {dicom_date}",
]
EVERYDAY = [
    "Birthday dinner with {a.full} and {b.full}.",
    "{a.full}'s graduation party in the garden.",
    "Photo of {a.full} at the beach last summer.",
    "Hiking with {a.given} and {b.given} near the lake.",
    "Wedding of {a.full} and {b.full}, {date}.",
    "Our dog with {a.given} {a.surname} on a Sunday walk.",
    "Team lunch: {a.full}, {b.full} and friends.",
    "Mr. {a.surname} at the office party.",
]
COMMON_NAME = [
    "{c.full} will review the images tomorrow.",
    "Dr. {c.surname} said we hope to see improvement; {c.full} will call.",
    "{c.full} will mark the site before surgery.",
    "Patient {c.full} reports green sputum.",
]
MULTI = [
    "{a.full} and {d.full} were both seen today. {a.given} agreed; {d.given} declined.",
    "Dr. {a.surname} and Dr. {b.surname} reviewed the case. {b.surname} will follow up.",
    "{a.full} came with {b.full}. Later {a.surname} asked about {b.given}.",
]
OTHER = [
    "Patient {o.other} seen today, no acute findings.",
    "Photo with {o.other} at home.",
    "Meeting with {o.other} about the scan results.",
]
NO_PII = [
    "History of {eponym}; continue {drug} {dose}.",
    "No evidence of {eponym}. Follow-up in {dur}.",
    "Findings consistent with {eponym}. Recommend MRI in {dur}.",
    "Disc protrusion at L4-L5 with mild canal stenosis; {drug} {dose} for {dur}.",
    "Small nodule in the {anat}, stable for {dur}.",
    "Started {drug} {dose}; stop {drug} after {dur}.",
    "CT shows {eponym_phrase}; no acute hemorrhage.",
    "Exam notable for {eponym_phrase}.",
    "W:400 L:40. Axial T2 images of the {anat}. L and R markers present.",
    "Chest PA and lateral: lungs clear, heart size normal.",
    "Left wrist: {eponym}, dorsal angulation. Cast for {dur}.",
    "Known {eponym} and {eponym}, on {drug}.",
    "Will review after {dur}; hope for improvement in the {anat}.",
    "Mark the {anat} lesion for biopsy. Green discharge noted.",
    "Patient education given about {drug} and {drug}.",
    "Sunset over the lake, taken on a summer walk.",
    "A plate of pasta and a glass of wine at dinner.",
    "The dog asleep on the sofa after a long day.",
    "Snow on the mountains, view from the cabin window.",
    "Impression: {eponym}. Clinical correlation recommended.",
    "Lumbar spine: degenerative change at L5-S1, no fracture.",
    "Dose: {dose} of {drug} for {dur}, then taper.",
    "Beta blocker started; β-blocker dose {dose}; α-1 antitrypsin normal.",
    "Tumor size 2.5 cm, Gleason 3+4, PSA 6.1 ng/mL.",
    "Scanned on a Siemens Skyra at 3 T; repeat on the Philips Ingenia in {dur}.",
    "Images acquired on a GE Revolution scanner with Omnipaque contrast.",
    "Per the Fleischner Society guidelines, no follow-up for a 4 mm nodule.",
    "ACR Appropriateness Criteria: imaging not indicated; reassess in {dur}.",
    "Mammogram on the Hologic Selenia shows BI-RADS 2 benign findings.",
    "PET on a Biograph Vision after Fludeoxyglucose injection; no avid lesion.",
]


def main():
    rng = random.Random(SEED)
    rows = []

    def person(common=False, surname=None):
        g = rng.choice(COMMON_GIVEN if common else GIVEN)
        s = surname or rng.choice(COMMON_SURNAMES if common else SURNAMES)
        return Person(g, s)

    def add(kind, template, people):
        text, ents = render(rng, template, people)
        rows.append({"id": f"{kind}-{len(rows):04d}", "text": text, "entities": ents})

    def two_people():
        a = person()
        b = person()
        while b.surname == a.surname or b.given == a.given:
            b = person()
        return a, b

    for _ in range(4):
        for t in CLINICAL:
            a, b = two_people()
            add("clinical", t, {"a": a, "b": b})
    for _ in range(8):
        for t in OVERLAY:
            a, _ = two_people()
            add("overlay", t, {"a": a})
    for _ in range(5):
        for t in EVERYDAY:
            a, b = two_people()
            add("everyday", t, {"a": a, "b": b})
    for _ in range(4):
        for t in COMMON_NAME:
            add("commonname", t, {"c": person(common=True)})
    for _ in range(5):
        for t in MULTI:
            a, b = two_people()
            d = Person(rng.choice([g for g in GIVEN if g != a.given]), a.surname)
            add("multi", t, {"a": a, "b": b, "d": d})
    for i, name in enumerate(OTHER_SCRIPT * 2):
        add("script", OTHER[i % len(OTHER)], {"o": Person(name, "")})
    for _ in range(5):
        for t in NO_PII:
            add("nopii", t, {})
    out = HERE / "dev.jsonl"
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    given = sorted({g.lower() for g in GIVEN + COMMON_GIVEN})
    surnames = sorted({s.lower() for s in SURNAMES + COMMON_SURNAMES})
    names = {"given": given, "surnames": surnames, "held_out": held_out()}
    (HERE / "names.json").write_text(json.dumps(names, indent=1) + "\n", encoding="utf-8")
    nopii = sum(1 for r in rows if not r["entities"])
    print(f"{len(rows)} texts, {nopii} without PII")


if __name__ == "__main__":
    main()
