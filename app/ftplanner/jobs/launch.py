"""Launching a fine-tune: check and estimate first, record before any network call, never start two jobs.

``prepare_launch`` analyses the data and refuses what cannot or should not be launched; confirming the
plan is the caller's job (GUI dialog, CLI ``--yes``). ``launch`` records the launch in the job store,
uploads the files (reusing ids a crashed attempt already stored) and creates the job tagged with the
launch's ``client_id`` in its metadata. The SDK sends no idempotency key, so a create that failed in a
retryable way may still have started a job: the provider is asked for a job with that tag before the
create is sent a second (and last) time. ``resume_pending`` does the same check after a crash.
"""

from __future__ import annotations

import hashlib
import math
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, TypedDict, TypeVar

from ftplanner.core.analyzer import DEFAULT_MAX_EXAMPLE_TOKENS, analyze
from ftplanner.core.catalog import ModelEntry
from ftplanner.core.errors import Cancelled, Refused, UserError
from ftplanner.core.estimate import Estimate, estimate
from ftplanner.core.examples import FORMAT_LABELS, PREFERENCE
from ftplanner.core.messages import Joined, msg
from ftplanner.core.money import decimal_text, format_money
from ftplanner.core.result import AnalysisResult
from ftplanner.core.timemodel import TimeModel
from ftplanner.jobs.store import JobStore, Launch
from ftplanner.jobs.wandb import settings_for
from ftplanner.providers import registry
from ftplanner.providers.base import JobInfo, JobRequest, Method, Provider, ProviderError, ProviderEstimate
from ftplanner.providers.retry import RECONCILE_SECONDS, retry

CLIENT_ID_KEY = "ftplanner_client_id"
RETIREMENT_WARNING_DAYS = 90
MAX_RETRY_WAIT = 10.0
DEFAULT_RETRY_WAIT = 1.0
SHOWN_ERRORS = 3
MAX_SEED = 2**31 - 1
RECOVER_HINT = "`ftplanner jobs recover` (or the next launch on this profile) checks whether its job exists"
_T = TypeVar("_T")

LaunchProgress = Callable[[str, int, int], None]
"""Called with (stage, done, total); stage is "training", "validation" (upload bytes) or "creating"."""
CancelFlag = Callable[[], bool]


class JobOptions(TypedDict, total=False):
    """Hyperparameters beyond epochs; absent ones are left to the provider."""

    batch_size: int
    learning_rate_multiplier: float
    beta: float
    lora: bool
    lora_rank: int
    context_length: int


@dataclass(frozen=True)
class DataSummary:
    """What the analysis found in one file."""

    path: Path
    examples: int
    total_tokens: int
    format: str
    warnings: tuple[str, ...] = ()

    @classmethod
    def of(cls, result: AnalysisResult) -> DataSummary:
        return cls(
            Path(result.source),
            result.examples,
            result.total_tokens,
            result.format,
            tuple(w.message for w in result.warnings),
        )


@dataclass(frozen=True)
class LaunchPlan:
    """A checked launch: the data summary, the estimate, warnings and the job parameters."""

    model: str  # catalog key provider/id
    model_id: str  # what the provider is asked to fine-tune
    provider: str
    method: Method
    training: DataSummary
    validation: DataSummary | None
    estimate: Estimate
    warnings: tuple[str, ...]
    epochs: int | None = None
    price_per_mtok: Decimal | None = None
    budget_cap: Decimal | None = None

    @property
    def training_path(self) -> Path:
        return self.training.path

    @property
    def validation_path(self) -> Path | None:
        return self.validation.path if self.validation else None

    def job_request(
        self,
        training_file_id: str,
        validation_file_id: str | None = None,
        *,
        suffix: str | None = None,
        seed: int | None = None,
        metadata: Mapping[str, str] | None = None,
        batch_size: int | None = None,
        learning_rate_multiplier: float | None = None,
        beta: float | None = None,
        lora: bool | None = None,
        lora_rank: int | None = None,
        context_length: int | None = None,
    ) -> JobRequest:
        """The provider request for uploaded files."""
        return JobRequest(
            batch_size=batch_size,
            learning_rate_multiplier=learning_rate_multiplier,
            beta=beta,
            lora=lora,
            lora_rank=lora_rank,
            context_length=context_length,
            model=self.model_id,
            training_file=training_file_id,
            validation_file=validation_file_id,
            method=self.method,
            epochs=self.epochs,
            suffix=suffix,
            seed=seed,
            metadata=dict(metadata or {}),
        )

    def estimate_record(self) -> dict[str, Any]:
        """The estimate as stored with the launch (JSON-ready, plus the price per 1M tokens)."""
        record = self.estimate.to_dict()
        record["price_per_mtok"] = None if self.price_per_mtok is None else decimal_text(self.price_per_mtok)
        return record


