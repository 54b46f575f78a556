#!/usr/bin/env python3
"""Deterministic generator for the sanitizer's eighth BLIND corpus (blind8.jsonl), the
eleventh corpus overall.

Run from the repository root:  python3 sanitizer/corpus/generate_blind8.py
Output is byte-identical on every run (own seed, no clock, no environment, no hash order).

Blind by construction: written without reading the sanitizer's source, without running the
sanitizer, its bench or its failures example on this corpus, and without opening
generate_blind7.py or blind7.jsonl (another held-out set). It is meant to be scored ONCE,
later, by someone other than its author; until then it is parsed only (the shape test in
sanitizer/tests/corpus.rs). Templates, word lists and names share nothing by design with
generate.py (dev), generate_heldout.py (heldout), generate_test.py (test),
generate_blind.py .. generate_blind6.py, blind.jsonl .. blind6.jsonl and names.json: the
self-check at the end refuses any pool name part, nickname, name in another script, trap
term, organisation key word, place or address word found (as a whole word,
case-insensitive) in those files. Only the name particle "Aït" and one- or two-letter tokens
are exempt. Since blind7 could not be read, the regions below are ones no earlier generator
lists and that are unusual enough not to be an obvious next choice.

Overlap with blind7, found afterwards: the scorer compared the gold PERSON spans of both
corpora and found 22 name tokens in common, from four regions both had drawn on (Sardinia,
Tuva, Meghalaya's Khasi and Garo names, Ao Naga) and the word-name "Walling". Those four
regions were replaced by Friesland, Okinawa, Yucatán (Maya) and the Lancaster County Amish:
traditions no earlier generator lists, and neither among nor next to the regions the scorer
named for blind7. "Walling" was replaced by the Maya surname Yam (not an English name that
is an ordinary word). The self-check refuses the 22 shared tokens anywhere in the corpus.

Genres and their sentence shapes (300 texts: 220 naming a person, 80 with no identifier):
ambulance pre-alerts and ATMIST handovers, dental charts (UR / UL / LR / LL quadrant grids,
BPE) and dental chart notes, ophthalmology letters (VA, IOP, "Dear Dr ...") and orthoptic
notes, audiology notes and referrals, physiotherapy goal sheets, hospice night notes,
day-hospice notes and two long (~110-120 word) hospice narratives (admission summary,
evening home visit), clinical-trial screening logs (initials and dates of birth in a pipe
table), research and biobank consent forms (initials in boxes), genetic pedigree notes
(relatives by role only next to named relatives), birth notifications and registrations,
death-certification (MCCD) drafts, cremation forms and medical-examiner scrutiny notes,
infection-control line lists (CSV), occupational-health reports and pre-placement checks,
school-nurse notes and hearing screens, telehealth transcripts with speaker labels (the
label is the surname in capitals), translated patient messages signed in the patient's own
script (Cyrillic, Syriac, Tifinagh, katakana), e-mail threads with signatures and quoted headers,
DICOM SR dumps (``FAMILY^GIVEN^MIDDLE`` person names), LIMS tab-separated exports,
pharmacy-robot labels, wristband OCR and radiology-overlay OCR with OCR noise (0/O, 1/l,
case flips, dropped spaces, stray marks), whiteboard OCR of a bay, photo captions,
lower-case staff chat (nicknames, initials), three-word notes ("cc Ebisa Dinsa"),
interpreter bookings, bereavement-office notes, property logs and "Tell Us Once" notes,
identity checks with national personal codes, and Yucatec community-nursing notes where
the honorific "don" / "doña" precedes the given name.

Names were listed by hand, as commonly borne in these traditions (general knowledge of
public name lists, registers and naming studies; nothing was downloaded):
- Upper Sorbian (Lusatia): Měrćin, Jurij, Hańža, Madlena; surnames with their female forms
  (Krawc / Krawcowa, Šołta / Šołćina, Wjela / Wjelina, Brězan / Brězanowa);
- Sakha (Yakutia): Aiaal, Aital, Sardana, Nyurguyana, Tuyaara; Ammosov, Everstov,
  Gotovtsev, Sleptsov, Vinokurov (with -a female forms);
- Hmong (Wisconsin, California): clan names Xiong, Moua, Lor, Khang, Kue, Vang, Thor and
  given names Pheng, Xeng, Chue, Pa Nhia, Zoua, Youa, Kia, Bao (sometimes clan name first);
- S'gaw Karen (Thai border camps): mononymous two-word names (Ler Htoo, Thaw Thi, Hser Paw,
  Paw Lah, Mu Htee), without the Saw / Naw prefixes;
- Mapuche (Araucanía): Huenchumilla, Painequeo, Ñancupil, Catrileo, Lemunao, Curihuinca,
  double surnames (Catrileo Huaiquimil); Nahuel, Lautaro, Ayelén, Millaray, Rayén, Relmu;
- Oromo: given name + father's given name (Gemechu, Lelisa, Chaltu, Biftu, Hawi; Gudeta,
  Wakjira, Regassa, Tolessa);
- Friesland: Frisian -stra / -ma / -ia surnames (Terpstra, Wiersma, Boersma, Hiemstra,
  Jellema, Bergsma, Tuinstra, Zijlstra, Yntema, Sikkema, Wijnia, Kingma, as in the Meertens
  Instituut surname database) and Frisian given names (Tjeerd, Hylke, Wytze, Durk, Auke,
  Sietse, Folkert, Oebele; Sytske, Baukje, Froukje, Jeltje, Gerbrich, Tjitske, Ymkje,
  Wiepkje);
- Yucatán (Maya): Maya surnames, alone or paternal + maternal (Canul, Pech, Cocom, Dzul,
  Poot, Tzab, Xool, Couoh, Cauich, Canché, Huchim, Chablé, Caamal, Ucán, Euán, Balam, Yam,
  Tun; Canul Pech), as in INEGI / civil-register surname counts for Yucatán, with Spanish
  given names of the peninsula (Wilberth, Eleuterio, Anselmo, Jacinto; Ligia, Mirna,
  Maricruz, Rosaura, Ofelia, Felícitas, Nicolasa);
- Mi'kmaq (Nova Scotia): Sylliboy, Googoo, Prosper, Denny, Knockwood, Jeddore, Battiste,
  Poulette, Peter-Paul; Wilfred, Darlene, Cheryl, Theresa;
- Rapa Nui: Pakarati, Tuki, Hotus, Atan, Teao, Haoa, Paoa, Rapu, Tepano, Riroroko; Petero,
  Uri, Hinariru, Vaitiare;
- Kalmykia: Badmaev, Sangadzhiev, Mandzhiev, Bembeev, Erdniev, Ulyumdzhiev, Dordzhiev,
  Tsebekov (-a female); Sanal, Baatr, Mergen, Delgir, Bulgun, Kermen, Altana, Elzyata;
- Okinawa (Ryukyu): Okinawan surnames (Higa, Kinjo, Oshiro, Shimabukuro, Tamaki, Chinen,
  Nakasone, Yonamine, Teruya, Aragaki, Uehara, Miyagi, Gushiken, Zukeran; common in the
  prefecture's surname rankings), men's names of the older generation (Seikichi,
  Seitoku, Chōshin, Chōjun, Kōsei) and the women's names of Okinawans born before the
  1930s, registered in katakana (Ushi, Kamado, Tsuru, Kama);
- Romansh (Graubünden): Caduff, Derungs, Cathomen, Cavegn, Tuor, Candinas, Capaul,
  Deplazes, Caminada, Sialm; Gion, Giusep, Curdin, Duri, Gieri, Mengia, Ursina, Flurina;
- Kashubia: Drzeżdżon, Formela, Gruchała, Bigus, Labuda, Konkel, Necel, Kotłowski /
  Kotłowska, Gliszczyński / Gliszczyńska; Zdzisław, Mieczysław, Grażyna, Teofila;
- Lancaster County Amish (Pennsylvania Dutch): Stoltzfus, Beiler, Zook, Esh, Glick, Riehl,
  Smucker, Petersheim, Ebersol, Kauffman, Byler, Hershberger, Yoder (US Census surname
  counts, Amish directories); Amos, Elam, Benuel, Mose, Jonas, Ephraim; Sadie, Malinda,
  Fannie, Mattie, Katie, Barbie, Lydia, Naomi;
- Chamorro (Guam): Taitano, Aguon, Quitugua, Manibusan, Taimanglo, Mafnas, Quinata,
  Sablan; Vicente, Eusebio, Rosalia, Soledad, Engracia, Candelaria;
- Nenets (Yamal): Okotetto, Laptander, Serotetto, Vanuyto, Yaptik, Salinder, Taibari,
  Khudi; Tikhon, Grigory, Kapitolina, Yevdokiya, Anisya, Matryona;
- Kabylia: Aït Menguellet, Aït Saadi, Belaïd, Haddadi, Amrouche, Mammeri, Ouali; Ameziane,
  Lounès, Idir, Mouloud, Tassadit, Ouardia, Dihya, Tafsut, Taous;
- Assyrian (Nineveh Plains and the diaspora): Khoshaba, Odisho, Youkhana, Yalda, Benyamin,
  Shlimon; Ninos, Shamiram, Nahrain, Warda, Ramina;
- Wayuu (La Guajira): clan surnames Epiayu, Uriana, Ipuana, Pushaina, Epieyu, Jayariyu,
  Uliana, Epinayu; Eulises, Nemesio, Ovidio, Yoleida, Mileidys, Yasmelis;
- English surnames that are medical words (Heal, Cure, Coffin, Cramp, Bowell) with Ambrose,
  Lionel, Fenwick, Winifred, Philippa (Lincolnshire addresses).
Nicknames: Nyura, Shami, Měrko, Pip, Chinto, Feli, Mindy, Riru. Names in another script:
Сардана, Айтал, カマド, Делгр, Капитолина, ܫܠܝܡܘܢ, ⵜⴰⵙⵙⴰⴷⵉⵜ, ⵉⴷⵉⵔ. Names that are also
English or medical words: Heal, Cure, Coffin, Cramp, Yam, Tun, Prosper, Kia, Bao, Yer, Pip.

The 80 texts without identifiers are traps: eponyms no earlier corpus used
(Posner-Schlossman, Vogt-Koyanagi-Harada, Axenfeld-Rieger, Schlemm, Duane, Möbius, Leber,
Tenon, Arlt, Carhart, Stenger, Schwabach, Toynbee, Politzer, Halmagyi, Fukuda, Gufoni,
Lempert, Pendred, Jervell and Lange-Nielsen, Reissner, Eagle, Papillon-Lefèvre, Gorlin,
Rivinus, Beckwith-Wiedemann, Smith-Lemli-Opitz, Cornelia de Lange, Rubinstein-Taybi,
Wolf-Hirschhorn, Sotos, Kabuki, Waardenburg, Usher, Köhler, Panner, Kümmell, Lancefield,
Vincent, Chagas, Petri, Heimlich), drug, vaccine and device brands (Azarga, Xalatan,
Simbrinza, Hylo-Forte, Iluvien, Phonak, Oticon, Widex, Signia, Sensodyne, TheraBand,
Kinesio, Dificlir, Vancocin, Meronem, Zerbaxa, Engerix, Twinrix, Revaxis, Priorix,
Varivax, Nozinan, Kwells, Tecentriq, Imfinzi, Jext, Emerade, EpiPen, Easyhaler, Clenil),
units and wards named after people or words (Lancefield Suite, Mulberry Unit, Bing Ward,
Usher Ward), this corpus's word-names used as words ("coffin-lid crystals", "night
cramps", "slow to heal", "no cure", "yam and plantain", "mash tun", "a Kia", "steamed
bao", "lemon pip", "yer man", "ok lah"), role-only pedigrees, an outbreak summary, OCR of
overlays and charts without a name, captions without a name, staff chat without names,
and two-word notes.

Conventions of the gold spans (the same as generate_blind6.py's, so that scores compare;
offsets in Unicode code points):
- PERSON spans cover the name only, never a title (Dr, Mr, Ms) or the honorific don /
  doña, and never a possessive 's; a DICOM or LIMS ``FAMILY^GIVEN^MIDDLE`` value and a
  ``FAMILY, Given`` value are one span each; initials standing for a person (screening
  logs, LIMS authorisers, consent boxes, chat) are PERSON; a telehealth speaker label is a
  mention of that speaker; a name in another script is a mention of the same person;
  clinicians, relatives, registrars, interpreters and chaplains are people too; a name
  inside an e-mail address is part of the EMAIL span only;
- AGE spans cover the number with its attached unit ("93-year-old", "91yo", "089Y") but not
  a following "old"; a bare number in an age column, after "Age" or "aged", or in brackets
  after a name ("Ushi Higa (95)") is the whole span;
- DATE spans cover a full date in whatever format, with a time written with it; DICOM and
  LIMS dates and timestamps (19310921, 20240405163000) are DATEs;
- LOCATION spans cover a street address from its first word to its postcode as one span, or
  a town named alone; ORG spans cover the whole name of a hospital, clinic, hospice or
  employer, also when it holds a person's name ("Carl-Thiem-Klinikum Cottbus", "Hospital
  General Agustín O'Horán", "Hospital Hernán Henríquez Aravena");
- ID, PHONE, EMAIL, SSN spans cover the value only, not its label. SSN is used for national
  personal codes (Swiss AHV number, Polish PESEL, German tax id, Russian SNILS, Dutch
  BSN, Japanese individual number, Mexican CURP, Chilean RUT, Colombian cédula, Canadian
  SIN, UK National Insurance number, US SSN); hospital, NHS, staff, prescription and
  certificate numbers are ID. Bed numbers, trial screening numbers, specimen ids and study
  codes are not marked.
Units named after people, device makers, eponyms and scores are never marked.

Self-check (the script exits non-zero and writes nothing on failure): every span's slice is
exactly the string the template inserted; spans are sorted, non-empty, trimmed and do not
overlap; types are EntityKind names; PERSON spans and only they carry a ``person`` id, one
id per individual and one individual per id, and each mention is a form of that
individual's name (OCR-noised texts excepted); no part of a person's name occurs outside a
span in that text; no pool name part occurs outside a span in any text (the word-name
phrases of the traps excepted); texts without identifiers hold no span and every other text
names a person; ids and texts are unique; nothing of this corpus's vocabulary occurs in the
earlier generators, blind .. blind6 or names.json (generic words such as Hospital, Centre,
Street, Bay are not checked); none of the 22 name tokens the scorer found shared with blind7
occurs anywhere in the corpus.
"""

