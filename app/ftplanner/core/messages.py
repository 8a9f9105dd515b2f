"""Messages as data: what the core tells a user is a code and parameters, worded per language on display.

``str(message)`` is the English text, so code that prints a message or an exception keeps working; the
CLI, the GUI and the report call :func:`render` with their language. The texts live in one catalog,
:mod:`ftplanner.core.message_texts`. A message about one input carries ``field``, the input's path in
the scenario or form ("benefits[0].amount"), so a GUI can highlight and focus the widget at fault; the
words shown for a field are its on-screen label (:class:`FieldLabel`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

LANGUAGES = ("en", "ja")
RAW = "raw"  # a text the core could not word itself (a library's own message), shown as is


class Message(str):
    """One thing to tell the user: ``code`` names the wording in the catalog, ``params`` fill it in.

    A ``str`` whose value is the English text, so code that joins, prints or stores messages as text keeps
    working; front ends call :func:`render` with their language. ``field`` is the path of the input at
    fault ("benefits[0].amount"), or "".
    """

    code: str
    params: Mapping[str, Any]
    field: str

    def __new__(cls, code: str, params: Mapping[str, Any] | None = None, field: str = "") -> Message:
        values = dict(params or {})
        self = super().__new__(cls, _render(code, values, "en"))
        self.code, self.params, self.field = code, values, field
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Message, (self.code, self.params, self.field))

    def __repr__(self) -> str:
        return f"Message({self.code!r}, {self.params!r}, {self.field!r})"

    def render(self, lang: str) -> str:
        return render(self, lang)

    def at(self, field_path: str) -> Message:
        """This message about the input at ``field_path``."""
        return Message(self.code, self.params, field_path)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: code, parameters as plain values (labels and nested messages in English), field."""
        params = {key: _json_param(value) for key, value in self.params.items()}
        return {"code": self.code, "params": params, "field": self.field}


@dataclass(frozen=True)
class FieldLabel:
    """A parameter shown as the on-screen label of the input at ``path`` ("benefits[0].amount")."""

    path: str

    def __str__(self) -> str:
        return field_label(self.path, "en")


@dataclass(frozen=True)
class Joined:
    """A parameter shown as its items, each worded in the language, joined by ``separator``."""

    items: tuple[Any, ...] | list[Any]
    separator: str = ", "


def msg(code: str, field: str = "", /, **params: Any) -> Message:
    """A message; codes are literal strings so a test can check each has English and Japanese text."""
    return Message(code, params, field)


def raw(text: str) -> Message:
    """A text with no code of its own (from a library or the operating system), shown as is."""
    return Message(RAW, {"text": text})


def message_of(error: BaseException) -> Message:
    """The message an exception carries, or its text as a raw message."""
    carried = getattr(error, "message", None)
    if isinstance(carried, Message):
        return carried
    if error.args and isinstance(error.args[0], Message):
        return error.args[0]
    text = str(error)
    return text if isinstance(text, Message) else raw(text)


def _texts(lang: str) -> Mapping[str, str]:
    from ftplanner.core import message_texts

    return message_texts.JA if lang == "ja" else message_texts.EN


def render(message: str, lang: str = "en") -> str:
    """``message`` worded in ``lang`` ("en" or "ja"); a plain string is returned unchanged."""
    if not isinstance(message, Message):
        return str(message)
    return _render(message.code, message.params, lang)


def _render(code: str, params: Mapping[str, Any], lang: str) -> str:
    template = _texts(lang).get(code)
    if template is None:
        template = _texts("en").get(code)
    if template is None:  # a code with no text is a bug a test catches; still say something useful
        values = ", ".join(f"{k}={param_text(v, lang)}" for k, v in params.items())
        return f"{code}({values})"
    return template.format(**{key: param_text(value, lang) for key, value in params.items()})


def param_text(value: Any, lang: str) -> str:
    """One parameter as text: messages and labels in ``lang``, whole numbers with thousands separators."""
    if isinstance(value, Message):
        return render(value, lang)
    if isinstance(value, FieldLabel):
        return field_label(value.path, lang)
    if isinstance(value, Joined):
        separator = "；" if lang == "ja" and value.separator.strip() == ";" else value.separator
        return separator.join(param_text(item, lang) for item in value.items)
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, list | tuple):
        separator = "、" if lang == "ja" else ", "
        return separator.join(param_text(item, lang) for item in value)
    return str(value)


