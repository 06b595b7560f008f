"""The catalogue's file format, declared once.

Validation, the SQLAlchemy schema and the service-owner documentation all read
these declarations, so a column added here is checked, stored and documented
without touching three places. Table and column names follow Open Referral's
HSDS 3.0 where HSDS has them (organization, service, location,
service_at_location, phone, schedule, language, accessibility); the rest (closures,
bundles, life events, outreach, cross promotions, synonyms) are Guichet's own and say
so in `hsds`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Tuple

JURISDICTION_LEVELS = ("federal", "provincial", "territorial", "municipal", "indigenous")
PROVINCES = ("AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT")
TERRITORIES = ("NT", "NU", "YT")
CHANNELS = ("in_person", "online", "phone", "mail")
LOCATION_TYPES = ("physical", "outreach_site")
PHONE_TYPES = ("voice", "tty", "fax", "text")
VERIFICATION = ("verified", "illustrative")
# How far a fact about a service (document, fee, processing time, criterion) was checked: verified
# against its source on last_verified; unverified: taken from the source's wording as remembered,
# not re-read, so the answer tells the client to confirm it on the official page.
FACT_VERIFICATION = ("verified", "unverified")
COORDINATE_PRECISIONS = ("address", "postal_code", "city")
OUTREACH_KINDS = ("scheduled_site", "joint_event")
PROMOTION_CHANNELS = ("in_person", "online", "phone", "outreach")
STATUSES = ("active", "inactive")
DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
DAY_ORDINALS = (
    "1",
    "2",
    "3",
    "4",
    "5",
    "-1",
)  # before a day code: 2WE = 2nd Wednesday of the month, -1FR = last Friday
ACCESSIBILITY_FEATURES = ("wheelchair", "asl", "lsq", "free_parking", "paid_parking")


@dataclass(frozen=True)
class Column:
    """One CSV column: its type, whether it may be empty, and what it may hold.

    kind is one of: id, text, int, float, date, time, url, email, phone,
    postal_code, enum, enum_list (semicolon-separated), ref (id in another
    table), days (semicolon-separated DAYS, each optionally after one of
    DAY_ORDINALS as in an RRULE's BYDAY: 2WE), language_code.
    """

    name: str
    kind: str = "text"
    required: bool = False
    choices: Tuple[str, ...] = ()
    ref: Optional[str] = None
    doc: str = ""
    example: str = ""


@dataclass(frozen=True)
class Table:
    name: str
    columns: Tuple[Column, ...]
    doc: str
    key: Tuple[str, ...] = ("id",)
    hsds: str = ""
    bilingual: Tuple[str, ...] = field(default=())

    @property
    def column_names(self) -> Tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


def _pair(stem: str, required: bool, doc: str, en: str = "", fr: str = "") -> Tuple[Column, Column]:
    """A client-readable text in both official languages."""
    return (
        Column(f"{stem}_en", required=required, doc=f"{doc} (English)", example=en),
        Column(f"{stem}_fr", required=required, doc=f"{doc} (French)", example=fr),
    )


_SOURCE = Column(
    "source",
    doc="Where the facts in this row come from (a URL or a publication)",
    example="https://www.ontario.ca/page/serviceontario",
)
_VERIFIED = Column(
    "verification",
    "enum",
    True,
    VERIFICATION,
    doc="verified: checked against the source; illustrative: plausible but not checked, shown to staff as such",
    example="verified",
)

ORGANIZATIONS = Table(
    "organizations",
    (
        Column(
            "id",
            "id",
            True,
            doc="Stable identifier, lowercase letters, digits and hyphens",
            example="on-serviceontario",
        ),
        *_pair("name", True, "Name", "ServiceOntario", "ServiceOntario"),
        *_pair("description", False, "What the organization does"),
        *_pair("url", False, "Web site"),
        Column("email", "email", doc="General contact email"),
        Column("phone", "phone", doc="General enquiries line, for clients", example="1-800-567-6868"),
        *_pair(
            "locator_url",
            False,
            "Official page that lists the organization's offices (office finder); "
            "the answer for an in-person service with no office in the catalogue",
        ),
        Column(
            "jurisdiction_level", "enum", True, JURISDICTION_LEVELS, doc="Level of government", example="provincial"
        ),
        Column(
            "state_province",
            "enum",
            False,
            PROVINCES,
            doc="Province or territory (two-letter code); empty only for federal organizations",
            example="ON",
        ),
        _SOURCE,
        _VERIFIED,
    ),
    "Governments, departments and agencies that own services.",
    hsds="organization",
    bilingual=("name",),
)

SERVICES = Table(
    "services",
    (
        Column("id", "id", True, example="on-health-card"),
        Column("organization_id", "ref", True, ref="organizations", doc="Organization responsible for the service"),
        *_pair("name", True, "Name", "Ontario health card (OHIP)", "Carte Santé de l'Ontario (OHIP)"),
        *_pair(
            "alternate_name",
            False,
            "Other names and abbreviations people use, separated by semicolons",
            "OHIP card; health card",
            "carte santé; RAMO",
        ),
        *_pair("description", False, "One or two sentences for clients"),
        Column(
            "channels",
            "enum_list",
            False,
            CHANNELS,
            doc="How a client can get the service, separated by semicolons; empty when the source does not "
            "say (the assistant then points to the organization)",
            example="in_person;online",
        ),
        *_pair("url", False, "Page where the service is described or applied for"),
        Column("phone", "phone", doc="Phone number for the service"),
        *_pair("fees", False, "Fees, in words", "Free", "Gratuit"),
        *_pair("eligibility", False, "Who can get it"),
        *_pair("documents", False, "Documents to bring"),
        Column("status", "enum", True, STATUSES, example="active"),
        Column(
            "replaces",
            "ref",
            False,
            ref="services",
            doc="A federal service this one takes the place of for the province's residents (the Québec Pension "
            "Plan for the Canada Pension Plan): a client of that province is answered with this one",
            example="gc-7",
        ),
        _SOURCE,
        _VERIFIED,
    ),
    "Services a client can obtain. `online` in `channels` needs `url_en`/`url_fr`; a `phone` channel "
    "shows its number where one is known (`phone` column or a phones.csv row), otherwise the service page.",
    hsds="service",
    bilingual=("name",),
)

LOCATIONS = Table(
    "locations",
    (
        Column("id", "id", True, example="ottawa-city-hall"),
        Column("organization_id", "ref", True, ref="organizations", doc="Organization that runs the building or site"),
        *_pair("name", True, "Name", "Ottawa City Hall", "Hôtel de ville d'Ottawa"),
        *_pair("description", False, "Directions or notes for visitors"),
        Column(
            "location_type",
            "enum",
            True,
            LOCATION_TYPES,
            doc="physical: an office; outreach_site: staff visit on set days",
            example="physical",
        ),
        Column("address_1", required=True, doc="Street address", example="110 Laurier Avenue West"),
        Column("address_2", doc="Suite, floor"),
        Column("city", required=True, example="Ottawa"),
        Column("state_province", "enum", True, PROVINCES, example="ON"),
        Column(
            "postal_code",
            "postal_code",
            False,
            doc="Canadian postal code, A1A 1A1; empty only when the source "
            "has none (then coordinates_precision says how exact the "
            "coordinates are)",
            example="K1P 1J1",
        ),
        Column("latitude", "float", True, doc="Decimal degrees, inside Canada", example="45.4213"),
        Column("longitude", "float", True, doc="Decimal degrees, inside Canada (negative)", example="-75.6922"),
        Column(
            "coordinates_precision",
            "enum",
            False,
            COORDINATE_PRECISIONS,
            doc="How exact latitude/longitude are: address (geocoded street address), postal_code (centre of "
            "the postal code) or city (centre of the town: distances are approximate); empty means address",
            example="postal_code",
        ),
        Column("time_zone", doc="IANA time zone of the office", example="America/Toronto"),
        Column(
            "last_verified",
            "date",
            doc="Day the source was last checked (YYYY-MM-DD); an answer asks the "
            "client to check the office page when this is over a year old",
            example="2026-09-30",
        ),
        Column(
            "address_1_fr",
            doc="Street address as written in French, where the source gives it",
            example="110, avenue Laurier Ouest",
        ),
        Column("address_2_fr", doc="Suite, floor, as written in French, where the source gives it"),
        *_pair("url", False, "Page of this office"),
        _SOURCE,
        _VERIFIED,
    ),
    "Places where clients are served in person. Address columns follow HSDS `address`, kept on the "
    "location row so an office is one line to edit.",
    hsds="location + address",
    bilingual=("name",),
)

SERVICE_AT_LOCATION = Table(
    "service_at_location",
    (
        Column("id", "id", True, example="ottawa-city-hall--on-health-card"),
        Column("service_id", "ref", True, ref="services"),
        Column("location_id", "ref", True, ref="locations"),
        *_pair("description", False, "Anything particular about the service here"),
    ),
    "Which services are offered in person at which location (co-location is several "
    "organizations' services at one location).",
    hsds="service_at_location",
)

PHONES = Table(
    "phones",
    (
        Column("id", "id", True),
        Column("location_id", "ref", ref="locations", doc="Set exactly one of location_id, service_id"),
        Column("service_id", "ref", ref="services"),
        Column("number", "phone", True, example="1-800-267-8097"),
        Column("type", "enum", True, PHONE_TYPES, example="voice"),
        *_pair("description", False, "When to call this number"),
    ),
    "Phone numbers of locations and services.",
    hsds="phone",
)

SCHEDULES = Table(
    "schedules",
    (
        Column("id", "id", True),
        Column("location_id", "ref", ref="locations", doc="Hours of the whole location"),
        Column(
            "service_at_location_id",
            "ref",
            ref="service_at_location",
            doc="Hours of one service at a location, where they differ from the location's",
        ),
        Column(
            "byday",
            "days",
            True,
            doc="Days these hours apply, MO TU WE TH FR SA SU separated by semicolons; "
            "a day code may follow an ordinal 1-5 or -1 (last) for a day of the "
            "month, as in an RRULE: 2WE;4WE = 2nd and 4th Wednesday",
            example="MO;TU;WE;TH;FR",
        ),
        Column("opens_at", "time", True, doc="24-hour HH:MM", example="08:30"),
        Column("closes_at", "time", True, doc="24-hour HH:MM, after opens_at", example="16:30"),
        Column("valid_from", "date", doc="First day (YYYY-MM-DD); empty means always"),
        Column("valid_to", "date", doc="Last day (YYYY-MM-DD); empty means always"),
        *_pair("description", False, "Notes such as 'by appointment'"),
        _SOURCE,
        _VERIFIED,
    ),
    "Regular opening hours. Set exactly one of location_id or service_at_location_id.",
    hsds="schedule",
)

LANGUAGES = Table(
    "languages",
    (
        Column("id", "id", True),
        Column("location_id", "ref", True, ref="locations"),
        Column("code", "language_code", True, doc="ISO 639-1 code of a language clients are served in", example="fr"),
        *_pair("note", False, "e.g. 'interpretation on request'"),
    ),
    "Languages in which clients are served at a location.",
    hsds="language",
)

CLOSURES = Table(
    "closures",
    (
        Column("id", "id", True, example="sc-2157-closed-2026-09-29"),
        Column("location_id", "ref", True, ref="locations"),
        Column("start_date", "date", True, doc="First day closed (YYYY-MM-DD)", example="2026-09-29"),
        Column(
            "end_date",
            "date",
            doc="Last day closed (YYYY-MM-DD); empty means until further notice",
            example="2026-10-01",
        ),
        *_pair("reason", False, "Why it is closed, for clients", "Relocation of office", "Déménagement du bureau"),
        _SOURCE,
    ),
    "Days a location is closed although its schedules say it is open (holidays, moves, repairs).",
    hsds="(Guichet)",
)

ACCESSIBILITY = Table(
    "accessibility",
    (
        Column("id", "id", True, example="sc-3002-wheelchair"),
        Column("location_id", "ref", True, ref="locations"),
        Column(
            "feature",
            "enum",
            True,
            ACCESSIBILITY_FEATURES,
            doc="wheelchair: wheelchair accessible; asl / lsq: American Sign Language / langue des signes "
            "québécoise interpretation; free_parking / paid_parking",
            example="wheelchair",
        ),
        *_pair(
            "description",
            False,
            "The feature in words, for clients",
            "Wheelchair accessible",
            "Accessible en fauteuil roulant",
        ),
    ),
    "Accessibility features of a location.",
    hsds="accessibility",
)

BUNDLES = Table(
    "bundles",
    (
        Column("id", "id", True, example="on-birth-bundle"),
        Column("organization_id", "ref", True, ref="organizations", doc="Organization that receives the application"),
        *_pair(
            "name",
            True,
            "Name",
            "Newborn Registration Service (Birth Bundle)",
            "Service d'enregistrement des naissances",
        ),
        *_pair("alternate_name", False, "Other names, separated by semicolons"),
        *_pair("description", True, "What the single application does"),
        *_pair("url", False, "Where to apply"),
        _SOURCE,
        _VERIFIED,
    ),
    "One application that covers several services, possibly of several governments.",
    hsds="(Guichet)",
    bilingual=("name", "description"),
)

BUNDLE_SERVICES = Table(
    "bundle_services",
    (
        Column("bundle_id", "ref", True, ref="bundles"),
        Column("service_id", "ref", True, ref="services"),
        Column("position", "int", True, doc="Order in which to present the services", example="1"),
    ),
    "The services that a bundle covers.",
    key=("bundle_id", "service_id"),
    hsds="(Guichet)",
)

LIFE_EVENTS = Table(
    "life_events",
    (
        Column("id", "id", True, example="having-a-baby"),
        *_pair("name", True, "Name", "Having a baby", "Avoir un bébé"),
        *_pair(
            "alternate_name",
            False,
            "Words people use for it, separated by semicolons",
            "new baby; newborn; birth",
            "naissance; nouveau-né",
        ),
        *_pair("description", False, "What to think of"),
    ),
    "Moments in life that need several services.",
    hsds="(Guichet)",
    bilingual=("name",),
)

LIFE_EVENT_SERVICES = Table(
    "life_event_services",
    (
        Column("life_event_id", "ref", True, ref="life_events"),
        Column("service_id", "ref", True, ref="services"),
        Column("position", "int", True, example="1"),
    ),
    "The services that matter for a life event.",
    key=("life_event_id", "service_id"),
    hsds="(Guichet)",
)

OUTREACH = Table(
    "outreach",
    (
        Column("id", "id", True, example="fort-mcmurray-wildfire-2016"),
        Column(
            "kind",
            "enum",
            True,
            OUTREACH_KINDS,
            doc="scheduled_site: recurring visits; joint_event: one-off outreach by several governments",
        ),
        *_pair("name", True, "Name"),
        *_pair("description", False, "What clients can do there"),
        Column("community", required=True, doc="Community served", example="Fort McMurray"),
        Column("state_province", "enum", True, PROVINCES, example="AB"),
        Column("location_id", "ref", ref="locations", doc="Where it happens, if it has a fixed site"),
        Column("latitude", "float", doc="Needed when location_id is empty"),
        Column("longitude", "float", doc="Needed when location_id is empty"),
        Column("start_date", "date", doc="First day (YYYY-MM-DD)"),
        Column("end_date", "date", doc="Last day (YYYY-MM-DD)"),
        *_pair(
            "schedule", False, "Recurring schedule in words", "Second Tuesday of each month", "Deuxième mardi du mois"
        ),
        _SOURCE,
        _VERIFIED,
    ),
    "Outreach: governments going to a community, on a schedule or for an event.",
    hsds="(Guichet)",
    bilingual=("name",),
)

OUTREACH_PARTICIPANTS = Table(
    "outreach_participants",
    (
        Column("outreach_id", "ref", True, ref="outreach"),
        Column("organization_id", "ref", True, ref="organizations"),
        *_pair("role", False, "What this government did or does there"),
    ),
    "The governments taking part in an outreach.",
    key=("outreach_id", "organization_id"),
    hsds="(Guichet)",
)

OUTREACH_SERVICES = Table(
    "outreach_services",
    (
        Column("outreach_id", "ref", True, ref="outreach"),
        Column("service_id", "ref", True, ref="services"),
    ),
    "The services offered at an outreach.",
    key=("outreach_id", "service_id"),
    hsds="(Guichet)",
)

CROSS_PROMOTIONS = Table(
    "cross_promotions",
    (
        Column("id", "id", True),
        Column("service_id", "ref", True, ref="services", doc="The service being promoted (one government's)"),
        Column(
            "promoter_organization_id",
            "ref",
            True,
            ref="organizations",
            doc="The other government that promotes, offers or assists with it",
        ),
        Column("channel", "enum", True, PROMOTION_CHANNELS),
        Column("location_id", "ref", ref="locations", doc="Where, if at a particular location"),
        Column("community", doc="Community or region reached"),
        *_pair("description", True, "What the promoter does for clients"),
        Column("start_date", "date"),
        Column("end_date", "date"),
        _SOURCE,
        _VERIFIED,
    ),
    "One government's service promoted, offered or assisted at another government's location or channel.",
    hsds="(Guichet)",
    bilingual=("description",),
)

_LAST_VERIFIED = Column(
    "last_verified",
    "date",
    doc="Day the row was last checked against its source (YYYY-MM-DD); empty when never checked",
    example="2026-11-30",
)
_FACT_VERIFIED = Column(
    "verification",
    "enum",
    True,
    FACT_VERIFICATION,
    doc="verified: checked against source on last_verified; unverified: the answer asks the client to confirm it",
    example="verified",
)
_FACT_SOURCE = Column(
    "source",
    "url",
    True,
    doc="Official page the fact comes from; the answer links to it",
    example="https://www.canada.ca/en/immigration-refugees-citizenship/services/canadian-passports/passport-fees.html",
)
_VARIANT = _pair(
    "variant",
    False,
    "Which case of the service the row is about; empty when it applies to every case",
    "First adult passport",
    "Premier passeport d'adulte",
)

REQUIRED_DOCUMENTS = Table(
    "required_documents",
    (
        Column("id", "id", True, example="passport-adult-first-citizenship-proof"),
        Column("service_id", "ref", True, ref="services"),
        *_VARIANT,
        *_pair(
            "document",
            True,
            "A document to bring or send",
            "Proof of Canadian citizenship (original)",
            "Preuve de citoyenneté canadienne (original)",
        ),
        _FACT_SOURCE,
        _LAST_VERIFIED,
        _FACT_VERIFIED,
    ),
    "Documents a client must bring or send for a service, one row per document and variant.",
    hsds="required_document",
)

COST_OPTIONS = Table(
    "cost_options",
    (
        Column("id", "id", True, example="passport-adult-10-years"),
        Column("service_id", "ref", True, ref="services"),
        *_pair("option", True, "What the amount is for", "Adult passport, 10 years", "Passeport d'adulte, 10 ans"),
        Column("amount", "float", True, doc="Amount in the currency, 0 when free", example="160"),
        Column("currency", "enum", True, ("CAD",), example="CAD"),
        _FACT_SOURCE,
        _LAST_VERIFIED,
        _FACT_VERIFIED,
    ),
    "Fees of a service, one row per option (adult / child, validity, urgency).",
    hsds="cost_option",
)

PROCESSING_TIMES = Table(
    "processing_times",
    (
        Column("id", "id", True, example="passport-in-person-standard"),
        Column("service_id", "ref", True, ref="services"),
        *_VARIANT,
        Column("channel", "enum", False, CHANNELS, doc="How the client applies; empty for every channel"),
        *_pair(
            "standard",
            True,
            "The service standard, as the source states it",
            "10 business days, not counting mailing time",
            "10 jours ouvrables, sans compter le délai de livraison",
        ),
        _FACT_SOURCE,
        _LAST_VERIFIED,
        _FACT_VERIFIED,
    ),
    "Processing times (service standards) of a service, per channel and variant.",
    hsds="(Guichet)",
)

BENEFIT_AMOUNTS = Table(
    "benefit_amounts",
    (
        Column("id", "id", True, example="cpp-death-benefit"),
        Column("service_id", "ref", True, ref="services"),
        *_VARIANT,
        *_pair(
            "amount",
            True,
            "What the benefit pays, or what the amount depends on, as the source states it",
            "A one-time payment of $2,500",
            "Un paiement unique de 2 500 $",
        ),
        _FACT_SOURCE,
        _LAST_VERIFIED,
        _FACT_VERIFIED,
    ),
    'What a benefit pays the client (the other way from a fee), per variant: "how much will I get?".',
    hsds="(Guichet)",
)

ELIGIBILITY_CRITERIA = Table(
    "eligibility_criteria",
    (
        Column("id", "id", True, example="oas-age"),
        Column("service_id", "ref", True, ref="services"),
        Column("position", "int", True, doc="Order in which the criteria are asked, from 1", example="1"),
        *_pair("question", True, "The question asked to the client", "How old are you?", "Quel âge avez-vous?"),
        Column(
            "answers",
            required=True,
            doc="Codes of the allowed answers, separated by semicolons",
            example="under_60;60_to_64;65_or_over",
        ),
        *_pair(
            "answer_labels",
            True,
            "Button labels of the answers, in the order of answers, separated by semicolons",
            "Under 60;60 to 64;65 or over",
            "Moins de 60 ans;60 à 64 ans;65 ans ou plus",
        ),
        Column(
            "may_qualify",
            required=True,
            doc="Codes of the answers with which the client may qualify; the check errs towards inclusion",
            example="65_or_over",
        ),
        *_pair(
            "rule",
            True,
            "The rule behind the question, said to every client who asks about eligibility",
            "The OAS pension starts at 65; you can apply up to 11 months before.",
            "La pension de la SV commence à 65 ans; on peut la demander jusqu'à 11 mois avant.",
        ),
        *_pair(
            "decided_by",
            True,
            "Who decides, and how to apply",
            "Service Canada decides when you apply.",
            "Service Canada décide lorsque vous faites la demande.",
        ),
        _FACT_SOURCE,
        _LAST_VERIFIED,
        _FACT_VERIFIED,
    ),
    "Eligibility criteria as questions with allowed answers (after USAGov's benefit finder): a quick "
    "check that says 'you may qualify', never that the client is entitled.",
    hsds="(Guichet; HSDS has only a free-text eligibility_description)",
)

SERVICE_CHANNELS = Table(
    "service_channels",
    (
        Column("id", "id", True, example="citizenship-online"),
        Column("service_id", "ref", True, ref="services"),
        Column(
            "channel",
            "enum",
            True,
            CHANNELS,
            doc="A way to get the service that its row does not list",
            example="online",
        ),
        _FACT_SOURCE,
        _LAST_VERIFIED,
        _FACT_VERIFIED,
    ),
    "Ways to get a service that an official page confirms and its services.csv row does not list: the federal "
    "rows are regenerated from the GC Service Inventory, which lags behind (citizenship applications went online "
    "after it was published). Added to the row's channels.",
    hsds="(Guichet)",
)

SYNONYMS = Table(
    "synonyms",
    (
        Column("id", "id", True, example="sin"),
        Column("language", "enum", True, ("en", "fr"), example="en"),
        Column("term", required=True, doc="What people type: an abbreviation, a common word", example="SIN"),
        Column("expansion", required=True, doc="Words the catalogue uses for it", example="social insurance number"),
    ),
    "Search vocabulary: abbreviations and everyday words mapped to the catalogue's words.",
    hsds="(Guichet)",
)

TABLES: Tuple[Table, ...] = (
    ORGANIZATIONS,
    SERVICES,
    LOCATIONS,
    SERVICE_AT_LOCATION,
    PHONES,
    SCHEDULES,
    LANGUAGES,
    CLOSURES,
    ACCESSIBILITY,
    BUNDLES,
    BUNDLE_SERVICES,
    LIFE_EVENTS,
    LIFE_EVENT_SERVICES,
    OUTREACH,
    OUTREACH_PARTICIPANTS,
    OUTREACH_SERVICES,
    CROSS_PROMOTIONS,
    REQUIRED_DOCUMENTS,
    COST_OPTIONS,
    PROCESSING_TIMES,
    BENEFIT_AMOUNTS,
    ELIGIBILITY_CRITERIA,
    SERVICE_CHANNELS,
    SYNONYMS,
)
TABLES_BY_NAME = {t.name: t for t in TABLES}