import glob
import json
import os
import random
import re
import sys
import unicodedata

SEED = 8_271_153
OUT = os.path.join("sanitizer", "corpus", "blind8.jsonl")
N_PII = 220
N_TRAP = 80
KINDS = {"PERSON", "DATE", "AGE", "ID", "PHONE", "EMAIL", "URL", "SSN", "LOCATION", "ORG"}
# Files this generator must never open (held-out sets of another helper).
FORBIDDEN = {"generate_blind7.py", "blind7.jsonl", "generate_blind8.py", "blind8.jsonl"}


def fail(msg):
    sys.stderr.write("generate_blind8.py: self-check failed: " + msg + "\n")
    sys.exit(1)


# ---------------------------------------------------------------------------------------------
# Names (see the docstring for sources). Surnames with a female form carry it after "/".
# A family entry of None makes a mononym.

REGIONS = {
    "sorbian": dict(
        m=["Měrćin", "Jurij", "Pětr", "Bjarnat", "Hinc", "Michał"],
        f=["Hańža", "Madlena", "Marja", "Lejna"],
        fam=["Krawc/Krawcowa", "Šołta/Šołćina", "Wjela/Wjelina", "Brězan/Brězanowa",
             "Mětšk/Mětškowa", "Rjenč/Rjenčowa", "Kubaš/Kubašowa"],
    ),
    "sakha": dict(
        m=["Aiaal", "Aital", "Aisen", "Tuiaar"],
        f=["Sardana", "Nyurguyana", "Tuyaara", "Kyunney", "Sayaana"],
        fam=["Ammosov/Ammosova", "Everstov/Everstova", "Gotovtsev/Gotovtseva",
             "Sleptsov/Sleptsova", "Vinokurov/Vinokurova", "Starostin/Starostina"],
    ),
    "hmong": dict(
        m=["Pheng", "Xeng", "Chue", "Neng", "Tou", "Kou"],
        f=["Pa Nhia", "Nou", "Yer", "Kia", "Bao", "Zoua", "Youa"],
        fam=["Xiong", "Moua", "Lor", "Khang", "Kue", "Vang", "Thor"],
    ),
    "karen": dict(
        m=["Ler Htoo", "Kweh Htoo", "Thaw Thi", "Eh Kaw"],
        f=["Hser Paw", "Paw Lah", "Mu Htee", "Ree Ree"],
        fam=[None],
    ),
    "mapuche": dict(
        m=["Nahuel", "Lautaro", "Galvarino"],
        f=["Ayelén", "Millaray", "Rayén", "Relmu"],
        fam=["Huenchumilla", "Painequeo", "Ñancupil", "Millaqueo", "Huaiquimil", "Catrileo",
             "Lemunao", "Curihuinca", "Catrileo Huaiquimil", "Lemunao Ñancupil"],
    ),
    "oromo": dict(
        m=["Gemechu", "Abdissa", "Ebisa", "Lelisa", "Chala"],
        f=["Chaltu", "Lensa", "Biftu", "Hawi", "Bontu"],
        fam=["Gudeta", "Wakjira", "Regassa", "Tolessa", "Dinsa", "Fayisa", "Debela", "Gutema"],
    ),
    "frisian": dict(
        m=["Tjeerd", "Hylke", "Wytze", "Durk", "Auke", "Sietse", "Folkert", "Oebele"],
        f=["Sytske", "Baukje", "Froukje", "Jeltje", "Gerbrich", "Tjitske", "Ymkje", "Wiepkje"],
        fam=["Terpstra", "Wiersma", "Boersma", "Hiemstra", "Jellema", "Bergsma", "Tuinstra",
             "Zijlstra", "Yntema", "Sikkema", "Wijnia", "Kingma"],
    ),
    "yucatec": dict(
        m=["Wilberth", "Eleuterio", "Anselmo", "Jacinto"],
        f=["Ligia", "Mirna", "Maricruz", "Rosaura", "Ofelia", "Felícitas", "Nicolasa"],
        fam=["Canul", "Pech", "Cocom", "Dzul", "Poot", "Tzab", "Xool", "Couoh", "Cauich",
             "Canché", "Huchim", "Chablé", "Caamal", "Ucán", "Euán", "Balam", "Yam", "Tun",
             "Canul Pech", "Dzul Caamal"],
    ),
    "mikmaq": dict(
        m=["Wilfred", "Augustine"],
        f=["Darlene", "Cheryl", "Theresa"],
        fam=["Sylliboy", "Googoo", "Prosper", "Denny", "Knockwood", "Jeddore", "Battiste",
             "Poulette", "Peter-Paul", "Doucette", "Toney", "Gould"],
    ),
    "rapanui": dict(
        m=["Petero", "Uri"],
        f=["Hinariru", "Vaitiare", "Tiare"],
        fam=["Pakarati", "Tuki", "Hotus", "Atan", "Teao", "Haoa", "Paoa", "Rapu", "Tepano",
             "Riroroko"],
    ),
    "kalmyk": dict(
        m=["Sanal", "Baatr", "Mergen"],
        f=["Delgir", "Bulgun", "Kermen", "Altana", "Elzyata"],
        fam=["Badmaev/Badmaeva", "Sangadzhiev/Sangadzhieva", "Mandzhiev/Mandzhieva",
             "Bembeev/Bembeeva", "Erdniev/Erdnieva", "Ulyumdzhiev/Ulyumdzhieva",
             "Dordzhiev/Dordzhieva", "Tsebekov/Tsebekova"],
    ),
    "okinawa": dict(
        m=["Seikichi", "Seitoku", "Chōshin", "Chōjun", "Kōsei"],
        f=["Ushi", "Kamado", "Tsuru", "Kama"],
        fam=["Higa", "Kinjo", "Oshiro", "Shimabukuro", "Tamaki", "Chinen", "Nakasone",
             "Yonamine", "Teruya", "Aragaki", "Uehara", "Miyagi", "Gushiken", "Zukeran"],
    ),
    "romansh": dict(
        m=["Gion", "Giusep", "Curdin", "Duri", "Gieri"],
        f=["Mengia", "Ursina", "Flurina", "Seraina", "Ladina"],
        fam=["Caduff", "Derungs", "Cathomen", "Cavegn", "Tuor", "Candinas", "Capaul",
             "Deplazes", "Caminada", "Sialm"],
    ),
    "kashubian": dict(
        m=["Zdzisław", "Mieczysław", "Kazimierz"],
        f=["Grażyna", "Teofila"],
        fam=["Drzeżdżon", "Formela", "Gruchała", "Bigus", "Labuda", "Konkel", "Necel",
             "Kotłowski/Kotłowska", "Gliszczyński/Gliszczyńska"],
    ),
    "amish": dict(
        m=["Amos", "Elam", "Benuel", "Mose", "Jonas", "Ephraim"],
        f=["Sadie", "Malinda", "Fannie", "Mattie", "Katie", "Barbie", "Lydia", "Naomi"],
        fam=["Stoltzfus", "Beiler", "Zook", "Esh", "Glick", "Riehl", "Smucker", "Petersheim",
             "Ebersol", "Kauffman", "Byler", "Hershberger", "Yoder"],
    ),
    "chamorro": dict(
        m=["Vicente", "Eusebio"],
        f=["Rosalia", "Soledad", "Engracia", "Candelaria"],
        fam=["Taitano", "Aguon", "Quitugua", "Manibusan", "Taimanglo", "Mafnas", "Quinata",
             "Sablan"],
    ),
    "nenets": dict(
        m=["Tikhon", "Grigory", "Yefim", "Savely"],
        f=["Kapitolina", "Yevdokiya", "Anisya", "Matryona"],
        fam=["Okotetto", "Laptander", "Serotetto", "Vanuyto", "Yaptik", "Salinder", "Taibari",
             "Khudi"],
    ),
    "kabyle": dict(
        m=["Ameziane", "Lounès", "Idir", "Mouloud"],
        f=["Tassadit", "Ouardia", "Dihya", "Tafsut", "Taous"],
        fam=["Aït Menguellet", "Belaïd", "Haddadi", "Amrouche", "Mammeri", "Ouali",
             "Aït Saadi"],
    ),
    "assyrian": dict(
        m=["Shlimon", "Odisho", "Ninos", "Benyamin"],
        f=["Shamiram", "Nahrain", "Warda", "Ramina"],
        fam=["Khoshaba", "Odisho", "Youkhana", "Yalda", "Benyamin", "Shlimon"],
    ),
    "wayuu": dict(
        m=["Eulises", "Nemesio", "Ovidio", "Deiner"],
        f=["Yoleida", "Mileidys", "Yasmelis", "Leidys"],
        fam=["Epiayu", "Uriana", "Ipuana", "Pushaina", "Epieyu", "Jayariyu", "Uliana",
             "Epinayu"],
    ),
    "wordnames": dict(
        m=["Ambrose", "Lionel", "Fenwick"],
        f=["Winifred", "Philippa"],
        fam=["Heal", "Cure", "Coffin", "Cramp", "Bowell"],
    ),
}

