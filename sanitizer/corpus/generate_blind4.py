#!/usr/bin/env python3
"""Deterministic generator for the sanitizer's fourth BLIND corpus (blind4.jsonl), the
seventh corpus overall.

Run from the repository root:  python3 sanitizer/corpus/generate_blind4.py
Output is byte-identical on every run (own seed, no clock, no environment).

Blind by construction: written without running the sanitizer on it and without reading the
sanitizer's source, so it is fitted to the system in neither direction. It is meant to be
scored ONCE, after the current round of fixes, by someone other than its author. Templates,
word lists and names share nothing by design with generate.py (dev), generate_heldout.py
(heldout), generate_test.py (test), generate_blind.py, generate_blind2.py and
generate_blind3.py (blind, blind2, blind3); the self-check at the end refuses any pool name
part, and any eponym, brand, device, score, ward, organisation or place phrase, found (as a
whole word, case-insensitive) in those files or in names.json.

Genres and their sentence shapes: ED triage notes and ambulance (ATMIST) handovers,
community / home-visit nursing, physiotherapy and occupational-therapy notes, dental charts,
antenatal and neonatal (NICU) notes, psychiatric assessments, referral e-mails with headers,
signatures and quoted replies, appointment SMS reminders, specimen labels and laboratory
requisitions, wristband and label OCR, death-certificate extracts, insurance claim letters,
research-consent forms, Spanish, Portuguese, Italian, German, Danish, Romanian and French
(Central Africa, Madagascar) notes, most with an English gloss, captions written like a vision model's ("A woman in
a hospital gown sitting next to ..."), tables flattened to text ("Name | DOB | Ward"), plus
outpatient letters, operation notes, pathology reports, medication reconciliation, discharge
summaries, nursing flowsheet comments, telephone messages, MDT minutes, consent forms,
pharmacy queries, DICOM headers (DICOM JSON model ``"00100010"`` with ``LAST^FIRST^MIDDLE``,
CSV worklist exports with ``Last, First``), HL7 v2 ADT messages (``PID`` with
``LAST^FIRST``), OCR of burned-in ultrasound / radiograph overlays
with OCR noise (case errors, 0/O and 1/l confusions, dropped spaces, stray punctuation), and
chat-style shorthand (lower-case names, initials, nicknames). People are mentioned
repeatedly and partially (surname only, first name only, title + surname, nickname,
initials) and every mention carries one ``person`` id. Surnames include double (Spanish,
Portuguese, Guatemalan, Puerto Rican), hyphenated (Pasquier-Delaunay, Vestergaard-Jeppesen,
Tawhiri-Pomare) and particle forms (Al Falasi, Abou Zeid), names with diacritics and Tamil
mononyms. About a quarter of the texts hold no
identifier at all and are traps: eponymous signs, manoeuvres, syndromes, instruments and
scores (Mauriceau, Capgras, Tinetti, Dix-Hallpike, Ponseti, ...), drug and device brand names
(Syntocinon, Clopixol, Vicryl, Groshong, ...), units named after people ("Kolff Unit",
"Barnard Ward", "Sister Dora Ward"), sentence-initial capitals and common words that are also
names (will, mark, hope, bill, grace, rose, may, june, iris) or that are word-name surnames
and given names of this corpus (chapel, temple, power, page, moon, rice, bush, hood, cherry,
coral, ruby, mercy, ...).

Names are real, listed by hand from public statistics of regions (or, for regions an earlier
corpus drew on, names it does not use):
- Japan: Meiji Yasuda given-name rankings and common surnames (myoji rankings);
- Korea: Statistics Korea census surnames, popular given names (family name first);
- Vietnam: common family names and given names with Thị / Văn (family name first);
- India: Tamil (father's-name surnames and mononyms), Telugu (house names), Punjabi
  (Kaur, clan surnames), Marathi and Malayalam common names (Census / electoral-roll studies);
- Sri Lanka: Department of Census and Statistics common Sinhala names not used before;
- Portugal: INE / IRN given-name rankings and surnames (double surnames);
- Spain: INE surname rankings for the Basque Country, Catalonia and Galicia (double surnames);
- Italy: ISTAT given names and surnames; France: INSEE fichier des prénoms and surnames;
- Germany, Austria, Switzerland: Destatis-era surname frequencies, Statistik Austria and
  BFS (Swiss Federal Statistical Office) surnames and given names;
- Belgium (Flanders): Statbel names; Denmark: Danmarks Statistik name counts;
- Moldova and Romania: common surnames and given names (ASP Moldova, INS Romania);
- Russia: common surnames with -a female forms and patronymics (name-frequency studies);
- UAE, Qatar, Saudi Arabia, Oman: common tribal family names (Al ...) and given names;
- Egypt (CAPMAS-era common names) and Sudan (given name + father + grandfather);
- South Africa: Stats SA / DHA common Zulu, Xhosa, Sotho and Afrikaans names;
- Rwanda and Burundi: common Kinyarwanda / Kirundi names (family name first);
- DR Congo: common Luba, Kongo and Mongo surnames with French given names;
- Madagascar: common Malagasy family names and given names (INSTAT);
- Papua New Guinea: common Motu and Highlands names; Māori: Stats NZ / Te Puni Kōkiri lists;
- Hawaiian names (Hawaiʻi State DOH registrations); Trinidad (Indo-Trinidadian surnames)
  and Barbados (Barbados Statistical Service surnames);
- Guatemala: RENAP common K'iche' and Q'eqchi' surnames with Spanish given names;
- Puerto Rico: Demographic Registry common surnames and given names (double surnames);
- Inuit: Nunavut and Greenland family names (Kusugak, Akeeagok, Motzfeldt, ...) and given
  names (Elisapee, Pauloosie, Aputsiaq, ...);
- English/US names that are ordinary words or places (Chapel, Temple, Castle, Church, Moon,
  Power, Page, Rice, Bush, Hood, Pike, Glover, Noble, Goodman; Mercy, Harmony,
  Destiny, Trinity, Cherry, Coral, Ruby, Poppy, Daisy, Chelsea, Sydney, Dakota, Dallas,
  Houston, Lincoln, Preston, Chester) from ONS / Census 2010 / SSA lists, none used by the
  earlier generators.

Conventions of the gold spans, the same as generate_blind3.py's so that scores compare
(offsets in code points, see sanitizer/src/eval.rs):
- PERSON spans cover the name only, never a title (Dr, Dr. med., Dott., Dott.ssa, Sr., Sra.,
  Sig.ra, Frau, Herr, Mme, M., Mrs, Ms, Mr, Prof, Sister, Nurse, RN, DN, Midwife) and never
  a possessive 's; a DICOM ``LAST^FIRST^MIDDLE`` or ``Last, First`` value is one span;
  "Baby of <mother>" marks the mother's name only; initials standing for a person (chat,
  sign-offs) are PERSON; clinicians, relatives and interpreters are people too; a name inside
  an e-mail address is part of the EMAIL span only;
- AGE spans cover the number with its attached unit ("94-year-old", "101 yrs", "092Y",
  "87 años", "91 anni", "89 Jahre", "90 ans", "88 anos", "36 hours") but not a preceding
  "aged" or "age" or a following "old"; a bare number after "Age:" is the whole span;
- DATE spans cover a full date in whatever format, including a time written with it;
- LOCATION spans cover a street address from number to postcode as one span, or a town /
  city / settlement named alone; ORG spans cover the whole name of a hospital, clinic,
  practice, insurer or employer ("Chris Hani Baragwanath Academic Hospital",
  "Eric Williams Medical Sciences Complex", "St Oswald's Hospice" are ORG, not PERSON);
- ID, PHONE, EMAIL, URL, SSN spans cover the value only, not its label ("MRN", "Tel").
  SSN is used for national personal codes (US SSN, Danish CPR, South African ID number,
  Spanish DNI, Emirates ID, Moldovan IDNP); hospital, NHS, health-card, claim, GMC, GDC,
  laboratory and study numbers are ID.
Units and wards named after people, device manufacturers, eponyms and scores are not
identifiers and are never marked.

Self-check (the script exits non-zero and writes nothing on failure): every span's slice is
exactly the string the template inserted; spans are sorted, non-empty, trimmed and do not
overlap; types are EntityKind names; PERSON spans and only they carry a `person` id, one id
per individual and one individual per id, and each mention is a form of that individual's
name (OCR-noised texts excepted); no form of a person's name occurs outside a span (except a
word-name surname used as an ordinary word in the same text, declared by the template); no
pool name part occurs outside a span in any text (the declared word-names in trap texts
excepted); ids and texts are unique; no pool name part, nickname, trap phrase, organisation
or place occurs in the earlier generators or in names.json.
"""

import json
import os
import random
import re
import sys
import unicodedata

SEED = 0x5EB7_B4
OUT = os.path.join("sanitizer", "corpus", "blind4.jsonl")
EARLIER = [
    "generate.py",
    "generate_heldout.py",
    "generate_test.py",
    "generate_blind.py",
    "generate_blind2.py",
    "generate_blind3.py",
    "names.json",
]
KINDS = {"PERSON", "DATE", "AGE", "ID", "PHONE", "EMAIL", "URL", "SSN", "LOCATION", "ORG"}
N_PII = 220
N_TRAP = 80

# ---------------------------------------------------------------------------------------
# Names: region -> (female given, male given, family names, family name first?)
# ---------------------------------------------------------------------------------------