def _estimate_method(method: str) -> str:
    if method not in ("supervised", "dpo"):
        raise UserError(msg("launch.unknown_method", method=repr(method)))
    return "sft" if method == "supervised" else "dpo"


def _method_of(training: AnalysisResult, asked: Method | None) -> Method:
    """The method the training file's format calls for; UserError when ``asked`` disagrees."""
    found: Method = "dpo" if training.format == PREFERENCE else "supervised"
    if asked is not None and asked != found:
        label = FORMAT_LABELS.get(training.format, training.format)
        trained = msg("launch.dpo") if found == "dpo" else msg("launch.supervised")
        raise UserError(
            msg(
                "launch.method_mismatch",
                path=training.source,
                format=label,
                trained=trained,
                asked=asked,
                found=found,
            )
        )
    return found


def _analyse(
    path: Path, entry: ModelEntry, what: str, progress: Any, cancel: CancelFlag | None
) -> AnalysisResult:
    result = analyze(
        path,
        entry.encoding,
        entry.max_example_tokens or DEFAULT_MAX_EXAMPLE_TOKENS,
        progress=progress,
        cancel=cancel,
    )
    if result.error_count:
        shown = [
            msg("launch.error_line", line=i.line, message=i.message) for i in result.errors[:SHOWN_ERRORS]
        ]
        raise UserError(
            msg(f"launch.{what}_errors", path=str(path), count=result.error_count, errors=Joined(shown, "; "))
        )
    if result.examples == 0:
        raise UserError(msg(f"launch.{what}_empty", path=str(path)))
    return result


def prepare_launch(
    training_path: str | Path,
    model_entry: ModelEntry,
    *,
    validation_path: str | Path | None = None,
    epochs: int | None = None,
    budget_cap: Decimal | None = None,
    today: date | None = None,
    method: Method | None = None,
    progress: Callable[[float, int], None] | None = None,
    cancel: CancelFlag | None = None,
    time_model: TimeModel | None = None,
) -> LaunchPlan:
    """Analyse and estimate a launch; UserError when it cannot or should not go ahead.

    The training file's format decides the method: preference pairs are DPO, anything else supervised;
    ``method`` (None: from the file) must agree with it.
    """
    today = today or date.today()
    if method is not None:
        _estimate_method(method)
    block = model_entry.launch_block(today)
    if block:
        raise Refused(msg("launch.blocked", model=model_entry.key, reason=block))
    training = _analyse(Path(training_path), model_entry, "training", progress, cancel)
    method = _method_of(training, method)
    estimate_method = _estimate_method(method)
    block = model_entry.launch_block(today, estimate_method)
    if block:
        raise Refused(msg("launch.blocked", model=model_entry.key, reason=block))
    validation = None
    if validation_path is not None:
        validation = _analyse(Path(validation_path), model_entry, "validation", None, cancel)
        if validation.format != training.format:
            raise UserError(
                msg(
                    "launch.validation_format",
                    path=str(validation_path),
                    format=FORMAT_LABELS.get(validation.format, validation.format),
                    training=FORMAT_LABELS.get(training.format, training.format),
                )
            )
    result = estimate(
        training,
        model_entry,
        epochs=epochs,
        validation=validation,
        today=today,
        method=estimate_method,
        time_model=time_model,
    )
    if epochs is None and model_entry.provider not in registry.auto_epoch_providers():
        epochs = result.epochs  # the provider would pick its own default, not the one estimated
    cost = result.training_cost
    if budget_cap is not None:
        cap = Decimal(str(budget_cap))
        if cost is None:
            raise Refused(msg("launch.cost_unknown", model=model_entry.key, cap=format_money(cap)))
        if cost > cap:
            raise Refused(
                msg(
                    "launch.over_budget",
                    cost=format_money(cost),
                    cost_usd=decimal_text(cost),
                    cap=format_money(cap),
                    cap_usd=decimal_text(cap),
                )
            )
    warnings = list(result.warnings)
    for summary in (training, validation):
        if summary is not None:
            warnings.extend(
                msg("launch.file_warning", file=Path(summary.source).name, message=w.message)
                for w in summary.warnings
            )
    if model_entry.retires_on is not None:
        days = (model_entry.retires_on - today).days
        if 0 <= days <= RETIREMENT_WARNING_DAYS:
            code = (
                "launch.retires_soon_unconfirmed"
                if model_entry.retirement_unconfirmed
                else "launch.retires_soon"
            )
            warnings.append(msg(code, model=model_entry.key, date=model_entry.retires_on, days=days))
    price = model_entry.training_per_mtok
    if method == "dpo" and model_entry.dpo_training_per_mtok is not None:
        price = model_entry.dpo_training_per_mtok
    return LaunchPlan(
        model=model_entry.key,
        model_id=model_entry.id,
        provider=model_entry.provider,
        method=method,
        training=DataSummary.of(training),
        validation=DataSummary.of(validation) if validation is not None else None,
        estimate=result,
        warnings=tuple(dict.fromkeys(warnings)),
        epochs=epochs,
        price_per_mtok=None if model_entry.price_unknown else price,
        budget_cap=None if budget_cap is None else Decimal(str(budget_cap)),
    )


