#!/usr/bin/env python3
"""Deterministic generator for the sanitizer's HELD-OUT corpus (heldout.jsonl).

Run from the repository root:  python3 sanitizer/corpus/generate_heldout.py
Output is byte-identical on every run (own seed, no clock, no environment).

Held out from tuning: the templates, word lists and names here share nothing by design with
generate.py (the dev corpus the sanitizer was tuned on). They were written before the
sanitizer was run on them, and the sanitizer must not be tuned on this file: it measures
how the dev figures generalise. Sentence shapes are new (radiograph overlays with other
layouts, discharge-note fragments with line breaks, photo captions, referral letters,
sign-outs), and so are the eponyms, drugs, anatomy and device names of the texts without PII.

Names are real, listed by hand from public statistics (no fake-data generator):
- US given names from the SSA baby-name lists of the 2010s-2020s and US Census 2010
  surnames not used by generate.py;
- top given names and surnames published by national statistics offices: Finland (DVV),
  Iceland (Hagstofa), Poland (PESEL register), Hungary (KSH), Czechia, Turkey (TUIK),
  the Netherlands (CBS), Ireland (CSO), Nigeria, South Africa, New Zealand (Maori names),
  Peru/Bolivia (Quechua and Aymara surnames), Iran.
Many of them (every name with a diacritic, most Finnish, Polish, Hungarian, Turkish and
Maori names) are in none of the sanitizer's name lists: recall on them is the model's.

Gold format: see sanitizer/src/eval.rs (code-point offsets; Python str indices are code
points; `person` names the individual within one text).
"""

import json
import random
import re
from pathlib import Path

SEED = 4051999
HERE = Path(__file__).resolve().parent

# (given, surname) pools; a person draws both from one pool so names look plausible.
POOLS = {
    "us": (
        ["Kayden", "Brantley", "Nevaeh", "Paisley", "Brynlee", "Emersyn", "Jaxon", "Oaklynn",
         "Everleigh", "Kinsley", "Maverick", "Ezra", "Eliana", "Aurelia", "Harper", "Declan",
         "Gianna", "Wyatt", "Sawyer", "Delilah", "Tristan", "Marisol", "Dominic", "Raelynn"],
        ["Abernathy", "Castellanos", "Whitfield", "Pruitt", "Haskins", "McAllister",
         "Vandenberg", "Oyler", "Bradshaw", "Delacroix", "Fairbanks", "Gallagher", "Kowalewski",
         "Lindqvist", "Montgomery", "Pendergast", "Quintanilla", "Rutherford", "Stroud",
         "Thibodeaux", "Underwood", "Villanueva", "Winslow", "Yarbrough"],
    ),
    "fi": (
        ["Aino", "Eino", "Onni", "Väinö", "Eevi", "Aada", "Ilmari", "Helmi", "Aleksi", "Siiri"],
        ["Korhonen", "Virtanen", "Mäkinen", "Nieminen", "Mäkelä", "Hämäläinen", "Heikkinen",
         "Koskinen", "Järvinen", "Lehtonen"],
    ),
    "is": (
        ["Guðrún", "Sigríður", "Jón", "Gunnar", "Kristín", "Sigurður", "Ólafur", "Katrín"],
        ["Jónsdóttir", "Gunnarsson", "Sigurðardóttir", "Magnússon", "Ólafsdóttir",
         "Einarsson", "Stefánsdóttir", "Kristjánsson"],
    ),
    "pl": (
        ["Zofia", "Wojciech", "Krzysztof", "Małgorzata", "Agnieszka", "Grzegorz", "Jadwiga",
         "Łukasz"],
        ["Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski", "Zieliński",
         "Szymański", "Woźniak", "Dąbrowski", "Kozłowska"],
    ),
    "hu_cz": (
        ["Zsófia", "Bence", "Levente", "Réka", "Jiří", "Tereza", "Ondřej", "Kateřina"],
        ["Nagy", "Kovács", "Tóth", "Szabó", "Horváth", "Svoboda", "Dvořáková", "Procházka",
         "Černý", "Veselá"],
    ),
    "tr": (
        ["Elif", "Yusuf", "Zeynep", "Emre", "Ayşe", "Mustafa", "Büşra", "Oğuz"],
        ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Öztürk", "Aydın"],
    ),
    "nl_ie": (
        ["Saoirse", "Niamh", "Oisín", "Caoimhe", "Siobhán", "Daan", "Sem", "Fenna", "Lieke"],
        ["Bakker", "Visser", "Meijer", "Jansen", "de Vries", "van Dijk", "Ní Bhriain",
         "Ó Briain", "MacCarthaigh", "Quigley"],
    ),
    "ng_za": (
        ["Oluwaseun", "Chiamaka", "Chukwuemeka", "Ngozi", "Adaeze", "Babajide", "Thandiwe",
         "Sipho", "Nomvula", "Temitope"],
        ["Okonkwo", "Adeyemi", "Nwosu", "Oyelowo", "Dlamini", "Nkosi", "Ndlovu", "Mthembu",
         "Khumalo", "Balogun"],
    ),
    "mi_and": (
        ["Aroha", "Tane", "Anahera", "Wiremu", "Mere", "Rawiri", "Yupanqui", "Nayra"],
        ["Ngata", "Tuhiwai", "Whaanga", "Parata", "Quispe", "Mamani", "Huanca", "Condori"],
    ),
    "ir": (
        ["Mahsa", "Siavash", "Dariush", "Shirin", "Kourosh", "Parisa"],
        ["Farahani", "Tehrani", "Hosseini", "Rezaei", "Moradi", "Karimi"],
    ),
}
# Given names and surnames that are everyday English words (not those of generate.py).
WORDLIKE_GIVEN = ["Dawn", "Iris", "Summer", "Autumn", "Sunny", "Pearl", "Ivy", "Rusty"]
WORDLIKE_SURNAMES = ["Baker", "Cook", "Fisher", "Bell", "Frost", "Stone", "Moss", "Sharp"]