REGIONS = {
    "jp": (
        ["Hinata", "Koharu", "Tsumugi", "Himari", "Kaede", "Shiori", "Michiko", "Setsuko",
         "Fumiko", "Chiyo", "Noriko"],
        ["Hayato", "Haruki", "Ryusei", "Minato", "Takeshi", "Kazuo", "Masaru", "Shigeru",
         "Tadashi", "Isamu"],
        ["Matsumoto", "Inoue", "Hayashi", "Shimizu", "Yamazaki", "Ishikawa", "Nakajima",
         "Hasegawa", "Murakami", "Okamoto", "Fujiwara", "Takeuchi", "Miyazaki", "Taniguchi",
         "Sugawara", "Kinoshita", "Noguchi", "Sakurai"],
        False,
    ),
    "kr": (
        ["Seo-yeon", "Ha-eun", "Ye-jin", "Eun-ji", "Chae-won"],
        ["Ji-hoon", "Hyun-woo", "Jae-won", "Dong-hyun", "Yeon-woo"],
        ["Kwon", "Hwang", "Ahn", "Jeon", "Baek", "Heo", "Kwak", "Cheon", "Eom", "Ryu"],
        True,
    ),
    "vn": (
        ["Thị Thảo", "Thị Hương", "Thị Nhung", "Thị Hạnh", "Thị Ngọc"],
        ["Văn Tuấn", "Văn Dũng", "Văn Hùng", "Văn Phúc", "Văn Quân", "Văn Thắng"],
        ["Huỳnh", "Đặng", "Trịnh", "Dương", "Lương", "Trương", "Đinh", "Bùi"],
        True,
    ),
    "ta": (
        ["Meenakshi", "Revathi", "Saranya", "Dhanalakshmi"],
        ["Senthil", "Karthikeyan", "Pandian", "Thangaraj"],
        ["Murugan", "Ramasamy", "Palanisamy", "Annamalai", "Arumugam", "Subramanian"],
        False,
    ),
    "te": (
        ["Sravani", "Bhavani"],
        ["Venkatesh", "Srinivas", "Nagaraju"],
        ["Kondapalli", "Gollapudi", "Vemula", "Yarlagadda", "Bommireddy", "Chowdary"],
        False,
    ),
    "pa": (
        ["Gurpreet Kaur", "Manpreet Kaur", "Jaspreet Kaur"],
        ["Harjinder", "Baljit", "Kulwinder"],
        ["Sandhu", "Dhillon", "Grewal", "Sidhu", "Randhawa", "Bajwa", "Brar"],
        False,
    ),
    "mr": (
        ["Vaishali", "Sunanda", "Pradnya", "Ashwini", "Snehal"],
        ["Mangesh", "Sachin", "Tejas", "Omkar"],
        ["Deshpande", "Kulkarni", "Jadhav", "Shinde", "Gaikwad", "Deshmukh", "Bhosale",
         "Gokhale"],
        False,
    ),
    "ml": (
        ["Sreeja", "Bindu", "Reshma", "Aswathy", "Lekshmi", "Thankamma"],
        ["Anoop", "Jishnu", "Sreekumar"],
        ["Kurian", "Varghese", "Panicker", "Namboothiri", "Unnikrishnan"],
        False,
    ),
    "lk": (
        ["Nadeesha", "Sanduni", "Iresha"],
        ["Nimal", "Chathura"],
        ["Jayasuriya", "Senanayake", "Kumarasinghe", "Samarasinghe", "Amarasinghe"],
        False,
    ),
    "pt": (
        ["Leonor", "Matilde", "Conceição", "Custódia", "Inês"],
        ["Duarte", "Afonso", "Martim", "Nuno", "Vasco", "Gaspar"],
        ["Magalhães", "Figueiredo", "Quintela", "Raposo", "Antunes", "Tavares", "Azevedo",
         "Simões", "Lourenço", "Raposo Figueiredo", "Quintela Antunes"],
        False,
    ),
    "eu": (
        ["Itziar", "Irati", "Amaia", "Maite"],
        ["Unai", "Asier", "Gorka", "Aitor", "Eneko"],
        ["Goikoetxea Urrutia", "Zubizarreta Olaizola", "Larrañaga Mendizabal",
         "Ibarguren Garmendia", "Garmendia Zubizarreta"],
        False,
    ),
    "ca": (
        ["Núria", "Mireia", "Meritxell", "Roser", "Laia"],
        ["Oriol", "Arnau", "Jaume"],
        ["Pujol Riera", "Casals Batlle", "Rovira Roig", "Batlle Pujol"],
        False,
    ),
    "gl": (
        ["Uxía", "Antía", "Sabela", "Xiana"],
        ["Xoán", "Brais", "Breixo", "Anxo"],
        ["Castiñeira Dopazo", "Seoane Outeiro", "Carballo Taboada", "Piñeiro Barreiro"],
        False,
    ),
    "it": (
        ["Giuseppina", "Antonietta", "Concetta", "Immacolata", "Annunziata", "Filomena",
         "Ornella", "Loredana", "Ginevra"],
        ["Salvatore", "Domenico", "Vincenzo", "Gianluca", "Tommaso", "Edoardo"],
        ["Marchetti", "Cattaneo", "Sorrentino", "Montanari", "Pellegrino", "Giordano",
         "Lombardi", "D'Angelo", "D'Amico", "Caputo", "Santoro", "Ruggiero"],
        False,
    ),
    "fr": (
        ["Ghislaine", "Huguette", "Josiane", "Solange", "Apolline", "Gaëlle", "Maëlys",
         "Clémence", "Océane", "Anaïs"],
        ["Thierry", "Didier", "Aurélien", "Ludovic", "Loïc", "Régis", "Benoît"],
        ["Lefebvre", "Rousseau", "Chevalier", "Fontaine", "Lemoine", "Deschamps", "Delaunay",
         "Pasquier", "Barthelemy", "Leclercq", "Carpentier", "Fontaine-Lemoine",
         "Pasquier-Delaunay"],
        False,
    ),
    "de": (
        ["Hannelore", "Waltraud", "Sieglinde", "Gertrud", "Ottilie", "Frieda", "Renate",
         "Corinne"],
        ["Jürgen", "Manfred", "Wolfgang", "Dieter", "Horst", "Reto", "Urs", "Hans-Jürgen"],
        ["Schröder", "Zimmermann", "Krüger", "Schäfer", "Böhm", "Jäger", "Baumgartner",
         "Leitner", "Pichler", "Wimmer", "Zürcher", "Käser", "Bühler", "Widmer", "Wyss"],
        False,
    ),
    "be": (
        ["Griet", "Katrien", "Marleen", "Annemie", "Lotte", "Sien"],
        ["Wout", "Jef", "Staf", "Kobe"],
        ["Peeters", "Janssens", "Goossens", "Wouters", "Pauwels", "Verstraete",
         "Vandenberghe", "Verhaegen", "Declercq"],
        False,
    ),
    "dk": (
        ["Mette", "Jytte", "Pernille", "Sidsel", "Signe", "Tove"],
        ["Troels", "Bjarne", "Villads", "Asger", "Jesper", "Søren"],
        ["Søndergaard", "Vestergaard", "Bundgaard", "Nørgaard", "Højgaard", "Mikkelsen",
         "Frederiksen", "Jeppesen", "Kjeldsen", "Lauridsen", "Vestergaard-Jeppesen"],
        False,
    ),
    "ro": (
        ["Viorica", "Doina", "Lilia", "Corina"],
        ["Veaceslav", "Vitalie", "Sergiu", "Dorin"],
        ["Țurcanu", "Țîbîrnă", "Plămădeală", "Croitoru", "Cojocaru", "Botnari", "Ciobanu",
         "Munteanu", "Chiriac", "Rotaru"],
        False,
    ),
    "gulf": (
        ["Moza", "Shamma", "Hessa", "Maitha", "Afra", "Shaikha"],
        ["Hamdan", "Meshal", "Bandar", "Turki"],
        ["Al Mazrouei", "Al Ketbi", "Al Dhaheri", "Al Suwaidi", "Al Falasi", "Al Kuwari",
         "Al Sulaiti", "Al Mutairi", "Al Qahtani", "Al Zahrani", "Al Balushi", "Al Busaidi",
         "Al Rawahi"],
        False,
    ),
    "eg": (
        ["Nermine", "Shaimaa", "Mervat", "Doaa", "Ghada"],
        ["Moataz", "Hesham", "Hazem", "Tamer", "Amr"],
        ["Shehata", "Hegazy", "Shawky", "Lotfy", "Helmy", "Ragab", "Abdelaziz", "Abou Zeid"],
        False,
    ),
    "sd": (
        ["Awadia", "Ikhlas", "Tagwa", "Nafisa", "Sumaya"],
        ["Elfatih", "Abdalla", "Hashim"],
        ["Babiker", "Elamin", "Eltayeb", "Abdelgadir", "Mirghani", "Hassabo", "Mohamedain",
         "Elnour"],
        False,
    ),
    "za": (
        ["Thandeka", "Nokuthula", "Zanele", "Lindiwe", "Sibongile", "Nonhlanhla", "Nolitha",
         "Thembeka", "Nthabiseng", "Palesa", "Refiloe", "Dimakatso", "Puleng"],
        ["Sibusiso", "Thulani", "Bongani", "Mandla", "Lwazi", "Siyabonga", "Xolani",
         "Luyanda", "Thabo", "Tshepo", "Lebohang"],
        ["Mkhize", "Ngcobo", "Buthelezi", "Zungu", "Shabalala", "Gumede", "Nxumalo",
         "Msimang", "Hlongwane", "Mdlalose", "Mazibuko", "Mthethwa", "Ngubane", "Mgqibelo",
         "Nqakula", "Makhaya", "Mokoena", "Mofokeng", "Motaung", "Letsie", "Mohapi"],
        False,
    ),
    "af": (
        ["Annelie", "Elmarie", "Marietjie", "Liezl", "Mariska", "Sannie"],
        ["Riaan", "Hennie", "Marnus", "Sarel", "Schalk", "Gerrit", "Jannie"],
        ["Swanepoel", "Engelbrecht", "Oosthuizen", "Labuschagne", "Bezuidenhout",
         "Potgieter", "Cilliers", "Strydom", "Grobler", "Viljoen"],
        False,
    ),
    "rw": (
        ["Vestine", "Alphonsine", "Consolée", "Claudine"],
        ["Aimable", "Pacifique"],
        ["Uwimana", "Mukamana", "Niyonzima", "Nshimiyimana", "Mukeshimana", "Ndayishimiye",
         "Uwamahoro", "Hakizimana", "Niyonsaba", "Havyarimana"],
        True,
    ),
    "cd": (
        ["Merveille", "Christelle", "Nadège", "Bijou"],
        ["Fiston", "Trésor", "Exaucé", "Ruphin", "Papy"],
        ["Tshibangu", "Mukendi", "Kabongo", "Kasongo", "Kazadi", "Lukusa", "Nsimba",
         "Ntumba", "Mulumba", "Tshimanga", "Lokondo", "Bokungu"],
        False,
    ),
    "mg": (
        ["Haingo", "Fanja", "Voahirana", "Lalao", "Miora", "Faniry"],
        ["Hery", "Fidy", "Toky", "Rivo", "Tojo", "Njaka"],
        ["Randriamampionona", "Rakotomalala", "Razafindrakoto", "Andrianarisoa",
         "Rasolofomanana", "Ravelonarivo", "Randrianasolo", "Rakotoarisoa", "Rasoanaivo",
         "Rabemananjara", "Ratsimbazafy"],
        False,
    ),
    "png": (
        ["Geua", "Kaia"],
        ["Iamo", "Boio", "Vagi", "Dika"],
        ["Kaupa", "Kaluwin", "Siaguru", "Tamarua", "Kombra", "Kapris", "Pundari", "Namaliu"],
        False,
    ),
    "mi": (
        ["Kahurangi", "Ataahua", "Marama", "Huia", "Hine"],
        ["Hemi", "Tamati", "Ihaia", "Nikau", "Manaia"],
        ["Tawhiri", "Pomare", "Kereama", "Paewai", "Tautahi", "Mahuika", "Ruawai", "Hohaia",
         "Karaitiana", "Rangihuna", "Waaka", "Tawhiri-Pomare"],
        False,
    ),
    "hi": (
        ["Leilani", "Noelani", "Pualani", "Haunani", "Mahina", "Malia"],
        ["Keoni", "Kainoa", "Ikaika", "Keola", "Kekoa"],
        ["Kahananui", "Kealoha", "Kamakana", "Kanahele", "Kamakau", "Kaniho", "Mahoe",
         "Kapaona"],
        False,
    ),
    "tt": (
        ["Sharmila", "Savitri", "Kamla", "Deokie"],
        ["Roopnarine", "Basdeo", "Ravindra"],
        ["Rampersad", "Ramkissoon", "Ramsaroop", "Seepersad", "Boodram", "Jagessar",
         "Sookdeo", "Rampaul"],
        False,
    ),
    "bb": (
        ["Jalisa", "Sheryl", "Beverley", "Lorna"],
        ["Kadeem", "Everton", "Carlisle", "Wendell"],
        ["Cumberbatch", "Yearwood", "Skeete", "Bynoe", "Inniss", "Trotman", "Callender",
         "Harewood", "Gittens", "Alleyne"],
        False,
    ),
    "gt": (
        ["Ixchel", "Glendy", "Heidy", "Maribel", "Sindy"],
        ["Selvin", "Edvin", "Estuardo", "Byron"],
        ["Xitumul Tzul", "Chocooj Xajil", "Yaxon Sicajau", "Quiej Sacalxot", "Ajanel Cumes",
         "Tiul Ical", "Maquin Tujab", "Caal Choc"],
        False,
    ),
    "pr": (
        ["Migdalia", "Awilda", "Zoraida", "Yaritza", "Nilda", "Yadira"],
        ["Wilfredo", "Efraín", "Yamil", "Edwin"],
        ["Irizarry Cintrón", "Quiñones Negrón", "Berríos Montañez", "Caraballo Alicea",
         "Laboy Marrero", "Feliciano Meléndez", "Irizarry", "Quiñones", "Negrón"],
        False,
    ),
    "iu": (
        ["Elisapee", "Leetia", "Looee", "Meeka", "Ningiuk", "Paninguaq", "Naja"],
        ["Pauloosie", "Jaypeetee", "Aputsiaq", "Pitseolak"],
        ["Kusugak", "Akeeagok", "Aariak", "Okalik", "Quassa", "Taptuna", "Kilabuk", "Arreak",
         "Nutarak", "Ootoova", "Qaunaq", "Ikkidluak", "Kooneeliusie", "Aglukark", "Karetak",
         "Anawak", "Motzfeldt", "Lynge", "Kleist"],
        False,
    ),
    "en": (
        ["Mercy", "Harmony", "Destiny", "Trinity", "Cherry", "Coral", "Ruby", "Poppy", "Daisy",
         "Chelsea", "Sydney", "Dakota"],
        ["Dallas", "Houston", "Lincoln", "Preston", "Chester"],
        ["Chapel", "Temple", "Castle", "Church", "Moon", "Power", "Page", "Rice", "Bush",
         "Hood", "Pike", "Glover", "Noble", "Goodman"],
        False,
    ),
}
# Russian names: family name with -a female form, patronymic as a middle name.
RU_F = ["Lyudmila", "Nadezhda", "Svetlana", "Galina", "Lyubov", "Zoya", "Raisa"]
RU_M = ["Vyacheslav", "Svyatoslav", "Gennady", "Arkady", "Timofei", "Artyom"]
RU_FAM = ["Kudryavtsev", "Ovchinnikov", "Shcherbakov", "Rumyantsev", "Tikhomirov",
          "Skvortsov", "Zhuravlev", "Prokhorov"]
RU_PAT_F = ["Yurievna", "Borisovna", "Olegovna", "Igorevna"]
RU_PAT_M = ["Yurievich", "Borisovich", "Olegovich", "Igorevich"]
# Tamil mononyms (no family name; often written with the father's initial).
MONONYMS = [("Tamilselvi", "f"), ("Ilango", "m"), ("Meenambal", "f"), ("Kannagi", "f")]
NICKNAMES = {"Wolfgang": "Wolfi", "Gertrud": "Trudi", "Immacolata": "Imma",
             "Salvatore": "Totò", "Giuseppina": "Pina", "Sibusiso": "Sbu", "Leilani": "Lani",
             "Nokuthula": "Thuli"}
# Word-names that trap texts may use as ordinary words (in lower case).
TRAP_WORDNAMES = {"chapel", "temple", "power", "page", "moon", "rice", "bush", "hood",
                  "cherry", "coral", "ruby", "mercy", "noble", "pike", "castle", "church",
                  "bloom", "daisy", "poppy", "harmony", "destiny"}

REGION_COUNTRY = {
    "jp": "JP", "kr": "KR", "vn": "VN", "ta": "IN", "te": "IN", "pa": "IN", "mr": "IN",
    "ml": "IN", "lk": "LK", "pt": "PT", "eu": "ES", "ca": "ES", "gl": "ES", "it": "IT",
    "fr": "FR", "de": "DE", "be": "BE", "dk": "DK", "ro": "MD", "ru": "RU", "gulf": "AE",
    "eg": "EG", "sd": "SD", "za": "ZA", "af": "ZA", "rw": "RW", "cd": "CD", "mg": "MG",
    "png": "PG", "mi": "NZ", "hi": "HI", "tt": "TT", "bb": "BB", "gt": "GT", "pr": "PR",
    "iu": "NU", "en": "GB", "mono": "IN",
}