# Everyday short forms, used by colleagues and relatives in chat and notes.
NICKS = {
    "Nyurguyana": "Nyura", "Shamiram": "Shami", "Měrćin": "Měrko", "Philippa": "Pip",
    "Jacinto": "Chinto", "Felícitas": "Feli", "Malinda": "Mindy", "Hinariru": "Riru",
}
# Names written in their own script (a translated message quotes the signature).
SCRIPT = {
    "Tassadit": "ⵜⴰⵙⵙⴰⴷⵉⵜ", "Idir": "ⵉⴷⵉⵔ", "Kapitolina": "Капитолина",
    "Sardana": "Сардана", "Aital": "Айтал", "Kamado": "カマド", "Shlimon": "ܫܠܝܡܘܢ",
    "Delgir": "Делгр",
}
# Name particles that may occur as ordinary words and are not checked alone.
PARTICLES = {"aït"}

# Regions drawn for a person: the word-name groups twice as often as the others.
REGION_DRAW = sorted(REGIONS) + ["yucatec", "wordnames"]
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
        self.script = SCRIPT.get(given)
        self.middle = None


    def parts(self):
        out = tokens(self.given) + (tokens(self.family) if self.family else [])
        if self.middle:
            out += tokens(self.middle)
        if self.nick:
            out += tokens(self.nick)
        if self.script:
            out += tokens(self.script)
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
            reg = region or rng.choice(REGION_DRAW)
            d = REGIONS[reg]
            sx = sex or rng.choice("mf")
            first = given or rng.choice(d[sx])
            fam = rng.choice(d["fam"])
            if fam and "/" in fam:
                fam = fam.split("/")[0 if sx == "m" else 1]
            if fam == first:
                continue
            p = Person(first, fam, sx, reg, d.get("order", "gf"))
            if reg == "hmong" and rng.random() < 0.3:
                p.order = "fg"
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
        for n in list(NICKS.values()) + list(SCRIPT.values()):
            out |= set(tokens(n))
        return out - PARTICLES


# ---------------------------------------------------------------------------------------------
# Values.

MON = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
       "October", "November", "December"]
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
              "d/m/yy", "Mon d y", "wd d Mon", "ymd"]
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
        return "GX" + digits(rng, 7)
    if k == 1:
        return digits(rng, 3) + "-" + digits(rng, 3) + "-" + digits(rng, 3)
    if k == 2:
        return "H" + digits(rng, 8)
    if k == 3:
        return "%s%s" % (rng.choice(["TKS", "QVR", "ZLD"]), digits(rng, 6))
    if k == 4:
        return "7" + digits(rng, 7)
    return "E" + digits(rng, 2) + "/" + digits(rng, 5)



def dd(r, *ns):
    return " ".join(digits(r, n) for n in ns)


PHONES = {
    "sorbian": lambda r: "+49 3591 %s" % dd(r, 3, 3),
    "sakha": lambda r: "+7 4112 %s-%s-%s" % (digits(r, 2), digits(r, 2), digits(r, 2)),
    "hmong": lambda r: "(%s) 4%s-%s" % (r.choice(["559", "715", "651"]), digits(r, 2),
                                        digits(r, 4)),
    "karen": lambda r: "+66 55 %s" % dd(r, 3, 3),
    "mapuche": lambda r: "+56 45 2%s %s" % (digits(r, 2), digits(r, 4)),
    "oromo": lambda r: "+251 47 %s" % dd(r, 3, 4),
    "frisian": lambda r: "+31 58 2%s %s" % (digits(r, 2), digits(r, 4)),
    "yucatec": lambda r: "+52 999 %s" % dd(r, 3, 4),
    "mikmaq": lambda r: "(902) 379-%s" % digits(r, 4),
    "rapanui": lambda r: "+56 32 210 %s" % digits(r, 4),
    "kalmyk": lambda r: "+7 84722 %s-%s" % (digits(r, 2), digits(r, 3)),
    "okinawa": lambda r: "098-%s-%s" % (digits(r, 3), digits(r, 4)),
    "romansh": lambda r: "+41 81 %s" % dd(r, 3, 2, 2),
    "kashubian": lambda r: "+48 58 %s" % dd(r, 3, 2, 2),
    "amish": lambda r: "(717) 768-%s" % digits(r, 4),
    "chamorro": lambda r: "(671) 4%s-%s" % (digits(r, 2), digits(r, 4)),
    "nenets": lambda r: "+7 34922 %s-%s" % (digits(r, 2), digits(r, 3)),
    "kabyle": lambda r: "+213 26 %s" % dd(r, 2, 2, 2),
    "assyrian": lambda r: "+964 750 %s" % dd(r, 3, 4),
    "wayuu": lambda r: "+57 300 %s" % dd(r, 3, 4),
}


def phone(rng, region=None):
    f = PHONES.get(region)
    if f is None:
        return rng.choice(["01632 960%s" % digits(rng, 3), "07700 900%s" % digits(rng, 3)])
    return f(rng)


def age_str(rng, n):
    return rng.choice(["%d-year-old", "%d yrs", "%d years", "%dyo", "%d y/o", "%03dY",
                       "%dY", "%d yr"]) % n


def ssn(rng, region):
    """A national personal code in the region's format."""
    if region == "romansh":
        return "756.%s.%s.%s" % (digits(rng, 4), digits(rng, 4), digits(rng, 2))
    if region == "kashubian":
        return digits(rng, 11)
    if region in ("sakha", "kalmyk", "nenets"):
        return "%s-%s-%s %s" % (digits(rng, 3), digits(rng, 3), digits(rng, 3), digits(rng, 2))
    if region == "yucatec":
        return curp(rng)
    if region == "frisian":
        return bsn(rng)
    if region == "okinawa":
        return my_number(rng)
    if region in ("mapuche", "rapanui"):
        return "%d.%s.%s-%s" % (rng.randint(5, 24), digits(rng, 3), digits(rng, 3),
                                rng.choice("0123456789K"))
    if region == "wayuu":
        return "1.%s.%s.%s" % (digits(rng, 3), digits(rng, 3), digits(rng, 3))
    if region == "sorbian":
        return digits(rng, 11)
    if region == "mikmaq":
        return "%s %s %s" % (rng.choice("123456789") + digits(rng, 2), digits(rng, 3),
                             digits(rng, 3))
    if region == "wordnames":
        return "%s%s %s %s %s %s" % (rng.choice("JKLNPRSTWYZ"), rng.choice("ABCEHJKLMNPRSTWXY"),
                                     digits(rng, 2), digits(rng, 2), digits(rng, 2),
                                     rng.choice("ABCD"))
    return "%s-%s-%s" % (rng.randint(400, 699), digits(rng, 2), digits(rng, 4))


def bsn(rng):
    """A Dutch burgerservicenummer: nine digits that pass the eleven test."""
    while True:
        ds = [rng.randint(0, 9) for _ in range(8)]
        if ds[0] == 0:
            continue
        last = sum(x * (9 - i) for i, x in enumerate(ds)) % 11
        if last < 10:
            return "".join(map(str, ds)) + str(last)


def my_number(rng):
    """A Japanese individual number (My Number): twelve digits with its check digit."""
    ds = [rng.randint(0, 9) for _ in range(11)]
    total = 0
    for n in range(1, 12):
        q = n + 1 if n <= 6 else n - 5
        total += ds[11 - n] * q
    rem = total % 11
    s = "".join(map(str, ds)) + str(0 if rem <= 1 else 11 - rem)
    return s[:4] + " " + s[4:8] + " " + s[8:]


def curp(rng):
    """A Mexican CURP in its 18-character shape, born in Yucatán (YN)."""
    cons = "BCDFGHJKLMNPQRSTVXZ"
    y, m, d = ymd(rng, 1926, 2004)
    return "%s%s%s%s%02d%02d%02d%sYN%s%s%s" % (
        rng.choice(cons), rng.choice("AEIOU"), rng.choice(cons), rng.choice("AEIOUBCDFGHJLMNPR"),
        y % 100, m, d, rng.choice("HM"), "".join(rng.choice(cons) for _ in range(3)),
        "0" if y < 2000 else "A", digits(rng, 1))


# Regions whose national personal code format ssn() writes (US SSN for Guam, the Hmong and
# the Amish).
SSN_REGIONS = {"romansh", "kashubian", "sakha", "kalmyk", "nenets", "frisian", "okinawa",
               "mapuche", "rapanui", "wayuu", "sorbian", "yucatec", "mikmaq", "wordnames",
               "hmong", "chamorro", "amish"}


ORGS = {
    "sorbian": ["Städtisches Klinikum Görlitz", "Carl-Thiem-Klinikum Cottbus",
                "Oberlausitz-Kliniken Bautzen"],
    "sakha": ["Mirny Central District Hospital", "Yakutsk Republican Hospital No. 2"],
    "hmong": ["Community Regional Medical Center", "Aspirus Wausau Hospital"],
    "karen": ["Umphang Hospital", "Tha Song Yang Hospital"],
    "mapuche": ["Hospital Hernán Henríquez Aravena", "Hospital Intercultural de Nueva Imperial"],
    "oromo": ["Jimma University Medical Center", "Nekemte Referral Hospital",
              "Adama Hospital Medical College"],
    "frisian": ["Medisch Centrum Leeuwarden", "Tjongerschans Heerenveen",
                "Nij Smellinghe Drachten"],
    "yucatec": ["Hospital General Agustín O'Horán", "Hospital Comunitario de Ticul",
                "Hospital General de Valladolid"],
    "mikmaq": ["Eskasoni Health Centre", "Glace Bay Hospital"],
    "rapanui": ["Hospital Hanga Roa"],
    "kalmyk": ["Zhemchuev Republican Hospital", "Elista Perinatal Centre"],
    "okinawa": ["Okinawa Prefectural Chubu Hospital", "Naha City Hospital",
                "Okinawa Kyodo Hospital"],
    "romansh": ["Kantonsspital Graubünden", "Spital Surselva", "Spital Oberengadin"],
    "kashubian": ["Szpital Specjalistyczny w Kościerzynie",
                  "Powiatowe Centrum Zdrowia w Kartuzach"],
    "amish": ["Lancaster General Hospital", "Ephrata Community Hospital"],
    "chamorro": ["Guam Memorial Hospital", "Commonwealth Health Center Saipan"],
    "nenets": ["Salekhard District Clinical Hospital", "Nadym Central District Hospital"],
    "kabyle": ["CHU Nedir Mohamed de Tizi Ouzou", "Hôpital d'Azazga"],
    "assyrian": ["Södertälje sjukhus", "Fairfield Hospital"],
    "wayuu": ["Hospital Nuestra Señora de los Remedios"],
    "wordnames": ["Pilgrim Hospital", "Louth County Hospital", "Skegness Hospital",
                  "Lindsey Lodge Hospice", "Tattershall Bulb Growers Ltd"],
}

