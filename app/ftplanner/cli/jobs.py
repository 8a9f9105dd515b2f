"""``ftplanner jobs``: provider profiles, launching, listing, tracking and cancelling fine-tuning jobs.

API keys are read from stdin only (``--key-stdin``) and stored only through the keyring module; no output
shows a key. ``jobs launch`` prints the plan and launches only with ``--yes``.
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
from ftplanner.core.errors import UserError
from ftplanner.core.money import decimal_text, format_money
from ftplanner.jobs import profiles, secrets
from ftplanner.jobs.launch import LaunchPlan, launch, prepare_launch, resume_pending
from ftplanner.jobs.store import Job, JobStore
from ftplanner.jobs.tracker import cost_report, poll_once, track
from ftplanner.providers.base import JobInfo


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
    add.add_argument("--kind", choices=profiles.KINDS, required=True)
    add.add_argument("--base-url", metavar="U", help="API base URL (required for generic)")
    add.add_argument("--resource", metavar="R", help="Azure OpenAI resource name")
    add.add_argument("--header", metavar="H", help="header carrying the key (generic; default Authorization)")
    add.add_argument("--training-type", metavar="T", help="Azure trainingType sent with every job")
    add.add_argument("--budget-cap", metavar="USD", help="refuse launches estimated above this")
    add.add_argument("--key-stdin", action="store_true", help="read the API key from stdin")
    add.set_defaults(func=run_profiles_add)
    listing = prof_sub.add_parser("list", help="list profiles (never shows keys)")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=run_profiles_list)
    remove = prof_sub.add_parser("remove", help="remove a profile and its stored key")
    remove.add_argument("name", metavar="NAME")
    remove.set_defaults(func=run_profiles_remove)

    go = sub.add_parser("launch", help="estimate and (with --yes) launch a fine-tune")
    go.add_argument("file", metavar="FILE", type=Path, help="training data (JSONL chat format)")
    go.add_argument("--profile", required=True, metavar="P")
    go.add_argument("--model", required=True, metavar="M", help="model id or provider/id key")
    go.add_argument("--validation", type=Path, metavar="FILE")
    go.add_argument("--epochs", type=whole_number(1), metavar="N")
    go.add_argument("--suffix", metavar="S")
    go.add_argument("--seed", type=whole_number(None), metavar="N")
    go.add_argument("--budget-cap", metavar="USD", help="overrides the profile's budget cap")
    go.add_argument("--yes", action="store_true", help="launch without asking")
    go.add_argument("--json", action="store_true")
    add_catalog_options(go)
    go.set_defaults(func=run_launch)

    jobs_list = sub.add_parser("list", help="jobs in the local store")
    jobs_list.add_argument("--json", action="store_true")
    jobs_list.set_defaults(func=run_list)

    for name, helptext, func in (
        ("status", "refresh and show one job", run_status),
        ("cancel", "cancel a job", run_cancel),
        ("track", "follow a job until it ends (Ctrl+C stops following)", run_track),
    ):
        cmd = sub.add_parser(name, help=helptext)
        cmd.add_argument("job_id", metavar="JOB_ID")
        cmd.add_argument("--profile", metavar="P", help="default: the profile the job was launched with")
        if name == "status":
            cmd.add_argument("--json", action="store_true")
        if name == "track":
            cmd.add_argument("--interval", type=_seconds, default=30.0, metavar="S", help="seconds (30)")
        cmd.set_defaults(func=func)

    resume = sub.add_parser("resume", help="attach jobs of launches interrupted around the create")
    resume.add_argument("--profile", required=True, metavar="P")
    resume.set_defaults(func=run_resume)


def _help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 0


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
        },
        replace=True,
    )
    print(f"Saved profile {profile.name} ({profile.kind}).")
    if args.key_stdin:
        key = sys.stdin.readline().strip()
        if not key:
            raise UserError(f"--key-stdin: no API key on stdin for profile {profile.name!r}")
        if secrets.save_key(profile.name, key):
            print("API key stored in the system keyring.")
        else:
            print(
                f"{secrets.keyring_status().message} The key for {profile.name} is kept for this session only."
            )
    return 0


def _key_state(profile: profiles.ProviderProfile) -> str:
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


# -- launch -----------------------------------------------------------------------------------------


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


def _job_dict(info: JobInfo) -> dict[str, Any]:
    return {
        "id": info.id,
        "model": info.model,
        "status": info.status,
        "raw_status": info.raw_status,
        "fine_tuned_model": info.fine_tuned_model,
        "trained_tokens": info.trained_tokens,
        "error": info.error,
    }


def run_launch(args: argparse.Namespace) -> int:
    for path in (args.file, args.validation):
        if path is not None and not path.is_file():
            raise UserError(f"{path}: no such file")
    profile = profiles.get_profile(args.profile)
    cap_text = (
        profiles.parse_budget(args.budget_cap, "--budget-cap") if args.budget_cap else profile.budget_cap
    )
    catalog = catalog_from_args(args)
    entry = catalog.get(args.model)
    plan = prepare_launch(
        args.file,
        entry,
        validation_path=args.validation,
        epochs=args.epochs,
        budget_cap=None if cap_text is None else Decimal(cap_text),
        today=catalog.today,
    )
    record: dict[str, Any] = {"plan": plan.estimate_record(), "warnings": list(plan.warnings), "job": None}
    if not args.yes:
        if args.json:
            print(json.dumps(record, indent=2, ensure_ascii=False))
        else:
            print("\n".join(_plan_lines(plan)))
            print("\nNot launched: run again with --yes to launch this job.")
        return 0
    provider = profiles.provider_for(profile.name)
    with JobStore() as store:
        info = launch(plan, provider, store, profile_name=profile.name, suffix=args.suffix, seed=args.seed)
    if args.json:
        record["job"] = _job_dict(info)
        print(json.dumps(record, indent=2, ensure_ascii=False))
    else:
        print("\n".join(_plan_lines(plan)))
        print(f"\nLaunched job {info.id}: {info.status}")
        print(f"Follow it with `ftplanner jobs track {info.id}`.")
    return 0


# -- jobs -------------------------------------------------------------------------------------------


def _when(value: int | None) -> str:
    if value is None:
        return "—"
    return datetime.fromtimestamp(value, UTC).strftime("%Y-%m-%d %H:%M UTC")


def _stored_dict(job: Job) -> dict[str, Any]:
    return {
        "id": job.job_id,
        "provider": job.provider,
        "model": job.model,
        "status": job.status,
        "raw_status": job.raw_status,
        "fine_tuned_model": job.fine_tuned_model,
        "trained_tokens": job.trained_tokens,
        "created_at": job.created_at,
        "finished_at": job.finished_at,
        "error": job.error,
        "actual_cost": None if job.actual_cost is None else decimal_text(job.actual_cost),
    }


def run_list(args: argparse.Namespace) -> int:
    with JobStore() as store:
        jobs = store.jobs()
    if args.json:
        print(json.dumps([_stored_dict(j) for j in jobs], indent=2, ensure_ascii=False))
        return 0
    if not jobs:
        print("No jobs yet. Launch one with `ftplanner jobs launch FILE --profile P --model M --yes`.")
        return 0
    table = [
        [j.job_id, j.model or "—", j.status, _when(j.created_at), format_money(j.actual_cost)] for j in jobs
    ]
    print(format_table(["Job", "Model", "Status", "Created", "Actual cost"], table))
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


def run_status(args: argparse.Namespace) -> int:
    with JobStore() as store:
        provider = profiles.provider_for(_profile_of(store, args.job_id, args.profile))
        poll_once(provider, store, args.job_id)
        job = store.job(args.job_id)
        assert job is not None
        estimated, actual, error = cost_report(store, args.job_id)
    if args.json:
        out = _stored_dict(job)
        out["estimated_cost"] = None if estimated is None else decimal_text(estimated)
        out["cost_error_percent"] = error
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    lines = [
        f"Job:            {job.job_id}",
        f"Model:          {job.model or '—'}",
        f"Status:         {job.status}" + (f" ({job.raw_status})" if job.raw_status != job.status else ""),
        f"Trained tokens: {'—' if job.trained_tokens is None else f'{job.trained_tokens:,}'}",
        f"Estimated cost: {format_money(estimated)}",
        f"Actual cost:    {format_money(actual)}"
        + ("" if error is None else f" ({error:+.1f}% vs estimate)"),
    ]
    if job.fine_tuned_model:
        lines.append(f"Fine-tuned:     {job.fine_tuned_model}")
    if job.status not in ("succeeded", "failed", "cancelled") and job.estimated_finish:
        lines.append(f"Expected end:   {_when(job.estimated_finish)}")
    if job.error:
        lines.append(f"Error:          {job.error}")
    print("\n".join(lines))
    return 0


def run_cancel(args: argparse.Namespace) -> int:
    with JobStore() as store:
        name = _profile_of(store, args.job_id, args.profile)
        provider = profiles.provider_for(name)
        info = provider.cancel(args.job_id)
        stored = store.job(args.job_id)
        store.record_job_info(info, provider=stored.provider if stored else profiles.get_profile(name).kind)
    print(f"Job {info.id}: {info.status}")
    return 0


def run_track(args: argparse.Namespace) -> int:
    last: list[str] = []

    def show(info: JobInfo) -> None:
        if not last or last[-1] != info.status:
            last.append(info.status)
            tokens = "" if info.trained_tokens is None else f", {info.trained_tokens:,} tokens trained"
            print(f"{datetime.now(UTC).strftime('%H:%M:%S')} {info.id}: {info.status}{tokens}", flush=True)

    with JobStore() as store:
        provider = profiles.provider_for(_profile_of(store, args.job_id, args.profile))
        try:
            info = track(provider, store, args.job_id, interval=args.interval, on_update=show)
        except KeyboardInterrupt:
            print(f"Stopped following {args.job_id}; the job keeps running at the provider.", file=sys.stderr)
            return 130
    if info.error:
        print(f"Error: {info.error}")
    return 0


def run_resume(args: argparse.Namespace) -> int:
    provider = profiles.provider_for(args.profile)
    with JobStore() as store:
        report = resume_pending(provider, store, profile_name=args.profile)
    for client_id, info in report.attached:
        print(f"Launch {client_id}: attached job {info.id} ({info.status})")
    for pending in report.unresolved:
        print(f"Launch {pending.client_id}: no job was created ({pending.model}, {pending.training_file})")
    for client_id, message in report.errors:
        print(f"Launch {client_id}: could not check: {message}", file=sys.stderr)
    if not (report.attached or report.unresolved or report.errors):
        print(f"No interrupted launches for profile {args.profile}.")
    return 0