def fold(s):
    """Case-folded and diacritic-free form, for comparing name mentions."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.replace("đ", "d").replace("Đ", "D").casefold()


class Person:
    """One individual and the written forms of their name."""

    def __init__(self, region, gender, given, family, middle="", family_first=False):
        self.region = region
        self.gender = gender
        self.given = given
        self.family = family
        self.middle = middle
        self.family_first = family_first

    def form(self, name):
        g, f, m = self.given, self.family, self.middle
        if f is None:
            return {"full": g, "giv": g, "fam": g, "first_last": g, "upper": g.upper(),
                    "dicom": g.upper(), "comma": g, "low": g.lower(), "glow": g.lower(),
                    "flow": g.lower(), "init": g[0], "fam_upper": g.upper(),
                    "nick": g, "fam1": g, "ginit": g, "initfam": g}[name]
        gm = f"{g} {m}" if m else g
        mg = f"{m} {g}" if m else g
        whole = f"{f} {mg}" if self.family_first else f"{gm} {f}"
        table = {
            "full": whole,
            "giv": g,
            "fam": f,
            "fam1": f.split(" ")[0] if not f.startswith("Al ") else f,
            "first_last": f"{g} {f}",
            "upper": whole.upper(),
            "dicom": "^".join(x for x in [f.upper(), g.upper(), m.upper()] if x),
            "comma": f"{f}, {mg if self.family_first else gm}",
            "low": f"{g} {f}".lower(),
            "glow": g.lower(),
            "flow": f.lower(),
            "init": "".join(p[0] for p in (g.split(" ")[:1] + [f.split(" ")[0]])).upper(),
            "fam_upper": f.upper(),
            "nick": NICKNAMES.get(g, g),
            "ginit": f"{g[0]}. {f}",
            "initfam": f"{g[0]}{f[0]}",
        }
        return table[name]

    def all_forms(self):
        names = ["full", "giv", "fam", "fam1", "first_last", "upper", "dicom", "comma", "low",
                 "glow", "flow", "init", "fam_upper", "nick", "ginit", "initfam"]
        return {fold(self.form(n)) for n in names}

    def parts(self):
        """Name words (for the outside-a-span checks)."""
        words = re.split(r"[\s\-^,]+", " ".join(x for x in [self.given, self.middle,
                                                             self.family or ""] if x))
        out = {w for w in words if len(w) > 2}
        if self.given in NICKNAMES:
            out.add(NICKNAMES[self.given])
        return out


def all_pool_parts():
    parts = set()
    for fem, mal, fam, _ in REGIONS.values():
        for n in fem + mal + fam:
            parts.update(w for w in re.split(r"[\s\-]+", n) if len(w) > 2)
    for n in RU_F + RU_M + RU_FAM + RU_PAT_F + RU_PAT_M:
        parts.add(n)
    parts.update(f + "a" for f in RU_FAM)
    parts.update(n for n, _ in MONONYMS)
    parts.update(NICKNAMES.values())
    return parts


# ---------------------------------------------------------------------------------------
# Places, organisations, identifiers
# ---------------------------------------------------------------------------------------

TOWNS = {
    "JP": ["Sapporo", "Sendai"], "KR": ["Daegu", "Gwangju"], "VN": ["Huế", "Đà Nẵng"],
    "IN": ["Madurai", "Coimbatore", "Vijayawada", "Guntur", "Ludhiana", "Amritsar", "Nashik",
           "Kolhapur", "Thrissur", "Kottayam"],
    "LK": ["Kurunegala", "Matara"], "PT": ["Coimbra", "Braga", "Viseu"],
    "ES": ["Donostia", "Getxo", "Vigo", "Ourense", "Girona", "Lleida"],
    "IT": ["Bergamo", "Lecce", "Cosenza", "Trento"], "FR": ["Rennes", "Limoges", "Besançon"],
    "DE": ["Freiburg", "Graz", "Innsbruck", "Winterthur", "Lausanne"],
    "BE": ["Leuven", "Mechelen", "Ghent"], "DK": ["Esbjerg", "Odense"],
    "MD": ["Chișinău", "Bălți"], "RU": ["Kazan", "Yaroslavl", "Tver"],
    "AE": ["Al Ain", "Sharjah", "Muscat", "Salalah"], "EG": ["Ismailia", "Mansoura"],
    "SD": ["Omdurman", "Wad Madani"], "ZA": ["Soweto", "Mthatha", "Gqeberha",
                                             "Pietermaritzburg", "Stellenbosch"],
    "RW": ["Huye", "Musanze"], "CD": ["Lubumbashi", "Kisangani"],
    "MG": ["Toamasina", "Fianarantsoa"], "PG": ["Lae", "Goroka"],
    "NZ": ["Whanganui", "Gisborne"], "HI": ["Hilo", "Kailua"], "TT": ["Chaguanas", "Arima"],
    "BB": ["Speightstown", "Oistins"], "GT": ["Quetzaltenango", "Cobán"],
    "PR": ["Mayagüez", "Bayamón"], "NU": ["Iqaluit", "Rankin Inlet", "Nuuk", "Ilulissat"],
    "GB": ["Wakefield", "Kidderminster", "Barnstaple", "Scunthorpe", "Rochdale"],
}
ORGS = {
    "JP": ["Keio University Hospital", "Toranomon Hospital"],
    "KR": ["Asan Medical Center", "Severance Hospital"],
    "VN": ["Bach Mai Hospital", "Chợ Rẫy Hospital"],
    "IN": ["Christian Medical College Vellore", "Sree Chitra Tirunal Institute",
           "Sassoon General Hospital", "Dayanand Medical College and Hospital",
           "Rajiv Gandhi Government General Hospital"],
    "LK": ["Lady Ridgeway Hospital for Children"],
    "PT": ["Hospital de Santa Maria", "Centro Hospitalar Universitário de São João"],
    "ES": ["Hospital Universitario de Cruces", "Hospital Clínic de Barcelona",
           "Complexo Hospitalario Universitario de Santiago"],
    "IT": ["Ospedale San Raffaele", "Policlinico Gemelli", "Ospedale Niguarda"],
    "FR": ["Hôpital de la Pitié-Salpêtrière", "Hôpital Édouard Herriot"],
    "DE": ["Universitätsklinikum Heidelberg", "Inselspital Bern", "Universitätsspital Zürich",
           "Klinikum rechts der Isar"],
    "BE": ["UZ Leuven", "Universitair Ziekenhuis Gent"],
    "DK": ["Rigshospitalet", "Odense Universitetshospital"],
    "MD": ["Spitalul Clinic Republican Timofei Moșneaga", "Institutul Clinic Fundeni"],
    "RU": ["Sklifosovsky Research Institute", "Burdenko Neurosurgery Centre"],
    "AE": ["Sheikh Khalifa Medical City", "Hamad General Hospital",
           "Sultan Qaboos University Hospital"],
    "EG": ["Kasr Al Ainy Hospital", "Ain Shams University Hospital"],
    "SD": ["Soba University Hospital", "Ibn Sina Hospital"],
    "ZA": ["Chris Hani Baragwanath Academic Hospital",
           "Inkosi Albert Luthuli Central Hospital", "Tygerberg Hospital",
           "King Edward VIII Hospital"],
    "RW": ["Centre Hospitalier Universitaire de Kigali"],
    "CD": ["Cliniques universitaires de Kinshasa"],
    "MG": ["Hôpital Joseph Ravoahangy Andrianavalona"],
    "PG": ["Port Moresby General Hospital", "Angau Memorial Hospital"],
    "NZ": ["Auckland City Hospital", "Waikato Hospital"],
    "HI": ["The Queen's Medical Center", "Kapiolani Medical Center for Women and Children"],
    "TT": ["Eric Williams Medical Sciences Complex", "San Fernando General Hospital"],
    "BB": ["Queen Elizabeth Hospital"],
    "GT": ["Hospital Roosevelt", "Hospital General San Juan de Dios"],
    "PR": ["Hospital Auxilio Mutuo", "Centro Médico de Río Piedras"],
    "NU": ["Qikiqtani General Hospital", "Dronning Ingrids Hospital"],
    "GB": ["Pinderfields Hospital", "Royal Cornwall Hospital", "St Oswald's Hospice",
           "Furness General Hospital", "Calderdale Royal Hospital", "Wythenshawe Hospital"],
}
GB_PRACTICES = ["Thornbury Medical Centre", "Castleton Health Centre", "Kingsway Surgery",
                "Beechtree Family Practice"]
INSURERS = ["Discovery Health Medical Scheme", "Allianz Care", "Bupa Global",
            "Medicover Assistance"]
GB_STREETS = ["Ferncliffe Road", "Colliery Lane", "Otley Street", "Moorside Crescent",
              "Granville Terrace", "Lidgett Avenue"]
GB_POST = ["WF1 4QT", "DY10 2LW", "EX32 8NP", "DN16 1BD", "OL11 3HS", "HD6 2RX"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MON = [m[:3] for m in MONTHS]
MES_ES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
          "septiembre", "octubre", "noviembre", "diciembre"]
MES_PT = ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
          "setembro", "outubro", "novembro", "dezembro"]
MESE_IT = ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
           "settembre", "ottobre", "novembre", "dicembre"]
MONAT_DE = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
            "September", "Oktober", "November", "Dezember"]
MOIS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"]


class E:
    """A non-person identifier to insert."""

    def __init__(self, text, kind):
        self.text = text
        self.kind = kind


class G:
    """Random helpers bound to the generator's own Random."""

    def __init__(self, r):
        self.r = r

    def choice(self, xs):
        return self.r.choice(xs)

    def ymd(self, y0=2021, y1=2026):
        return self.r.randint(y0, y1), self.r.randint(1, 12), self.r.randint(1, 28)

    def date(self, style=None, y0=2021, y1=2026, lang="en"):
        y, m, d = self.ymd(y0, y1)
        if lang == "es":
            return E(f"{d} de {MES_ES[m - 1]} de {y}", "DATE")
        if lang == "pt":
            return E(f"{d} de {MES_PT[m - 1]} de {y}", "DATE")
        if lang == "it":
            return E(self.choice([f"{d} {MESE_IT[m - 1]} {y}", f"{d:02d}/{m:02d}/{y}"]),
                     "DATE")
        if lang == "de":
            return E(self.choice([f"{d}. {MONAT_DE[m - 1]} {y}", f"{d:02d}.{m:02d}.{y}"]),
                     "DATE")
        if lang == "fr":
            return E(self.choice([f"{d} {MOIS_FR[m - 1]} {y}", f"{d:02d}/{m:02d}/{y}"]),
                     "DATE")
        style = style or self.choice(["dmy", "iso", "dmon", "mdy", "dot", "dmy2", "mon_t"])
        hh, mm = self.r.randint(0, 23), self.r.randint(0, 59)
        return E({
            "dmy": f"{d:02d}/{m:02d}/{y}",
            "iso": f"{y}-{m:02d}-{d:02d}",
            "dmon": f"{d} {MON[m - 1]} {y}",
            "mdy": f"{MONTHS[m - 1]} {d}, {y}",
            "dot": f"{d:02d}.{m:02d}.{y}",
            "dmy2": f"{d:02d}/{m:02d}/{y % 100:02d}",
            "mon_t": f"{d:02d}-{MON[m - 1].upper()}-{y} {hh:02d}:{mm:02d}",
            "dicom": f"{y}{m:02d}{d:02d}",
            "iso_t": f"{y}-{m:02d}-{d:02d} {hh:02d}:{mm:02d}",
            "dmy_t": f"{d:02d}/{m:02d}/{y} {hh:02d}:{mm:02d}",
            "long": f"{d} {MONTHS[m - 1]} {y}",
        }[style], "DATE")

    def stay(self, style="dmy", lang="en"):
        """Admission and discharge dates a few days apart."""
        y, m, d = self.r.randint(2021, 2026), self.r.randint(1, 12), self.r.randint(1, 19)
        d2 = d + self.r.randint(2, 9)
        out = []
        for day in (d, d2):
            if lang == "it":
                out.append(E(f"{day} {MESE_IT[m - 1]} {y}", "DATE"))
            elif lang == "de":
                out.append(E(f"{day}. {MONAT_DE[m - 1]} {y}", "DATE"))
            else:
                out.append(E(f"{day:02d}/{m:02d}/{y}", "DATE"))
        return out

    def dob(self, style=None, old=False, lang="en"):
        style = style or self.choice(["dmy", "iso", "dmon", "mdy", "dot", "dmy2", "long"])
        return self.date(style, 1926, 1934, lang) if old else self.date(style, 1938, 2004,
                                                                         lang)

    def age(self, old=None, lang="en"):
        n = self.r.randint(90, 104) if (old or (old is None and self.r.random() < 0.4)) \
            else self.r.randint(19, 88)
        unit = {"es": "años", "pt": "anos", "it": "anni", "de": "Jahre", "fr": "ans"}.get(lang)
        if unit:
            return E(f"{n} {unit}", "AGE")
        return E(self.choice([f"{n}-year-old", f"{n} yrs", f"{n} y/o", f"{n}yo",
                              f"{n} years"]), "AGE")

    def mrn(self):
        r = self.r
        return E(self.choice([
            f"{r.randint(10_000_000, 99_999_999)}",
            f"K{r.randint(1_000_000, 9_999_999)}",
            f"RX-{r.randint(100, 999)}-{r.randint(1000, 9999)}",
            f"H/{r.randint(100_000, 999_999)}",
            f"{r.choice('ABCDEFGHJ')}{r.choice('KLMNPQRST')}{r.randint(100000, 999999)}",
        ]), "ID")

    def nhs(self):
        while True:
            ds = [self.r.randint(0, 9) for _ in range(9)]
            ds[0] = self.r.randint(4, 7)
            c = 11 - sum(d * (10 - i) for i, d in enumerate(ds)) % 11
            c = 0 if c == 11 else c
            if c != 10:
                s = "".join(map(str, ds + [c]))
                return E(f"{s[:3]} {s[3:6]} {s[6:]}", "ID")

    def digits(self, n):
        return "".join(str(self.r.randint(0, 9)) for _ in range(n))

    def ssn(self, country):
        r = self.r
        if country == "PR":
            return E(f"{r.randint(580, 584)}-{r.randint(10, 99)}-{r.randint(1000, 9999)}",
                     "SSN")
        if country == "DK":
            y, m, d = self.ymd(1930, 1999)
            return E(f"{d:02d}{m:02d}{y % 100:02d}-{r.randint(1000, 9999)}", "SSN")
        if country == "ZA":
            y, m, d = self.ymd(1940, 2000)
            body = f"{y % 100:02d}{m:02d}{d:02d}{r.randint(0, 9999):04d}08"
            tot = 0
            for i, ch in enumerate(reversed(body)):
                v = int(ch) * (2 if i % 2 == 0 else 1)
                tot += v - 9 if v > 9 else v
            return E(body + str((10 - tot % 10) % 10), "SSN")
        if country == "ES":
            n = r.randint(10_000_000, 99_999_999)
            return E(f"{n}{'TRWAGMYFPDXBNJZSQVHLCKE'[n % 23]}", "SSN")
        if country == "AE":
            return E(f"784-{r.randint(1950, 1999)}-{self.digits(7)}-{r.randint(0, 9)}",
                     "SSN")
        if country == "MD":
            return E("2" + self.digits(12), "SSN")
        if country == "GT":
            return E(f"{self.digits(4)} {self.digits(5)} {r.randint(101, 2217):04d}", "SSN")
        raise ValueError(country)

    def phone(self, country):
        r, dg = self.r, self.digits
        return E({
            "GB": f"07700 900{r.randint(100, 999)}",
            "ZA": f"+27 82 {dg(3)} {dg(4)}",
            "DK": f"+45 {r.randint(20, 99)} {dg(2)} {dg(2)} {dg(2)}",
            "PT": f"+351 91{r.randint(1, 9)} {dg(3)} {dg(3)}",
            "ES": f"+34 6{dg(2)} {dg(3)} {dg(3)}",
            "IT": f"+39 3{dg(2)} {dg(3)} {dg(4)}",
            "FR": f"+33 6 {dg(2)} {dg(2)} {dg(2)} {dg(2)}",
            "DE": f"+49 151 {dg(8)}",
            "BE": f"+32 47{r.randint(0, 9)} {dg(2)} {dg(2)} {dg(2)}",
            "MD": f"+373 69 {dg(3)} {dg(3)}",
            "RU": f"+7 916 {dg(3)}-{dg(2)}-{dg(2)}",
            "AE": f"+971 50 {dg(3)} {dg(4)}",
            "EG": f"+20 10 {dg(4)} {dg(4)}",
            "SD": f"+249 91 {dg(3)} {dg(4)}",
            "RW": f"+250 788 {dg(3)} {dg(3)}",
            "CD": f"+243 81 {dg(3)} {dg(4)}",
            "MG": f"+261 34 {dg(2)} {dg(3)} {dg(2)}",
            "PG": f"+675 7{dg(3)} {dg(4)}",
            "NZ": f"021 {dg(3)} {dg(4)}",
            "HI": f"(808) 555-01{dg(2)}",
            "TT": f"+1 868 {r.randint(620, 799)} {dg(4)}",
            "BB": f"+1 246 {r.randint(230, 289)} {dg(4)}",
            "GT": f"+502 5{dg(3)} {dg(4)}",
            "PR": f"(787) 555-01{dg(2)}",
            "NU": f"(867) 979-{dg(4)}",
            "IN": f"+91 98{dg(3)} {dg(5)}",
            "LK": f"+94 77 {dg(3)} {dg(4)}",
            "JP": f"090-{dg(4)}-{dg(4)}",
            "KR": f"010-{dg(4)}-{dg(4)}",
            "VN": f"+84 91{dg(1)} {dg(3)} {dg(3)}",
        }[country], "PHONE")

    def address(self, country):
        r = self.r
        n = r.randint(2, 188)
        if country == "ZA":
            return E(f"{n} {self.choice(['Jabavu Road', 'Vilakazi Street', 'Dorp Street'])}, "
                     f"{self.choice(['Orlando West', 'Die Boord'])}, "
                     f"{self.choice(['1804', '7600'])}", "LOCATION")
        if country == "PT":
            return E(f"Rua de Cedofeita {n}, 4050-{r.randint(100, 999)} Porto", "LOCATION")
        if country == "ES":
            return E(f"Carrer de Provença {n}, 08037 Barcelona", "LOCATION")
        if country == "IT":
            return E(f"Via dei Mille {n}, 73100 Lecce", "LOCATION")
        if country == "DE":
            return E(f"Technikumstrasse {n}, 8400 Winterthur", "LOCATION")
        if country == "DK":
            return E(f"Nørrebrogade {n}, 2200 København N", "LOCATION")
        if country == "FR":
            return E(f"{n} rue de la Roquette, 75011 Paris", "LOCATION")
        if country == "MD":
            return E(f"str. Ștefan cel Mare {n}, ap. {r.randint(2, 60)}, Chișinău",
                     "LOCATION")
        if country == "PR":
            return E(f"Calle Loíza {n}, San Juan, PR 00911", "LOCATION")
        if country == "HI":
            return E(f"{n * 10 + 5} Kapahulu Ave, Honolulu, HI 96815", "LOCATION")
        if country == "NZ":
            return E(f"{n} Kahikatea Drive, Frankton, Hamilton 3204", "LOCATION")
        return E(f"{n} {self.choice(GB_STREETS)}, {self.choice(TOWNS['GB'])} "
                 f"{self.choice(GB_POST)}", "LOCATION")

    def email(self, p, domain=None):
        user = fold(p.form("first_last")).replace(" ", ".").replace("'", "")
        domain = domain or self.choice(["gmail.com", "outlook.com", "nhs.net", "yahoo.co.uk"])
        return E(f"{user}@{domain}", "EMAIL")