def _check_cancel(cancel: CancelFlag | None) -> None:
    if cancel is not None and cancel():
        raise Cancelled


def check_hyperparameters(
    method: Method, *, seed: int | None = None, options: JobOptions | None = None
) -> None:
    """Refuse hyperparameters no provider accepts, before anything is recorded or uploaded."""
    options = options or {}
    if seed is not None and not (isinstance(seed, int) and 0 <= seed <= MAX_SEED):
        raise UserError(msg("launch.bad_seed", maximum=MAX_SEED, value=str(seed)))
    for name, flag in (
        ("batch_size", "--batch-size"),
        ("lora_rank", "--lora-rank"),
        ("context_length", "--context-length"),
    ):
        value = options.get(name)
        if value is not None and not (isinstance(value, int) and not isinstance(value, bool) and value >= 1):
            raise UserError(msg("launch.bad_whole_number", flag=flag, value=str(value)))
    if options.get("lora_rank") is not None and options.get("lora") is False:
        raise UserError(msg("launch.rank_needs_lora"))
    for name, flag in (("learning_rate_multiplier", "--learning-rate-multiplier"), ("beta", "--beta")):
        value = options.get(name)
        if value is not None and not (0 < float(value) < math.inf):
            raise UserError(msg("launch.not_positive", option=flag, value=str(value)))
    if options.get("beta") is not None and method != "dpo":
        raise UserError(msg("launch.beta_dpo_only"))


OPTION_FLAGS = {
    "batch_size": "--batch-size",
    "learning_rate_multiplier": "--learning-rate-multiplier",
    "beta": "--beta",
    "lora": "--lora/--full",
    "lora_rank": "--lora-rank",
    "context_length": "--context-length",
}


def check_options_for(kind: str, options: JobOptions) -> None:
    """Refuse launch options the profile kind does not take (from its registry declaration)."""
    spec = registry.spec(kind)
    refused = [OPTION_FLAGS.get(name, name) for name in options if name not in spec.options]
    if refused:
        takes = ", ".join(OPTION_FLAGS[name] for name in registry.OPTION_NAMES if name in spec.options)
        raise UserError(
            f"{', '.join(refused)} does not apply to {spec.display_name} (it takes: {takes or 'epochs only'})"
        )