EPONYM_SIGNS = ["a positive Babinski sign", "a negative Kernig sign", "Brudzinski sign",
                "a positive Tinel sign at the wrist", "a positive Phalen test",
                "a positive Finkelstein test", "a negative Thompson test",
                "a normal Allen test", "a positive Spurling test", "Lhermitte sign",
                "Cullen sign", "Grey Turner sign", "Rovsing sign",
                "tenderness at McBurney point", "Chvostek sign", "Trousseau sign",
                "a positive Romberg test", "Kussmaul breathing",
                "Cheyne-Stokes respiration", "Osler nodes and Janeway lesions"]
EPONYM_DISEASES = ["Horner syndrome", "Wernicke encephalopathy", "Brown-Sequard syndrome",
                   "Stevens-Johnson syndrome", "Pancoast tumor", "Krukenberg tumor",
                   "Warthin tumor", "Klatskin tumor", "Ludwig angina", "Reye syndrome",
                   "Tourette syndrome", "Fournier gangrene", "Takayasu arteritis",
                   "Budd-Chiari syndrome", "Mallory-Weiss tear", "Peutz-Jeghers syndrome",
                   "Ehlers-Danlos syndrome", "Charcot arthropathy", "Maisonneuve fracture",
                   "Jefferson fracture", "Chance fracture", "Rolando fracture",
                   "Tillaux fracture", "Boxer fracture", "Hangman fracture"]
EPONYM_DEVICES = ["a Foley catheter", "a Swan-Ganz catheter", "a Hickman line",
                  "a Jackson-Pratt drain", "a Denis Browne splint", "a Philadelphia collar",
                  "a Minerva brace", "a Whipple procedure", "a Nissen fundoplication",
                  "a Roux-en-Y bypass", "a Hartmann procedure", "a Billroth II anastomosis"]
EPONYM_ANATOMY = ["the pouch of Douglas", "Morison pouch", "the ligament of Treitz",
                  "the Eustachian tube", "Gerota fascia", "Glisson capsule",
                  "Calot triangle", "Hesselbach triangle", "the Achilles tendon",
                  "Hunter canal", "Scarpa fascia", "the foramen of Monro",
                  "the aqueduct of Sylvius", "Wharton duct", "Stensen duct"]
