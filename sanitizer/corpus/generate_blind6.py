#!/usr/bin/env python3
"""Deterministic generator for the sanitizer's sixth BLIND corpus (blind6.jsonl), the
ninth corpus overall.

Run from the repository root:  python3 sanitizer/corpus/generate_blind6.py
Output is byte-identical on every run (own seed, no clock, no environment).

Blind by construction: written without running the sanitizer on it and without reading the
sanitizer's source, so it is fitted to the system in neither direction. It is meant to be
scored ONCE, after the current round of fixes, by someone other than its author. Templates,
word lists and names share nothing by design with generate.py (dev), generate_heldout.py
(heldout), generate_test.py (test) and generate_blind.py .. generate_blind5.py (blind ..
blind5); the self-check at the end refuses any pool name part, nickname, trap term,
organisation key word or place found (as a whole word, case-insensitive) in those files or in
names.json. Only name particles (le, al, bin) and one- or two-letter tokens are exempt.

Genres and their sentence shapes (300 texts: 220 naming a person, 80 with no identifier):
outpatient clinic letters, operation notes, histopathology reports, medicines
reconciliation, discharge summaries, nursing flowsheet lines that start with the patient's
given name, telephone-message slips, numbered MDT lists (name, age, hospital number per
line), consent forms, pharmacy queries, DICOM headers in three conventions (caret
``FAMILY^GIVEN^MIDDLE`` in a ``key = value`` dump, ``Last, First`` in a viewer's info panel,
DICOMweb-style JSON ``"Alphabetic"`` values), OCR of burned-in overlays with OCR noise (case
errors, 0/O and 1/l confusions, dropped spaces, stray punctuation), photo captions, vision-model
captions that read text visible in the photo (whiteboards, wristbands, door signs, name
badges, a medicine pot label) in several phrasings, lower-case chat and pager messages
between staff (lower-case names, initials, nicknames), HL7 v2 ADT^A01 and ORM^O01 messages
(with coded fields ``CODE^Description^SYSTEM`` that are NOT names), CSV exports with a header
row, audit-log lines ("user ... viewed record of ..."), bed-management boards, theatre lists,
SBAR handover sheets, safeguarding referrals, incident reports, prescriptions, pathology
request forms, vaccination records, care-home notes, speech-and-language-therapy notes, and
OCR of screenshots of messaging apps. People are mentioned repeatedly and partially (surname
only, given name only, title + surname, initials, nickname) and every mention carries one
``person`` id. Surnames include multi-part (Breton "Le Goff", "Le Bihan"), hyphenated
(Sino-Mauritian "Ah-Kee",
Taiwanese hyphenated given names "Chia-hao"), apostrophe forms (Breton "Guivarc'h"),
diacritics (Breton ë/ï, Macedonian ž/č/ǵ, Chadian ï/é), mononyms (Mizo given names without a
clan name, Uyghur given name + father's name) and names that are ordinary English words
(Weaver, Cooper, Painter, Gardener, Singer, Berry, Raven, Badger, Deacon, Warden, ...). The
texts without identifiers are traps: eponyms no earlier corpus used (Gerstmann, Balint,
Bickerstaff, Friedreich, Kearns-Sayre, Terson, Stickler, Alagille, Apert, Crouzon, Cowden,
Carney, Ollier, Maffucci, Caffey, Blount, Ebstein, Fallot, Eisenmenger, Lutembacher,
Libman-Sacks, Heschl, Meynert, Luschka, Schwann, Ménétrier, Ogilvie, Bartter, Liddle,
Churg-Strauss, Rosai-Dorfman, Erdheim-Chester, Pappenheimer, Döhle, Pelger-Huët, Delorme,
Altemeier, Bassini, Stoppa, Puestow, Frey, Heller, McKeown, Strasberg, Blumberg, ...),
drug, feed and device brand names (Sabril, Zonegran, Stalevo, Ebixa, Reminyl, Palexia,
Targinact, Butec, Transtec, Abstral, Instanyl, Picolax, Moviprep, Plenvu, Nutrizym,
Pancrex, Fresubin, Scandishake, Peptamen, Pulmocare, Nexplanon, Jaydess, Mirena, Vygon,
Teleflex, PowerPICC, ...), units named after people or word-names ("Heschl Ward",
"Meynert Ward", "Thatcher Unit"), HL7 result and diagnosis segments without a PID (coded
fields only), CSV exports of ward statistics, OCR of overlays without a name, captions of
signs and badges without a name, staff chat without names, sentence-initial capitals,
common words that are also names (will, mark, hope, bill, grace, rose, may, june,
iris) and this corpus's word-names used as ordinary words ("berry aneurysm", "keen
gardener", "professional singer", "Deprivation of Liberty Safeguards", "indigo carmine",
"Cooper's ligament", "painter and decorator", "weaver's bottom", "pigeon chest", "owl's eye",
"biomedical engineer", "works as a contractor").

Names are real, listed by hand from public statistics of regions no earlier corpus drew on
(every earlier generator's docstring was read; none of these regions is listed there):
- Brittany: INSEE fichier des prénoms (Breton given names: Nolwenn, Gwenaël, Maëlle, Erwan,
  Tugdual, ...) and the most frequent Finistère / Côtes-d'Armor surnames (Le Goff, Le Gall,
  Le Bihan, Kerhervé, Quéré, Guivarc'h, Jaouen, Cariou, ...) from INSEE surname counts;
- Chechnya and Dagestan: common given names (Zelimkhan, Aslanbek, Kheda, Zarema, Movsar,
  Patimat, Gadzhimurad) and -ov / -ova / -ayev surnames (Rosstat-era name-frequency studies);
- Tatarstan: Tatarstan statistics office popular given names (Ilnur, Ilsiyar, Alsu, Rezeda,
  Almaz) and -ullin / -ullina, -dinov surnames;
- North Ossetia: common Ossetian given names (Soslan, Batraz, Zaurbek, Dzerassa, Agunda)
  and surnames (Dzasokhov, Tsagolov, Kokoev, Gabaraev, Tedeev, ...);
- Chad: common Sara names of the south (Ngarta, Remadji, Nodjimadji, Mbaïlassem, Allarassem)
  and Chadian Arabic names (Mahamat, Abakar, Hissein, Zenaba, Achta) from INSEED census
  reports and civil-registration studies;
- Niger: common Zarma-Songhai and Hausa names of the INS (Mounkaïla, Hamani, Seyni,
  Zeinabou, Rakiatou, Balkissa, Harouna, Moumouni);
- Guinea: INS Guinée common Susu and Malinké surnames (Soumah, Bangoura, Sylla, Kouyaté,
  Soumaoro, Condé, Fofana) and given names (Mamadouba, Fodé, Sékou, Kadiatou, Makalé);
- Gabon: common Fang and Punu surnames (Nguema, Obame, Ndong, Essono, Mintsa, Moussavou,
  Mabika, Ovono, Biyogo) from DGS census reports;
- Republic of the Congo: common Kongo and Lari surnames of Brazzaville (Massamba, Makosso,
  Nkounkou, Malonga, Mabiala, Loemba, Mavoungou, Mampouya) from INS Congo;
- Comoros and Mayotte: common Comorian names (Mmadi, Soilihi, Djoumoi, Ahamada, Toihir,
  Attoumane, Kamaria, Zalifa, Anlia) from INSEED Comores / INSEE Mayotte studies;
- Mauritius: Statistics Mauritius / civil-status common Indo-Mauritian surnames (Seegobin,
  Ramdhun, Dookhun, Bhugowandeen, Appadoo, Veerasamy, Teeluck, Gungah), Sino-Mauritian
  (Ah-Kee) and given names (Kavish, Nishta, Yashvin, Anishta, Kreshna, Poonam);
- Taiwan: Ministry of the Interior surname counts in Wade-Giles / Tongyong spelling
  (Tsai, Hsu, Hsieh, Kuo, Tseng, Hung, Chou, Yeh, Chuang, Chiu, Kao, Hsiao, Lai) and
  hyphenated given names (Chia-hao, Yu-ting, Shu-fen, Hsin-yi, Tsung-han, Pei-shan);
- Hong Kong: common romanised Cantonese surnames (Chan, Leung, Cheung, Lau, Tsang, Yip, Kwok,
  Tam, Mak, Fung, Chow, Lam, Siu, Szeto) with hyphenated given names and English given names
  (Kelvin, Winnie, Carmen, Ricky, Eunice, Gigi, Terence) from Census and Statistics
  Department name studies;
- Cherokee Nation and Eastern Band of Cherokee Indians: common family names from tribal
  rolls (Sixkiller, Hummingbird, Walkingstick, Teehee, Squirrel, Pigeon, Owl, Arneach,
  Bigwitch, Standingdeer, Saunooke, Toineeta, Climbingbear, Wachacha, Catolster) with US
  given names (SSA: Wilma, Cody, Dustin, Shawna, Tonya, Wanda, Roxanne, Krystal);
- Suriname: ABS common Hindustani-Surinamese (Ramdin, Mahabier, Sital, Ramsaran,
  Bhagwandin, Soekhoe, Doekhie), Javanese-Surinamese (Pawirodikromo, Kartosen, Sarmo,
  Atmosoedirdjo) and Creole / Maroon (Wijngaarde, Pinas, Sabajo, Aloeboetoe, Eersel) names;
- Uyghur names (Xinjiang, and the diaspora in Kazakhstan): given names (Ablimit, Gulnar,
  Mehriban, Nurmemet, Dilnur, Ayjamal, Memtimin, Patigul) with the father's given name as
  surname (Tursun, Niyaz, Qurban, Hoshur, Mamut, Abduweli);
- Mizoram: Mizo given names (Lalrinmawia, Vanlalruata, Zothanpuii, Malsawmtluanga,
  Lalmuanpuii), often used alone, and clan names (Ralte, Pachuau, Chhangte, Khiangte,
  Hnamte, Sailo, Fanai, Renthlei) from Census of India / electoral-roll studies;
- Parsi (Mumbai, Navsari): common Parsi surnames (Daruwalla, Bharucha, Kapadia, Sethna,
  Dastur, Bilimoria, Katrak, Vakil, Shroff, Dadabhoy, Screwvala, Contractor, Engineer,
  Mistry) and given names (Rustom, Zubin, Farokh, Perizad, Shernaz, Khushroo, Homi, Zarine)
  from Parsi Zoroastrian Anjuman / community census studies;
- North Macedonia: State Statistical Office common -ski / -ska surnames (Stojanovski,
  Trajkovska, Angelovski, Gjorgjievski, Ilievska, Velkovski, Naumovska) and given names
  (Goce, Biljana, Blagoja, Snežana, Ljupčo, Menka);
- Luxembourg: STATEC common surnames (Majerus, Steichen, Feyder, Goergen, Thill, Kieffer,
  Welter, Reding, Zeimet, Bettendorf) and given names (Gusty, Mett, Fernand, Romain);
- English / US names that are ordinary words, trades or virtues (Weaver, Cooper, Fletcher,
  Slater, Brewer, Dyer, Painter, Gardener, Singer, Marshall, Deacon, Warden, Raven, Badger,
  Berry, Hardy, Goodchild, Newman, Wiseman, Mead, Piper, Fuller, Thatcher; Scarlett, Indigo,
  Phoenix, Aurora, Adelaide, Temperance, Felicity, Serenity, Liberty, Justice, Unity,
  Laurel, Devon, Sable) from ONS / Census 2010 / SSA lists, none used by the earlier
  generators.

Conventions of the gold spans, the same as generate_blind5.py's (and blind3's) so that scores
compare (offsets in code points, see sanitizer/src/eval.rs):
- PERSON spans cover the name only, never a title (Dr, Mr, Mrs, Ms, Miss, Prof, Sister,
  Nurse, Mme, M.) and never a possessive 's; a DICOM ``LAST^FIRST^MIDDLE`` or ``Last, First``
  value is one span, and so is an HL7 ``FAMILY^GIVEN^MIDDLE`` (the trailing ``^^^DR`` is
  outside; the provider number before it is an ID of its own); initials standing for a
  person are PERSON; clinicians, relatives, carers and interpreters are people too; a name
  inside an e-mail address is part of the EMAIL span only; a login name in an audit log
  ("ltsai") is an ID;
- AGE spans cover the number with its attached unit ("93-year-old", "101 yrs", "094Y",
  "91yo", "88 y/o", "93 ans") but not a following "old"; a bare number after "Age", or
  after a name in an MDT list, bed board or theatre list ("SOILIHI, Nassur, 95,"), is the
  whole span;
- DATE spans cover a full date in whatever format, including a time written with it; HL7 and
  DICOM dates and timestamps (19380412, 202403051422) are DATEs;
- LOCATION spans cover a street address from number to postcode as one span, or a town /
  city / district named alone; ORG spans cover the whole name of a hospital, clinic, practice,
  care home, hospice or employer ("Mackay Memorial Hospital", "Hôpital Ignace Deen",
  "Centre Hospitalier Emile Mayrisch", "Pamela Youde Nethersole Eastern Hospital" are ORG, not
  PERSON); an HL7 sending-facility code (``CHBRE``) is not marked;
- ID, PHONE, EMAIL, URL, SSN spans cover the value only, not its label ("MRN", "Tel").
  SSN is used for national personal codes (US SSN, Taiwanese national ID, Hong Kong identity
  card, Luxembourg matricule, Macedonian EMBG, French NIR); hospital, NHS, lab, incident,
  GMC, HL7 provider and tribal-enrolment numbers are ID. Vaccine batch numbers, bed numbers,
  HL7 message control ids, placer order numbers and coded fields are not identifiers of a
  person and are not marked.
Units and wards named after people or word-names ("Heschl Ward", "Thatcher Unit"), device
manufacturers, eponyms and scores are not identifiers and are never marked.

Self-check (the script exits non-zero and writes nothing on failure): every span's slice is
exactly the string the template inserted; spans are sorted, non-empty, trimmed and do not
overlap; types are EntityKind names; PERSON spans and only they carry a `person` id, one id
per individual and one individual per id, and each mention is a form of that individual's
name (OCR-noised texts excepted); no part of a person's name occurs outside a span in that
text; no pool name part occurs outside a span in any text (the word-names declared in the
trap texts excepted); texts without identifiers hold no span and every other text names a
person (300 texts: 220 with names, 80 without any identifier, the shape
sanitizer/tests/corpus.rs checks for the earlier blind corpora); ids and texts are unique; no
pool name part, nickname, trap term, organisation key word or place occurs in the earlier
generators or in names.json (generic words such as Hospital, Centre, Road are not checked;
"Rose Hill", a Mauritian town made of two common words, is a deliberate exception).
"""