def file_digest(path: Path) -> str:
    """The SHA-256 of a data file: how a later launch of the same data knows it may reuse an upload."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class _Waiter:
    """Retries the provider reads a launch depends on, for a bounded time, telling ``note`` it waits."""

    def __init__(
        self, sleep: Callable[[float], None], give_up_after: float, note: Callable[[str], None] | None
    ) -> None:
        self.sleep, self.give_up_after, self.note = sleep, give_up_after, note

    def __call__(self, what: str, call: Callable[[], _T]) -> _T:
        def waiting(exc: ProviderError, delay: float, left: float) -> None:
            if self.note is not None:
                self.note(f"{what}: {exc}; trying again in {delay:.0f} s (giving up in {left:.0f} s)")

        return retry(call, give_up_after=self.give_up_after, sleep=self.sleep, on_wait=waiting)


def find_launched_job(provider: Provider, client_id: str) -> JobInfo | None:
    """The job the provider created for ``client_id`` (the oldest, should there be several), or None.

    Only a job carrying the tag counts: an endpoint that ignores the metadata filter lists other jobs too.
    """
    jobs = [
        j
        for j in provider.list_jobs(metadata={CLIENT_ID_KEY: client_id})
        if j.metadata.get(CLIENT_ID_KEY) == client_id
    ]
    if not jobs:
        return None
    return min(jobs, key=lambda j: (j.created_at or 0, j.id))


def _attach(store: JobStore, launch: Launch, info: JobInfo) -> JobInfo:
    store.attach_job(launch.client_id, info.id)
    _save_job(store, launch.provider, info, launch.client_id)
    return info


def _save_job(store: JobStore, provider_name: str, info: JobInfo, client_id: str | None = None) -> None:
    store.record_job_info(info, provider=provider_name, client_id=client_id)


def upload_name(path: Path, client_id: str) -> str:
    """The name a launch's file is uploaded under: tagged, so a lost upload response can be found."""
    return f"ftplanner-{client_id[:12]}-{path.name}"


def find_uploaded_file(provider: Provider, path: Path, client_id: str) -> str | None:
    """The id of the file this launch already uploaded from ``path`` (its tagged name, and its size while
    the local file exists), or None."""
    name = upload_name(path, client_id)
    size = path.stat().st_size if path.is_file() else None
    found = [f for f in provider.list_files("fine-tune") if f.filename == name and size in (None, f.bytes)]
    return found[-1].id if found else None  # newest first: the oldest is the one to keep


def _upload(
    provider: Provider,
    path: Path,
    client_id: str,
    stage: str,
    progress: LaunchProgress | None,
    *,
    resuming: bool,
    sleep: Callable[[float], None],
    max_wait: float,
    wait: _Waiter,
) -> str:
    """Upload once; after a failure that may have stored the file, look for it before sending it again."""

    def report(done: int, total: int) -> None:
        if progress is not None:
            progress(stage, done, total)

    if resuming:
        found = wait(f"looking for {path.name}", lambda: find_uploaded_file(provider, path, client_id))
        if found is not None:
            return found
    name = upload_name(path, client_id)
    try:
        return provider.upload_file(path, "fine-tune", report, name).id
    except ProviderError as exc:
        if not exc.retryable:
            raise
        first = exc
    found = wait(f"looking for {path.name}", lambda: find_uploaded_file(provider, path, client_id))
    if found is not None:
        return found
    sleep(min(max_wait, max(0.0, first.retry_after if first.retry_after is not None else DEFAULT_RETRY_WAIT)))
    return provider.upload_file(path, "fine-tune", report, name).id


def _uploaded_ids(store: JobStore, client_id: str) -> list[str]:
    record = store.launch(client_id)
    if record is None:
        return []
    return [i for i in (record.training_file_id, record.validation_file_id) if i]


def _close_deleting_uploads(
    provider: Provider, store: JobStore, client_id: str, reason: str, wait: _Waiter
) -> str:
    """Delete a launch's uploaded files and close it; returns what happened to them (for messages).

    When a file cannot be deleted now the launch stays pending, so the next launch or ``recover`` does it.
    """
    ids = _uploaded_ids(store, client_id)
    try:
        for file_id in ids:
            wait(f"deleting {file_id}", lambda file_id=file_id: provider.delete_file(file_id))
    except ProviderError as exc:
        return f"launch {client_id} stays pending: its uploaded file could not be deleted ({exc}); {RECOVER_HINT}"
    store.close_launch(client_id, reason + ("; uploaded file(s) deleted" if ids else ""))
    return f"launch {client_id} closed" + ("; its uploaded file was deleted" if ids else "")


