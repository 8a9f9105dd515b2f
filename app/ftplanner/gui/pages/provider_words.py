"""The provider registry's words (kind names, profile field labels and hints) in the user's language.

pyside6-lupdate reads only GUI code, so every string a kind declares in :mod:`ftplanner.providers.registry`
is listed here once with ``QT_TRANSLATE_NOOP``; ``tests/test_translations.py`` checks the list is complete.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ftplanner.providers import registry

CONTEXT = "ProviderWords"

LISTED = (
    QT_TRANSLATE_NOOP("ProviderWords", "OpenAI"),
    QT_TRANSLATE_NOOP("ProviderWords", "Azure OpenAI"),
    QT_TRANSLATE_NOOP("ProviderWords", "OpenAI-compatible (base URL)"),
    QT_TRANSLATE_NOOP("ProviderWords", "OpenAI-compatible"),
    QT_TRANSLATE_NOOP("ProviderWords", "Together AI"),
    QT_TRANSLATE_NOOP("ProviderWords", "Base URL"),
    QT_TRANSLATE_NOOP("ProviderWords", "https://…/v1/"),
    QT_TRANSLATE_NOOP("ProviderWords", "Azure resource"),
    QT_TRANSLATE_NOOP("ProviderWords", "trainingType"),
    QT_TRANSLATE_NOOP("ProviderWords", "e.g. Standard, Global, Developer"),
    QT_TRANSLATE_NOOP("ProviderWords", "Key header"),
    QT_TRANSLATE_NOOP("ProviderWords", "Authorization"),
    QT_TRANSLATE_NOOP("ProviderWords", "Fireworks AI"),
    QT_TRANSLATE_NOOP("ProviderWords", "https://api.fireworks.ai"),
    QT_TRANSLATE_NOOP("ProviderWords", "Account ID"),
    QT_TRANSLATE_NOOP(
        "ProviderWords", "The Fireworks account the datasets and jobs belong to (accounts/<id>/…)"
    ),
    QT_TRANSLATE_NOOP("ProviderWords", "Nebius Token Factory"),
    QT_TRANSLATE_NOOP("ProviderWords", "https://api.tokenfactory.nebius.com/v1/"),
    QT_TRANSLATE_NOOP("ProviderWords", "Google Vertex AI"),
    QT_TRANSLATE_NOOP("ProviderWords", "Vertex AI"),
    QT_TRANSLATE_NOOP("ProviderWords", "https://us-central1-aiplatform.googleapis.com/"),
    QT_TRANSLATE_NOOP("ProviderWords", "Project"),
    QT_TRANSLATE_NOOP("ProviderWords", "my-project"),
    QT_TRANSLATE_NOOP("ProviderWords", "Location"),
    QT_TRANSLATE_NOOP("ProviderWords", "us-central1"),
    QT_TRANSLATE_NOOP("ProviderWords", "Cloud Storage URI"),
    QT_TRANSLATE_NOOP("ProviderWords", "gs://bucket/prefix"),
    QT_TRANSLATE_NOOP("ProviderWords", "where the converted training data is written"),
    QT_TRANSLATE_NOOP("ProviderWords", "Service-account key file"),
    QT_TRANSLATE_NOOP("ProviderWords", "empty: Application Default Credentials"),
    QT_TRANSLATE_NOOP("ProviderWords", "the path is stored, never the key"),
    QT_TRANSLATE_NOOP("ProviderWords", "Adapter size"),
    QT_TRANSLATE_NOOP("ProviderWords", "1, 2, 4, 8 or 16"),
)


def word(text: str) -> str:
    """``text`` (a registry string) in the user's language; unlisted text stays as it is."""
    return QCoreApplication.translate(CONTEXT, text) if text else text


def kind_name(kind: str, short: bool = False) -> str:
    """The display name of a profile kind (``short``: its table name; the kind itself when unknown)."""
    spec = registry.get(kind)
    if spec is None:
        return kind
    return word(spec.table_name if short else spec.display_name)


def registry_strings() -> set[str]:
    """Every string the registered kinds show in the GUI (what :data:`LISTED` must hold)."""
    found: set[str] = set()
    for spec in registry.all_kinds():
        found.update((spec.display_name, spec.table_name))
        for declared in spec.fields:
            found.update(s for s in (declared.label, declared.placeholder, declared.help) if s)
    return found