PLACES = {
    "sorbian": ["Bautzen", "Budyšin", "Hoyerswerda", "Kamenz", "Crostwitz", "Radibor",
                "Schleife"],
    "sakha": ["Yakutsk", "Vilyuysk", "Neryungri", "Mirny", "Churapcha", "Oymyakon"],
    "hmong": ["Fresno", "Merced", "Wausau", "Sheboygan", "Oshkosh"],
    "karen": ["Mae La", "Umphang", "Hpa-an", "Tha Song Yang"],
    "mapuche": ["Temuco", "Nueva Imperial", "Lumaco", "Tirúa", "Carahue"],
    "oromo": ["Jimma", "Adama", "Nekemte", "Ambo", "Shashemene", "Bishoftu", "Asella"],
    "frisian": ["Leeuwarden", "Sneek", "Drachten", "Heerenveen", "Harlingen", "Dokkum",
                "Franeker"],
    "yucatec": ["Mérida", "Ticul", "Tizimín", "Peto", "Oxkutzcab", "Izamal", "Motul", "Tekax"],
    "mikmaq": ["Eskasoni", "Membertou", "Elsipogtog", "Listuguj"],
    "rapanui": ["Hanga Roa", "Mataveri"],
    "kalmyk": ["Elista", "Lagan", "Gorodovikovsk", "Yashkul"],
    "okinawa": ["Naha", "Uruma", "Nago", "Itoman", "Ōgimi", "Ginowan", "Urasoe"],
    "romansh": ["Chur", "Ilanz", "Disentis", "Scuol", "Samedan", "Savognin", "Zernez"],
    "kashubian": ["Kartuzy", "Kościerzyna", "Wejherowo", "Bytów", "Chmielno", "Sierakowice"],
    "amish": ["Strasburg", "Gordonville", "Leola", "Ronks", "New Holland", "Ephrata"],
    "chamorro": ["Hagåtña", "Dededo", "Yigo", "Tamuning", "Mangilao", "Inarajan"],
    "nenets": ["Salekhard", "Yar-Sale", "Nadym", "Tazovsky"],
    "kabyle": ["Tizi Ouzou", "Azazga", "Larbaâ Nath Irathen", "Bouira"],
    "assyrian": ["Dohuk", "Alqosh", "Ankawa", "Qamishli", "Södertälje"],
    "wayuu": ["Riohacha", "Maicao", "Uribia", "Manaure"],
    "wordnames": ["Skegness", "Spalding", "Horncastle", "Sleaford", "Louth", "Gainsborough"],
}


def address(rng, region):
    n = rng.randint(2, 188)
    if region == "sorbian":
        return "Wendischer Graben %d, 02625 Bautzen" % n
    if region == "romansh":
        return "Via Sogn Clau %d, 7130 Ilanz" % n
    if region == "kashubian":
        return "ul. Gdańska %d, 83-300 Kartuzy" % n
    if region == "yucatec":
        return "Calle %d No. %d x %d y %d, Centro, Mérida" % (
            rng.choice([57, 59, 61, 63]), n * 3, rng.choice([60, 62, 64]),
            rng.choice([66, 68]))
    if region == "frisian":
        return "Nieuwestad %d, 8911 CK Leeuwarden" % n
    if region == "okinawa":
        return "%d-%d-%d Kumoji, Naha 900-0015" % (rng.randint(1, 3), rng.randint(1, 30),
                                                   rng.randint(1, 20))
    if region == "amish":
        return "%d Leacock Road, Gordonville PA 17529" % (n * 17)
    if region == "hmong":
        return "%d Stephenson Vista Dr, Wausau 54401" % (n * 9)
    if region == "chamorro":
        return "%d Chalan Kanton Tasi, Tamuning, GU 96913" % (n * 3)
    if region == "mikmaq":
        return "%d Merrill Narrows Rd, Eskasoni B1W 1A%d" % (n, rng.randint(1, 9))
    if region == "mapuche":
        return "Pasaje Los Copihues %d, Temuco" % n
    if region == "kabyle":
        return "Cité des %d Logements, Tizi Ouzou" % (n * 10)
    if region in ("sakha", "kalmyk", "nenets"):
        street = {"sakha": "ul. Ordzhonikidze %d, kv. %d, Yakutsk",
                  "kalmyk": "ul. Lermontova %d, kv. %d, Elista",
                  "nenets": "ul. Respubliki %d, kv. %d, Salekhard"}[region]
        return street % (n, rng.randint(1, 90))
    if region == "assyrian":
        return "%d Smart Street, Fairfield 2165" % n
    return rng.choice(["%d Witham Quayside, Boston PE21 %d%s" % (n, rng.randint(1, 9),
                                                               rng.choice(["AB", "QJ", "TX"])),
                       "Flat %d, Stanhope Court, Louth LN11 %d%s" % (rng.randint(1, 20),
                                                                      rng.randint(1, 9),
                                                                      rng.choice(["DN", "PU"]))])


def org(rng, region):
    return rng.choice(ORGS.get(region) or ORGS["wordnames"])


def place(rng, region):
    return rng.choice(PLACES.get(region) or PLACES["wordnames"])


MAIL = {"sorbian": "klinikum-goerlitz.de", "romansh": "ksgr.ch", "frisian": "mcl.nl",
        "kashubian": "pcz-kartuzy.pl", "chamorro": "gmha.org", "mikmaq": "eskasoni.ca",
        "hmong": "aspirus.org", "amish": "lghealth.org", "yucatec": "salud.yucatan.gob.mx",
        "wordnames": "ulh.nhs.uk", "assyrian": "health.nsw.gov.au"}


def ascii_fold(s):
    s = unicodedata.normalize("NFKD", s.replace("ł", "l").replace("Ł", "L"))
    return "".join(c for c in s if not unicodedata.combining(c))


def email(rng, p, domain=None):
    domain = domain or MAIL.get(p.region) or rng.choice(sorted(set(MAIL.values())))
    loc = rng.choice(["%s.%s", "%s%s", "%s_%s"])
    g = re.sub(r"[^a-z]", "", ascii_fold(p.given).lower())
    f = re.sub(r"[^a-z]", "", ascii_fold(p.family or p.given).lower())
    if not p.family:
        f = ""
        loc = "%s%s"
    return (loc % (g[0] if rng.random() < 0.5 and p.family else g, f)) + "@" + domain
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



# ---------------------------------------------------------------------------------------------
# Templates with identifiers. Each takes a Doc and returns (text, spans).

def title(p):
    return {"m": "Mr", "f": "Ms"}[p.sex]


def sexw(p):
    return {"m": "male", "f": "female"}[p.sex]


def old(r):
    return r.randint(88, 103)


def two_dates(r, style):
    """Two dates in one format, the second 2 to 19 days after the first."""
    y, m, dd_ = ymd(r, 2021, 2025)
    d2, m2, y2 = dd_ + r.randint(2, 19), m, y
    if d2 > 28:
        d2, m2 = d2 - 28, m2 + 1
        if m2 > 12:
            m2, y2 = 1, y2 + 1
    return fmt_date(r, y, m, dd_, style=style), fmt_date(r, y2, m2, d2, style=style)


def t_atmist(d):
    r = d.rng
    pt, crew = d.person(), d.person()
    tpl = r.choice([
        "ATMIST $pn\nA: $age  M: fall on stairs at home, found by neighbour  I: #NOF L, "
        "skin tear forearm  S: RR 20 SpO2 94% HR 98 BP 132/70 GCS 15  T: 2.5 mg morphine IV, "
        "splinted. Handed over by $cr $t.",
        "Pre-alert: $age $sx, $pn, from $loc. Mech: found on floor, long lie ~9 h. "
        "Inj: none obvious. Signs: temp 35.1, BM 6.2. Tx: warming. ETA 12 min. Crew $cr.",
        "ATMIST - Age $agen - MoI: scooter vs kerb - Inj: head lac, occipital - Signs: GCS 14 "
        "(E4V4M6) - Tx: dressing, c-collar not applied (NEXUS neg). Pt: $pn, NOK daughter on "
        "$tel. Paramedic $cr.",
    ])
    return d.render(tpl, pn=P(pt, r.choice([pt.full(), pt.comma(upper=True)])),
                    age=E("AGE", age_str(r, old(r))), sx=sexw(pt),
                    agen=E("AGE", str(old(r))),
                    cr=P(crew, r.choice([crew.full(), crew.i_sur()])),
                    t=E("DATE", date(r, style="dmy/", time=True)),
                    loc=E("LOCATION", place(r, pt.region)), tel=E("PHONE", phone(r, pt.region)))


def t_dental_chart(d):
    r = d.rng
    pt, den = d.person(), d.person()
    tpl = r.choice([
        "DENTAL CHART\nPatient: $pn   DOB: $dob\n"
        "UR: 8 - 7 MO amalgam 6 crown 5 4 3 2 1 | UL: 1 2 3 4 DO comp 5 6 RCT 7 8 -\n"
        "LR: 8 - 6 O 5 4 3 2 1 | LL: 1 2 3 4 5 6 7 8 - BPE 2|3|2 / 2|2|3\n"
        "Dentist: $dn   Next recall: 6/12",
        "Chart note ($dt): $pn attended for LL6 extraction; IDB 2.2 ml given by $dn. "
        "Haemostasis achieved, post-op instructions given verbally and in writing.",
        "Recall: $pn - upper partial denture rubs on the UR canine; adjusted. $tp $ps reports "
        "no further ulceration. Seen by $dn on $dt.",
    ])
    return d.render(tpl, pn=P(pt, pt.full()), tp=title(pt), ps=P(pt, pt.sur()),
                    dob=E("DATE", dob(r, style="dmy/")), dn=P(den, den.i_sur()),
                    dt=E("DATE", date(r, style="d Mon y")))


def t_ophth_letter(d):
    r = d.rng
    pt, gp, cons = d.person(), d.person(), d.person()
    tpl = r.choice([
        "Dear Dr $gps,\nRe: $pn, DOB $dob, Hosp no $mrn\nVA R 6/9 L 6/24 (pinhole 6/12). "
        "IOP 19/23 mmHg. Dilated fundi: L macula drusen with a small haemorrhage - I have "
        "listed $tp $ps for OCT and a first anti-VEGF injection.\nYours sincerely,\n$cn\n"
        "Consultant Ophthalmologist, $org",
        "Orthoptic note: $pn, Hosp no $mrn. Cover test: small left esotropia for near, "
        "diplopia only on left gaze. Fresnel prism 6 dioptres trialled - $tp $ps reads "
        "comfortably with it. Letter to Dr $gps.",
        "Eye clinic letter for $pn ($age). Diagnosis: primary open-angle glaucoma, both eyes. "
        "Visual fields stable (24-2 threshold). Continue drops at night. Review in 6 months with "
        "$ci.\ncc Dr $gps",
    ])
    return d.render(tpl, gps=P(gp, gp.sur()), pn=P(pt, pt.full()), tp=title(pt),
                    ps=P(pt, pt.sur()), dob=E("DATE", dob(r)), mrn=E("ID", mrn(r)),
                    cn=P(cons, cons.full()), org=E("ORG", org(r, cons.region)),
                    age=E("AGE", age_str(r, old(r))), ci=P(cons, cons.i_sur()))