# ---------------------------------------------------------------------------------------
# Documents
# ---------------------------------------------------------------------------------------

PH = re.compile(r"\{(\w+)(?:\.(\w+))?\}")
OCR_MAP = {"O": "0", "0": "O", "l": "1", "1": "l", "I": "l", "S": "5", "B": "8"}


class Doc:
    """A text under construction with its gold spans."""

    def __init__(self, r, noisy=False, allow=()):
        self.r = r
        self.noisy = noisy
        self.allow = {a.lower() for a in allow}
        self.parts = []
        self.pos = 0
        self.ents = []
        self.pids = {}

    def _noise(self, s, literal):
        if not self.noisy:
            return s
        out = []
        for ch in s:
            x = self.r.random()
            if ch in OCR_MAP and x < 0.12:
                out.append(OCR_MAP[ch])
            elif ch.isalpha() and x < 0.18:
                out.append(ch.swapcase())
            elif ch == " " and literal and x < 0.25:
                continue
            else:
                out.append(ch)
            if literal and ch == " " and self.r.random() < 0.05:
                out.append(self.r.choice([".", ",", "'", ":", "|"]))
        if literal and s and not s.strip() and not out:
            out.append(" ")  # two values never run into each other
        return "".join(out)

    def t(self, s):
        s = self._noise(s, True)
        self.parts.append(s)
        self.pos += len(s)

    def e(self, s, kind, who=None):
        s = self._noise(s, False)
        self.ents.append((self.pos, self.pos + len(s), kind, who, s))
        self.parts.append(s)
        self.pos += len(s)

    def f(self, tpl, **kw):
        last = 0
        for m in PH.finditer(tpl):
            self.t(tpl[last:m.start()])
            v = kw[m.group(1)]
            if isinstance(v, Person):
                self.e(v.form(m.group(2) or "full"), "PERSON", v)
            elif isinstance(v, E):
                self.e(v.text, v.kind)
            else:
                self.t(str(v))
            last = m.end()
        self.t(tpl[last:])

    def text(self):
        return "".join(self.parts)


def make_person(g, region=None, gender=None):
    r = g.r
    if region is None:
        region = r.choice(sorted(REGIONS) + ["ru", "ru", "mono"])
    gender = gender or r.choice("fm")
    if region == "ru":
        given = r.choice(RU_F if gender == "f" else RU_M)
        fam = r.choice(RU_FAM) + ("a" if gender == "f" else "")
        mid = r.choice(RU_PAT_F if gender == "f" else RU_PAT_M) if r.random() < 0.5 else ""
        return Person(region, gender, given, fam, mid)
    if region == "mono":
        name, gender = r.choice(MONONYMS)
        return Person(region, gender, name, None)
    fem, mal, fams, ff = REGIONS[region]
    given = r.choice(fem if gender == "f" else mal)
    mid = ""
    if region == "vn":
        mid, given = given.split(" ")
    elif region == "pa" and " " in given:
        given, mid = given.split(" ")
    return Person(region, gender, given, r.choice(fams), mid, ff)


def people(g, n, regions=None, genders=None):
    """n distinct people sharing no name word; genders[i] is "f", "m" or "?"."""
    out, used = [], set()
    while len(out) < n:
        reg = g.choice(regions) if regions else None
        want = genders[len(out)] if genders and genders[len(out)] != "?" else None
        p = make_person(g, reg, want)
        if want and p.gender != want:
            continue
        if p.parts() & used or not p.parts():
            continue
        used |= p.parts()
        out.append(p)
    return out


def country(p):
    return REGION_COUNTRY[p.region]


def ttl(p):
    return "Mrs" if p.gender == "f" else "Mr"


def org(g, c):
    return E(g.choice(ORGS.get(c, ORGS["GB"])), "ORG")


def town(g, c):
    return E(g.choice(TOWNS.get(c, TOWNS["GB"])), "LOCATION")


# ---------------------------------------------------------------------------------------
# Templates with identifiers (each returns a Doc)
# ---------------------------------------------------------------------------------------

def t_triage(g):
    p, q, c = people(g, 3, genders="?m?")
    d = Doc(g.r)
    d.f("ED TRIAGE {t} | {pt.full}, {age}, brought in by {rel} {q.giv} {why} "
        "in {town}. {obs} GP: Dr {c.fam}, {prac}. Hosp no. {mrn}.",
        why=g.choice(["after a fall at home", "with chest pain since lunchtime",
                      "feeling faint after dialysis", "with a swollen red calf"]),
        obs=g.choice(["ATS category 3. HR 104, BP 98/61, SpO2 94% on air, GCS 15.",
                      "MTS orange. Quick look: RR 24, sats 91%, confused.",
                      "Cat 2. ECG in triage: ST depression V4-V6. Aspirin given.",
                      "Cat 4. Obs stable. Allergy: co-amoxiclav (rash)."]),
        t=g.choice(["14:32", "03:05", "22:47"]), pt=p, age=g.age(), q=q,
        rel=g.choice(["neighbour", "grandson", "carer", "son-in-law"]),
        town=town(g, "GB"), c=c, prac=E(g.choice(GB_PRACTICES), "ORG"), mrn=g.mrn())
    return d


def t_handover(g):
    p, q, para = people(g, 3)
    d = Doc(g.r)
    d.f("ATMIST handover to resus: A - {age}, named {pt.first_last}. T - 999 call at {dt}. "
        "M - found on kitchen floor, long lie, unknown duration. I - skin tear L forearm, "
        "possible NOF #. S - RR 22, HR 118 irreg, BP 104/70, BM 6.1. T - 2 L O2, 500 ml "
        "Plasma-Lyte, IV paracetamol. Lives at {addr}. NOK {q.full}, "
        "{ph}. Crew lead {para.ginit}.",
        age=g.age(old=True), pt=p, dt=g.date("dmy_t"), addr=g.address("GB"), q=q,
        ph=g.phone("GB"), para=para)
    return d


def t_district(g):
    p, q, n = people(g, 3)
    rel = {"f": g.choice(["Niece", "Daughter", "Neighbour"]),
           "m": g.choice(["Nephew", "Son", "Neighbour"])}[q.gender]
    d = Doc(g.r)
    d.f("District nursing visit {dt}. Seen {tp} {pt.fam} at home ({addr}). Venous leg ulcer "
        "R gaiter cleansed, Sorbsan and two-layer compression reapplied. {pt.giv} reports "
        "pain 3/10, sleeping in chair. {rel} {q.giv} present and managing meds. Next visit "
        "{dt2}. DN {n.first_last}",
        dt=g.date("dmon"), tp=ttl(p), pt=p, addr=g.address(g.choice(["GB", "NZ", "HI"])),
        rel=rel, q=q, dt2=g.date("dmy"),
        n=n)
    return d


def t_physio(g):
    p, t = people(g, 2)
    d = Doc(g.r)
    d.f("PHYSIOTHERAPY - {pt.comma} (MRN {mrn})\nS: {pt.giv} {soap}, review "
        "{dt}.\n{th.ginit}, MCSP",
        soap=g.choice([
            "says the knee \"gives way\" on stairs.\nO: ROM 5-95 deg, quads lag 10 deg, "
            "Tinetti 19/28, walks with a stick.\nA: deconditioned post TKR.\nP: gait "
            "re-education, stair practice",
            "reports spinning on rolling over in bed.\nO: Dix-Hallpike positive left.\nA: "
            "posterior canal BPPV.\nP: Semont manoeuvre done, Brandt-Daroff at "
            "home",
            "finds the arm heavy since the stroke.\nO: modified Ashworth 1+ elbow flexors, "
            "Brunnstrom stage 3.\nA: spasticity limiting reach.\nP: Bobath-based handling",
        ]),
        pt=p, mrn=g.mrn(), dt=g.date("dmon"), th=t)
    return d


def t_ot(g):
    p, q, t = people(g, 3, genders="?f?")
    d = Doc(g.r)
    c = country(p) if country(p) in ("ZA", "NZ", "HI", "DK") else "GB"
    d.f("OT home assessment at {addr} on {dt}. {tp} {pt.fam} ({age}) manages the stairs with "
        "one rail; struggles with bath transfers. Lawton IADL 4/8. Daughter-in-law {q.full} "
        "to buy a perching stool and long-handled sponge. Equipment request sent. "
        "- {ot.first_last}, Occupational Therapist",
        addr=g.address(c), dt=g.date(), tp=ttl(p), pt=p, age=g.age(), q=q, ot=t)
    return d


def t_dental(g):
    p, dn = people(g, 2)
    d = Doc(g.r)
    d.f("DENTAL CHART\nPatient: {pt.full}   DOB: {dob}   Chart no. {cid}\n"
        "16 MOD amalgam sound | 26 distal caries, Kalzinol temporary | 36 RCT, Ledermix "
        "dressing | 46 missing\nBPE 2/3/2 - 2/3/2. OHI given, Duraphat varnish applied.\n"
        "Dentist: {dn.first_last} (GDC {gdc})",
        pt=p, dob=g.dob(), cid=E(f"DC{g.digits(6)}", "ID"), dn=dn,
        gdc=E(g.digits(6), "ID"))
    return d


