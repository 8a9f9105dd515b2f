"""The report's words in English and Japanese, and the formatting of its figures.

Every figure is formatted here from the core's values (money with :func:`ftplanner.core.money.format_money`),
so the PDF, the CSV headers and ``ftplanner report --json`` show the same text.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from ftplanner.core import formatting

LANGUAGES = ("en", "ja")

_EN: dict[str, str] = {
    "title": "Fine-tuning plan report",
    # executive summary
    "exec_summary": "Summary",
    "recommended_model": "Model",
    "why": "Why",
    "s_training": "Training cost (P10–P90)",
    "s_time": "Training time P10–P90",
    "s_running": "Running cost / month",
    "s_npv": "NPV P10 / P50 / P90",
    "s_roi": "ROI P10 / P50 / P90",
    "s_payback": "Payback P10 / P50 / P90",
    "s_chance": "Chance ROI > 0",
    "top_risks": "Top risks",
    "no_risks": "No risk flagged.",
    "no_choice": "no model chosen",
    "why_user_choice": "chosen by the plan's author",
    "why_cheapest_fit": "the cheapest launchable model that fits every example and is served past {horizon_end}",
    "why_cheapest_retiring": "the cheapest launchable model that fits every example; none is served past {horizon_end}",
    "why_cheapest_truncating": "the cheapest launchable model; every one truncates some examples",
    "why_no_candidate": "no compared model can be launched with a known price",
    "why_no_models": "no model compared",
    "why_chosen_missing": "{model} is not compared",
    "risk_retires": "{model} retires on {date}, before the plan ends ({end})",
    "risk_launch_deadline": "no new fine-tuning jobs on {model} after {date}: later retraining needs another model",
    "risk_stale_prices": "prices as of {date} are more than 180 days old",
    "risk_approximate_tokens": "token counts approximate ({encoding} stand-in, ±{error})",
    "risk_no_inference_price": "no inference price for {model}: running costs exclude inference",
    "risk_truncated": "{count} example(s) exceed the per-example limit and will be truncated",
    "risk_data_errors": "{count} line(s) with data errors",
    "risk_dataset_missing": "dataset not found: {path}",
    "risk_roi_unlikely": "ROI is positive in only {chance} of the simulated outcomes",
    "risk_rate_stale": "the exchange rate is more than 30 days old",
    "linked_estimate": "from the estimate",
    "linked_override": "your override",
    "linked_scenario": "from the scenario",
    "linked_catalog": "from the catalog",
    "linked_unknown": "unknown",
    "linked_estimate_was": "estimate: {value}",
    "linked_key_training_cost": "Training per run",
    "linked_key_inference_per_month": "Inference / month",
    "linked_key_hosting_per_month": "Hosting / month",
    "linked_title": "Model costs in the ROI",
    "linked_note": "Linked from the chosen model's row of the comparison unless overridden in the plan.",
    "col_value": "Value",
    "col_source": "Source",
    "unknown": "unknown",
    "in_hosting": "in hosting",
    "chosen_mark": "chosen",
    "csv_chosen": "Chosen",
    "csv_roi_inputs": "ROI model costs",
    "plan": "Plan",
    "plan_file": "Plan file",
    "generated": "Generated",
    "judged_on": "Prices and lifecycle judged on",
    "currency": "Currency",
    "rate": "{rate} {currency} per USD",
    "page": "Page {page} of {pages}",
    # dataset
    "dataset": "Dataset",
    "dataset_file": "File",
    "dataset_state": "State",
    "state_analysed": "analysed now",
    "state_stored": "missing — figures from the summary stored in the plan",
    "state_missing": "missing — no stored summary",
    "state_none": "no dataset in the plan",
    "format": "Format",
    "encoding": "Tokenizer",
    "examples": "Valid examples",
    "billing_tokens": "Billed tokens per epoch",
    "epochs": "Epochs",
    "epochs_auto": "{epochs} (automatic)",
    "charged_tokens": "Billed training tokens",
    "errors": "Lines with errors",
    "data_warnings": "Data warnings",
    # comparison
    "comparison": "Model comparison",
    "comparison_note": (
        "Training cost at {epochs} epochs; running costs for {requests} requests a month of {input} input and {output}"
        " output tokens; total cost of ownership (TCO) over {months} months, stopping at a retirement date."
        " ≈ marks approximate token counts (±15%); ≥ a lower bound (running costs unknown)."
    ),
    "tco_incomplete": (
        "≥ TCO incomplete for {count} of {total} models ({models}): no published price for running the"
        " fine-tuned model, so their TCO is a lower bound."
    ),
    "tco_complete_all": "TCO complete for every model: training and running costs are all priced.",
    "no_traffic": "No traffic profile: running costs exclude inference.",
    "col_model": "Model",
    "col_training": "Training",
    "col_time": "Time P10–P90",
    "col_inference": "Inference / month",
    "col_hosting": "Hosting / month",
    "col_tco": "TCO {months} months",
    "col_status": "Lifecycle",
    "col_as_of": "Prices as of",
    "col_sources": "Sources",
    "status_open": "open",
    "status_retires": "retires {date}",
    "status_unconfirmed": " (unconfirmed)",
    "status_closed": "closed",
    "stale": "stale",
    "no_estimate": "no estimate: {reason}",
    "sources": "Sources",
    "no_models": "The plan compares no models.",
    "minutes": "{value} min",
    "hours": "{value} h",
    # ROI
    "roi": "Return on investment",
    "scenario": "Scenario",
    "horizon": "{months} months from {start}",
    "discount": "Discount rate {rate} a year",
    "draws": "{draws} Monte Carlo draws, seed {seed}",
    "figure": "Figure",
    "likely": "Likely",
    "npv": "NPV",
    "roi_pct": "ROI",
    "irr": "IRR (annual)",
    "payback": "Payback",
    "prob_roi": "Chance ROI > 0",
    "prob_npv": "Chance NPV > 0",
    "prob_payback": "Pays back within the horizon",
    "total_cost": "Total cost (likely, undiscounted)",
    "total_benefit": "Total benefit (likely, undiscounted)",
    "month": "month {month}",
    "never": "never",
    "none": "none",
    "above_1000": "above 1,000 %",
    "percent": "{value} %",
    "no_scenario": "The plan has no ROI scenario.",
    # charts
    "fan_title": "Cumulative net cash by month",
    "fan_band": "P10–P90 of the draws",
    "fan_median": "Median (P50)",
    "fan_likely": "Likely values",
    "fan_payback": "Payback (likely): {month}",
    "fan_x": "Month of the plan",
    "fan_y": "Cumulative net cash ({currency})",
    "hist_title": "NPV distribution — chance NPV > 0: {prob} of {draws} draws",
    "hist_likely": "Likely NPV",
    "hist_range": "P10 and P90",
    "hist_x": "NPV ({currency})",
    "hist_y": "Draws",
    "tornado_title": "What moves the NPV",
    "tornado_low": "Input at its low value",
    "tornado_high": "Input at its high value",
    "tornado_x": "NPV ({currency}); the line is the likely NPV {npv}",
    "tornado_none": "No uncertain inputs: every amount is fixed.",
    # assumptions
    "assumptions": "Assumptions",
    "assumptions_note": (
        "Every cash-flow line of the scenario as the engine uses it. Deterministic figures take the likely"
        " value; the Monte Carlo draws each uncertain line from its range."
    ),
    "plan_inputs": "Plan inputs",
    "col_input": "Input",
    "col_side": "Side",
    "col_timing": "Timing",
    "col_low": "Low",
    "col_high": "High",
    "col_dist": "Distribution",
    "cost": "cost",
    "benefit": "benefit",
    "timing_once": "month {month}",
    "timing_monthly": "months {first}–{last}",
    "timing_ramp": "months {first}–{last}, ramping up",
    "timing_none": "not in the horizon",
    "dist_fixed": "fixed",
    "dist_pert": "PERT",
    "dist_triangular": "triangular",
    "dist_lognormal": "lognormal (high = P90)",
    "traffic": "Traffic",
    "traffic_value": "{requests} requests / month, {input} input + {output} output tokens",
    "ownership": "Ownership horizon",
    "months_value": "{months} months",
    "models": "Models compared",
    # definitions
    "definitions": "Definitions",
    "def_months": (
        "Month 0 holds one-off items at month 0; monthly items run in months 1 to the horizon H. Net cash"
        " net_t = benefits_t − costs_t."
    ),
    "def_npv": (
        "NPV = Σ net_t / (1 + r_m)^t over t = 0..H, with the monthly rate r_m = (1 + r)^(1/12) − 1 from the"
        " annual discount rate r (month 0 is not discounted)."
    ),
    "def_roi": "ROI % = (Σ benefits − Σ costs) / Σ costs × 100, undiscounted, over the horizon.",
    "def_irr": (
        "IRR: the monthly rate that makes the NPV of the net flows zero, reported annualised as"
        " (1 + irr_m)^12 − 1; the root closest to zero when there are several; none when undefined."
    ),
    "def_payback": (
        "Payback month: the first month t in which at least one cost has been paid and the cumulative net"
        " cash is ≥ 0; never if that does not happen within the horizon."
    ),
    "def_mc": (
        "Monte Carlo: each uncertain amount is drawn from its range (PERT by default); P10/P50/P90 are the"
        " 10th, 50th and 90th percentiles of the draws; the same seed gives the same numbers."
    ),
    "def_tco": (
        "TCO = training + months counted × (inference + hosting) per month; months stop at a retirement date."
    ),
    # warnings
    "warnings": "Warnings",
    "no_warnings": "None.",
    "w_dataset_missing": "The dataset was not found: {path}.",
    "w_stored_summary": (
        "Figures come from the analysis summary stored in the plan; per-model example limits could not be"
        " re-applied."
    ),
    "w_no_dataset": "The plan names no dataset: no training estimate.",
    "w_data_errors": "{count} line(s) of the dataset have errors and are not counted.",
    "w_data_warning": "Dataset: {text}",
    "w_approximate_tokens": "{model}: token counts are approximate ({encoding} stand-in, ±15%).",
    "w_stale_price": "{model}: prices as of {as_of} are more than 180 days old (stale).",
    "w_retires_in_horizon": (
        "{model}: retires on {date}{unconfirmed}, inside the {months}-month horizon; running costs counted"
        " for {counted} months."
    ),
    "w_retired": "{model}: retired on {date}.",
    "w_running_costs_unknown": (
        "{model}: no published price for running the fine-tuned model: running costs unknown, TCO incomplete."
    ),
    "w_dedicated_serving": (
        "{model}: served on a dedicated deployment billed per hour; its hours are the hosting cost, tokens are"
        " not billed."
    ),
    "w_closed": "{model}: {text}.",
    "w_estimate_failed": "{model}: no estimate ({text}).",
    "w_model_note": "{model}: {text}",
    "w_no_scenario": "The plan has no ROI scenario: no NPV, ROI or payback.",
    "w_roi": "ROI: {text}",
    "w_rate_stale": "The exchange rate for {currency} was set on {date}, more than 30 days ago.",
    "unconfirmed": " (unconfirmed)",
    # CSV
    "csv_key": "Key",
    "csv_name": "Name",
    "csv_provider": "Provider",
    "csv_method": "Method",
    "csv_exact_tokens": "Exact token counts",
    "csv_examples": "Examples",
    "csv_epochs": "Epochs",
    "csv_charged": "Charged tokens",
    "csv_training": "Training cost",
    "csv_training_low": "Training cost low",
    "csv_training_high": "Training cost high",
    "csv_currency": "Currency",
    "csv_time_p10": "Time P10 (min)",
    "csv_time_p50": "Time P50 (min)",
    "csv_time_p90": "Time P90 (min)",
    "csv_inference": "Inference per month",
    "csv_hosting": "Hosting per month",
    "csv_months_counted": "Months counted",
    "csv_tco": "TCO",
    "csv_launchable": "Launchable",
    "csv_launch_status": "Launch status",
    "csv_job_deadline": "New jobs until",
    "csv_retires": "Retires on",
    "csv_retirement_unconfirmed": "Retirement unconfirmed",
    "csv_as_of": "Prices as of",
    "csv_stale": "Stale",
    "csv_sources": "Sources",
    "csv_warnings": "Warnings",
    "csv_error": "Error",
    "csv_month": "Month",
    "csv_date": "Date",
    "csv_cost": "Cost (likely)",
    "csv_benefit": "Benefit (likely)",
    "csv_net": "Net (likely)",
    "csv_cumulative": "Cumulative net (likely)",
    "csv_cum_p10": "Cumulative net P10",
    "csv_cum_p50": "Cumulative net P50",
    "csv_cum_p90": "Cumulative net P90",
    "yes": "yes",
    "no": "no",
}

_JA: dict[str, str] = {
    "title": "ファインチューニング計画レポート",
    # executive summary
    "exec_summary": "サマリー",
    "recommended_model": "モデル",
    "why": "理由",
    "s_training": "学習コスト（P10–P90）",
    "s_time": "学習時間 P10–P90",
    "s_running": "月間運用コスト",
    "s_npv": "NPV P10 / P50 / P90",
    "s_roi": "ROI P10 / P50 / P90",
    "s_payback": "回収期間 P10 / P50 / P90",
    "s_chance": "ROI がプラスになる確率",
    "top_risks": "主なリスク",
    "no_risks": "指摘されたリスクはありません。",
    "no_choice": "モデル未選択",
    "why_user_choice": "計画の作成者が選択",
    "why_cheapest_fit": "起動可能で、全例が上限内に収まり、{horizon_end} 以降も提供される最も安いモデル",
    "why_cheapest_retiring": "起動可能で全例が上限内に収まる最も安いモデル（{horizon_end} 以降も提供されるモデルはありません）",
    "why_cheapest_truncating": "起動可能な最も安いモデル（どのモデルでも一部の例が切り詰められます）",
    "why_no_candidate": "価格が分かり起動できる比較モデルがありません",
    "why_no_models": "比較するモデルがありません",
    "why_chosen_missing": "{model} は比較対象にありません",
    "risk_retires": "{model} は計画終了（{end}）前の {date} に提供終了",
    "risk_launch_deadline": "{model} は {date} 以降に新しい学習ジョブを受け付けません（再学習には別モデルが必要）",
    "risk_stale_prices": "{date} 時点の価格で、180 日以上前のものです",
    "risk_approximate_tokens": "トークン数は概算です（{encoding} で代用、±{error}）",
    "risk_no_inference_price": "{model} の推論価格が不明：運用コストに推論を含みません",
    "risk_truncated": "{count} 件の例が 1 例あたりの上限を超え、切り詰められます",
    "risk_data_errors": "データエラーのある行が {count} 行あります",
    "risk_dataset_missing": "データセットが見つかりません：{path}",
    "risk_roi_unlikely": "シミュレーションで ROI がプラスになるのは {chance} のみです",
    "risk_rate_stale": "為替レートが 30 日以上前のものです",
    "linked_estimate": "見積もりから",
    "linked_override": "ユーザーによる上書き",
    "linked_scenario": "シナリオから",
    "linked_catalog": "カタログから",
    "linked_unknown": "不明",
    "linked_estimate_was": "見積もり：{value}",
    "linked_key_training_cost": "1 回の学習",
    "linked_key_inference_per_month": "推論 / 月",
    "linked_key_hosting_per_month": "ホスティング / 月",
    "linked_title": "ROI のモデル費用",
    "linked_note": "計画で上書きされていない限り、比較表で選ばれたモデルの行から取られます。",
    "col_value": "値",
    "col_source": "出典",
    "unknown": "不明",
    "in_hosting": "ホスティングに含む",
    "chosen_mark": "採用",
    "csv_chosen": "採用",
    "csv_roi_inputs": "ROI のモデル費用",
    "plan": "計画",
    "plan_file": "計画ファイル",
    "generated": "作成日時",
    "judged_on": "価格・提供状況の判定日",
    "currency": "通貨",
    "rate": "1 USD = {rate} {currency}",
    "page": "{page} / {pages} ページ",
    "dataset": "データセット",
    "dataset_file": "ファイル",
    "dataset_state": "状態",
    "state_analysed": "今回分析",
    "state_stored": "見つかりません — 計画に保存された要約の数値を使用",
    "state_missing": "見つかりません — 保存された要約もありません",
    "state_none": "計画にデータセットがありません",
    "format": "形式",
    "encoding": "トークナイザー",
    "examples": "有効な例の数",
    "billing_tokens": "1エポックあたりの課金トークン",
    "epochs": "エポック数",
    "epochs_auto": "{epochs}（自動）",
    "charged_tokens": "課金される学習トークン",
    "errors": "エラーのある行",
    "data_warnings": "データの警告",
    "comparison": "モデル比較",
    "comparison_note": (
        "学習費用はエポック数 {epochs} で、運用費は月{requests}リクエスト（入力{input}・出力{output}トークン）で計算。"
        "総保有コスト（TCO）は{months}か月分で、提供終了日までを数えます。"
        "≈ はトークン数が概算（±15%）、≥ は下限（運用費が不明）を示します。"
    ),
    "tco_incomplete": (
        "≥ {total}モデル中{count}モデル（{models}）のTCOは不完全です。ファインチューニング済みモデルを"
        "運用する価格が公表されていないため、TCOは下限です。"
    ),
    "tco_complete_all": "すべてのモデルのTCOは完全です（学習費用と運用費の価格がすべて判明）。",
    "no_traffic": "利用量が未設定のため、運用費に推論費用を含みません。",
    "col_model": "モデル",
    "col_training": "学習費用",
    "col_time": "学習時間 P10–P90",
    "col_inference": "推論費用／月",
    "col_hosting": "ホスティング／月",
    "col_tco": "TCO {months}か月",
    "col_status": "提供状況",
    "col_as_of": "価格の時点",
    "col_sources": "出典",
    "status_open": "利用可",
    "status_retires": "{date} 提供終了",
    "status_unconfirmed": "（未確認）",
    "status_closed": "受付終了",
    "stale": "古い価格",
    "no_estimate": "見積もりなし：{reason}",
    "sources": "出典",
    "no_models": "この計画には比較するモデルがありません。",
    "minutes": "{value}分",
    "hours": "{value}時間",
    "roi": "投資対効果（ROI）",
    "scenario": "シナリオ",
    "horizon": "{start} から {months} か月",
    "discount": "割引率 年{rate}",
    "draws": "モンテカルロ {draws} 回試行、シード {seed}",
    "figure": "指標",
    "likely": "最頻値",
    "npv": "正味現在価値（NPV）",
    "roi_pct": "ROI",
    "irr": "内部収益率（IRR、年率）",
    "payback": "回収月",
    "prob_roi": "ROI > 0 の確率",
    "prob_npv": "NPV > 0 の確率",
    "prob_payback": "期間内に回収できる確率",
    "total_cost": "総費用（最頻値、割引なし）",
    "total_benefit": "総効果（最頻値、割引なし）",
    "month": "{month}か月目",
    "never": "回収せず",
    "none": "なし",
    "above_1000": "1,000 % 超",
    "percent": "{value} %",
    "no_scenario": "この計画には ROI シナリオがありません。",
    "fan_title": "累積純キャッシュフロー（月別）",
    "fan_band": "試行の P10–P90",
    "fan_median": "中央値（P50）",
    "fan_likely": "最頻値",
    "fan_payback": "回収（最頻値）：{month}",
    "fan_x": "計画の月",
    "fan_y": "累積純キャッシュ（{currency}）",
    "hist_title": "NPV の分布 — NPV > 0 の確率：{draws} 回中 {prob}",
    "hist_likely": "NPV（最頻値）",
    "hist_range": "P10 と P90",
    "hist_x": "NPV（{currency}）",
    "hist_y": "試行数",
    "tornado_title": "NPV を動かす要因",
    "tornado_low": "入力が低い値のとき",
    "tornado_high": "入力が高い値のとき",
    "tornado_x": "NPV（{currency}）、縦線は最頻値の NPV {npv}",
    "tornado_none": "不確実な入力はありません（すべて固定値）。",
    "assumptions": "前提条件",
    "assumptions_note": (
        "エンジンが使うシナリオのキャッシュフロー項目すべて。決定論的な数値は最頻値を使い、"
        "モンテカルロでは不確実な項目をそれぞれの範囲から抽出します。"
    ),
    "plan_inputs": "計画の入力",
    "col_input": "項目",
    "col_side": "区分",
    "col_timing": "時期",
    "col_low": "低",
    "col_high": "高",
    "col_dist": "分布",
    "cost": "費用",
    "benefit": "効果",
    "timing_once": "{month}か月目",
    "timing_monthly": "{first}–{last}か月目",
    "timing_ramp": "{first}–{last}か月目（立ち上がりあり）",
    "timing_none": "期間外",
    "dist_fixed": "固定",
    "dist_pert": "PERT",
    "dist_triangular": "三角分布",
    "dist_lognormal": "対数正規（高 = P90）",
    "traffic": "利用量",
    "traffic_value": "月 {requests} リクエスト、入力 {input}・出力 {output} トークン",
    "ownership": "保有期間",
    "months_value": "{months}か月",
    "models": "比較するモデル",
    "definitions": "定義",
    "def_months": (
        "0か月目は0か月目の一時的な項目、毎月の項目は1か月目から期間 H まで。"
        "純キャッシュ net_t = 効果_t − 費用_t。"
    ),
    "def_npv": (
        "NPV = Σ net_t / (1 + r_m)^t（t = 0..H）。月次割引率 r_m = (1 + r)^(1/12) − 1、"
        "r は年間割引率（0か月目は割り引きません）。"
    ),
    "def_roi": "ROI % = (Σ 効果 − Σ 費用) / Σ 費用 × 100（期間全体、割引なし）。",
    "def_irr": (
        "IRR：純キャッシュフローの NPV をゼロにする月次利率を (1 + irr_m)^12 − 1 で年率換算。"
        "解が複数あるときはゼロに最も近いもの、定まらないときは「なし」。"
    ),
    "def_payback": (
        "回収月：少なくとも一つの費用が支払われ、累積純キャッシュが 0 以上になる最初の月 t。"
        "期間内にそうならなければ「回収せず」。"
    ),
    "def_mc": (
        "モンテカルロ：不確実な金額をそれぞれの範囲（既定は PERT 分布）から抽出。P10/P50/P90 は試行の"
        "10・50・90 パーセンタイル。同じシードなら同じ数値になります。"
    ),
    "def_tco": "TCO = 学習費用 + 数えた月数 × (推論費用 + ホスティング費用)／月。月数は提供終了日で止まります。",
    "warnings": "警告",
    "no_warnings": "なし。",
    "w_dataset_missing": "データセットが見つかりません：{path}",
    "w_stored_summary": "数値は計画に保存された分析の要約によるものです。モデルごとの例の上限は再適用できません。",
    "w_no_dataset": "計画にデータセットがないため、学習費用は見積もれません。",
    "w_data_errors": "データセットの {count} 行にエラーがあり、数えていません。",
    "w_data_warning": "データセット：{text}",
    "w_approximate_tokens": "{model}：トークン数は概算です（{encoding} で代用、±15%）。",
    "w_stale_price": "{model}：価格の時点 {as_of} は 180 日以上前です（古い価格）。",
    "w_retires_in_horizon": (
        "{model}：{date}{unconfirmed}に提供終了。{months}か月の期間内のため、運用費は {counted} か月分のみ数えます。"
    ),
    "w_retired": "{model}：{date} に提供終了しました。",
    "w_running_costs_unknown": "{model}：ファインチューニング済みモデルの運用価格が公表されていないため、運用費は不明で、TCOは不完全です。",
    "w_dedicated_serving": "{model}：時間課金の専用デプロイで提供されます。稼働時間がホスティング費用となり、トークンには課金されません。",
    "w_closed": "{model}：新規ジョブを受け付けていません（{text}）。",
    "w_estimate_failed": "{model}：見積もりできません（{text}）。",
    "w_model_note": "{model}：{text}",
    "w_no_scenario": "計画に ROI シナリオがないため、NPV・ROI・回収月はありません。",
    "w_roi": "ROI：{text}",
    "w_rate_stale": "{currency} の為替レートは {date} に設定されたもので、30 日以上前です。",
    "unconfirmed": "（未確認）",
    "csv_key": "キー",
    "csv_name": "名前",
    "csv_provider": "提供元",
    "csv_method": "手法",
    "csv_exact_tokens": "トークン数が正確",
    "csv_examples": "例の数",
    "csv_epochs": "エポック数",
    "csv_charged": "課金トークン",
    "csv_training": "学習費用",
    "csv_training_low": "学習費用（低）",
    "csv_training_high": "学習費用（高）",
    "csv_currency": "通貨",
    "csv_time_p10": "学習時間 P10（分）",
    "csv_time_p50": "学習時間 P50（分）",
    "csv_time_p90": "学習時間 P90（分）",
    "csv_inference": "推論費用／月",
    "csv_hosting": "ホスティング／月",
    "csv_months_counted": "数えた月数",
    "csv_tco": "TCO",
    "csv_launchable": "新規ジョブ可",
    "csv_launch_status": "受付状況",
    "csv_job_deadline": "新規ジョブ受付期限",
    "csv_retires": "提供終了日",
    "csv_retirement_unconfirmed": "提供終了日は未確認",
    "csv_as_of": "価格の時点",
    "csv_stale": "古い価格",
    "csv_sources": "出典",
    "csv_warnings": "警告",
    "csv_error": "エラー",
    "csv_month": "月",
    "csv_date": "日付",
    "csv_cost": "費用（最頻値）",
    "csv_benefit": "効果（最頻値）",
    "csv_net": "純額（最頻値）",
    "csv_cumulative": "累積純額（最頻値）",
    "csv_cum_p10": "累積純額 P10",
    "csv_cum_p50": "累積純額 P50",
    "csv_cum_p90": "累積純額 P90",
    "yes": "はい",
    "no": "いいえ",
}

_TABLES = {"en": _EN, "ja": _JA}


class Words:
    """The words and number formats of one report language."""

    def __init__(self, lang: str) -> None:
        if lang not in _TABLES:
            raise ValueError(f"unknown report language {lang!r} (choose {' or '.join(LANGUAGES)})")
        self.lang = lang
        self._table = _TABLES[lang]

    def has(self, key: str) -> bool:
        return key in self._table

    def __call__(self, key: str, **values: Any) -> str:
        text = self._table[key]
        return text.format(**values) if values else text

    # ------------------------------------------------------------------------------------- figures
    @property
    def units(self) -> formatting.Units:
        keys = ("minutes", "hours", "month", "never", "percent", "none", "above_1000")
        return formatting.Units(**{key: self._table[key] for key in keys})

    def money(self, amount: Decimal | float | None, currency: str) -> str:
        return formatting.money(amount, currency, self.units)

    def percent(self, value: float | None) -> str:
        return formatting.percent(value, self.units)

    def rate(self, value: float | None) -> str:
        return formatting.fraction(value, self.units)

    def month(self, value: float | None) -> str:
        return formatting.month(value, self.units)

    def count(self, value: int | None) -> str:
        return formatting.count(value)

    def day(self, value: date | None) -> str:
        return "—" if value is None else value.isoformat()

    def duration(self, minutes: float) -> str:
        return formatting.duration(minutes, self.units)

    def time_range(self, low: float | None, high: float | None) -> str:
        return formatting.time_range(low, high, self.units)

    def dist(self, name: str) -> str:
        return self(f"dist_{name}") if f"dist_{name}" in self._table else name
