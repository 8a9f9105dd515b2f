"""Nebius Token Factory fine-tuning: OpenAI-compatible (the ``openai`` SDK at its base URL), with its
differences handled here.

Nebius takes its own ``hyperparameters`` (``n_epochs``, ``batch_size``, ``learning_rate``,
``context_length``, ``lora``, ``lora_r``, ``lora_alpha``) and no ``method`` or ``metadata``: the launch tag
travels in the model-name ``suffix`` as a short hash (as for Together), and ``list_jobs(metadata=...)`` lists
the jobs and matches it. A finished job has no ``fine_tuned_model``: its checkpoints are what gets deployed
(``POST /v0/models`` with ``source`` = ``<job id>:<checkpoint id>``; the registry's ``checkpoint_hint``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from ftplanner.core.errors import UserError
from ftplanner.providers.base import Checkpoint, JobInfo, JobRequest, ProviderError
from ftplanner.providers.openai_compat import OpenAICompatibleProvider
from ftplanner.providers.together import client_tag

DEFAULT_BASE_URL = "https://api.tokenfactory.nebius.com/v1/"
NAME = "Nebius Token Factory"
TAG_KEY = "ftplanner_client_id"  # the launch flow's tag key (``ftplanner.jobs.launch.CLIENT_ID_KEY``)
SUFFIX_MAX = 64
DEFAULT_LEARNING_RATE = 1e-5  # Nebius' default; ``learning_rate_multiplier`` scales it
MAX_LISTED_JOBS = 1000


def tagged_suffix(suffix: str | None, client_id: str | None) -> str | None:
    """``suffix`` with the launch tag appended; UserError when the result breaks Nebius' rules."""
    if suffix is not None and not re.fullmatch(r"[A-Za-z0-9_\-.]*", suffix):
        raise UserError(f"model suffix {suffix!r} may only contain letters, digits, '-', '_' and '.'")
    parts = [part for part in (suffix, client_tag(client_id) if client_id else None) if part]
    result = "-".join(parts) or None
    if result is not None and len(result) > SUFFIX_MAX:
        room = SUFFIX_MAX - (len(result) - len(suffix or ""))
        raise UserError(
            f"model suffix {suffix!r} is {len(suffix or '')} characters; {NAME} allows at most {room} here"
            " (the launch tag takes the rest)"
        )
    return result


class NebiusProvider(OpenAICompatibleProvider):
    """The provider interface for Nebius Token Factory over an injected ``openai.OpenAI`` client.

    ``lora``/``lora_rank``/``context_length`` of a request go out as ``lora``/``lora_r``/
    ``context_length``; a ``learning_rate_multiplier`` scales Nebius' default learning rate of 1e-5.
    """

    name = "nebius"
    wandb_support = None  # no W&B settings are sent

    def check_suffix(self, suffix: str | None) -> None:
        tagged_suffix(suffix, "0" * 32)  # the tag's length does not depend on the client id

    def create_job(self, request: JobRequest) -> JobInfo:
        """Create a job, sent once (a retry could start a second job); the launch tag goes in the suffix."""
        if request.method != "supervised":
            raise UserError(f"{NAME} fine-tuning here is supervised only, not {request.method}")
        client_id = request.metadata.get(TAG_KEY)
        learning_rate = None
        if request.learning_rate_multiplier is not None:
            learning_rate = DEFAULT_LEARNING_RATE * request.learning_rate_multiplier
        hyper = {
            "n_epochs": request.epochs,
            "batch_size": request.batch_size,
            "learning_rate": learning_rate,
            "context_length": request.context_length,
            "lora": True if request.lora_rank is not None and request.lora is None else request.lora,
            "lora_r": request.lora_rank,
            "lora_alpha": 2 * request.lora_rank if request.lora_rank else None,
        }
        params: dict[str, Any] = {"model": request.model, "training_file": request.training_file}
        optional = {
            "validation_file": request.validation_file,
            "suffix": tagged_suffix(request.suffix, client_id),
            "seed": request.seed,
        }
        params.update({k: v for k, v in optional.items() if v is not None})
        params["extra_body"] = {"hyperparameters": {k: v for k, v in hyper.items() if v is not None}}
        client = self._client.with_options(max_retries=0)
        job = self._call("creating the job", lambda: client.fine_tuning.jobs.create(**params))
        info = self._job(job)
        return replace(info, metadata={TAG_KEY: client_id}) if client_id else info

    @staticmethod
    def _has_tag(job: Any, tag: str) -> bool:
        pattern = re.compile(rf"(^|-){re.escape(tag)}($|-)")
        extra = getattr(job, "model_extra", None) or {}
        texts = [getattr(job, "suffix", None), extra.get("suffix"), extra.get("user_provided_suffix")]
        return any(pattern.search(str(text)) for text in texts if text)

    def list_jobs(self, metadata: Mapping[str, str] | None = None, limit: int = 20) -> list[JobInfo]:
        """The newest jobs; with ``metadata``, those whose suffix carries its client id's tag.

        Nebius stores no metadata: only the launch tag can be matched, so a filter on any other key finds
        nothing. Up to 1,000 jobs are searched.
        """
        if not metadata:
            page = self._call("listing jobs", lambda: self._client.fine_tuning.jobs.list(limit=limit))
            return [self._job(job) for job in page.data]
        if set(metadata) != {TAG_KEY}:
            return []
        tag = client_tag(metadata[TAG_KEY])

        def search() -> list[Any]:
            found = []
            for n, job in enumerate(self._client.fine_tuning.jobs.list(limit=100)):
                if n >= MAX_LISTED_JOBS:
                    break
                if self._has_tag(job, tag):
                    found.append(job)
            return found

        found = self._call("listing jobs", search)
        return [replace(self._job(job), metadata={TAG_KEY: metadata[TAG_KEY]}) for job in found[:limit]]

    def list_checkpoints(self, job_id: str) -> list[Checkpoint]:
        """Saved checkpoints by step, with their metrics; each can be deployed as a model."""
        page = self._call(
            f"reading checkpoints of {job_id}",
            lambda: self._client.fine_tuning.jobs.checkpoints.list(job_id, limit=100),
        )
        result = []
        for item in page.data:
            raw_metrics = getattr(item, "metrics", None)
            metrics = raw_metrics.model_dump(exclude_none=True) if raw_metrics is not None else {}
            result.append(
                Checkpoint(
                    item.id,
                    int(getattr(item, "step_number", None) or metrics.get("step") or 0),
                    int(getattr(item, "created_at", None) or 0),
                    getattr(item, "fine_tuned_model_checkpoint", None) or f"{job_id}:{item.id}",
                    {k: float(v) for k, v in metrics.items() if isinstance(v, (int, float))},
                )
            )
        return sorted(result, key=lambda c: c.step)

    def pause(self, job_id: str) -> JobInfo:
        raise ProviderError(f"{NAME}: pausing {job_id} failed: not supported by Nebius", code="unsupported")

    def resume(self, job_id: str) -> JobInfo:
        raise ProviderError(f"{NAME}: resuming {job_id} failed: not supported by Nebius", code="unsupported")
