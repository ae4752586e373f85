"""Spanish: the words and forms of the documents as UN Spanish texts write them."""

from __future__ import annotations

from ccm_secretariat.domain.names import fold
from ccm_secretariat.language.forms import Forms

_UNITS = (
    "cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince dieciséis "
    "diecisiete dieciocho diecinueve veinte veintiuno veintidós veintitrés veinticuatro veinticinco veintiséis "
    "veintisiete veintiocho veintinueve"
).split()
_TENS = "_ _ _ treinta cuarenta cincuenta sesenta setenta ochenta noventa".split()


def words(n: int, feminine: bool = False) -> str:
    """0-99 in words: "veintiuno", "treinta y dos"; "una", "veintiuna", "treinta y una" before a feminine noun."""
    if n < 30:
        text = _UNITS[n]
    else:
        tens, unit = divmod(n, 10)
        text = _TENS[tens] + (f" y {_UNITS[unit]}" if unit else "")
    if feminine and text.endswith("uno"):
        text = text[:-1] + "a"
    return text


_ORDINAL_UNITS = "_ primero segundo tercero cuarto quinto sexto séptimo octavo noveno".split()
_ORDINAL_TENS = (
    "_ décimo vigésimo trigésimo cuadragésimo quincuagésimo sexagésimo septuagésimo octogésimo nonagésimo".split()
)


def ordinal(n: int, feminine: bool = False) -> str:
    """primero/primera, noveno/novena, undécimo, vigésimo primero; "101.º" from 100 on."""
    if not 0 < n < 100:
        return f"{n}.ª" if feminine else f"{n}.º"
    special = {11: "undécimo", 12: "duodécimo"}
    tens, unit = divmod(n, 10)
    if n in special:
        parts = [special[n]]
    elif tens == 1 and unit:
        parts = ["decimo" + _ORDINAL_UNITS[unit]]  # decimotercero
    else:
        parts = [p for p in (_ORDINAL_TENS[tens] if tens else "", _ORDINAL_UNITS[unit] if unit else "") if p]
    if feminine:
        parts = [p[:-1] + "a" for p in parts]
    return " ".join(parts)


def conjunction_before(word: str, following: str) -> str:
    """ "y" becomes "e" before a word that begins with the sound i ("Francia e Italia", "e Hidalgo"), but not
    before "hie-" or "hia-" ("y hierro") where the sound is a consonant."""
    start = fold(following)[:3]
    sound_i = start[:1] == "i" or (start[:2] == "hi" and start[2:3] not in ("a", "e", "o", "u"))
    return "e" if word == "y" and sound_i else word


PHRASES = {
    "list_title": "Lista de participantes",
    "list_title_provisional": "Lista provisional de participantes",
    "note_basis": "La presente lista de participantes se ha preparado sobre la base de las notificaciones de la "
    "composición de las delegaciones recibidas por la secretaría al {date}. Comprende {participants} de "
    "{delegations}.",
    "note_basis_provisional": "La presente lista provisional de participantes se ha preparado sobre la base de las "
    "notificaciones de la composición de las delegaciones recibidas por la secretaría al {date}. Comprende "
    "{participants} de {delegations}.",
    "note_contact": "Solo figuran los datos de contacto de los participantes que aceptaron su publicación.",
    "note_provisional": "Las correcciones y adiciones deben enviarse a la secretaría; se publicará una lista "
    "definitiva.",
    "statistics": "Estadísticas de participación",
    "Delegations": "Delegaciones",
    "Participants": "Participantes",
    "States": "Estados",
    "Organisations": "Organizaciones",
    "total_states": "Total, Estados",
    "total_organisations": "Total, organizaciones",
    "total": "Participación total",
    "check_ins": "Registrados a la entrada, por día",
    "continued": "(continuación)",
    "no_participants": "(no se notificaron participantes)",
    "participant": "participante",
    "participants": "participantes",
    "delegation": "delegación",
    "delegations": "delegaciones",
    "page": "página",
    "pages": "páginas",
    # The agenda, the programme of work and the list of documents
    "agenda": "Programa",
    "provisional_agenda": "Programa provisional",
    "no_agenda_item": "[Aún no se ha introducido ningún tema del programa.]",
    "plenary": "{ordinal} sesión plenaria",
    "closed": "privada",
    "format:in_person": "presencial",
    "format:virtual": "virtual",
    "format:hybrid": "híbrida",
    "side_event": "Acto paralelo: {title}",
    "organised_by": ", organizado por {organiser}",
    "Time": "Hora",
    "Meeting": "Sesión",
    "Agenda items": "Temas del programa",
    "no_plenary": "[Aún no se ha introducido ninguna sesión plenaria.]",
    "programme_title": "Programa de trabajo provisional",
    "series:MAIN": "Documentos de distribución general",
    "series:L": "Distribución limitada",
    "series:WP": "Documentos de trabajo",
    "series:CRP": "Documentos de sesión",
    "series:INF": "Documentos de información",
    "series:MISC": "Documentos varios",
    "Symbol": "Signatura",
    "Title": "Título",
    "Languages": "Idiomas",
    "no_document": "[Aún no se ha inscrito ningún documento en el registro.]",
    "documents_title": "Lista de documentos",
    "distribution": "Distr. {distribution}",
    "General": "general",
    "Limited": "limitada",
    "original": "Original: {language}",
    "place_and_dates": "{city}, {dates}",
    # The workbook's printed pages and properties
    "INTERNAL": "INTERNO",
    "PRACTICE COPY": "COPIA DE PRÁCTICA",
    "registration_subject": "Inscripciones: {meeting}",
    "page_footer": "Página &P de &N",
    "locale": "es-ES",
    # Badges and nameplates (their PDF titles)
    "badges_title": "Credenciales — {meeting}",
    "nameplates_title": "Placas con el nombre",
    # The seating plan
    "seating_title": "Plano de asientos: {meeting}",
    "seating_pdf_title": "Plano de asientos — {meeting}",
    "seating_note": "{place_and_dates}. Asientos en el orden alfabético inglés por "
    "categoría, a partir de {first} ({how} el {date}).",
    "drawn_by_desk": "sorteado por la secretaría",
    "drawn_by_lot": "sorteado",
    "PODIUM": "PODIO",
    "practice_banner": "Copia de práctica: participantes ficticios; no es un documento oficial",
    "city:Geneva": "Ginebra",
    "city:Vienna": "Viena",
    "city:Beirut": "Beirut",
    "city:Vientiane": "Vientián",
    "city:Santiago": "Santiago",
    "city:Lausanne": "Lausana",
    "city:Dubrovnik": "Dubrovnik",
    "city:Oslo": "Oslo",
    "city:New York": "Nueva York",
}

