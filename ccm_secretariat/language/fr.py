"""French: the words and forms of the documents as UN French texts write them."""

from __future__ import annotations

from ccm_secretariat.language.forms import EN_DASH, Forms, french_spacing

_UNITS = (
    "zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize dix-sept "
    "dix-huit dix-neuf"
).split()
_TENS = "_ dix vingt trente quarante cinquante soixante soixante-dix quatre-vingt quatre-vingt-dix".split()


def words(n: int, feminine: bool = False) -> str:
    """0-99 in words: "vingt et un", "soixante et onze", "quatre-vingts", "quatre-vingt-onze"; "une" before a
    feminine noun ("vingt et une séances")."""
    if n < 20:
        text = _UNITS[n]
    else:
        tens, unit = divmod(n, 10)
        if tens in (7, 9):  # soixante-dix, quatre-vingt-dix: the tens of 60 and 80 with 10-19
            tens, unit = tens - 1, unit + 10
        base = _TENS[tens]
        if unit == 0:
            text = "quatre-vingts" if tens == 8 else base
        elif unit in (1, 11) and tens != 8:
            text = f"{base} et {_UNITS[unit]}"
        else:
            text = f"{base}-{_UNITS[unit]}"
    if feminine and (text == "un" or text.endswith(" un") or text.endswith("-un")):
        text += "e"
    return text


def ordinal(n: int, feminine: bool = False) -> str:
    """premier/première, deuxième, neuvième, vingt et unième; "101e" from 100 on."""
    if n == 1:
        return "première" if feminine else "premier"
    if not 0 < n < 100:
        return f"{n}e"
    text = words(n)
    if text.endswith("cinq"):
        return text + "uième"
    if text.endswith("neuf"):
        return text[:-1] + "vième"
    if text.endswith("quatre-vingts"):
        text = text[:-1]
    return (text[:-1] if text.endswith("e") else text) + "ième"


PHRASES = {
    "list_title": "Liste des participants",
    "list_title_provisional": "Liste provisoire des participants",
    "note_basis": "La présente liste des participants a été établie sur la base des notifications de la "
    "composition des délégations reçues par le secrétariat au {date}. Elle compte {participants} appartenant à "
    "{delegations}.",
    "note_basis_provisional": "La présente liste provisoire des participants a été établie sur la base des "
    "notifications de la composition des délégations reçues par le secrétariat au {date}. Elle compte "
    "{participants} appartenant à {delegations}.",
    "note_contact": "Les coordonnées ne sont indiquées que pour les participants qui ont accepté leur publication.",
    "note_provisional": "Les corrections et ajouts sont à adresser au secrétariat ; une liste définitive sera publiée.",
    "statistics": "Statistiques de participation",
    "Delegations": "Délégations",
    "Participants": "Participants",
    "States": "États",
    "Organisations": "Organisations",
    "total_states": "Total, États",
    "total_organisations": "Total, organisations",
    "total": "Participation totale",
    "check_ins": "Enregistrés à l'entrée, par jour",
    "continued": "(suite)",
    "no_participants": "(aucun participant notifié)",
    "participant": "participant",
    "participants": "participants",
    "delegation": "délégation",
    "delegations": "délégations",
    "page": "page",
    "pages": "pages",
    # The agenda, the programme of work and the list of documents
    "agenda": "Ordre du jour",
    "provisional_agenda": "Ordre du jour provisoire",
    "no_agenda_item": "[Aucun point de l'ordre du jour n'a encore été saisi.]",
    "plenary": "{ordinal} séance plénière",
    "closed": "privée",
    "format:in_person": "en présentiel",
    "format:virtual": "virtuelle",
    "format:hybrid": "hybride",
    "side_event": "Manifestation parallèle : {title}",
    "organised_by": ", organisée par {organiser}",
    "Time": "Heure",
    "Meeting": "Séance",
    "Agenda items": "Points de l'ordre du jour",
    "no_plenary": "[Aucune séance plénière n'a encore été saisie.]",
    "programme_title": "Programme de travail provisoire",
    "series:MAIN": "Documents de distribution générale",
    "series:L": "Distribution limitée",
    "series:WP": "Documents de travail",
    "series:CRP": "Documents de séance",
    "series:INF": "Documents d'information",
    "series:MISC": "Documents divers",
    "Symbol": "Cote",
    "Title": "Titre",
    "Languages": "Langues",
    "no_document": "[Aucun document n'a encore été inscrit au registre.]",
    "documents_title": "Liste des documents",
    "distribution": "Distr. : {distribution}",
    "General": "générale",
    "Limited": "limitée",
    "original": "Original : {language}",
    "place_and_dates": "{city}, {dates}",
    # The workbook's printed pages and properties
    "INTERNAL": "INTERNE",
    "PRACTICE COPY": "EXEMPLAIRE D'EXERCICE",
    "registration_subject": "Inscriptions : {meeting}",
    "page_footer": "Page &P sur &N",
    "locale": "fr-FR",
    # Badges and nameplates (their PDF titles)
    "badges_title": "Badges — {meeting}",
    "nameplates_title": "Chevalets nominatifs",
    # The seating plan
    "seating_title": "Plan de salle : {meeting}",
    "seating_pdf_title": "Plan de salle — {meeting}",
    "seating_note": "{place_and_dates}. Places dans l'ordre alphabétique anglais par "
    "catégorie, à partir de {first} ({how} le {date}).",
    "drawn_by_desk": "tiré au sort par le secrétariat",
    "drawn_by_lot": "tiré au sort",
    "PODIUM": "TRIBUNE",
    "practice_banner": "Exemplaire d'exercice : participants fictifs ; document non officiel",
    "city:Geneva": "Genève",
    "city:Vienna": "Vienne",
    "city:Beirut": "Beyrouth",
    "city:Vientiane": "Vientiane",
    "city:Santiago": "Santiago",
    "city:Lausanne": "Lausanne",
    "city:Dubrovnik": "Dubrovnik",
    "city:Oslo": "Oslo",
    "city:New York": "New York",
}