def _check_quote(
    plan: LaunchPlan,
    provider: Provider,
    store: JobStore,
    client_id: str,
    request: JobRequest,
    on_quote: Callable[[ProviderEstimate], bool] | None,
    wait: _Waiter,
) -> None:
    """Ask the provider for its own quote (if it gives one); refuse what it or the budget cap rejects."""
    quote = provider.estimate_price(request)
    if quote is None:
        return
    reason = None
    if not quote.allowed_to_proceed:
        reason = msg(
            "launch.provider_refuses", provider=plan.provider, reason=quote.reason or msg("launch.no_reason")
        )
    elif plan.budget_cap is not None and quote.total_usd is not None and quote.total_usd > plan.budget_cap:
        reason = msg(
            "launch.provider_over_budget",
            provider=plan.provider,
            cost=format_money(quote.total_usd),
            cap=format_money(plan.budget_cap),
        )
    if quote.total_usd is not None:
        store.record_provider_estimate(client_id, quote.total_usd)
    if reason is not None:
        outcome = _close_deleting_uploads(provider, store, client_id, reason, wait)
        raise Refused(msg("launch.refused_closed", reason=reason, outcome=outcome))
    if on_quote is not None and not on_quote(quote):
        _close_deleting_uploads(provider, store, client_id, "not confirmed after the provider's quote", wait)
        raise Cancelled


def _create_once_safely(
    provider: Provider,
    store: JobStore,
    launch: Launch,
    request: JobRequest,
    sleep: Callable[[float], None],
    max_wait: float,
    wait: _Waiter,
) -> JobInfo:
    """Create the job; after a retryable failure, look for it by tag before sending the create once more."""
    try:
        return _attach(store, launch, provider.create_job(request))
    except ProviderError as exc:
        if not exc.retryable:
            raise _failed_for_good(provider, store, launch, exc, wait) from None
        first = exc
    found = _lookup(provider, launch, first, wait)
    if found is not None:
        return _attach(store, launch, found)
    sleep(min(max_wait, max(0.0, first.retry_after if first.retry_after is not None else DEFAULT_RETRY_WAIT)))
    try:
        return _attach(store, launch, provider.create_job(request))
    except ProviderError as exc:
        if not exc.retryable:
            raise _failed_for_good(provider, store, launch, exc, wait) from None
        found = _lookup(provider, launch, exc, wait)
        if found is not None:
            return _attach(store, launch, found)
        raise ProviderError(
            f"{exc} (tried twice, and no job was found for it; launch {launch.client_id} is recorded as"
            f" pending: {RECOVER_HINT})",
            status_code=exc.status_code,
            code=exc.code,
            retryable=exc.retryable,
            retry_after=exc.retry_after,
        ) from None


def _failed_for_good(
    provider: Provider, store: JobStore, launch: Launch, exc: ProviderError, wait: _Waiter
) -> ProviderError:
    """A create the provider refused: no job exists, so the launch is closed and its uploads deleted."""
    outcome = _close_deleting_uploads(provider, store, launch.client_id, f"the create failed: {exc}", wait)
    return ProviderError(f"{exc} (no job was created; {outcome})", status_code=exc.status_code, code=exc.code)


def _lookup(provider: Provider, launch: Launch, cause: ProviderError, wait: _Waiter) -> JobInfo | None:
    try:
        return wait(
            "checking whether the job was created", lambda: find_launched_job(provider, launch.client_id)
        )
    except ProviderError as exc:
        raise ProviderError(
            f"{cause}; then checking whether the job was created anyway failed ({exc}). Launch"
            f" {launch.client_id} stays pending: {RECOVER_HINT}",
            status_code=cause.status_code,
            code=cause.code,
            retryable=False,
        ) from None


def _same_launch(old: Launch, new: Launch) -> bool:
    """Whether two launches ask for the same job on the same data (the file digests are in the request)."""
    return (old.profile, old.model, old.request) == (new.profile, new.model, new.request)


def _settle(
    provider: Provider, store: JobStore, pending: Launch, wait: _Waiter, into: Launch | None = None
) -> tuple[JobInfo | None, str]:
    """Resolve one pending launch: attach its job, or close it with its uploads reused by ``into`` (the
    same data) or deleted. Returns (the job found, what happened). ProviderError when it cannot be checked."""
    found = wait(
        f"checking launch {pending.client_id}", lambda: find_launched_job(provider, pending.client_id)
    )
    if found is not None:
        _attach(store, pending, found)
        return found, f"attached job {found.id} ({found.status})"
    ids: dict[str, str] = {}
    for role, path_text, known in (
        ("training", pending.training_file, pending.training_file_id),
        ("validation", pending.validation_file, pending.validation_file_id),
    ):
        if path_text is None:
            continue
        path = Path(path_text)
        file_id = known or wait(
            f"looking for {path.name}",
            lambda path=path: find_uploaded_file(provider, path, pending.client_id),
        )
        if file_id:
            ids[role] = file_id
    reused: dict[str, str] = {}
    for role, file_id in ids.items():
        digest = pending.request.get(f"{role}_sha256")
        if (
            into is not None
            and digest is not None
            and into.request.get(f"{role}_sha256") == digest
            and getattr(into, f"{role}_file_id") is None
        ):
            reused[role] = file_id
    store.record_uploads(pending.client_id, ids.get("training"), ids.get("validation"))
    for role, file_id in ids.items():
        if role not in reused:
            wait(f"deleting {file_id}", lambda file_id=file_id: provider.delete_file(file_id))
    if reused and into is not None:
        what = f"no job was created; its upload was reused by launch {into.client_id}"
    else:
        what = "no job was created" + ("; uploaded file(s) deleted" if ids else "")
    store.close_without_job(
        pending.client_id,
        what,
        hand_over_to=into.client_id if reused and into is not None else None,
        training_file_id=reused.get("training"),
        validation_file_id=reused.get("validation"),
    )
    return None, what