def _json_param(value: Any) -> Any:
    if isinstance(value, Message | FieldLabel | Joined):
        return param_text(value, "en")
    if isinstance(value, bool | int | float | str) or value is None:
        return value
    if isinstance(value, list | tuple):
        return [_json_param(item) for item in value]
    return param_text(value, "en")


def message_data(message: str) -> dict[str, Any]:
    """``message`` as JSON-ready data that :func:`message_from_data` turns back into the same message
    (nested messages, labels and lists kept, so it can still be worded in any language)."""
    if not isinstance(message, Message):
        message = raw(message)
    params = {key: _param_data(value) for key, value in message.params.items()}
    return {"code": message.code, "params": params, "field": message.field}


def message_from_data(data: Mapping[str, Any]) -> Message:
    """The message :func:`message_data` stored. Raises ValueError for data it did not write."""
    try:
        params = {str(key): _param_value(value) for key, value in data["params"].items()}
        return Message(str(data["code"]), params, str(data.get("field", "")))
    except (KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"not a stored message: {exc}") from None


def _param_data(value: Any) -> Any:
    if isinstance(value, Message):
        return {"message": message_data(value)}
    if isinstance(value, FieldLabel):
        return {"field_label": value.path}
    if isinstance(value, Joined):
        return {"joined": [_param_data(item) for item in value.items], "separator": value.separator}
    if isinstance(value, list | tuple):
        return {"list": [_param_data(item) for item in value]}
    if isinstance(value, date):
        return {"date": value.isoformat()}
    if isinstance(value, Decimal):
        return {"decimal": str(value)}
    if isinstance(value, bool | int | float | str) or value is None:
        return value
    return str(value)


def _param_value(data: Any) -> Any:
    if not isinstance(data, dict):
        return data
    if "message" in data:
        return message_from_data(data["message"])
    if "field_label" in data:
        return FieldLabel(str(data["field_label"]))
    if "joined" in data:
        return Joined(tuple(_param_value(item) for item in data["joined"]), str(data["separator"]))
    if "list" in data:
        return [_param_value(item) for item in data["list"]]
    if "date" in data:
        return date.fromisoformat(data["date"])
    if "decimal" in data:
        return Decimal(data["decimal"])
    raise ValueError(f"unknown message parameter {sorted(data)}")


_INDEX = re.compile(r"\[(\d+)\]")
_ITEM_SECTIONS = ("costs", "benefits")


def field_label(path: str, lang: str = "en") -> str:
    """The on-screen label of the input at ``path``: "benefits[0].amount" → "Benefits, line 1: amount".

    A path with no label of its own (an unknown key) reads as its nearest labelled parent, then the key.
    """
    parts = path.split(".")
    for size in range(len(parts), 0, -1):
        label = _label(".".join(parts[:size]), lang)
        if label is not None:
            rest = ".".join(parts[size:])
            return f"{label}{'：' if lang == 'ja' else ': '}{rest}" if rest else label
    return path


def has_field_label(path: str) -> bool:
    """Whether the input at ``path`` has an on-screen label of its own in the catalog."""
    return _label(path, "en") is not None


def _label(path: str, lang: str) -> str | None:
    texts, english = _texts(lang), _texts("en")
    indices = _INDEX.findall(path)
    shape = _INDEX.sub("[]", path)
    line = int(indices[0]) + 1 if indices else 0
    section, _, rest = shape.partition("[]")
    if section in _ITEM_SECTIONS and indices:
        key = "field:item" + rest
        values: dict[str, Any] = {"section": texts.get(f"field:{section}", section), "line": line}
    else:
        key = f"field:{shape}"
        values = {"line": line}
    template = texts.get(key) or english.get(key)
    return None if template is None else template.format(**values)


def language_from_env(environ: Mapping[str, str] | None = None) -> str:
    """ "ja" when the locale asks for Japanese (LC_ALL, then LC_MESSAGES, then LANG), else "en"."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    return "en"


def about(path: str, code: str, /, **params: Any) -> Message:
    """A message about the input at ``path``: its label fills ``{at}``, and ``field`` is set for focusing."""
    return Message(code, {"at": FieldLabel(path), **params}, path)