def t_antenatal(g):
    p, q, m = people(g, 3, genders="f?f")
    d = Doc(g.r)
    d.f("Antenatal booking {dt}: {pt.full}, {age}, G2P1, EDD {edd} by dating scan. "
        "Previous SVD at {org}. Partner {q.giv} attended. BMI 27, BP 112/68, urine NAD. "
        "Leopold manoeuvres not yet applicable. Midwife {m.first_last}. NHS no. {nhs}.",
        dt=g.date("dmy"), pt=p, age=E(f"{g.r.randint(19, 43)} years", "AGE"),
        edd=g.date("dmon"), org=org(g, country(p)), q=q, m=m, nhs=g.nhs())
    return d


def t_neonatal(g):
    p, q, reg = people(g, 3, genders="fm?")
    d = Doc(g.r)
    d.f("NICU ADMISSION - Baby of {mum.full} (BO {mum.fam}), born {dt} at {org}, 31+4 "
        "weeks, BW 1,640 g. Age on admission {hrs}. Curosurf given via INSURE, now on "
        "Optiflow 6 L. Father {q.full} ({ph}) updated by {reg.full}, ST5.",
        mum=p, dt=g.date("dmy_t"), org=org(g, country(p)),
        hrs=E(f"{g.r.randint(2, 40)} hours", "AGE"), q=q, ph=g.phone(country(q)), reg=reg)
    return d


def t_psych(g):
    p, i, s, c = people(g, 4, genders="??f?")
    d = Doc(g.r)
    d.f("Psychiatric assessment, {dt}. {pt.first_last} ({age}) was seen in the "
        "{where} with interpreter {i.full}. {pt.giv} {mse} Collateral from sister "
        "{s.giv} by phone ({ph}). Plan discussed with Dr {c.fam}; {plan}",
        where=g.choice(["crisis suite", "place of safety", "home treatment team office"]),
        mse=g.choice(["describes low mood for two months; no Capgras-type beliefs, no "
                      "Cotard features. Denies intent.",
                      "believes the neighbours have been replaced by impostors. Sleep poor, "
                      "eating little.",
                      "is guarded, speech pressured, denies voices; MADRS not completed."]),
        plan=g.choice(["Clopixol not restarted.", "informal admission offered.",
                       "Depixol depot brought forward a week."]),
        dt=g.date("long"), pt=p, age=g.age(old=False), i=i, s=s, ph=g.phone(country(s)),
        c=c)
    return d


def t_email(g):
    a, b, p = people(g, 3)
    d = Doc(g.r)
    d.f("From: {a.first_last} <{ea}>\nTo: {b.first_last} <{eb}>\nSubject: Referral - "
        "{pt.fam_upper}\n\nDear {b.giv},\nCould you see {pt.full} (DOB {dob}, MRN {mrn}) "
        "in the falls clinic? Tinetti 15/28 and two falls since {dt}.\nKind regards,\n"
        "{a.giv}\n\n> On {dt2}, {b.full} wrote:\n> Happy to take any falls referrals "
        "from your ward.",
        a=a, ea=g.email(a, "nhs.net"), b=b, eb=g.email(b, "nhs.net"), pt=p, dob=g.dob(),
        mrn=g.mrn(), dt=g.date("long"), dt2=g.date("dmy"))
    return d


def t_sms(g):
    p, c = people(g, 2)
    d = Doc(g.r)
    o = E(g.choice(ORGS["GB"]), "ORG")
    style = g.r.randint(0, 2)
    if style == 0:
        d.f("Reminder: {pt.giv}, your appointment with Dr {c.fam} is on {dt} at {o}. Reply "
            "Y to confirm or call {ph}.", pt=p, c=c, dt=g.date("dmy_t"), o=o,
            ph=g.phone("GB"))
    elif style == 1:
        d.f("Hi {pt.giv}! Your physio slot: {dt}, {o} outpatients. Manage your booking at "
            "{url}. Do not reply to this number.", pt=p, dt=g.date("dmon"), o=o,
            url=E(f"https://book.{g.choice(['wytheappts', 'pinderbook'])}.uk/a/"
                  f"{g.digits(6)}", "URL"))
    else:
        d.f("APPT {dt} {o}. Patient {pt.ginit}. Bring your medicines and a list of "
            "questions. Cancel: {ph}", dt=g.date("mon_t"), o=o, pt=p, ph=g.phone("GB"))
    return d


def t_specimen(g):
    p, c = people(g, 2)
    d = Doc(g.r)
    d.f("SPECIMEN  {pt.fam_upper}, {pt.giv}  |  DOB {dob}  |  Hosp# {mrn}\nSample: EDTA "
        "(purple) x1, SST x1  |  Collected {dt} by {c.initfam}  |  Lab no. {lab}",
        pt=p, dob=g.dob("dmy"), mrn=g.mrn(), dt=g.date("dmy_t"), c=c,
        lab=E(f"{g.r.randint(24, 26)}B{g.digits(7)}", "ID"))
    return d


def t_requisition(g):
    p, c = people(g, 2)
    d = Doc(g.r)
    cc = country(p)
    d.f("LABORATORY REQUEST\nPatient: {pt.comma}; DOB: {dob}; Sex: {sx}; Address: {addr}\n"
        "Requesting clinician: Dr {c.full}, {org}\nTests: FBC, U&E, LFT, HbA1c, ferritin\n"
        "Clinical details: tired all the time, on Efexor. Fasting: no. Requested {dt}.",
        pt=p, dob=g.dob(), sx=p.gender.upper(), addr=g.address(cc), c=c,
        org=org(g, cc), dt=g.date("iso"))
    return d


def t_wristband(g):
    p = people(g, 1)[0]
    d = Doc(g.r, noisy=True)
    d.f("{pt.upper}  DOB:{dob}  MRN:{mrn}  {org}  ALLERGY: NKDA",
        pt=p, dob=g.dob("dmy"), mrn=g.mrn(), org=org(g, country(p)))
    return d


def t_death(g):
    p, c, inf = people(g, 3)
    d = Doc(g.r)
    d.f("MEDICAL CERTIFICATE OF CAUSE OF DEATH (extract)\nName of deceased: {pt.full}\n"
        "Date of death: {dt}   Age as stated: {age}\nPlace of death: {org}, {town}\n"
        "Ia Aspiration pneumonia  Ib Frailty of old age\nInformant: {inf.full} "
        "(grandchild)\nCertifying doctor: {c.full}, GMC {gmc}",
        pt=p, dt=g.date("long"), age=E(str(g.r.randint(90, 106)), "AGE"),
        org=org(g, "GB"), town=town(g, "GB"), inf=inf, c=c, gmc=E(g.digits(7), "ID"))
    return d


def t_claim(g):
    p, c = people(g, 2)
    d = Doc(g.r)
    cc = country(p)
    d.f("{ins}\nClaim ref: {cref}\nPolicyholder: {pt.full}\nMember no.: {mem}\n\nDear "
        "{tp} {pt.fam},\nWe have received the invoice from {org} for treatment on {dt}. "
        "Before we can settle the claim we need a report from Dr {c.full} confirming "
        "the date symptoms began. Documents can be uploaded at {url}.",
        ins=E(g.choice(INSURERS), "ORG"), cref=E(f"CLM-{g.digits(8)}", "ID"), pt=p,
        mem=E(f"{g.r.choice('MXZ')}{g.digits(9)}", "ID"), tp=ttl(p), org=org(g, cc),
        dt=g.date("long"), c=c,
        url=E(f"https://claims.{g.choice(['medicover-assist', 'bupaglobal'])}.com/upload/"
              f"{g.digits(8)}", "URL"))
    return d


def t_research(g):
    p, c = people(g, 2)
    d = Doc(g.r)
    d.f("CONSENT FORM - Frailty and Falls Cohort (version 3.1)\nParticipant name: "
        "{pt.full}    Participant ID: {sid}\nI confirm that I have read the information "
        "sheet and may withdraw at any time. I agree to my GP being informed.\nSigned "
        "(participant): ............  Date: {dt}\nPerson taking consent: {c.full}, "
        "research nurse",
        pt=p, sid=E(f"FFC-{g.r.randint(100, 999)}-{g.r.choice('ABCD')}", "ID"),
        dt=g.date("dmy"), c=c)
    return d


def t_spanish(g):
    p, q, c = people(g, 3, ["eu", "ca", "gl", "pr", "gt"])
    rel = {"f": g.choice(["nieta", "cuñada", "hija"]), "m": g.choice(["hijo", "nieto"])}
    d = Doc(g.r)
    cc = country(p)
    d.f("Nota de evolución ({dt}): {art} paciente {pt.full}, de {age}, ingresa desde "
        "{town} por disnea. Acompañad{o} por su {rel} {q.giv}. {lab} {dni}. Médico "
        "responsable: Dr. {c.fam}. / Progress note: admitted with breathlessness, "
        "{rel_en} at bedside.",
        dt=g.date(lang="es"), art="La" if p.gender == "f" else "El", pt=p,
        o="a" if p.gender == "f" else "o",
        age=g.age(lang="es"), town=town(g, cc),
        rel=rel[q.gender], q=q,
        lab={"ES": "DNI", "PR": "SSN", "GT": "DPI"}[cc], dni=g.ssn(cc), c=c,
        rel_en=g.choice(["relative", "family member"]))
    return d


def t_portuguese(g):
    p, n = people(g, 2, ["pt"])
    d = Doc(g.r)
    d.f("Consulta de enfermagem - Utente: {pt.full}, {age}, nº de utente {sns}. Morada: "
        "{addr}. Penso de úlcera de pressão sagrada trocado; Braden 14. Próxima visita {dt}. "
        "{enf} {n.first_last}. (Nursing visit: "
        "sacral pressure ulcer dressed.)",
        pt=p, age=g.age(lang="pt"), sns=E(g.digits(9), "ID"), addr=g.address("PT"),
        dt=g.date(lang="pt"), n=n, enf="Enf.ª" if n.gender == "f" else "Enf.")
    return d


def t_italian(g):
    p, c = people(g, 2, ["it"])
    d = Doc(g.r)
    stay = g.stay(lang="it")
    d.f("Lettera di dimissione - {tp} {pt.full}, nat{o} il {dob}, ricoverat{o} presso "
        "{org} dal {d1} al {d2} per frattura pertrocanterica. Deambula con deambulatore. "
        "Il medico: {dt} {c.full}. (Discharge letter: hip fracture, walks with a frame.)",
        tp="Sig.ra" if p.gender == "f" else "Sig.", pt=p, o="a" if p.gender == "f" else "o",
        dob=g.dob(lang="it"), org=org(g, "IT"), d1=stay[0],
        d2=stay[1],
        dt="Dott.ssa" if c.gender == "f" else "Dott.", c=c)
    return d


def t_german(g):
    p, c, q = people(g, 3, ["de"])
    d = Doc(g.r)
    stay = g.stay(lang="de")
    born = g.r.randint(1926, 1990)
    dob = E(f"{g.r.randint(1, 28):02d}.{g.r.randint(1, 12):02d}.{born}", "DATE")
    d.f("Arztbrief\nWir berichten über {tp} {pt.full}, geb. {dob}, {age}, {rp} sich "
        "vom {d1} bis {d2} in stationärer Behandlung im {org} befand. Diagnose: "
        "Exazerbation COPD. Ansprechpartner: {q.full} ({rel}), Tel. {ph}.\nMit "
        "freundlichen Grüßen\nDr. med. {c.full}",
        tp="Frau" if p.gender == "f" else "Herrn", rp="die" if p.gender == "f" else "der",
        pt=p, dob=dob,
        age=E(f"{int(stay[0].text[-4:]) - born - 1} Jahre", "AGE"), d1=stay[0], d2=stay[1],
        org=org(g, "DE"),
        q=q, rel={"f": g.choice(["Tochter", "Nichte"]),
             "m": g.choice(["Sohn", "Neffe"])}[q.gender], ph=g.phone("DE"), c=c)
    return d


def t_french_africa(g):
    p, c = people(g, 2, ["cd", "mg", "rw"])
    d = Doc(g.r)
    cc = country(p)
    d.f("Fiche de liaison - Patient(e) : {pt.fam_upper} {pt.giv}, {age}, domicilié(e) à "
        "{town}. Transféré(e) le {dt} vers {org} pour prise en charge d'un paludisme "
        "grave. Téléphone de la famille : {ph}. Médecin référent : Dr {c.first_last}.",
        pt=p, age=g.age(lang="fr"), town=town(g, cc), dt=g.date(lang="fr"),
        org=org(g, cc), ph=g.phone(cc), c=c)
    return d


def t_caption_vlm(g):
    p, n = people(g, 2, genders="f?")
    d = Doc(g.r)
    s = g.r.randint(0, 2)
    if s == 0:
        d.f("A woman in a hospital gown sitting next to a window; a whiteboard behind her "
            "reads \"{pt.giv} - Bed 12 - Nurse today: {n.giv}\" and \"Discharge {dt}\".",
            pt=p, n=n, dt=g.date("dmy2"))
    elif s == 1:
        d.f("An elderly {who} in a wheelchair holding a birthday card that says \"Happy 100th "
            "{pt.giv}!\", with a banner for {org} in the background.",
            who="woman" if p.gender == "f" else "man", pt=p, org=org(g, country(p)))
    else:
        d.f("Photo of {pt.full} holding a newborn in a blue blanket, a name card on the cot "
            "reading \"Baby {pt.fam}\" and a date stamp {dt}.", pt=p, dt=g.date("iso_t"))
    return d


def t_table(g):
    a, b, c, x = people(g, 4)
    d = Doc(g.r)
    d.f("Name | DOB | Ward | Consultant\n{a.full} | {d1} | Kolff Unit | {x.fam}\n"
        "{b.full} | {d2} | Barnard Ward | {x.fam}\n{c.full} | {d3} | Pasteur Ward | "
        "{x.fam}",
        a=a, b=b, c=c, x=x, d1=g.dob("dmy"), d2=g.dob("dmy", old=True), d3=g.dob("dmy"))
    return d


