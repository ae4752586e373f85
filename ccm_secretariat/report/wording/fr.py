"""The report's and the report on credentials' sentences in French, as UN French reports write them: one phrase
per sentence, its {fields} filled in by the engine (report/wording/report_local.py, report/events_local.py). The
convention's own words (its name, its bodies, its meetings, what an extension request is for) are the profile's
(`[in.fr]`), never here. {e} is the feminine ending where the person is a woman ("désignée Présidente")."""

from __future__ import annotations

REPORT = {
    # Spans, days and small pieces
    "span_day": "le {date}",
    "span": "du {first} au {last}",
    "on_day": "Le {date}",
    "same_day": "Le même jour",
    "days_one": "le {days}",
    "days_many": "les {days}",
    "person": "{person}",
    "introduced": "{full} (« {short} »)",
    "part_of": "la {ordinal} partie de {name}",
    "and_that": " et que ",
    "also": "également ",
    "mutatis": ", *mutatis mutandis*",
    "held:virtual": " en format virtuel",
    "held:hybrid": " en format hybride",
    "how:virtual": "en format virtuel",
    "how:hybrid": "en format hybride",
    "how:in_person": "en présentiel",
    "at": " à {venue}",
    # Headings
    "report_title": "Projet de rapport de {name}",
    "agenda_item": "Point {number} de l'ordre du jour",
    "introduction": "Introduction",
    "organization": "Organisation de {name}",
    "work": "Travaux de {name}",
    "decisions": "Décisions et recommandations",
    "annex": "Annexe",
    "annex_subtitle": "Liste des documents soumis à {part}",
    "credentials_title": "Rapport sur les pouvoirs",
    "states_parties": "États parties",
    "other_states": "Autres États",
    # The report's sentences
    "mandate": "[Le mandat de {name} : les dispositions de la {treaty} en vertu desquelles elle est convoquée, les "
    "décisions de la réunion précédente concernant ses dates, son lieu et sa présidence, et la résolution de "
    "l'Assemblée générale par laquelle le Secrétaire général a été prié de la convoquer.]",
    "provision_missing": "[L'article {article} de la {treaty} : son texte en français n'est pas enregistré ; citer "
    "ici ses dispositions.]",
    "president_designated": "{who} a été désigné{e} Président{e} de {name}.",
    "part_held": "{part} s'est tenue{where} {span}.",
    "where": " à {city}",
    "secretary_served": "{who} a exercé les fonctions de {title}.",
    "secretary_of": "secrétaire de {body}",
    "secretary_general_of": "secrétaire général{e} de {body}",
    "took_part": "{who} a participé aux travaux de {body}.",
    "opened": "{when}, {part} a été ouverte par {who}{description} et Président{e} de {name}.",
    "opened_plain": "{when}, {part} a été ouverte par {who}, Président{e} de {name}.",
    "plenaries_one": "{body} a tenu une séance plénière officielle{held}.",
    "plenaries": "{body} a tenu {count} séances plénières officielles{held}.",
    "sg_confirmed": "{when}, {body} a confirmé la nomination de {who} en qualité de {title}.",
    "elected_lead": "{when},",
    "elected_lead_basis": "{when}, et {basis},",
    "elected_one": "{lead} {names} a été élu vice-président de {body}.",
    "elected": "{lead} {names} ont été élus vice-présidents de {body}.",
    "rules": "{when}, {body} a {also}confirmé le règlement intérieur figurant dans le document {document}{how}.",
    "agenda_subject": "l'ordre du jour provisoire ({symbol})",
    "programme_subject": "le programme de travail provisoire{part} ({symbol})",
    "programme_part": " de {part}",
    "adopted_both": "{subject} ont été distribués par le secrétariat avant {body} et ont ensuite été adoptés par "
    "{body} le {date}.",
    "adopted_one": "{subject} a été distribué par le secrétariat avant {body} et a ensuite été adopté par {body} le "
    "{date}.",
    "annex_pointer": "La liste des documents soumis à {part} figure en annexe au présent rapport. Ces documents "
    "peuvent être consultés au moyen du Système de diffusion électronique des documents de l'Organisation des "
    "Nations Unies (http://documents.un.org).",
    "decisions_placeholder": "[Les décisions et recommandations de {body}.]",
    # Credentials
    "state": "État",
    "states": "États",
    "credentials_original": "Des pouvoirs en bonne et due forme, conformément au règlement intérieur, ont été reçus "
    "de {count} : {names}.",
    "credentials_copies": "Des copies de pouvoirs ou des notes verbales ont été reçues de {count} : {names}.",
    "credentials_missing": "Aucun pouvoir n'avait été reçu de {count} au moment de l'établissement du présent "
    "rapport : {names}.",
    "no_state": "Aucun État n'est encore inscrit à {body}.",
    # The meeting's history (report/events_local.py)
    "quote": "« {text} »",
    "quote_close": " »",
    "provision_first": "L'article {article} de la {treaty} dispose que ",
    "provision_also": "L'article {article} dispose également que ",
    "provision_further": "L'article {article} dispose en outre que ",
    "preparatory_planned_one": "la réunion préparatoire de {meeting} se tiendrait{where} {days}",
    "preparatory_planned": "les réunions préparatoires de {meeting} se tiendraient{where} {days}",
    "meeting_planned": "{meeting} se tiendrait {span}{at}",
    "convened": "Lors de {name}, les États parties ont décidé que {what}{condition}{basis}.",
    "in_accordance": ", conformément à {reference}",
    "designated_same": "Lors de la même réunion, les États parties ont également désigné {who} Président{e} de "
    "{meeting}.",
    "designated": "Lors de {name}, les États parties ont désigné {who} Président{e} de {meeting}.",
    "term_basis": " Conformément à {reference}, son mandat {circumstances}.",
    "term": " Son mandat {circumstances}.",
    "requested": "Au paragraphe {number} du dispositif de sa résolution {reference}, l'Assemblée générale a prié le "
    "Secrétaire général {outcome}. En conséquence, le Secrétaire général de l'Organisation des Nations Unies a "
    "convoqué {convened} et a invité tous les États parties, ainsi que les États non parties à la Convention, à "
    "participer {meetings}.",
    "to_the_meeting": "à la réunion",
    "to_the_meetings": "aux réunions",
    "preparatories_one": "la {ordinals} réunion préparatoire",
    "preparatories": "les {ordinals} réunions préparatoires",
    "preparatory_name": "la {ordinal} réunion préparatoire",
    "preparatory_took_place": "{name} s'est tenue le {date}.",
    "preparatory_not_held": "{lead}{name} prévue le {date} n'a pas pu avoir lieu.",
    "circumstances_lead": "{circumstances}, ",
    "that_day": " Ce jour-là, {outcome}.",
    "held_then": " {name} s'est donc tenue à cette date.",
    "held_on": " {name} s'est tenue le {date}.",
    "silence_first": " Dans le cadre d'une procédure d'accord tacite qui s'est déroulée {span}, les États parties sont "
    "convenus de {agreed}",
    "hold_on": "tenir cette réunion le {date}",
    "postpone_it": "reporter la date de cette réunion",
    "silence_further": ", ce qui a ensuite été confirmé dans le cadre d'une nouvelle procédure d'accord tacite qui "
    "s'est déroulée {span}{on}",
    "further_on": ", date fixée au {date}",
    "silence_lead": "À l'issue d'une procédure d'accord tacite qui s'est déroulée {span}, les États parties sont "
    "convenus",
    "silence_parts": "{lead} que {meeting} se tiendrait en {count} parties : {each}.",
    "silence_part": "{span} {how}{at}",
    "silence_dates": "{lead} que {meeting} se tiendrait {span}.",
    "silence_postponed": "{lead} de reporter {meeting}.",
    "video message": "{day}, {who} a adressé un message vidéo à {body}.",
    "statement": "{day}, {who} a fait une déclaration devant {body}.",
    "report_adopted": "À sa {ordinal} séance plénière, le {date}, {name} a adopté {outcome}, tel qu'il figure dans le "
    "document {reference}{amended}, qui sera publié sous la cote {symbol}.",
    "orally_amended": ", tel que modifié oralement",
    "initial_due_none": "aucun État partie ayant une échéance pour la présentation de son rapport initial",
    "initial_due_one": "un État partie ayant une échéance pour la présentation de son rapport initial ({names})",
    "initial_due": "{count} États parties ayant une échéance pour la présentation de leur rapport initial ({names})",
    "on_time_none_due": "aucun État partie n'avait d'échéance pour la présentation de son rapport initial",
    "on_time_one": "l'État partie ayant une échéance pour la présentation de son rapport initial ({names}) avait "
    "présenté son rapport initial sur la transparence dans les délais",
    "on_time_one_not": "l'État partie ayant une échéance pour la présentation de son rapport initial ({names}) "
    "n'avait pas présenté son rapport initial sur la transparence dans les délais",
    "on_time_all": "les {which} avaient tous présenté leur rapport initial sur la transparence dans les délais",
    "on_time_none": "aucun des {which} n'avait présenté son rapport initial sur la transparence dans les délais",
    "on_time_some": "{names}, soit {count} des {which}, avaient présenté leur rapport initial sur la transparence "
    "dans les délais",
    # Extension requests (report/requests.py)
    "assessment": "{body} a examiné la demande présentée par {state} en vue de la prolongation du délai qui lui était "
    "imparti {purpose}, conformément à l'article {article} de {cited}",
    "assessment_pending": "{lead}.",
    "assessment_decided": "{lead}, et {decided} la demande de prolongation{period} jusqu'au {date}{condition}.",
    "period": " de {months} mois",
    "outcome:recommended": "a recommandé de prendre la décision d'accepter",
    "outcome:granted": "a décidé d'accepter",
    "outcome:granted shorter": "a décidé d'accepter",
    "outcome:refused": "a décidé de ne pas accepter",
}