TERMS = {
    "INTERNAL: this workbook holds the e-mail addresses and telephone numbers of every participant, including "
    "those who did not consent to their publication. Do not distribute it.": "INTERNE : ce classeur contient les "
    "adresses électroniques et les numéros de téléphone de tous les participants, y compris de ceux qui n'ont pas "
    "consenti à leur publication. Ne pas le diffuser.",
    "PRACTICE COPY: fictitious participants; not an official document": "EXEMPLAIRE D'EXERCICE : participants "
    "fictifs ; document non officiel",
    # Roles (singular, plural)
    "Head of delegation": "Chef de la délégation",
    "Alternate head of delegation": "Chef adjoint de la délégation",
    "Representative": "Représentant",
    "Representatives": "Représentants",
    "Adviser": "Conseiller",
    "Advisers": "Conseillers",
    "Expert": "Expert",
    "Experts": "Experts",
    "Member": "Membre",
    "Members": "Membres",
    # Categories as the workbook and the desk name them
    "Other observer States": "Autres États observateurs",
    # Sheets
    "Participants": "Participants",
    "Delegations": "Délégations",
    "States Parties": "États parties",
    "Signatory States": "États signataires",
    "Ratified, not in force": "Ratification, pas en vigueur",
    "Observer States": "États observateurs",
    "Documents": "Documents",
    "Participation by category": "Participation par catégorie",
    "Gender balance": "Répartition par genre",
    "Statistics": "Statistiques",
    "Attendance by day": "Présence par jour",
    "Internal": "Interne",
    "Practice": "Exercice",
    # Columns
    "Note": "Note",
    "Delegation": "Délégation",
    "Category": "Catégorie",
    "Salutation": "Titre",
    "Given names": "Prénoms",
    "Family name": "Nom",
    "Function": "Fonction",
    "Affiliation": "Organisme",
    "Role": "Rôle",
    "Gender": "Genre",
    "E-mail": "Courriel",
    "Phone": "Téléphone",
    "Publish contact": "Coordonnées publiées",
    "Registered on": "Inscrit le",
    "Participant no.": "N° du participant",
    "Code": "Code",
    "Credentials": "Pouvoirs",
    "Kind": "Forme",
    "Received on": "Reçus le",
    "Category set by hand because": "Catégorie fixée à la main parce que",
    "Symbol": "Cote",
    "Title": "Titre",
    "Date": "Date",
    "Languages": "Langues",
    "Agenda item": "Point de l'ordre du jour",
    "Distribution": "Distribution",
    "Submitted by": "Présenté par",
    "Women": "Femmes",
    "Men": "Hommes",
    "Other": "Autre",
    "Not stated": "Non précisé",
    "Day": "Jour",
    "Total": "Total",
    "Part": "Partie",
    "in person": "en présentiel",
    "online": "en ligne",
    "absent": "absent",
    # Values
    "yes": "oui",
    "no": "non",
    "female": "femme",
    "male": "homme",
    "other": "autre",
    "unspecified": "non précisé",
    "original": "original",
    "copy": "copie",
    "note verbale": "note verbale",
    "General": "Générale",
    "Limited": "Limitée",
}

FORMS = Forms(
    code="fr",
    english_name="French",
    months=tuple("janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()),
    weekdays=tuple("lundi mardi mercredi jeudi vendredi samedi dimanche".split()),
    date_pattern="{day} {month} {year}",
    day_month="{day} {month}",
    range_same_month="{first}" + EN_DASH + "{last} {month} {year}",
    range_joiner=EN_DASH,
    conjunction="et",
    words=words,
    ordinal_words=ordinal,
    first_day="1er",
    zero_is_singular=True,
    capitalise_family_names=True,
    salutations={
        "Mr.": "M.",
        "Ms.": "Mme",
        "Mrs.": "Mme",
        "Mx.": "Mx",
        "Dr.": "Dr",
        "Prof.": "Pr",
        "H.E. Mr.": "S. E. M.",
        "H.E. Ms.": "S. E. Mme",
        "H.E. Mrs.": "S. E. Mme",
        "H.E. Dr.": "S. E. Dr",
        "H.R.H.": "S. A. R.",
        "Amb.": "Amb.",
        "Archbishop": "Mgr",
        "Msgr.": "Mgr",
        "Rev.": "Rév.",
        "Gen.": "Gén.",
        "Col.": "Col.",
    },
    language_names={
        "English": "anglais",
        "French": "français",
        "Spanish": "espagnol",
        "Arabic": "arabe",
        "Chinese": "chinois",
        "Russian": "russe",
    },
    phrases=PHRASES,
    terms=TERMS,
    spacing=french_spacing,
)