def t_audiology(d):
    r = d.rng
    pt, aud = d.person(), d.person()
    tpl = r.choice([
        "Audiology: $pn ($age). PTA: moderate sloping SNHL bilaterally, R worse. Tympanometry "
        "type A both ears. Fitted with BTE aids today; $pg happy with the sound. Audiologist: $an",
        "Hearing therapy note $dt - $pn finds group conversation hard; the loop at church works. "
        "Tinnitus handicap score 38. Plan: sound generator trial. $an",
        "REFERRAL: $pn, DOB $dob, sudden L hearing loss 3 days. Rinne-style tuning fork: "
        "lateralises R. Please see urgently. Contact $tel.",
    ])
    return d.render(tpl, pn=P(pt, pt.full()), pg=P(pt, pt.given), age=E("AGE", age_str(r, old(r))),
                    an=P(aud, aud.full()), dt=E("DATE", date(r)), dob=E("DATE", dob(r)),
                    tel=E("PHONE", phone(r, pt.region)))


def t_physio_goals(d):
    r = d.rng
    pt = d.person()
    rel = d.person(region=pt.region)
    phy = d.person()
    tpl = r.choice([
        "PHYSIOTHERAPY GOALS agreed with $pg and $rel ($relrole) on $dt:\n"
        "1. Walk to the bus stop (150 m) with one stick in 4 weeks.\n2. Stairs with rail, "
        "supervised.\n3. Get up from the floor using the backward-chaining method.\n- $ph",
        "Physio: $pn seen on ward. Sit to stand x5 in 19 s. Goal (own words): 'to dance at my "
        "grandson's wedding'. $rel to bring proper shoes. $ph (physio)",
    ])
    return d.render(tpl, pg=P(pt, pt.given), pn=P(pt, pt.full()), rel=P(rel, rel.full()),
                    relrole=r.choice({"f": ["daughter", "niece"],
                                      "m": ["son", "nephew"]}[rel.sex]),
                    dt=E("DATE", date(r)), ph=P(phy, r.choice([phy.full(), phy.initials()])))


def t_hospice(d):
    r = d.rng
    pt = d.person()
    rel = d.person(region=pt.region)
    ch = d.person()
    tpl = r.choice([
        "Hospice night note: $pn settled after 2.5 mg midazolam SC at 02:10. Mouth care given. "
        "$rel stayed in the family room; wants to be called if breathing changes ($tel).",
        "$pg died peacefully on $t with $rel at the bedside. Verification of death by $ch. "
        "Chaplain informed as requested.",
        "Day hospice: $pn ($age) enjoyed the music group. Breathlessness fan helped. $rel "
        "asked about respite; referred to $org.",
    ])
    return d.render(tpl, pn=P(pt, pt.full()), pg=P(pt, pt.given), rel=P(rel, rel.given),
                    tel=E("PHONE", phone(r, rel.region)), ch=P(ch, ch.full()),
                    t=E("DATE", date(r, style="d Mon y", time=True)),
                    age=E("AGE", age_str(r, old(r))), org=E("ORG", org(r, pt.region)))


def t_trial_log(d):
    r = d.rng
    n = r.randint(2, 4)
    lines = ["SCREENING LOG - study DUNLIN-3 (site 014)", "scr_no | initials | dob | outcome | by"]
    slots = {}
    staff = d.person()
    for i in range(n):
        p = d.person()
        lines.append("S014-%03d | $i%d | $d%d | %s | $s" % (
            r.randint(1, 300), i, i, r.choice(["eligible, consented", "excluded: eGFR 28",
                                              "declined", "excluded: on warfarin"])))
        slots["i%d" % i] = P(p, p.initials(dots=r.random() < 0.4))
        slots["d%d" % i] = E("DATE", dob(r, style="dd-MON-yyyy"))
    slots["s"] = P(staff, staff.initials())
    return d.render("\n".join(lines), **slots)


def t_research_consent(d):
    r = d.rng
    pt, wit, res = d.person(), d.person(), d.person()
    tpl = r.choice([
        "CONSENT FORM (version 4.1)\nI, $pn, confirm that I have read the information sheet "
        "and agree to take part. Initial each box: [$pi] [$pi] [$pi]\nSigned: $pn  Date: $dt\n"
        "Researcher: $rn  Date: $dt2\nWitness (patient cannot write): $wn",
        "Assent and consent: $pn agreed, with $wn present as an independent witness, to the "
        "audiology study (hearing in older adults). Withdrawal explained. Taken by $rn, $dt.",
        "Biobank consent taken from $pn (MRN $mrn) by $rn on $dt. Samples may be used for "
        "genetic research; participant declined recontact.",
    ])
    signed = date(r, style="dmy/")
    return d.render(tpl, pn=P(pt, pt.full()), pi=P(pt, pt.initials()), rn=P(res, res.full()),
                    wn=P(wit, wit.full()), dt=E("DATE", signed), dt2=E("DATE", signed),
                    mrn=E("ID", mrn(r)))


def t_pedigree(d):
    r = d.rng
    pb = d.person(sex="f")
    mo = d.person(sex="f", region=pb.region)
    sib = d.person(sex="m", region=pb.region)
    tpl = r.choice([
        "Pedigree (III-2 = proband): $pn, 41. Mother $mn (II-3) - breast cancer at 48, died at "
        "63. Maternal aunt (II-4) ovarian cancer at 55, name not known. Brother $sn (III-1) "
        "well, not tested. Father's side unaffected. BRCA testing offered.",
        "Family tree drawn with $pn (proband, III-4). Her mother $mn is an obligate carrier; "
        "her brother $sn has Duchenne-like weakness. Two maternal uncles died in childhood, "
        "not named. Carrier testing offered to the proband's daughters (not present).",
        "Genetics clinic: $pn attends with her sibling $sn. Their mother $mn had colorectal "
        "cancer at 39; a maternal uncle and grandfather also affected (names withheld by the "
        "family). MMR IHC on the archived block requested from $org.",
    ])
    return d.render(tpl, pn=P(pb, pb.full()), mn=P(mo, mo.full()), sn=P(sib, sib.given),
                    org=E("ORG", org(r, pb.region)))


def child_of(d, fa):
    """A child who carries the father's family name (in its female form for a daughter)."""
    r = d.rng
    reg = REGIONS[fa.region]
    taken = {w for q in d.used for w in q.parts()}
    sx = r.choice("mf")
    opts = [g for g in reg[sx] if not set(tokens(g)) & taken]
    if not opts:
        sx = "m" if sx == "f" else "f"
        opts = [g for g in reg[sx] if not set(tokens(g)) & taken]
    if not opts:
        fail("no given name left for a child in " + fa.region)
    fam = fa.family
    if fam:
        for f in reg["fam"]:
            if f and f.split("/")[0] == fam and "/" in f and sx == "f":
                fam = f.split("/")[1]
    ch = Person(r.choice(opts), fam, sx, fa.region, reg.get("order", "gf"))
    ch.order = fa.order if fam else "g"
    d.used.append(ch)
    return ch


def t_birth_reg(d):
    r = d.rng
    fa = d.person(sex="m")
    mo = d.person(sex="f", region=fa.region)
    ch = child_of(d, fa)
    tpl = r.choice([
        "BIRTH NOTIFICATION\nChild: $cn ($sx)\nBorn: $t at $org\nMother: $mn, DOB $mdob\n"
        "Father: $fn\nInformant: mother. Registrar: $rg",
        "Birth registered: $cn, born $t in $loc. Parents $mn and $fn. Certificate no $id.",
    ])
    rg = d.person()
    return d.render(tpl, cn=P(ch, ch.full()), sx=sexw(ch),
                    t=E("DATE", date(r, 2024, 2025, style="dth Month y", time=True)),
                    org=E("ORG", org(r, ch.region)), mn=P(mo, mo.full()),
                    mdob=E("DATE", dob(r, 1985, 2004)), fn=P(fa, fa.full()), rg=P(rg, rg.i_sur()),
                    loc=E("LOCATION", place(r, ch.region)),
                    id=E("ID", "%s %s" % (r.choice(["BXT", "QAR"]), digits(r, 6))))


def t_death_cert(d):
    r = d.rng
    pt, doc, me = d.person(), d.person(), d.person()
    tpl = r.choice([
        "MCCD draft - Deceased: $pn, aged $age, died $t on ward.\n1a Aspiration pneumonia\n"
        "1b Parkinson's disease\nII Chronic kidney disease stage 4\nCertifying doctor: $dn. "
        "Discussed with the medical examiner $men, no referral to the coroner needed.",
        "ME scrutiny: $pn ($age). Cause agreed with $dn. $men spoke to the next of kin, who "
        "raised no concerns.",
        "Cremation form 4 completed by $dn for $pn (died $t). Pacemaker removed - yes. "
        "Confirmatory review by $men.",
    ])
    return d.render(tpl, pn=P(pt, pt.full()), age=E("AGE", str(old(r))),
                    t=E("DATE", date(r, style="d Mon y", time=True)), dn=P(doc, doc.full()),
                    men=P(me, r.choice([me.full(), me.i_sur()])))


def t_line_list(d):
    r = d.rng
    n = r.randint(2, 4)
    ward = r.choice(["Ward 9", "Ward 21", "Stroke Unit", "Ward 14A"])
    lines = ["IPC line list - norovirus outbreak - %s" % ward,
             "case,name,age,onset,symptoms,stool_sent"]
    slots = {}
    for i in range(n):
        p = d.person()
        lines.append("%d,$n%d,$a%d,$o%d,%s,%s" % (i + 1, i, i, i,
                                                 r.choice(["D+V", "V", "D", "D+V+fever"]),
                                                 r.choice(["Y", "N", "Y"])))
        slots["n%d" % i] = P(p, r.choice([p.comma(upper=True), p.full()]))
        slots["a%d" % i] = E("AGE", str(old(r)))
        slots["o%d" % i] = E("DATE", date(r, 2025, 2025, style="dmy/"))
    return d.render("\n".join(lines), **slots)


def t_occ_health(d):
    r = d.rng
    emp, oh = d.person(), d.person()
    tpl = r.choice([
        "Occupational health report\nEmployee: $en   Employer: $org\nOutcome: fit for "
        "modified duties (no night shifts for 4 weeks). Adjustments discussed with $eg. "
        "Adviser: $on",
        "Pre-placement health check: $en (porter, $org) - night-shift questionnaire fine, "
        "varicella immune, TB screen negative. Cleared to start $dt. $on, OH nurse",
        "OH: $en, staff no. $id - needlestick injury $dt. Source patient bloods requested. "
        "Hep B immune. Seen by $on.",
    ])
    return d.render(tpl, en=P(emp, emp.full()), eg=P(emp, emp.given),
                    org=E("ORG", org(r, emp.region)), on=P(oh, oh.full()),
                    id=E("ID", digits(r, 7)), dt=E("DATE", date(r, style="dmy.")))