DRUGS = ["Brilinta", "ticagrelor", "Pradaxa", "dabigatran", "Trulicity", "dulaglutide",
         "Mounjaro", "tirzepatide", "Wegovy", "Dupixent", "Ocrevus", "rituximab", "Opdivo",
         "nivolumab", "Herceptin", "tamoxifen", "letrozole", "spironolactone", "carvedilol",
         "metoprolol", "digoxin", "amiodarone", "Zithromax", "ceftriaxone", "Rocephin",
         "vancomycin", "Zosyn", "Keppra", "levetiracetam", "Depakote", "Lamictal", "Ativan",
         "lorazepam", "Haldol", "Flomax", "tamsulosin", "Proscar", "Fosamax", "Prolia",
         "denosumab", "Bactrim", "Cipro", "Diflucan", "Valtrex", "Benadryl", "Zofran"]
ANATOMY = ["scaphoid", "hamate", "lunate", "calcaneus", "talus", "patella", "acetabulum",
           "glenoid", "humeral head", "olecranon", "ulnar styloid", "distal radius",
           "T12 vertebral body", "odontoid", "cecum", "terminal ileum", "duodenum",
           "right adrenal gland", "left renal pelvis", "distal ureter", "urinary bladder",
           "left ovary", "uterus", "carotid bifurcation", "basal ganglia", "thalamus",
           "corpus callosum", "hippocampus", "fifth metatarsal", "sternum"]
DEVICES = ["Canon Aquilion ONE", "Fujifilm FDR D-EVO", "Carestream DRX-1", "Agfa DX-D 600",
           "Siemens Somatom Force", "Philips Azurion", "GE Senographe Pristina",
           "Hitachi Arietta", "Samsung GM85", "Shimadzu RADspeed"]
VIEWS = ["AP SUPINE", "PA ERECT", "LAT", "PORTABLE AP", "OBLIQUE", "AXIAL", "CORONAL"]
DOSES = ["25 mg", "0.5 mg twice daily", "1 g IV every 12 hours", "100 mg nightly",
         "75 mg once daily", "4 mg as needed", "250 mg three times daily"]
DURATIONS = ["five days", "4 weeks", "six months", "72 hours", "one week", "12 months"]
HOSPITALS = ["Karolinska University Hospital", "Toronto General Hospital",
             "Royal Melbourne Hospital", "Addenbrooke's Hospital", "Charite Berlin",
             "Helsinki University Hospital", "Groote Schuur Hospital"]
STREETS = ["221 Birch Crescent", "9 Harbour View Road", "3100 Sycamore Boulevard",
           "47 Quarry Lane", "15 Willowbrook Court"]
CITIES_ZIP = ["Madison, WI 53703", "Tucson, AZ 85701", "Albany, NY 12207",
              "Boise, ID 83702", "Raleigh, NC 27601"]
MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]


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
            mi = rng.choice("ABCDEFGHJKLMNPRSTW")
            form = {
                "full": f"{g} {s}", "given": g, "surname": s,
                "mid": f"{g} {mi}. {s}",
                "dicom": f"{s.upper()}^{g.upper()}",
                "dicom_mid": f"{s.upper()}^{g.upper()}^{mi}",
                "upper": f"{g.upper()} {s.upper()}", "usurname": s.upper(),
                "ucomma": f"{s.upper()}, {g.upper()}",
                "comma": f"{s}, {g}", "initial": f"{g[0]}. {s}", "initial_nodot": f"{g[0]} {s}",
                "lower": f"{g.lower()} {s.lower()}", "lsurname": s.lower(),
                "poss": f"{g} {s}'s", "sposs": f"{s}'s",
            }[attr]
            emit(form, "PERSON", key)
        elif key == "date":
            d, mo, y = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2016, 2026)
            emit(rng.choice([f"{d:02d}.{mo:02d}.{y}", f"{d}-{MONTHS[mo-1]}-{y}",
                             f"{y}/{mo:02d}/{d:02d}", f"{mo}/{d}/{y % 100:02d}"]), "DATE")
        elif key == "dob":
            emit(f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(1931, 2012)}",
                 "DATE")
        elif key == "time":
            emit(f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}")
        elif key == "mrn":
            emit(f"{rng.choice('ABHKMZ')}{rng.randint(1_000_000, 9_999_999)}", "ID")
        elif key == "acc":
            emit(f"RAD-{rng.randint(100000, 999999)}", "ID")
        elif key == "age":
            n = rng.randint(19, 94)
            emit(rng.choice([f"{n} years old", f"{n}-yr-old", f"aged {n}"]), "AGE")
        elif key == "uage":
            emit(f"{rng.randint(19, 94)}Y", "AGE")
        elif key == "sex":
            emit(rng.choice(["M", "F", "O"]))
        elif key == "phone":
            emit(f"{rng.randint(201, 989)}-{rng.randint(200, 999)}-{rng.randint(1000, 9999)}",
                 "PHONE")
        elif key == "email":
            p = people["a"]
            emit(f"{p.given[0].lower()}{p.surname.lower().replace(' ', '')}@clinic.example",
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
        elif key == "side":
            emit(rng.choice(["L", "R"]))
        elif key == "kv":
            emit(f"{rng.randint(60, 120)} kVp  {rng.randint(2, 40)} mAs")
        else:
            raise KeyError(key)
    emit(template[pos:])
    return text, ents


OVERLAY = [
    "{view}  {side}\n{a.ucomma}\n{mrn}  {uage}/{sex}\n{kv}",
    "{device}  {date} {time}\nPt: {a.dicom_mid}  ID {mrn}",
    "{side} {view}   {a.usurname} {a.given}   {date}",
    "Acc {acc} | {a.dicom} | DOB {dob} | {sex}",
    "PORTABLE  {time}  {a.upper}  {uage}",
    "{a.ucomma}  {sex}  {uage}  {device}",
    "Name {a.dicom}  Ref.Phys {b.dicom}  {date}",
]
DISCHARGE = [
    "DISCHARGE SUMMARY\nPatient: {a.full}   MRN: {mrn}\nAdmitted {date}, discharged {date}.\n"
    "Attending: {b.full}, MD",
    "Hospital course: {a.given} was admitted with {disease} and treated with {drug} {dose}. "
    "{a.given} improved and was discharged home with family.",
    "Follow up with {b.initial} in the fracture clinic in {dur}; PCP {c.comma} to review "
    "{drug}.",
    "Disposition: home with wife {b.given}. Discharge medications: {drug} {dose}, {drug}.",
    "Consults: cardiology ({b.initial_nodot}), nephrology ({c.full}).",
    "{a.mid} ({age}) was discharged on {drug}; {a.sposs} son will pick up the prescription.",
    "Condition at discharge: stable. Discussed the plan with the patient's daughter, "
    "{b.full}, who agrees.",
    "Addendum {date}: {a.surname} readmitted from {hosp} with {disease}.",
]
REPORT = [
    "Comparison: prior study of {a.full} dated {date}. The {anat} is unremarkable.",
    "CLINICAL HISTORY: {age} with {sign}. Requested by {b.full}.",
    "Findings were communicated by telephone to {b.full} at {time} on {date}.",
    "Preliminary read by resident {b.full}; final read by {c.full}.",
    "I, {b.full}, have personally reviewed the images of {a.poss} {anat}.",
    "Exam performed at the request of {b.comma} (pager {phone}).",
    "{a.full}: interval healing of the {anat} fracture; no hardware complication.",
    "Technologist: {b.given} {b.initial}. Patient {a.lower} could not hold the breath.",
]
LETTER = [
    "Dear {b.full},\nThank you for referring {a.full}, a pleasant {age} with {disease}.",
    "Many thanks for seeing {a.given} {a.surname} again. Yours sincerely, {b.full}",
    "Re: {a.full}, DOB {dob}, {street}, {cityzip}",
    "cc: {b.full}; {c.full}; patient file",
    "Please contact me at {email} or {phone} regarding {a.sposs} imaging.",
]
CAPTION = [
    "{a.given} blowing out the candles on her birthday cake",
    "Grandpa {a.given} teaching {b.given} to fish at the lake",
    "First day of school! {a.given} and {b.given} with their new backpacks",
    "{a.full} crossing the finish line of the half marathon",
    "Christmas morning at the {a.surname} house",
    "Selfie with {a.given} and {b.given} after the concert",
    "{a.given} {a.surname} holding the trophy, {date}",
    "Baby {a.given} meets her cousin {b.given} for the first time",
    "Graduation day for {a.full} and {b.full}",
]
SIGNOUT = [
    "Handed over to {b.given} at {time}; {a.lsurname} in bed 4 needs a repeat film.",
    "pls ask {b.lower} to call back re {a.full} CT head",
    "{a.usurname}: NPO after midnight, consent signed by {a.given}.",
    "Bed 12 {a.full} - {disease}, on {drug}; bed 14 {c.full} - awaiting MRI.",
    "Spoke to {a.sposs} partner {b.given} who will bring the medication list.",
    "{a.given} ({age}) fell at home, {anat} painful, seen by {b.initial}.",
]
WORDLIKE = [
    "{w.full} will bring the prior films on Monday.",
    "Seen with {w.full}; {w.surname} confirms the history.",
    "Photo of {w.full} in the garden in spring.",
    "Ref: {w.comma}",
]
NO_PII = [
    "Exam notable for {sign}; no focal deficit.",
    "Findings suggest {disease}. Recommend follow-up imaging in {dur}.",
    "History of {disease}, now on {drug} {dose}.",
    "Status post {device_ep}; the {anat} is intact.",
    "Fluid collection in {anat_ep}, small.",
    "Start {drug} {dose}, hold {drug} for {dur}.",
    "{drug} {dose} and {drug} {dose} continued; review in {dur}.",
    "{view}  {side}\n{kv}\n{device}",
    "Acquired on {device}; dose length product within reference.",
    "Fracture of the {anat} with mild displacement; {device_ep} in place.",
    "No fracture of the {anat}. Soft tissues unremarkable.",
    "Impression: {disease}. No acute intracranial abnormality.",
    "Tenderness over the {anat}; {sign}.",
    "DISCHARGE MEDICATIONS\n{drug} {dose}\n{drug} {dose}\n{drug} as needed",
    "Allergies: {drug} (rash), {drug} (nausea).",
    "Clinical question: exclude {disease} of the {anat}.",
    "Normal {anat_ep}; incidental note of {disease}.",
    "Sunrise over the harbour from the hotel balcony",
    "Homemade bread cooling on the kitchen table",
    "Two kittens sleeping in a laundry basket",
    "Autumn leaves along the river path",
    "Monday: physiotherapy. Wednesday: bloods. Friday: review.",
    "Will call back if symptoms worsen; hope to discharge in {dur}.",
    "Pain score 3/10 at rest, 6/10 on movement of the {anat}.",
    "Lines and tubes: {device_ep}; endotracheal tube 4 cm above the carina.",
    "Rx: {drug} {dose} for {dur}. Repeat X-ray of the {anat} after.",
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

    def add(kind, template, people):
        text, ents = render(rng, template, people)
        rows.append({"id": f"ho-{kind}-{len(rows):04d}", "text": text, "entities": ents})

    groups = [("overlay", OVERLAY, 5), ("discharge", DISCHARGE, 4), ("report", REPORT, 4),
              ("letter", LETTER, 4), ("caption", CAPTION, 3), ("signout", SIGNOUT, 4)]
    for kind, templates, reps in groups:
        for _ in range(reps):
            for t in templates:
                a, b, c = distinct(3)
                add(kind, t, {"a": a, "b": b, "c": c})
    for _ in range(4):
        for t in WORDLIKE:
            w = Person(rng.choice(WORDLIKE_GIVEN), rng.choice(WORDLIKE_SURNAMES))
            add("wordlike", t, {"w": w})
    for _ in range(4):
        for t in NO_PII:
            add("nopii", t, {})
    out = HERE / "heldout.jsonl"
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                   encoding="utf-8")
    nopii = sum(1 for r in rows if not r["entities"])
    names = sum(1 for r in rows if any(e["type"] == "PERSON" for e in r["entities"]))
    print(f"{len(rows)} texts, {names} with names, {nopii} without PII")


if __name__ == "__main__":
    main()
