"""The report's and the report on credentials' sentences in Spanish, as UN Spanish reports write them: one phrase
per sentence, its {fields} filled in by the engine (report/wording/report_local.py, report/events_local.py). The
convention's own words are the profile's (`[in.es]`), never here. {o} and {e} are the endings that follow the
person's gender ("designada Presidenta")."""

from __future__ import annotations

REPORT = {
    "span_day": "el {date}",
    "span": "del {first} al {last}",
    "on_day": "El {date}",
    "same_day": "El mismo día",
    "days_one": "el {days}",
    "days_many": "los días {days}",
    "person": "{la} {person}",
    "introduced": "{full} (“{short}”)",
    "part_of": "la {ordinal} parte de {name}",
    "and_that": " y que ",
    "also": "también ",
    "mutatis": ", *mutatis mutandis*",
    "held:virtual": " en formato virtual",
    "held:hybrid": " en formato híbrido",
    "how:virtual": "en formato virtual",
    "how:hybrid": "en formato híbrido",
    "how:in_person": "de forma presencial",
    "at": " en {venue}",
    "report_title": "Proyecto de informe de {name}",
    "agenda_item": "Tema {number} del programa",
    "introduction": "Introducción",
    "organization": "Organización de {name}",
    "work": "Labor de {name}",
    "decisions": "Decisiones y recomendaciones",
    "annex": "Anexo",
    "annex_subtitle": "Lista de documentos presentados a {part}",
    "credentials_title": "Informe sobre las credenciales",
    "states_parties": "Estados partes",
    "other_states": "Otros Estados",
    "mandate": "[El mandato de {name}: las disposiciones de la {treaty} en virtud de las cuales se convoca, las "
    "decisiones de la reunión anterior sobre sus fechas, su lugar y su presidencia, y la resolución de la"
    " Asamblea General por la que se solicitó al Secretario General que la convocara.]",
    "provision_missing": "[El artículo {article} de la {treaty}: su texto en español no está registrado; "
    "cítense aquí sus "
    "disposiciones.]",
    "president_designated": "{who} fue designad{o} President{e} de {name}.",
    "part_held": "{part} se celebró{where} {span}.",
    "where": " en {city}",
    "secretary_served": "{who} ejerció las funciones de {title}.",
    "secretary_of": "secretari{o} de {body}",
    "secretary_general_of": "secretari{o} general de {body}",
    "took_part": "{who} participó en los trabajos de {body}.",
    "opened": "{when}, {part} fue inaugurada por {who}{description} y President{e} de {name}.",
    "opened_plain": "{when}, {part} fue inaugurada por {who}, President{e} de {name}.",
    "plenaries_one": "{body} celebró una sesión plenaria oficial{held}.",
    "plenaries": "{body} celebró {count} sesiones plenarias oficiales{held}.",
    "sg_confirmed": "{when}, {body} confirmó a {who} como {title}.",
    "elected_lead": "{when},",
    "elected_lead_basis": "{when}, y {basis},",
    "elected_one": "{lead} {names} fue elegido vicepresidente de {body}.",
    "elected": "{lead} {names} fueron elegidos vicepresidentes de {body}.",
    "rules": "{when}, {body} {also}confirmó el reglamento que figura en el documento {document}{how}.",
    "agenda_subject": "el programa provisional ({symbol})",
    "programme_subject": "el programa de trabajo provisional{part} ({symbol})",
    "programme_part": " para {part}",
    "adopted_both": "{subject} fueron distribuidos por la secretaría antes de {body} y posteriormente fueron aprobados "
    "por {body} el {date}.",
    "adopted_one": "{subject} fue distribuido por la secretaría antes de {body} y posteriormente fue aprobado "
    "por {body}"
    " el {date}.",
    "annex_pointer": "La lista de documentos presentados a {part} figura en el anexo del presente informe. Esos "
    "documentos"
    " pueden consultarse en el Sistema de Archivo de Documentos de las Naciones Unidas "
    "(http://documents.un.org).",
    "decisions_placeholder": "[Las decisiones y recomendaciones de {body}.]",
    "state": "Estado",
    "states": "Estados",
    "credentials_original": "Se recibieron credenciales oficiales, de conformidad con el reglamento, de "
    "{count}: {names}."
    "Se recibieron credenciales oficiales, de conformidad con el reglamento, de {count}: {names}.",
    "credentials_copies": "Se recibieron copias de credenciales o notas verbales de {count}: {names}.",
    "credentials_missing": "En el momento de redactar el presente informe no se habían recibido credenciales de "
    "{count}: "
    "{names}.",
    "no_state": "Todavía no hay ningún Estado inscrito en {body}.",
    "quote": "“{text}”",
    "quote_close": "”",
    "provision_first": "El artículo {article} de la {treaty} dispone que ",
    "provision_also": "El artículo {article} también dispone que ",
    "provision_further": "El artículo {article} dispone además que ",
    "preparatory_planned_one": "la reunión preparatoria de {meeting} se celebraría{where} {days}",
    "preparatory_planned": "las reuniones preparatorias de {meeting} se celebrarían{where} {days}",
    "meeting_planned": "{meeting} se celebraría {span}{at}",
    "convened": "En {name}, los Estados partes decidieron que {what}{condition}{basis}.",
    "in_accordance": ", de conformidad con {reference}",
    "designated_same": "En la misma reunión, los Estados partes también designaron a {who} President{e} de {meeting}.",
    "designated": "En {name}, los Estados partes designaron a {who} President{e} de {meeting}.",
    "term_basis": " De conformidad con {reference}, su mandato {circumstances}.",
    "term": " Su mandato {circumstances}.",
    "requested": "En el párrafo {number} de la parte dispositiva de su resolución {reference}, la Asamblea General "
    "solicitó al Secretario General {outcome}. En consecuencia, el Secretario General de las Naciones "
    "Unidas convocó {convened} e invitó a todos los Estados partes, así como a los Estados que no son "
    "partes en la Convención, a participar {meetings}.",
    "to_the_meeting": "en la reunión",
    "to_the_meetings": "en las reuniones",
    "preparatories_one": "la {ordinals} Reunión Preparatoria",
    "preparatories": "las Reuniones Preparatorias {ordinals}",
    "preparatory_name": "la {Ordinal} Reunión Preparatoria",
    "preparatory_took_place": "{name} se celebró el {date}.",
    "preparatory_not_held": "{lead}{name} prevista para el {date} no pudo celebrarse.",
    "circumstances_lead": "{circumstances}, ",
    "that_day": " Ese día, {outcome}.",
    "held_then": " {name} se celebró, por tanto, en esa fecha.",
    "held_on": " {name} se celebró el {date}.",
    "silence_first": " Mediante un procedimiento de acuerdo tácito que se desarrolló {span}, los Estados partes "
    "acordaron "
    "{agreed}",
    "hold_on": "celebrar esta reunión el {date}",
    "postpone_it": "aplazar la fecha de esta reunión",
    "silence_further": ", lo que se confirmó posteriormente mediante un nuevo procedimiento de acuerdo tácito que se "
    "desarrolló {span}{on}",
    "further_on": ", para el {date}",
    "silence_lead": "Tras un procedimiento de acuerdo tácito que se desarrolló {span}, los Estados partes acordaron",
    "silence_parts": "{lead} que {meeting} se celebraría en {count} partes: {each}.",
    "silence_part": "{span} {how}{at}",
    "silence_dates": "{lead} que {meeting} se celebraría {span}.",
    "silence_postponed": "{lead} aplazar {meeting}.",
    "video message": "{day}, {who} dirigió un mensaje en vídeo a {body}.",
    "statement": "{day}, {who} formuló una declaración ante {body}.",
    "report_adopted": "En su {ordinal} sesión plenaria, celebrada el {date}, {name} aprobó {outcome}, que figura en el "
    "documento {reference}{amended}, que se publicará con la signatura {symbol}.",
    "orally_amended": ", en su forma oralmente enmendada",
    "initial_due_none": "ningún Estado parte con plazo para la presentación de su informe inicial",
    "initial_due_one": "un Estado parte con plazo para la presentación de su informe inicial ({names})",
    "initial_due": "{count} Estados partes con plazo para la presentación de su informe inicial ({names})",
    "on_time_none_due": "ningún Estado parte tenía plazo para la presentación de su informe inicial",
    "on_time_one": "el Estado parte con plazo para la presentación de su informe inicial ({names}) había presentado "
    "a tiempo su informe inicial de transparencia",
    "on_time_one_not": "el Estado parte con plazo para la presentación de su informe inicial ({names}) no había "
    "presentado a tiempo su informe inicial de transparencia",
    "on_time_all": "los {which} habían presentado todos a tiempo sus informes iniciales de transparencia",
    "on_time_none": "ninguno de los {which} había presentado a tiempo su informe inicial de transparencia",
    "on_time_some": "{names}, {count} de los {which}, habían presentado a tiempo sus informes iniciales de "
    "transparencia",
    "assessment": "{body} examinó la solicitud presentada por {state} para la prórroga del plazo {purpose}, de "
    "conformidad con el artículo {article} de {cited}",
    "assessment_pending": "{lead}.",
    "assessment_decided": "{lead}, y {decided} la prórroga solicitada{period} hasta el {date}{condition}.",
    "period": " de {months} meses",
    "outcome:recommended": "recomendó que se adoptara la decisión de conceder",
    "outcome:granted": "decidió conceder",
    "outcome:granted shorter": "decidió conceder",
    "outcome:refused": "decidió no conceder",
}