TERMS = {
    "INTERNAL: this workbook holds the e-mail addresses and telephone numbers of every participant, including "
    "those who did not consent to their publication. Do not distribute it.": "INTERNO: este libro contiene las "
    "direcciones de correo electrónico y los números de teléfono de todos los participantes, incluidos los que no "
    "consintieron en su publicación. No distribuir.",
    "PRACTICE COPY: fictitious participants; not an official document": "COPIA DE PRÁCTICA: participantes "
    "ficticios; no es un documento oficial",
    "Head of delegation": "Jefe de la delegación",
    "Alternate head of delegation": "Jefe adjunto de la delegación",
    "Representative": "Representante",
    "Representatives": "Representantes",
    "Adviser": "Asesor",
    "Advisers": "Asesores",
    "Expert": "Experto",
    "Experts": "Expertos",
    "Member": "Miembro",
    "Members": "Miembros",
    "Other observer States": "Otros Estados observadores",
    "Participants": "Participantes",
    "Delegations": "Delegaciones",
    "States Parties": "Estados partes",
    "Signatory States": "Estados signatarios",
    "Ratified, not in force": "Ratificación, no en vigor",
    "Observer States": "Estados observadores",
    "Documents": "Documentos",
    "Participation by category": "Participación por categoría",
    "Gender balance": "Distribución por género",
    "Statistics": "Estadísticas",
    "Attendance by day": "Asistencia por día",
    "Internal": "Interno",
    "Practice": "Ejercicio",
    "Note": "Nota",
    "Delegation": "Delegación",
    "Category": "Categoría",
    "Salutation": "Tratamiento",
    "Given names": "Nombre",
    "Family name": "Apellidos",
    "Function": "Cargo",
    "Affiliation": "Institución",
    "Role": "Función en la delegación",
    "Gender": "Género",
    "E-mail": "Correo electrónico",
    "Phone": "Teléfono",
    "Publish contact": "Publicar datos de contacto",
    "Registered on": "Inscrito el",
    "Participant no.": "N.º de participante",
    "Code": "Código",
    "Credentials": "Credenciales",
    "Kind": "Forma",
    "Received on": "Recibidas el",
    "Category set by hand because": "Categoría fijada a mano porque",
    "Symbol": "Signatura",
    "Title": "Título",
    "Date": "Fecha",
    "Languages": "Idiomas",
    "Agenda item": "Tema del programa",
    "Distribution": "Distribución",
    "Submitted by": "Presentado por",
    "Women": "Mujeres",
    "Men": "Hombres",
    "Other": "Otro",
    "Not stated": "No indicado",
    "Day": "Día",
    "Total": "Total",
    "Part": "Parte",
    "in person": "presencial",
    "online": "en línea",
    "absent": "ausente",
    "yes": "sí",
    "no": "no",
    "female": "mujer",
    "male": "hombre",
    "other": "otro",
    "unspecified": "no indicado",
    "original": "original",
    "copy": "copia",
    "note verbale": "nota verbal",
    "General": "General",
    "Limited": "Limitada",
}

FORMS = Forms(
    code="es",
    english_name="Spanish",
    months=tuple("enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split()),
    weekdays=tuple("lunes martes miércoles jueves viernes sábado domingo".split()),
    date_pattern="{day} de {month} de {year}",
    day_month="{day} de {month}",
    range_same_month="{first} a {last} de {month} de {year}",
    range_joiner=" a ",
    conjunction="y",
    words=words,
    ordinal_words=ordinal,
    salutations={
        "Mr.": "Sr.",
        "Ms.": "Sra.",
        "Mrs.": "Sra.",
        "Mx.": "Mx.",
        "Dr.": "Dr.",
        "Prof.": "Prof.",
        "H.E. Mr.": "Excmo. Sr.",
        "H.E. Ms.": "Excma. Sra.",
        "H.E. Mrs.": "Excma. Sra.",
        "H.E. Dr.": "Excmo. Dr.",
        "H.R.H.": "S. A. R.",
        "Amb.": "Emb.",
        "Archbishop": "Mons.",
        "Msgr.": "Mons.",
        "Rev.": "Rvdo.",
        "Gen.": "Gral.",
        "Col.": "Cnel.",
    },
    language_names={
        "English": "inglés",
        "French": "francés",
        "Spanish": "español",
        "Arabic": "árabe",
        "Chinese": "chino",
        "Russian": "ruso",
    },
    phrases=PHRASES,
    terms=TERMS,
    conjunction_before=conjunction_before,
)