def t_dicom_json(g):
    p, rf = people(g, 2)
    d = Doc(g.r)
    y = g.r.randint(90, 99)
    d.f('{"00080020": {"vr": "DA", "Value": ["{sd}"]}, "00080080": {"vr": "LO", '
        '"Value": ["{org}"]}, "00080090": {"vr": "PN", "Value": [{"Alphabetic": '
        '"{rf.dicom}"}]}, "00100010": {"vr": "PN", "Value": [{"Alphabetic": "{pt.dicom}"}]}, '
        '"00100020": {"vr": "LO", "Value": ["{mrn}"]}, "00101010": {"vr": "AS", "Value": '
        '["{age}"]}}',
        sd=g.date("dicom"), org=org(g, country(p)), rf=rf, pt=p, mrn=g.mrn(),
        age=E(f"{y:03d}Y", "AGE"))
    return d


def t_worklist_csv(g):
    a, b, r2 = people(g, 3)
    d = Doc(g.r)
    d.f("AccessionNumber,PatientName,PatientID,BirthDate,Modality,ScheduledDateTime,"
        "RequestingPhysician\n{acc1},\"{a.comma}\",{m1},{b1},CR,{s1},\"{r2.comma}\"\n"
        "{acc2},\"{b.comma}\",{m2},{b2},US,{s2},\"{r2.comma}\"",
        acc1=E(f"ACC{g.digits(8)}", "ID"), a=a, m1=g.mrn(), b1=g.dob("iso"),
        s1=g.date("iso_t"), r2=r2, acc2=E(f"ACC{g.digits(8)}", "ID"), b=b, m2=g.mrn(),
        b2=g.dob("iso", old=True), s2=g.date("iso_t"))
    return d


def t_clinic_letter(g):
    p, gp, c = people(g, 3)
    d = Doc(g.r)
    body, role = g.choice([
        ("vestibular clinic today. The Dix-Hallpike test was positive on the right and a "
         "Semont manoeuvre was performed with good effect. I have not arranged further "
         "follow-up.", "Consultant Audiovestibular Physician"),
        ("memory clinic with her/his family. Folstein MMSE 24/30; the picture is of mild "
         "mixed dementia. Please could you stop the oxybutynin.",
         "Consultant Psychiatrist for Older Adults"),
        ("paediatric orthopaedic clinic. Ponseti casting is complete and the foot is "
         "plantigrade; boots and bar at night until walking.", "Consultant Orthopaedic "
         "Surgeon"),
    ])
    d.f("Dear Dr {gp.fam},\nRe: {pt.full}, DOB {dob}, {addr}\nI saw {pt.giv} in the "
        "{body}\nYours sincerely,\n{c.full}\n{role}, {org}",
        body=body.replace("her/his", "her" if p.gender == "f" else "his"), role=role,
        gp=gp, pt=p, dob=g.dob("long"), addr=g.address("GB"), c=c, org=org(g, "GB"))
    return d


def t_opnote(g):
    p, s, a, an = people(g, 4)
    d = Doc(g.r)
    d.f("Operation note {dt}\nSurgeon: {s.full}  Assistant: {a.full}  Anaesthetist: Dr "
        "{an.fam}\nPatient: {pt.fam_upper}, {pt.giv} ({mrn})\nProcedure: {proc}",
        proc=g.choice([
            "laparoscopic cholecystectomy; Veress entry, Mirizzi anatomy excluded.\nClosure: "
            "2/0 Vicryl to sheath, 4/0 Monofilament subcuticular, Dermabond.",
            "open repair of recurrent shoulder instability (Latarjet).\nClosure: Vicryl "
            "and Prolene, sling for six weeks.",
            "laparotomy via Mercedes incision; Bookwalter retractor.\nClosure: loop PDS, "
            "clips.",
        ]),
        dt=g.date("dmon"), s=s, a=a, an=an, pt=p, mrn=g.mrn())
    return d


def t_pathology(g):
    p, c = people(g, 2)
    d = Doc(g.r)
    d.f("HISTOPATHOLOGY REPORT  Lab no. {lab}\nPatient {pt.comma}, DOB {dob}. Specimen "
        "received {dt}: {spec}\nReported by Dr {c.full}, {org}",
        spec=g.choice([
            "colonic polyp, sigmoid.\nMicroscopy: tubulovillous adenoma with low-grade "
            "dysplasia, Haggitt level 1, margins clear.",
            "skin ellipse, left calf.\nMicroscopy: Spitz naevus, completely excised.",
            "breast core, right 10 o'clock.\nMicroscopy: invasive carcinoma NST, "
            "Bloom-Richardson grade 2.",
            "supraclavicular node.\nMicroscopy: metastatic adenocarcinoma (Troisier node), "
            "CK7+ CK20-.",
        ]),
        lab=E(f"H{g.r.randint(24, 26)}/{g.digits(5)}", "ID"), pt=p, dob=g.dob(),
        dt=g.date("dmy"), c=c, org=org(g, country(c)))
    return d


def t_medrec(g):
    p, q, ph = people(g, 3, genders="?m?")
    d = Doc(g.r)
    d.f("Medicines reconciliation completed {dt} with the patient's son {q.giv} by phone "
        "({tel}). {pt.first_last} takes Remeron 15 mg nocte, Cardura XL 4 mg, Zestril "
        "10 mg. Dosette box from {org}. Pharmacist: {ph.full}.",
        dt=g.date("dmy"), q=q, tel=g.phone(country(q)), pt=p,
        org=E(g.choice(["Boots Kingsway", "Lloyds Pharmacy Otley Street",
                        "Well Pharmacy Castleton"]), "ORG"), ph=ph)
    return d


def t_discharge(g):
    p, c = people(g, 2)
    d = Doc(g.r)
    stay = g.stay()
    d.f("DISCHARGE SUMMARY\nName: {pt.full}   Hosp no: {mrn}   Age: {age}\nAdmitted: {d1}"
        "   Discharged: {d2}\nDiagnosis: {dx}\n"
        "Follow-up with Dr {c.fam} at {org}. Discharged to {addr}.",
        dx=g.choice(["community-acquired pneumonia, delirium resolved.",
                     "fractured neck of femur, hemiarthroplasty.",
                     "urosepsis, Groshong line removed before discharge.",
                     "heart failure, diuresed, weight down 4 kg."]),
        pt=p, mrn=g.mrn(), age=E(str(g.r.randint(90, 103)), "AGE"), d1=stay[0],
        d2=stay[1], c=c, org=org(g, "GB"), addr=g.address("GB"))
    return d


def t_flowsheet(g):
    p, q, n = people(g, 3)
    pos = "her" if p.gender == "f" else "his"
    rel = {"f": g.choice(["daughter", "sister"]), "m": g.choice(["son", "brother"])}
    d = Doc(g.r)
    d.f("{tm} pt {pt.giv} agitated, asking for {rel} {q.giv}. Redirected, offered tea, "
        "settled by {tm2}. Abbey pain score 3. Bed rails down per care plan. - RN "
        "{n.initfam}",
        tm=g.choice(["22:40", "02:15", "04:50"]), pt=p,
        rel=f"{pos} {rel[q.gender]}", q=q,
        tm2=g.choice(["23:30", "03:00", "05:40"]), n=n)
    return d


def t_telmsg(g):
    p, q, t = people(g, 3, genders="?f?")
    d = Doc(g.r)
    d.f("TEL MSG {dt} - {q.full} (patient's niece) rang re {tp} {pt.fam}, who is due "
        "for a Groshong line flush. Asks for a call back on {ph} after 3 pm. Taken by "
        "{t.giv} (reception).",
        dt=g.date("dmy_t"), q=q, tp=ttl(p), pt=p, ph=g.phone(country(q)), t=t)
    return d


def t_mdt(g):
    a, b, c, p, q = people(g, 5)
    d = Doc(g.r)
    d.f("MDT minutes {dt}. Present: {a.full} (chair), {b.full}, {c.full}.\n1. {p.fam}, "
        "{p.giv}, {age1}, {m1}: CT shows Bouveret-type impaction; for endoscopy.\n"
        "2. {q.fam}, {q.giv}, {age2}, {m2}: Troisier node biopsy pending.\nActions: "
        "{b.initfam} to book endoscopy; {c.initfam} to chase histology.",
        dt=g.date("long"), a=a, b=b, c=c, p=p, age1=E(str(g.r.randint(40, 89)), "AGE"),
        m1=g.mrn(), q=q, age2=E(str(g.r.randint(90, 99)), "AGE"), m2=g.mrn())
    return d


def t_consent(g):
    p, c, i = people(g, 3)
    d = Doc(g.r)
    d.f("Consent Form 1 - Patient: {pt.full}   NHS no. {nhs}\nProcedure: flexible "
        "cystoscopy and removal of ureteric stent.\nRisks discussed: infection, bleeding, "
        "haematuria.\nHealth professional: {c.full}, {role}. Interpreter: {i.full} "
        "({lang}). Date: {dt}",
        pt=p, nhs=g.nhs(), c=c, role=g.choice(["ST6 Urology", "Urology CNS"]), i=i,
        lang=g.choice(["Tamil", "Amharic", "Romanian", "Portuguese"]), dt=g.date("dmy"))
    return d


def t_pharm_query(g):
    p, ph, c = people(g, 3)
    d = Doc(g.r)
    d.f("Pharmacy query from {ph.full} ({org} pharmacy): {pt.first_last}'s "
        "({mrn}) chart has Zyprexa 10 mg and Clozaril both prescribed. Please clarify "
        "with Dr {c.fam} which is intended before the evening round.",
        ph=ph, org=org(g, "GB"), pt=p, mrn=g.mrn(), c=c)
    return d


def t_chat(g):
    a, b, p, q = people(g, 4, genders="???f")
    d = Doc(g.r)
    d.f("{a.glow}: can u cover bed 7 tmrw am? {tp} {p.flow} needs {pos} bloods b4 8\n{b.glow}: "
        "yep np. is {p.glow} the one w the daughter {q.glow}?\n{a.glow}: yes, {q.glow} rang "
        "twice today lol. ta {b.initfam}",
        a=a, b=b, p=p, q=q, tp="mrs" if p.gender == "f" else "mr",
        pos="her" if p.gender == "f" else "his")
    return d


def t_chat_nick(g):
    a, p, b = people(g, 3, ["de", "it", "za", "hi"], genders="?f?")
    d = Doc(g.r)
    d.f("ward whatsapp: {a.nick} says {p.nick} in bay 3 wants her glasses from home, "
        "{b.giv} can u ring the family? -- {a.initfam}",
        a=a, p=p, b=b)
    return d


def t_ocr_overlay(g):
    p = people(g, 1)[0]
    d = Doc(g.r, noisy=True)
    d.f("{org} US  {pt.dicom}  ID:{mrn}  {dt}  GA 32w1d  TIs0.4 MI 1.1",
        org=org(g, country(p)), pt=p, mrn=g.mrn(), dt=g.date("dmy_t"))
    return d


def t_ocr_xray(g):
    p = people(g, 1)[0]
    d = Doc(g.r, noisy=True)
    d.f("{pt.comma}  {age}  {dob}  PA ERECT  {mrn}  {dt}",
        pt=p, age=E(f"{g.r.randint(90, 99):03d}Y", "AGE"), dob=g.dob("dicom", old=True),
        mrn=g.mrn(), dt=g.date("dmon"))
    return d


def t_wordname(g):
    # A word-name surname that is also used as an ordinary word in the same text.
    r = g.r
    fam, word_use = r.choice([
        ("Chapel", "Would like to visit the hospital chapel before theatre."),
        ("Moon", "Classic moon facies from long-term steroids."),
        ("Rice", "Rice-water stools overnight, sample sent."),
        ("Hood", "Old notes mention an oxygen hood as a neonate."),
        ("Page", "Please see page 2 for the medication chart."),
        ("Power", "Power 4/5 in both hip flexors."),
        ("Temple", "Healing laceration over the left temple."),
        ("Pike", "Injured diving in a pike position."),
    ])
    given = r.choice(REGIONS["en"][0] + REGIONS["en"][1])
    p = Person("en", "f" if given in REGIONS["en"][0] else "m", given, fam)
    c = people(g, 1, ["dk", "be", "iu", "mi"])[0]
    d = Doc(r, allow=[fam])
    d.f("Ward round {dt}: {tp} {pt.fam} reviewed with Dr {c.fam}. {use} {pt.giv} is "
        "otherwise settled; {pt.first_last} to be reviewed again tomorrow.",
        dt=g.date("dmon"), tp="Ms" if p.gender == "f" else "Mr", pt=p, c=c, use=word_use)
    return d


def t_medevac(g):
    p, q, n = people(g, 3, ["iu"])
    d = Doc(g.r)
    d.f("Medevac request from {town} health centre: {pt.full}, {age}, HCN {hcn}. "
        "Suspected appendicitis: RIF pain, guarding, T 38.4. Escort: "
        "{q.full} ({rel}). Receiving: {org}. CHN on call: {n.first_last}, {ph}.",
        town=E(g.choice(["Pangnirtung", "Igloolik", "Arviat", "Pond Inlet"]), "LOCATION"),
        pt=p, age=g.age(), hcn=E(g.digits(9), "ID"), q=q, rel={"f": "mother", "m": "son"}[q.gender],
        org=org(g, "NU"), n=n, ph=g.phone("NU"))
    return d


def t_gulf(g):
    p, c = people(g, 2, ["gulf"])
    d = Doc(g.r)
    d.f("Outpatient note, {org}. Patient {pt.full}, Emirates ID {eid}, seen {dt} with "
        "{pos} {rel}. Diabetic foot review: no ulcer, pulses present. "
        "Contact {ph}. Reviewed by Dr {c.full}.",
        org=org(g, "AE"), pt=p, pos="her" if p.gender == "f" else "his",
        eid=g.ssn("AE"), dt=g.date("dmy"),
        rel=g.choice(["driver", "daughter", "brother"]), ph=g.phone("AE"), c=c)
    return d


def t_za(g):
    p, q, c = people(g, 3, ["za", "af"], genders="?f?")
    d = Doc(g.r)
    d.f("Casualty note, {org}, {dt}. {pt.full} (ID {sid}), {age}, from {town}. Stab wound "
        "L chest, ICD inserted. Mother {q.full} contactable on {ph}. Admitting doctor "
        "{c.ginit}.",
        org=org(g, "ZA"), dt=g.date("dmy_t"), pt=p, sid=g.ssn("ZA"), age=g.age(old=False),
        town=town(g, "ZA"), q=q, ph=g.phone("ZA"), c=c)
    return d


