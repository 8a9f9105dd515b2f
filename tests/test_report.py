"""``ftplanner report``: the PDF holds the same figures as the JSON and the other commands; fonts embedded."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from ftplanner.cli import main
from ftplanner.cli.report import example_plan_path
from ftplanner.core.money import plain_money, plain_number
from ftplanner.core.plan import load_plan
from ftplanner.core.roi import dumps_scenario
from ftplanner.report import build_report

DRAWS = "2000"
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
BOM = b"\xef\xbb\xbf"


def run_cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def pdf_text(path: Path) -> str:
    """All pages' text, with Qt's word tabs and line breaks as single spaces."""
    text = " ".join(page.extract_text() for page in PdfReader(str(path)).pages)
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def reports(qapp, tmp_path_factory):
    """The bundled example's report in English (A4, with CSV files) and Japanese (Letter), made once."""
    folder = tmp_path_factory.mktemp("reports")
    made = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FTPLANNER_HOME", str(tmp_path_factory.mktemp("home")))
        for lang, size in (("en", "a4"), ("ja", "letter")):
            pdf = folder / f"example_{lang}.pdf"
            extra = []
            if lang == "en":
                extra = ["--csv-comparison", str(folder / "comparison.csv")]
                extra += ["--csv-cashflows", str(folder / "cashflows.csv")]
            code, out, err = run_cli(
                "report", "--example", "--out", str(pdf), "--lang", lang, "--page-size", size,
                "--draws", DRAWS, "--json", *extra,
            )  # fmt: skip
            assert code == 0, err
            made[lang] = (pdf, json.loads(out))
    made["folder"] = folder
    return made


def test_english_pdf_shows_the_json_figures(reports):
    pdf, figures = reports["en"]
    text = pdf_text(pdf)
    assert "Fine-tuning plan report" in text
    assert figures["plan"]["name"] in text
    shown = figures["roi"]["display"]
    for key in (
        "npv",
        "npv_p10",
        "npv_p50",
        "npv_p90",
        "roi_pct",
        "payback",
        "irr_annual",
        "prob_roi_positive",
    ):
        assert shown[key] in text, key
    for row in figures["comparison"]:
        assert row["display"]["training"] in text
        assert row["display"]["tco"] in text
    assert figures["dataset"]["display"]["charged_tokens"] in text
    for part in ("NPV = Σ net_t", "ROI % =", "Σ costs × 100", "Payback month"):
        assert part in text
    assert "stale" in text and "inside the 12-month horizon" in text and "approximate" in text


def test_report_json_agrees_with_roi_and_estimate(reports, tmp_path):
    _, figures = reports["en"]
    plan_path = example_plan_path()
    plan = load_plan(plan_path)
    # The report's ROI runs the plan's scenario with its model costs linked from the chosen model's row.
    linked = build_report(plan, plan_path, draws=int(DRAWS)).scenario
    assert linked is not None and linked.model is not None
    assert linked.model.model_id == figures["summary"]["model"]
    chosen = next(row for row in figures["comparison"] if row["model"] == figures["summary"]["model"])
    assert figures["summary"]["training_cost"] == chosen["training_cost"]
    assert str(linked.model.training_cost.likely) == chosen["training_cost"]
    scenario_file = tmp_path / "scenario.toml"
    scenario_file.write_text(dumps_scenario(linked), encoding="utf-8")
    code, out, err = run_cli("roi", str(scenario_file), "--draws", DRAWS, "--json")
    assert code == 0, err
    roi = json.loads(out)
    for key in ("npv", "roi_pct", "irr_annual", "payback_month", "total_cost", "total_benefit"):
        assert figures["roi"][key] == roi[key], key
    for key in ("npv", "roi_pct", "payback_month", "prob_roi_positive"):
        assert figures["roi"]["monte_carlo"][key] == roi["monte_carlo"][key], key
    assert figures["roi"]["monthly"] == roi["monthly"]

    dataset = plan_path.parent / plan.dataset
    t = plan.traffic
    code, out, err = run_cli(
        "estimate", str(dataset), "--models", ",".join(plan.models), "--months", str(plan.months),
        "--requests-per-month", str(t.requests_per_month), "--input-tokens", str(t.input_tokens),
        "--output-tokens", str(t.output_tokens), "--json",
    )  # fmt: skip
    assert code == 0, err
    estimates = {row["model"]: row for row in json.loads(out)}
    assert [row["model"] for row in figures["comparison"]] == list(estimates)
    for row in figures["comparison"]:
        for key in (
            "charged_tokens",
            "training_cost",
            "inference_cost_per_month",
            "hosting_cost_per_month",
            "tco",
        ):
            assert row[key] == estimates[row["model"]][key], (row["model"], key)