import glob
import json
import os
import random
import re
import sys

SEED = 6_090_619
OUT = os.path.join("sanitizer", "corpus", "blind6.jsonl")
N_PII = 220
N_TRAP = 80
KINDS = {"PERSON", "DATE", "AGE", "ID", "PHONE", "EMAIL", "URL", "SSN", "LOCATION", "ORG"}


def fail(msg):
    sys.stderr.write("generate_blind6.py: self-check failed: " + msg + "\n")
    sys.exit(1)


# ---------------------------------------------------------------------------------------------
# Names (see the docstring for sources). Slavic surnames carry their female form after "/".

REGIONS = {
    "brittany": dict(
        m=["Yann", "Gwenaël", "Erwan", "Ronan", "Gwendal", "Tugdual", "Brieuc", "Goulven",
           "Riwal"],
        f=["Maëlle", "Nolwenn", "Soizic", "Anaïg", "Maiwenn", "Gwenola", "Armelle", "Morgane"],
        fam=["Le Goff", "Le Gall", "Kerhervé", "Quéré", "Le Bihan", "Guivarc'h", "Tanguy",
             "Le Floch", "Kerjean", "Le Corre", "Jaouen", "Le Meur", "Cariou", "Kerboriou"],
    ),
    "chechnya": dict(
        m=["Zelimkhan", "Aslanbek", "Movsar", "Ibragim", "Shamil", "Gadzhimurad", "Ramzan"],
        f=["Kheda", "Zarema", "Khava", "Aminat", "Patimat", "Madina", "Malika"],
        fam=["Visaitov/Visaitova", "Elmurzaev/Elmurzaeva", "Tsatsaev/Tsatsaeva",
             "Mutsaev/Mutsaeva", "Baysultanov/Baysultanova", "Gadzhiev/Gadzhieva",
             "Dzhabrailov/Dzhabrailova", "Satuev/Satueva", "Abdulaev/Abdulaeva"],
    ),
    "tatar": dict(
        m=["Ilnur", "Rustem", "Ramil", "Almaz", "Gabdulla", "Timur"],
        f=["Gulnaz", "Alsu", "Ilsiyar", "Ramilya", "Dilyara", "Rezeda", "Aigul"],
        fam=["Khairullin/Khairullina", "Gabdrakhmanov/Gabdrakhmanova", "Nurullin/Nurullina",
             "Galimzyanov/Galimzyanova", "Sharafutdinov/Sharafutdinova", "Fatkullin/Fatkullina",
             "Zaripov/Zaripova", "Khabibullin/Khabibullina", "Gimadiev/Gimadieva",
             "Valiullin/Valiullina", "Mukhametshin/Mukhametshina"],
    ),
    "ossetia": dict(
        m=["Soslan", "Zaurbek", "Tamerlan", "Batraz", "Kosta", "Alan"],
        f=["Zarina", "Dzerassa", "Agunda"],
        fam=["Dzasokhov/Dzasokhova", "Tsagolov/Tsagolova", "Kokoev/Kokoeva", "Gazzaev/Gazzaeva",
             "Bagaev/Bagaeva", "Dzutsev/Dzutseva", "Tsallagov/Tsallagova", "Gabaraev/Gabaraeva",
             "Tedeev/Tedeeva", "Gassiev/Gassieva"],
    ),
    "chad": dict(
        m=["Mahamat", "Abakar", "Haroun", "Hissein", "Djibrine", "Ngarta", "Allarassem",
           "Mbaïlassem"],
        f=["Mariam", "Achta", "Khadidja", "Zenaba", "Haoua", "Fatimé", "Remadji", "Nodjimadji"],
        fam=["Nadingar", "Djimrangar", "Yorongar", "Koumakoye", "Kassiré", "Ndilbé",
             "Ngardiguina", "Abakar", "Mahamat"],
    ),
    "niger": dict(
        m=["Harouna", "Moumouni", "Hamidou", "Mahamadou", "Boubacar", "Zakari"],
        f=["Zeinabou", "Aïssata", "Hadiza", "Rakiatou", "Salamatou", "Balkissa"],
        fam=["Hamani", "Souley", "Mounkaïla", "Djibo", "Maïga", "Hama", "Seyni"],
    ),
    "guinea": dict(
        m=["Mamadouba", "Fodé", "Sékou", "Lansana", "Saliou"],
        f=["Mariama", "Kadiatou", "Fatoumata", "Aissatou", "Makalé", "Oumou"],
        fam=["Soumah", "Bangoura", "Sylla", "Kouyaté", "Soumaoro", "Condé", "Fofana", "Kaba",
             "Cissé", "Camara", "Conté"],
    ),
    "gabon": dict(
        m=["Landry", "Brice", "Rodrigue", "Ulrich", "Arsène", "Sylvère"],
        f=["Prisca", "Gisèle", "Clarisse", "Yolande"],
        fam=["Nguema", "Obame", "Ndong", "Essono", "Mintsa", "Eyeghe", "Ngoua", "Moussavou",
             "Mouketou", "Boukoumou", "Mabika", "Ovono", "Biyogo", "Mengue", "Nkoghe", "Ekomie"],
    ),
    "congo": dict(
        m=["Landry", "Rodrigue", "Arsène", "Ulrich"],
        f=["Prisca", "Clarisse", "Gisèle"],
        fam=["Massamba", "Makosso", "Nkounkou", "Malonga", "Mabiala", "Mabanza", "Bouanga",
             "Loemba", "Mavoungou", "Moukoko", "Batchi", "Mampouya", "Nsonde", "Bazolo",
             "Kimbembe"],
    ),
    "comoros": dict(
        m=["Toihir", "Attoumane", "Nassur", "Chamsidine", "Ahamada"],
        f=["Kamaria", "Zalifa", "Hadidja", "Anlia", "Echat", "Fatouma", "Zaharia"],
        fam=["Soilihi", "Djoumoi", "Ibouroi", "Mroimana", "Msaidie", "Soudjay", "Mmadi"],
    ),
    "mauritius": dict(
        m=["Kavish", "Yashvin", "Kreshna", "Vikash", "Sooraj", "Kheshav", "Rajcoomar"],
        f=["Nishta", "Devika", "Anishta", "Poonam"],
        fam=["Seegobin", "Ramdhun", "Boodhoo", "Bhugowandeen", "Dookhun", "Ramsaha",
             "Lallmahomed", "Veerasamy", "Appadoo", "Ah-Kee", "Soobrayen", "Ramphul", "Goolaup",
             "Bissessur", "Hurnam", "Teeluck", "Gungah", "Nundlall", "Deenoo", "Chuttoo"],
    ),
    "taiwan": dict(
        m=["Chia-hao", "Tsung-han", "Chien-hung", "Kuan-yu"],
        f=["Yu-ting", "Shu-fen", "Hsin-yi", "Pei-shan", "Wan-ju"],
        fam=["Tsai", "Hsu", "Hsieh", "Kuo", "Tseng", "Hung", "Chou", "Yeh", "Chuang", "Chiu",
             "Kao", "Hsiao", "Lai"],
        order="fg",
    ),
    "hongkong": dict(
        m=["Kwok-wing", "Chun-lok", "Siu-ming", "Kelvin", "Ricky", "Alvin", "Stanley", "Terence"],
        f=["Ka-wai", "Wing-sze", "Hoi-ling", "Tsz-ching", "Winnie", "Carmen", "Eunice", "Gigi"],
        fam=["Chan", "Leung", "Cheung", "Lau", "Tsang", "Yip", "Kwok", "Tam", "Mak", "Fung",
             "Chow", "Lam", "Szeto", "Lui"],
        order="fg",
    ),
    "cherokee": dict(
        m=["Cody", "Dustin"],
        f=["Wilma", "Shawna", "Tonya", "Wanda", "Roxanne", "Krystal", "Tasha", "Rhonda"],
        fam=["Sixkiller", "Hummingbird", "Walkingstick", "Teehee", "Squirrel", "Pigeon", "Owl",
             "Arneach", "Bigwitch", "Standingdeer", "Saunooke", "Toineeta", "Climbingbear",
             "Wachacha", "Catolster", "Crittenden", "Crowe", "Ledford", "Tooni"],
    ),
    "suriname": dict(
        m=["Rishi", "Ashwin", "Soewarto", "Radjkoemar"],
        f=["Soenita", "Anjali", "Sharda", "Kiran"],
        fam=["Ramdin", "Mahabier", "Sital", "Ramsaran", "Bhagwandin", "Kalloe", "Soekhoe",
             "Doekhie", "Pawirodikromo", "Kartosen", "Sarmo", "Atmosoedirdjo", "Wijngaarde",
             "Pinas", "Sabajo", "Aloeboetoe", "Eersel", "Jadnanansing", "Sewdien", "Ganpat"],
    ),
    "uyghur": dict(
        m=["Ablimit", "Abdurehim", "Nurmemet", "Memtimin", "Ablikim", "Adil", "Parhat"],
        f=["Gulnar", "Mehriban", "Dilnur", "Ayjamal", "Rahile", "Gulbahar", "Patigul", "Nurgul"],
        fam=["Tursun", "Niyaz", "Qurban", "Hoshur", "Yasin", "Mamut", "Abduweli"],
    ),
    "mizo": dict(
        m=["Lalrinmawia", "Vanlalruata", "Lalthanzuala", "Ngurthansanga", "Malsawmtluanga",
           "Lalhmingliana", "Zosangliana", "Lalengkima"],
        f=["Lalremsiami", "Lalnunmawii", "Zothanpuii", "Lalmuanpuii", "Vanlalhriati"],
        fam=["Ralte", "Hmar", "Pachuau", "Chhangte", "Khiangte", "Hnamte", "Sailo", "Fanai",
             "Colney", "Renthlei", None, None, None],
    ),
    "parsi": dict(
        m=["Cyrus", "Rustom", "Zubin", "Dinshaw", "Farokh", "Khushroo", "Homi"],
        f=["Perizad", "Roshan", "Shernaz", "Zarine", "Dolly", "Farida"],
        fam=["Mistry", "Contractor", "Engineer", "Daruwalla", "Batliwala", "Bharucha", "Irani",
             "Kapadia", "Screwvala", "Sethna", "Dastur", "Bilimoria", "Katrak", "Vakil",
             "Pestonji", "Shroff", "Dadabhoy", "Readymoney"],
    ),
    "macedonia": dict(
        m=["Goce", "Blagoja", "Kiril", "Tome", "Zlatko", "Ljupčo"],
        f=["Biljana", "Vesna", "Snežana", "Dragica", "Jasmina", "Menka"],
        fam=["Stojanovski/Stojanovska", "Trajkovski/Trajkovska", "Angelovski/Angelovska",
             "Kostovski/Kostovska", "Gjorgjievski/Gjorgjievska", "Ilievski/Ilievska",
             "Velkovski/Velkovska", "Todorovski/Todorovska", "Trpevski/Trpevska",
             "Naumovski/Naumovska"],
    ),
    "luxembourg": dict(
        m=["Gusty", "Mett", "Fernand", "Romain", "Nico", "Jos"],
        f=["Monique", "Carole", "Josée", "Liliane"],
        fam=["Schmit", "Thill", "Kieffer", "Welter", "Steichen", "Feyder", "Majerus", "Goergen",
             "Theis", "Reding", "Zeimet", "Bettendorf", "Kremer", "Faber"],
    ),
    "wordnames": dict(
        m=["Phoenix", "Justice", "Devon"],
        f=["Scarlett", "Indigo", "Aurora", "Adelaide", "Temperance", "Felicity", "Serenity",
           "Liberty", "Laurel", "Sable", "Unity"],
        fam=["Weaver", "Cooper", "Fletcher", "Slater", "Brewer", "Dyer", "Painter", "Gardener",
             "Singer", "Marshall", "Deacon", "Warden", "Raven", "Badger", "Berry", "Hardy",
             "Goodchild", "Newman", "Wiseman", "Mead", "Piper", "Fuller", "Thatcher"],
    ),
}

# Everyday short forms, used by colleagues and relatives in chat and notes.
NICKS = {
    "Lalrinmawia": "Mawia", "Vanlalruata": "Ruata", "Zothanpuii": "Puii", "Felicity": "Flick",
    "Adelaide": "Addie", "Rustom": "Rusi", "Zelimkhan": "Zelim", "Temperance": "Tempe",
    "Yann": "Yannig", "Shernaz": "Sheru",
    "Lalmuanpuii": "Muani",
}
# Name particles that may occur as ordinary words (French "le") and are not checked alone.
PARTICLES = {"le", "ah", "al"}

# Initials that spell a word are written with full stops instead ("O.K.", not "OK").
WORDLIKE_INITIALS = {"OK", "NO", "AM", "PM", "IT", "IN", "ON", "AT", "AS", "IS", "OR", "AN",
                     "BE", "DO", "GO", "HE", "ME", "MY", "SO", "TO", "UP", "US", "WE", "OF", "IF",
                     "BY", "NG", "ED", "GP", "BP", "HR", "RR", "CT", "MR", "DR", "MS", "ST"}

TOKEN = re.compile(r"[^\W\d_]+", re.UNICODE)


def tokens(s):
    """Lower-cased letter runs of a string (apostrophes, hyphens and spaces split)."""
    return [t.lower() for t in TOKEN.findall(s)]


