#!/usr/bin/env python3
"""Deterministic generator for the sanitizer's eleventh BLIND corpus (blind11.jsonl), the
fourteenth corpus overall.

Run from the repository root:  python3 sanitizer/corpus/generate_blind11.py
Output is byte-identical on every run (own seed, no clock, no environment, no hash order).

NEVER SCORED: written blind, without reading the sanitizer's source or
sanitizer/tests/generalise.rs, without running the sanitizer, its bench or its failures
example on anything, and without opening generate_blind10.py or blind10.jsonl (another
held-out set). It is meant to be scored ONCE, later, by someone other than its author; until
then it is parsed only (the shape test in sanitizer/tests/corpus.rs). Templates, word lists
and names share nothing by design with generate.py (dev), generate_heldout.py (heldout),
generate_test.py (test), generate_blind.py .. generate_blind9.py, their .jsonl outputs and
names.json: the self-check at the end refuses any pool name part, nickname, trap term,
organisation key word or place found (as a whole word, case-insensitive) in those files.
Only the name particles ole, anak and de and one- or two-letter tokens are exempt.

Genres and their sentence shapes (300 texts: 220 naming a person, 80 with no identifier;
lengths from three words to about 120): dental charts in FDI notation (operator and dental
nurse), optometry recall letters, audiology booth notes, theatre whiteboards (surnames in
capitals), swab and instrument counts signed with initials, sterile-services tray labels
and return notes, pharmacy dispensing labels, family group-chat updates with timestamps and
emoji, statements of fitness for work, school-nurse notes, prison reception health screens
(prisoner number), blood-bank issue slips, DICOM tag dumps (``FAMILY^GIVEN`` person names,
``AS`` ages), radiology overlays with OCR noise (case flips, 0/O and 1/l confusions, dropped
spaces, stray marks), patients' repeat requests by text message (lower-case names),
NHS 111 call transcripts with speaker labels and spoken phone numbers, maternity birth
plans (doula, birth partner), on-call rotas, locker / medicine-box / bed-board captions
that carry a family name in another script (kanji, Devanagari) beside its romanised form,
lower-case staff chat (nicknames, initials), patient-portal messages (e-mail, URL, booking
reference), a long eye-clinic letter, mortuary viewing bookings, occupational-health
replies, identity checks with national personal codes, transfer requests and three-word
notes. People are mentioned repeatedly and partially (surname only, given name only,
title + surname, initials, nickname, lower case, upper case) and every mention carries one
``person`` id.

Names were listed by hand, as commonly borne in these traditions (general knowledge of
public name lists, registers and naming studies; nothing was downloaded). None of these
traditions is listed in an earlier generator's docstring or among the regions briefed for
blind7 .. blind10. Four lie geographically near a briefed region without sharing its
naming tradition, and the self-check (which reads blind7 .. blind9 and their generators)
confirms they share no name token with it: the Seminole of Florida across the Florida
Straits from the Bahamas (blind7), Aruba and Curaçao off La Guajira (Wayuu, blind8),
Taiwan's east coast about 110 km from the southern Ryukyus (Okinawa, blind8) and Jammu a
hundred kilometres or so from the Tibetan settlement at Dharamsala (blind9; the Kangra
family names Katoch and Pathania were left out for that reason). Kanuri (Borno) is in the
same country as the Tiv and Efik of blind9 but far from them and of another language family:
- Kashmir Valley: Kashmiri Pandit family names (Kaul, Raina, Zutshi, Razdan, Wanchoo,
  Kachru, Handoo, Tikoo, Mattoo, Ganjoo, Sapru, Kitchlu), also written in Devanagari, and
  Kashmiri given names (Autar, Pushkar, Makhan, Jialal, Sarwanand, Dinanath; Dulari,
  Mehbooba, Shameema, Fehmeeda, Arundhati);
- Jammu (Dogra): Dogra Rajput family names (Jamwal, Manhas, Slathia, Jasrotia, Andotra,
  Sambyal, Charak) with Gulab, Zorawar, Ranbir, Kuldip, Bimla, Kanta;
- Ainu (Hokkaido: Biratori, Shiraoi): the family names Ainu families were registered under
  (Kayano, Kaizawa, Chiri, Ukaji, Kawamura, Hiramura, Urakawa), also in kanji, with Japanese
  given names of the older generation (Koichi, Kaneto, Mashiho, Yoichi; Yukie, Shizue, Mieko,
  Fusako, Kikue);
- Iban (Sarawak): a given name plus "anak" and the father's given name (Jugah, Linggi,
  Jabu, Jemut, Uggah, Sagah, Nanta, Numpang, Barieng, Masing, Embas; Empiang and the
  Christian names Magdalene, Justina), never cut to a surname;
- Taiwanese indigenous peoples (Atayal, Amis, Paiwan, Bunun): a personal name plus the
  father's name (Walis, Watan, Icyang, Pasuya, Sakinu, Pilin; Yuma, Kolas, Panay; Perin,
  Taru, Yotaka, Parod, Siluko, Nawi, Losin, Kusui);
- Maasai (Kajiado, Narok): men's names with the particle "ole" (son of) before the family
  name (ole Nkaissery, ole Lenku, ole Kina, ole Ntimama, ole Sein, ole Kulet), women's
  without it, and given names (Ledama, Lemayian, Saitoti, Parsimei, Sankale, Meitamei,
  Kasaine; Naserian, Nashipai, Naisula, Nalangu, Nasieku, Soila);
- Muscogee (Creek) Nation and Seminole Tribe of Florida: family names from tribal rolls
  (Harjo, Fixico, Yahola, Chupco, Micco, Emarthla, Bemo; Billie, Jumper, Osceola, Cypress,
  Tommie, Gopher) with SSA given names of the 1930s-60s (Lonnie, Curtis, Cicero, Jimmie,
  Twila, Bernadine, Juanita, Glenda, Velma, Lula, Minnie, Virginia, Thelma, Nola);
- Wallonia: Statbel-era family names of the provinces of Liège and Namur (Dethier, Pirard,
  Lambotte, Thonon, Jadot, Gilson, Massart, Dubuisson, Wuidart, Hubin, Lhoest) and given
  names of the older generation (Freddy, Gaston, Lucien, Désiré; Fernande,
  Mariette, Ginette, Maryse, Raymonde);
- San Marino: family names of the Republic (Gasperoni, Mularoni, Muccioli, Ugolini,
  Zafferani, Beccari, Belluzzi, Podeschi, Stolfi, Michelotti, Ceccoli, Tamagnini,
  Bevitori, Giardi) and two-word given names (Pier Marino, Gian Carlo);
- Central African Republic: family names (Sarandji, Ngrébada, Dologuélé, Ziguélé,
  Kolingba, Goumba, Samba-Panza, Koyambounou) with hyphenated French given names
  (Anicet-Georges, Faustin-Archange; Simplice, Firmin, Apollinaire, Clotilde, Eudoxie,
  Léocadie, Lydie);
- Aruba and Curaçao (Papiamentu): family names (Croes, Oduber, Geerman, Wever, Koolman,
  Rasmijn, Werleman, Girigorie, Koeiman, Asjes, Wiels, hyphenated Wever-Croes) and given
  names (Glenbert, Helmin, Gilmar, Ivar, Edsel, Shurendy; Evelyn, Giselle, Yolanda);
- Sri Lankan Burghers: Dutch- and Portuguese-descended family names (Ludowyk, Ondaatje,
  Jansz, Toussaint, Kelaart, Anthonisz, de Kretser, Ebert, VanderPoorten, Keegel, Ohlmus)
  and given names (Dagobert, Hilton, Percival; Muriel, Ione, Dulcie, Primrose);
- Indigenous peoples of Brazil: the people's name used as a family name (Guajajara,
  Wapichana, Krenak, Suruí, Xakriabá, Terena, Baniwa, Pataxó, Munduruku, Yawanawá,
  Kaingang, Potiguara) with given names (Raoni, Tukumã, Ailton, Almir, Eloy, Kretã; Txai,
  Joênia, Célia, Kerexu, Watatakalu, Sônia);
- Ingushetia: teip family names with -a female forms (Yevloyev, Kostoyev, Ozdoyev,
  Malsagov, Tsechoyev, Dakhkilgov, Barakhoyev, Albogachiyev) and given names (Bagaudin,
  Yunus, Khamzat, Issa; Zalikha, Liza, Markha);
- Kanuri (Borno): names used both as given and as family names (Babagana, Modu, Kyari,
  Bukar, Zannah, Kolo, Goni, Kashim; Shettima, Zulum, Kachalla, Kingibe) and women's names
  (Falmata, Yagana, Fanna, Kaltumi, Amsa);
- Maranao (Lanao del Sur): family names (Dimaporo, Alonto, Lucman, Adiong, Macarambon,
  Pangandaman, Balindong, Tomawis, Lanto, Mindalano) and given names (Acmad, Mamintal,
  Macapanton, Domocao, Pangalian; Sittie, Johaira, Sohaira, Norhata);
- English surnames that are fish, fabrics or coins, word classes no earlier corpus used
  (Haddock, Herring, Roach, Tench, Gudgeon; Silk, Lace; Farthing, Shilling, Dollar, Nickel),
  with Ashby, Lonnie, Nola, Thelma (North Lincolnshire addresses).
Nicknames: Anicet, Faustin, Wata, Baba, Glenny, Nella, Bagi, Bertie, Aru. Names in another
script: 萱野, 貝澤, 知里, 宇梶, 川村, 平村, 浦川 (Ainu family names in kanji) and the Kashmiri
family names in Devanagari (कौल, रैना, ...). Word-names: the fish, fabric and coin surnames,
the Seminole Jumper, Cypress and Gopher, and Virginia.

The 80 texts without identifiers are traps: eponyms, instruments and tests no earlier
corpus used (Cvek, Frankl, Hedstrom, Gates Glidden, Bjerrum, Hruby, Volk, Maddox, Krimsky,
Hirschberg, Bagolini, Frisby, Cardiff cards, Keeler, Perkins, Lea symbols, Jerger, Békésy,
Tullio, Hennebert, Gellé, Lermoyez, Kilner, Bonney, Gosset, Doyen, Mixter, Rampley, Joll,
Travers, Weitlaner, Bowie-Dick, Waddell, Galant, Kristeller, Poupart, Riedel, Camper,
Kerckring, Rosenmüller, Passavant, Killian, Laimer, Zuckerkandl, Grynfeltt, Littre,
Maylard, Thebesian, Vieussens), drug, dental and device brands (Carisolv, Ketac,
Vitrebond, Fuji IX, Optrex, Systane, Cationorm, Otovent, Waxsol, Cerumol, Earol, Voltarol,
Epimax, Hydromol, Doublebase, Zeroderm, Balneum, Solpadol, Tylex, Zapain, Evacal, Accrete,
Dekristol, Invita, Sytron), this corpus's word-names used as words ("cotton wool and a
silk suture", "poached haddock", "red herring", "nickel allergy", "lace-up shoes", "not
worth a farthing", "a thick jumper", "cypress pollen", "Virginia creeper", "a dollar an
hour", "gopher snake", "roach clip"), staff chat without names, overlays without names,
and genre sentences that open with a capitalised word.

Conventions of the gold spans, the same as generate_blind6.py's so that scores compare
(offsets in code points, see the shared corpus format):
- PERSON spans cover the name only, never a title (Dr, Mr, Mrs, Ms) and never a possessive
  's; a DICOM ``FAMILY^GIVEN`` value and a ``Family, Given`` value are one span each; the
  particles "ole", "anak" and "de" are inside the span of the name they belong to; a family
  name in kanji or Devanagari is a mention of the same person as its romanised form;
  initials standing for a person are PERSON; relatives, carers, doulas, callers, packers
  and checkers are people too; a name inside an e-mail address is part of the EMAIL span
  only;
- AGE spans cover the number with its attached unit ("68-year-old", "12 years", "9 yrs",
  "71y", "081Y"); a bare number after "Re: name," in a letter heading is the whole span;
- DATE spans cover a full date in whatever format, with a time written with it; a time
  alone (a chat timestamp) is not a DATE;
- LOCATION spans cover a street address as one span, or a town named alone; ORG spans
  cover the whole name of a hospital, clinic, health station or employer ("Horacio Oduber
  Hospital" is an ORG, not a PERSON);
- ID, PHONE, EMAIL, URL, SSN spans cover the value only, not its label; a phone number read
  out as words in a call transcript is a PHONE. SSN is used for national personal codes
  (Aadhaar, My Number, MyKad, Taiwanese national ID, Kenyan ID, Belgian national register
  number, Sri Lankan NIC, CPF, SNILS, NIN, PhilSys, US SSN); hospital, NHS, prisoner,
  payroll, bereavement-office and booking numbers are ID. Blood-unit numbers, tray lot
  numbers and extensions are not a person's identifiers and are not marked.

Self-check (the script exits non-zero and writes nothing on failure): every span's slice is
exactly the string the template inserted; spans are sorted, non-empty, trimmed and do not
overlap; types are EntityKind names; PERSON spans and only they carry a `person` id, one id
per individual and one individual per id, and each mention is a form of that individual's
name (OCR-noised texts excepted); no part of a person's name occurs outside a span in that
text (a text where it would is drawn again); no pool name part occurs outside a span in any
text, except the word-names listed in WORD_NAMES, which the trap texts use as ordinary words;
texts without identifiers hold no span and every other text names a person (300 texts: 220
with names, 80 without any identifier); ids and texts are unique; no pool name part,
nickname, trap term, organisation key word or place occurs in the earlier generators, their
corpora or names.json (generic words such as Hospital, Centre, Road are not checked).
"""