def test_japanese_pdf_text_comes_back(reports):
    pdf, figures = reports["ja"]
    text = re.sub(
        r"\s", "", pdf_text(pdf)
    )  # pypdf breaks Japanese lines into runs; spacing carries no meaning
    for words in (
        "ファインチューニング計画レポート",
        "モデル比較",
        "正味現在価値",
        "回収月",
        "前提条件",
        "警告",
    ):
        assert words in text
    assert figures["roi"]["display"]["payback"] in text  # e.g. "7か月目": 月 is not a Kangxi radical
    assert "⽉" not in text and "ﬁ" not in text
    assert figures["roi"]["display"]["npv"] in text
    for row in figures["comparison"]:
        assert row["display"]["training"] in text


def _font_files(reader: PdfReader) -> list[tuple[str, bool]]:
    found = []
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            for face in [d.get_object() for d in font.get("/DescendantFonts", [])] or [font]:
                descriptor = face["/FontDescriptor"].get_object()
                embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
                found.append((str(face["/BaseFont"]), embedded))
    return found


def test_fonts_are_embedded(reports):
    for lang in ("en", "ja"):
        fonts = _font_files(PdfReader(str(reports[lang][0])))
        assert fonts and all(embedded for _, embedded in fonts), fonts
    names = {name for name, _ in _font_files(PdfReader(str(reports["ja"][0])))}
    assert any("CJK" in name for name in names)
    english = {name for name, _ in _font_files(PdfReader(str(reports["en"][0])))}
    assert not any("CJK" in name for name in english)  # nothing to draw with it: not embedded


def test_an_english_report_with_japanese_names_embeds_the_cjk_font(qapp, tmp_path):
    from ftplanner.report import export_pdf

    plan = load_plan(example_plan_path())
    plan.name = "サポート振り分け"
    out = tmp_path / "named.pdf"
    export_pdf(
        plan, example_plan_path(), out, lang="en", content=build_report(plan, example_plan_path(), draws=200)
    )
    names = {name for name, _ in _font_files(PdfReader(str(out)))}
    assert any("CJK" in name for name in names)
    assert "サポート振り分け" in pdf_text(out).replace(" ", "")  # pypdf splits Japanese runs


def test_page_sizes(reports):
    a4 = PdfReader(str(reports["en"][0])).pages[0].mediabox
    letter = PdfReader(str(reports["ja"][0])).pages[0].mediabox
    assert (round(float(a4.width)), round(float(a4.height))) == (595, 842)
    assert (round(float(letter.width)), round(float(letter.height))) == (612, 792)
    assert len(PdfReader(str(reports["en"][0])).pages) >= 2


def test_csv_files_have_a_bom_and_parse(reports):
    folder = reports["folder"]
    _, figures = reports["en"]
    comparison = (folder / "comparison.csv").read_bytes()
    assert comparison.startswith(BOM)
    rows = list(csv.reader(io.StringIO(comparison.decode("utf-8-sig"))))
    assert rows[0][0] == "Key" and len(rows) == 1 + len(figures["comparison"])
    header = rows[0]
    first = dict(zip(header, rows[1], strict=True))
    assert first["Training cost"] == plain_money(figures["comparison"][0]["training_cost"], "USD")
    assert first["Months counted"] == plain_number(figures["comparison"][0]["months_counted"], 2)
    numbers = [cell for row in rows[1:] for cell in row if re.fullmatch(r"-?\d+(\.\d+)?", cell)]
    assert numbers and all(len(cell.partition(".")[2]) <= 2 for cell in numbers)  # cents, never 1.4794520…
    cashflows = (folder / "cashflows.csv").read_bytes()
    assert cashflows.startswith(BOM)
    rows = list(csv.reader(io.StringIO(cashflows.decode("utf-8-sig"))))
    assert rows[0][-3:] == ["Cumulative net P10", "Cumulative net P50", "Cumulative net P90"]
    assert len(rows) == 1 + figures["roi"]["horizon_months"] + 1
    assert float(rows[-1][5]) == figures["roi"]["monthly"][-1]["cumulative"]


def test_broken_plan_exits_2_with_one_line(tmp_path):
    plan = tmp_path / "broken.ftplan"
    plan.write_text('{"name": "x", "models": [', encoding="utf-8")
    code, out, err = run_cli("report", str(plan), "--out", str(tmp_path / "r.pdf"))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "broken.ftplan" in err and "not valid JSON" in err
    assert not (tmp_path / "r.pdf").exists()


def test_bad_scenario_names_the_key(tmp_path):
    data = json.loads(example_plan_path().read_text(encoding="utf-8"))
    data["scenario"]["horizon_months"] = 500
    plan = tmp_path / "bad.ftplan"
    plan.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run_cli("report", str(plan), "--json")
    assert code == 2 and "bad.ftplan" in err and "ROI scenario: Horizon: must be between 1 and 120" in err


def test_plan_or_example_and_something_to_write(tmp_path):
    code, _, err = run_cli("report", "--out", str(tmp_path / "r.pdf"))
    assert code == 2 and "--example" in err
    code, _, err = run_cli("report", "--example")
    assert code == 2 and "nothing to write" in err


