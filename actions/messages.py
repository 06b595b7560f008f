"""Every sentence the actions say, in both official languages.

Kept in one table so a translator reviews French and English side by side, and
so no action can answer in only one language: `say` fails loudly on a key that
lacks either.
"""

from __future__ import annotations

from typing import Any, Dict

GENERAL_CONTACT = "1 800 O-Canada (1-800-622-6232)"

MESSAGES: Dict[str, Dict[str, str]] = {
    "ask_service": {
        "en": "Which service are you looking for? For example: passport, SIN, health card, driver's licence.",
        "fr": "Quel service cherchez-vous? Par exemple : passeport, NAS, carte santé, permis de conduire.",
    },
    "ask_place": {
        "en": "Where are you? Give me a city or town, or a postal code (like K1P 1J1), and I'll find the nearest offices for {service}.",
        "fr": "Où êtes-vous? Donnez-moi une ville ou un code postal (comme K1P 1J1) et je trouverai les bureaux les plus proches pour {service}.",
    },
    "no_service": {
        "en": 'I couldn\'t find a government service matching "{text}". Try other words (passport, SIN, health card, marriage licence), or call '
        + GENERAL_CONTACT
        + ".",
        "fr": "Je n'ai trouvé aucun service gouvernemental correspondant à « {text} ». Essayez d'autres mots (passeport, NAS, carte santé, licence de mariage) ou appelez "
        + GENERAL_CONTACT
        + ".",
    },
    "ask_province": {
        "en": "{service} depends on the province or territory you live in. Where do you live? Give me your city, town or postal code.",
        "fr": "{service} dépend de la province ou du territoire où vous habitez. Où habitez-vous? Donnez-moi votre ville ou votre code postal.",
    },
    "not_in_province": {
        "en": "I don't know of {service} in {place}. Ask me in other words, or call " + GENERAL_CONTACT + ".",
        "fr": "Je ne connais pas de service « {service} » à {place}. Reformulez votre demande ou appelez "
        + GENERAL_CONTACT
        + ".",
    },
    "nearest_far": {
        "en": "There is no office offering it within {km} km of {place}. The nearest:",
        "fr": "Aucun bureau n'offre ce service à moins de {km} km de {place}. Le plus proche :",
    },
    "finder": {
        "en": "In person near {place}: {organization} says where to go: {url}",
        "fr": "En personne près de {place} : {organization} indique où vous présenter : {url}",
    },
    "finder_anywhere": {
        "en": "In person: {organization} says where to go: {url}",
        "fr": "En personne : {organization} indique où vous présenter : {url}",
    },
    "address_on_page": {"en": "Street address: see {url}", "fr": "Adresse : voyez {url}"},
    "check_page": {
        "en": "These details date from {date}: check the office page before you go: {url}",
        "fr": "Ces renseignements datent de {date} : vérifiez la page du bureau avant de vous déplacer : {url}",
    },
    "choose_service": {
        "en": 'Several services match "{text}". Which one do you mean?',
        "fr": "Plusieurs services correspondent à « {text} ». Lequel voulez-vous dire?",
    },
    "unknown_place": {
        "en": 'I don\'t know the place "{text}". Give me a Canadian city or town, or a postal code like T9H 5G2.',
        "fr": "Je ne connais pas l'endroit « {text} ». Donnez-moi une ville canadienne ou un code postal comme T9H 5G2.",
    },
    "service_header": {"en": "{service} — {organization} ({level})", "fr": "{service} — {organization} ({level})"},
    "nearest": {"en": "Nearest offices to {place}:", "fr": "Bureaux les plus proches de {place} :"},
    "nothing_near": {
        "en": "There is no office offering it within {km} km of {place}.",
        "fr": "Aucun bureau n'offre ce service à moins de {km} km de {place}.",
    },
    "ask_me_about": {"en": "I can also tell you {topics}.", "fr": "Je peux aussi vous dire {topics}."},
    "in_person_at": {
        "en": "In person at {network}: tell me your city or postal code and I'll find the nearest office.",
        "fr": "En personne chez {network} : donnez-moi votre ville ou votre code postal et je trouverai le bureau le plus proche.",
    },
    "in_person_ask": {
        "en": "In person: tell me your city or postal code and I'll find the nearest office.",
        "fr": "En personne : donnez-moi votre ville ou votre code postal et je trouverai le bureau le plus proche.",
    },
    "no_in_person": {"en": "This service is not offered in person.", "fr": "Ce service n'est pas offert en personne."},
    "office_line": {"en": "{n}. {name} — {km} km", "fr": "{n}. {name} — {km} km"},
    "office_line_town": {
        "en": "{n}. {name} — in {city} (about {km} km)",
        "fr": "{n}. {name} — à {city} (environ {km} km)",
    },
    "today": {"en": "Today: {hours}", "fr": "Aujourd'hui : {hours}"},
    "closed_today": {"en": "Today: closed", "fr": "Aujourd'hui : fermé"},
    "closed_today_because": {"en": "Today: closed ({reason})", "fr": "Aujourd'hui : fermé ({reason})"},
    "hours_unknown": {"en": "Hours: check the office page", "fr": "Heures : consultez la page du bureau"},
    "languages": {"en": "Service in: {languages}", "fr": "Service en : {languages}"},
    "access": {"en": "Access: {features}", "fr": "Accès : {features}"},
    "online": {"en": "Online: {url}", "fr": "En ligne : {url}"},
    "phone": {"en": "By phone: {phone}", "fr": "Par téléphone : {phone}"},
    "tty": {"en": "TTY: {phone}", "fr": "ATS : {phone}"},
    "text_line": {"en": "By text message: {phone}", "fr": "Par texto : {phone}"},
    "office_phone": {"en": "Phone: {phone}", "fr": "Téléphone : {phone}"},
    "mail": {"en": "Also by mail.", "fr": "Aussi par la poste."},
    "phone_on_page": {
        "en": "Also by phone (number on the service page).",
        "fr": "Aussi par téléphone (numéro sur la page du service).",
    },
    "contact_organization": {"en": "Contact {organization}: {url}", "fr": "Communiquez avec {organization} : {url}"},
    "also_there": {
        "en": "Also at {office}: {services}.",
        "fr": "Aussi à {office} : {services}.",
    },
    "in_bundle": {
        "en": 'You can get it together with other services: {bundles} (ask me "what\'s in the bundle?").',
        "fr": "Vous pouvez l'obtenir avec d'autres services : {bundles} (demandez-moi « qu'est-ce que ça comprend? »).",
    },
    "catalogue_down": {
        "en": "Sorry, the service directory is unavailable right now. Please try again in a minute, or call "
        + GENERAL_CONTACT
        + ".",
        "fr": "Désolé, le répertoire des services est indisponible pour le moment. Réessayez dans une minute ou appelez "
        + GENERAL_CONTACT
        + ".",
    },
    "colocated_header": {"en": "At {office} ({address}):", "fr": "À {office} ({address}) :"},
    "no_location": {
        "en": 'Which office do you mean? Ask me about a service first, or name the place (for example "Ottawa City Hall").',
        "fr": "De quel bureau parlez-vous? Demandez-moi d'abord un service ou nommez l'endroit (par exemple « hôtel de ville d'Ottawa »).",
    },
    "no_bundle": {
        "en": "{service} is not part of a combined application that I know of; each service is applied for on its own.",
        "fr": "À ma connaissance, {service} ne fait partie d'aucune demande combinée; chaque service se demande séparément.",
    },
    "bundle_header": {"en": "{bundle} — one application for:", "fr": "{bundle} — une seule demande pour :"},
    "ask_bundle_service": {
        "en": 'Which service do you want to combine? For example: "can I get the SIN with the birth registration?"',
        "fr": "Quel service voulez-vous combiner? Par exemple : « puis-je demander le NAS avec l'enregistrement de la naissance? »",
    },
    "life_event_header": {
        "en": "{event}: here is what you may need to do.",
        "fr": "{event} : voici ce que vous pourriez avoir à faire.",
    },
    "no_life_event": {
        "en": "I can help with life events such as having a baby, moving, losing a job, retiring or a death in the family. Which one is it?",
        "fr": "Je peux vous aider pour des événements comme une naissance, un déménagement, une perte d'emploi, la retraite ou un décès. Lequel vous concerne?",
    },
    "life_event_where": {
        "en": "Provincial and city services depend on where you live: tell me your city or postal code.",
        "fr": "Les services provinciaux et municipaux dépendent de l'endroit où vous habitez : dites-moi votre ville ou votre code postal.",
    },
    "bundle_covers": {
        "en": "One application covers several: {bundle} — {services}.",
        "fr": "Une seule demande en couvre plusieurs : {bundle} — {services}.",
    },
    "ask_outreach_place": {
        "en": "Which community are you asking about?",
        "fr": "De quelle communauté parlez-vous?",
    },
    "no_outreach": {
        "en": "I know of no outreach visits to {place}. The nearest offices are below.",
        "fr": "Je ne connais aucune visite de services mobiles à {place}. Voici les bureaux les plus proches.",
    },
    "outreach_upcoming": {"en": "Outreach serving {place}:", "fr": "Services mobiles pour {place} :"},
    "outreach_past": {"en": "(past) {name}, {dates}", "fr": "(passé) {name}, {dates}"},
    "with": {"en": "With: {governments}", "fr": "Avec : {governments}"},
    "ask_which_service_detail": {
        "en": 'Which service do you mean? Ask me about one first, for example "passport in Calgary".',
        "fr": "De quel service parlez-vous? Demandez-m'en d'abord un, par exemple « passeport à Calgary ».",
    },
    "hours_at": {"en": "{office}, this week:", "fr": "{office}, cette semaine :"},
    "hours_on_day": {"en": "{office}, {day}: {hours}", "fr": "{office}, {day} : {hours}"},
    "closed": {"en": "closed", "fr": "fermé"},
    "closed_holiday": {"en": "closed ({holiday}, a statutory holiday)", "fr": "fermé ({holiday}, jour férié)"},
    "closed_reason": {"en": "closed ({reason})", "fr": "fermé ({reason})"},
    "local_time": {
        "en": "Hours are the office's local time (it is {time} there now).",
        "fr": "Les heures sont à l'heure locale du bureau (il y est {time}).",
    },
    "open_now": {
        "en": "{office} is open now (it is {time} there), until {closes}.",
        "fr": "{office} est ouvert en ce moment (il y est {time}), jusqu'à {closes}.",
    },
    "closed_now": {
        "en": "{office} is closed now (it is {time} there; today: {why}). {next}",
        "fr": "{office} est fermé en ce moment (il y est {time}; aujourd'hui : {why}). {next}",
    },
    "next_opening": {"en": "It opens next on {day} at {time}.", "fr": "Prochaine ouverture : {day} à {time}."},
    "usual_days": {"en": "Open {days} each week.", "fr": "Ouvert {days} chaque semaine."},
    "next_open_day": {
        "en": "Next opening day: {day}, {hours}.",
        "fr": "Prochaine journée d'ouverture : {day}, {hours}.",
    },
    "no_hours": {
        "en": "I don't have the hours of {office}; check {url}",
        "fr": "Je n'ai pas les heures de {office}; consultez {url}",
    },
    "fact": {"en": "{service}: {text}", "fr": "{service} : {text}"},
    "fact_line": {"en": "• {case}: {text}", "fr": "• {case} : {text}"},
    "no_fees": {
        "en": "I don't have the fees for {service}; see {url}",
        "fr": "Je n'ai pas les frais pour {service}; voyez {url}",
    },
    "no_documents": {
        "en": "I don't have the list of documents for {service}; see {url}",
        "fr": "Je n'ai pas la liste des documents pour {service}; voyez {url}",
    },
    "no_processing_time": {
        "en": "I don't have the processing time for {service}; see {url}",
        "fr": "Je n'ai pas le délai de traitement pour {service}; voyez {url}",
    },
    "no_eligibility": {
        "en": "I don't have the eligibility rules for {service}; see {url}",
        "fr": "Je n'ai pas les conditions d'admissibilité pour {service}; voyez {url}",
    },
    "documents_for": {"en": "What to bring or send for {service}:", "fr": "Documents à fournir pour {service} :"},
    "fees_for": {"en": "Fees for {service}:", "fr": "Frais pour {service} :"},
    "amounts_for": {"en": "What {service} pays:", "fr": "Ce que verse {service} :"},
    "client_time": {
        "en": "In {place} time, {day}: {hours}.",
        "fr": "À l'heure de {place}, {day} : {hours}.",
    },
    "times_for": {"en": "Processing times for {service}:", "fr": "Délais de traitement pour {service} :"},
    "eligibility_for": {
        "en": "Who may qualify for {service}:",
        "fr": "Qui peut être admissible à {service} :",
    },
    "not_a_decision": {
        "en": "This is a quick check, not a decision: you may qualify even if a rule seems not to fit. Details and how to apply: {url}",
        "fr": "Ceci est une vérification rapide, pas une décision : vous pourriez être admissible même si une règle semble ne pas s'appliquer. Détails et demande : {url}",
    },
    "variant": {"en": "{variant}:", "fr": "{variant} :"},
    "quick_check": {
        "en": "A quick check, one question at a time (you can stop any time):",
        "fr": "Une vérification rapide, une question à la fois (vous pouvez arrêter en tout temps) :",
    },
    "may_qualify": {
        "en": "From your answers, you may qualify for {service}.",
        "fr": "D'après vos réponses, vous pourriez être admissible à {service}.",
    },
    "may_not_qualify": {
        "en": "From your answers, you may not qualify: {rule}",
        "fr": "D'après vos réponses, vous pourriez ne pas être admissible : {rule}",
    },
    "see_page": {"en": "Details: {url}", "fr": "Détails : {url}"},
    "more_on_page": {"en": "More on {url}", "fr": "La suite sur {url}"},
    "source_checked": {
        "en": "Source: {url} (checked {date})",
        "fr": "Source : {url} (vérifié le {date})",
    },
    "source_unchecked": {
        "en": "Source: {url} (not re-checked by Guichet: please confirm there)",
        "fr": "Source : {url} (non revérifié par Guichet : veuillez confirmer sur cette page)",
    },
    "channels": {"en": "{service} is available: {channels}.", "fr": "{service} est offert : {channels}."},
    # The catalogue may be behind the service: no online channel listed is not "impossible online".
    "not_online": {
        "en": "I have no online way listed for {service}; its page has the latest: {url}",
        "fr": "Je n'ai aucune façon en ligne répertoriée pour {service}; sa page a l'information à jour : {url}",
    },
    "channel_yes": {
        "en": "Yes, you can do it {channel} ({service}).",
        "fr": "Oui, vous pouvez le faire {channel} ({service}).",
    },
    "channel_not_listed": {
        "en": "I have no way {channel} listed for {service}; its page has the latest: {url}",
        "fr": "Je n'ai aucune façon {channel} répertoriée pour {service}; sa page a l'information à jour : {url}",
    },
    "channels_unknown": {
        "en": "I don't know how {service} is offered; see {url}",
        "fr": "Je ne sais pas comment {service} est offert; voyez {url}",
    },
    "handoff_busy": {
        "en": "Many people are waiting for a person right now, so I can't add you to the queue. Please call 1 800 O-Canada: 1-800-622-6232 (TTY 1-800-926-9105), Monday to Friday, 8:30 to 16:30.",
        "fr": "Beaucoup de personnes attendent un agent en ce moment; je ne peux pas vous ajouter à la file. Appelez 1 800 O-Canada : 1-800-622-6232 (ATS 1-800-926-9105), du lundi au vendredi, de 8 h 30 à 16 h 30.",
    },
    "handoff": {
        "en": "I've passed your conversation to a person (reference {reference}). An agent of 1 800 O-Canada will follow up; you can also call 1-800-622-6232 (TTY 1-800-926-9105), Monday to Friday, 8:30 to 16:30, and give this reference.",
        "fr": "J'ai transmis votre conversation à une personne (référence {reference}). Un agent de 1 800 O-Canada fera le suivi; vous pouvez aussi appeler le 1-800-622-6232 (ATS 1-800-926-9105), du lundi au vendredi, de 8 h 30 à 16 h 30, en donnant cette référence.",
    },
    "feedback_yes": {"en": "Yes, this helped", "fr": "Oui, cela m'a aidé"},
    "feedback_no": {"en": "No, this did not help", "fr": "Non, cela ne m'a pas aidé"},
    "feedback_thanks": {
        "en": "Thank you! Your answer helps the people who keep this information up to date.",
        "fr": "Merci! Votre avis aide les personnes qui tiennent cette information à jour.",
    },
    "feedback_sorry": {
        "en": "Thank you for telling me. The people who keep this information up to date will see it. You can ask in other words, or ask to talk to a person.",
        "fr": "Merci de me le dire. Les personnes qui tiennent cette information à jour le verront. Vous pouvez reformuler votre question ou demander à parler à une personne.",
    },
    # Live handoff (bot/staff_socket.py): queue place, after hours, staff joining and leaving.
    "handoff_waiting": {
        "en": "I've passed your conversation to a person (reference {reference}). You are number {position} in line; estimated wait: about {wait} min. Stay on this page: an agent will write to you here. You can also call 1 800 O-Canada at 1-800-622-6232 (TTY 1-800-926-9105) and give this reference.",
        "fr": "J'ai transmis votre conversation à une personne (référence {reference}). Vous êtes numéro {position} dans la file; attente estimée : environ {wait} min. Restez sur cette page : un agent vous écrira ici. Vous pouvez aussi appeler 1 800 O-Canada au 1-800-622-6232 (ATS 1-800-926-9105) en donnant cette référence.",
    },
    "handoff_after_hours": {
        "en": "No agent can chat with you at this hour. Please call 1 800 O-Canada at 1-800-622-6232 (TTY 1-800-926-9105) and give your reference {reference}: the agent will see our conversation.",
        "fr": "Aucun agent ne peut clavarder avec vous à cette heure-ci. Appelez 1 800 O-Canada au 1-800-622-6232 (ATS 1-800-926-9105) et donnez votre référence {reference} : l'agent verra notre conversation.",
    },
    "handoff_staff_joined": {
        "en": "{name}, an agent, has joined the conversation and will answer you here.",
        "fr": "{name}, un agent, s'est joint à la conversation et vous répondra ici.",
    },
    "handoff_returned": {
        "en": "The agent has handed the conversation back to me, Guichet. Ask me where to get a government service.",
        "fr": "L'agent m'a redonné la conversation, à moi, Guichet. Demandez-moi où obtenir un service gouvernemental.",
    },
    "handoff_closed": {
        "en": "The agent has ended the conversation (reference {reference}). Thank you! You can keep asking me, Guichet, about government services.",
        "fr": "L'agent a mis fin à la conversation (référence {reference}). Merci! Vous pouvez continuer à me poser vos questions, à moi, Guichet.",
    },
}