def t_dk(g):
    p, c = people(g, 2, ["dk"])
    d = Doc(g.r)
    d.f("Epikrise: {pt.full}, CPR {cpr}, {addr}. Indlagt {dt} på {org} med "
        "pneumoni. Udskrevet til eget hjem. Kontakt: {ph}. Læge {c.full}. (Discharge "
        "summary, Danish.)",
        pt=p, cpr=g.ssn("DK"), addr=g.address("DK"), dt=g.date("dot"), org=org(g, "DK"),
        ph=g.phone("DK"), c=c)
    return d


def t_md(g):
    p, c = people(g, 2, ["ro", "ru"])
    d = Doc(g.r)
    d.f("Patient: {pt.full}, IDNP {idnp}, domiciliu: {addr}. Internat {dt} la {org} "
        "pentru AVC ischemic. Fiica: tel. {ph}. Medic curant: dr. {c.full}. (Stroke "
        "admission, Romanian.)",
        pt=p, idnp=g.ssn("MD"), addr=g.address("MD"), dt=g.date("dot"), org=org(g, "MD"),
        ph=g.phone("MD"), c=c)
    return d


def t_pr(g):
    p, q = people(g, 2, ["pr"], genders="?f")
    d = Doc(g.r)
    d.f("Intake, {org}: {pt.full}, SSN {ssn}, {addr}. Age {age}. Lives with "
        "granddaughter {q.giv}, phone {ph}. Medicare Advantage card on file.",
        org=org(g, "PR"), pt=p, ssn=g.ssn("PR"), addr=g.address("PR"),
        age=E(str(g.r.randint(90, 101)), "AGE"), q=q, ph=g.phone("PR"))
    return d


def t_asia_intake(g):
    p, q, c = people(g, 3, ["jp", "kr", "vn"])
    d = Doc(g.r)
    cc = country(p)
    d.f("Intake via interpreter: {pt.full} (family name first as written on passport: "
        "{pt.fam_upper}), referred from {org}, {town}. Registration no. {reg}. Husband/wife "
        "{q.full} on {ph}. Seen by Dr {c.fam}.",
        pt=p, org=org(g, cc), town=town(g, cc), reg=E(g.digits(10), "ID"), q=q,
        ph=g.phone(cc), c=c)
    return d


def t_india(g):
    p, q, c = people(g, 3, ["ta", "te", "pa", "mr", "ml", "mono"])
    d = Doc(g.r)
    d.f("OPD slip, {org}. Name: {pt.full}   Age/Sex: {age}/{sx}   UHID {uhid}\nAddress: "
        "{town}. Attendant: {q.full} ({rel}), mob. {ph}.\nC/o breathlessness on exertion "
        "x 3 months. Adv: ECHO, TFT. Dr {c.full}",
        org=org(g, "IN"), pt=p, age=E(f"{g.r.randint(20, 97)}Y", "AGE"),
        sx=p.gender.upper(), uhid=E(f"{g.r.randint(2019, 2026)}{g.digits(7)}", "ID"),
        town=town(g, "IN"), q=q, rel={"f": g.choice(["daughter", "wife"]),
             "m": g.choice(["son", "husband"])}[q.gender],
        ph=g.phone("IN"), c=c)
    return d


def t_pacific(g):
    p, q, c = people(g, 3, ["png", "mi", "hi", "tt", "bb", "gt"])
    d = Doc(g.r)
    cc = country(p)
    d.f("Referral, {dt}: please see {tp} {pt.full} ({age}) from {town}. {pt.giv} has a "
        "non-healing foot wound; {rel} {q.full} will accompany. Hospital no. {mrn}. "
        "Referring clinician: {c.full}, {org}.",
        dt=g.date("long"), tp=ttl(p), pt=p, age=g.age(), town=town(g, cc), q=q,
        rel={"f": g.choice(["aunt", "cousin"]), "m": g.choice(["uncle", "cousin"])}[q.gender],
        mrn=g.mrn(), c=c,
        org=org(g, cc))
    return d


def t_hl7(g):
    p, c = people(g, 2)
    d = Doc(g.r)
    y, m, dd = g.ymd(1926, 1990)
    d.f("MSH|^~\\&|PAS|{fac}|RIS|{fac}|{ts}||ADT^A04|{mid}|P|2.4\rPID|1||{mrn}^^^PAS^MR||"
        "{pt.dicom}||{dob}|{sx}|||{addr}||{ph}\rPV1|1|O|OPD^^^||||{c.dicom}",
        fac=E(g.choice(ORGS["GB"]), "ORG"), ts=g.date("dicom"),
        mid=g.r.randint(100000, 999999), mrn=g.mrn(), pt=p,
        dob=E(f"{y}{m:02d}{dd:02d}", "DATE"), sx=p.gender.upper(), addr=g.address("GB"),
        ph=g.phone("GB"), c=c)
    return d


PII_TEMPLATES = [
    t_triage, t_handover, t_district, t_physio, t_ot, t_dental, t_antenatal, t_neonatal,
    t_psych, t_email, t_sms, t_specimen, t_requisition, t_wristband, t_death, t_claim,
    t_research, t_spanish, t_portuguese, t_italian, t_german, t_french_africa,
    t_caption_vlm, t_table, t_dicom_json, t_worklist_csv, t_clinic_letter, t_opnote,
    t_pathology, t_medrec, t_discharge, t_flowsheet, t_telmsg, t_mdt, t_consent,
    t_pharm_query, t_chat, t_chat_nick, t_ocr_overlay, t_ocr_xray, t_wordname, t_medevac,
    t_gulf, t_za, t_dk, t_md, t_pr, t_asia_intake, t_india, t_pacific, t_hl7,
]


# ---------------------------------------------------------------------------------------
# Texts without identifiers (traps)
# ---------------------------------------------------------------------------------------

OBS = [
    "Mauriceau-Smellie-Veit manoeuvre used for the aftercoming head.",
    "Lovset manoeuvre delivered both arms without difficulty.",
    "McRoberts position and suprapubic pressure resolved the shoulder dystocia.",
    "Kiwi cup applied, two pulls, baby delivered OA.",
    "Kielland rotation not attempted; Neville Barnes forceps for outlet delivery.",
    "Wrigley forceps used at caesarean to deliver the head.",
    "Syntocinon infusion titrated to four contractions in ten minutes.",
    "Syntometrine IM for the third stage; Hemabate on standby.",
    "Tractocile started for threatened preterm labour.",
    "Entonox effective; declined pethidine.",
    "Harmony test result low chance; Naegele's rule date agrees with scan.",
    "Leopold manoeuvres: cephalic, back on the left.",
    "Pinard auscultation over the anterior shoulder, FH regular.",
]
NEO = [
    "Epstein pearls on the palate and Bohn nodules on the gums; reassured.",
    "Harlequin colour change noted while lying on the left side.",
    "Klumpke-pattern weakness of the right hand; physio referral.",
    "Ballard score consistent with 33 weeks; Dubowitz exam tomorrow.",
    "Silverman-Andersen score 3 on Vapotherm 6 L.",
    "Konakion IM given with parental consent; Guthrie card taken.",
    "Neopuff used for five inflation breaths at birth.",
    "Nursed in an Isolette, Babytherm mattress for transfer.",
    "Dextrogel given for a low glucose, repeat satisfactory.",
    "Feeds changed from Nutriprem to Neocate for cow's milk protein allergy.",
    "Oxygen via head-box hood weaned to air this morning.",
    "Ophthalmology: no cherry-red spot, red reflex present.",
    "Kasai portoenterostomy discussed with the surgical team.",
]
PSY = [
    "Capgras delusion about her husband persists.",
    "Cotard-type nihilistic beliefs are no longer voiced.",
    "Fregoli beliefs about ward staff have faded.",
    "Ganser-type approximate answers during the cognitive screen.",
    "Munchausen by proxy concerns were not supported by the review.",
    "Asperger profile documented in childhood, now autism spectrum condition.",
    "De Clérambault erotomanic beliefs towards a neighbour.",
    "Othello syndrome features, jealousy without evidence.",
    "Diogenes syndrome: severe self-neglect and hoarding at home.",
    "MADRS 31 at baseline, now 18.",
    "Rorschach testing not indicated.",
    "Folstein MMSE 22/30, clock drawing poor.",
]
PSY_DRUG = ["Clopixol depot due Friday", "Depixol depot held", "Modecate stopped",
            "Stelazine reduced", "Largactil PRN only", "Risperdal Consta continued",
            "Invega Sustenna due next week", "Abilify increased to 15 mg",
            "Zyprexa velotab at night", "Clozaril levels awaited", "Cipralex unchanged",
            "Efexor XL tapered", "Lustral restarted", "Seroxat discontinuation symptoms",
            "Cymbalta 60 mg continued"]
REHAB = [
    "Tinetti 21/28, walking with a frame indoors.",
    "Ober test tight on the left, Thomas test negative.",
    "Jendrassik manoeuvre needed to elicit the ankle jerks.",
    "Dix-Hallpike positive on the left; Semont manoeuvre done.",
    "Brandt-Daroff exercises taught; Frenzel goggles showed torsional nystagmus.",
    "Bobath-based handling for the hemiplegic arm.",
    "Brunnstrom stage 4 in the upper limb, modified Ashworth 1+ at the elbow.",
    "Rivermead Mobility Index 9/15.",
    "Lawton IADL 5/8 with support for shopping.",
    "Power 4/5 in hip flexors bilaterally, 5/5 distally.",
    "ROHO cushion issued for the wheelchair.",
    "Rockwood Clinical Frailty Scale 6.",
]
DENT = [
    "26 DO composite, Dycal lining.",
    "36 RCT completed, Ledermix removed, Kalzinol temporary.",
    "Tofflemire matrix band used for the 46 MOD.",
    "Gracey curettes and Cavitron scaling, lower anteriors.",
    "Oraqix for the deep pockets; Citanest with octapressin for the extraction.",
    "Septanest infiltration buccal and palatal.",
    "Duraphat varnish applied; Corsodyl mouthwash for one week.",
    "Stafne bone cavity on the OPG, incidental, no action.",
    "Koplik-like spots excluded; aphthous ulcer on the lateral tongue.",
    "Palmer notation used on this chart: UR6, LL7.",
]
SURG = [
    "Mirizzi syndrome on MRCP, type I.",
    "Bouveret syndrome considered; CT shows duodenal gallstone.",
    "Plummer-Vinson web dilated at endoscopy.",
    "Ladd bands divided, appendix removed.",
    "Chopart amputation healing well.",
    "Preiser disease of the scaphoid on MRI.",
    "Meigs syndrome: pleural effusion settled after oophorectomy.",
    "Reynolds pentad absent; LFTs improving.",
    "Osborn waves on the ECG during rewarming.",
    "Bezold abscess drained by ENT.",
    "Ponseti casting, week three, good correction.",
    "Pellegrini-Stieda calcification noted on the knee film.",
    "Sinding-Larsen-Johansson changes, activity modification advised.",
    "Klippel-Feil fusion C2-3 on the cervical films.",
    "Sprengel shoulder, longstanding, no action.",
    "Latarjet procedure planned for recurrent instability.",
    "Charnley hip, cemented, no loosening.",
    "Spitz naevus excised with 2 mm margins.",
    "Bookwalter retractor and Finochietto spreader used.",
    "Veress needle entry at Palmer's point; Hasson port at the umbilicus.",
    "Kelly clamp on the cystic duct stump before ligation.",
    "Ligasure for the short gastrics; Surgicel and Floseal to the bed.",
    "Mercedes incision for exposure of the liver.",
    "Tisseel to the anastomosis, Prolene to the fascia.",
]
DEVICES = [
    "Groshong line flushed", "Portacath accessed with a Huber needle",
    "Ryles tube aspirate pH 4", "Corpak tube bridled", "Jelonet to the graft site",
    "Flamazine to the partial-thickness burn", "Sorbsan packing to the cavity",
    "Ethilon sutures out", "Dermabond to the wound", "Karl Storz stack fault reported",
    "Zeiss microscope booked for theatre 3", "Leica slide scanner repaired",
    "Fresenius machine alarm resolved", "Gambro circuit clotted twice",
    "Kendrick traction splint removed in ED", "Sager splint applied at scene",
]
SCORES = [
    "Wong-Baker faces 4", "FLACC 2 at rest", "PEWS 3, escalated", "MEOWS one amber",
    "Lund and Browder chart: 9% TBSA", "Parkland formula used for fluids",
    "Rule of Nines overestimated the burn", "Baux score calculated",
    "Bloom-Richardson grade 2", "Abbey pain scale 6",
]
WARDS = ["Kolff Unit", "Barnard Ward", "Pasteur Ward", "Banting Suite", "Sister Dora Ward",
         "the Macmillan suite"]
COMMON = [
    "Will review after the weekend.", "Mark the operative site before transfer.",
    "Hope to wean oxygen tomorrow.", "The bill for transport was passed to the ward clerk.",
    "Grace period on the repeat prescription noted.", "Rose-pink rash on the trunk.",
    "May be worth a second scan if pain persists.", "Iris crypts normal; no rubeosis.",
    "Bush tea taken at home; no herbal interactions expected.",
    "Rice-water stools overnight; stool sent.", "Moon facies from long-term steroids.",
    "Coral-like staghorn calculus on the KUB film.", "Daisy-chained extension leads removed "
    "from the bay.", "Poppy seed bagel at breakfast may explain the urine screen.",
    "Chaplaincy visited; the hospital chapel is open until eight.",
    "Laceration over the left temple closed with glue.", "Please see page 2 of the chart.",
    "Dived in a pike position into shallow water.", "Ruby-red urine after beetroot.",
]


def trap_doc(g, pieces, noisy=False):
    d = Doc(g.r, noisy=noisy, allow=TRAP_WORDNAMES)
    d.t(" ".join(pieces))
    return d