class Person:
    """One individual: given name, family name (None for a mononym), sex, region."""

    def __init__(self, given, family, sex, region, order="gf"):
        self.given = given
        self.family = family
        self.sex = sex
        self.region = region
        self.order = order if family else "g"
        self.nick = NICKS.get(given)
        self.middle = None

    def parts(self):
        out = tokens(self.given) + (tokens(self.family) if self.family else [])
        if self.middle:
            out += tokens(self.middle)
        if self.nick:
            out += tokens(self.nick)
        return out

    def full(self):
        if not self.family:
            return self.given
        if self.order == "fg":
            return self.family + " " + self.given
        return self.given + " " + self.family

    def sur(self):
        return self.family or self.given

    def initials(self, dots=False):
        words = re.split(r"[ \-]", self.given)
        if self.family:
            words += [w for w in re.split(r"[ ]", self.family)]
        letters = [w[0].upper() for w in words if w]
        if not dots and "".join(letters) in WORDLIKE_INITIALS:
            dots = True
        return (".".join(letters) + ".") if dots else "".join(letters)

    def caret(self, middle=None):
        fam = (self.family or self.given).upper()
        giv = self.given.upper() if self.family else ""
        s = fam + "^" + giv if giv else fam
        if middle:
            s += "^" + middle.upper()
        return s

    def comma(self, upper=False):
        if not self.family:
            return self.given.upper() if upper else self.given
        fam = self.family.upper() if upper else self.family
        return fam + ", " + self.given

    def i_sur(self):
        if not self.family:
            return self.given
        return self.given[0] + ". " + self.family

    def lower(self):
        return self.full().lower()


class Pool:
    """Draws people without repeating anyone within one text."""

    def __init__(self, rng):
        self.rng = rng
        self.all_given = set()
        self.all_family = set()
        for reg, d in REGIONS.items():
            for g in d["m"] + d["f"]:
                self.all_given.add(g)
            for f in d["fam"]:
                if f:
                    for x in f.split("/"):
                        self.all_family.add(x)

    def person(self, used, region=None, sex=None, given=None):
        rng = self.rng
        if given is not None:
            region = next(k for k in sorted(REGIONS)
                          if given in REGIONS[k]["m"] + REGIONS[k]["f"])
            sex = "m" if given in REGIONS[region]["m"] else "f"
        for _ in range(200):
            reg = region or rng.choice(sorted(REGIONS))
            d = REGIONS[reg]
            sx = sex or rng.choice("mf")
            first = given or rng.choice(d[sx])
            fam = rng.choice(d["fam"])
            if fam and "/" in fam:
                fam = fam.split("/")[0 if sx == "m" else 1]
            if fam == first:
                continue
            p = Person(first, fam, sx, reg, d.get("order", "gf"))
            if reg == "hongkong" and first in ("Kelvin", "Ricky", "Alvin", "Stanley", "Terence",
                                               "Winnie", "Carmen", "Eunice", "Gigi"):
                p.order = "gf"
            key = set(p.parts())
            if any(key & set(q.parts()) for q in used):
                continue
            used.append(p)
            return p
        fail("could not draw a person")

    def middle(self, p, used):
        """Gives p a second given name of its region and sex (for DICOM / HL7 values)."""
        taken = {w for q in used for w in q.parts()}
        opts = [g for g in REGIONS[p.region][p.sex] if not set(tokens(g)) & taken]
        if opts and p.family:
            p.middle = self.rng.choice(opts)
        return p.middle

    def name_words(self):
        out = set()
        for reg, d in REGIONS.items():
            for g in d["m"] + d["f"]:
                out |= set(tokens(g))
            for f in d["fam"]:
                if f:
                    for x in f.split("/"):
                        out |= set(tokens(x))
        for n in NICKS.values():
            out |= set(tokens(n))
        return out - PARTICLES


# ---------------------------------------------------------------------------------------------
# Values.

MON = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
       "October", "November", "December"]