def _moved_plan(tmp_path: Path, keep_summary: bool) -> Path:
    data = json.loads(example_plan_path().read_text(encoding="utf-8"))
    if not keep_summary:
        data["dataset_summary"] = {}
    path = tmp_path / "moved.ftplan"  # the relative dataset path no longer leads to the sample
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_missing_dataset_reports_from_the_stored_summary(reports, tmp_path, qapp):
    plan = _moved_plan(tmp_path, keep_summary=True)
    pdf = tmp_path / "moved.pdf"
    code, out, err = run_cli("report", str(plan), "--out", str(pdf), "--draws", DRAWS, "--json")
    assert code == 0, err
    figures = json.loads(out)
    assert figures["dataset"]["state"] == "stored"
    assert "dataset_missing" in {w["kind"] for w in figures["warnings"]}
    _, full = reports["en"]
    assert [r["training_cost"] for r in figures["comparison"]] == [
        r["training_cost"] for r in full["comparison"]
    ]
    text = pdf_text(pdf)
    assert "The dataset was not found" in text and figures["roi"]["display"]["npv"] in text


def test_missing_dataset_without_summary_still_reports(tmp_path):
    plan = _moved_plan(tmp_path, keep_summary=False)
    code, out, err = run_cli("report", str(plan), "--draws", "200", "--json")
    assert code == 0, err
    figures = json.loads(out)
    assert figures["dataset"]["state"] == "missing"
    assert all(row["error"] for row in figures["comparison"])
    assert figures["roi"]["npv"] is not None


def test_export_api_for_the_gui(qapp, tmp_path):
    """The GUI's call: the plan, what it has in memory, progress and cancel; cancelling stops the export."""
    from ftplanner.core.catalog import load_catalog
    from ftplanner.core.errors import Cancelled
    from ftplanner.report import build_report, export_comparison_csv, export_pdf

    plan_path = example_plan_path()
    plan = load_plan(plan_path)
    catalog = load_catalog()
    content = build_report(plan, plan_path, catalog=catalog, draws=200)
    seen: list[float] = []
    out = tmp_path / "gui.pdf"
    export_pdf(
        plan,
        plan_path,
        out,
        lang="ja",
        page_size="a4",
        content=content,
        progress=lambda f, _t: seen.append(f),
    )
    assert out.read_bytes().startswith(b"%PDF") and seen[-1] == 1.0
    export_comparison_csv(plan, plan_path, tmp_path / "c.csv", lang="ja", content=content)
    assert (tmp_path / "c.csv").read_bytes().startswith(BOM + "キー".encode())
    with pytest.raises(Cancelled):
        export_pdf(plan, plan_path, tmp_path / "x.pdf", catalog=catalog, cancel=lambda: True)
    assert not (tmp_path / "x.pdf").exists()


def test_pdf_is_prepared_on_a_worker_thread_and_painted_on_the_application_thread(
    qapp, tmp_path, monkeypatch
):
    """As the GUI calls it: the slow, Qt-free part on a QThread; fonts and painting on the GUI thread only
    (Qt's font database and a Python text object drawn from two threads can deadlock)."""
    from PySide6.QtCore import QThread

    from ftplanner.report import build_report, pdf, prepare_pdf_report

    plan_path = example_plan_path()
    plan = load_plan(plan_path)
    content = build_report(plan, plan_path, draws=200)
    prepared: list[object] = []
    errors: list[BaseException] = []
    registered_on: list[QThread] = []
    register = pdf._register
    monkeypatch.setattr(
        pdf, "_register", lambda fonts: registered_on.append(QThread.currentThread()) or register(fonts)
    )

    class Worker(QThread):
        def run(self) -> None:
            try:
                prepared.append(prepare_pdf_report(plan, plan_path, lang="ja", content=content))
            except BaseException as exc:  # reported below, on the test's thread
                errors.append(exc)

    worker = Worker()
    worker.start()
    assert worker.wait(120_000)
    assert not errors and not registered_on  # nothing of Qt's font database touched off the GUI thread
    pdf.render_pdf(prepared[0], tmp_path / "thread.pdf")
    assert registered_on == [qapp.thread()]
    assert "前提条件" in re.sub(r"\s", "", pdf_text(tmp_path / "thread.pdf"))


def test_render_pages_for_a_person_to_look_at(reports):
    """PNG pages under tests/screenshots/ (needs pdftoppm from poppler-utils)."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    SCREENSHOTS.mkdir(exist_ok=True)
    for lang in ("en", "ja"):
        prefix = SCREENSHOTS / f"report_{lang}"
        for old in SCREENSHOTS.glob(f"report_{lang}-*.png"):
            old.unlink()
        subprocess.run(["pdftoppm", "-r", "80", "-png", str(reports[lang][0]), str(prefix)], check=True)
        assert list(SCREENSHOTS.glob(f"report_{lang}-*.png"))
