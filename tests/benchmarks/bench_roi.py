"""Benchmark of the ROI Monte Carlo: 100,000 draws × 36 months (target < 0.5 s, < 1 GB peak).

Run it as a script (pytest does not collect it)::

    python tests/benchmarks/bench_roi.py [--draws 100000] [--months 36] [--repeat 5] [--million]

Prints the best and first wall time, the ratio to the target, the peak traced allocation of one run
(tracemalloc) and the process peak RSS (resource.getrusage). ``--million`` also runs 1,000,000 draws to show
memory stays bounded (draws are processed in blocks).
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
import tracemalloc
from datetime import date
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "app"))

from ftplanner.core.roi.amounts import LOGNORMAL, PERT, TRIANGULAR, Amount
from ftplanner.core.roi.cashflow import FlowModel, deterministic
from ftplanner.core.roi.montecarlo import simulate
from ftplanner.core.roi.scenario import MONTHLY, ONE_OFF, Item, ModelFacts, ModelPlan, Scenario
from ftplanner.core.roi.schedule import build_schedule
from ftplanner.core.roi.sensitivity import tornado

TARGET_SECONDS = 0.5
TARGET_BYTES = 1 << 30


def three(low: int, likely: int, high: int, dist: str = PERT) -> Amount:
    return Amount(dist, Decimal(low), Decimal(likely), Decimal(high))


def scenario(months: int) -> Scenario:
    """A realistic fine-tuning plan: 10 uncertain lines, retraining, retirement inside the horizon."""
    return Scenario(
        "Benchmark",
        months,
        Decimal("0.08"),
        date(2026, 12, 1),
        costs=(
            Item("Data preparation", ONE_OFF, three(3_000, 5_000, 9_000)),
            Item("Evaluation set", ONE_OFF, three(1_000, 2_000, 4_000, TRIANGULAR)),
            Item("Monitoring", MONTHLY, three(300, 600, 1_200)),
            Item("Support staff", MONTHLY, Amount.fixed(Decimal(400))),
        ),
        benefits=(
            Item("Agent hours saved", MONTHLY, three(2_000, 4_000, 5_000), ramp_months=3),
            Item("Fewer escalations", MONTHLY, three(300, 800, 1_500), ramp_months=6),
            Item(
                "Upsell",
                MONTHLY,
                Amount(LOGNORMAL, Decimal(250), Decimal(500), Decimal(1_000)),
                start_month=6,
            ),
        ),
        model=ModelPlan(
            "bench-model",
            training_cost=three(40, 60, 90),
            retrain_every_months=3,
            migration_cost=three(2_000, 4_000, 8_000),
            inference_per_month=three(250, 400, 700),
        ),
    )


def lookup(model_id: str) -> ModelFacts:
    return ModelFacts(model_id, retires_on=date(2028, 1, 14), can_launch_until=date(2027, 12, 31))


def peak_rss_mib() -> float:
    kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    return kib / 1024 if sys.platform != "darwin" else kib / (1024 * 1024)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draws", type=int, default=100_000)
    parser.add_argument("--months", type=int, default=36)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--million", action="store_true", help="also run 1,000,000 draws")
    args = parser.parse_args()

    model = FlowModel(build_schedule(scenario(args.months), lookup))
    times = []
    for i in range(args.repeat):
        t0 = time.perf_counter()
        result = simulate(model, draws=args.draws, seed=i)
        times.append(time.perf_counter() - t0)
    best, first = min(times), times[0]

    t0 = time.perf_counter()
    deterministic(model)
    tornado(model)
    det_ms = (time.perf_counter() - t0) * 1000

    tracemalloc.start()
    simulate(model, draws=args.draws, seed=0)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    print(
        f"ROI Monte Carlo: {args.draws:,} draws × {args.months} months, {len(model.uncertain)} uncertain lines"
    )
    print(f"  time          best {best:.3f} s, first {first:.3f} s (of {args.repeat})")
    print(f"  target        {TARGET_SECONDS:.1f} s → best is {best / TARGET_SECONDS:.2f} × target")
    print(f"  traced peak   {traced_peak / 2**20:.1f} MiB (one run, tracemalloc)")
    print(f"  peak RSS      {peak_rss_mib():.1f} MiB (whole process so far)")
    print(f"  deterministic + tornado {det_ms:.1f} ms; NPV P50 {result.npv.p50:,.0f}")
    ok = best < TARGET_SECONDS and peak_rss_mib() * 2**20 < TARGET_BYTES

    if args.million:
        tracemalloc.start()
        t0 = time.perf_counter()
        simulate(model, draws=1_000_000, seed=0)
        elapsed = time.perf_counter() - t0
        _, traced_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(
            f"1,000,000 draws: {elapsed:.2f} s (traced), traced peak {traced_peak / 2**20:.1f} MiB, "
            f"peak RSS {peak_rss_mib():.1f} MiB"
        )
        ok = ok and peak_rss_mib() * 2**20 < TARGET_BYTES

    print("within target" if ok else "OVER TARGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