import json
import os
import random
import re
import sys

SEED = 11_270_814
OUT = os.path.join("sanitizer", "corpus", "blind11.jsonl")
N_PII = 220
N_TRAP = 80
KINDS = {"PERSON", "DATE", "AGE", "ID", "PHONE", "EMAIL", "URL", "SSN", "LOCATION", "ORG"}
EARLIER = ["generate.py", "generate_heldout.py", "generate_test.py", "generate_blind.py",
           "generate_blind2.py", "generate_blind3.py", "generate_blind4.py",
           "generate_blind5.py", "generate_blind6.py", "generate_blind7.py",
           "generate_blind8.py", "generate_blind9.py", "dev.jsonl", "heldout.jsonl",
           "test.jsonl", "blind.jsonl", "blind2.jsonl", "blind3.jsonl", "blind4.jsonl",
           "blind5.jsonl", "blind6.jsonl", "blind7.jsonl", "blind8.jsonl", "blind9.jsonl",
           "names.json"]


def fail(msg):
    sys.stderr.write("generate_blind11.py: self-check failed: " + msg + "\n")
    sys.exit(1)


# ---------------------------------------------------------------------------------------------
# Names (see the docstring for sources). Regions whose names are a given name plus the
# father's given name ("patronymic") are never cut to a surname alone.

REGIONS = {
    "kashmiri": dict(
        m=["Autar", "Pushkar", "Makhan", "Jialal", "Sarwanand", "Dinanath"],
        f=["Dulari", "Mehbooba", "Shameema", "Fehmeeda", "Arundhati"],
        fam=["Kaul", "Raina", "Zutshi", "Razdan", "Wanchoo", "Kachru", "Handoo", "Tikoo",
             "Mattoo", "Ganjoo", "Sapru", "Kitchlu"],
    ),
    "dogra": dict(
        m=["Gulab", "Zorawar", "Ranbir", "Kuldip"],
        f=["Bimla", "Kanta"],
        fam=["Jamwal", "Manhas", "Slathia", "Jasrotia", "Andotra", "Sambyal", "Charak"],
    ),
    "ainu": dict(
        m=["Koichi", "Kaneto", "Mashiho", "Yoichi"],
        f=["Yukie", "Shizue", "Mieko", "Fusako", "Kikue"],
        fam=["Kayano", "Kaizawa", "Chiri", "Ukaji", "Kawamura", "Hiramura", "Urakawa"],
    ),
    "iban": dict(
        m=["Jugah", "Linggi", "Jabu", "Jemut", "Uggah", "Sagah", "Nanta", "Numpang",
           "Barieng", "Masing", "Embas"],
        f=["Empiang", "Magdalene", "Justina"],
        fam=["anak Jugah", "anak Linggi", "anak Jabu", "anak Jemut", "anak Uggah",
             "anak Sagah", "anak Nanta", "anak Numpang", "anak Barieng", "anak Masing",
             "anak Embas"],
    ),
    "taiwan": dict(
        m=["Walis", "Watan", "Icyang", "Pasuya", "Sakinu", "Pilin"],
        f=["Yuma", "Kolas", "Panay"],
        fam=["Perin", "Taru", "Yotaka", "Parod", "Siluko", "Nawi", "Losin", "Kusui"],
    ),
    "maasai": dict(
        m=["Ledama", "Lemayian", "Saitoti", "Parsimei", "Sankale", "Meitamei", "Kasaine"],
        f=["Naserian", "Nashipai", "Naisula", "Nalangu", "Nasieku", "Soila"],
        famm=["ole Nkaissery", "ole Lenku", "ole Kina", "ole Ntimama", "ole Sein",
              "ole Kulet"],
        famf=["Nkaissery", "Lenku", "Kina", "Ntimama", "Sein", "Kulet"],
    ),
    "muscogee": dict(
        m=["Lonnie", "Curtis", "Cicero"],
        f=["Twila", "Bernadine", "Juanita", "Glenda", "Velma", "Lula"],
        fam=["Harjo", "Fixico", "Yahola", "Chupco", "Micco", "Emarthla", "Bemo"],
    ),
    "seminole": dict(
        m=["Jimmie", "Cicero"],
        f=["Minnie", "Virginia", "Thelma", "Nola"],
        fam=["Billie", "Jumper", "Osceola", "Cypress", "Tommie", "Gopher"],
    ),
    "walloon": dict(
        m=["Freddy", "Gaston", "Lucien", "Désiré"],
        f=["Fernande", "Mariette", "Ginette", "Maryse", "Raymonde"],
        fam=["Dethier", "Pirard", "Lambotte", "Thonon", "Jadot", "Gilson", "Massart",
             "Dubuisson", "Wuidart", "Hubin", "Lhoest"],
    ),
    "sanmarino": dict(
        m=["Pier Marino", "Gian Carlo", "Augusto", "Luciano"],
        f=["Marinella", "Giuliana", "Oriana"],
        fam=["Gasperoni", "Mularoni", "Muccioli", "Ugolini", "Zafferani", "Beccari",
             "Belluzzi", "Podeschi", "Stolfi", "Michelotti", "Ceccoli", "Tamagnini",
             "Bevitori", "Giardi"],
    ),
    "car": dict(
        m=["Anicet-Georges", "Simplice", "Firmin", "Faustin-Archange", "Apollinaire"],
        f=["Clotilde", "Eudoxie", "Léocadie", "Lydie"],
        fam=["Sarandji", "Ngrébada", "Dologuélé", "Ziguélé", "Kolingba", "Goumba",
             "Samba-Panza", "Koyambounou"],
    ),
    "papiamentu": dict(
        m=["Glenbert", "Helmin", "Gilmar", "Ivar", "Edsel", "Shurendy"],
        f=["Evelyn", "Giselle", "Yolanda"],
        fam=["Croes", "Oduber", "Geerman", "Wever", "Koolman", "Rasmijn", "Werleman",
             "Girigorie", "Koeiman", "Asjes", "Wiels", "Wever-Croes"],
    ),
    "burgher": dict(
        m=["Dagobert", "Hilton", "Percival"],
        f=["Muriel", "Ione", "Dulcie", "Primrose"],
        fam=["Ludowyk", "Ondaatje", "Jansz", "Toussaint", "Kelaart", "Anthonisz",
             "de Kretser", "Ebert", "VanderPoorten", "Keegel", "Ohlmus"],
    ),
    "brazil": dict(
        m=["Raoni", "Tukumã", "Ailton", "Almir", "Eloy", "Kretã"],
        f=["Txai", "Joênia", "Célia", "Kerexu", "Watatakalu", "Sônia"],
        fam=["Guajajara", "Wapichana", "Krenak", "Suruí", "Xakriabá", "Terena", "Baniwa",
             "Pataxó", "Munduruku", "Yawanawá", "Kaingang", "Potiguara"],
    ),
    "ingush": dict(
        m=["Bagaudin", "Yunus", "Khamzat", "Issa"],
        f=["Zalikha", "Liza", "Markha"],
        famm=["Yevloyev", "Kostoyev", "Ozdoyev", "Malsagov", "Tsechoyev", "Dakhkilgov",
              "Barakhoyev", "Albogachiyev"],
        famf=["Yevloyeva", "Kostoyeva", "Ozdoyeva", "Malsagova", "Tsechoyeva",
              "Dakhkilgova", "Barakhoyeva", "Albogachiyeva"],
    ),
    "kanuri": dict(
        m=["Babagana", "Modu", "Kyari", "Bukar", "Zannah", "Kolo", "Goni", "Kashim"],
        f=["Falmata", "Yagana", "Fanna", "Kaltumi", "Amsa"],
        fam=["Shettima", "Kyari", "Zulum", "Modu", "Bukar", "Kachalla", "Kingibe", "Zannah"],
    ),
    "maranao": dict(
        m=["Acmad", "Mamintal", "Macapanton", "Domocao", "Pangalian"],
        f=["Sittie", "Johaira", "Sohaira", "Norhata"],
        fam=["Dimaporo", "Alonto", "Lucman", "Adiong", "Macarambon", "Pangandaman",
             "Balindong", "Tomawis", "Lanto", "Mindalano"],
    ),
    "wordnames": dict(
        m=["Ashby", "Lonnie"],
        f=["Nola", "Thelma"],
        fam=["Haddock", "Herring", "Roach", "Tench", "Gudgeon", "Silk", "Lace", "Farthing",
             "Shilling", "Dollar", "Nickel"],
    ),
}
PATRONYMIC = {"iban", "taiwan"}