FR_MON = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre"]
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def ordinal(n):
    if 10 <= n % 100 <= 20:
        return str(n) + "th"
    return str(n) + {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def ymd(rng, y0, y1):
    y = rng.randint(y0, y1)
    m = rng.randint(1, 12)
    d = rng.randint(1, 28)
    return y, m, d


def weekday(y, m, d):
    # Zeller-free: days since 1970-01-01 (a Thursday) by the civil-from-days inverse.
    yy = y - (m <= 2)
    era = yy // 400
    yoe = yy - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    days = era * 146097 + doe - 719468
    return DAYS[(days + 3) % 7]


def fmt_date(rng, y, m, d, style=None, time=False):
    styles = ["dmy/", "dmy.", "iso", "d Mon y", "Month d, y", "dth Month y", "dd-MON-yyyy",
              "d/m/yy", "Mon d y", "wd d Mon", "fr", "ymd"]
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
    elif k == "Mon d y":
        s = "%s %d %d" % (MON[m - 1][:3], d, y)
    elif k == "wd d Mon":
        s = "%s %d %s %d" % (weekday(y, m, d), d, MON[m - 1][:3], y)
    elif k == "fr":
        s = "%d %s %d" % (d, FR_MON[m - 1], y)
    else:
        s = "%d%02d%02d" % (y, m, d)
    if time:
        hh, mm = rng.randint(0, 23), rng.choice([0, 5, 10, 12, 20, 25, 30, 41, 45, 50, 55])
        s += rng.choice([" %02d:%02d", " at %02d:%02d", " %02d%02dh"]) % (hh, mm)
    return s


def date(rng, y0=2021, y1=2025, **kw):
    y, m, d = ymd(rng, y0, y1)
    return fmt_date(rng, y, m, d, **kw)


def dob(rng, y0=1926, y1=2004, **kw):
    y, m, d = ymd(rng, y0, y1)
    return fmt_date(rng, y, m, d, **kw)


def dob_for_age(rng, age, ref=2024, **kw):
    """A date of birth that makes someone `age` in the reference year."""
    m = rng.randint(1, 12)
    return fmt_date(rng, ref - age, m, rng.randint(1, 28), **kw)


def date_pair(rng, **kw):
    """Two dates in order (admission, discharge) a few days apart, in one format."""
    y, m, d = ymd(rng, 2021, 2025)
    gap = rng.randint(2, 19)
    d2, m2, y2 = d + gap, m, y
    if d2 > 28:
        d2 -= 28
        m2 += 1
        if m2 > 12:
            m2, y2 = 1, y + 1
    style = kw.pop("style", None) or rng.choice(["dmy/", "d Mon y", "iso", "dd-MON-yyyy"])
    return fmt_date(rng, y, m, d, style=style), fmt_date(rng, y2, m2, d2, style=style)


def hl7ts(rng, y0=2023, y1=2025):
    y, m, d = ymd(rng, y0, y1)
    return "%d%02d%02d%02d%02d" % (y, m, d, rng.randint(0, 23), rng.randint(0, 59))


def digits(rng, n):
    return "".join(str(rng.randint(0, 9)) for _ in range(n))


def nhs(rng):
    while True:
        ds = [rng.randint(0, 9) for _ in range(9)]
        if ds[0] == 0:
            continue
        c = 11 - sum(x * (10 - i) for i, x in enumerate(ds)) % 11
        if c == 11:
            c = 0
        if c == 10:
            continue
        s = "".join(map(str, ds)) + str(c)
        return s[:3] + " " + s[3:6] + " " + s[6:]


def mrn(rng):
    k = rng.randrange(6)
    if k == 0:
        return "RH" + digits(rng, 7)
    if k == 1:
        return digits(rng, 3) + "-" + digits(rng, 3) + "-" + digits(rng, 3)
    if k == 2:
        return "H" + digits(rng, 8)
    if k == 3:
        return "%s%s" % (rng.choice(["CHC", "MMH", "KWH"]), digits(rng, 6))
    if k == 4:
        return "7" + digits(rng, 7)
    return "E" + digits(rng, 2) + "/" + digits(rng, 5)


PHONES = {
    "brittany": lambda r: "02 98 %s %s %s" % (digits(r, 2), digits(r, 2), digits(r, 2)),
    "luxembourg": lambda r: "+352 %s %s %s" % (digits(r, 2), digits(r, 2), digits(r, 2)),
    "mauritius": lambda r: "+230 5%s %s" % (digits(r, 3), digits(r, 4)),
    "taiwan": lambda r: "+886 2 %s %s" % (digits(r, 4), digits(r, 4)),
    "hongkong": lambda r: "+852 %s %s" % (r.choice("2369") + digits(r, 3), digits(r, 4)),
    "cherokee": lambda r: "(918) 45%s-%s" % (digits(r, 1), digits(r, 4)),
    "suriname": lambda r: "+597 8%s-%s" % (digits(r, 2), digits(r, 4)),
    "macedonia": lambda r: "+389 70 %s %s" % (digits(r, 3), digits(r, 3)),
    "chad": lambda r: "+235 66 %s %s %s" % (digits(r, 2), digits(r, 2), digits(r, 2)),
    "niger": lambda r: "+227 90 %s %s %s" % (digits(r, 2), digits(r, 2), digits(r, 2)),
    "guinea": lambda r: "+224 622 %s %s %s" % (digits(r, 2), digits(r, 2), digits(r, 2)),
    "gabon": lambda r: "+241 077 %s %s %s" % (digits(r, 2), digits(r, 2), digits(r, 2)),
    "congo": lambda r: "+242 06 %s %s" % (digits(r, 3), digits(r, 4)),
    "comoros": lambda r: "+269 33%s %s" % (digits(r, 1), digits(r, 4)),
    "parsi": lambda r: "+91 98%s %s" % (digits(r, 3), digits(r, 5)),
    "mizo": lambda r: "+91 94%s %s" % (digits(r, 3), digits(r, 5)),
}


def phone(rng, region=None):
    f = PHONES.get(region)
    if f is None:
        return rng.choice(["07700 900%s" % digits(rng, 3), "01632 960%s" % digits(rng, 3),
                           "+44 7700 900%s" % digits(rng, 3), "0113 496 0%s" % digits(rng, 3)])
    return f(rng)


def age_old(rng):
    return rng.randint(90, 104)


def age_str(rng, n):
    return rng.choice(["%d-year-old", "%d yrs", "%d years", "%dyo", "%d y/o", "%03dY"]) % n


def ssn(rng, region):
    if region == "taiwan":
        return rng.choice("ABEFHK") + rng.choice("12") + digits(rng, 8)
    if region == "hongkong":
        return "%s%s(%s)" % (rng.choice("KPRY"), digits(rng, 6), rng.randint(0, 9))
    if region == "luxembourg":
        return "%s %s %s" % (rng.randint(1930, 1999), digits(rng, 4), digits(rng, 5))
    if region == "macedonia":
        return digits(rng, 13)
    if region == "brittany":
        return "%s %s %s 29 %s %s %s" % (rng.choice("12"), digits(rng, 2), digits(rng, 2),
                                         digits(rng, 3), digits(rng, 3), digits(rng, 2))
    return "%s-%s-%s" % (rng.randint(400, 699), digits(rng, 2), digits(rng, 4))


ORGS = {
    "brittany": ["Hôpital Morvan", "Centre Hospitalier de Cornouaille",
                 "Hôpital de la Cavale Blanche"],
    "chechnya": ["Gudermes Central District Hospital"],
    "tatar": ["Almetyevsk Central District Hospital", "Republican Clinical Hospital of Tatarstan"],
    "ossetia": ["North Ossetian Republican Clinical Hospital"],
    "chad": ["Hôpital Régional de Moundou", "Hôpital de la Mère et de l'Enfant de N'Djamena"],
    "niger": ["Hôpital National Lamordé", "Maternité Issaka Gazobi"],
    "guinea": ["Hôpital National Ignace Deen", "Hôpital National Donka"],
    "gabon": ["Centre Hospitalier Universitaire d'Owendo"],
    "congo": ["Hôpital Général Adolphe Sicé", "CHU de Brazzaville"],
    "comoros": ["Centre Hospitalier National El-Maarouf", "Hôpital de Hombo"],
    "mauritius": ["Dr A. G. Jeetoo Hospital", "Jawaharlal Nehru Hospital"],
    "taiwan": ["Mackay Memorial Hospital", "Chang Gung Memorial Hospital",
               "Taipei Veterans General Hospital"],
    "hongkong": ["Pamela Youde Nethersole Eastern Hospital", "Kwong Wah Hospital",
                 "Tuen Mun Hospital", "Tung Wah Hospital"],
    "cherokee": ["W. W. Hastings Hospital", "Cherokee Indian Hospital"],
    "suriname": ["Academisch Ziekenhuis Paramaribo", "Diakonessenhuis Paramaribo",
                 "'s Lands Hospitaal"],
    "uyghur": ["First Affiliated Hospital of Xinjiang Medical University"],
    "mizo": ["Synod Hospital Durtlang", "Civil Hospital Aizawl"],
    "parsi": ["Jehangir Hospital", "Masina Hospital",
              "B. D. Petit Parsee General Hospital"],
    "macedonia": ["Klinička bolnica Bitola", "General Hospital Ohrid"],
    "luxembourg": ["Centre Hospitalier Emile Mayrisch", "Hôpital Kirchberg", "Zitha Klinik"],
    "wordnames": ["St Wilfrid's Hospice", "St Barnabas Hospice", "St Catherine's Hospice",
                  "Penryn Joinery Ltd", "Hollybank Care Home", "Larkspur Court Care Home",
                  "Trelawney Surgery", "Bodmin Road Medical Practice"],
}

PLACES = {
    "brittany": ["Quimper", "Brest", "Lorient", "Vannes", "Morlaix", "Lannion", "Guingamp",
                 "Concarneau", "Douarnenez", "Landerneau", "Carhaix", "Pontivy"],
    "mauritius": ["Curepipe", "Quatre Bornes", "Rose Hill", "Vacoas", "Mahébourg", "Flacq",
                  "Goodlands", "Triolet"],
    "taiwan": ["Taichung", "Tainan", "Hsinchu", "Keelung", "Changhua", "Chiayi", "Hualien",
               "Taitung", "Pingtung", "Yilan"],
    "hongkong": ["Sha Tin", "Tsuen Wan", "Kwun Tong", "Yuen Long", "Sai Kung", "Tai Po",
                 "Sham Shui Po"],
    "cherokee": ["Tahlequah", "Stilwell", "Sallisaw", "Robbinsville", "Muskogee"],
    "suriname": ["Paramaribo", "Nieuw Nickerie", "Lelydorp", "Moengo", "Albina"],
    "chechnya": ["Grozny", "Gudermes", "Urus-Martan", "Makhachkala", "Derbent", "Khasavyurt",
                 "Buynaksk", "Kizlyar"],
    "tatar": ["Naberezhnye Chelny", "Almetyevsk", "Nizhnekamsk", "Yelabuga"],
    "ossetia": ["Vladikavkaz", "Beslan", "Alagir", "Mozdok"],
    "chad": ["N'Djamena", "Moundou", "Sarh", "Abéché", "Doba", "Kélo", "Bongor"],
    "niger": ["Niamey", "Zinder", "Maradi", "Tahoua", "Agadez", "Dosso", "Tillabéri"],
    "guinea": ["Conakry", "Kindia", "Kankan", "Labé", "Nzérékoré", "Boké", "Mamou"],
    "gabon": ["Libreville", "Franceville", "Oyem", "Lambaréné", "Mouila"],
    "congo": ["Brazzaville", "Pointe-Noire", "Dolisie", "Nkayi", "Owando", "Ouesso"],
    "comoros": ["Moroni", "Mutsamudu", "Fomboni", "Mamoudzou"],
    "uyghur": ["Urumqi", "Kashgar", "Hotan", "Ghulja", "Turpan"],
    "mizo": ["Aizawl", "Lunglei", "Champhai", "Kolasib", "Serchhip"],
    "parsi": ["Mumbai", "Navsari", "Udvada", "Pune"],
    "macedonia": ["Skopje", "Bitola", "Ohrid", "Kumanovo", "Prilep", "Tetovo", "Štip",
                  "Strumica"],
    "luxembourg": ["Differdange", "Dudelange", "Ettelbruck", "Diekirch", "Wiltz", "Echternach",
                   "Mersch"],
    "wordnames": ["Truro", "Bodmin", "Redruth", "Penzance", "Falmouth", "Launceston", "Helston",
                  "Camborne", "Liskeard", "Bude"],
}


def address(rng, region):
    n = rng.randint(2, 188)
    if region == "brittany":
        return rng.choice(["%d rue de Siam, 29200 Brest" % n,
                           "%d rue Jean Jaurès, 29000 Quimper" % n,
                           "%d quai de la Douane, 29900 Concarneau" % n])
    if region == "luxembourg":
        return rng.choice(["%d, rue de l'Alzette, L-4011 Esch" % n,
                           "%d route d'Echternach, L-6552 Berdorf" % n])
    if region == "mauritius":
        return rng.choice(["%d Avenue des Lilas, Quatre Bornes" % n,
                           "Morcellement Raffray, Lot %d, Curepipe" % n])
    if region == "hongkong":
        return "Flat %d%s, %d/F, Block %d, Wah Fu Estate, Pok Fu Lam" % (
            rng.randint(1, 24), rng.choice("ABCDEFGH"), rng.randint(2, 38), rng.randint(1, 6))
    if region == "taiwan":
        return "No. %d, Ln. %d, Minsheng Rd., West Dist., Chiayi City 600" % (n, rng.randint(2, 90))
    if region == "cherokee":
        return rng.choice(["%d Muskogee Ave, Tahlequah, OK 74464" % (n * 7),
                           "%d Acquoni Rd, Cherokee, NC 28719" % (n * 5)])
    if region == "suriname":
        return rng.choice(["Keizerstraat %d, Paramaribo" % n, "Gemenelandsweg %d, Paramaribo" % n])
    if region == "macedonia":
        return "bul. Goce Delčev %d, 1000 Skopje" % n
    if region in ("chechnya", "tatar", "ossetia"):
        return rng.choice(["ul. Kirova %d, kv. %d, Vladikavkaz" % (n, rng.randint(1, 90)),
                           "ul. Mira %d, Almetyevsk" % n])
    if region == "mizo":
        return "House No. %s, Chanmari, Aizawl 796007" % rng.choice(["B-%d" % n, "C-%d" % n])
    if region == "parsi":
        return "Flat %d, Cusrow Baug, Colaba, Mumbai 400001" % rng.randint(1, 60)
    if region in ("chad", "niger", "guinea", "gabon", "congo", "comoros"):
        return rng.choice(["Quartier Sabangali, N'Djamena", "Quartier Plateau, Niamey",
                           "BP %d, Libreville" % (n * 13), "Quartier Bacongo, Brazzaville"])
    return rng.choice(["%d Trelawney Road, Truro TR1 %d%s" % (n, rng.randint(1, 9),
                                                             rng.choice(["AB", "HX", "QT"])),
                       "Flat %d, Harbour Court, Falmouth TR11 %d%s" % (rng.randint(1, 20),
                                                                       rng.randint(1, 9),
                                                                       rng.choice(["DN", "PL"]))])


def org(rng, region):
    return rng.choice(ORGS.get(region) or ORGS["wordnames"])


def place(rng, region):
    return rng.choice(PLACES.get(region) or PLACES["wordnames"])


MAIL = {"brittany": "ch-cornouaille.fr", "luxembourg": "chem.lu", "hongkong": "ha.org.hk",
        "taiwan": "mmh.org.tw", "mauritius": "govmu.org", "suriname": "azp.sr",
        "parsi": "jehangirhospital.com", "macedonia": "zdravstvo.gov.mk"}


def email(rng, p, domain):
    loc = rng.choice(["%s.%s", "%s%s", "%s_%s"])
    g = re.sub(r"[^a-z]", "", p.given.lower().replace("ë", "e").replace("ï", "i")
               .replace("é", "e").replace("č", "c").replace("ž", "z"))
    f = re.sub(r"[^a-z]", "", (p.family or "x").lower().replace("é", "e"))
    return (loc % (g[0] if rng.random() < 0.5 else g, f)) + "@" + domain


# ---------------------------------------------------------------------------------------------
# Text builder: templates hold $slot placeholders; a slot is plain text or a span.

SLOT = re.compile(r"\$\{(\w+)\}|\$([A-Za-z_]\w*)")


def P(p, s):
    """A PERSON span for individual p with surface string s."""
    return ("PERSON", s, p)


def E(kind, s):
    """A typed span."""
    return (kind, s, None)


class Doc:
    def __init__(self, rng, pool):
        self.rng = rng
        self.pool = pool
        self.used = []
        self.ocr = False
        self.allowed_words = set()

    def person(self, **kw):
        return self.pool.person(self.used, **kw)

    def nicknamed(self):
        """Someone with an everyday short form of the given name (for chat and notes)."""
        taken = {w for q in self.used for w in q.parts()}
        opts = [g for g in sorted(NICKS) if not set(tokens(g)) & taken]
        return self.pool.person(self.used, given=self.rng.choice(opts))

    def middle(self, p):
        if self.rng.random() < 0.5:
            return self.pool.middle(p, self.used)
        return None

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
        lit = tpl[pos:]
        text.append(lit)
        return "".join(text), ents


def ocr_noise(rng, s, level=0.12):
    """Burned-in overlay OCR errors: 0/O, 1/l/I, case flips, dropped spaces, stray marks."""
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
# Templates with identifiers. Each takes a Doc and returns (text, spans).

def title(p):
    return {"m": "Mr", "f": "Mrs"}[p.sex]


def t_clinic_letter(d):
    r = d.rng
    pt, gp, cons = d.person(), d.person(), d.person()
    spec = r.choice(["falls and bone health", "heart failure", "memory", "continence",
                     "movement disorders"])
    plan = r.choice([
        "We agreed to stop the Stalevo at night and I will see $pg again in three months.",
        "I have suggested a trial of Ebixa; $pg would like to discuss it with family first.",
        "$pg walks with a frame and has had no fall since the last visit.",
    ])
    tpl = ("Dear Dr $gp,\n\nRe: $pt   DOB $dob   Hosp no $mrn\n$addr\n\n"
           "Thank you for referring $tt $ps, whom I saw in the $spec clinic on $seen. " + plan +
           "\n\nYours sincerely\n\n$cons\nConsultant Geriatrician, $org")
    return d.render(tpl, gp=P(gp, gp.sur()), pt=P(pt, pt.full()),
                    dob=E("DATE", dob(d.rng, 1925, 1940)),
                    mrn=E("ID", mrn(r)), addr=E("LOCATION", address(r, pt.region)),
                    tt=title(pt), ps=P(pt, pt.sur()), spec=spec, seen=E("DATE", date(r)),
                    pg=P(pt, pt.given if pt.family else pt.given), cons=P(cons, cons.full()),
                    org=E("ORG", org(r, cons.region)))


def t_op_note(d):
    r = d.rng
    pt, s, a, an = d.person(), d.person(), d.person(), d.person()
    proc = r.choice(["Laparoscopic cholecystectomy", "Open inguinal hernia repair (mesh)",
                     "Examination under anaesthesia and Delorme's procedure",
                     "Laparoscopic Heller myotomy"])
    tpl = ("OPERATION NOTE   $when\nPatient: $pt ($mrn)\nSurgeon: $st $s   Assistant: $a   "
           "Anaesthetist: Dr $an\nProcedure: $proc\nFindings: as expected, no bile leak, "
           "haemostasis secured. Drain: none.\nPost-op: home same day if tolerating diet. "
           "Review by $si on the ward round.")
    return d.render(tpl, when=E("DATE", date(r, time=True)), pt=P(pt, pt.comma(upper=True)),
                    st="Mr" if s.sex == "m" else "Ms",
                    mrn=E("ID", mrn(r)), s=P(s, s.sur()), a=P(a, a.full()), an=P(an, an.sur()),
                    proc=proc, si=P(s, s.initials()))


def t_path_report(d):
    r = d.rng
    pt, req, path = d.person(), d.person(), d.person()
    spec = r.choice(["Gastric biopsies x4 (antrum, body)", "Skin ellipse, left shin",
                     "Colonic polyp, sigmoid, 14 mm", "Right axillary lymph node core"])
    micro = r.choice(["Foveolar hyperplasia with marked rugal thickening; no dysplasia.",
                      "Tubular adenoma with low-grade dysplasia, completely excised.",
                      "Reactive follicular hyperplasia; no metastatic carcinoma."])
    tpl = ("HISTOPATHOLOGY REPORT\nLab no: $lab    Received: $rec\nName: $pt   Sex: $sex   "
           "DOB: $dob\nRequesting clinician: Dr $req ($org)\nSpecimen: $spec\nMicroscopy: $micro\n"
           "Reported by: Dr $path, $rep")
    return d.render(tpl, lab=E("ID", "%s%s/%s" % (r.choice(["S", "H", "C"]), r.randint(21, 25),
                                                   digits(r, 5))),
                    rec=E("DATE", date(r)), pt=P(pt, pt.comma(upper=True)),
                    sex=pt.sex.upper(), dob=E("DATE", dob(r)), req=P(req, req.full()),
                    org=E("ORG", org(r, req.region)), spec=spec, micro=micro,
                    path=P(path, path.i_sur()), rep=E("DATE", date(r, time=r.random() < 0.5)))


def t_med_rec(d):
    r = d.rng
    rel_kind, rsex = r.choice([("daughter", "f"), ("son", "m"), ("niece", "f"),
                               ("neighbour", None)])
    pt, rel, ph = d.person(), d.person(sex=rsex), d.person()
    age = age_old(r)
    tpl = ("Medicines reconciliation - $pt, $age\nSources: GP record, patient's own drugs, "
           "$rk $rel (tel $tel).\nPalexia SR 50 mg bd - confirmed. Transtec patch 10 micrograms "
           "weekly, changed Tuesdays - confirmed by $rg. Nutrizym stopped by GP in $mon.\n"
           "Discrepancy: none. Completed by $ph, pharmacy technician.")
    return d.render(tpl, pt=P(pt, pt.full()), age=E("AGE", age_str(r, age)), rk=rel_kind,
                    rel=P(rel, rel.full()), tel=E("PHONE", phone(r, rel.region)),
                    rg=P(rel, rel.given), mon=r.choice(["spring", "the summer", "January"]),
                    ph=P(ph, ph.full()))


def t_discharge(d):
    r = d.rng
    pt, gp = d.person(), d.person()
    reg = pt.region
    uk = reg == "wordnames"
    tpl = ("DISCHARGE SUMMARY - $org\nPatient: $pt   " + ("NHS no" if uk else "Hosp. no") +
           ": $nhs\nAdmitted: $adm   "
           "Discharged: $dis\nDiagnosis: $dx\n$pg went home to $town with her husband. "
           "Please review "
           "bowels and potassium in a week.\n" + ("GP: Dr $gp, $prac" if uk else
                                                    "Referring doctor: Dr $gp"))
    if pt.sex == "m":
        tpl = tpl.replace("with her husband", "with his wife")
    adm, dis = date_pair(r)
    dx = r.choice(["Ogilvie's syndrome (acute colonic pseudo-obstruction), resolved with "
                   "neostigmine.",
                   "Hyponatraemia (Na 118) secondary to thiazide; diuretic stopped.",
                   "Community-acquired pneumonia, right lower lobe; completed 5 days of "
                   "amoxicillin.",
                   "Fall with pubic rami fracture, managed non-operatively; walking with a frame."])
    return d.render(tpl, org=E("ORG", org(r, reg)), pt=P(pt, pt.full()),
                    nhs=E("ID", nhs(r) if uk else mrn(r)),
                    adm=E("DATE", adm), dis=E("DATE", dis), dx=dx, pg=P(pt, pt.given),
                    town=E("LOCATION", place(r, reg)), gp=P(gp, gp.full()),
                    prac=E("ORG", r.choice(["Trelawney Surgery", "Bodmin Road Medical Practice"])))


def t_flowsheet(d):
    r = d.rng
    pt, hca = d.person(), d.person()
    g = pt.given
    lines = [
        "$pg settled after the evening meds, slept in 2-3 h blocks.",
        "$pg up to commode x2 with one assist, steady.",
        "$pg declined supper, took Fresubin 1 bottle.",
        "$pg pressure areas intact, repositioned 2-hourly.",
        "$pg asked for $ns - reassured, phoned $ns, no answer, message left.",
    ]
    r.shuffle(lines)
    times = sorted(r.sample(range(19 * 4, 24 * 4), 3))
    body = "\n".join("%02d:%02d %s" % (t // 4, (t % 4) * 15, ln)
                     for t, ln in zip(times, lines[:3]))
    tpl = "Nursing flowsheet - comments (night)\n" + body + "\nSigned $hca HCA"
    ns = d.nicknamed() if r.random() < 0.5 else d.person()
    return d.render(tpl, pg=P(pt, g), ns=P(ns, ns.nick or ns.given), hca=P(hca, hca.initials()))


def t_phone_msg(d):
    r = d.rng
    rel, csex = r.choice([("daughter", "f"), ("husband", "m"), ("wife", "f"), ("son", "m"),
                          ("carer", None)])
    pt, caller, taker = d.person(), d.person(sex=csex), d.person()
    msg = r.choice(["asking whether the Instanyl dose can be given before physio",
                    "worried that $pg has been more confused since the new tablets",
                    "to say $pg has a hospital transport booking clash on the 14th"])
    tpl = ("TELEPHONE MESSAGE\nDate/time: $when\nCaller: $caller ($rel)  Tel: $tel\n"
           "Re patient: $pt  MRN $mrn\nMessage: " + msg + ". Please call back.\nTaken by: $tk")
    return d.render(tpl, when=E("DATE", date(r, time=True)), caller=P(caller, caller.full()),
                    rel=rel, tel=E("PHONE", phone(r, caller.region)), pt=P(pt, pt.full()),
                    mrn=E("ID", mrn(r)), pg=P(pt, pt.given), tk=P(taker, taker.initials(dots=True)))


def t_mdt_list(d):
    r = d.rng
    n = r.randint(2, 3)
    pts = [d.person() for _ in range(n)]
    chair, sec = d.person(), d.person()
    items = ["Gastrectomy specimen: Ménétrier pattern, no malignancy - discharge to GP.",
             "CT: 3 cm mass, tail of pancreas. For EUS and biopsy.",
             "Oesophageal stricture after McKeown - dilate and review.",
             "Frailty - not fit for surgery. Best supportive care, refer palliative team."]
    r.shuffle(items)
    tpl = "Upper GI MDT - $date\nChair: $chair   Coordinator: $sec\n"
    slots = dict(date=E("DATE", date(r)), chair=P(chair, chair.full()), sec=P(sec, sec.full()))
    for i, p in enumerate(pts):
        tpl += "%d. $p%d, $a%d, $h%d - %s\n" % (i + 1, i, i, i, items[i])
        slots["p%d" % i] = P(p, r.choice([p.comma(upper=True), p.full()]))
        slots["a%d" % i] = E("AGE", str(r.randint(38, 99)))
        slots["h%d" % i] = E("ID", mrn(r))
    tpl += "Actions to $sg by Friday."
    slots["sg"] = P(sec, sec.given)
    return d.render(tpl, **slots)


LANGS = {"uyghur": "Uyghur", "taiwan": "Mandarin", "hongkong": "Cantonese",
         "chechnya": "Chechen", "tatar": "Tatar", "ossetia": "Russian", "chad": "Chadian Arabic",
         "niger": "Hausa", "guinea": "Susu", "congo": "Lingala", "comoros": "Shikomori",
         "mauritius": "Mauritian Creole", "suriname": "Sranan Tongo", "mizo": "Mizo",
         "parsi": "Gujarati", "macedonia": "Macedonian", "luxembourg": "Luxembourgish",
         "brittany": "French", "cherokee": "Cherokee"}


def t_consent(d):
    r = d.rng
    reg = r.choice(sorted(LANGS))
    pt, dr, interp = d.person(region=reg), d.person(), d.person(region=reg)
    proc = r.choice(["Flexible cystoscopy and removal of ureteric stent",
                     "Insertion of PowerPICC line, right arm",
                     "Colonoscopy with Moviprep bowel preparation"])
    tpl = ("CONSENT FORM 1 - patient agreement to investigation or treatment\n"
           "Patient: $pt   Hospital number: $mrn\nProcedure: $proc\n"
           "Statement of health professional: I have explained the procedure. Signed: $dr "
           "(Specialty Registrar)   Date: $d1\nInterpreter: $ip ($lang)\n"
           "Statement of patient: Signed: $sig   Date: $d2")
    return d.render(tpl, pt=P(pt, pt.full()), mrn=E("ID", mrn(r)), proc=proc,
                    dr=P(dr, dr.i_sur()), d1=E("DATE", date(r, style="dmy/")),
                    ip=P(interp, interp.full()), lang=LANGS[reg], sig=P(pt, pt.sur()),
                    d2=E("DATE", date(r, style="dmy/")))


def t_pharmacy_query(d):
    r = d.rng
    pt, dr, ph = d.person(), d.person(), d.person()
    q = r.choice([
        "Sabril is on the chart at 1.5 g bd but the clinic letter says 1 g bd - which is right?",
        "Zonegran was omitted x3 doses (patient NBM). Can we give it via the NG tube?",
        "Targinact and codeine are both prescribed - please review, risk of duplication.",
    ])
    tpl = ("Pharmacy query to Dr $dr\nRe: $pt, $ward, DOB $dob\n$q\n"
           "Thanks, $ph (ward pharmacist) - $em")
    return d.render(tpl, dr=P(dr, dr.sur()), pt=P(pt, pt.comma()),
                    ward=r.choice(["Heschl Ward", "Thatcher Unit", "Ward 7B", "Meynert Ward"]),
                    dob=E("DATE", dob(r)), q=q, ph=P(ph, ph.given),
                    em=E("EMAIL", email(r, ph, r.choice(["nhs.net", "rcht.cornwall.nhs.uk"]))))


def t_dicom_kv(d):
    r = d.rng
    pt, ref = d.person(), d.person()
    mid = d.middle(pt)
    tpl = ("PatientName = $pt\nPatientID = $pid\nPatientBirthDate = $dob\nPatientSex = $sex\n"
           "PatientAge = $age\nReferringPhysicianName = $ref\nInstitutionName = $org\n"
           "StudyDate = $sd\nModality = $mod\nBodyPartExamined = $bp")
    a = r.randint(58, 103)
    return d.render(tpl, pt=P(pt, pt.caret(mid or None)), pid=E("ID", mrn(r)),
                    dob=E("DATE", dob_for_age(r, a, style="ymd")), sex=pt.sex.upper(),
                    age=E("AGE", "%03dY" % a), ref=P(ref, ref.caret()),
                    org=E("ORG", org(r, pt.region)), sd=E("DATE", date(r, style="ymd")),
                    mod=r.choice(["CR", "CT", "MR", "US"]),
                    bp=r.choice(["CHEST", "KNEE", "HEAD", "ABDOMEN"]))


def t_dicom_panel(d):
    r = d.rng
    pt, op = d.person(), d.person()
    a = r.randint(40, 97)
    tpl = ("Info | Patient: $pt | ID: $pid | Born: $dob ($age) | Study: $desc | "
           "Acquired: $sd | Operator: $op | Station: $st")
    return d.render(tpl, pt=P(pt, pt.comma()), pid=E("ID", mrn(r)),
                    dob=E("DATE", dob_for_age(r, a, style="d Mon y")), age=E("AGE", "%dy" % a),
                    desc=r.choice(["XR Hand PA/Obl", "CT Head non-contrast", "US Thyroid"]),
                    sd=E("DATE", date(r, style="dd-MON-yyyy", time=True)), op=P(op, op.initials()),
                    st=r.choice(["CR02", "CTSCAN1", "US-4"]))


def t_dicomweb(d):
    r = d.rng
    pt, ref = d.person(), d.person()
    tpl = ('"00100010": {"vr": "PN", "Value": [{"Alphabetic": "$pt"}]},\n'
           '"00100020": {"vr": "LO", "Value": ["$pid"]},\n'
           '"00100030": {"vr": "DA", "Value": ["$dob"]},\n'
           '"00080090": {"vr": "PN", "Value": [{"Alphabetic": "$ref"}]},\n'
           '"00081030": {"vr": "LO", "Value": ["$desc"]}')
    return d.render(tpl, pt=P(pt, pt.caret()), pid=E("ID", mrn(r)),
                    dob=E("DATE", dob(r, style="ymd")), ref=P(ref, ref.caret()),
                    desc=r.choice(["MR BRAIN IAM", "CT CAP C+", "XR PELVIS AP"]))


def t_ocr_overlay(d):
    r = d.rng
    d.ocr = True
    pt = d.person()
    raw_name = r.choice([pt.caret(), pt.comma(upper=True), pt.full().upper()])
    a = r.randint(60, 99)
    parts = [("NAME", P(pt, ocr_noise(r, raw_name))),
             ("ID", E("ID", ocr_noise(r, mrn(r), 0.08))),
             ("DOB", E("DATE", ocr_noise(r, dob_for_age(r, a, style=r.choice(["dmy/",
                                                                             "dd-MON-yyyy"])),
                                         0.08))),
             ("AGE", E("AGE", ocr_noise(r, "%03dY" % a, 0.05)))]
    r.shuffle(parts[1:])
    tpl = ""
    slots = {}
    for i, (lab, v) in enumerate(parts):
        sep = r.choice([":", ": ", " ", "."])
        tpl += ocr_noise(r, lab, 0.1) + sep + "$v%d" % i + stray(r) + r.choice(["\n", "  ", " | "])
        slots["v%d" % i] = v
    tpl += r.choice(["L", "R", "PA ERECT", "AP SUPINE", "3.0T"])
    return d.render(tpl, **slots)


def t_caption_photo(d):
    r = d.rng
    pt = d.person()
    tpl = r.choice([
        "Photo of a sacral pressure ulcer, category 3, taken on $dt for $pt ($mrn); ruler in "
        "frame for scale.",
        "Photo of $pp's left foot showing dry gangrene of the fifth toe, taken in clinic $dt.",
        "Clinical photograph: $pt, post-operative abdomen day 5, wound edges apposed.",
    ])
    return d.render(tpl, dt=E("DATE", date(r)), pt=P(pt, pt.full()), mrn=E("ID", mrn(r)),
                    pp=P(pt, pt.full()))


def t_caption_visible(d):
    r = d.rng
    k = r.randrange(9)
    p = d.person(sex="f" if k == 3 else None)
    if k == 0:
        tpl = ("A whiteboard above the bed reads 'Bay 3 Bed 2 - $pv - NBM from 00:00 - "
               "Nurse today: $n'.")
        n = d.person()
        return d.render(tpl, pv=P(p, p.full()), n=P(n, n.given))
    if k == 1:
        tpl = ("Close-up of a hospital wristband on a thin wrist; the printed text reads "
               "'$pv  DOB $dob  $mrn'.")
        return d.render(tpl, pv=P(p, p.comma(upper=True)), dob=E("DATE", dob(r, style="dmy/")),
                        mrn=E("ID", mrn(r)))
    if k == 2:
        tpl = "A door sign on the side room says 'Dr $pv - Consultant Rheumatologist'."
        return d.render(tpl, pv=P(p, p.full()))
    if k == 3:
        tpl = ("A nurse in a navy uniform stands by the drug trolley; her name badge reads "
               "\"$pv\" with 'Sister' underneath.")
        return d.render(tpl, pv=P(p, p.given))
    if k == 4:
        tpl = ("The image shows a medicine pot with a handwritten label: \"$pv 08:00\" and two "
               "white tablets inside.")
        return d.render(tpl, pv=P(p, p.sur().upper()))
    if k == 5:
        tpl = ("A physiotherapist helps an elderly man to stand with a frame. Visible text: "
               "lanyard 'PHYSIO', badge '$pv'.")
        return d.render(tpl, pv=P(p, p.i_sur()))
    if k == 6:
        tpl = ("Bed-end board, handwritten in blue marker: $pv / $dob / 'hard of hearing - "
               "speak on left'. The text is partly smudged.")
        return d.render(tpl, pv=P(p, p.sur().upper() + " " + p.given),
                        dob=E("DATE", dob(r, style="d/m/yy")))
    if k == 7:
        tpl = ("Screenshot of a phone lock screen. Notification text: 'Reminder: $pv, your "
               "appointment at $org is on $dt. Reply Y to confirm or change it at $url'")
        return d.render(tpl, pv=P(p, p.given), org=E("ORG", org(r, p.region)),
                        dt=E("DATE", date(r, style="wd d Mon", time=True)),
                        url=E("URL", "https://rdv.%s/c/%s" % (
                            r.choice(["santeclic.lu", "mesrdv.bzh", "bookit.hk"]),
                            "".join(r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
                                    for _ in range(7)))))
    tpl = ("In the background a printed sign on the cubicle curtain reads \"$pv - nil by mouth\"; "
           "the patient's face is not visible.")
    return d.render(tpl, pv=P(p, p.full()))


def t_chat(d):
    r = d.rng
    pt, b = d.person(), d.person()
    a = d.nicknamed() if r.random() < 0.6 else d.person()
    tpl = r.choice([
        "$an: anyone seen the bloods for $pl in bay 4? k was 6.1\n$bn: repeated, 5.2 now. "
        "told $ai\n$an: ta. will update $pf's daughter at visiting",
        "$bn: can u do the 2pm obs on $pl pls, im stuck w a transfer\n$an: yep np. "
        "is $pf still on the Peptamen?\n$bn: stopped this am",
        "$an: fyi $pl (side rm 2) is for DNACPR discussion, $ai aware\n$bn: ok. family "
        "coming at 6",
    ])
    an = a.nick or a.given
    return d.render(tpl, an=P(a, an.lower()), bn=P(b, b.given.lower()), pl=P(pt, pt.lower()),
                    ai=P(a, a.initials().lower()), pf=P(pt, pt.sur().lower()))


def t_pager(d):
    r = d.rng
    pt, fr = d.person(), d.person()
    tpl = r.choice([
        "PAGE $t to FY1 med: pls review $ps bed 12 ?AKI u/o 15ml/hr. call $tel - $fi",
        "PAGE $t: $ps (rm 6) NEWS 7, sats 88% on 2L. sr $fi on $tel",
        "PAGE $t: can someone rewrite $ps's drug chart, it's full. $fi",
    ])
    return d.render(tpl, t=E("DATE", date(r, style="d/m/yy", time=True)),
                    ps=P(pt, r.choice([pt.sur().lower(), pt.sur().upper(), pt.sur()])),
                    tel=E("PHONE", phone(r)), fi=P(fr, fr.given.lower()))


def t_hl7_adt(d):
    r = d.rng
    pt, att, nok = d.person(), d.person(), d.person()
    mid = d.middle(pt)
    tpl = ("MSH|^~\\&|PAS|CHBRE|RIS|CHBRE|$ts||ADT^A01|MSG$ctl|P|2.5\n"
           "PID|1||$pid^^^CHBRE^MR||$pt||$dob|$sex|||$addr||$tel\n"
           "NK1|1|$nok|$relc^$reld^HL70063\n"
           "PV1|1|I|CARD^B12^1^CHBRE||||$attid^$att^^^DR|||CAR\n"
           "DG1|1||I50.9^Heart failure, unspecified^I10")
    relc, reld = r.choice([("DAU", "Daughter"), ("SON", "Son"), ("SPO", "Spouse")])
    nsex = {"DAU": "f", "SON": "m", "SPO": "f" if pt.sex == "m" else "m"}[relc]
    d.used.remove(nok)
    nok = d.person(sex=nsex)
    return d.render(tpl, ts=E("DATE", hl7ts(r)), ctl=digits(r, 6), pid=E("ID", digits(r, 8)),
                    pt=P(pt, pt.caret(mid or None)), dob=E("DATE", dob(r, style="ymd")),
                    sex=pt.sex.upper(), addr=E("LOCATION", address(r, "brittany")),
                    tel=E("PHONE", phone(r, "brittany")), nok=P(nok, nok.caret()),
                    relc=relc, reld=reld, attid=E("ID", digits(r, 5)), att=P(att, att.caret()))


def t_hl7_orm(d):
    r = d.rng
    pt, oc = d.person(), d.person()
    exam = r.choice(["XCHES^Chest X-ray PA^LOCAL", "CTHEA^CT Head without contrast^LOCAL",
                     "USABD^US Abdomen^LOCAL"])
    tpl = ("MSH|^~\\&|EPR|TWHOSP|PACS|TWHOSP|$ts||ORM^O01|$ctl|P|2.3\n"
           "PID|1||$pid||$pt||$dob|$sex\n"
           "ORC|NW|ORD$on||||||||||$ocid^$oc\n"
           "OBR|1|ORD$on||$exam|||$ots|||||||||$ocid^$oc")
    ocs = oc.caret()
    return d.render(tpl, ts=E("DATE", hl7ts(r)), ctl=digits(r, 7), pid=E("ID", mrn(r)),
                    pt=P(pt, pt.caret()), dob=E("DATE", dob(r, style="ymd")), sex=pt.sex.upper(),
                    on=digits(r, 6), ocid=E("ID", "D" + digits(r, 4)), oc=P(oc, ocs), exam=exam,
                    ots=E("DATE", hl7ts(r)))


def t_csv(d):
    r = d.rng
    n = r.randint(2, 3)
    cols = r.choice([("mrn,surname,forename,dob,ward,consultant", "sfd"),
                     ("PatientID;Name;DateOfBirth;Location;Clinician", "nd")])
    tpl = cols[0] + "\n"
    slots = {}
    cons = d.person()
    for i in range(n):
        p = d.person()
        slots["id%d" % i] = E("ID", mrn(r))
        slots["b%d" % i] = E("DATE", dob(r, style=r.choice(["iso", "dmy/"])))
        if cols[1] == "sfd":
            tpl += "$id%d,$s%d,$g%d,$b%d,%s,$c\n" % (i, i, i, i,
                                                     r.choice(["HESCHL", "7B", "AMU2", "MEYNERT"]))
            slots["s%d" % i] = P(p, p.sur().upper())
            slots["g%d" % i] = P(p, p.given if p.family else "")
            if not p.family:
                tpl = tpl.replace("$g%d" % i, "")
                del slots["g%d" % i]
        else:
            tpl += "$id%d;$n%d;$b%d;%s;$c\n" % (i, i, i, r.choice(["ED Majors", "SAU", "CCU"]))
            slots["n%d" % i] = P(p, p.comma())
    slots["c"] = P(cons, cons.sur().upper() if cols[1] == "sfd" else cons.i_sur())
    return d.render(tpl.rstrip("\n"), **slots)


def t_audit(d):
    r = d.rng
    pt, u, u2 = d.person(), d.person(), d.person()
    def login(p):
        return (p.given[0] + (p.family or p.given)).lower().replace(" ", "").replace("'", "")
    tpl = ("$t1 user $l1 viewed record of $pt (MRN $mrn) reason=direct care\n"
           "$t2 user $l1 printed discharge letter for MRN $mrn\n"
           "$t3 user $l2 opened record of $pt - break-glass, reason \"$why\"")
    l1 = re.sub(r"[^a-z0-9]", "", login(u).encode("ascii", "ignore").decode())
    l2 = re.sub(r"[^a-z0-9]", "", login(u2).encode("ascii", "ignore").decode())
    l2 += str(r.randint(1, 9))
    ts = "%d-%02d-%02dT%02d:%02d:%02dZ"
    y, m, dd = ymd(r, 2024, 2025)
    t = [ts % (y, m, dd, 8 + i * 3, r.randint(0, 59), r.randint(0, 59)) for i in range(3)]
    return d.render(tpl, t1=E("DATE", t[0]), t2=E("DATE", t[1]), t3=E("DATE", t[2]),
                    l1=E("ID", l1), l2=E("ID", l2), pt=P(pt, pt.caret()), mrn=E("ID", mrn(r)),
                    why=r.choice(["covering ED", "relative request - declined", "MDT prep"]))


def t_bed_board(d):
    r = d.rng
    n = r.randint(3, 4)
    tpl = "BED BOARD - $ward   updated $t\n"
    slots = dict(ward=r.choice(["Thatcher Unit", "Heschl Ward", "Ward 6 North"]),
                 t=E("DATE", date(r, style="d/m/yy", time=True)))
    notes = ["EDD today, TTO ready", "NBM for OGD", "side room - C. diff", "awaiting care home",
             "falls risk - bay watch", "?discharge pm"]
    r.shuffle(notes)
    beds = r.sample(range(1, 17), n)
    empty = r.randrange(n)
    for i in range(n):
        if i == empty:
            tpl += "B%d  -- closed (cleaning) --\n" % beds[i]
            continue
        p = d.person()
        tpl += "B%d  $p%d  $a%d  %s\n" % (beds[i], i, i, notes[i])
        slots["p%d" % i] = P(p, r.choice([p.sur().upper() + " " + p.given[0], p.i_sur(),
                                          p.sur().upper()]))
        slots["a%d" % i] = E("AGE", str(r.randint(45, 101)))
    nic = d.person()
    tpl += "NIC: $nic"
    slots["nic"] = P(nic, nic.given)
    return d.render(tpl, **slots)


def t_theatre(d):
    r = d.rng
    s, an = d.person(), d.person()
    procs = ["Lap chole", "Stoppa repair", "Altemeier perineal proctosigmoidectomy",
             "Bassini repair (recurrent)", "Puestow procedure", "EUA + Delorme's"]
    r.shuffle(procs)
    tpl = "THEATRE 4 - $date   Surgeon: $s   Anaesthetist: $an\n"
    slots = dict(date=E("DATE", date(r, style=r.choice(["wd d Mon", "d Mon y"]))),
                 s=P(s, s.full()), an=P(an, an.i_sur()))
    for i in range(r.randint(2, 3)):
        p = d.person()
        tpl += "%d. $p%d ($a%d) $h%d  %s\n" % (i + 1, i, i, i, procs[i])
        slots["p%d" % i] = P(p, p.comma(upper=True))
        slots["a%d" % i] = E("AGE", r.choice(["%dy", "%d", "%d yrs"]) % r.randint(19, 94))
        slots["h%d" % i] = E("ID", mrn(r))
    tpl += "Order may change - check with $sg."
    slots["sg"] = P(s, s.sur())
    return d.render(tpl, **slots)


def t_sbar(d):
    r = d.rng
    pt, n1, n2, reg = d.person(), d.person(), d.person(), d.person()
    sba = r.choice([
        "S: $pt, $age, day 3 post Frey procedure, new tachycardia 124.\n"
        "B: $pg has chronic pancreatitis, on Pancrex and insulin.\n"
        "A: febrile 38.6, abdomen soft, drain serous.\n",
        "S: $pt, $age, new confusion since 18:00, pulling at the catheter.\n"
        "B: $pg was admitted with a UTI; normally independent, lives alone.\n"
        "A: NEWS 3, glucose 6.2, no focal signs, 4AT 6.\n",
        "S: $pt, $age, drop in urine output, 10 ml/h for 3 h.\n"
        "B: $pg is day 1 after a Stoppa repair, on regular Neurontin.\n"
        "A: BP 96/58, bladder scan 80 ml, looks dry.\n",
    ])
    tpl = ("SBAR handover $t\n" + sba +
           "R: bloods sent; Dr $reg (reg) to review by 22:00.\n"
           "Handed over by $n1 to $n2.")
    return d.render(tpl, t=E("DATE", date(r, time=True)), pt=P(pt, pt.full()),
                    age=E("AGE", age_str(r, r.randint(30, 98))), pg=P(pt, pt.given),
                    reg=P(reg, reg.sur()), n1=P(n1, n1.given), n2=P(n2, n2.full()))


def t_safeguarding(d):
    r = d.rng
    pt, al, rep = d.person(), d.person(sex="m"), d.person()
    tpl = ("SAFEGUARDING ADULTS REFERRAL\nAdult at risk: $pt   DOB $dob   Age $age\n"
           "Address: $addr\nConcern: unexplained bruising to both upper arms; $pg says she "
           "'fell against the door'. Alleged person: $al (grandson, lives at the same "
           "address). Mental capacity for this decision: not assessed.\n"
           "Referrer: $rep, District Nurse, tel $tel")
    if pt.sex == "m":
        tpl = tpl.replace("says she", "says he")
    a = age_old(r)
    return d.render(tpl, pt=P(pt, pt.full()), dob=E("DATE", dob_for_age(r, a)),
                    age=E("AGE", str(a)), addr=E("LOCATION", address(r, pt.region)),
                    pg=P(pt, pt.given), al=P(al, al.full()), rep=P(rep, rep.full()),
                    tel=E("PHONE", phone(r)))


def t_incident(d):
    r = d.rng
    pt, wit, rep = d.person(), d.person(), d.person()
    tpl = ("Incident report $irn\nDate of incident: $when   Location: $ward\n"
           "Description: $what $how HCA $wit.\n"
           "Harm: low. Reported by: $rep ($role)")
    what = r.choice([
        "$pt found on the floor beside the bed at 03:10, no head injury. Lying and standing BP "
        "done, neuro obs started.",
        "$pt given a second dose of Palexia 2 h after the first (two charts in use). Obs "
        "stable, GP and family informed.",
        "$pt's hearing aid lost during transfer to X-ray; porters and X-ray checked.",
    ])
    tpl = tpl.replace("$what", what).replace("$how", "Witnessed by" if "floor" in what
                                                else "Identified by")
    return d.render(tpl, irn=E("ID", "IR-%d-%s" % (r.randint(2023, 2025), digits(r, 5))),
                    when=E("DATE", date(r)), ward=r.choice(["Meynert Ward", "Ward 9",
                                                              "Thatcher Unit bay C"]),
                    pt=P(pt, pt.full()),
                    wit=P(wit, wit.full()), rep=P(rep, rep.full()),
                    role=r.choice(["Staff Nurse", "Ward Manager", "Charge Nurse"]))


def t_prescription(d):
    r = d.rng
    pt, dr = d.person(), d.person()
    drug = r.choice(["Nexplanon 68 mg implant, 1 device", "Picolax sachets x2, as directed",
                     "Abstral 100 microgram sublingual tablets, 10 (ten)",
                     "Scandishake Mix, 30 sachets, 1 daily"])
    tpl = ("Rx\nName: $pt   DOB: $dob\nAddress: $addr\n$drug\nPrescriber: Dr $dr   "
           "GMC $gmc   Date: $dt")
    return d.render(tpl, pt=P(pt, pt.full()), dob=E("DATE", dob(r)),
                    addr=E("LOCATION", address(r, pt.region)), drug=drug, dr=P(dr, dr.full()),
                    gmc=E("ID", digits(r, 7)), dt=E("DATE", date(r, style="dmy/")))


def t_path_request(d):
    r = d.rng
    pt, dr = d.person(), d.person()
    tpl = ("PATHOLOGY REQUEST\nSurname: $s   Forename(s): $g\nDOB: $dob   Sex: $sex   "
           "Hosp no: $mrn\nTests: FBC, U&E, LFT, blood film (?Pappenheimer bodies, Döhle "
           "bodies)\nClinical details: post-splenectomy, fever\nRequested by: $dr   "
           "Contact: $tel")
    return d.render(tpl, s=P(pt, pt.sur().upper()), g=P(pt, pt.given) if pt.family else "-",
                    dob=E("DATE", dob(r)), sex=pt.sex.upper(), mrn=E("ID", mrn(r)),
                    dr=P(dr, dr.i_sur()), tel=E("PHONE", phone(r)))


def t_vaccination(d):
    r = d.rng
    pt, nurse = d.person(), d.person()
    vac = r.choice(["Pneumococcal polysaccharide (PPV23)", "Shingles (recombinant), dose 2",
                    "Influenza (aTIV)"])
    tpl = ("VACCINATION RECORD\nName: $pt   DOB: $dob   NHS: $nhs\nVaccine: $vac   Batch: "
           "$batch   Expiry: %s\nSite: left deltoid IM   Given by: $nurse   Date: $dt\n"
           "Consent: verbal, from patient." % r.choice(["03/2026", "11/2026", "2026-08"]))
    return d.render(tpl, pt=P(pt, pt.full()), dob=E("DATE", dob(r, 1925, 1958)),
                    nhs=E("ID", nhs(r)), vac=vac,
                    batch=r.choice(["FK8891", "HT2207C", "AB45X1"]),
                    nurse=P(nurse, nurse.full()), dt=E("DATE", date(r)))


def t_care_home(d):
    r = d.rng
    pt, rel, carer = d.person(), d.person(sex="f"), d.person()
    tpl = ("Care home daily note - $org\n" + r.choice([
        "$pg ate half of lunch, fluids 900 ml. Walked to the lounge with the frame. $rel "
        "(daughter) visited 14:00-15:30; $pg brighter after. GP visit requested for sore heel.",
        "$pg unsettled in the afternoon, calling out for $rel (daughter). Settled with music "
        "and a cup of tea. Bowels open x1. Fluids 1100 ml.",
        "$rel (daughter) phoned: $pg's hearing-aid batteries to be changed weekly. "
        "$pg joined the singing group and ate all of tea.",
    ]) + "\n- $carer, senior carer")
    home = r.choice(["Hollybank Care Home", "Larkspur Court Care Home"])
    return d.render(tpl, org=E("ORG", home),
                    pg=P(pt, pt.given), rel=P(rel, rel.given), carer=P(carer, carer.full()))


def t_slt(d):
    r = d.rng
    pt = d.person()
    rel = d.person(sex="f" if pt.sex == "m" else "m")
    tpl = ("Speech and language therapy\n$pt, $age. Seen on $ward. Alert, sitting out. "
           "Oro-motor exam: reduced lip seal. Trials: IDDSI level 4 purée x5 tsp, level 2 fluids "
           "via cup - no overt signs. Plan: level 4 / mildly thick, sit upright. Discussed with "
           "$rel ($rk) who will bring thickener from home.")
    return d.render(tpl, pt=P(pt, pt.full()), age=E("AGE", age_str(r, age_old(r))),
                    ward=r.choice(["Heschl Ward", "Ward 4", "the stroke unit"]),
                    rel=P(rel, rel.full()), rk="wife" if pt.sex == "m" else "husband")


def t_messaging_ocr(d):
    r = d.rng
    d.ocr = True
    grp, a, b, pt = d.person(), d.person(), d.person(), d.person()
    tpl = ("< Ward 7 nurses (14)\n$a\nis bed 4 back from CT?? $t1\nYou\nyes, $pt going to "
           "theatre after $t2 \u2713\u2713\n$b\nok will ring $ps's son")
    tm = lambda: "%02d:%02d" % (r.randint(7, 21), r.randint(0, 59))
    return d.render(tpl, a=P(a, ocr_noise(r, a.full(), 0.06)), t1=tm(), t2=tm(),
                    pt=P(pt, ocr_noise(r, pt.sur(), 0.08)), b=P(b, ocr_noise(r, b.full(), 0.06)),
                    ps=P(pt, ocr_noise(r, pt.sur(), 0.08)))


def t_referral_email(d):
    r = d.rng
    pt, a, b = d.person(), d.person(), d.person()
    tpl = ("From: $ae\nTo: $be\nSubject: Re: referral - $pt ($mrn)\n\nHi $bg,\nThanks. I've "
           "put $tt $ps on the list for the vestibular rehabilitation clinic on $dt.\n"
           "Shared folder (images): $url\nBest wishes\n$a\nAudiovestibular Physician, $org | $tel")
    return d.render(tpl, ae=E("EMAIL", email(r, a, MAIL.get(a.region, "nhs.net"))),
                    be=E("EMAIL", email(r, b, "nhs.net")),
                    pt=P(pt, pt.full()), mrn=E("ID", mrn(r)), bg=P(b, b.given),
                    tt=title(pt), ps=P(pt, pt.sur()),
                    dt=E("DATE", date(r)), a=P(a, a.full()),
                    org=E("ORG", org(r, a.region if a.region != "wordnames" else "brittany")),
                    tel=E("PHONE", phone(r, a.region)),
                    url=E("URL", "https://share.nhs.net/s/%s%s" % (digits(r, 4), "".join(
                        r.choice("abcdefghkmnpqrstuvwxyz") for _ in range(6)))))


def t_mdt_minutes(d):
    r = d.rng
    pt, c1, c2, c3 = d.person(), d.person(), d.person(), d.person()
    tpl = ("Neuro-oncology MDT minutes, $dt. Present: $c1 (chair), $c2, $c3, CNS team.\n"
           "Case: $pt, $age, right temporal lesion involving Heschl's gyrus. $c2s felt the "
           "imaging favours high-grade glioma. $c3s to discuss biopsy with $pg and family; "
           "$c1i to write to GP.")
    return d.render(tpl, dt=E("DATE", date(r)), c1=P(c1, c1.full()), c2=P(c2, c2.full()),
                    c3=P(c3, c3.full()), pt=P(pt, pt.full()),
                    age=E("AGE", age_str(r, r.randint(28, 93))), c2s=P(c2, c2.sur()),
                    c3s=P(c3, c3.sur()), pg=P(pt, pt.given), c1i=P(c1, c1.initials()))


def t_compte_rendu(d):
    r = d.rng
    pt = d.person(region=r.choice(["brittany", "luxembourg", "chad", "guinea", "gabon",
                                   "congo", "comoros", "niger"]))
    dr = d.person()
    tpl = ("Compte rendu de consultation - $org\nPatient(e) : $pt, né(e) le $dob, $age\n"
           "Adressé(e) par le Dr $dr pour dyspnée d'effort. Souffle systolique 3/6. "
           "Échographie : maladie d'Ebstein probable, à confirmer par IRM.\n$tt $ps sera "
           "revu(e) le $rdv.\nTél. patient : $tel")
    tt = "M." if pt.sex == "m" else "Mme"
    a = r.randint(90, 99)
    return d.render(tpl, org=E("ORG", org(r, pt.region)), pt=P(pt, pt.comma(upper=True)),
                    dob=E("DATE", dob_for_age(r, a, style="fr")), age=E("AGE", "%d ans" % a),
                    dr=P(dr, dr.full()), tt=tt, ps=P(pt, pt.sur()),
                    rdv=E("DATE", date(r, style="fr")), tel=E("PHONE", phone(r, pt.region)))


def t_ihs_note(d):
    r = d.rng
    pt = d.person(region="cherokee")
    prov = d.person()
    tpl = ("Outpatient note - $org\nPatient: $pt   DOB: $dob   Tribal enrollment no.: $trib   "
           "SSN: $ssn\nHome: $addr\nDiabetes review. A1c 8.9%. Feet: callus L 1st MTP, "
           "monofilament intact. $pg prefers the evening injection on weekends.\n"
           "Provider: $prov, FNP")
    return d.render(tpl, org=E("ORG", org(r, "cherokee")), pt=P(pt, pt.full()),
                    dob=E("DATE", dob(r, style="dmy/")), trib=E("ID", digits(r, 6)),
                    ssn=E("SSN", ssn(r, "us")), addr=E("LOCATION", address(r, "cherokee")),
                    pg=P(pt, pt.given), prov=P(prov, prov.full()))


def t_hk_label(d):
    r = d.rng
    reg = r.choice(["hongkong", "taiwan"])
    pt = d.person(region=reg)
    doc = d.person()
    lab = "HKID" if reg == "hongkong" else "National ID"
    tpl = ("Patient label (scanned): $pt   $lab $sid   Sex/Age: $sex/$age   Adm: $adm\n"
           "Ward: 9A   Bed: 21   Case no.: $case\nAttending: Dr $doc   $org")
    return d.render(tpl, pt=P(pt, pt.sur().upper() + " " + pt.given.upper()), lab=lab,
                    sid=E("SSN", ssn(r, reg)), sex=pt.sex.upper(),
                    age=E("AGE", "%dY" % r.randint(60, 99)), adm=E("DATE", date(r, style="dmy/")),
                    case=E("ID", "HN" + digits(r, 8)), doc=P(doc, doc.full()),
                    org=E("ORG", org(r, reg)))


def t_luxembourg_lab(d):
    r = d.rng
    pt = d.person(region=r.choice(["luxembourg", "macedonia", "brittany"]))
    tpl = ("Laborbefund / Résultats - $org\nNom: $pt   Matricule: $mat   Né le: $dob\n"
           "Frottis sanguin: neutrophiles hyposegmentés (aspect Pelger-Huët). "
           "Contrôle conseillé.\n"
           "Validé par: $bio, $dt")
    bio = d.person()
    sid = "macedonia" if pt.region == "macedonia" else ("brittany" if pt.region == "brittany"
                                                         else "luxembourg")
    return d.render(tpl, org=E("ORG", org(r, pt.region)), pt=P(pt, pt.comma(upper=True)),
                    mat=E("SSN", ssn(r, sid)), dob=E("DATE", dob(r, style="dmy.")),
                    bio=P(bio, bio.i_sur()), dt=E("DATE", date(r, style="dmy.", time=True)))


PII_TEMPLATES = [
    t_clinic_letter, t_op_note, t_path_report, t_med_rec, t_discharge, t_flowsheet,
    t_phone_msg, t_mdt_list, t_consent, t_pharmacy_query, t_dicom_kv, t_dicom_panel,
    t_dicomweb, t_ocr_overlay, t_caption_photo, t_caption_visible, t_chat, t_pager, t_hl7_adt,
    t_hl7_orm, t_csv, t_audit, t_bed_board, t_theatre, t_sbar, t_safeguarding, t_incident,
    t_prescription, t_path_request, t_vaccination, t_care_home, t_slt, t_messaging_ocr,
    t_referral_email, t_mdt_minutes, t_compte_rendu, t_ihs_note, t_hk_label, t_luxembourg_lab,
]


# ---------------------------------------------------------------------------------------------
# Texts without identifiers (traps). Each returns plain text; no span is expected.

def pick(r, *opts):
    """One of the variants, or all of them when r is None."""
    return list(opts) if r is None else r.choice(opts)


def x_neuro(r):
    return pick(
        r,
        "Neurology review: acalculia, agraphia, finger agnosia and left-right confusion - a "
        "Gerstmann picture, so a dominant parietal lesion is likely. No Balint features "
        "(simultanagnosia, optic ataxia). Will arrange MRI and see after.",
        "Ophthalmoplegia, ataxia and drowsiness after a diarrhoeal illness. Bickerstaff "
        "brainstem encephalitis is the working diagnosis; anti-GQ1b sent. Mark the fluid "
        "balance chart hourly.",
        "Friedreich ataxia confirmed (GAA repeat expansion). Echo shows concentric LVH. "
        "Hope to keep walking with two sticks; physio to review the ankle-foot orthoses.",
        "Ptosis, progressive external ophthalmoplegia and retinal pigmentation before 20: "
        "Kearns-Sayre syndrome. ECG: bifascicular block - cardiology asked about pacing.",
        "Lesion abuts Heschl's gyrus and the nucleus basalis of Meynert is spared. Foramina of "
        "Luschka patent, no hydrocephalus. Schwann cell tumour of the eighth nerve excluded.",
    )


def x_eyes_genetics(r):
    return pick(
        r,
        "Terson syndrome: bilateral vitreous haemorrhage following the subarachnoid bleed. "
        "Vitrectomy may be considered if no clearing by three months.",
        "Stickler syndrome - high myopia, cleft palate repaired in infancy, early arthropathy. "
        "Annual retinal check; avoid contact sports.",
        "Alagille features: butterfly vertebrae, posterior embryotoxon and peripheral pulmonary "
        "stenosis. Bile acids raised; pruritus improving on rifampicin.",
        "Craniosynostosis clinic: Apert (syndactyly of hands and feet) versus Crouzon (normal "
        "hands). Both discussed with the family; genetics to confirm FGFR2 variant.",
        "Cowden syndrome surveillance: thyroid ultrasound, breast MRI and colonoscopy as per "
        "protocol. Trichilemmomas noted on the face.",
    )


def x_cardio(r):
    return pick(
        r,
        "Echo: apically displaced septal tricuspid leaflet - Ebstein anomaly - with moderate TR "
        "and a small ASD. Native anatomy, no previous surgery.",
        "Repaired tetralogy of Fallot; pulmonary regurgitation now severe, RV dilated. Refer "
        "for pulmonary valve replacement.",
        "Eisenmenger physiology: cyanosis, clubbing, reversed shunt. Avoid pregnancy; "
        "Mirena discussed and preferred over Nexplanon.",
        "Lutembacher syndrome (ASD with mitral stenosis) - rare. Libman-Sacks endocarditis "
        "also in the differential given the lupus history.",
        "Carney complex: atrial myxoma resected, spotty skin pigmentation, PPNAD on adrenal "
        "imaging. Annual echo recommended.",
    )


def x_path(r):
    return pick(
        r,
        "Blood film: Pappenheimer bodies and target cells consistent with hyposplenism. "
        "Occasional Döhle bodies in neutrophils. No blasts.",
        "Neutrophils are bilobed (Pelger-Huët-like); ?pseudo-Pelger in myelodysplasia - "
        "marrow advised.",
        "Lymph node: sinus histiocytosis with emperipolesis, S100 positive - Rosai-Dorfman "
        "disease. Erdheim-Chester is not favoured (no BRAF staining).",
        "Eosinophilic vasculitis with asthma and sinusitis: eosinophilic granulomatosis with "
        "polyangiitis (Churg-Strauss). ANCA negative.",
        "Enchondromas of the hand (Ollier disease) with soft-tissue haemangiomas would suggest "
        "Maffucci syndrome; none seen here.",
    )


def x_surgery(r):
    return pick(
        r,
        "Critical view of safety achieved (Strasberg) before clipping. Rebound tenderness "
        "(Blumberg sign) resolved post-op. Grace period for the wound check is 48 h.",
        "Recurrent inguinal hernia - previous Bassini; plan a preperitoneal (Stoppa) mesh. "
        "Cooper's ligament fixation discussed.",
        "Full-thickness rectal prolapse in a frail patient: Delorme's versus Altemeier - "
        "perineal approach preferred, avoids laparotomy.",
        "Chronic pancreatitis with a dilated duct: Puestow versus Frey procedure discussed at "
        "the HPB meeting. Nutrizym dose to increase meanwhile.",
        "Achalasia type II: laparoscopic Heller myotomy with an anterior partial fundoplication "
        "offered. Alternatively peroral endoscopic myotomy.",
        "Three-stage oesophagectomy (McKeown) - neck anastomosis leak, managed conservatively.",
        "Ménétrier disease: giant gastric folds, protein-losing. Ogilvie syndrome on day 4 "
        "settled with neostigmine.",
    )


def x_renal_paeds(r):
    return pick(
        r,
        "Hypokalaemic metabolic alkalosis with normal BP: a Bartter-type tubulopathy; "
        "with hypertension and low renin think Liddle syndrome. Genetics requested.",
        "Cortical hyperostosis of the mandible and ulnae in a young infant - Caffey disease "
        "considered once non-accidental injury has been excluded.",
        "Tibia vara, worse on the left. Infantile Blount disease; bracing then review.",
        "Pigeon chest (pectus carinatum) - bracing rather than surgery. Will see again in "
        "six months.",
        "Ogilvie-type pseudo-obstruction on day 4 after hip fixation; caecum 11 cm. Neostigmine "
        "given with monitoring, flatus within the hour.",
    )


def x_brands(r):
    return pick(
        r,
        "Epilepsy plan: Sabril for the infantile spasms, Zonegran added for focal seizures. "
        "May need levels if breakthrough.",
        "PD: Stalevo 100 five times daily, Neurontin at night for neuropathic pain. "
        "Dementia: Ebixa tolerated, Reminyl stopped (nausea).",
        "Analgesia ladder: Palexia SR, Targinact, Butec and Transtec patches, Abstral and "
        "Instanyl for breakthrough. Choose one long-acting opioid only.",
        "Bowel prep options: Picolax, Moviprep or Plenvu. Dulcolax suppository the night before "
        "if constipated.",
        "Enteral feeds stocked on the unit: Fresubin, Scandishake, Peptamen, Pulmocare, Procal "
        "shots, Renapro and Nepro for renal patients.",
        "Vascular access: Vygon midlines and Teleflex PowerPICC lines in the cupboard by the "
        "sluice; Jaydess and Mirena coils in gynae clinic store.",
    )


def x_wordnames(r):
    return pick(
        r,
        "CT angiogram: 6 mm berry aneurysm at the anterior communicating artery. Neurosurgery "
        "to discuss coiling.",
        "Social history: retired painter and decorator, keen gardener, lives alone in a "
        "warden-controlled flat. Independent with ADLs.",
        "Professional singer with hoarseness for 6 weeks. Vocal cord nodules on laryngoscopy; "
        "voice therapy first.",
        "Best interests meeting held. A Deprivation of Liberty Safeguards application has "
        "been made; criminal justice liaison team not involved.",
        "Cystoscopy: indigo carmine given IV to confirm ureteric jet patency - both seen.",
        "Ischial bursitis (weaver's bottom) in a sedentary patient; cushion and NSAID gel.",
        "Works as a contractor; biomedical engineer checked the infusion pump - no fault "
        "found. Will retry tomorrow.",
        "CMV colitis: owl's eye inclusions on biopsy. Ganciclovir started.",
        "Paraquat ingestion: fuller's earth given in ED, then toxicology advice. Brewer's yeast "
        "tablets found at home, irrelevant.",
        "Occupation: textile dyer for 30 years (aromatic amines) - haematuria clinic fast-track.",
    )


def x_common_words(r):
    return pick(
        r,
        "Will review in the morning. Mark the site before the list. Hope to step the oxygen "
        "down to 1 L. Bill of materials for the new pumps went to procurement.",
        "May need a repeat INR. Iris: round and reactive bilaterally. Rose-coloured macules on "
        "the trunk fading.",
        "Clinic reopens in June after the refurbishment. Grace period for the parking permits "
        "is two weeks.",
        "Patient states she will 'grin and bear it'. Frank haematuria resolved. Sterile field "
        "maintained.",
        "Plan: mobilise. Drink 2 L/day. Daily weights. Review bloods. Hope for discharge once "
        "the stoma nurse has seen.",
    )


def x_chat(r):
    return pick(
        r,
        "can someone grab the bladder scanner from 7b pls, ta x",
        "anyone know if pharmacy is open till 8 tonight? need Sabril for bay 2",
        "fyi the hoist battery on heschl ward is dead, charger in the sluice",
        "who has the CD keys?? will need them at 10 for the Butec change",
        "pls mark the fluid chart, will do the 2pm ones",
        "bleep holder: pls ring switch re the broken pager, not urgent",
        "will someone swap the Peptamen bag on the pump in side room 3? its beeping",
        "grace period on the mandatory training ends friday, may be worth doing the fire one",
    )


def x_hl7(r):
    return pick(
        r,
        "OBX|1|NM|2823-3^Potassium^LN||4.1|mmol/L|3.5-5.3|N|||F\n"
        "OBX|2|NM|2160-0^Creatinine^LN||88|umol/L|45-90|N|||F",
        "OBR|1|||BLDCUL^Blood culture^LOCAL\nOBX|1|ST|600-7^Bacteria identified^LN||"
        "Staphylococcus epidermidis||||||F\nNTE|1||Probable contaminant",
        "DG1|1||K86.1^Other chronic pancreatitis^I10\nDG1|2||K31.89^Other diseases of stomach "
        "(Menetrier)^I10\nPR1|1||0DB60ZX^Excision of stomach^ICD10PCS",
        "RXO|SABR500^Sabril 500 mg tablet^LOCAL|500||mg\nRXR|PO^Oral^HL70162",
    )


def x_csv(r):
    return pick(
        r,
        "ward,beds_open,escalation,staff_gap\nHESCHL,24,amber,1 RN\nMEYNERT,18,green,0\n"
        "THATCHER,12,red,2 HCA",
        "drug,strength,stock,reorder_level\nPalexia SR,50 mg,84,60\nTarginact,10/5 mg,31,40\n"
        "Nutrizym 22,capsule,400,300",
        "metric;value\nfalls_per_1000_bed_days;3.4\npressure_ulcers_cat2plus;1\ncdiff_cases;0",
        "site,procedure,count\nTheatre 4,Stoppa repair,6\nTheatre 4,Delorme's,3\n"
        "Day unit,Heller myotomy,2",
    )


def x_ocr(r):
    return pick(
        r,
        "L  PA ERECT\nkV 11O mAs 2.5  SlD 18Ocm",
        "R\nAP SUPINE MOBILE  DAP 0.41 dGy.cm2",
        "SAG T2 FS  TR 3200 TE 85  sl 4.0mm\nFOV 24O",
        "US  L1-5  MI O.9  TIs 0.3\nLIVER  LONG",
        "CT HEAD W/O  120kV  |  W:8O L:4O",
        "ECG 25mm/s 10mm/mV  0.5-40Hz\nSINUS RHYTHM  RATE 72",
    )


def x_caption(r):
    return pick(
        r,
        "A whiteboard in the nurses' station lists the safety huddle: 0 falls, 1 pressure "
        "ulcer, 'hydration hero' sticker, and 'Heschl Ward - visiting 2-8pm'.",
        "A volunteer's badge reads 'VOLUNTEER - ask me' next to a wheelchair.",
        "Photo of a drug trolley with Stalevo, Ebixa and Reminyl boxes on the top shelf.",
        "A door sign says 'CLEAN UTILITY - authorised staff only'.",
        "A wristband on a teddy bear reads 'PATIENT FRIEND', no other text visible.",
        "Photo of a pigeon chest deformity in profile, no face or label in frame.",
    )


TRAP_TEMPLATES = [x_neuro, x_eyes_genetics, x_cardio, x_path, x_surgery, x_renal_paeds,
                  x_brands, x_wordnames, x_common_words, x_chat, x_hl7, x_csv, x_ocr, x_caption]

# Phrases in which a word-name of the pool is an ordinary word (masked before the checks).
DECLARED = ["thatcher unit", "berry aneurysm", "painter and decorator", "keen gardener",
            "professional singer", "liberty safeguards", "indigo carmine", "cooper's ligament",
            "weaver's bottom", "pigeon chest", "owl's eye", "biomedical engineer",
            "as a contractor", "warden-controlled", "fuller's earth", "textile dyer",
            "brewer's yeast", "criminal justice", "thatcher,"]

# Trap terms, brands, units and coded words this corpus introduces (checked against the earlier
# generators like the names).
TRAP_TERMS = [
    "Gerstmann", "Balint", "Bickerstaff", "Friedreich", "Kearns", "Sayre", "Terson", "Stickler",
    "Alagille", "Apert", "Crouzon", "Cowden", "Carney", "Ollier", "Maffucci", "Caffey", "Blount",
    "Ebstein", "Fallot", "Eisenmenger", "Lutembacher", "Libman", "Heschl", "Meynert", "Luschka",
    "Schwann", "Ménétrier", "Menetrier", "Ogilvie", "Bartter", "Liddle", "Churg", "Rosai",
    "Dorfman", "Erdheim", "Pappenheimer", "Döhle", "Pelger", "Delorme", "Altemeier", "Bassini",
    "Stoppa", "Puestow", "Frey", "Heller", "McKeown", "Strasberg", "Blumberg", "Sabril",
    "Zonegran", "Stalevo", "Ebixa", "Reminyl", "Palexia", "Targinact", "Butec", "Transtec",
    "Abstral", "Instanyl", "Picolax", "Moviprep", "Plenvu", "Nutrizym", "Pancrex", "Fresubin",
    "Scandishake", "Peptamen", "Pulmocare", "Procal", "Renapro", "Nepro", "Nexplanon", "Jaydess",
    "Mirena", "Vygon", "Teleflex", "PowerPICC", "Neurontin", "Dulcolax", "trichilemmomas",
    "emperipolesis", "embryotoxon", "simultanagnosia", "hyposegmentés",
]

# Generic words of organisation and place names (not checked against the earlier generators).
GENERIC = set(tokens(
    "hospital hôpital clinic centre center general national university universitaire medical "
    "memorial regional district central clinical republican care home hospice surgery practice "
    "road court ltd affiliated first children for the of de la du des le l' d' st saint sint "
    "indian "
    "mère enfant maternité hospitalier klinik klinička bolnica veterans north eastern west "
    "east south city lands ziekenhuis new indian quartier flat block estate avenue harbour "
    "street rue route house no lot sec ln rd dist ave ul kv bul chu civil long"))


# ---------------------------------------------------------------------------------------------
# Generation.

def build():
    rng = random.Random(SEED)
    pool = Pool(rng)
    out = []
    meta = []
    seen = set()
    order = []
    while len(order) < N_PII:
        batch = list(PII_TEMPLATES)
        rng.shuffle(batch)
        order.extend(batch)
    order = order[:N_PII]
    pii = []
    for f in order:
        for _ in range(50):
            d = Doc(rng, pool)
            text, ents = f(d)
            if text not in seen:
                break
        else:
            fail("could not make a new text with " + f.__name__)
        seen.add(text)
        pii.append((text, ents, d, f.__name__))
    traps = [t for f in TRAP_TEMPLATES for t in f(None)]
    if len(set(traps)) != len(traps):
        fail("duplicate trap variants")
    traps = rng.sample(traps, N_TRAP)
    items = [("pii", x) for x in pii] + [("trap", t) for t in traps]
    rng.shuffle(items)
    for i, (k, x) in enumerate(items):
        tid = "blind6-%03d" % (i + 1)
        if k == "trap":
            out.append({"id": tid, "text": x, "entities": []})
            meta.append(dict(ents=[], ocr=False, template="trap"))
            continue
        text, ents, d, name = x
        ids = {}
        spans = []
        for (s, e, kind, who, surf) in sorted(ents, key=lambda t: (t[0], t[1])):
            ent = {"start": s, "end": e, "type": kind}
            if kind == "PERSON":
                if id(who) not in ids:
                    ids[id(who)] = "p%d" % (len(ids) + 1)
                ent["person"] = ids[id(who)]
            spans.append(ent)
        out.append({"id": tid, "text": text, "entities": spans})
        meta.append(dict(ents=sorted(ents, key=lambda t: (t[0], t[1])), ocr=d.ocr, template=name))
    return out, meta, pool


# ---------------------------------------------------------------------------------------------
# Self-check.

def earlier_sources():
    here = os.path.abspath(__file__)
    files = sorted(glob.glob(os.path.join("sanitizer", "corpus", "generate*.py")))
    files = [f for f in files if os.path.abspath(f) != here]
    if len(files) < 8:
        fail("expected the eight earlier generators next to this one (run from the repo root)")
    texts = [open(f, encoding="utf-8").read() for f in files]
    with open(os.path.join("sanitizer", "corpus", "names.json"), encoding="utf-8") as fh:
        names = json.load(fh)
    for v in names.values():
        texts.append(" ".join(v))
    return texts


def mask(text, spans):
    chars = list(text)
    for s, e in spans:
        for i in range(s, e):
            chars[i] = " "
    low = "".join(chars).lower()
    for ph in DECLARED:
        low = low.replace(ph, " " * len(ph))
    return low


# A Mauritian town made of two common English words (a deliberate LOCATION trap).
PLACE_EXEMPT = {"Rose Hill"}


def check(out, meta, pool):
    # 1. Nothing of this corpus's vocabulary occurs in the earlier generators or names.json.
    srcs = earlier_sources()
    earlier = set()
    for t in srcs:
        earlier |= set(tokens(t))
    earlier_low = "\n".join(srcs).lower()
    names = pool.name_words()
    probe = {w for w in names if len(w) > 2}
    probe |= {w for t in TRAP_TERMS for w in tokens(t) if len(w) > 2}
    clash = sorted(probe & earlier)
    if clash:
        fail("name parts or trap terms found in earlier generators or names.json: "
             + ", ".join(clash))
    bad = []
    for phrase in [o for v in ORGS.values() for o in v] + [p for v in PLACES.values() for p in v]:
        if re.search(r"(?<!\w)" + re.escape(phrase.lower()) + r"(?!\w)", earlier_low):
            fail("organisation or place found in earlier generators: " + phrase)
        keys = [w for w in tokens(phrase) if w not in GENERIC and len(w) > 2]
        if keys and all(w in earlier for w in keys) and phrase not in PLACE_EXEMPT:
            fail("organisation or place made only of words of earlier generators: " + phrase)
        hit = [w for w in keys if w in earlier and phrase not in PLACE_EXEMPT]
        if hit:
            bad.append("%s (%s)" % (", ".join(hit), phrase))
    if bad:
        fail("organisation or place key words found in earlier generators: " + "; ".join(bad))
    # 2. Shape.
    if len(out) != N_PII + N_TRAP:
        fail("expected %d texts, got %d" % (N_PII + N_TRAP, len(out)))
    if len({o["id"] for o in out}) != len(out) or len({o["text"] for o in out}) != len(out):
        fail("ids or texts not unique")
    with_names = sum(1 for o in out if any(e["type"] == "PERSON" for e in o["entities"]))
    empty = sum(1 for o in out if not o["entities"])
    if (with_names, empty) != (N_PII, N_TRAP):
        fail("shape %r, expected %r" % ((with_names, empty), (N_PII, N_TRAP)))
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
                        if tok in parts:
                            continue
                        if all(c in inits for c in tok) and len(tok) <= 4:
                            continue
                        fail("%s: mention %r is not a form of its person" % (tid, sl))
        low = mask(text, [(e["start"], e["end"]) for e in ents])
        rest = set(tokens(low))
        for raw in m["ents"]:
            if raw[2] == "PERSON":
                leak = {w for w in raw[3].parts() if len(w) > 2 and w not in PARTICLES} & rest
                if leak:
                    fail("%s: name part outside a span: %s" % (tid, ", ".join(sorted(leak))))
        leak = {w for w in rest if len(w) > 2} & names
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
