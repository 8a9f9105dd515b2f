"""``ftplanner jobs``: provider profiles, launching, listing, tracking and cancelling fine-tuning jobs.

API keys are read from stdin only (``--key-stdin``) or the provider's environment variable, and stored
only through the keyring module; no output shows a key. ``jobs launch`` prints the plan and launches only
after confirmation (``--yes`` without asking). Exit codes: 0 done, 1 refused or failed, 2 bad input.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from ftplanner.cli.arguments import whole_number
from ftplanner.cli.estimate import time_range
from ftplanner.cli.models import add_catalog_options, catalog_from_args, format_table
from ftplanner.core.catalog import Catalog, ModelEntry, resolve_name
from ftplanner.core.errors import UserError
from ftplanner.core.money import format_money
from ftplanner.jobs import profiles, secrets, wandb
from ftplanner.jobs.calibration import calibrated_time_model
from ftplanner.jobs.launch import (
    JobOptions,
    LaunchPlan,
    check_hyperparameters,
    check_options_for,
    launch,
    prepare_launch,
    resume_pending,
)
from ftplanner.jobs.store import JobStore, Launch
from ftplanner.jobs.tracker import OVERRUN_PERCENT, cost_check, poll_once, track
from ftplanner.providers import registry
from ftplanner.providers.base import JobInfo, ProviderError, ProviderEstimate

WATCH_GIVE_UP_SECONDS = 600.0


def _note(message: str) -> None:
    """Progress a user should see while a command waits (stderr keeps --json output clean)."""
    print(f"ftplanner: {message}", file=sys.stderr, flush=True)


def _positive(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"must be more than 0, got {text!r}")
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, got {text!r}") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be more than 0, got {text!r}")
    return value


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "jobs",
        help="launch and track fine-tuning jobs",
        description="Manage provider profiles and launch, list, track and cancel fine-tuning jobs.",
    )
    parser.set_defaults(func=lambda args: _help(parser))
    sub = parser.add_subparsers(dest="jobs_command", metavar="ACTION")

    prof = sub.add_parser("profiles", help="provider profiles (API keys stay in the system keyring)")
    prof.set_defaults(func=lambda args: _help(prof))
    prof_sub = prof.add_subparsers(dest="profiles_command", metavar="ACTION")
    add = prof_sub.add_parser("add", help="add or update a profile")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--kind", choices=registry.kinds(), required=True)
    add.add_argument("--base-url", metavar="U", help="API base URL (required for generic)")
    add.add_argument("--resource", metavar="R", help="Azure OpenAI resource name")
    add.add_argument("--header", metavar="H", help="header carrying the key (generic; default Authorization)")
    add.add_argument("--training-type", metavar="T", help="Azure trainingType sent with every job")
    _add_field_options(add)
    add.add_argument("--budget-cap", metavar="USD", help="refuse launches estimated above this")
    add.add_argument("--key-stdin", action="store_true", help="read the API key from stdin")
    add.set_defaults(func=run_profiles_add)
    edit = prof_sub.add_parser("edit", help="change a profile's endpoint, headers or budget cap")
    edit.add_argument("name", metavar="NAME")
    edit.add_argument("--base-url", metavar="U", help="API base URL ('none' clears it)")
    edit.add_argument("--resource", metavar="R", help="Azure OpenAI resource name")
    edit.add_argument("--header", metavar="H", help="header carrying the key (generic)")
    edit.add_argument("--training-type", metavar="T", help="Azure trainingType")
    _add_field_options(edit, clearable=True)
    edit.add_argument(
        "--budget-cap", metavar="USD", help="refuse launches estimated above this ('none': no cap)"
    )
    edit.set_defaults(func=run_profiles_edit)
    set_key = prof_sub.add_parser("set-key", help="set or replace a profile's API key (read from stdin)")
    set_key.add_argument("name", metavar="NAME")
    set_key.add_argument(
        "--key-stdin", action="store_true", required=True, help="read the API key from stdin"
    )
    set_key.set_defaults(func=run_profiles_set_key)
    listing = prof_sub.add_parser("list", help="list profiles (never shows keys)")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=run_profiles_list)
    remove = prof_sub.add_parser("remove", help="remove a profile and its stored key")
    remove.add_argument("name", metavar="NAME")
    remove.set_defaults(func=run_profiles_remove)

    kinds = prof_sub.add_parser("kinds", help="the provider kinds, their fields, key variables and abilities")
    kinds.add_argument("--json", action="store_true")
    kinds.set_defaults(func=run_profiles_kinds)

    test = prof_sub.add_parser("test", help="check that a profile's endpoint and key work")
    test.add_argument("name", metavar="NAME")
    test.set_defaults(func=run_profiles_test)

    go = sub.add_parser("launch", help="estimate and (after confirmation or with --yes) launch a fine-tune")
    go.add_argument("file", metavar="FILE", type=Path, help="training data (JSONL chat format)")
    go.add_argument("--model", required=True, metavar="M", help="model id or provider/id key")
    go.add_argument("--validation", type=Path, metavar="FILE")
    where = go.add_mutually_exclusive_group()
    where.add_argument("--profile", metavar="P", help="a stored profile (see `jobs profiles`)")
    where.add_argument("--base-url", metavar="URL", help="an endpoint without a profile; key from the env")
    go.add_argument(
        "--provider",
        choices=registry.kinds(),
        metavar="KIND",
        help=f"with --base-url or alone: {', '.join(registry.kinds())} (default openai)",
    )
    _add_field_options(go)  # a kind's own settings (e.g. --account-id) for this launch
    go.add_argument(
        "--method", choices=("supervised", "dpo"), help="default: from the file (preference pairs are DPO)"
    )
    go.add_argument("--epochs", type=whole_number(1), metavar="N")
    go.add_argument("--batch-size", type=whole_number(1), metavar="N")
    go.add_argument("--learning-rate-multiplier", type=_positive, metavar="X")
    go.add_argument("--beta", type=_positive, metavar="X", help="DPO beta")
    lora = go.add_mutually_exclusive_group()
    lora.add_argument("--lora", action="store_true", default=None, help="LoRA training (Nebius)")
    lora.add_argument("--full", dest="lora", action="store_false", help="full fine-tuning (Nebius)")
    go.add_argument("--lora-rank", type=whole_number(1), metavar="N", help="LoRA rank (Fireworks, Nebius)")
    go.add_argument(
        "--context-length",
        type=whole_number(1),
        metavar="N",
        help="training context length (Fireworks, Nebius)",
    )
    go.add_argument("--suffix", metavar="S")
    go.add_argument("--seed", type=whole_number(0), metavar="N")
    go.add_argument(
        "--wandb-project",
        metavar="NAME",
        help="log the run to this Weights & Biases project (OpenAI-style APIs and Together; the W&B key"
        " from `jobs wandb set-key`)",
    )
    go.add_argument(
        "--budget", "--budget-cap", dest="budget", metavar="USD", help="overrides the profile's budget cap"
    )
    go.add_argument("--yes", action="store_true", help="launch without asking")
    go.add_argument("--json", action="store_true", help="print the new job's record (with its id)")
    add_catalog_options(go)
    go.set_defaults(func=run_launch)

    jobs_list = sub.add_parser("list", help="jobs in the local store")
    jobs_list.add_argument("--json", action="store_true")
    jobs_list.set_defaults(func=run_list)

    for names, helptext, func in (
        (("show", "status"), "refresh and show one job, with its estimate against actual cost", run_show),
        (("watch", "track"), "follow a job to its end: 0 when it succeeds, 1 when it fails", run_watch),
        (("cancel",), "cancel a job", run_cancel),
        (("pause",), "pause a running job", run_pause),
        (("resume",), "resume a paused job", run_resume_job),
    ):
        cmd = sub.add_parser(names[0], aliases=list(names[1:]), help=helptext)
        cmd.add_argument("job_id", metavar="ID")
        cmd.add_argument("--profile", metavar="P", help="default: the profile the job was launched with")
        if names[0] == "show":
            cmd.add_argument("--json", action="store_true")
            cmd.add_argument("--offline", action="store_true", help="show the stored state only")
        if names[0] == "watch":
            cmd.add_argument("--interval", type=_seconds, default=30.0, metavar="S", help="seconds (30)")
            cmd.add_argument(
                "--give-up-after",
                type=_seconds,
                default=WATCH_GIVE_UP_SECONDS,
                metavar="S",
                help=f"stop (exit 1) when the provider has not answered for S seconds ({WATCH_GIVE_UP_SECONDS:.0f})",
            )
        cmd.set_defaults(func=func)

    wb = sub.add_parser("wandb", help="the Weights & Biases key (kept in the system keyring)")
    wb.set_defaults(func=lambda args: _help(wb))
    wb_sub = wb.add_subparsers(dest="wandb_command", metavar="ACTION")
    wb_key = wb_sub.add_parser("set-key", help="set or replace the W&B API key (read from stdin)")
    wb_key.add_argument("--key-stdin", action="store_true", required=True, help="read the key from stdin")
    wb_key.set_defaults(func=run_wandb_set_key)
    wb_sub.add_parser("remove-key", help="forget the stored W&B API key").set_defaults(
        func=run_wandb_remove_key
    )

    recover = sub.add_parser("recover", help="attach jobs of launches interrupted around the create")
    recover.add_argument("--profile", metavar="P", help="default: every profile with interrupted launches")
    recover.set_defaults(func=run_recover)


def _help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 0


#: Profile fields with an option of their own above; every other declared field gets ``--<name>``.
_FIELD_OPTIONS = {
    "base_url": "base_url",
    "resource": "resource",
    "header_name": "header",
    "training_type": "training_type",
}


def _extra_fields() -> list[registry.ProfileField]:
    """The declared profile fields without an option of their own, once each."""
    seen: dict[str, registry.ProfileField] = {}
    for spec in registry.all_kinds():
        for declared in spec.fields:
            if declared.name not in _FIELD_OPTIONS:
                seen.setdefault(declared.name, declared)
    return list(seen.values())


def _add_field_options(parser: argparse.ArgumentParser, clearable: bool = False) -> None:
    for declared in _extra_fields():
        kinds = ", ".join(registry.kinds_with_field(declared.name))
        hint = f" (or {declared.env_var})" if declared.env_var else ""
        parser.add_argument(
            f"--{declared.name.replace('_', '-')}",
            dest=f"field_{declared.name}",
            metavar="V",
            help=f"{declared.label}{hint}; {kinds}" + (" ('none' clears it)" if clearable else ""),
        )


def _field_values(args: argparse.Namespace) -> dict[str, str | None]:
    return {f.name: getattr(args, f"field_{f.name}", None) for f in _extra_fields()}


# -- profiles ---------------------------------------------------------------------------------------


def run_profiles_add(args: argparse.Namespace) -> int:
    profile = profiles.add_profile(
        {
            "name": args.name,
            "kind": args.kind,
            "base_url": args.base_url,
            "resource": args.resource,
            "header_name": args.header,
            "training_type": args.training_type,
            "budget_cap": profiles.parse_budget(args.budget_cap, "--budget-cap"),
            **{k: v for k, v in _field_values(args).items() if v is not None},
        },
        replace=True,
    )
    print(f"Saved profile {profile.name} ({profile.kind}).")
    if args.key_stdin:
        _report_key(profile.name, secrets.save_key(profile.name, _read_key(profile.name)))
    return 0


def _read_key(name: str) -> str:
    key = sys.stdin.readline().strip()
    if not key:
        raise UserError(f"--key-stdin: no API key on stdin for profile {name!r}")
    return key


def _report_key(name: str, in_keyring: bool) -> None:
    if in_keyring:
        print("API key stored in the system keyring.")
    else:
        print(f"{secrets.keyring_status().message} The key for {name} is kept for this session only.")


def run_profiles_edit(args: argparse.Namespace) -> int:
    def cleared(value: str | None) -> str | None:
        return None if value is None or value.strip().lower() == "none" else value

    changes: dict[str, Any] = {}
    for field, value in (
        ("base_url", args.base_url),
        ("resource", args.resource),
        ("header_name", args.header),
        ("training_type", args.training_type),
        *_field_values(args).items(),
    ):
        if value is not None:
            changes[field] = cleared(value)
    if args.budget_cap is not None:
        changes["budget_cap"] = profiles.parse_budget(cleared(args.budget_cap), "--budget-cap")
    if not changes:
        raise UserError(
            "nothing to change: give --base-url, --resource, --header, --training-type or --budget-cap"
        )
    profile = profiles.update_profile(args.name, changes)
    print(f"Updated profile {profile.name} ({', '.join(sorted(changes))}).")
    return 0


def run_profiles_set_key(args: argparse.Namespace) -> int:
    profiles.get_profile(args.name)  # an unknown name is refused before reading the key
    _report_key(args.name, profiles.set_key(args.name, _read_key(args.name)))
    return 0


def run_wandb_set_key(args: argparse.Namespace) -> int:
    key = sys.stdin.readline().strip()
    if not key:
        raise UserError("--key-stdin: no W&B API key on stdin")
    if wandb.save_key(key):
        print("W&B API key stored in the system keyring.")
    else:
        print(f"{secrets.keyring_status().message} The W&B key is kept for this session only.")
    return 0


def run_wandb_remove_key(args: argparse.Namespace) -> int:
    wandb.delete_key()
    print("W&B API key removed.")
    return 0


def _key_state(profile: profiles.ProviderProfile) -> str:
    if not profile.spec.key_required and not profile.env_var:
        return "not needed"
    if secrets.has_session_key(profile.name):
        return "session"
    if secrets.load_key(profile.name):
        return "stored"
    if profile.env_var and secrets.load_key(profile.name, profile.env_var):
        return f"from {profile.env_var}"
    return "none"


def run_profiles_list(args: argparse.Namespace) -> int:
    stored = profiles.load_profiles()
    rows = [{**p.to_dict(), "key": _key_state(p)} for p in stored.values()]
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    if not rows:
        print("No profiles. Add one with `ftplanner jobs profiles add NAME --kind openai --key-stdin`.")
        return 0
    headers = ["Name", "Kind", "Endpoint", "Budget cap", "Key"]
    table = [
        [
            r["name"],
            r["kind"],
            r["base_url"] or (f"resource {r['resource']}" if r["resource"] else "default"),
            format_money(None if r["budget_cap"] is None else Decimal(r["budget_cap"])),
            r["key"],
        ]
        for r in rows
    ]
    print(format_table(headers, table))
    return 0


def run_profiles_remove(args: argparse.Namespace) -> int:
    profiles.remove_profile(args.name)
    print(f"Removed profile {args.name} and its stored key.")
    return 0


def run_profiles_kinds(args: argparse.Namespace) -> int:
    described = [spec.describe() for spec in registry.all_kinds()]
    if args.json:
        print(json.dumps(described, indent=2, ensure_ascii=False))
        return 0
    rows = [
        [
            d["kind"],
            d["display_name"],
            ", ".join(d["key_env_vars"]) or "—",  # type: ignore[arg-type]
            ", ".join(f["name"] for f in d["fields"]) or "—",  # type: ignore[attr-defined]
            d["tagging"],
            ", ".join(
                name for name in ("pause_resume", "metrics", "price_quote", "validation_billed") if d[name]
            )
            or "—",
        ]
        for d in described
    ]
    print(format_table(["Kind", "Provider", "Key variable", "Fields", "Launch tag", "Abilities"], rows))
    return 0


def run_profiles_test(args: argparse.Namespace) -> int:
    provider = profiles.provider_for(args.name, timeout=15)
    jobs = provider.list_jobs(limit=1)
    print(f"Profile {args.name}: connected ({len(jobs)} recent job(s) visible).")
    return 0


# -- launch -----------------------------------------------------------------------------------------


def _launch_profile(args: argparse.Namespace) -> profiles.ProviderProfile:
    given = {k: v for k, v in _field_values(args).items() if v is not None}
    if args.profile:
        profile = profiles.get_profile(args.profile)
        if args.provider and args.provider != profile.kind:
            raise UserError(
                f"--provider {args.provider} does not match profile {profile.name} ({profile.kind})"
            )
    else:
        profile = profiles.adhoc_profile(args.provider or "openai", args.base_url)
    return profiles.with_settings(profile, given) if given else profile


def _model_entry(catalog: Catalog, name: str, kind: str) -> ModelEntry:
    """The catalog entry for ``name`` on a ``kind`` endpoint; UserError when it is not one it can train."""
    entry = _catalog_entry(catalog, name, kind)
    spec = registry.spec(kind)
    if not spec.launches(entry.id):
        raise UserError(
            f"{entry.key} is a price band, not a model {spec.display_name} fine-tunes: choose a base model"
            f" (see `ftplanner models --provider {entry.provider}`)"
        )
    return entry


def _catalog_entry(catalog: Catalog, name: str, kind: str) -> ModelEntry:
    spec = registry.spec(kind)
    generic = not spec.catalog_providers  # a generic endpoint can serve any model, OpenAI's by default
    wanted = spec.catalog_providers or ("openai",)
    usable = resolve_name([e for e in catalog.entries if e.provider in wanted], name)
    if len(usable) == 1 or (usable and usable[0].key == name):
        return usable[0]
    if generic or not usable:
        entry = catalog.get(name)  # unknown or ambiguous: its message lists the choices
        if generic:
            return entry
        raise UserError(
            f"model {entry.key} is not fine-tuned on {kind} endpoints; see `ftplanner models --provider"
            f" {wanted[0]}`"
        )
    raise UserError(f"model {name!r} is ambiguous; use one of: {', '.join(e.key for e in usable)}")


def _plan_lines(plan: LaunchPlan) -> list[str]:
    est = plan.estimate
    cost = format_money(est.training_cost)
    if est.training_cost is not None and not est.exact_tokens:
        cost = "≈" + cost
    lines = [
        f"Model:    {plan.model}",
        f"Training: {plan.training.path} ({plan.training.examples:,} examples, {plan.training.total_tokens:,}"
        " tokens)",
    ]
    if plan.validation is not None:
        lines.append(f"Validation: {plan.validation.path} ({plan.validation.examples:,} examples)")
    lines += [
        f"Method:   {plan.method}",
        f"Epochs:   {est.epochs}{' (auto)' if est.epochs_auto else ''}",
        f"Charged tokens: {est.charged_tokens:,}",
        f"Estimated cost: {cost}",
        f"Estimated time (P10–P90): {time_range(est.time_p10_minutes, est.time_p90_minutes)}",
    ]
    if plan.budget_cap is not None:
        lines.append(f"Budget cap: {format_money(plan.budget_cap)}")
    if plan.warnings:
        lines.append("Warnings:")
        lines += [f"  {w}" for w in plan.warnings]
    return lines


def _quote_line(quote: ProviderEstimate, local: Decimal | None) -> str:
    line = f"Provider's estimate: {format_money(quote.total_usd)}"
    if quote.total_usd is not None and local:
        line += f" ({float((quote.total_usd - local) / local * 100):+.1f}% vs ours)"
    if quote.train_tokens is not None:
        line += f", {quote.train_tokens:,} training tokens"
    return line


def _confirmed(args: argparse.Namespace) -> bool:
    if args.yes:
        return True
    if args.json or not sys.stdin.isatty():
        return False
    answer = input("\nLaunch this job? [y/N] ")
    return answer.strip().lower() in ("y", "yes")


def run_launch(args: argparse.Namespace) -> int:
    for path in (args.file, args.validation):
        if path is not None and not path.is_file():
            raise UserError(f"{path}: no such file")
    profile = _launch_profile(args)
    cap_text = profiles.parse_budget(args.budget, "--budget") if args.budget else profile.budget_cap
    catalog = catalog_from_args(args)
    entry = _model_entry(catalog, args.model, profile.kind)
    options: JobOptions = {}
    for name in registry.OPTION_NAMES:
        if getattr(args, name) is not None:
            options[name] = getattr(args, name)  # type: ignore[literal-required]
    check_options_for(profile.kind, options)  # before any analysis or network call
    provider = profiles.provider_for(profile) if args.yes else None  # a missing key stops us before any work
    plan = prepare_launch(
        args.file,
        entry,
        validation_path=args.validation,
        epochs=args.epochs,
        budget_cap=None if cap_text is None else Decimal(cap_text),
        today=catalog.today,
        method=args.method,
        time_model=calibrated_time_model(catalog),
    )
    check_hyperparameters(plan.method, seed=args.seed, options=options)
    wandb_project = wandb.check_project(args.wandb_project)
    extra: dict[str, Any] = {"plan": plan.estimate_record(), "warnings": list(plan.warnings)}
    if wandb_project:
        extra["wandb_project"] = wandb_project
    if not args.json:
        print("\n".join(_plan_lines(plan)))
        if wandb_project:
            print(f"W&B project: {wandb_project}")
    if not _confirmed(args):
        if args.json:
            print(json.dumps({"id": None, "launched": False, **extra}, indent=2, ensure_ascii=False))
        else:
            print("\nNot launched: run again with --yes to launch this job.")
        return 0
    provider = provider or profiles.provider_for(profile)

    def on_quote(quote: ProviderEstimate) -> bool:
        if not args.json:
            print(_quote_line(quote, plan.estimate.training_cost))
        return True

    with JobStore() as store:
        info = launch(
            plan,
            provider,
            store,
            profile_name=profile.name,
            suffix=args.suffix,
            seed=args.seed,
            options=options,
            on_quote=on_quote,
            note=_note,
            wandb_project=wandb_project,
        )
        record = job_record(store, info.id)
    if args.json:
        print(json.dumps({**record, "launched": True, **extra}, indent=2, ensure_ascii=False))
    else:
        print(f"\nLaunched job {info.id}: {info.status}")
        print(f"Follow it with `ftplanner jobs watch {info.id}`.")
    return 0


# -- jobs -------------------------------------------------------------------------------------------


def _when(value: int | None, *, seconds: bool = False) -> str:
    if value is None:
        return "—"
    return datetime.fromtimestamp(value, UTC).strftime(f"%Y-%m-%d %H:%M{':%S' if seconds else ''} UTC")


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def job_record(store: JobStore, job_id: str) -> dict[str, Any]:
    """A stored job as JSON: normalised status, estimate against actual cost (USD), Unix times."""
    job = store.job(job_id)
    if job is None:
        raise UserError(f"no stored job {job_id}")
    check = cost_check(store, job_id)
    estimated, actual, error = check.estimated, check.actual, check.error
    launch_record = store.launch(job.client_id) if job.client_id else None
    return {
        "id": job.job_id,
        "provider": job.provider,
        "profile": launch_record.profile if launch_record else None,
        "model": job.model,
        "status": job.status,
        "raw_status": job.raw_status,
        "trained_tokens": job.trained_tokens,
        "estimated_cost": _number(estimated),
        "provider_estimate": _number(launch_record.provider_estimate) if launch_record else None,
        "actual_cost": _number(actual),
        "cost_error_percent": None if error is None else round(error, 2),
        "cost_ratio": None if check.ratio is None else round(check.ratio, 4),
        "overrun": check.overrun,
        "estimated_tokens": check.estimated_tokens,
        "price_per_mtok": _number(check.price_per_mtok),
        "currency": "USD",
        "created_at": job.created_at,
        "finished_at": job.finished_at,
        "estimated_finish": job.estimated_finish,
        "fine_tuned_model": job.fine_tuned_model,
        "error": job.error,
        "client_id": job.client_id,
        "checked_at": job.checked_at,
    }


def pending_record(pending: Launch) -> dict[str, Any]:
    """A launch whose outcome is unknown, as a ``jobs list`` entry (``id`` None, ``status`` pending)."""
    return {
        "id": None,
        "status": "pending",
        "client_id": pending.client_id,
        "profile": pending.profile,
        "provider": pending.provider,
        "model": pending.model,
        "training_file": pending.training_file,
        "training_file_id": pending.training_file_id,
        "created_at": pending.created_at,
    }


def run_list(args: argparse.Namespace) -> int:
    with JobStore(read_only=True) as store:
        pending = [pending_record(p) for p in store.pending_launches()]
        records = [job_record(store, j.job_id) for j in store.jobs()]
    if args.json:
        print(json.dumps(pending + records, indent=2, ensure_ascii=False))
        return 0
    if not records and not pending:
        print("No jobs yet. Launch one with `ftplanner jobs launch FILE --model M --profile P`.")
        return 0
    if pending:
        print("Pending launches (not known whether the provider created their job):")
        rows = [
            [
                p["client_id"],
                p["profile"],
                p["model"],
                Path(p["training_file"]).name,
                "uploaded" if p["training_file_id"] else "not uploaded",
                _when(p["created_at"]),
            ]
            for p in pending
        ]
        print(format_table(["Launch", "Profile", "Model", "File", "Upload", "Started"], rows))
        print(
            "Run `ftplanner jobs recover` to settle them (the next launch on the same profile does it too)."
        )
        if records:
            print()
    if not records:
        return 0
    table = [
        [
            r["id"],
            r["model"] or "—",
            r["status"],
            _when(r["created_at"]),
            format_money(None if r["estimated_cost"] is None else Decimal(str(r["estimated_cost"]))),
            format_money(None if r["actual_cost"] is None else Decimal(str(r["actual_cost"])))
            + ("" if r["cost_ratio"] is None else f" (×{r['cost_ratio']:.2f}{' !' if r['overrun'] else ''})"),
        ]
        for r in records
    ]
    print(format_table(["Job", "Model", "Status", "Created", "Estimate", "Actual vs estimate"], table))
    if any(r["overrun"] for r in records):
        print(f"! more than {OVERRUN_PERCENT:.0f}% over the estimate: `ftplanner jobs show ID` says why.")
    return 0


def _profile_of(store: JobStore, job_id: str, given: str | None) -> str:
    if given:
        return given
    job = store.job(job_id)
    launch_id = job.client_id if job else None
    record = store.launch(launch_id) if launch_id else None
    if record is None:
        record = next((r for r in store.launches() if r.job_id == job_id), None)
    if record is None:
        raise UserError(f"job {job_id} was not launched from here; name its profile with --profile")
    return record.profile


def overrun_text(record: dict[str, Any]) -> str:
    """Why the actual cost is over the estimate: trained against estimated tokens, and the price used."""
    trained, estimated = record["trained_tokens"], record["estimated_tokens"]
    price = record["price_per_mtok"]
    text = f"{record['cost_error_percent']:+.1f}% over the estimate: {trained:,} tokens trained"
    text += f" against {estimated:,} estimated" if estimated is not None else " (estimated tokens unknown)"
    if price is not None:
        text += f", at {format_money(Decimal(str(price)))} per 1M tokens"
    return text


def _show_lines(record: dict[str, Any]) -> list[str]:
    status = record["status"]
    if record["raw_status"] and record["raw_status"] != status:
        status += f" ({record['raw_status']})"
    estimated, actual = record["estimated_cost"], record["actual_cost"]
    error = record["cost_error_percent"]
    tokens = record["trained_tokens"]
    lines = [
        f"Job:            {record['id']}",
        f"Provider:       {record['provider']}"
        + (f" (profile {record['profile']})" if record["profile"] else ""),
        f"Model:          {record['model'] or '—'}",
        f"Status:         {status}",
        f"Created:        {_when(record['created_at'])}",
        f"Last checked:   {_when(record['checked_at'], seconds=True)}",
        f"Trained tokens: {'—' if tokens is None else f'{tokens:,}'}",
        f"Estimated cost: {format_money(None if estimated is None else Decimal(str(estimated)))}",
        f"Actual cost:    {format_money(None if actual is None else Decimal(str(actual)))}"
        + ("" if error is None else f" (×{record['cost_ratio']:.2f} the estimate, {error:+.1f}%)"),
    ]
    if record["overrun"]:
        lines.append(f"Overrun:        {overrun_text(record)}")
    if record["finished_at"]:
        lines.append(f"Finished:       {_when(record['finished_at'])}")
    elif record["estimated_finish"]:
        lines.append(f"Expected end:   {_when(record['estimated_finish'])}")
    if record["fine_tuned_model"]:
        lines.append(f"Fine-tuned:     {record['fine_tuned_model']}")
    if record["error"]:
        lines.append(f"Error:          {record['error']}")
    return lines


def run_show(args: argparse.Namespace) -> int:
    with JobStore(read_only=True) as store:  # showing the stored state never writes the store
        stored = store.job(args.job_id)
        refresh = not args.offline and (stored is None or not stored.terminal or bool(args.profile))
        if refresh and stored is None and not args.profile:
            _profile_of(store, args.job_id, None)  # unknown here: say so before anything is created
        record = None if refresh else job_record(store, args.job_id)
    if record is None:
        with JobStore() as store:
            try:
                provider = profiles.provider_for(_profile_of(store, args.job_id, args.profile))
                poll_once(provider, store, args.job_id)
            except UserError as exc:
                if stored is None:
                    raise
                print(f"ftplanner: showing the stored state; refreshing failed: {exc}", file=sys.stderr)
            record = job_record(store, args.job_id)
    if args.json:
        print(json.dumps(record, indent=2, ensure_ascii=False))
    else:
        with JobStore(read_only=True) as store:
            print("\n".join(_show_lines(record) + checkpoint_lines(store, record)))
    return 0


def checkpoint_lines(store: JobStore, record: dict[str, Any]) -> list[str]:
    """For a provider whose finished job makes no model of its own (Nebius): its checkpoints and how to
    deploy one."""
    spec = registry.for_catalog_provider(record["provider"] or "")
    if (
        spec is None
        or not spec.checkpoint_hint
        or record["status"] != "succeeded"
        or record["fine_tuned_model"]
    ):
        return []
    checkpoints = store.checkpoints(record["id"])
    if not checkpoints:
        return [f"Checkpoints:    none listed yet ({spec.display_name} deploys a checkpoint as the model)"]
    shown = ", ".join(f"{c.checkpoint_id} (step {c.step})" for c in checkpoints[-5:])
    last = checkpoints[-1].checkpoint_id
    return [
        f"Checkpoints:    {shown}",
        f"To serve it:    {spec.checkpoint_hint.format(job=record['id'], checkpoint=last)}",
    ]


def _act(args: argparse.Namespace, action: str) -> int:
    with JobStore() as store:
        name = _profile_of(store, args.job_id, args.profile)
        provider = profiles.provider_for(name)
        info = getattr(provider, action)(args.job_id)
        stored = store.job(args.job_id)
        store.record_job_info(info, provider=stored.provider if stored else profiles.get_profile(name).kind)
    print(f"Job {info.id}: {info.status}")
    return 0


def run_cancel(args: argparse.Namespace) -> int:
    return _act(args, "cancel")


def run_pause(args: argparse.Namespace) -> int:
    return _act(args, "pause")


def run_resume_job(args: argparse.Namespace) -> int:
    return _act(args, "resume")


def run_watch(args: argparse.Namespace) -> int:
    last_status: list[str] = []
    seen_events: set[str] = set()

    def stamp() -> str:
        return datetime.now(UTC).strftime("%H:%M:%S")

    with JobStore() as store:
        seen_events.update(e.event_id for e in store.events(args.job_id))

        def show(info: JobInfo) -> None:
            for event in store.events(args.job_id):
                if event.event_id not in seen_events:
                    seen_events.add(event.event_id)
                    print(f"{stamp()}   [{event.level or 'info'}] {event.message}", flush=True)
            if not last_status or last_status[-1] != info.status:
                last_status.append(info.status)
                tokens = "" if info.trained_tokens is None else f", {info.trained_tokens:,} tokens trained"
                print(f"{stamp()} {info.id}: {info.status}{tokens}", flush=True)

        def unreachable(exc: ProviderError, delay: float, left: float) -> None:
            print(
                f"{stamp()} provider not answering: {exc}; trying again in {delay:.0f} s"
                f" (giving up in {left:.0f} s)",
                file=sys.stderr,
                flush=True,
            )

        provider = profiles.provider_for(_profile_of(store, args.job_id, args.profile))
        try:
            info = track(
                provider,
                store,
                args.job_id,
                interval=args.interval,
                on_update=show,
                give_up_after=args.give_up_after,
                on_error=unreachable,
            )
        except KeyboardInterrupt:
            print(f"Stopped following {args.job_id}; the job keeps running at the provider.", file=sys.stderr)
            return 130
        record = job_record(store, args.job_id)
        lines = summary_lines(record) + checkpoint_lines(store, record)
    print("\n".join(lines))
    return 0 if info.status == "succeeded" else 1


def _duration(seconds: int) -> str:
    minutes = max(0, seconds) // 60
    return f"{minutes // 60} h {minutes % 60:02d} min" if minutes >= 60 else f"{minutes} min"


def summary_lines(record: dict[str, Any]) -> list[str]:
    """The closing summary of a finished job: status, duration, trained tokens, actual cost vs estimate."""
    lines = [f"\nJob {record['id']} {record['status']}."]
    if record["created_at"] and record["finished_at"]:
        lines.append(
            f"Duration:       {_duration(record['finished_at'] - record['created_at'])}"
            f" ({_when(record['created_at'])} → {_when(record['finished_at'])})"
        )
    tokens = record["trained_tokens"]
    lines.append(f"Trained tokens: {'—' if tokens is None else f'{tokens:,}'}")
    estimated, actual, error = record["estimated_cost"], record["actual_cost"], record["cost_error_percent"]
    cost = f"Cost:           {format_money(None if actual is None else Decimal(str(actual)))} actual"
    cost += f" vs {format_money(None if estimated is None else Decimal(str(estimated)))} estimated"
    if error is not None:
        cost += f" (×{record['cost_ratio']:.2f}, {error:+.1f}%)"
    lines.append(cost)
    if record["overrun"]:
        lines.append(f"Overrun:        {overrun_text(record)}")
    if record["fine_tuned_model"]:
        lines.append(f"Fine-tuned model: {record['fine_tuned_model']}")
    if record["error"]:
        lines.append(f"Error: {record['error']}")
    return lines


def run_recover(args: argparse.Namespace) -> int:
    """Settle interrupted launches; exit 1 when some could not be checked (they stay pending)."""
    with JobStore() as store:
        names = [args.profile] if args.profile else sorted({p.profile for p in store.pending_launches()})
        found_any = failed = False
        for name in names:
            report = resume_pending(profiles.provider_for(name), store, profile_name=name, note=_note)
            for client_id, info in report.attached:
                print(f"Launch {client_id}: attached job {info.id} ({info.status})")
            for pending in report.unresolved:
                closed = store.launch(pending.client_id)
                reason = closed.closed_reason if closed else None
                print(
                    f"Launch {pending.client_id}: {reason or 'no job was created'} ({pending.model},"
                    f" {pending.training_file})"
                )
            for client_id, message in report.errors:
                print(
                    f"ftplanner: launch {client_id}: could not check (it stays pending): {message}",
                    file=sys.stderr,
                )
            failed = failed or bool(report.errors)
            found_any = found_any or bool(report.attached or report.unresolved or report.errors)
    if not found_any and not failed:
        print("No interrupted launches" + (f" for profile {args.profile}." if args.profile else "."))
    return 1 if failed else 0
