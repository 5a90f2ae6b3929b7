"""The content languages commcli knows: BCP 47 tags, names, scripts and what is honest to say about each."""

from __future__ import annotations

from dataclasses import dataclass

from .i18n import N_, _


@dataclass(frozen=True)
class Language:
    tag: str
    name_vi: str
    name_en: str
    script: str  # ISO 15924
    babel_locale: str | None  # Babel locale with usable data, if any
    note: str = ""

    @property
    def base(self) -> str:
        return self.tag.split("-")[0]

    def name(self) -> str:
        from .i18n import current_language

        return self.name_vi if current_language() == "vi" else self.name_en


# Order matters: it is the order languages are listed in messages and outputs.
LANGUAGES: dict[str, Language] = {
    lang.tag: lang
    for lang in (
        Language("vi", "Tiếng Việt", "Vietnamese", "Latn", "vi"),
        Language("hmn", "Tiếng H'Mông", "Hmong", "Latn", None,
                 N_("Vietnamese-based Hmong script (Decree 206-CP, 1961) or RPA; variety in use unconfirmed.")),
        Language("hmn-x-chv", "Tiếng H'Mông (chữ Hmông Việt)", "Hmong (Vietnamese Hmong script)", "Latn", None),
        Language("hmn-x-rpa", "Tiếng H'Mông (chữ RPA)", "Hmong (RPA spelling)", "Latn", None),
        Language("blt", "Tiếng Thái Đen", "Black Tai (Tai Dam)", "Tavt", None),
        Language("blt-Latn", "Tiếng Thái Đen (chữ Latinh)", "Black Tai (romanized)", "Latn", None),
        Language("blt-Tavt", "Tiếng Thái Đen (chữ Thái)", "Black Tai (Tai Viet script)", "Tavt", None),
        Language("twh", "Tiếng Thái Trắng", "White Tai", "Tavt", None, N_("Language code unconfirmed.")),
        Language("kjg", "Tiếng Khơ Mú", "Khmu", "Latn", None, N_("Only a proposed Latin orthography is known in Vietnam.")),
    )
}


def known_tags() -> list[str]:
    return list(LANGUAGES)


def is_known(tag: str) -> bool:
    return tag in LANGUAGES


def get(tag: str) -> Language:
    return LANGUAGES[tag]


def unknown_tag_message(tag: str) -> str:
    return _("Unknown language tag '{tag}'. Known tags: {known}.").format(tag=tag, known=", ".join(known_tags()))


def base_of(tag: str) -> str:
    """``blt-Tavt`` → ``blt``; ``hmn-x-rpa`` → ``hmn``."""
    return tag.split("-")[0]


def matches(tag: str, wanted: str) -> bool:
    """True when ``tag`` is ``wanted`` or a script/orthography variant of it (``blt-Tavt`` matches ``blt``)."""
    return tag == wanted or base_of(tag) == wanted or base_of(wanted) == tag