LEVELS = {
    "federal": {"en": "federal", "fr": "fédéral"},
    "provincial": {"en": "provincial", "fr": "provincial"},
    "territorial": {"en": "territorial", "fr": "territorial"},
    "municipal": {"en": "municipal", "fr": "municipal"},
    "indigenous": {"en": "Indigenous", "fr": "autochtone"},
}
# What else a client may ask about a service, as "I can also tell you ..." lists it.
TOPICS = {
    "documents": {"en": "what to bring to apply", "fr": "quoi apporter pour faire la demande"},
    "fees": {"en": "what it costs", "fr": "ce que ça coûte"},
    "processing_time": {"en": "how long it takes", "fr": "les délais de traitement"},
    "eligibility": {"en": "who may qualify", "fr": "qui peut être admissible"},
}
CHANNELS = {
    "in_person": {"en": "in person", "fr": "en personne"},
    "online": {"en": "online", "fr": "en ligne"},
    "phone": {"en": "by phone", "fr": "par téléphone"},
    "mail": {"en": "by mail", "fr": "par la poste"},
}
DAYS_LONG = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
}
MONTHS = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
}
ACCESS = {
    "wheelchair": {"en": "wheelchair accessible", "fr": "accessible en fauteuil roulant"},
    "asl": {"en": "ASL interpretation", "fr": "interprétation en ASL"},
    "lsq": {"en": "LSQ interpretation", "fr": "interprétation en LSQ"},
    "free_parking": {"en": "free parking", "fr": "stationnement gratuit"},
    "paid_parking": {"en": "paid parking", "fr": "stationnement payant"},
}
LANGUAGE_NAMES = {"en": {"en": "English", "fr": "anglais"}, "fr": {"en": "French", "fr": "français"}}


def say(key: str, lang: str, **values: Any) -> str:
    return MESSAGES[key][lang].format(**values)