def t_school_nurse(d):
    r = d.rng
    ch = d.person()
    par = d.person(sex="f", region=ch.region)
    nur = d.person()
    tpl = r.choice([
        "School nurse: $cn (Year 4) - asthma plan updated; spare inhaler in the office. Spoke "
        "to mum $pn on $tel. $nn",
        "Hearing screen (reception class): $cn referred - fails 1 kHz on the left. Letter "
        "given to $pn at pick-up; audiology appointment to follow. $nn",
        "Health plan reviewed for $cn, DOB $dob: type 1 diabetes, carb counting at lunch. "
        "Parent: $pn. Staff trained: 3. $nn, school nurse",
    ])
    return d.render(tpl, cn=P(ch, ch.full()), pn=P(par, par.full()),
                    tel=E("PHONE", phone(r, par.region)), nn=P(nur, nur.full()),
                    dob=E("DATE", dob(r, 2014, 2018)))


def t_telehealth(d):
    r = d.rng
    pt, dr = d.person(), d.person()
    dl = dr.sur().upper()
    pl = pt.sur().upper()
    tpl = r.choice([
        "[Video consult transcript]\n$drl: Good morning, can you confirm your name and date of "
        "birth?\n$ptl: $pn, $dob.\n$drl: Thank you. How has the swelling been?\n$ptl: Worse "
        "at night, doctor.",
        "[Telephone, auto-transcribed]\nDR $drl: Is that $pg?\n$ptl: Yes, speaking.\nDR $drl: "
        "It's Dr $ds from the renal clinic about your potassium.",
        "Transcript (physio video session)\nTHERAPIST $drl: Lift the heel, hold for five.\n"
        "$ptl: Like this?\nTHERAPIST $drl: Perfect, $pg. Same again on the left.",
    ])
    return d.render(tpl, drl=P(dr, dl), ptl=P(pt, pl), pn=P(pt, pt.full()),
                    dob=E("DATE", dob(r, style="Month d, y")), pg=P(pt, pt.given),
                    ds=P(dr, dr.sur()))


def t_translated_msg(d):
    r = d.rng
    taken = {w for q in d.used for w in q.parts()}
    opts = [g for g in sorted(SCRIPT) if not set(tokens(g)) & taken]
    pt = d.pool.person(d.used, given=r.choice(opts))
    rel = d.person(sex="m", region=pt.region)
    lang = {"kabyle": "Kabyle", "nenets": "Nenets", "sakha": "Sakha", "okinawa": "Japanese",
            "assyrian": "Assyrian Neo-Aramaic", "kalmyk": "Kalmyk"}[pt.region]
    tpl = r.choice([
        "[Message translated from %s] Doctor, the tablets make me dizzy in the morning. "
        "My son $rn will bring me on $dt. - $ps" % lang,
        "Translated patient message (%s): \"I cannot come to the appointment, the bus is not "
        "running.\" Signed: $ps ($pn)" % lang,
        "Message received through the app, machine translation from %s: thank you for the new "
        "hearing aid, I can hear my granddaughter now. $ps" % lang,
    ])
    return d.render(tpl, rn=P(rel, rel.full()), dt=E("DATE", date(r, style="d Mon y")),
                    ps=P(pt, pt.script), pn=P(pt, pt.full()))


def t_email(d):
    r = d.rng
    a, b, pt = d.person(), d.person(), d.person()
    tpl = r.choice([
        "From: $an <$ae>\nTo: $bn <$be>\nSubject: RE: clinic slot\n\nHi $bg,\nYes - $pn can "
        "have the 14:30 on $dt. I'll let the family know.\nThanks\n$ag\n--\n$an\n"
        "Booking coordinator, $org\nTel $tel",
        "From: $ae\nTo: dental.referrals@%s\nSubject: urgent referral - $pn\n\nPlease see "
        "this patient within two weeks (non-healing ulcer, lateral tongue).\n\nKind regards\n"
        "$an\n$tel" % r.choice(["ksgr.ch", "mcl.nl", "gmha.org"]),
        "-----Original message-----\nFrom: $be\nSent: $t\nSubject: hearing aid repair\n"
        "Dear $ag, the aid for $pn (hosp no $mrn) is back from repair.\nBest wishes,\n$bn",
    ])
    return d.render(tpl, an=P(a, a.full()), ae=E("EMAIL", email(r, a)), bn=P(b, b.full()),
                    be=E("EMAIL", email(r, b)), bg=P(b, b.given), ag=P(a, a.given),
                    pn=P(pt, pt.full()), dt=E("DATE", date(r, style="wd d Mon")),
                    org=E("ORG", org(r, a.region)), tel=E("PHONE", phone(r, a.region)),
                    t=E("DATE", date(r, style="dmy/", time=True)), mrn=E("ID", mrn(r)))


def t_dicom_sr(d):
    r = d.rng
    pt, obs = d.person(), d.person()
    tpl = ("(0010,0010) PN [$pc]\n(0010,0020) LO [$mrn]\n(0040,A730) SQ Content Sequence\n"
           "  (0040,A043) CODE (121049, DCM, \"Language of Content Item\")\n"
           "  (0040,A075) PN Observer Name [$oc]\n"
           "  (0040,A160) TEXT [Nodule RUL 6 mm, solid. Follow-up CT in 12 months.]\n"
           "(0040,A032) DT [$ts]")
    return d.render(tpl, pc=P(pt, pt.caret(d.middle(pt))), mrn=E("ID", mrn(r)),
                    oc=P(obs, obs.caret()), ts=E("DATE", hl7ts(r) + "00"))


def t_lims(d):
    r = d.rng
    n = r.randint(2, 3)
    lines = ["SPEC_ID\tPATIENT\tDOB\tTEST\tRESULT\tAUTH"]
    slots = {}
    auth = d.person()
    for i in range(n):
        p = d.person()
        lines.append("%s\t$p%d\t$d%d\t%s\t%s\t$a" % (
            "L%s" % digits(r, 8), i, i,
            *r.choice([("HBA1C", "58 mmol/mol"), ("FERR", "9 ug/L"), ("TSH", "7.9 mU/L"),
                       ("CRP", "112 mg/L"), ("BNP", "1840 ng/L")])))
        slots["p%d" % i] = P(p, p.caret())
        slots["d%d" % i] = E("DATE", dob(r, style="ymd"))
    slots["a"] = P(auth, auth.initials())
    return d.render("\n".join(lines), **slots)


def t_robot_label(d):
    r = d.rng
    pt = d.person()
    tpl = r.choice([
        "$pu\nLANSOPRAZOLE 15MG CAPS x28\nTAKE ONE EACH MORNING\nRx $rx   $dt\nKeep out of "
        "the reach and sight of children",
        "BOX 3 | $pu | $addr | METFORMIN 500MG M/R | 56 | $dt",
    ])
    return d.render(tpl, pu=P(pt, pt.full().upper()), rx=E("ID", "R" + digits(r, 7)),
                    dt=E("DATE", date(r, style="dmy/")), addr=E("LOCATION", address(r, pt.region)))


def t_wristband_ocr(d):
    r = d.rng
    pt = d.person()
    d.ocr = True
    raw = pt.comma(upper=True)
    tpl = r.choice(["$pn\nDOB $dob  $mrn\n|||| ||| |||| ||", "NAME: $pn  MRN:$mrn\nDOB:$dob%s"
                    % stray(r)])
    return d.render(tpl, pn=P(pt, ocr_noise(r, raw)),
                    dob=E("DATE", ocr_noise(r, dob(r, style="dmy/"))),
                    mrn=E("ID", ocr_noise(r, mrn(r))))


def t_whiteboard_ocr(d):
    r = d.rng
    n = r.randint(2, 4)
    lines = ["BAY %d    NURSE: $nn" % r.randint(1, 6)]
    slots = {}
    nu = d.person()
    slots["nn"] = P(nu, nu.given.upper())
    for i in range(n):
        p = d.person()
        lines.append("%d  $p%d   %s" % (i + 1, i, r.choice(["NBM", "FALLS RISK", "1:1", "IVAB",
                                                           "EDD Fri", "O2 2L", "hoist x2"])))
        board = (p.family.upper() + " " + p.given[0] + ".") if p.family else p.given.upper()
        slots["p%d" % i] = P(p, r.choice([board, p.i_sur(), p.full()]))
    return d.render("\n".join(lines), **slots)


def t_overlay_ocr(d):
    r = d.rng
    pt = d.person()
    d.ocr = True
    tpl = r.choice(["$pc%s\n$mrn  $dob\n$org\nW:350 L:40  SL 1.25" % stray(r),
                    "$org  $st\n$pc   $age\nID $mrn  AX T2"])
    return d.render(tpl, pc=P(pt, ocr_noise(r, pt.caret())), mrn=E("ID", ocr_noise(r, mrn(r))),
                    dob=E("DATE", ocr_noise(r, dob(r, style="ymd"))),
                    org=E("ORG", org(r, pt.region)),
                    st=E("DATE", date(r, style="dd-MON-yyyy", time=True)),
                    age=E("AGE", "%03dY" % old(r)))


def t_photo_caption(d):
    r = d.rng
    pt, other = d.person(), d.person()
    tpl = r.choice([
        "Photo: $pn with physio $on on the parallel bars, first steps after the amputation.",
        "A smiling older person in a wheelchair holds a cake; the banner behind reads 'Happy 100th "
        "$pg!'.",
        "Clinical photograph of $pn's right heel (grade 3 pressure ulcer), ruler in frame, "
        "taken $dt.",
        "Caption: $pn and $on at the hospice garden opening in $loc.",
    ])
    return d.render(tpl, pn=P(pt, pt.full()), on=P(other, other.full()), pg=P(pt, pt.given),
                    dt=E("DATE", date(r)), loc=E("LOCATION", place(r, pt.region)))


def t_chat(d):
    r = d.rng
    pt, b = d.person(), d.person()
    a = d.nicknamed() if r.random() < 0.6 else d.person()
    tpl = r.choice([
        "$an: has anyone rung $pl's son re the hearing aids?\n$bn: not yet, will do after "
        "handover\n$an: ta",
        "$bn: dentist coming for $pf at 3, can someone find the denture pot\n$an: its in the "
        "locker x",
        "$an: $ai cant do the physio goals meeting, can u cover $pl?\n$bn: ok",
    ])
    an = a.nick or a.given
    return d.render(tpl, an=P(a, an.lower()), bn=P(b, b.given.lower()), pl=P(pt, pt.lower()),
                    ai=P(a, a.initials().lower()), pf=P(pt, pt.sur().lower()))


def t_short(d):
    r = d.rng
    pt = d.person()
    tpl = r.choice(["Seen: $pn.", "Call $pg re results.", "$pn - DNAR.", "cc $pn",
                    "Interpreter for $pn booked.", "$pi d/w reg."])
    ini = pt.initials()
    return d.render(tpl, pn=P(pt, pt.full()), pg=P(pt, pt.given),
                    pi=P(pt, pt.i_sur() if "." in ini else ini))


def t_interpreter(d):
    r = d.rng
    pt = d.person()
    it = d.person(region=pt.region if pt.region != "wordnames" else None)
    lang = {"hmong": "Hmong", "karen": "S'gaw Karen", "oromo": "Afaan Oromoo",
            "frisian": "West Frisian", "yucatec": "Yucatec Maya", "kabyle": "Kabyle",
            "assyrian": "Assyrian", "wayuu": "Wayuunaiki", "mikmaq": "Mi'kmaw",
            "rapanui": "Rapa Nui", "sakha": "Sakha", "okinawa": "Japanese", "kalmyk": "Kalmyk",
            "nenets": "Nenets", "sorbian": "Upper Sorbian", "romansh": "Romansh",
            "kashubian": "Kashubian", "amish": "Pennsylvania Dutch", "chamorro": "Chamorro",
            "mapuche": "Mapudungun"}.get(pt.region, "BSL")
    tpl = ("Interpreter booking: %s for $pn, outpatient $dt. Interpreter: $itp (tel $tel). "
           "Face to face preferred by patient." % lang)
    return d.render(tpl, pn=P(pt, pt.full()), dt=E("DATE", date(r, style="d Mon y", time=True)),
                    itp=P(it, it.full()), tel=E("PHONE", phone(r, it.region)))