def pick(g, xs, k):
    return g.r.sample(xs, k)


def tr_labour(g):
    return trap_doc(g, ["Labour ward note:"] + pick(g, OBS, 3) + [g.choice(COMMON)])


def tr_nicu(g):
    return trap_doc(g, ["NICU ward round, " + g.choice(["cot 4", "cot 9", "bay B"]) + ":"]
                    + pick(g, NEO, 3) + [g.choice(COMMON)])


def tr_psych(g):
    return trap_doc(g, ["Psychiatry review:"] + pick(g, PSY, 2)
                    + [g.choice(PSY_DRUG) + "; " + g.choice(PSY_DRUG).lower() + "."]
                    + [g.choice(COMMON)])


def tr_rehab(g):
    return trap_doc(g, [g.choice(["Physiotherapy:", "OT/PT joint session:",
                                  "Falls clinic:"])] + pick(g, REHAB, 3)
                    + [g.choice(COMMON)])


def tr_dental(g):
    return trap_doc(g, ["Dental notes:"] + pick(g, DENT, 3) + [g.choice(COMMON)])


def tr_opnote(g):
    return trap_doc(g, ["Op note:"] + pick(g, SURG, 3) + [g.choice(DEVICES) + "."]
                    + [g.choice(COMMON)])


def tr_ward(g):
    w1, w2 = pick(g, WARDS, 2)
    return trap_doc(g, [f"Bed state: {w1} full, two side rooms free on {w2}.",
                        g.choice(DEVICES) + ".", g.choice(SCORES) + ".", g.choice(COMMON),
                        g.choice(COMMON)])


def tr_triage(g):
    return trap_doc(g, [g.choice(["ED triage:", "Minors stream:", "Resus bay 2:"]),
                        "adult, fall from standing, no head injury.",
                        g.choice(DEVICES) + ".", g.choice(SCORES) + ".",
                        g.choice(SURG), g.choice(COMMON)])


def tr_sms(g):
    return trap_doc(g, [g.choice([
        "Reminder: your appointment is tomorrow morning. Please bring a urine sample and "
        "your glasses.",
        "Your repeat prescription is ready to collect from the dispensary.",
        "Please do not eat after midnight before your procedure."]), g.choice(COMMON),
        g.choice(["Reply STOP to opt out.", "Do not reply to this message.",
                  "Call the booking line if you cannot attend."])])


def tr_table(g):
    drugs = pick(g, PSY_DRUG, 3)
    rows = " \n".join(f"{x.split(' ')[0]} | {g.choice(['PO', 'IM', 'SC'])} | "
                      f"{g.choice(['held', 'given', 'due'])}" for x in drugs)
    return trap_doc(g, ["Drug | Route | Status\n" + rows + "\n" + g.choice(COMMON)])


def tr_ocr(g):
    pieces = [g.choice(["US OB", "CR CHEST", "MR KNEE"]),
              g.choice(["Zeiss", "Leica", "Karl Storz"]), g.choice(WARDS),
              g.choice(["MI 1.1 TIs 0.4", "kVp 110 mAs 2.5", "SE 4 IM 12"]),
              g.choice(["L", "R", "PORTABLE"])]
    return trap_doc(g, pieces, noisy=True)


def tr_caption(g):
    return trap_doc(g, [g.choice([
        "A woman in a hospital gown sitting next to a window, a drip stand beside her and a "
        "get-well card on the table.",
        "Photo of a wound on the lower leg with a ruler for scale; Sorbsan packing visible.",
        "A newborn in an incubator under blue phototherapy lights, a knitted hat on.",
        "An older man in a wheelchair in a corridor, a sign for the Kolff Unit behind him.",
        "Close-up of a hand with a swollen index finger in a buddy strap.",
        "A dental X-ray showing a large filling in a lower molar."]),
        g.choice(COMMON)])


def tr_mdt(g):
    return trap_doc(g, ["MDT: three cases discussed.", g.choice(SURG), g.choice(SURG),
                        g.choice(SCORES) + ".", g.choice(COMMON)])


def tr_pharm(g):
    a, b = pick(g, PSY_DRUG, 2)
    return trap_doc(g, [f"Pharmacy query: {a.split(' ')[0]} is out of stock; suggest "
                        f"{b.split(' ')[0]} until the supplier delivers.",
                        g.choice(["Crestor and Zestril doses checked.",
                                  "Levemir pens replaced.", "Januvia held while eGFR low.",
                                  "Cardura stopped after a fall.",
                                  "Ritalin and Concerta not to be co-prescribed.",
                                  "Elvanse dose unchanged; Strattera tapered."]),
                        g.choice(COMMON)])


def tr_bilingual(g):
    return trap_doc(g, [g.choice([
        "Nota: paciente estable, sin cambios. / Note: stable, no change.",
        "Nota de enfermagem: sem queixas. / Nursing: no complaints.",
        "Nota infermieristica: notte tranquilla. / Quiet night.",
        "Pflegebericht: Patient schläft, keine Schmerzen. / Sleeping, no pain.",
        "Note de soins : pansement refait. / Dressing redone."]), g.choice(OBS + NEO + REHAB),
        g.choice(COMMON)])


TRAP_TEMPLATES = [tr_labour, tr_nicu, tr_psych, tr_rehab, tr_dental, tr_opnote, tr_ward,
                  tr_triage, tr_sms, tr_table, tr_ocr, tr_caption, tr_mdt, tr_pharm,
                  tr_bilingual]
TRAP_TERMS = [
    "Mauriceau", "Smellie", "Veit", "Lovset", "McRoberts", "Kiwi cup", "Kielland",
    "Neville Barnes", "Wrigley", "Syntocinon", "Syntometrine", "Hemabate", "Tractocile",
    "Entonox", "Harmony test", "Naegele", "Leopold", "Pinard", "Epstein pearls", "Bohn",
    "Harlequin", "Klumpke", "Ballard", "Dubowitz", "Silverman-Andersen", "Vapotherm",
    "Konakion", "Guthrie", "Neopuff", "Isolette", "Babytherm", "Dextrogel", "Nutriprem",
    "Neocate", "head-box", "cherry-red", "Kasai", "Capgras", "Cotard", "Fregoli", "Ganser",
    "Munchausen", "Asperger", "Clérambault", "Othello syndrome", "Diogenes syndrome", "MADRS",
    "Rorschach", "Folstein", "Clopixol", "Depixol", "Modecate", "Stelazine", "Largactil",
    "Risperdal", "Invega", "Abilify", "Zyprexa", "Clozaril", "Cipralex", "Efexor",
    "Lustral", "Seroxat", "Cymbalta", "Tinetti", "Ober test", "Jendrassik", "Dix-Hallpike",
    "Semont", "Brandt-Daroff", "Frenzel", "Bobath", "Brunnstrom", "Ashworth", "Rivermead",
    "Lawton", "ROHO", "Rockwood", "Dycal", "Ledermix", "Kalzinol", "Tofflemire", "Gracey",
    "Cavitron", "Oraqix", "Citanest", "Septanest", "Duraphat", "Corsodyl", "Stafne",
    "Koplik", "Palmer notation", "Mirizzi", "Bouveret", "Plummer-Vinson", "Ladd bands",
    "Chopart", "Preiser", "Meigs", "Reynolds pentad", "Osborn waves", "Bezold", "Ponseti",
    "Pellegrini-Stieda", "Sinding-Larsen", "Klippel-Feil", "Sprengel", "Latarjet",
    "Charnley", "Spitz", "Bookwalter", "Finochietto", "Veress", "Hasson", "Kelly clamp",
    "Ligasure", "Surgicel", "Floseal", "Mercedes incision", "Tisseel", "Prolene",
    "Groshong", "Portacath", "Ryles", "Corpak", "Jelonet", "Flamazine", "Sorbsan", "Ethilon",
    "Dermabond", "Karl Storz", "Zeiss", "Leica", "Fresenius", "Gambro", "Kendrick", "Sager",
    "Wong-Baker", "FLACC", "PEWS", "MEOWS", "Lund and Browder", "Parkland", "Rule of Nines",
    "Baux", "Bloom-Richardson", "Abbey pain", "Kolff", "Barnard Ward", "Pasteur Ward",
    "Banting", "Sister Dora", "Macmillan", "Crestor", "Zestril", "Levemir", "Januvia",
    "Cardura", "Ritalin", "Concerta", "Elvanse", "Strattera", "Remeron", "Plasma-Lyte",
    "Vicryl", "Haggitt", "Troisier", "Moon facies", "Rice-water", "Coral-like",
    "Daisy-chained", "Poppy seed", "pike position", "Ruby-red", "Bush tea", "Huber", "PDS",
    "oxybutynin", "Plasma-Lyte",
]


# ---------------------------------------------------------------------------------------
# Generation and self-check
# ---------------------------------------------------------------------------------------


def word_re(w):
    return re.compile(r"(?<![\w])" + re.escape(w) + r"(?![\w])", re.IGNORECASE)


def build():
    g = G(random.Random(SEED))
    docs, seen = [], set()
    for n, templates in ((N_PII, PII_TEMPLATES), (N_TRAP, TRAP_TEMPLATES)):
        made, i, tries = 0, 0, 0
        while made < n:
            tries += 1
            if tries > n * 50:
                raise SystemExit("generator cannot make enough unique texts")
            d = templates[i % len(templates)](g)
            i += 1
            if d.text() in seen:
                continue
            seen.add(d.text())
            docs.append(d)
            made += 1
    g.r.shuffle(docs)
    return docs


def to_json(i, d):
    text = d.text()
    ents = []
    for start, end, kind, who, _ in d.ents:
        e = {"start": start, "end": end, "type": kind}
        if who is not None:
            if who not in d.pids:
                d.pids[who] = f"p{len(d.pids) + 1}"
            e["person"] = d.pids[who]
        ents.append(e)
    return {"id": f"blind4-{i:03d}", "text": text, "entities": ents}


def fail(msg):
    sys.stderr.write("self-check failed: " + msg + "\n")
    sys.exit(1)


def masked(text, ents):
    chars = list(text)
    for e in ents:
        for k in range(e["start"], e["end"]):
            chars[k] = " "
    return "".join(chars)


def check(docs, rows):
    pool = all_pool_parts()
    pool_res = {w: word_re(w) for w in pool}
    ids, texts = set(), set()
    for d, row in zip(docs, rows):
        text, ents = row["text"], row["entities"]
        rid = row["id"]
        if rid in ids or text in texts:
            fail(f"{rid}: duplicate id or text")
        ids.add(rid)
        texts.add(text)
        prev_end = 0
        for (_, _, _, who, inserted), e in zip(d.ents, ents):
            span = text[e["start"]:e["end"]]
            if span != inserted:
                fail(f"{rid}: slice {span!r} != inserted {inserted!r}")
            if not span or span != span.strip():
                fail(f"{rid}: empty or untrimmed span {span!r}")
            if e["start"] < prev_end:
                fail(f"{rid}: overlapping or unsorted spans")
            prev_end = e["end"]
            if e["type"] not in KINDS:
                fail(f"{rid}: bad type {e['type']}")
            if (e["type"] == "PERSON") != ("person" in e):
                fail(f"{rid}: person id on a non-PERSON span or missing")
            if who is not None and not d.noisy and fold(span) not in who.all_forms():
                fail(f"{rid}: mention {span!r} is not a form of its person's name")
        # One individual per id and one id per individual.
        by_id = {}
        for (_, _, _, who, _), e in zip(d.ents, ents):
            if who is not None:
                by_id.setdefault(e["person"], set()).add(id(who))
        if any(len(v) != 1 for v in by_id.values()) or \
                len({next(iter(v)) for v in by_id.values()}) != len(by_id):
            fail(f"{rid}: person ids inconsistent")
        rest = masked(text, ents)
        people_here = {who for (_, _, _, who, _) in d.ents if who is not None}
        for who in people_here:
            for w in who.parts() | {who.form("full")}:
                if w.lower() in d.allow:
                    continue
                if word_re(w).search(rest):
                    fail(f"{rid}: name form {w!r} outside a span")
        for w, rx in pool_res.items():
            if w.lower() in d.allow:
                continue
            if rx.search(rest):
                fail(f"{rid}: pool name part {w!r} outside a span")
    # Nothing shared with the earlier generators or names.json.
    here = os.path.dirname(os.path.abspath(__file__))
    earlier = ""
    for name in EARLIER:
        with open(os.path.join(here, name), encoding="utf-8") as fh:
            earlier += fh.read() + "\n"
    phrases = set(pool) | set(TRAP_TERMS) | set(WARDS) | set(GB_PRACTICES) | set(INSURERS)
    for xs in list(ORGS.values()) + list(TOWNS.values()):
        phrases |= set(xs)
    phrases |= {"Pangnirtung", "Igloolik", "Arviat", "Pond Inlet", "Boots Kingsway",
                "Lloyds Pharmacy Otley Street", "Well Pharmacy Castleton", "Jabavu Road",
                "Vilakazi Street", "Dorp Street", "Cedofeita", "Provença", "Nørrebrogade",
                "Ștefan cel Mare", "Kapahulu", "Kahikatea Drive", "Technikumstrasse",
                "rue de la Roquette", "Calle Loíza"} | set(GB_STREETS)
    shared = sorted(w for w in phrases if word_re(w).search(earlier))
    if shared:
        fail("shared with earlier generators or names.json: " + ", ".join(shared))


def main():
    docs = build()
    rows = [to_json(i + 1, d) for i, d in enumerate(docs)]
    check(docs, rows)
    counts = {}
    for row in rows:
        for e in row["entities"]:
            counts[e["type"]] = counts.get(e["type"], 0) + 1
    with open(OUT, "w", encoding="utf-8", newline="\n") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    n_pii = sum(1 for row in rows if row["entities"])
    lens = sorted(len(row["text"]) for row in rows)
    print(f"wrote {len(rows)} texts to {OUT}: {n_pii} with identifiers, "
          f"{len(rows) - n_pii} without; median length {lens[len(lens) // 2]} chars")
    print("spans per type: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))


if __name__ == "__main__":
    main()