def _settle_before_create(
    provider: Provider, store: JobStore, new: Launch, wait: _Waiter, note: Callable[[str], None] | None
) -> JobInfo | None:
    """Resolve the profile's pending launches before a new create; the job of an identical one, if any.

    When one cannot be checked the new launch is closed and refused: a second job must not be risked.
    """
    adopted: JobInfo | None = None
    for pending in store.pending_for(new.profile, exclude=new.client_id):
        try:
            found, what = _settle(provider, store, pending, wait, store.launch(new.client_id))
        except ProviderError as exc:
            store.close_launch(new.client_id, f"refused: launch {pending.client_id} is still pending")
            started = datetime.fromtimestamp(pending.created_at, UTC).strftime("%Y-%m-%d %H:%M UTC")
            raise ProviderError(
                f"not launched: an earlier launch ({pending.client_id}, {pending.model},"
                f" {Path(pending.training_file).name}, {started}) may have created a job and checking it"
                f" failed ({exc}). Run `ftplanner jobs recover` when the provider answers, then launch again;"
                " nothing was uploaded or created now",
                status_code=exc.status_code,
                code=exc.code,
            ) from None
        if note is not None:
            note(f"Earlier launch {pending.client_id}: {what}")
        if found is not None and adopted is None and _same_launch(pending, new):
            adopted = found
    if adopted is not None:
        store.close_launch(new.client_id, f"the same launch had already started job {adopted.id}")
        if note is not None:
            note(f"Job {adopted.id} is this same launch, started earlier: not starting a second one")
    return adopted