# Family names in another script: Ainu family names in the kanji they are registered in,
# Kashmiri Pandit family names in Devanagari.
SCRIPT = {
    "Kayano": "萱野", "Kaizawa": "貝澤", "Chiri": "知里", "Ukaji": "宇梶", "Kawamura": "川村",
    "Hiramura": "平村", "Urakawa": "浦川",
    "Kaul": "कौल", "Raina": "रैना", "Zutshi": "ज़ुत्शी", "Razdan": "रज़दान", "Wanchoo": "वांचू",
    "Kachru": "काचरू", "Handoo": "हांडू", "Tikoo": "टिक्कू", "Mattoo": "मट्टू", "Ganjoo": "गंजू",
    "Sapru": "सप्रू", "Kitchlu": "किचलू",
}

# Everyday short forms, used by colleagues and relatives in chat and notes.
NICKS = {
    "Anicet-Georges": "Anicet", "Faustin-Archange": "Faustin", "Watatakalu": "Wata",
    "Babagana": "Baba", "Glenbert": "Glenny", "Marinella": "Nella", "Bagaudin": "Bagi",
    "Percival": "Bertie", "Arundhati": "Aru",
}
# Name particles that may occur as ordinary words and are not checked alone.
PARTICLES = {"ole", "anak", "de"}

# Initials that spell a word are written with full stops instead ("O.K.", not "OK").
WORDLIKE_INITIALS = {"OK", "NO", "AM", "PM", "IT", "IN", "ON", "AT", "AS", "IS", "OR", "AN",
                     "BE", "DO", "GO", "HE", "ME", "MY", "SO", "TO", "UP", "US", "WE", "OF", "IF",
                     "BY", "NG", "ED", "GP", "BP", "HR", "RR", "CT", "MR", "DR", "MS", "ST",
                     "TB", "HB", "NA", "PA", "OT", "UK", "HIM", "HER", "SHE", "THE", "AND",
                     "SOS", "ICU", "ECG", "GCS", "FAG", "ASS", "GAY", "SEX", "NHS", "DNA",
                     "BMJ", "POO", "WEE", "HOE", "PIG", "COW", "DOG", "FAT", "SAD", "MAD",
                     "BAD", "ILL", "DIE", "KKK", "GOD"}

# Pool name parts that are ordinary words; the trap texts use them as words (the check that
# no name part occurs outside a span in the same text still applies to them).
WORD_NAMES = {"haddock", "herring", "silk", "lace", "farthing", "dollar", "nickel", "jumper",
              "cypress", "gopher", "roach", "virginia"}

TOKEN = re.compile(r"[^\W\d_]+", re.UNICODE)


def tokens(s):
    """Lower-cased letter runs of a string (apostrophes, hyphens and spaces split)."""
    return [t.lower() for t in TOKEN.findall(s)]


class Person:
    """One individual: given name, family name (or father's name), sex, region."""

    def __init__(self, given, family, sex, region):
        self.given = given
        self.family = family
        self.sex = sex
        self.region = region
        self.nick = NICKS.get(given)
        self.patronymic = region in PATRONYMIC

    def has_script(self):
        return self.family in SCRIPT

    def script(self):
        """The family name in its own script (Ainu and Kashmiri names only)."""
        return SCRIPT[self.family]

    def parts(self):
        out = tokens(self.given) + tokens(self.family)
        if self.nick:
            out += tokens(self.nick)
        if self.has_script():
            out += tokens(self.script())
        return out

    def full(self):
        return self.given + " " + self.family

    def sur(self):
        """How a surname-only mention reads (the whole name for a patronymic name)."""
        return self.full() if self.patronymic else self.family

    def initials(self, dots=False):
        words = [w for w in re.split(r"[ \-]", self.given + " " + self.family)
                 if w and w not in PARTICLES]
        letters = [w[0].upper() for w in words]
        if not dots and "".join(letters) in WORDLIKE_INITIALS:
            dots = True
        return (".".join(letters) + ".") if dots else "".join(letters)

    def caret(self):
        if self.patronymic:
            return self.full().upper().replace(" ", "^")
        return self.family.upper() + "^" + self.given.upper()

    def comma(self, upper=False):
        if self.patronymic:
            return self.full().upper() if upper else self.full()
        fam = self.family.upper() if upper else self.family
        return fam + ", " + self.given

    def i_sur(self):
        if self.patronymic:
            return self.full()
        return self.given[0] + ". " + self.family

    def lower(self):
        return self.full().lower()

    def casual(self):
        """The name colleagues use in chat: the nickname or the given name."""
        return self.nick or self.given


def title(p):
    """Mr, or Mrs / Ms for a woman (fixed by the name, so a text stays consistent)."""
    if p.sex == "m":
        return "Mr"
    return "Ms" if len(p.family) % 2 else "Mrs"


def tt(p):
    """The title before a surname-only mention ("Mr "), none before a patronymic name."""
    return "" if p.patronymic else title(p) + " "


class Pool:
    """Draws people without repeating a name part within one text."""

    def __init__(self, rng):
        self.rng = rng

    def person(self, used, region=None, sex=None, given=None):
        rng = self.rng
        if given is not None:
            region = next(k for k in sorted(REGIONS)
                          if given in REGIONS[k]["m"] + REGIONS[k]["f"])
            sex = "m" if given in REGIONS[region]["m"] else "f"
        for _ in range(300):
            reg = region or rng.choice(sorted(REGIONS))
            d = REGIONS[reg]
            sx = sex or rng.choice("mf")
            first = given or rng.choice(d[sx])
            fam = rng.choice(d["fam" + sx] if "fam" + sx in d else d["fam"])
            if set(tokens(fam)) & set(tokens(first)):
                continue
            p = Person(first, fam, sx, reg)
            key = set(p.parts()) - PARTICLES
            if any(key & set(q.parts()) for q in used):
                continue
            used.append(p)
            return p
        fail("could not draw a person")

    def name_words(self):
        out = set()
        for d in REGIONS.values():
            for k in ("m", "f", "fam", "famm", "famf"):
                for x in d.get(k, []):
                    out |= set(tokens(x))
        for n in NICKS.values():
            out |= set(tokens(n))
        for s in SCRIPT.values():
            out |= set(tokens(s))
        return out - PARTICLES


# ---------------------------------------------------------------------------------------------
# ---------------------------------------------------------------------------------------------
# Dates, numbers, organisations and places.