def t_bereavement(d):
    r = d.rng
    pt = d.person()
    nok = d.person(region=pt.region)
    tpl = r.choice([
        "Bereavement office: deceased $pn (NHS $nhs), date of death $dod. Next of kin $nk "
        "($role), $addr. Collection of the certificate arranged for $dt.",
        "Property log - $pn, died $dod: wedding ring, reading glasses, hearing aid (left). "
        "Released to $nk ($role) on $dt, signed for. NHS no $nhs.",
        "Tell Us Once reference given to $nk ($role) of $addr, for the late $pn. Date of "
        "death $dod; registrar appointment $dt.",
    ])
    dod, later = two_dates(r, "dmy/")
    return d.render(tpl, pn=P(pt, pt.full()), nhs=E("ID", nhs(r)),
                    dod=E("DATE", dod), nk=P(nok, nok.full()),
                    role=r.choice({"f": ["daughter", "niece"], "m": ["son", "nephew"]}[nok.sex]
                                  + ([{"f": "wife", "m": "husband"}[nok.sex]]
                                     if nok.sex != pt.sex else [])),
                    addr=E("LOCATION", address(r, nok.region)), dt=E("DATE", later))


def t_national_id(d):
    r = d.rng
    pt = d.person(region=r.choice(sorted(SSN_REGIONS)))
    tpl = r.choice(["Registration: $pn, national no. $ssn, DOB $dob, $loc.",
                    "Identity checked: $pn ($ssn). Address: $addr."])
    return d.render(tpl, pn=P(pt, pt.full()), ssn=E("SSN", ssn(r, pt.region)),
                    dob=E("DATE", dob(r)), loc=E("LOCATION", place(r, pt.region)),
                    addr=E("LOCATION", address(r, pt.region)))


def t_honorific(d):
    r = d.rng
    pt = d.person(region="yucatec")
    rel = d.person(region="yucatec", sex="f")
    hon = {"m": "don", "f": "doña"}[pt.sex]
    tpl = r.choice([
        "Home visit, $loc: %s $pg (as the village calls %s) managing well; grand-niece $rn "
        "does the shopping. BP 148/82. Review 3/12." % (hon, {"m": "him", "f": "her"}[pt.sex]),
        "Community nurse: %s $pg refused the leg dressing again, says the sea air will do. "
        "Discussed with $rn (nephew's wife) on $tel." % hon,
        "Flu clinic, $loc: %s $pg (%s) came on foot with $rn. Vaccine given, left arm." % (
            hon, "$age"),
    ])
    return d.render(tpl, pg=P(pt, pt.given), rn=P(rel, rel.full()),
                    loc=E("LOCATION", place(r, "yucatec")), tel=E("PHONE", phone(r, "yucatec")),
                    age=E("AGE", age_str(r, old(r))))


def t_hospice_narrative(d):
    r = d.rng
    pt = d.person()
    rel = d.person(region=pt.region)
    rel2 = d.person(region=pt.region)
    nur = d.person()
    tpl = ("Hospice admission summary. $pn, $age, was admitted from $org on $dt for symptom "
           "control and end-of-life care. Metastatic disease with liver capsule pain, "
           "controlled with a syringe driver. $pg is aware of the prognosis and has said "
           "that $pr wants to stay here rather than go home; this was discussed openly with "
           "$rn and $r2n, who both attended. Spiritual needs: would like a visit from the "
           "parish priest, and music from home. Family can be reached on $tel day or night. "
           "DNACPR form completed and signed, copy in the notes. Named nurse: $nn. Next "
           "review by the hospice doctor in the morning, sooner if agitated or in pain.")
    if r.random() < 0.5:
        tpl = ("Hospice at home, evening visit. $pg was sleeping when we arrived; $rn says "
               "the night was restless and the breakthrough dose was needed twice. Mouth dry, "
               "skin intact, catheter draining. We talked about what dying may look like and "
               "$r2n asked whether $pr can hear them: we said hearing is thought to stay until "
               "the end. Plan: increase the driver after the doctor's call, continue mouth care, "
               "family to ring $tel at any hour. $pn ($age) was referred by $org on $dt. Visit "
               "by $nn.")
    return d.render(tpl, pn=P(pt, pt.full()), age=E("AGE", age_str(r, old(r))),
                    org=E("ORG", org(r, pt.region)), dt=E("DATE", date(r, style="d Mon y")),
                    pg=P(pt, pt.given), pr={"m": "he", "f": "she"}[pt.sex],
                    rn=P(rel, rel.full()), r2n=P(rel2, rel2.given),
                    tel=E("PHONE", phone(r, pt.region)), nn=P(nur, nur.full()))


PII_TEMPLATES = [
    t_atmist, t_dental_chart, t_ophth_letter, t_audiology, t_physio_goals, t_hospice,
    t_trial_log, t_research_consent, t_pedigree, t_birth_reg, t_death_cert, t_line_list,
    t_occ_health, t_school_nurse, t_telehealth, t_translated_msg, t_email, t_dicom_sr, t_lims,
    t_robot_label, t_wristband_ocr, t_whiteboard_ocr, t_overlay_ocr, t_photo_caption, t_chat,
    t_short, t_interpreter, t_bereavement, t_national_id, t_honorific,
    t_hospice_narrative,
]


# ---------------------------------------------------------------------------------------------
# Texts without identifiers (traps). Each returns plain text; no span is expected.

def pick(r, *opts):
    """One of the variants, or all of them when r is None."""
    return list(opts) if r is None else r.choice(opts)


def x_eyes(r):
    return pick(
        r,
        "Ophthalmology: Posner-Schlossman crisis, IOP 44 in the left eye with fine keratic "
        "precipitates. Started Azarga and oral acetazolamide. Review in 1 week.",
        "Bilateral serous detachments with headache and tinnitus - Vogt-Koyanagi-Harada "
        "disease is the leading diagnosis. Lumbar puncture and high-dose steroids.",
        "Axenfeld-Rieger anomaly: posterior embryotoxon-like line, iris strands to the "
        "cornea; the canal of Schlemm may be hypoplastic. Lifelong IOP monitoring.",
        "Duane retraction syndrome type 1, left eye; no diplopia in primary gaze. Möbius "
        "sequence excluded - facial movement normal.",
        "Leber hereditary optic neuropathy suspected (painless subacute loss, 20s). Genetics "
        "sent. Sub-Tenon triamcinolone is not indicated here.",
        "Drops: Xalatan at night, Simbrinza twice daily, Hylo-Forte for dryness. Iluvien "
        "implant last year in the right eye. Arlt's line on eversion of the lid.",
    )


def x_ears(r):
    return pick(
        r,
        "Audiogram: Carhart notch at 2 kHz with an air-bone gap - otosclerosis likely. Stenger "
        "test negative, so non-organic loss is not suspected.",
        "Rinne-type findings aside, the Schwabach comparison suggests conductive loss. "
        "Toynbee and Politzer manoeuvres explained for the flight.",
        "Vestibular: head impulse (Halmagyi) positive to the left. Fukuda stepping test "
        "turns 50 degrees. Gufoni manoeuvre for lateral canal BPPV; Lempert roll as an "
        "alternative.",
        "Hearing aids: Phonak on the right, Oticon on the left (two services). Widex and "
        "Signia reps visiting clinic on Thursday.",
        "Pendred syndrome: enlarged vestibular aqueduct on CT, goitre, perchlorate discharge "
        "positive. Jervell and Lange-Nielsen excluded with a normal QTc.",
        "Reissner's membrane and the stria vascularis appear intact on this model; the "
        "cochlear implant electrode sits in scala tympani.",
    )


def x_dental(r):
    return pick(
        r,
        "Dental: Eagle syndrome (elongated styloid) considered for the throat pain on "
        "swallowing. Sensodyne and Duraphat 5000 toothpaste advised for sensitivity.",
        "Papillon-Lefèvre syndrome: palmoplantar keratoderma with early periodontitis; the "
        "primary teeth were lost by 4. Periodontal maintenance every 3 months.",
        "Gorlin syndrome: multiple odontogenic keratocysts on the OPG and palmar pits. "
        "Avoid radiotherapy.",
        "Sublingual gland duct of Rivinus noted near the ranula; marsupialisation planned.",
        "Mulberry molars and notched incisors on the OPG: congenital syphilis screen advised.",
        "UR6 MOD amalgam failing; LL7 fissure sealant. BPE 3|2|3 / 2|2|2. Recall 6 months.",
    )


def x_genetics(r):
    return pick(
        r,
        "Beckwith-Wiedemann: macroglossia, omphalocele repaired, hemihypertrophy. Abdominal "
        "ultrasound every 3 months until age 7.",
        "Smith-Lemli-Opitz suspected: 2-3 toe syndactyly, low cholesterol. 7-DHC sent.",
        "Cornelia de Lange features (synophrys, small hands); NIPBL testing. Rubinstein-Taybi "
        "less likely - thumbs are normal.",
        "Wolf-Hirschhorn (4p-) on array: 'Greek helmet' facies, seizures. Sotos excluded.",
        "Kabuki syndrome: long palpebral fissures, persistent fetal finger pads. Waardenburg "
        "type 1 in the differential for the white forelock - dystopia canthorum absent.",
        "Usher syndrome type 2: congenital moderate hearing loss, retinitis pigmentosa from "
        "the teens. Rod-cone ERG arranged.",
        "Pedigree: proband's mother, maternal aunt and maternal grandmother affected; father "
        "and two brothers well. No names recorded in this summary.",
    )


def x_msk(r):
    return pick(
        r,
        "Köhler disease of the navicular in a 5-year-old: rest and a walking boot, good "
        "prognosis. Panner disease of the capitellum in the other clinic child.",
        "Kümmell disease: delayed collapse of a T12 body with an intravertebral cleft. "
        "Kyphoplasty discussed.",
        "Physio goals: 1. stairs with one rail; 2. walk 400 m with a stick; 3. TheraBand "
        "programme twice daily. Kinesio tape for the knee.",
        "Hamstring and psoas tightness, obturator nerve irritation unlikely. Nordic curls "
        "progressed.",
        "Hip: positive log roll, flexion-abduction limited. Plan: hydrotherapy then review "
        "in 6/52.",
    )


def x_infection(r):
    return pick(
        r,
        "IPC line list: 4 cases, 2 confirmed norovirus GII; bay closed; Dificlir for the "
        "C. difficile patient, Vancocin capsules stopped.",
        "Lancefield group A strep from the wound swab; Meronem switched to benzylpenicillin. "
        "Zerbaxa reserved.",
        "Vincent's angina (acute necrotising gingivitis) in a smoker: metronidazole and "
        "chlorhexidine rinse.",
        "Chagas serology positive in a blood donor from South America; cardiology and ECG "
        "for conduction disease.",
        "Occupational health: Engerix B course complete, anti-HBs 240. Twinrix for travel "
        "staff; Revaxis booster due. Priorix and Varivax for non-immune staff.",
        "Petri dish photograph: swarming Proteus; no label visible.",
    )


