"""The provider registry: one declaration per kind, read by profiles, keys, the CLI and the GUI's words."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from ftplanner.core.errors import UserError
from ftplanner.jobs import profiles, secrets
from ftplanner.providers import registry
from test_cli_jobs import run


class _Made:
    """What the demo factory was given (stands in for a provider: only the connection is checked)."""

    def __init__(self, connection: registry.Connection) -> None:
        self.connection = connection


@pytest.fixture
def demo_kind() -> Iterator[registry.ProviderKind]:
    """A kind registered the way a new provider module registers itself; removed afterwards."""
    spec = registry.register(
        registry.ProviderKind(
            kind="demo",
            display_name="Demo Cloud",
            factory=_Made,  # type: ignore[arg-type]
            catalog_providers=("demo",),
            key_env_vars=("DEMO_API_KEY",),
            fields=(
                registry.ProfileField("project", "Project", env_var="DEMO_PROJECT"),
                registry.ProfileField(
                    "region", "Region", pattern=r"[a-z0-9\-]+", pattern_hint="is no region"
                ),
            ),
            tagging="labels",
            options=frozenset({"lora_rank"}),
        )
    )
    try:
        yield spec
    finally:
        registry._KINDS.pop("demo")


def test_built_in_kinds_keep_their_keys_fields_and_abilities() -> None:
    assert registry.kinds()[:4] == ("openai", "azure", "generic", "together")
    assert registry.spec("together").env_var == "TOGETHER_API_KEY"
    assert registry.spec("generic").env_var is None and registry.spec("generic").needs_base_url
    assert registry.spec("openai").pause_resume and not registry.spec("together").pause_resume
    assert registry.spec("together").tagging == "suffix" and registry.spec("openai").tagging == "metadata"
    assert {"openai", "azure-openai", "together"} <= registry.catalog_providers()
    assert registry.auto_epoch_providers() == {"openai", "azure-openai"}


def test_a_registered_kind_is_a_profile_kind_with_its_own_fields(
    demo_kind: registry.ProviderKind, monkeypatch: pytest.MonkeyPatch
) -> None:
    stored = profiles.add_profile({"name": "d", "kind": "demo", "region": "eu-1"})
    assert stored.settings == {"region": "eu-1"} and stored.to_dict()["region"] == "eu-1"
    assert profiles.get_profile("d") == stored  # read back from profiles.json
    with pytest.raises(UserError, match=r"no API key for profile 'd'.*DEMO_API_KEY"):
        profiles.provider_for("d")
    monkeypatch.setenv("DEMO_API_KEY", "demo-key-123456")
    monkeypatch.setenv("DEMO_PROJECT", "from-env")
    made = profiles.provider_for("d", timeout=5, max_retries=0)
    connection = made.connection  # type: ignore[attr-defined]
    assert connection.api_key == "demo-key-123456" and connection.get("project") == "from-env"
    assert connection.get("region") == "eu-1" and connection.max_retries == 0
    assert "demo-key" not in repr(connection)
    secrets.save_key("d", "stored-key-abcdef")
    assert profiles.provider_for("d").connection.api_key == "stored-key-abcdef"  # type: ignore[attr-defined]


def test_fields_of_another_kind_and_bad_values_are_refused_naming_the_field(
    demo_kind: registry.ProviderKind,
) -> None:
    with pytest.raises(UserError, match="profile 'x': Region applies to Demo Cloud profiles only"):
        profiles.validate({"name": "x", "kind": "openai", "region": "eu"})
    with pytest.raises(UserError, match="profile 'x': Region 'EU 1' is no region"):
        profiles.validate({"name": "x", "kind": "demo", "region": "EU 1"})
    with pytest.raises(UserError, match="Azure resource applies to Azure OpenAI profiles only"):
        profiles.validate({"name": "x", "kind": "demo", "resource": "r"})
    with pytest.raises(UserError, match=r"Kind must be one of openai, azure, generic, together.*demo"):
        profiles.validate({"name": "x", "kind": "nope"})


def test_adhoc_kinds_and_the_ones_that_need_a_base_url() -> None:
    with pytest.raises(UserError, match=r"\(azure and generic with --base-url\), got 'generic'"):
        profiles.adhoc_profile("generic")
    profile = profiles.adhoc_profile("together", "http://127.0.0.1:9/v1")
    assert profile.adhoc and profiles.adhoc_env_var(profile) == "TOGETHER_API_KEY"
    assert (
        profiles.adhoc_env_var(profiles.adhoc_profile("generic", "http://127.0.0.1:9/v1")) == "OPENAI_API_KEY"
    )


def test_cli_creates_options_for_declared_fields_and_lists_the_kinds(
    capsys: pytest.CaptureFixture[str], demo_kind: registry.ProviderKind
) -> None:
    code, out, err = run(capsys, "jobs", "profiles", "add", "d", "--kind", "demo", "--region", "us-2")
    assert code == 0, err
    assert profiles.get_profile("d").value("region") == "us-2"
    code, out, err = run(capsys, "jobs", "profiles", "edit", "d", "--region", "none")
    assert code == 0, err
    assert profiles.get_profile("d").value("region") is None
    code, out, _ = run(capsys, "jobs", "profiles", "kinds", "--json")
    described = {d["kind"]: d for d in json.loads(out)}
    assert described["demo"]["tagging"] == "labels" and described["demo"]["options"] == ["lora_rank"]
    assert [f["name"] for f in described["demo"]["fields"]] == ["project", "region"]
    assert described["together"]["price_quote"] and described["together"]["key_env_vars"] == [
        "TOGETHER_API_KEY"
    ]
    code, out, _ = run(capsys, "jobs", "profiles", "kinds")
    assert code == 0 and "Demo Cloud" in out and "DEMO_API_KEY" in out


def test_every_registry_word_is_listed_for_translation() -> None:
    pytest.importorskip("PySide6")
    from ftplanner.gui.pages import provider_words

    missing = provider_words.registry_strings() - set(provider_words.LISTED)
    assert not missing, f"list these in gui/pages/provider_words.py and translate them: {sorted(missing)}"