MON = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
       "October", "November", "December"]
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def ordinal(n):
    if 10 <= n % 100 <= 20:
        return str(n) + "th"
    return str(n) + {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def weekday(y, m, d):
    """Day of the week by the days-from-civil algorithm (1970-01-01 was a Thursday)."""
    yy = y - (m <= 2)
    era = yy // 400
    yoe = yy - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    days = era * 146097 + doe - 719468
    return DAYS[(days + 3) % 7]


def fmt_date(rng, y, m, d, style=None, time=False):
    styles = ["dmy/", "dmy.", "iso", "d Mon y", "Month d, y", "dth Month y", "dd-MON-yyyy",
              "d/m/yy", "wd d Mon", "m/d/y", "ymd"]
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
    elif k == "wd d Mon":
        s = "%s %d %s %d" % (weekday(y, m, d), d, MON[m - 1][:3], y)
    elif k == "m/d/y":
        s = "%d/%d/%d" % (m, d, y)
    else:
        s = "%d%02d%02d" % (y, m, d)
    if time:
        hh, mm = rng.randint(0, 23), rng.choice([0, 5, 10, 15, 20, 30, 35, 40, 45, 50])
        s += rng.choice([" %02d:%02d", " at %02d:%02d", " %02d%02d hrs"]) % (hh, mm)
    return s


def ymd(rng, y0, y1):
    return rng.randint(y0, y1), rng.randint(1, 12), rng.randint(1, 28)


def date(rng, y0=2022, y1=2026, **kw):
    y, m, d = ymd(rng, y0, y1)
    return fmt_date(rng, y, m, d, **kw)


def dob(rng, y0=1931, y1=2006, **kw):
    y, m, d = ymd(rng, y0, y1)
    return fmt_date(rng, y, m, d, **kw)


def dob_for_age(rng, age, ref_year=2025, **kw):
    """A date of birth that makes someone `age` in the reference year."""
    return fmt_date(rng, ref_year - age, rng.randint(1, 12), rng.randint(1, 28), **kw)


def digits(rng, n):
    return "".join(str(rng.randint(0, 9)) for _ in range(n))


def nhs(rng):
    while True:
        ds = [rng.randint(0, 9) for _ in range(9)]
        if ds[0] == 0:
            continue
        c = 11 - sum(x * (10 - i) for i, x in enumerate(ds)) % 11
        c = 0 if c == 11 else c
        if c == 10:
            continue
        s = "".join(map(str, ds)) + str(c)
        return s[:3] + " " + s[3:6] + " " + s[6:]



def mrn(rng, region=None):
    if region == "wordnames":
        return nhs(rng)
    k = rng.randrange(6)
    if k == 0:
        return "RX" + digits(rng, 6)
    if k == 1:
        return digits(rng, 3) + "-" + digits(rng, 3) + "-" + digits(rng, 3)
    if k == 2:
        return "M/" + digits(rng, 5) + "/" + digits(rng, 2)
    if k == 3:
        return "%s.%s" % (digits(rng, 5), digits(rng, 3))
    if k == 4:
        return "Q" + digits(rng, 4) + rng.choice("ABCDEFGH")
    return digits(rng, 9)


PHONES = {
    "kashmiri": lambda r: "+91 194 %s %s" % (digits(r, 3), digits(r, 4)),
    "dogra": lambda r: "+91 191 %s %s" % (digits(r, 3), digits(r, 4)),
    "ainu": lambda r: "01457-%s-%s" % (digits(r, 2), digits(r, 4)),
    "iban": lambda r: "+60 84-%s %s" % (digits(r, 3), digits(r, 3)),
    "taiwan": lambda r: "+886 3 %s %s" % (digits(r, 3), digits(r, 4)),
    "maasai": lambda r: "+254 72%s %s %s" % (digits(r, 1), digits(r, 3), digits(r, 3)),
    "muscogee": lambda r: "(918) 75%s-%s" % (digits(r, 1), digits(r, 4)),
    "seminole": lambda r: "(954) 96%s-%s" % (digits(r, 1), digits(r, 4)),
    "walloon": lambda r: "+32 4 %s %s %s" % (digits(r, 3), digits(r, 2), digits(r, 2)),
    "sanmarino": lambda r: "+378 0549 %s" % digits(r, 6),
    "car": lambda r: "+236 75 %s %s %s" % (digits(r, 2), digits(r, 2), digits(r, 2)),
    "papiamentu": lambda r: "+599 9 %s %s" % (digits(r, 3), digits(r, 4)),
    "burgher": lambda r: "011 2%s %s" % (digits(r, 2), digits(r, 4)),
    "brazil": lambda r: "(95) 9%s-%s" % (digits(r, 4), digits(r, 4)),
    "ingush": lambda r: "+7 928 %s-%s-%s" % (digits(r, 3), digits(r, 2), digits(r, 2)),
    "kanuri": lambda r: "0805 %s %s" % (digits(r, 3), digits(r, 4)),
    "maranao": lambda r: "0917 %s %s" % (digits(r, 3), digits(r, 4)),
    "wordnames": lambda r: "01472 %s" % digits(r, 6),
}


def phone(rng, region=None):
    f = PHONES.get(region)
    if f is None:
        return "07700 900%s" % digits(rng, 3)
    return f(rng)


def ssn(rng, region):
    """A national personal code in the form of the person's country."""
    if region in ("kashmiri", "dogra"):
        return "%d%s %s %s" % (rng.randint(2, 9), digits(rng, 3), digits(rng, 4),
                               digits(rng, 4))
    if region == "ainu":
        return "%s %s %s" % (digits(rng, 4), digits(rng, 4), digits(rng, 4))
    if region == "iban":
        return "%02d%02d%02d-13-%s" % (rng.randint(40, 99), rng.randint(1, 12),
                                        rng.randint(1, 28), digits(rng, 4))
    if region == "taiwan":
        return rng.choice("UVT") + rng.choice("12") + digits(rng, 8)
    if region == "maasai":
        return digits(rng, 8)
    if region == "walloon":
        return "%02d.%02d.%02d-%s.%s" % (rng.randint(30, 99), rng.randint(1, 12),
                                          rng.randint(1, 28), digits(rng, 3), digits(rng, 2))
    if region == "burgher":
        return "%02d%s%sV" % (rng.randint(40, 99), digits(rng, 3), digits(rng, 4))
    if region == "brazil":
        return "%s.%s.%s-%s" % (digits(rng, 3), digits(rng, 3), digits(rng, 3), digits(rng, 2))
    if region == "ingush":
        return "%s-%s-%s %s" % (digits(rng, 3), digits(rng, 3), digits(rng, 3), digits(rng, 2))
    if region == "kanuri":
        return digits(rng, 11)
    if region == "maranao":
        return "%s-%s-%s-%s" % (digits(rng, 4), digits(rng, 4), digits(rng, 4), digits(rng, 4))
    return "%d-%s-%s" % (rng.randint(400, 699), digits(rng, 2), digits(rng, 4))


ORGS = {
    "kashmiri": ["SKIMS Soura", "SMHS Hospital Srinagar"],
    "dogra": ["Government Medical College Jammu", "District Hospital Kathua"],
    "ainu": ["Biratori Town National Health Insurance Clinic", "Tomakomai City Hospital"],
    "iban": ["Sibu Hospital", "Kapit Hospital", "Betong Hospital"],
    "taiwan": ["Fuli Township Health Station", "Ruisui Township Health Station"],
    "maasai": ["Kajiado County Referral Hospital", "Narok County Referral Hospital"],
    "muscogee": ["Muscogee Nation Medical Center", "Okemah Community Hospital"],
    "seminole": ["Seminole Tribe Health Department", "Clewiston Community Clinic"],
    "walloon": ["CHR de la Citadelle", "Clinique Saint-Luc Bouge", "CHR Verviers"],
    "sanmarino": ["Ospedale di Stato della Repubblica di San Marino"],
    "car": ["Hôpital de l'Amitié", "Hôpital Communautaire de Bangui"],
    "papiamentu": ["Horacio Oduber Hospital", "Curaçao Medical Center"],
    "burgher": ["Durdans Hospital", "Asiri Central Hospital"],
    "brazil": ["Casa de Saúde Indígena de Altamira", "Hospital Regional de Pacaraima"],
    "ingush": ["Ingush Republican Clinical Hospital", "Nazran City Hospital"],
    "kanuri": ["University of Maiduguri Teaching Hospital",
               "State Specialist Hospital Maiduguri"],
    "maranao": ["Amai Pakpak Medical Center", "Northern Mindanao Medical Center"],
    "wordnames": ["Goole and District Hospital", "Cleethorpes Primary Care Centre"],
}

PLACES = {
    "kashmiri": ["Srinagar", "Anantnag", "Baramulla", "Sopore", "Pulwama"],
    "dogra": ["Jammu", "Kathua", "Udhampur", "Akhnoor"],
    "ainu": ["Biratori", "Nibutani", "Shiraoi", "Asahikawa", "Kushiro"],
    "iban": ["Kapit", "Sibu", "Betong", "Kanowit"],
    "taiwan": ["Fuli", "Wulai", "Jianshi", "Ruisui", "Guangfu"],
    "maasai": ["Kajiado", "Narok", "Loitokitok", "Ngong", "Kitengela"],
    "muscogee": ["Okmulgee", "Okemah", "Holdenville", "Eufaula"],
    "seminole": ["Immokalee", "Clewiston"],
    "walloon": ["Namur", "Huy", "Verviers", "Bastogne", "Dinant"],
    "sanmarino": ["Borgo Maggiore", "Serravalle", "Domagnano", "Faetano", "Chiesanuova"],
    "car": ["Bangui", "Bimbo", "Berbérati", "Bambari", "Bouar"],
    "papiamentu": ["Oranjestad", "Willemstad", "Noord", "Otrobanda"],
    "burgher": ["Dehiwala", "Wellawatte", "Moratuwa"],
    "brazil": ["Tabatinga", "Altamira", "Barra do Corda", "Imperatriz", "Pacaraima"],
    "ingush": ["Nazran", "Magas", "Malgobek", "Karabulak", "Sunzha"],
    "kanuri": ["Maiduguri", "Biu", "Monguno", "Bama", "Dikwa"],
    "maranao": ["Marawi", "Iligan", "Malabang", "Tamparan"],
    "wordnames": ["Grimsby", "Cleethorpes", "Goole", "Brigg"],
}


def address(rng, region):
    n = rng.randint(2, 160)
    a = {
        "kashmiri": "House %d, Rainawari, Srinagar 190003" % n,
        "dogra": "%d Gandhi Nagar, Jammu 180004" % n,
        "ainu": "%d-%d Nibutani, Biratori, Hokkaido 055-0101" % (n, rng.randint(1, 9)),
        "iban": "Lot %d, Lorong Ulu Oya 3, Sibu" % n,
        "taiwan": "No. %d, Zhongshan Road, Fuli Township" % n,
        "maasai": "Plot %d, Kitengela, Kajiado" % (n * 3),
        "muscogee": "%d N Wood Dr, Okmulgee, OK 74447" % (n * 7),
        "seminole": "%d Stirling Road, Hollywood, FL 33024" % (n * 31),
        "walloon": "Rue Saint-Gilles %d, 4000 Liège" % n,
        "sanmarino": "Strada Serrabolino %d, 47891 Dogana" % n,
        "car": "Rue %d, Quartier Lakouanga, Bangui" % n,
        "papiamentu": "Seroe Blanco %d, Oranjestad" % n,
        "burgher": "%d Hill Street, Dehiwala" % n,
        "brazil": "Rua Ajuricaba, %d, Pacaraima - RR" % (n * 5),
        "ingush": "ul. Moskovskaya %d, Nazran" % n,
        "kanuri": "%d Baga Road, Maiduguri" % n,
        "maranao": "Purok %d, Barangay Saduc, Marawi City" % rng.randint(1, 9),
    }.get(region)
    return a or "%d Freeman Street, Grimsby DN32 %d%s" % (n, rng.randint(1, 9),
                                                        rng.choice(["AB", "QT", "HL"]))


def org(rng, region):
    return rng.choice(ORGS.get(region) or ORGS["wordnames"])


def place(rng, region):
    return rng.choice(PLACES.get(region) or PLACES["wordnames"])


MAIL = {"walloon": "chrcitadelle.be", "sanmarino": "iss.sm", "wordnames": "nhs.net",
        "muscogee": "creekhealth.org", "burgher": "durdans.com", "papiamentu": "cmc.cw"}


def email(rng, p, domain):
    loc = rng.choice(["%s.%s", "%s%s", "%s_%s"])
    g = re.sub(r"[^a-z]", "", p.given.lower())
    f = re.sub(r"[^a-z]", "", p.family.lower())
    return (loc % (g[0] if rng.random() < 0.5 else g, f)) + "@" + domain


# ---------------------------------------------------------------------------------------------
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
    """One text being built: its random source, people drawn and OCR flag."""

    def __init__(self, rng, pool):
        self.rng = rng
        self.pool = pool
        self.used = []
        self.ocr = False

    def person(self, **kw):
        return self.pool.person(self.used, **kw)

    def nicknamed(self):
        taken = {w for q in self.used for w in q.parts()}
        opts = [g for g in sorted(NICKS) if not set(tokens(g)) & taken]
        return self.pool.person(self.used, given=self.rng.choice(opts))

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
        text.append(tpl[pos:])
        return "".join(text), ents


def ocr_noise(rng, s, level=0.12):
    """OCR errors: 0/O, 1/l/I, case flips, dropped spaces."""
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


# ---------------------------------------------------------------------------------------------
# Templates with identifiers. Each takes a Doc and returns (text, spans).

FDI = ["16", "26", "36", "46", "11", "21", "37", "47", "24", "45"]


def t_dental_chart(d):
    r = d.rng
    pt, dent, dn = d.person(), d.person(), d.person()
    t1, t2 = r.sample(FDI, 2)
    tpl = ("DENTAL CHART  $dt\nPt: $pt   DOB $dob   Rec no $mrn\n"
           "%s MOD amalgam sound | %s DO caries into dentine, Cvek-style partial pulpotomy "
           "planned\nBPE 2/2/1 ; 3/2/2\nFissure sealants 36 46 intact\nOperator: $dent   "
           "DN: $dn\nNext: 3/12 recall with $dsur" % (t1, t2))
    return d.render(tpl, dt=E("DATE", date(r, style="dmy.")), pt=P(pt, pt.comma()),
                    dob=E("DATE", dob(r, style="dmy.")), mrn=E("ID", mrn(r, pt.region)),
                    dent=P(dent, dent.i_sur()), dn=P(dn, dn.initials()),
                    dsur=P(dent, dent.sur()))


def t_optom_recall(d):
    r = d.rng
    pt, opt = d.person(), d.person()
    tpl = ("$org\nOptometry Department\n\n$addr\n\n$dt\n\nDear $tpt$ps,\n"
           "Our records show that your diabetic eye check and field test (Bjerrum screen "
           "replaced by automated perimetry) are now due. Please ring $tel to book; bring "
           "your glasses and a list of your eye drops. If you have moved, let us know.\n\n"
           "Yours sincerely,\n$opt\nOptometrist")
    return d.render(tpl, org=E("ORG", org(r, pt.region)),
                    addr=E("LOCATION", address(r, pt.region)),
                    dt=E("DATE", date(r, style="dth Month y")), tpt=tt(pt),
                    ps=P(pt, pt.sur()), tel=E("PHONE", phone(r, pt.region)),
                    opt=P(opt, opt.full()))


def t_audiology_booth(d):
    r = d.rng
    pt, aud = d.person(), d.person()
    a = r.randint(6, 94)
    tpl = r.choice([
        "BOOTH 2  $pt ($agey)  masking used R. Jerger type A both ears, Békésy tracing "
        "not done. Tester $ai.",
        "Booth note: $pg came in with a relative, wax L cleared with Otovent first. PTA "
        "reliable. $ai / $dt",
        "Sound-field VRA for $pt, aged $agem: responses at 30 dB HL 500-4k. Parent present. "
        "Tested by $af.",
    ])
    return d.render(tpl, pt=P(pt, pt.full()), agey=E("AGE", "%dy" % a),
                    agem=E("AGE", "%d months" % r.randint(7, 30)),
                    ai=P(aud, aud.initials()), pg=P(pt, pt.given),
                    dt=E("DATE", date(r, style="d/m/yy")), af=P(aud, aud.full()))


def t_theatre_board(d):
    r = d.rng
    p1, p2, sur, scr, ana = d.person(), d.person(), d.person(), d.person(), d.person()
    tpl = ("THEATRE 4 WHITEBOARD   $dt\nSurgeon: $surn   Anaes: $anan   Scrub: $scrn\n"
           "1. $p1 - lap chole - LATEX ALLERGY\n2. $p2 - hernia (Poupart's lig. repair) - "
           "diabetic, first if poss\nKilner and Bonney trays from CSSD by 08:15\n"
           "WHO sign-in: $scri")
    return d.render(tpl, dt=E("DATE", date(r, style="wd d Mon")),
                    surn=P(sur, sur.sur().upper()), anan=P(ana, ana.sur().upper()),
                    scrn=P(scr, scr.casual()), p1=P(p1, p1.sur().upper()),
                    p2=P(p2, p2.sur().upper()), scri=P(scr, scr.initials()))


def t_swab_count(d):
    r = d.rng
    pt, s1, s2 = d.person(), d.person(), d.person()
    tpl = ("SWAB / INSTRUMENT COUNT\nPatient: $pt   Hosp no $mrn\nSwabs 10x10: 20 / 20   "
           "Raytec 5 / 5   Needles 4 / 4   Blades 2 / 2\nFirst count: $s1 + $s2\n"
           "Closing count correct at $tm, signed $s1i / $s2i")
    return d.render(tpl, pt=P(pt, pt.caret()), mrn=E("ID", mrn(r, pt.region)),
                    s1=P(s1, s1.full()), s2=P(s2, s2.full()),
                    tm=E("DATE", date(r, style="dmy/", time=True)),
                    s1i=P(s1, s1.initials()), s2i=P(s2, s2.initials()))


def t_tray_label(d):
    r = d.rng
    pk, ck = d.person(), d.person()
    tpl = r.choice([
        "CSSD TRAY LABEL\nMINOR OPS SET 12  Lot 4471\nPacked: $pki  Checked: $cki\n"
        "Steril. $dt  Use by 6 months\nMissing: 1x Hedstrom file",
        "Tray: LAP CHOLE 3   Cycle 88   Bowie-Dick pass\nPacker $pk   Checker $ck   $dt",
        "Sterile services return note - tray DRESSING 7 came back with a bent Gates Glidden "
        "drill. Rewashed by $pk, $dt.",
    ])
    return d.render(tpl, pki=P(pk, pk.initials()), cki=P(ck, ck.initials()),
                    pk=P(pk, pk.full()), ck=P(ck, ck.full()),
                    dt=E("DATE", date(r, style="dd-MON-yyyy")))


def t_dispense_label(d):
    r = d.rng
    pt = d.person()
    drug = r.choice(["Epimax cream 500g", "Hydromol ointment 500g", "Voltarol 1% gel 100g",
                     "Balneum bath oil 500ml", "Zeroderm ointment 500g", "Doublebase gel"])
    tpl = ("$drug\nApply to the affected area twice a day\n$pt          $dt\n"
           "Keep out of the reach and sight of children\n$org Pharmacy  Tel $tel")
    return d.render(tpl, drug=drug, pt=P(pt, pt.full()),
                    dt=E("DATE", date(r, style="dmy/")), org=E("ORG", org(r, pt.region)),
                    tel=E("PHONE", phone(r, pt.region)))


def t_family_update(d):
    r = d.rng
    pt, s1, s2 = d.person(sex="f"), d.person(), d.person()
    tpl = r.choice([
        "[$tm] $s1n: update on mum - $pg had a good night, doctors happy, might go home "
        "thurs 🙏\n[$tm2] $s2n: thank god. tell $pgl we'll visit after work\n"
        "[$tm2] $s1n: ok. ward 9 bay 2 bed 4",
        "$s1n: just spoke to the nurse. $pg is off oxygen!! 💪\n$s2n: amazing. did they say "
        "about the scan\n$s1n: tomorrow am. $s2l can u bring her glasses",
        "$s2n: anyone with $pg today? phone going to voicemail\n$s1n: me, she's asleep. "
        "physio came, walked to the door",
    ])
    return d.render(tpl, tm="%02d:%02d" % (r.randint(6, 22), r.randint(0, 59)),
                    tm2="%02d:%02d" % (r.randint(6, 22), r.randint(0, 59)),
                    s1n=P(s1, s1.casual()), s2n=P(s2, s2.casual()), pg=P(pt, pt.given),
                    pgl=P(pt, pt.given.lower()), s2l=P(s2, s2.casual().lower()))


def t_fit_note(d):
    r = d.rng
    pt, gp = d.person(), d.person()
    tpl = ("STATEMENT OF FITNESS FOR WORK\nPatient: $pt   DOB: $dob\nEmployer (if known): "
           "$emp\nI assessed your case on: $dt\nCondition: right carpal tunnel syndrome, "
           "awaiting decompression\nYou may be fit for work taking account of: altered "
           "duties - no power tools\nThis will be the case for 6 weeks.\nDoctor: Dr $gp")
    return d.render(tpl, pt=P(pt, pt.full()), dob=E("DATE", dob(r, 1960, 2004, style="dmy/")),
                    emp=E("ORG", org(r, pt.region)), dt=E("DATE", date(r, style="dmy/")),
                    gp=P(gp, gp.full()))


def t_school_nurse(d):
    r = d.rng
    ch, par, sn = d.person(), d.person(), d.person()
    a = r.randint(5, 15)
    tpl = r.choice([
        "School nurse drop-in: $ch (Yr %d) came with wheeze after PE. Reliever given, "
        "peak flow back to 310. $par (parent) informed on $tel. $sn" % r.randint(2, 10),
        "$chg, $age, asked about head lice treatment; leaflet given and letter home to "
        "$tpar$pars. $sni",
        "Care plan reviewed for $ch ($age): adrenaline auto-injectors x2 in the office, "
        "expiry $dt. Signed $par / $sn.",
    ])
    return d.render(tpl, ch=P(ch, ch.full()), chg=P(ch, ch.given), par=P(par, par.full()),
                    tel=E("PHONE", phone(r, par.region)), sn=P(sn, sn.full()),
                    age=E("AGE", "%d yrs" % a if "($age)" in tpl else "%d years" % a),
                    tpar=tt(par), pars=P(par, par.sur()), sni=P(sn, sn.initials()),
                    dt=E("DATE", date(r, 2026, 2027, style="dmy/")))


def t_prison(d):
    r = d.rng
    pt, hc = d.person(), d.person()
    tpl = ("RECEPTION HEALTH SCREEN (first 24 h)\nPrisoner no: $pno   Name: $pt   DOB: $dob\n"
           "Arrived from court $dt. Reports methadone 60 ml daily from community pharmacy - "
           "confirmed. Cell-sharing risk assessment: low.\nNext of kin: $nok   Tel $tel\n"
           "Screened by $hc, healthcare")
    nok = d.person()
    return d.render(tpl, pno=E("ID", "%s%s%s" % (r.choice("AG"), digits(r, 4),
                                                  r.choice(["AB", "CD", "EF"]))),
                    pt=P(pt, pt.comma(upper=True)), dob=E("DATE", dob(r, 1960, 2005,
                                                                      style="dmy/")),
                    dt=E("DATE", date(r, style="dmy/", time=True)), nok=P(nok, nok.full()),
                    tel=E("PHONE", phone(r, nok.region)), hc=P(hc, hc.i_sur()))


def t_blood_issue(d):
    r = d.rng
    pt, bms, por = d.person(), d.person(), d.person()
    tpl = ("BLOOD ISSUE SLIP\nSURNAME $sur  FORENAME $giv\nDOB $dob  Hosp no $mrn\n"
           "Component: RBC, irradiated   Unit G%s %s %s\nIssued $dt by $bms\n"
           "Removed from fridge by $por" % (digits(r, 3), digits(r, 2), digits(r, 6)))
    return d.render(tpl, sur=P(pt, pt.sur().upper()), giv=P(pt, pt.given.upper()
                                                           if not pt.patronymic else pt.given),
                    dob=E("DATE", dob(r, style="dd-MON-yyyy")), mrn=E("ID", mrn(r, pt.region)),
                    dt=E("DATE", date(r, style="dmy/", time=True)), bms=P(bms, bms.initials()),
                    por=P(por, por.full()))


def t_dicom(d):
    r = d.rng
    pt, ref, op = d.person(), d.person(), d.person()
    a = r.randint(1, 99)
    tpl = ("(0008,0020) DA [$sdt]\n(0008,0080) LO [$org]\n(0008,0090) PN [$ref]\n"
           "(0008,1070) PN [$op]\n(0010,0010) PN [$pt]\n(0010,0020) LO [$mrn]\n"
           "(0010,0030) DA [$dob]\n(0010,1010) AS [$age]\n(0018,0015) CS [KNEE]")
    return d.render(tpl, sdt=E("DATE", date(r, style="ymd")), org=E("ORG", org(r, pt.region)),
                    ref=P(ref, ref.caret()), op=P(op, op.initials()), pt=P(pt, pt.caret()),
                    mrn=E("ID", mrn(r, pt.region)),
                    dob=E("DATE", dob_for_age(r, a, style="ymd")), age=E("AGE", "%03dY" % a))


def t_overlay_ocr(d):
    r = d.rng
    pt = d.person()
    d.ocr = True
    name = ocr_noise(r, pt.full().upper() if pt.patronymic
                     else pt.family.upper() + " " + pt.given.upper())
    idv = ocr_noise(r, mrn(r, pt.region), 0.08)
    dtv = ocr_noise(r, date(r, style="dd-MON-yyyy"), 0.05)
    tpl = r.choice(["$nm$s1\nID:$id  $dt\nCHEST PA  ERECT", "L KNEE LAT\n$nm  $id\n$dt  R",
                    "$dt\nPT $nm$s1 /$id\nUS ABDO"])
    return d.render(tpl, nm=P(pt, name), s1=stray(r), id=E("ID", idv), dt=E("DATE", dtv))


def t_gp_text(d):
    r = d.rng
    pt = d.person()
    tpl = r.choice([
        "SMS from 07700 900%s: hi its $pt dob $dob can i have my laxido and fultium "
        "repeat pls, going away sat. thx" % digits(r, 3),
        "Text in: 'Repeat for $pt2, date of birth $dob - the Hydromol and the blue "
        "inhaler. Collect from the chemist on the high street.'",
    ])
    return d.render(tpl, pt=P(pt, pt.lower()), dob=E("DATE", dob(r, style="d/m/yy")),
                    pt2=P(pt, pt.full()))


SPOKEN = ["oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def spoken(rng, n):
    return " ".join(rng.choice(SPOKEN) for _ in range(n))


def t_call_transcript(d):
    r = d.rng
    rel, rsex = r.choice([("neighbour", None), ("son", "m"), ("daughter", "f"),
                          ("carer", None)])
    pt, clr = d.person(), d.person(sex=rsex)
    tpl = ("CALL TRANSCRIPT 111  $dt\nCALL HANDLER: Can I take the patient's name?\n"
           "CALLER: Yeah it's $pt, I'm %s $rel, $clr.\nCALL HANDLER: And a number to "
           "call back on?\nCALLER: $tel\nCALL HANDLER: Is $pg breathing normally?\n"
           "CALLER: Erm, fast, %s hot, thirty-nine point two on the thermometer.") % (
        ("his", "he's") if pt.sex == "m" else ("her", "she's"))
    return d.render(tpl, dt=E("DATE", date(r, style="iso", time=True)), pt=P(pt, pt.full()),
                    rel=rel, clr=P(clr, clr.full()),
                    tel=E("PHONE", spoken(r, 11)), pg=P(pt, pt.given))


def t_birth_plan(d):
    r = d.rng
    mum = d.person(sex="f")
    bp, doula, mw = d.person(), d.person(sex="f"), d.person()
    tpl = ("MY BIRTH PLAN - $mum\nEDD: $edd\nBirth partner(s): $bp and my doula $doula\n"
           "I would like: pool if possible, Entonox, dim lights, delayed cord clamping, "
           "skin to skin. Vitamin K by injection is OK.\nPlease don't: offer pethidine "
           "unless I ask.\nDiscussed with midwife $mw on $dt. $mg is aware of the "
           "Syntocinon plan if labour stalls.")
    return d.render(tpl, mum=P(mum, mum.full()), edd=E("DATE", date(r, 2026, 2026,
                                                                    style="dth Month y")),
                    bp=P(bp, bp.full()), doula=P(doula, doula.full()), mw=P(mw, mw.full()),
                    dt=E("DATE", date(r, style="d Mon y")), mg=P(mum, mum.given))


def t_rota(d):
    r = d.rng
    a, b, c = d.person(), d.person(), d.person()
    tpl = ("ON-CALL ROTA w/c $dt\nMon-Tue  $a  ext 4471\nWed-Thu  $b  ext 4472\n"
           "Fri-Sun  $c  (swap agreed with $ag)\nConsultant cover: see switchboard")
    return d.render(tpl, dt=E("DATE", date(r, style="dmy/")), a=P(a, a.i_sur()),
                    b=P(b, b.i_sur()), c=P(c, c.i_sur()), ag=P(a, a.casual()))


def t_script_label(d):
    r = d.rng
    for _ in range(50):
        pt = d.person(region=r.choice(["ainu", "kashmiri"]))
        if pt.has_script():
            break
        d.used.remove(pt)
    else:
        fail("no person with a script form")
    tpl = r.choice([
        "Photo of a locker label: '$scr' in handwriting, '$pt' typed beneath, and a "
        "sticker 'nil by mouth'.",
        "Medicine box caption - the pharmacy label reads $pt; the family have written "
        "$scr on the lid in marker.",
        "Name on the bed board: $ps ($scr). Hard of hearing - face $tpt$ps when speaking.",
    ])
    return d.render(tpl, scr=P(pt, pt.script()), pt=P(pt, pt.full()), ps=P(pt, pt.sur()),
                    tpt=tt(pt))


def t_staff_chat(d):
    r = d.rng
    a = d.nicknamed()
    pt, b = d.person(), d.person()
    tpl = r.choice([
        "$an: swab count for $pl done?? theatre 4 waiting\n$bn: yes signed, $ai has "
        "the sheet",
        "$bn: $an can u ring cssd re the kilner tray for $ps\n$an: on it",
        "$an: optom says $pl needs dilating drops 30 min before, $bn can u put them in",
    ])
    return d.render(tpl, an=P(a, a.casual().lower()), bn=P(b, b.given.lower()),
                    pl=P(pt, pt.lower()), ai=P(a, a.initials().lower()),
                    ps=P(pt, pt.sur().lower()))


def t_portal(d):
    r = d.rng
    pt, cl = d.person(), d.person()
    dom = MAIL.get(cl.region, "nhs.net")
    tpl = ("Patient portal message\nFrom: $pt\nTo: $cl <$mail>\nRe: hearing aid repair\n"
           "Hello, the left aid whistles since the new tube was fitted on $dt. Can I drop it "
           "in? My booking ref is $ref. Portal link: $url\nThanks, $pg")
    return d.render(tpl, pt=P(pt, pt.full()), cl=P(cl, cl.full()),
                    mail=E("EMAIL", email(r, cl, dom)),
                    dt=E("DATE", date(r, style="Month d, y")),
                    ref=E("ID", "AUD-" + digits(r, 6)),
                    url=E("URL", "https://portal.example-health.org/msg/%s" % digits(r, 8)),
                    pg=P(pt, pt.given))


def t_long_letter(d):
    r = d.rng
    pt, cons, gp, dtr = d.person(), d.person(), d.person(), d.person(sex="f")
    a = r.randint(55, 93)
    tpl = ("Dear Dr $gp,\nRe: $pt, $age, $addr\nI saw $tpt$ps in the eye clinic on $dt "
           "with $tpt2$dtr, $ppos daughter, who interprets. $tpt$ps has had blurred central "
           "vision in the left eye for three weeks. Acuity 6/9 right, 6/36 left; the Amsler-"
           "style grid shows distortion on the left and the Maddox rod shows no deviation. "
           "OCT confirms active wet macular degeneration. We have started a course of "
           "intravitreal injections; the first was given today without difficulty. "
           "$tpt$ps should avoid driving until reviewed. Please continue the aspirin. "
           "I will write again after the third injection.\nYours sincerely,\n$cons\n"
           "Consultant Ophthalmologist, $org")
    ppos = "his" if pt.sex == "m" else "her"
    return d.render(tpl, gp=P(gp, gp.sur()), pt=P(pt, pt.full()), age=E("AGE", "%d" % a),
                    addr=E("LOCATION", address(r, pt.region)), tpt=tt(pt), ps=P(pt, pt.sur()),
                    dt=E("DATE", date(r, style="dth Month y")), tpt2=tt(dtr),
                    dtr=P(dtr, dtr.sur()), ppos=ppos, cons=P(cons, cons.full()),
                    org=E("ORG", org(r, cons.region)))


def t_mortuary_viewing(d):
    r = d.rng
    dec, vis, apt = d.person(), d.person(), d.person()
    tpl = ("VIEWING BOOKING\nDeceased: $dec   Ref $ref\nViewing for: $vis and 2 others\n"
           "Date/time: $dt\nFaith needs: prayer mat requested, no flowers\n"
           "Booked by $apt (bereavement office)")
    return d.render(tpl, dec=P(dec, dec.full().upper()), ref=E("ID", "BO/" + digits(r, 5)),
                    vis=P(vis, vis.full()), dt=E("DATE", date(r, style="d Mon y", time=True)),
                    apt=P(apt, apt.given))


def t_occ_health(d):
    r = d.rng
    emp, ohp, mgr = d.person(), d.person(), d.person()
    tpl = ("Occupational health - management referral reply\nEmployee: $emp   Payroll no "
           "$pay\nManager: $mgr\n$eg reports low back pain after lifting; Waddell signs 0/5, "
           "straight-leg raise 80 deg both. Fit for work with adjustments: no lifting over "
           "10 kg for 4 weeks, phased return from $dt.\n$ohp, OH nurse adviser")
    return d.render(tpl, emp=P(emp, emp.full()), pay=E("ID", digits(r, 8)),
                    mgr=P(mgr, mgr.full()), eg=P(emp, emp.given),
                    dt=E("DATE", date(r, style="dmy/")), ohp=P(ohp, ohp.full()))


ID_REGIONS = ["kashmiri", "dogra", "ainu", "iban", "taiwan", "maasai", "muscogee", "seminole",
              "walloon", "burgher", "brazil", "ingush", "kanuri", "maranao"]


def t_id_check(d):
    r = d.rng
    pt, clk = d.person(region=r.choice(ID_REGIONS)), d.person()
    tpl = ("Identity check at registration: $pt, born $dob, national ID $ssn, address "
           "$addr. Checked by $clk.")
    return d.render(tpl, pt=P(pt, pt.full()), dob=E("DATE", dob(r, style="d Mon y")),
                    ssn=E("SSN", ssn(r, pt.region)), addr=E("LOCATION", address(r, pt.region)),
                    clk=P(clk, clk.i_sur()))


def t_transfer(d):
    r = d.rng
    pt, dr = d.person(), d.person()
    tpl = ("Transfer request: $pt, $age, from $from to $to for a CT head. Accepting: Dr "
           "$dr. Escort: one nurse.")
    if pt.region in ID_REGIONS:
        tpl = tpl.replace("$age, ", "$age, national ID $ssn, ")
    a = r.randint(18, 97)
    return d.render(tpl, pt=P(pt, pt.full()), age=E("AGE", "%d-year-old" % a),
                    ssn=E("SSN", ssn(r, pt.region)),
                    **{"from": E("LOCATION", place(r, pt.region))},
                    to=E("ORG", org(r, pt.region)), dr=P(dr, dr.sur()))


def t_short(d):
    r = d.rng
    pt = d.person()
    tpl = r.choice(["Theatre 2: $ps", "Tray for $pt", "$pg - dentist 3pm", "Recall letter: $ps",
                    "Booth 1 $pt", "Ring $pg re fit note", "$ps DNA today"])
    return d.render(tpl, ps=P(pt, pt.sur().upper()), pt=P(pt, pt.full()), pg=P(pt, pt.given))


PII_TEMPLATES = [
    t_dental_chart, t_optom_recall, t_audiology_booth, t_theatre_board, t_swab_count,
    t_tray_label, t_dispense_label, t_family_update, t_fit_note, t_school_nurse, t_prison,
    t_blood_issue, t_dicom, t_overlay_ocr, t_gp_text, t_call_transcript, t_birth_plan,
    t_rota, t_script_label, t_staff_chat, t_portal, t_long_letter, t_mortuary_viewing,
    t_occ_health, t_id_check, t_transfer, t_short,
]


# ---------------------------------------------------------------------------------------------
# Texts without identifiers (traps). Each returns its variants; no span is expected.

def x_dental():
    return [
        "UR6 MOD cavity, Cvek pulpotomy on the lower incisor after the fall. Review 6/52.",
        "Frankl behaviour rating 3: anxious but cooperative with tell-show-do.",
        "Carisolv gel tried on the soft dentine, then Ketac glass ionomer as an interim "
        "restoration.",
        "Vitrebond lining under the composite. Occlusion checked with articulating paper.",
        "Hedstrom files to size 40 in the palatal canal; working length by apex locator.",
        "Gates Glidden drills 2 and 3 used for the coronal flare only.",
        "Fuji IX restoration lost from 75; child to return when the permanent tooth erupts.",
        "Pink spot on the upper central: internal resorption, referred to the restorative "
        "consultant.",
    ]


def x_optometry():
    return [
        "Bjerrum screen retired; fields now by automated perimetry, 24-2 programme.",
        "Hruby lens view of the disc: cup-disc ratio 0.4, rims healthy.",
        "Volk 90D used at the slit lamp; no new vessels.",
        "Maddox rod: 2 prism dioptres exophoria at distance, asymptomatic.",
        "Krimsky and Hirschberg tests both show a small left esotropia.",
        "Bagolini lenses: suppression of the left eye at near.",
        "Frisby stereotest 85 seconds of arc. Cardiff cards used for the younger sibling.",
        "Optrex eye wash not advised; Systane or Cationorm drops four times a day.",
        "Keeler indirect ophthalmoscope and Perkins tonometer signed out to the ward.",
        "Lea symbols chart at 3 m: 0.2 logMAR each eye.",
    ]


def x_audiology():
    return [
        "Jerger type B tympanogram on the right, type A left. Glue ear likely.",
        "Békésy audiometry not available; conventional pure-tone thresholds recorded.",
        "Tullio phenomenon reported with loud music: CT for superior canal dehiscence.",
        "Hennebert sign positive on pneumatic otoscopy.",
        "Gellé test is of historical interest only.",
        "Lermoyez syndrome is a rare variant of endolymphatic hydrops.",
        "Otovent balloon three times a day for 4 weeks, then recheck.",
        "Waxsol or Cerumol for five nights before the syringing appointment; Earol spray "
        "is an alternative.",
    ]


def x_theatre():
    return [
        "Kilner retractor and Bonney's blue dye added to the pick list.",
        "Gosset retractor missing from the laparotomy set; replacement ordered.",
        "Doyen clamp and Mixter forceps requested for the bowel resection.",
        "Rampley sponge holders x2 and Joll retractor for the thyroid.",
        "Travers and Weitlaner self-retainers on the hip tray.",
        "Bowie-Dick test passed on both autoclaves this morning.",
        "Swab count correct x3. Instrument count correct. Needle count correct.",
        "WHO checklist: sign-in, time-out and sign-out completed.",
    ]


def x_occupational():
    return [
        "Waddell signs 1/5. Straight-leg raise 70 degrees on the right.",
        "Tingling at the wrist on tapping; nerve conduction studies booked.",
        "Voltarol gel three times a day for the knee; paracetamol as needed.",
        "Fit for work with adjustments: no ladders, no driving company vehicles.",
        "Night shifts not recommended for 8 weeks after the operation.",
        "Hand-arm vibration questionnaire completed; tier 3 assessment next.",
        "Face-fit test passed with the FFP3 mask; hood needed for the beard.",
        "Hearing surveillance: mild notch at 4 kHz, advised to wear plugs.",
    ]


def x_maternity():
    return [
        "Galant reflex present on both sides.",
        "Kristeller manoeuvre is not used in this unit.",
        "Pool birth planned; Entonox-free labour preferred.",
        "Delayed cord clamping for 60 seconds, then skin to skin.",
        "Cot card printed and attached to the cot. Vitamin K given IM.",
        "Birth plan reviewed: dim lights, music, intermittent auscultation.",
        "Newborn hearing screen passed bilaterally (AOAE).",
    ]


def x_pharmacy():
    return [
        "Epimax cream 500 g, apply liberally and often.",
        "Hydromol ointment as a soap substitute; Doublebase gel in the morning.",
        "Zeroderm ointment: fire risk, keep away from naked flames.",
        "Balneum bath oil, 20 ml in the bath.",
        "Solpadol and Tylex both contain codeine; do not take with Zapain.",
        "Evacal D3 one daily; Accrete D3 is the same ingredients.",
        "Dekristol capsules from Germany not licensed here; Invita D3 instead.",
        "Sytron oral solution 5 ml twice a day for iron deficiency.",
    ]


def x_words():
    return [
        "Cotton wool and a silk suture on the dressing trolley.",
        "Poached haddock and mash for supper - soft diet.",
        "Red herring: the raised CRP was from the dental abscess.",
        "Nickel allergy: plastic-backed ECG electrodes only.",
        "Lace-up shoes advised; slippers are a falls risk.",
        "Not worth a farthing, said the patient about the old hearing aid.",
        "Patient wearing a thick jumper; temperature repeated after 20 minutes.",
        "Cypress pollen season: hay fever worse in March.",
        "Virginia creeper on the window of bay 3 blocks the light.",
        "Parking costs a dollar an hour at the clinic in the US - not here.",
        "Gopher snake bite? No - the story was a garden hose.",
        "Roach clip found in the patient's property; handed to security.",
    ]


def x_anatomy():
    return [
        "Poupart's ligament identified; mesh fixed to it.",
        "Riedel's lobe of the liver, a normal variant, mistaken for a mass.",
        "Camper's fascia and then the membranous layer divided.",
        "Valves of Kerckring prominent on the small-bowel study.",
        "Rosenmüller's fossa biopsied, normal.",
        "Passavant's ridge visible on nasendoscopy during speech.",
        "Killian's dehiscence: pouch seen on the swallow.",
        "Laimer's triangle lies below the cricopharyngeus.",
        "Tubercle of Zuckerkandl preserved at thyroidectomy.",
        "Grynfeltt hernia of the lumbar triangle.",
        "Littre hernia containing a diverticulum.",
        "Maylard incision used for better access.",
        "Thebesian veins and the valve of Vieussens on the coronary CT.",
    ]


def x_chat():
    return [
        "can someone return the kilner tray to cssd pls, its on the trolley",
        "who has the booth 2 key?? audiology locked out",
        "fyi dispensing labels printer jammed, using handwritten for now",
        "dental chairs both in use till 4",
        "theatre 4 whiteboard wiped by mistake, rewrite from the list pls",
        "birth pool being cleaned, use room 6",
        "optom clinic running 30 min late, tell the waiting room",
    ]


def x_ocr():
    return [
        "R KNEE AP\nkV 6O mAs 5  SID 1O5cm",
        "OPG  PANORAMIC\nkV 7O  mA 8  t 14s",
        "CEPH LAT\nkV 8O  FILTER AL",
        "SLIT LAMP  OD\nMAG 16x  BEAM 1mm",
        "FUNDUS OS  45 DEG\nFLASH 5O",
        "US NECK  THYROID R\nMI O.9  TIs O.3",
    ]


def x_misc():
    return [
        "Sterile services closed on the bank holiday; urgent trays via the theatre desk.",
        "Prison healthcare: morning medicines round delayed by lockdown.",
        "School nurse clinic in the library every Tuesday lunchtime.",
        "Blood bank: two O neg units issued for the major haemorrhage protocol.",
        "Occupational health is moving to the ground floor next month.",
        "Family group chat screenshots should not be attached to the notes.",
        "Fit notes can now be signed by nurses and physiotherapists.",
        "The dental hospital's emergency clinic starts at 8.",
        "Mortuary viewing room is available 10 to 4 on weekdays.",
    ]


TRAP_TEMPLATES = [x_dental, x_optometry, x_audiology, x_theatre, x_occupational,
                  x_maternity, x_pharmacy, x_words, x_anatomy, x_chat, x_ocr, x_misc]

# Trap terms, brands and eponyms this corpus introduces (checked against the earlier corpora
# like the names).
TRAP_TERMS = [
    "Cvek", "Frankl", "Carisolv", "Ketac", "Vitrebond", "Hedstrom", "Gates", "Glidden",
    "Fuji", "Bjerrum", "Hruby", "Volk", "Maddox", "Krimsky", "Hirschberg", "Bagolini",
    "Frisby", "Cardiff", "Optrex", "Systane", "Cationorm", "Keeler", "Perkins", "Lea",
    "Jerger", "Békésy", "Tullio", "Hennebert", "Gellé", "Lermoyez", "Otovent", "Waxsol",
    "Cerumol", "Earol", "Kilner", "Bonney", "Gosset", "Doyen", "Mixter", "Rampley", "Joll",
    "Travers", "Weitlaner", "Bowie", "Waddell", "Voltarol", "Galant", "Kristeller", "Epimax",
    "Hydromol", "Doublebase", "Zeroderm", "Balneum", "Solpadol", "Tylex", "Zapain", "Evacal",
    "Accrete", "Dekristol", "Invita", "Sytron", "Poupart", "Riedel", "Camper", "Kerckring",
    "Rosenmüller", "Passavant", "Killian", "Laimer", "Zuckerkandl", "Grynfeltt", "Littre",
    "Maylard", "Thebesian", "Vieussens",
]

# Generic words of organisation and place names (not checked against the earlier corpora).
GENERIC = set(tokens(
    "hospital general regional medical center centre university teaching college provincial "
    "health care community practice clinic central north south east west northern "
    "municipal of de la the district state specialist city town township station national "
    "insurance county referral nation tribe department republican clinical saint chr "
    "hôpital communautaire casa saúde indígena di della repubblica san ospedale stato "
    "house street road nagar lot rue no dr ul plot city purok barangay and primary government"))


# ---------------------------------------------------------------------------------------------
# Generation.

def mask(text, spans):
    """The text lower-cased with every span blanked out."""
    chars = list(text)
    for s, e in spans:
        for i in range(s, e):
            chars[i] = " "
    return "".join(chars).lower()


def leaks(text, ents):
    """Name parts of this text's people that occur outside its spans."""
    rest = set(tokens(mask(text, [(s, e) for (s, e, _k, _w, _x) in ents])))
    out = set()
    for (_s, _e, kind, who, _x) in ents:
        if kind == "PERSON":
            out |= {w for w in who.parts() if len(w) > 2 and w not in PARTICLES} & rest
    return out


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
        for _ in range(100):
            d = Doc(rng, pool)
            text, ents = f(d)
            if text not in seen and not leaks(text, ents):
                break
        else:
            fail("could not make a new clean text with " + f.__name__)
        seen.add(text)
        pii.append((text, ents, d, f.__name__))
    traps = [t for f in TRAP_TEMPLATES for t in f()]
    if len(set(traps)) != len(traps):
        fail("duplicate trap variants")
    if len(traps) < N_TRAP:
        fail("only %d trap variants" % len(traps))
    traps = rng.sample(traps, N_TRAP)
    items = [("pii", x) for x in pii] + [("trap", t) for t in traps]
    rng.shuffle(items)
    for i, (k, x) in enumerate(items):
        tid = "blind11-%03d" % (i + 1)
        if k == "trap":
            out.append({"id": tid, "text": x, "entities": []})
            meta.append(dict(ents=[], ocr=False, template="trap"))
            continue
        text, ents, d, name = x
        ids = {}
        spans = []
        ents = sorted(ents, key=lambda t: (t[0], t[1]))
        for (s, e, kind, who, _surf) in ents:
            ent = {"start": s, "end": e, "type": kind}
            if kind == "PERSON":
                if id(who) not in ids:
                    ids[id(who)] = "p%d" % (len(ids) + 1)
                ent["person"] = ids[id(who)]
            spans.append(ent)
        out.append({"id": tid, "text": text, "entities": spans})
        meta.append(dict(ents=ents, ocr=d.ocr, template=name))
    return out, meta, pool


# ---------------------------------------------------------------------------------------------
# Self-check.

def earlier_sources():
    texts = []
    for f in EARLIER:
        path = os.path.join("sanitizer", "corpus", f)
        if not os.path.exists(path):
            fail("missing %s (run from the repository root)" % path)
        with open(path, encoding="utf-8") as fh:
            texts.append(fh.read())
    return texts


def check(out, meta, pool):
    # 1. Nothing of this corpus's vocabulary occurs in the earlier corpora or names.json.
    srcs = earlier_sources()
    earlier = set()
    for t in srcs:
        earlier |= set(tokens(t))
    earlier_low = "\n".join(srcs).lower()
    names = pool.name_words()
    probe = {w for w in names if len(w) > 2}
    probe |= {w for t in TRAP_TERMS for w in tokens(t) if len(w) > 2}
    probe |= {w for n in NICKS.values() for w in tokens(n) if len(w) > 2}
    clash = sorted(probe & earlier)
    if clash:
        fail("name parts or trap terms found in earlier corpora or names.json: "
             + ", ".join(clash))
    phrases = [o for v in ORGS.values() for o in v] + [p for v in PLACES.values() for p in v]
    for phrase in phrases:
        if re.search(r"(?<!\w)" + re.escape(phrase.lower()) + r"(?!\w)", earlier_low):
            fail("organisation or place found in earlier corpora: " + phrase)
        hit = [w for w in tokens(phrase) if w not in GENERIC and len(w) > 2 and w in earlier]
        if hit:
            fail("organisation or place key words found in earlier corpora: %s (%s)"
                 % (", ".join(hit), phrase))
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
                        if tok in parts or tok in PARTICLES:
                            continue
                        if all(c in inits for c in tok) and len(tok) <= 4:
                            continue
                        fail("%s: mention %r is not a form of its person" % (tid, sl))
        if m["ents"] and leaks(text, m["ents"]):
            fail("%s: name part outside a span" % tid)
        rest = set(tokens(mask(text, [(e["start"], e["end"]) for e in ents])))
        leak = {w for w in rest if len(w) > 2} & (names - WORD_NAMES)
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