def x_palliative(r):
    return pick(
        r,
        "Anticipatory meds: Nozinan 6.25 mg SC for nausea, glycopyrronium for secretions, "
        "midazolam for distress. Kwells patch stopped.",
        "Doloplus-2 score 12 (pain likely). Syringe driver started. Family aware.",
        "Cheyne-like periodic breathing, mottled knees. Last days of life; mouth care "
        "two-hourly. Chaplaincy offered.",
        "Hospice day unit: art group, hand massage, and the breathlessness clinic on Tuesday.",
        "Verification of death: no heart sounds for 5 minutes, pupils fixed. Time recorded.",
    )


def x_trial(r):
    return pick(
        r,
        "Screening log: 14 screened, 6 eligible, 4 consented, 2 declined (travel). "
        "Tecentriq arm full; Imfinzi arm open.",
        "Protocol deviation: visit 3 outside the window by 2 days. No safety impact.",
        "Consent form v4.1 replaced v4.0 after the amendment; reconsent needed at next visit.",
        "Eligibility: eGFR > 30, no prior anti-PD-L1, ECOG 0-1.",
    )


def x_school(r):
    return pick(
        r,
        "School nurse: spare Jext and Emerade pens in the office; EpiPen training for staff "
        "on Monday. Easyhaler spacers ordered.",
        "Year 6 height and weight session: 28 pupils measured, letters to go home.",
        "Clenil via spacer twice daily; reliever before PE.",
        "Head lice letter sent to the whole class.",
    )


def x_wordnames(r):
    return pick(
        r,
        "Urine microscopy: coffin-lid crystals (struvite) with a urease-positive organism. "
        "Proteus likely.",
        "Night cramps in both calves; quinine not advised. Stretching before bed.",
        "Sacral wound slow to heal - zinc low. Dietitian to review.",
        "There is no cure, but symptoms can be controlled. Discussed honestly.",
        "Diet: yam and plantain mash at lunch, eating well again, says the day nurse.",
        "Occupational: brewery cellarman, cleans the mash tun; hand dermatitis from caustic.",
        "Mechanism: low-speed collision, driver of a Kia, belted, airbags deployed.",
        "Diet: tolerated steamed bao and soup; no dysphagia.",
        "Lemon pip lodged in the left nostril of a toddler; removed with a hook.",
        "chat: aye, tell yer man the scan's at 3",
        "ok lah, I will bring the notes later",
    )


def x_org_units(r):
    return pick(
        r,
        "The Heimlich manoeuvre poster is up in the day room. Struvite stone clinic moved to "
        "the Lancefield Suite.",
        "Liverpool care pathway is no longer used; individual care plans instead.",
        "Bring the slide sheet from the Mulberry Unit store.",
        "Bing Ward closed for deep clean; patients moved to the discharge lounge.",
        "Usher Ward: 2 beds open, 1 side room, escalation amber.",
    )


def x_chat(r):
    return pick(
        r,
        "anyone got a spare otoscope? ours has walked",
        "can someone restock the dental suction tips pls",
        "fyi lift 2 is out, use the back stairs for the hoist",
        "who's doing the line list today? infection control want it by 11",
        "ambulance bay blocked by a delivery lorry again",
        "pls dont leave the Phonak batteries by the sink",
    )


def x_ocr(r):
    return pick(
        r,
        "R  MLO\nkVp 29  mAs 7O  AGD 1.2mGy",
        "SR CONTAINER\nFINDING: nodule 6 mm\nRECOMMENDATION: CT 12 months",
        "0CT  OD\nRNFL avg 71um  C/D 0.7",
        "AUDIOGRAM  R O  L X\n250 500 1k 2k 4k 8k",
        "WHITEBOARD: BAY 2  NBM x2  FALLS x1  IVAB 10:00",
        "PANO  66kV 8mA 14.1s",
    )


def x_labels(r):
    return pick(
        r,
        "LANSOPRAZOLE 30MG CAPS x28\nTAKE ONE DAILY BEFORE BREAKFAST\nDispensed by robot B",
        "ROBOT FAULT 14: gripper jam, bay 3. Manual pick required.",
        "Wristband printer low on labels - order from stores.",
        "DICOM SR: Observer Type = DEVICE; Device Name = CAD-LUNG 2.1",
        "LIMS: QC failed on analyser 2 (potassium); repeat after recalibration.",
    )


def x_captions(r):
    return pick(
        r,
        "Photo of a dental chart pinned to a corkboard, all boxes empty.",
        "A paramedic's gloved hand holds a blood glucose meter showing 6.2.",
        "Close-up of an audiogram printout with two curves, no header visible.",
        "A hospice garden bench with a small brass plaque reading 'Rest a while'.",
        "A whiteboard reads 'Nil by mouth from midnight' above an empty bed.",
        "Image of a hearing aid on a tissue next to a battery tester.",
    )


def x_short(r):
    return pick(
        r,
        "Obs stable.",
        "NBM from midnight.",
        "Bloods sent.",
        "IOP 18/19.",
        "No DNAR in place.",
        "Mobilising with frame.",
    )


def x_long(r):
    return pick(
        r,
        "Discharge planning meeting: the patient wishes to return home with a package of care "
        "(two carers, four calls a day). The occupational therapist will fit a perching stool "
        "and rails. Falls risk remains high; a pendant alarm is already in place. The GP will "
        "review the diuretics in two weeks. Pharmacy to blister-pack medicines; the robot "
        "labels must be large print. Transport booked for the morning. The family agree. "
        "District nurses to dress the shin wound twice weekly until it has healed.",
        "Ambulance handover (no details recorded on this copy): elderly patient found on the "
        "floor after an unwitnessed fall, long lie estimated at eight hours, hypothermic on "
        "arrival, GCS 14, new confusion, bruising to the left hip with shortening and "
        "external rotation. Given IV paracetamol and warming. Pressure areas red but intact. "
        "Normal baseline per neighbour: independent, walks with a stick, manages stairs.",
    )


TRAP_TEMPLATES = [x_eyes, x_ears, x_dental, x_genetics, x_msk, x_infection, x_palliative,
                  x_trial, x_school, x_wordnames, x_org_units, x_chat, x_ocr, x_labels,
                  x_captions, x_short, x_long]

# Phrases in which a word-name of the pool is an ordinary word (masked before the checks).
DECLARED = ["coffin-lid", "night cramps", "slow to heal", "no cure", "yam and plantain",
            "mash tun", "a kia", "steamed bao", "lemon pip", "yer man", "ok lah"]

# Trap terms, brands, units and coded words this corpus introduces (checked against the earlier
# generators like the names).
TRAP_TERMS = [
    "Posner", "Schlossman", "Vogt", "Koyanagi", "Harada", "Axenfeld", "Rieger", "Schlemm",
    "Duane", "Möbius", "Leber", "Tenon", "Azarga", "Xalatan", "Simbrinza", "Hylo", "Iluvien",
    "Arlt", "Carhart", "Stenger", "Schwabach", "Toynbee", "Politzer", "Halmagyi", "Fukuda",
    "Gufoni", "Lempert", "Phonak", "Oticon", "Widex", "Signia", "Pendred", "Jervell", "Lange",
    "Nielsen", "Reissner", "Eagle", "Sensodyne", "Papillon", "Lefèvre", "Gorlin", "Rivinus",
    "Mulberry", "Beckwith", "Wiedemann", "Lemli", "Opitz", "Cornelia", "Rubinstein", "Taybi",
    "Hirschhorn", "Sotos", "Kabuki", "Waardenburg", "Usher", "Köhler", "Panner", "Kümmell",
    "TheraBand", "Kinesio", "Dificlir", "Vancocin", "Lancefield", "Meronem", "Zerbaxa",
    "Vincent", "Chagas", "Engerix", "Twinrix", "Revaxis", "Priorix", "Varivax", "Petri",
    "Proteus", "Nozinan", "Kwells", "Doloplus", "Tecentriq", "Imfinzi", "Jext", "Emerade",
    "EpiPen", "Easyhaler", "Clenil", "Heimlich", "Bing", "struvite", "Liverpool",
]

# Generic words of organisation and place names (not checked against the earlier generators).
GENERIC = set(tokens(
    "hospital hôpital clinic centre center general national university medical memorial "
    "regional district central clinical republican hospice practice road ltd of de la du des "
    "d' st saint new city house no lot flat court cité community teaching referral college "
    "okrug spital ospidal klinikum kliniken szpital centrum zdrowia w "
    "specjalistyczny powiatowe ul kv pasaje los via sogn dr w health street authority "
    "san civil chu sjukhus bay calle centro"))
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
    keep = x_wordnames(None) + x_org_units(None)
    rest = [t for t in traps if t not in keep]
    traps = keep + rng.sample(rest, N_TRAP - len(keep))
    items = [("pii", x) for x in pii] + [("trap", t) for t in traps]
    rng.shuffle(items)
    for i, (k, x) in enumerate(items):
        tid = "blind8-%03d" % (i + 1)
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
    corpus = os.path.join("sanitizer", "corpus")
    files = sorted(glob.glob(os.path.join(corpus, "generate*.py")))
    files += sorted(glob.glob(os.path.join(corpus, "blind*.jsonl")))
    files = [f for f in files
             if os.path.abspath(f) != here and os.path.basename(f) not in FORBIDDEN]
    gens = [f for f in files if f.endswith(".py")]
    if len(gens) < 9 or len(files) < 15:
        fail("expected the nine earlier generators and blind..blind6.jsonl next to this one "
             "(run from the repo root)")
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


# No organisation or place is exempt from the key-word check in this corpus.
PLACE_EXEMPT = set()

# blind7's gold PERSON name tokens that the first version of this corpus shared with it, as
# given by the scorer who compared the two corpora (blind7 itself stays unread). The regions
# they came from were replaced; none of these words may come back, in a name or anywhere else.
BLIND7_SHARED = {
    "bachisio", "deiana", "dongak", "gavino", "imchen", "jamir", "kharbuli", "kharkongor",
    "kuular", "longkumer", "lyngdoh", "marbaniang", "mongush", "murgia", "nongrum", "ondar",
    "porcu", "saryglar", "sentila", "temjen", "walling", "warjri",
}


def check(out, meta, pool):
    # 0. None of the name tokens blind7 shares (given by the scorer) is in the pool or a text.
    if len(BLIND7_SHARED) != 22:
        fail("the scorer's list of tokens shared with blind7 has 22 entries")
    again = sorted(BLIND7_SHARED & pool.name_words())
    if again:
        fail("pool name parts shared with blind7: " + ", ".join(again))
    for o in out:
        again = sorted(BLIND7_SHARED & set(tokens(o["text"])))
        if again:
            fail("%s: word shared with blind7's names: %s" % (o["id"], ", ".join(again)))
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
    # Street and district words of the addresses (sampled with a separate generator so the
    # corpus itself does not change).
    probe_rng = random.Random(SEED + 1)
    words = set()
    for reg in sorted(REGIONS) + [None]:
        for _ in range(40):
            words |= set(tokens(address(probe_rng, reg)))
    shared = sorted(w for w in words if w in earlier and w not in GENERIC and len(w) > 2)
    if shared:
        fail("address words found in earlier generators: " + ", ".join(shared))
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