def launch(
    plan: LaunchPlan,
    provider: Provider,
    store: JobStore,
    *,
    profile_name: str,
    suffix: str | None = None,
    seed: int | None = None,
    metadata: Mapping[str, str] | None = None,
    progress: LaunchProgress | None = None,
    cancel: CancelFlag | None = None,
    client_id: str | None = None,
    sleep: Callable[[float], None] = time.sleep,
    max_retry_wait: float = MAX_RETRY_WAIT,
    options: JobOptions | None = None,
    on_quote: Callable[[ProviderEstimate], bool] | None = None,
    reconcile_seconds: float = RECONCILE_SECONDS,
    note: Callable[[str], None] | None = None,
    wandb_project: str | None = None,
) -> JobInfo:
    """Record, upload and create the job of ``plan``; returns the created (or found) job.

    The profile's pending launches are resolved first (see :func:`_settle_before_create`): an identical
    one that did start a job is returned instead of a second job; an upload of the same data is reused.
    Pass the ``client_id`` of a launch that failed before getting a job to continue it. ``on_quote`` sees
    the provider's own price quote (if it gives one) before the create and returns whether to go ahead.
    Reads that decide whether a job exists are retried for ``reconcile_seconds``; ``note`` hears about
    waits and earlier launches. ``wandb_project`` logs the run to Weights & Biases where the provider
    takes it (see :mod:`ftplanner.jobs.wandb`; ``note`` hears when it is left out).
    """
    options = options or {}
    check_hyperparameters(plan.method, seed=seed, options=options)
    provider.check_suffix(suffix)
    check_launch = getattr(provider, "check_launch", None)  # e.g. data the provider must convert (Vertex)
    if check_launch is not None:
        check_launch([p for p in (plan.training_path, plan.validation_path) if p is not None], options)
    wandb = settings_for(provider, wandb_project, plan.provider)
    if wandb.note and note is not None:
        note(wandb.note)
    wait = _Waiter(sleep, reconcile_seconds, note)
    resuming = client_id is not None
    if client_id is None:
        request_record = {
            "method": plan.method,
            "epochs": plan.epochs,
            "suffix": suffix,
            "seed": seed,
            "metadata": dict(metadata or {}),
            "model_id": plan.model_id,
            "training_sha256": file_digest(plan.training_path),
            "validation_sha256": file_digest(plan.validation_path) if plan.validation_path else None,
            **options,
            **({"wandb_project": wandb.project} if wandb.project else {}),  # never the W&B key
        }
        client_id = store.record_launch(
            profile=profile_name,
            provider=plan.provider,
            model=plan.model_id,
            training_file=plan.training_path,
            validation_file=plan.validation_path,
            request=request_record,
            estimate=plan.estimate_record(),
        )
        new = store.launch(client_id)
        assert new is not None
        adopted = _settle_before_create(provider, store, new, wait, note)
        if adopted is not None:
            return adopted
    record = store.launch(client_id)
    if record is None:
        raise UserError(f"no recorded launch {client_id}")
    if record.job_id is not None:
        raise UserError(f"launch {client_id} already has job {record.job_id}")
    _check_cancel(cancel)
    if resuming:
        found = wait("checking whether the job was created", lambda: find_launched_job(provider, client_id))
        if found is not None:  # a crashed attempt got as far as creating the job
            return _attach(store, record, found)

    def stop_if_cancelled() -> None:  # no job exists for this launch yet: close it so nobody looks for one
        if cancel is not None and cancel():
            _close_deleting_uploads(provider, store, client_id, "cancelled before the create", wait)
            raise Cancelled

    upload = {"resuming": resuming, "sleep": sleep, "max_wait": max_retry_wait, "wait": wait}
    training_id = record.training_file_id
    if training_id is None:
        training_id = _upload(provider, plan.training_path, client_id, "training", progress, **upload)
        store.record_uploads(client_id, training_id)
    validation_id = record.validation_file_id
    if plan.validation_path is not None and validation_id is None:
        stop_if_cancelled()
        validation_id = _upload(provider, plan.validation_path, client_id, "validation", progress, **upload)
        store.record_uploads(client_id, None, validation_id)
    stop_if_cancelled()
    tags = {**dict(metadata or {}), CLIENT_ID_KEY: client_id}
    request = plan.job_request(training_id, validation_id, suffix=suffix, seed=seed, metadata=tags, **options)
    if wandb.project:
        request = replace(request, wandb_project=wandb.project, wandb_api_key=wandb.api_key)
    _check_quote(plan, provider, store, client_id, request, on_quote, wait)
    stop_if_cancelled()
    if progress is not None:
        progress("creating", 0, 1)
    record = store.launch(client_id) or record
    info = _create_once_safely(provider, store, record, request, sleep, max_retry_wait, wait)
    if progress is not None:
        progress("creating", 1, 1)
    return info


@dataclass(frozen=True)
class ResumeReport:
    """What ``resume_pending`` did: jobs attached, launches closed with no job, launches it could not check."""

    attached: tuple[tuple[str, JobInfo], ...] = ()
    unresolved: tuple[Launch, ...] = ()  # no job was created: now closed, their uploads deleted
    errors: tuple[tuple[str, str], ...] = ()


def resume_pending(
    provider: Provider,
    store: JobStore,
    *,
    profile_name: str | None = None,
    sleep: Callable[[float], None] = time.sleep,
    reconcile_seconds: float = RECONCILE_SECONDS,
    note: Callable[[str], None] | None = None,
) -> ResumeReport:
    """Attach the jobs of launches left without one (a crash around the create); close the rest, deleting
    their uploaded files. Launches that cannot be checked now stay pending and are reported as errors."""
    wait = _Waiter(sleep, reconcile_seconds, note)
    attached: list[tuple[str, JobInfo]] = []
    unresolved: list[Launch] = []
    errors: list[tuple[str, str]] = []
    for pending in store.pending_launches():
        if profile_name is not None and pending.profile != profile_name:
            continue
        try:
            found, _what = _settle(provider, store, pending, wait)
        except ProviderError as exc:
            errors.append((pending.client_id, str(exc)))
            continue
        if found is None:
            unresolved.append(pending)
        else:
            attached.append((pending.client_id, found))
    return ResumeReport(tuple(attached), tuple(unresolved), tuple(errors))
