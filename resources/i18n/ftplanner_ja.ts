<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AmountFields</name>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_items.py" line="43"/>
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_items.py" line="43"/>
        <source>likely</source>
        <translation>最頻</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_items.py" line="43"/>
        <source>high</source>
        <translation>高</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../app/ftplanner/gui/app.py" line="122"/>
        <source>Something went wrong: {0}. Details were written to {1}.</source>
        <translation>予期しないエラーが発生しました: {0}。詳細は {1} に記録しました。</translation>
    </message>
</context>
<context>
    <name>ApproachPanel</name>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_charts.py" line="201"/>
        <source>NPV (likely)</source>
        <translation>NPV（最頻）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_charts.py" line="202"/>
        <source>NPV P10 – P90</source>
        <translation>NPV（P10 – P90）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_charts.py" line="203"/>
        <source>ROI (likely)</source>
        <translation>ROI（最頻）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_charts.py" line="204"/>
        <source>IRR (annual)</source>
        <translation>IRR（年率）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_charts.py" line="205"/>
        <source>Payback (likely)</source>
        <translation>回収月（最頻）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_charts.py" line="206"/>
        <source>Chance ROI &gt; 0</source>
        <translation>ROI &gt; 0 の確率</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_charts.py" line="207"/>
        <source>Total cost (likely)</source>
        <translation>総コスト（最頻）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_charts.py" line="208"/>
        <source>Cost · accuracy · upkeep</source>
        <translation>コスト・精度・保守負荷</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_charts.py" line="217"/>
        <source>Each approach&apos;s cost structure applied to this scenario&apos;s benefits, scaled by the share of the full benefit the approach is expected to reach. The column marked &apos;as written&apos; is this scenario unchanged. Same draws and seed for all three.</source>
        <translation>各アプローチのコスト構造をこのシナリオの便益に適用し、そのアプローチで達成が見込まれる便益の割合で調整しています。「このシナリオ」と表示された列は、このシナリオを変更せずに計算したものです。3 つとも同じ試行回数とシードを使用します。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_charts.py" line="234"/>
        <source>{0}
(as written)</source>
        <translation>{0}
（このシナリオ）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_charts.py" line="296"/>
        <source>NPV ({0})</source>
        <translation>NPV（{0}）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_charts.py" line="298"/>
        <source>Bars: likely NPV · whiskers: P10 – P90 of the draws</source>
        <translation>棒: NPV（最頻）・ひげ: 試行の P10 – P90</translation>
    </message>
</context>
<context>
    <name>CatalogColumns</name>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_table.py" line="62"/>
        <source>Provider</source>
        <translation>プロバイダー</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_table.py" line="63"/>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_table.py" line="64"/>
        <source>Training</source>
        <translation>学習</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_table.py" line="65"/>
        <source>Input
/ 1M</source>
        <translation>入力
／100万</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_table.py" line="66"/>
        <source>Cached
/ 1M</source>
        <translation>キャッシュ入力
／100万</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_table.py" line="67"/>
        <source>Output
/ 1M</source>
        <translation>出力
／100万</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_table.py" line="68"/>
        <source>Hosting
/ hour</source>
        <translation>ホスティング
／時</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_table.py" line="70"/>
        <source>Max tokens
/ example</source>
        <translation>最大トークン数
／学習例</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_table.py" line="73"/>
        <source>Tokenizer</source>
        <translation>トークナイザー</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_table.py" line="74"/>
        <source>New jobs
until</source>
        <translation>新規ジョブ
受付期限</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_table.py" line="75"/>
        <source>Retires</source>
        <translation>提供終了</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_table.py" line="76"/>
        <source>As of</source>
        <translation>価格時点</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_table.py" line="77"/>
        <source>Origin</source>
        <translation>設定元</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_table.py" line="78"/>
        <source>Sources</source>
        <translation>出典</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_table.py" line="96"/>
        <location filename="../../app/ftplanner/gui/pages/pricing_table.py" line="135"/>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_table.py" line="98"/>
        <source>{0} / hour</source>
        <translation>{0}／時</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_table.py" line="99"/>
        <source>{0} / 1M</source>
        <translation>{0}／100万</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_table.py" line="104"/>
        <source>≈{0} (±{1})</source>
        <translation>≈{0}（±{1}）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_table.py" line="110"/>
        <source>{0} (unconfirmed)</source>
        <translation>{0}（未確認）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_table.py" line="115"/>
        <source>{0} (stale)</source>
        <translation>{0}（古い価格）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_table.py" line="120"/>
        <source>bundled</source>
        <translation>同梱</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_table.py" line="121"/>
        <source>user</source>
        <translation>ユーザー</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_table.py" line="122"/>
        <source>plan</source>
        <translation>プラン</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_table.py" line="137"/>
        <source>dedicated</source>
        <translation>専用デプロイ</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_table.py" line="145"/>
        <source>Served on a dedicated deployment billed per hour; tokens are not billed</source>
        <translation>時間課金の専用デプロイで提供（トークンには課金されません）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_table.py" line="147"/>
        <source>Prices as of {0}</source>
        <translation>価格は {0} 時点</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_table.py" line="152"/>
        <source>{0} Overridden (layer: {1}): these figures replace the bundled catalog&apos;s</source>
        <translation>{0} 上書きあり（レイヤー: {1}）: 同梱カタログの値の代わりにこの値を使います</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_table.py" line="162"/>
        <source>DPO: {0} / 1M</source>
        <translation>DPO: {0}／100万</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_table.py" line="164"/>
        <source>Minimum per job: {0}</source>
        <translation>ジョブあたりの最低料金: {0}</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_table.py" line="166"/>
        <source>Cap per job: {0}</source>
        <translation>ジョブあたりの上限額: {0}</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_table.py" line="171"/>
        <source>Prices older than 180 days are marked stale</source>
        <translation>180 日を超えた価格は「古い価格」として表示されます</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_table.py" line="176"/>
        <source>Which layer last changed this model: bundled catalog, your overrides, or the plan</source>
        <translation>このモデルを最後に変更した層: 同梱カタログ、ユーザーの上書き設定、プランのいずれか</translation>
    </message>
</context>
<context>
    <name>CatalogImportDialog</name>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_import.py" line="31"/>
        <source>Import catalog</source>
        <translation>カタログの取り込み</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_import.py" line="34"/>
        <source>price up</source>
        <translation>値上げ</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_import.py" line="35"/>
        <source>price down</source>
        <translation>値下げ</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_import.py" line="36"/>
        <source>price set or cleared</source>
        <translation>価格の設定・削除</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_import.py" line="37"/>
        <source>model added</source>
        <translation>モデル追加</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_import.py" line="38"/>
        <source>model removed</source>
        <translation>モデル削除</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_import.py" line="39"/>
        <source>date moved</source>
        <translation>日付の変更</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_import.py" line="40"/>
        <source>changed</source>
        <translation>変更</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_import.py" line="43"/>
        <source>{0} price(s) up</source>
        <translation>値上げ {0}件</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_import.py" line="44"/>
        <source>{0} price(s) down</source>
        <translation>値下げ {0}件</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_import.py" line="45"/>
        <source>{0} price(s) set or cleared</source>
        <translation>価格の設定・削除 {0}件</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_import.py" line="46"/>
        <source>{0} model(s) added</source>
        <translation>モデル追加 {0}件</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_import.py" line="47"/>
        <source>{0} model(s) removed</source>
        <translation>モデル削除 {0}件</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_import.py" line="48"/>
        <source>{0} date(s) moved</source>
        <translation>日付の変更 {0}件</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_import.py" line="49"/>
        <source>{0} other change(s)</source>
        <translation>その他の変更 {0}件</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_import.py" line="51"/>
        <source>no changes</source>
        <translation>変更なし</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_import.py" line="53"/>
        <source>{0}: the catalog of provider {1}. {2}.</source>
        <translation>{0}：プロバイダー {1} のカタログ。{2}。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_import.py" line="60"/>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_import.py" line="60"/>
        <source>Change</source>
        <translation>変更内容</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_import.py" line="60"/>
        <source>Field</source>
        <translation>項目</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_import.py" line="60"/>
        <source>Before</source>
        <translation>変更前</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_import.py" line="60"/>
        <source>After</source>
        <translation>変更後</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_import.py" line="83"/>
        <source>Applying stores this file in your data folder; it replaces the bundled prices of this provider, which stay the fallback. Your price overrides still apply on top.</source>
        <translation>適用すると、このファイルをデータフォルダーに保存し、このプロバイダーの同梱価格の代わりに使います（同梱カタログは予備として残ります）。価格の上書き設定は引き続きその上に適用されます。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_import.py" line="89"/>
        <source>Apply</source>
        <translation>適用</translation>
    </message>
</context>
<context>
    <name>CheckpointsModel</name>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_model.py" line="270"/>
        <source>Step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_model.py" line="271"/>
        <source>Train loss</source>
        <translation>学習損失</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_model.py" line="273"/>
        <source>Train accuracy</source>
        <translation>学習精度</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_model.py" line="276"/>
        <source>Valid loss</source>
        <translation>検証損失</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_model.py" line="277"/>
        <source>Checkpoint</source>
        <translation>チェックポイント</translation>
    </message>
</context>
<context>
    <name>DatasetPage</name>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="57"/>
        <source>Open dataset…</source>
        <translation>データセットを開く…</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="59"/>
        <source>Analyse again</source>
        <translation>再分析</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="71"/>
        <source>Model:</source>
        <translation>モデル:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="75"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="79"/>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="305"/>
        <source>Examples</source>
        <translation>学習例数</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="80"/>
        <source>Billed tokens / epoch</source>
        <translation>エポックあたり課金トークン数</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="81"/>
        <source>Epochs (auto)</source>
        <translation>エポック数（自動）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="82"/>
        <source>Charged tokens</source>
        <translation>課金トークン数</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="83"/>
        <source>Errors</source>
        <translation>エラー</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="84"/>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="115"/>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="91"/>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="92"/>
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="93"/>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="108"/>
        <source>Double-click a row to see the raw line</source>
        <translation>行をダブルクリックすると、元の行データを表示します</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="113"/>
        <source>Token histogram</source>
        <translation>トークン数ヒストグラム</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="114"/>
        <source>Validation issues</source>
        <translation>検証の問題</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="160"/>
        <source>Open dataset</source>
        <translation>データセットを開く</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="169"/>
        <source>The dataset was not changed: {0}</source>
        <translation>データセットは変更されていません: {0}</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="171"/>
        <source>Cannot open dataset</source>
        <translation>データセットを開けません</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="179"/>
        <source>No dataset open. Open a JSONL file or drop one here.</source>
        <translation>データセットが開かれていません。JSONL ファイルを開くか、ここにドロップしてください。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="181"/>
        <source>Dataset not found: {0} (it may have moved)</source>
        <translation>データセットが見つかりません: {0}（移動された可能性があります）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="197"/>
        <source>Analysing {0}…</source>
        <translation>{0} を分析しています…</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="75"/>
        <source>%p% — {0} lines</source>
        <translation>%p% — {0} 行</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="203"/>
        <source>Analysis stopped</source>
        <translation>分析を中止しました</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="208"/>
        <source>Analysed {0} examples ({1} errors)</source>
        <translation>{0} 件の学習例を分析しました（エラー {1} 件）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="215"/>
        <source>Cannot analyse dataset</source>
        <translation>データセットを分析できません</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="233"/>
        <source>No analysis yet</source>
        <translation>分析結果はまだありません</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="233"/>
        <source>Analysing…</source>
        <translation>分析しています…</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="239"/>
        <source>Valid examples, out of {0} non-blank lines; lines with errors are not counted</source>
        <translation>有効な学習例の数（空でない {0} 行のうち）。エラーのある行は数えません</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="247"/>
        <source>Σ min({0}, tokens) over the valid examples. Tokens per example: 3 per message + the tokens of every value + 1 per name + 3 for the reply</source>
        <translation>有効な学習例の Σ min({0}, トークン数)。学習例あたりのトークン数 = メッセージごとに 3 + 各値のトークン数 + name ごとに 1 + 応答用の 3</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="254"/>
        <source>OpenAI&apos;s default: 3; up to 25 for fewer than 34 examples; fewer for more than 8,333</source>
        <translation>OpenAI の既定値: 3。学習例が 34 件未満なら最大 25、8,333 件を超えると少なくなります</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="259"/>
        <source>Billed tokens per epoch × epochs: what training is charged for</source>
        <translation>エポックあたり課金トークン数 × エポック数（学習で課金される量）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="264"/>
        <source>Lines skipped because of an error; see Validation issues</source>
        <translation>エラーのため除外した行数。「検証の問題」タブを参照してください</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="267"/>
        <source>Dataset-level warnings; see the Warnings tab</source>
        <translation>データセット全体への警告。「警告」タブを参照してください</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="272"/>
        <source> — approximate for this model (±{0}%)</source>
        <translation> — このモデルでは概算値（±{0}%）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="275"/>
        <source>Format: {0}. Encoding: {1}{2}.</source>
        <translation>形式: {0}。エンコーディング: {1}{2}。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="281"/>
        <source>{0} examples exceed this model&apos;s limit of {1} tokens</source>
        <translation>{0} 件の学習例がこのモデルの上限（{1} トークン）を超えています</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="287"/>
        <source>  (lines {0})</source>
        <translation>  （{0} 行目）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="293"/>
        <source>No valid examples</source>
        <translation>有効な学習例がありません</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="304"/>
        <source>Tokens per example</source>
        <translation>学習例あたりのトークン数</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="319"/>
        <source>Line {0}</source>
        <translation>{0} 行目</translation>
    </message>
</context>
<context>
    <name>EstimateChart</name>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_chart.py" line="20"/>
        <source>No training cost to show yet</source>
        <translation>表示できる学習コストはまだありません</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_chart.py" line="34"/>
        <source>Training cost ({0})</source>
        <translation>学習コスト（{0}）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_chart.py" line="35"/>
        <source>Training cost per model</source>
        <translation>モデル別の学習コスト</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_chart.py" line="37"/>
        <source>Training cost: first {0} of {1} models (select rows to choose)</source>
        <translation>学習コスト: {1} モデル中、先頭の {0} モデル（行を選択して指定できます）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_chart.py" line="41"/>
        <source>  (light bars: approximate token counts)</source>
        <translation>  （薄い棒: トークン数が概算）</translation>
    </message>
</context>
<context>
    <name>EstimateColumns</name>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="62"/>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="65"/>
        <source>Provider</source>
        <translation>プロバイダー</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="67"/>
        <source>Method</source>
        <translation>手法</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="70"/>
        <source>Epochs</source>
        <translation>エポック数</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="71"/>
        <source>Charged
tokens</source>
        <translation>課金
トークン数</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="72"/>
        <source>Training
cost</source>
        <translation>学習
コスト</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="73"/>
        <source>Time
P10–P90</source>
        <translation>所要時間
P10–P90</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="74"/>
        <source>Inference
/ month</source>
        <translation>推論
／月</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="75"/>
        <source>Hosting
/ month</source>
        <translation>ホスティング
／月</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="76"/>
        <source>TCO
{0} months</source>
        <translation>TCO
{0} か月</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="77"/>
        <source>Token
counts</source>
        <translation>トークン数
精度</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="78"/>
        <source>Lifecycle</source>
        <translation>提供状況</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="83"/>
        <source>Tick a model to include it in the plan (and in the chart)</source>
        <translation>チェックを入れたモデルがプランに含まれます（グラフにも表示されます）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="84"/>
        <source>Provider of the fine-tuning service</source>
        <translation>ファインチューニングサービスのプロバイダー</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="85"/>
        <source>Training method estimated: SFT when offered, else the model&apos;s first method</source>
        <translation>見積もり対象の学習手法。SFT が提供されていれば SFT、なければモデルの最初の手法です</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="86"/>
        <source>Epochs trained; &apos;auto&apos; follows the provider&apos;s rule for the dataset size</source>
        <translation>学習するエポック数。「自動」はデータセットの規模に応じたプロバイダーの規則に従います</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="88"/>
        <source>Billed training tokens: Σ min(per-example limit, tokens) × epochs, plus validation tokens where the provider bills them</source>
        <translation>課金対象の学習トークン数: Σ min(学習例あたりの上限, トークン数) × エポック数。プロバイダーが課金する場合は検証トークンも加算します</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="91"/>
        <source>Charged tokens × price per 1M tokens, then the provider&apos;s per-job minimum and cap; per-hour (reinforcement) training needs the expected hours</source>
        <translation>課金トークン数 × 100 万トークンあたりの価格に、プロバイダーのジョブごとの最低料金と上限額を適用します。時間課金（強化学習）の学習には想定時間が必要です</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="94"/>
        <source>Likely training time: P10–P90 of the time model (overhead + trained tokens ÷ throughput, log-normal spread); queueing can add more</source>
        <translation>想定学習時間: 時間モデル（オーバーヘッド + 学習トークン数 ÷ スループット、対数正規分布のばらつき）の P10–P90。キュー待ちでさらに長くなる場合があります</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="97"/>
        <source>Requests × (input tokens × blended input price + output tokens × output price) ÷ 1M, blending cached/uncached input and standard/batch requests by their shares</source>
        <translation>リクエスト数 × (入力トークン数 × 加重平均入力価格 + 出力トークン数 × 出力価格) ÷ 100 万。キャッシュあり／なしの入力と、標準／バッチのリクエストは、それぞれの比率で加重平均します</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="100"/>
        <source>Hosting fee per deployed fine-tune: hourly fee × 730 hours a month, plus any monthly fee</source>
        <translation>デプロイしたファインチューニング済みモデルごとのホスティング料金: 時間料金 × 月 730 時間（月額料金がある場合はそれも加算）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="105"/>
        <source>Exact: the model&apos;s own tokenizer. ≈: a stand-in tokenizer, with the stated error band</source>
        <translation>正確: モデル固有のトークナイザーで計数。≈: 代替のトークナイザーで計数（誤差範囲を併記）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="107"/>
        <source>Whether new jobs can be created, coming retirement, and stale prices (older than 180 days)</source>
        <translation>新規ジョブの作成可否、今後の提供終了、古い価格（180 日超）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="119"/>
        <source>analysing…</source>
        <translation>分析中…</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="121"/>
        <source>no dataset</source>
        <translation>データセットなし</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="122"/>
        <source>not available</source>
        <translation>利用不可</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="126"/>
        <source>auto</source>
        <translation>自動</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="128"/>
        <source>{0} (auto)</source>
        <translation>{0}（自動）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="143"/>
        <source>unknown price</source>
        <translation>価格不明</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="146"/>
        <source>{0} / hour</source>
        <translation>{0}／時</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="153"/>
        <source>{0} min</source>
        <translation>{0} 分</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="153"/>
        <source>{0} h</source>
        <translation>{0} 時間</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="153"/>
        <source>{0} h {1} min</source>
        <translation>{0} 時間 {1} 分</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="165"/>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="173"/>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="167"/>
        <source>in hosting</source>
        <translation>ホスティングに含む</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="188"/>
        <source>provider {0}</source>
        <translation>プロバイダー: {0}</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="190"/>
        <source>closed since {0}</source>
        <translation>{0} に受付終了</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="192"/>
        <source>retired {0}</source>
        <translation>{0} に提供終了</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="194"/>
        <source>no fine-tuning offer</source>
        <translation>ファインチューニング提供なし</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="197"/>
        <source>retires on {0} (unconfirmed)</source>
        <translation>{0} に提供終了予定（未確認）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="198"/>
        <source>retires on {0}</source>
        <translation>{0} に提供終了予定</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="200"/>
        <source>stale price as of {0}</source>
        <translation>古い価格（{0} 時点）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="205"/>
        <source>open</source>
        <translation>受付中</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="210"/>
        <source>exact</source>
        <translation>正確</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="211"/>
        <source>≈ ±{0}</source>
        <translation>≈ ±{0}</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="219"/>
        <source>★ The model the plan goes with (see the Summary page).</source>
        <translation>★ この計画で採用するモデル（サマリーページを参照）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="229"/>
        <source>Offered: {0}</source>
        <translation>提供手法: {0}</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="231"/>
        <source>{0} per epoch × {1} epochs; {2} examples over the limit</source>
        <translation>エポックあたり {0} × {1} エポック。上限超過の学習例 {2} 件</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="235"/>
        <source>Approximate token counts: {0} to {1}</source>
        <translation>トークン数が概算のため: {0} ～ {1}</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="240"/>
        <source>Median (P50): {0}</source>
        <translation>中央値（P50）: {0}</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="243"/>
        <source>Running costs counted for {0} of {1} months</source>
        <translation>{1} か月のうち {0} か月分の運用コストを計上</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="248"/>
        <source>Incomplete: no published price for running the fine-tuned model</source>
        <translation>不完全：ファインチューニング済みモデルの運用価格が公表されていません</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="259"/>
        <source>New jobs until {0}</source>
        <translation>新規ジョブ受付期限: {0}</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="253"/>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="260"/>
        <source>Prices as of {0}</source>
        <translation>価格は {0} 時点</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="103"/>
        <source>Total cost of ownership: training + months × (inference + hosting); the months counted stop at the model&apos;s retirement date. ≥ marks a lower bound: the TCO is incomplete because no price for running the fine-tuned model is published</source>
        <translation>総保有コスト: 学習 + 月数 × (推論 + ホスティング)。計上する月数はモデルの提供終了日までです。≥ は下限値を示します（ファインチューニング済みモデルの運用価格が公表されていないため、TCOは不完全です）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="282"/>
        <source>Training cost, exact</source>
        <translation>学習コスト（丸めなし）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="283"/>
        <source>Training cost low, exact</source>
        <translation>学習コスト下限（丸めなし）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="284"/>
        <source>Training cost high, exact</source>
        <translation>学習コスト上限（丸めなし）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="285"/>
        <source>Inference / month, exact</source>
        <translation>推論／月（丸めなし）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="286"/>
        <source>Hosting / month, exact</source>
        <translation>ホスティング／月（丸めなし）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="287"/>
        <source>TCO, exact</source>
        <translation>TCO（丸めなし）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="291"/>
        <source>Included</source>
        <translation>プランに含む</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="291"/>
        <source>Key</source>
        <translation>キー</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="291"/>
        <source>Currency</source>
        <translation>通貨</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_table.py" line="296"/>
        <source>yes</source>
        <translation>はい</translation>
    </message>
</context>
<context>
    <name>EstimatePage</name>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate.py" line="126"/>
        <source>Show the models of one provider</source>
        <translation>特定のプロバイダーのモデルだけを表示します</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate.py" line="128"/>
        <source>Launchable only</source>
        <translation>新規ジョブ可能なモデルのみ</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate.py" line="129"/>
        <source>Hide models that cannot take new fine-tuning jobs today</source>
        <translation>現時点で新規のファインチューニングジョブを作成できないモデルを非表示にします</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate.py" line="132"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate.py" line="134"/>
        <source>Analyse again</source>
        <translation>再分析</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate.py" line="137"/>
        <source>Export CSV…</source>
        <translation>CSV をエクスポート…</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate.py" line="138"/>
        <source>Save the table as shown, plus exact amounts, as a CSV file</source>
        <translation>表示中の表に丸めなしの金額を加えて、CSV ファイルに保存します</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate.py" line="141"/>
        <source>Provider:</source>
        <translation>プロバイダー:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate.py" line="203"/>
        <source>All providers</source>
        <translation>すべてのプロバイダー</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate.py" line="230"/>
        <source>Open a dataset on the Dataset page to see estimates.</source>
        <translation>見積もりを表示するには、「データセット」ページでデータセットを開いてください。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate.py" line="232"/>
        <source>Dataset not found: {0}</source>
        <translation>データセットが見つかりません: {0}</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate.py" line="273"/>
        <source>No model matches the filters.</source>
        <translation>条件に一致するモデルがありません。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate.py" line="277"/>
        <source>Analysing the dataset for some tokenizers…</source>
        <translation>一部のトークナイザー向けにデータセットを分析しています…</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate.py" line="291"/>
        <source>≥ TCO incomplete for {0} of {1} models: no published price for running the fine-tuned model, so their TCO is a lower bound (hover a row&apos;s Inference or Hosting cell for the sources).</source>
        <translation>≥ {1}モデル中{0}モデルのTCOは不完全です。ファインチューニング済みモデルの運用価格が公表されていないため、TCOは下限です（出典は各行の推論・ホスティングのセルにカーソルを合わせると表示されます）。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate.py" line="295"/>
        <source>TCO complete for every model shown: training and running costs are all priced.</source>
        <translation>表示中のすべてのモデルのTCOは完全です（学習費用と運用費の価格がすべて判明）。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate.py" line="323"/>
        <source>Analysing {0} for {1}…</source>
        <translation>{1} 向けに {0} を分析しています…</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate.py" line="132"/>
        <source>%p% — {0} lines</source>
        <translation>%p% — {0} 行</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate.py" line="344"/>
        <source>Analysed {0} examples ({1})</source>
        <translation>{0} 件の学習例を分析しました（{1}）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate.py" line="352"/>
        <source>Cannot analyse dataset</source>
        <translation>データセットを分析できません</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate.py" line="357"/>
        <source>Analysis cancelled</source>
        <translation>分析はキャンセルされました</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate.py" line="359"/>
        <source>Analysis stopped</source>
        <translation>分析を中止しました</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate.py" line="390"/>
        <source>Export comparison</source>
        <translation>比較をエクスポート</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate.py" line="397"/>
        <source>Cannot export</source>
        <translation>エクスポートできません</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate.py" line="399"/>
        <source>Exported {0}</source>
        <translation>{0} をエクスポートしました</translation>
    </message>
</context>
<context>
    <name>ExportReportDialog</name>
    <message>
        <location filename="../../app/ftplanner/gui/report_export.py" line="52"/>
        <location filename="../../app/ftplanner/gui/report_export.py" line="126"/>
        <location filename="../../app/ftplanner/gui/report_export.py" line="134"/>
        <location filename="../../app/ftplanner/gui/report_export.py" line="139"/>
        <source>Export report</source>
        <translation>レポートを書き出す</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/report_export.py" line="54"/>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/report_export.py" line="64"/>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/report_export.py" line="65"/>
        <source>Letter</source>
        <translation>レター</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/report_export.py" line="66"/>
        <source>Model comparison as CSV</source>
        <translation>モデル比較（CSV）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/report_export.py" line="67"/>
        <source>Monthly cash flows (P10/P50/P90) as CSV</source>
        <translation>月次キャッシュフロー（P10/P50/P90、CSV）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/report_export.py" line="77"/>
        <source>PDF file:</source>
        <translation>PDF ファイル:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/report_export.py" line="78"/>
        <source>Language:</source>
        <translation>言語:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/report_export.py" line="79"/>
        <source>Page size:</source>
        <translation>用紙サイズ:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/report_export.py" line="80"/>
        <source>Also write:</source>
        <translation>あわせて書き出す:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/report_export.py" line="86"/>
        <source>Export</source>
        <translation>書き出す</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/report_export.py" line="114"/>
        <source>Type a file name for the PDF, e.g. {0}.</source>
        <translation>PDF のファイル名を入力してください（例: {0}）。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/report_export.py" line="119"/>
        <source>CSV files: {0}, {1}</source>
        <translation>CSV ファイル: {0}、{1}</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/report_export.py" line="126"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF ファイル (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/report_export.py" line="134"/>
        <source>Choose where to write the PDF.</source>
        <translation>PDF の保存先を選んでください。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/report_export.py" line="140"/>
        <source>The folder {0} does not exist.</source>
        <translation>フォルダー {0} がありません。</translation>
    </message>
</context>
<context>
    <name>ItemsTable</name>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_items.py" line="97"/>
        <source>Name</source>
        <translation>項目名</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_items.py" line="98"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_items.py" line="99"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_items.py" line="100"/>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_items.py" line="101"/>
        <source>Likely</source>
        <translation>最頻</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_items.py" line="102"/>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_items.py" line="105"/>
        <source>Ramp</source>
        <translation>立ち上がり</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_items.py" line="110"/>
        <source>One-off: paid once, in its month. Monthly: every month from its month to the horizon.</source>
        <translation>一時: 指定した月に 1 回だけ計上します。毎月: 指定した月から計画期間の終わりまで毎月計上します。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_items.py" line="113"/>
        <source>One-off: the month it is paid (0 = at the start; month 0 holds one-off costs at month 0). Monthly: the first month it runs (monthly items run months 1..horizon).</source>
        <translation>一時: 支払いが発生する月（0 = 開始時点。月 0 には月 0 の一時費用だけが入ります）。毎月: 計上を開始する月（毎月の項目は 1 か月目から計画期間の終わりまで計上されます）。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_items.py" line="116"/>
        <source>Low: the least it can plausibly be (three-point estimate).</source>
        <translation>低: 現実的に想定される最小値（三点見積もり）。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_items.py" line="118"/>
        <source>Likely: the most likely value. Deterministic results use the likely values.</source>
        <translation>最頻: 最も可能性の高い値。確定的な計算結果には最頻値を使用します。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_items.py" line="120"/>
        <source>High: the most it can plausibly be (three-point estimate).</source>
        <translation>高: 現実的に想定される最大値（三点見積もり）。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_items.py" line="122"/>
        <source>Ramp months: in month m of the line, it earns amount × min(1, m / ramp months); 0 = the full amount from the first month.</source>
        <translation>立ち上がり月数: この項目の m か月目の便益は 金額 × min(1, m / 立ち上がり月数) です。0 = 初月から全額。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_items.py" line="143"/>
        <source>Add benefit line</source>
        <translation>便益の行を追加</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_items.py" line="143"/>
        <source>Add cost line</source>
        <translation>コストの行を追加</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_items.py" line="145"/>
        <source>Remove line</source>
        <translation>行を削除</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_items.py" line="187"/>
        <source>one-off</source>
        <translation>一時</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_items.py" line="188"/>
        <source>monthly</source>
        <translation>毎月</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_items.py" line="241"/>
        <source>New benefit</source>
        <translation>新しい便益</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_items.py" line="241"/>
        <source>New cost</source>
        <translation>新しいコスト</translation>
    </message>
</context>
<context>
    <name>JobDetail</name>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_detail.py" line="275"/>
        <source>Estimated cost: {0} · Actual cost: {1} (×{2} the estimate, {3}) · Trained tokens: {4}</source>
        <translation>見積コスト: {0} · 実コスト: {1}（見積もりの ×{2}、{3}）· 学習トークン数: {4}</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_detail.py" line="293"/>
        <source>Steps: {0} / {1} ({2}%)</source>
        <translation>ステップ: {0} / {1} ({2}%)</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_detail.py" line="295"/>
        <source>Step {0}</source>
        <translation>ステップ {0}</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_detail.py" line="305"/>
        <source>Last checked: {0}</source>
        <translation>最終確認: {0}</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_detail.py" line="133"/>
        <location filename="../../app/ftplanner/gui/pages/jobs_detail.py" line="253"/>
        <source>Select a job to see its details.</source>
        <translation>ジョブを選択すると詳細が表示されます。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_detail.py" line="151"/>
        <location filename="../../app/ftplanner/gui/pages/jobs_detail.py" line="315"/>
        <source>not available yet</source>
        <translation>まだありません</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_detail.py" line="152"/>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_detail.py" line="154"/>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_detail.py" line="155"/>
        <source>Cancel job…</source>
        <translation>ジョブをキャンセル…</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_detail.py" line="156"/>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_detail.py" line="157"/>
        <source>Resume</source>
        <translation>再開</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_detail.py" line="173"/>
        <source>Fine-tuned model:</source>
        <translation>ファインチューニング済みモデル:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_detail.py" line="198"/>
        <source>Charts</source>
        <translation>グラフ</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_detail.py" line="199"/>
        <source>Status timeline</source>
        <translation>ステータス履歴</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_detail.py" line="200"/>
        <source>Events</source>
        <translation>イベント</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_detail.py" line="201"/>
        <source>Checkpoints</source>
        <translation>チェックポイント</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_detail.py" line="246"/>
        <source>This job was not launched from FT Planner.</source>
        <translation>このジョブは FT Planner から開始されたものではありません。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_detail.py" line="263"/>
        <location filename="../../app/ftplanner/gui/pages/jobs_detail.py" line="264"/>
        <source>No job selected</source>
        <translation>ジョブが選択されていません</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_detail.py" line="270"/>
        <source>{0} — {1} — {2}</source>
        <translation>{0} — {1} — {2}</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_detail.py" line="278"/>
        <source>Provider&apos;s estimate: {0}</source>
        <translation>プロバイダーの見積り: {0}</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_detail.py" line="288"/>
        <source>Progress: {0}%</source>
        <translation>進捗: {0}%</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_detail.py" line="290"/>
        <source>Progress: {0}% (epoch {1})</source>
        <translation>進捗: {0}%（エポック {1}）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_detail.py" line="300"/>
        <source>not known yet</source>
        <translation>未定</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_detail.py" line="299"/>
        <source>Estimated finish: {0}</source>
        <translation>完了予定: {0}</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_detail.py" line="304"/>
        <source>Finished: {0}</source>
        <translation>完了: {0}</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_detail.py" line="313"/>
        <source>none of its own: deploy one of its checkpoints (see Checkpoints)</source>
        <translation>このジョブ自体のモデルはありません: チェックポイントの一つをデプロイしてください（チェックポイント参照）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_detail.py" line="338"/>
        <source>Loss</source>
        <translation>損失</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_detail.py" line="339"/>
        <source>Accuracy</source>
        <translation>精度</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_detail.py" line="343"/>
        <source>{0}: no metrics yet</source>
        <translation>{0}: 指標はまだありません</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_detail.py" line="348"/>
        <source>training</source>
        <translation>学習</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_detail.py" line="349"/>
        <source>validation</source>
        <translation>検証</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_detail.py" line="355"/>
        <source> (checkpoints)</source>
        <translation>（チェックポイント）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_detail.py" line="357"/>
        <source>Step</source>
        <translation>ステップ</translation>
    </message>
</context>
<context>
    <name>JobStatus</name>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_model.py" line="39"/>
        <source>validating</source>
        <translation>検証中</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_model.py" line="40"/>
        <source>queued</source>
        <translation>待機中</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_model.py" line="41"/>
        <source>running</source>
        <translation>実行中</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_model.py" line="42"/>
        <source>paused</source>
        <translation>一時停止中</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_model.py" line="43"/>
        <source>succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_model.py" line="44"/>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_model.py" line="45"/>
        <source>cancelled</source>
        <translation>キャンセル済み</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_model.py" line="46"/>
        <source>pending</source>
        <translation>保留中</translation>
    </message>
</context>
<context>
    <name>JobsModel</name>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_model.py" line="190"/>
        <source>Actual vs estimate</source>
        <translation>実績 / 見積もり</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_model.py" line="207"/>
        <source>Launch of {0}</source>
        <translation>{0} の起動</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_model.py" line="229"/>
        <source>Actual cost against the estimate: {0} times it ({1})</source>
        <translation>見積もりに対する実コスト: {0} 倍 ({1})</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_model.py" line="88"/>
        <source>{0} over the estimate: {1} tokens trained against {2} estimated, at {3} per 1M tokens.</source>
        <translation>見積もりを {0} 超過: 学習トークン数 {1} (見積もり {2})、単価 100 万トークンあたり {3}。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_model.py" line="192"/>
        <source>Last checked</source>
        <translation>最終確認</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_model.py" line="185"/>
        <source>Job</source>
        <translation>ジョブ</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_model.py" line="120"/>
        <source>uploaded as {0}</source>
        <translation>{0} としてアップロード済み</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_model.py" line="121"/>
        <source>not uploaded</source>
        <translation>未アップロード</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_model.py" line="127"/>
        <source>Launch {0} on profile {1}: {2}, {3} ({4}), since {5}. It is not known whether the provider created its job: Check pending launches finds out.</source>
        <translation>プロファイル {1} の起動 {0}: {2}、{3} ({4})、{5} から。プロバイダーがジョブを作成したかどうかは不明です。「保留中の起動を確認」で確かめられます。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_model.py" line="186"/>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_model.py" line="187"/>
        <source>Status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_model.py" line="188"/>
        <source>Created</source>
        <translation>作成日時</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_model.py" line="189"/>
        <source>Estimate</source>
        <translation>見積もり</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_model.py" line="191"/>
        <source>Fine-tuned model</source>
        <translation>学習済みモデル</translation>
    </message>
</context>
<context>
    <name>JobsPage</name>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="627"/>
        <source>Profile {0} has no API key (a key kept for one session is gone after a restart).</source>
        <translation>プロファイル {0} に API キーがありません (セッション限りのキーは再起動で消えます)。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="630"/>
        <source>profile {0} has no API key.</source>
        <translation>プロファイル {0} に API キーがありません。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="313"/>
        <source>Job {0} has ended: {1}.</source>
        <translation>ジョブ {0} が終了しました: {1}。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="194"/>
        <source>Dismiss</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="170"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="267"/>
        <source>Provider profiles</source>
        <translation>プロバイダープロファイル</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="269"/>
        <source>Launch a fine-tune</source>
        <translation>ファインチューニングを開始</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="284"/>
        <source>Jobs</source>
        <translation>ジョブ</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="289"/>
        <source>Selected job</source>
        <translation>選択中のジョブ</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="405"/>
        <source>Pending launches: {0}. It is not known whether the provider created their job; a new launch on the same profile checks them first.</source>
        <translation>保留中の起動: {0} 件。プロバイダーがジョブを作成したかどうかは不明です。同じプロファイルで新たに起動すると、先にこれらを確認します。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="511"/>
        <source>Found the job of an interrupted launch: {0}</source>
        <translation>中断された開始処理のジョブが見つかりました: {0}</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="515"/>
        <source>Tracking problem: {0}</source>
        <translation>追跡中の問題: {0}</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="543"/>
        <source>Checking {0}…</source>
        <translation>{0} を確認しています…</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="562"/>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="563"/>
        <source>Not launched: {0}</source>
        <translation>開始しませんでした: {0}</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="564"/>
        <source>Launch refused</source>
        <translation>開始を拒否しました</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="612"/>
        <source>Launch cancelled; nothing was uploaded.</source>
        <translation>開始を取り消しました。何もアップロードされていません。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="493"/>
        <source>Launched job {0} ({1}); tracking it.</source>
        <translation>ジョブ {0}（{1}）を開始しました。追跡しています。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="203"/>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="415"/>
        <source>Check pending launches</source>
        <translation>保留中の起動を確認</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="206"/>
        <source>Ask the provider whether each pending launch created its job: a job found is attached and tracked; a launch without one is closed and its uploaded file deleted.</source>
        <translation>保留中の各起動についてジョブが作成されたかをプロバイダーに問い合わせます。見つかったジョブは関連付けて追跡し、ジョブのない起動は終了してアップロード済みファイルを削除します。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="241"/>
        <source>Could not check pending launches: {0}</source>
        <translation>保留中の起動を確認できませんでした: {0}</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="415"/>
        <source>Checking…</source>
        <translation>確認中…</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="424"/>
        <source>Checking pending launches with the provider…</source>
        <translation>保留中の起動をプロバイダーに確認しています…</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="430"/>
        <source>launch {0}: attached job {1} ({2})</source>
        <translation>起動 {0}: ジョブ {1} を関連付けました ({2})</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="434"/>
        <source>launch {0}: {1}</source>
        <translation>起動 {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="434"/>
        <source>no job was created</source>
        <translation>ジョブは作成されていません</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="438"/>
        <source>launch {0}: could not check, it stays pending ({1})</source>
        <translation>起動 {0}: 確認できなかったため保留のままです ({1})</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="442"/>
        <source>No pending launches.</source>
        <translation>保留中の起動はありません。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="445"/>
        <source>Pending launches checked: {0}</source>
        <translation>保留中の起動を確認しました: {0}</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="466"/>
        <source>Pending launch of {0} on profile {1}</source>
        <translation>プロファイル {1} の保留中の起動: {0}</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="472"/>
        <source>Since {0}, {1}; Check pending launches finds out whether its job exists.</source>
        <translation>{0} から、{1}。「保留中の起動を確認」でジョブがあるかどうかを確かめられます。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="576"/>
        <source>{0} sends a W&amp;B API key with the job, and none is set.</source>
        <translation>{0} ではジョブと一緒に W&amp;B の API キーを送信しますが、まだ設定されていません。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="580"/>
        <source>W&amp;B project {0}: no W&amp;B API key.</source>
        <translation>W&amp;B プロジェクト {0}: W&amp;B の API キーがありません。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="585"/>
        <source>project {0}</source>
        <translation>プロジェクト {0}</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="585"/>
        <source>not logged</source>
        <translation>記録しない</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="598"/>
        <source>in the system keyring</source>
        <translation>システムのキーリングに保存</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="598"/>
        <source>for this session only</source>
        <translation>このセッションのみ</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="599"/>
        <source>W&amp;B API key set ({0}).</source>
        <translation>W&amp;B の API キーを設定しました ({0})。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="677"/>
        <source>Launching {0}…</source>
        <translation>{0} を開始しています…</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="682"/>
        <source>Checking the data… %p%</source>
        <translation>データを確認中… %p%</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="683"/>
        <source>Uploading the training file… %p%</source>
        <translation>学習ファイルをアップロード中… %p%</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="684"/>
        <source>Uploading the validation file… %p%</source>
        <translation>検証ファイルをアップロード中… %p%</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="685"/>
        <source>Creating the job…</source>
        <translation>ジョブを作成中…</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="696"/>
        <source>Launch stopped; no job was created.</source>
        <translation>開始を中止しました。ジョブは作成されていません。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="703"/>
        <source>Cancel job</source>
        <translation>ジョブのキャンセル</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="704"/>
        <source>Cancel job {0} at the provider? Training stops and cannot be resumed.</source>
        <translation>プロバイダーでジョブ {0} をキャンセルしますか？学習は停止し、再開できません。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="732"/>
        <source>Sending {0} for {1}…</source>
        <translation>{1} に{0}を送信しています…</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="736"/>
        <source>cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="736"/>
        <source>pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="736"/>
        <source>resume</source>
        <translation>再開</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="740"/>
        <source>Job {0} is {1}.</source>
        <translation>ジョブ {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="745"/>
        <source>Could not {0} the job: {1}</source>
        <translation>ジョブの{0}に失敗しました: {1}</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="755"/>
        <source>The provider estimates {0} for this job; our estimate is {1}{2}. Create the job?</source>
        <translation>プロバイダーの見積りはこのジョブで {0}、こちらの見積りは {1}{2} です。ジョブを作成しますか？</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="759"/>
        <source> ({0:+.1f}% vs ours)</source>
        <translation>（こちらの見積り比 {0:+.1f}%）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs.py" line="761"/>
        <source>Provider&apos;s estimate</source>
        <translation>プロバイダーの見積り</translation>
    </message>
</context>
<context>
    <name>KeyDialog</name>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_dialogs.py" line="197"/>
        <source>API key of {0}</source>
        <translation>{0} の API キー</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_dialogs.py" line="204"/>
        <source>paste the API key</source>
        <translation>API キーを貼り付け</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_dialogs.py" line="215"/>
        <source>API key:</source>
        <translation>API キー:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_dialogs.py" line="228"/>
        <source>Enter the API key, or Cancel.</source>
        <translation>API キーを入力するか、キャンセルしてください。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_charts.py" line="40"/>
        <source>never</source>
        <translation>回収なし</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_charts.py" line="40"/>
        <source>month {0}</source>
        <translation>{0} か月目</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_charts.py" line="44"/>
        <location filename="../../app/ftplanner/gui/pages/roi_charts.py" line="52"/>
        <source>{0} %</source>
        <translation>{0}%</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_charts.py" line="49"/>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_charts.py" line="51"/>
        <source>above 1,000 %</source>
        <translation>1,000% 超</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_charts.py" line="56"/>
        <source>Prompt engineering</source>
        <translation>プロンプトエンジニアリング</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_charts.py" line="57"/>
        <source>RAG</source>
        <translation>RAG</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_charts.py" line="58"/>
        <source>Fine-tuning</source>
        <translation>ファインチューニング</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_charts.py" line="64"/>
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_charts.py" line="65"/>
        <source>medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_charts.py" line="66"/>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_charts.py" line="67"/>
        <source>highest</source>
        <translation>最高</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_charts.py" line="68"/>
        <source>easy</source>
        <translation>容易</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_charts.py" line="69"/>
        <source>complex</source>
        <translation>複雑</translation>
    </message>
</context>
<context>
    <name>LaunchConfirmDialog</name>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_dialogs.py" line="242"/>
        <source>Launch fine-tune?</source>
        <translation>ファインチューニングを開始しますか？</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_dialogs.py" line="258"/>
        <source>Model:</source>
        <translation>モデル:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_dialogs.py" line="259"/>
        <source>Profile:</source>
        <translation>プロファイル:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_dialogs.py" line="260"/>
        <source>Method:</source>
        <translation>手法:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_dialogs.py" line="260"/>
        <source>supervised</source>
        <translation>教師あり</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_dialogs.py" line="263"/>
        <source>Training file:</source>
        <translation>学習ファイル:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_dialogs.py" line="264"/>
        <source>{0} ({1} examples, {2} tokens)</source>
        <translation>{0}（学習例 {1} 件、{2} トークン）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_dialogs.py" line="271"/>
        <source>Validation file:</source>
        <translation>検証ファイル:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_dialogs.py" line="272"/>
        <source>{0} ({1} examples)</source>
        <translation>{0}（学習例 {1} 件）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_dialogs.py" line="276"/>
        <source>{0} (auto)</source>
        <translation>{0}（自動）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_dialogs.py" line="277"/>
        <source>Epochs:</source>
        <translation>エポック数:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_dialogs.py" line="278"/>
        <source>Charged tokens:</source>
        <translation>課金トークン数:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_dialogs.py" line="279"/>
        <source>Estimated cost:</source>
        <translation>見積コスト:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_dialogs.py" line="282"/>
        <source>Estimated time (P10–P90):</source>
        <translation>見積時間（P10–P90）:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_dialogs.py" line="287"/>
        <source>Budget cap:</source>
        <translation>予算上限:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_dialogs.py" line="288"/>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_dialogs.py" line="291"/>
        <source>Weights &amp;&amp; Biases:</source>
        <translation>Weights &amp;&amp; Biases:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_dialogs.py" line="295"/>
        <source>Warnings:</source>
        <translation>警告:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_dialogs.py" line="302"/>
        <source>The files are uploaded and the job is created when you press Launch.</source>
        <translation>「開始」を押すとファイルがアップロードされ、ジョブが作成されます。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_dialogs.py" line="306"/>
        <source>Launch</source>
        <translation>開始</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_dialogs.py" line="314"/>
        <source>{0} min</source>
        <translation>{0} 分</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_dialogs.py" line="314"/>
        <source>{0} h</source>
        <translation>{0} 時間</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_dialogs.py" line="314"/>
        <source>{0} h {1} min</source>
        <translation>{0} 時間 {1} 分</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_dialogs.py" line="319"/>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
</context>
<context>
    <name>LaunchForm</name>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_launch.py" line="67"/>
        <source>JSONL training file</source>
        <translation>JSONL 学習ファイル</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_launch.py" line="69"/>
        <location filename="../../app/ftplanner/gui/pages/jobs_launch.py" line="81"/>
        <source>optional</source>
        <translation>任意</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_launch.py" line="77"/>
        <location filename="../../app/ftplanner/gui/pages/jobs_launch.py" line="87"/>
        <location filename="../../app/ftplanner/gui/pages/jobs_launch.py" line="103"/>
        <location filename="../../app/ftplanner/gui/pages/jobs_launch.py" line="107"/>
        <source>auto</source>
        <translation>自動</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_launch.py" line="79"/>
        <source>optional, e.g. support-bot</source>
        <translation>任意（例: support-bot）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_launch.py" line="83"/>
        <source>supervised</source>
        <translation>教師あり</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_launch.py" line="89"/>
        <source>auto, e.g. 1.8</source>
        <translation>自動（例: 1.8）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_launch.py" line="90"/>
        <source>Learning-rate multiplier (Together: × its default rate)</source>
        <translation>学習率の倍率（Together では既定の学習率に掛けます）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_launch.py" line="92"/>
        <source>auto (DPO only)</source>
        <translation>自動（DPO のみ）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_launch.py" line="98"/>
        <source>provider&apos;s default</source>
        <translation>プロバイダーの既定</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_launch.py" line="99"/>
        <source>LoRA</source>
        <translation>LoRA</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_launch.py" line="100"/>
        <source>full fine-tuning</source>
        <translation>フルファインチューニング</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_launch.py" line="108"/>
        <source>The longest example trained on, in tokens</source>
        <translation>学習する例の最大長（トークン）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_launch.py" line="110"/>
        <source>no cap</source>
        <translation>上限なし</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_launch.py" line="112"/>
        <source>optional: log the run to Weights &amp; Biases</source>
        <translation>任意: 学習を Weights &amp; Biases に記録</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_launch.py" line="115"/>
        <source>OpenAI and Azure log with the W&amp;B key registered in the organisation&apos;s settings; Together sends the W&amp;B key kept in the system keyring (asked for at the first launch).</source>
        <translation>OpenAI と Azure は組織の設定に登録された W&amp;B キーで記録します。Together はシステムのキーリングに保存した W&amp;B キーを送信します (最初の起動時に入力を求めます)。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_launch.py" line="119"/>
        <source>Review and launch…</source>
        <translation>確認して開始…</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_launch.py" line="129"/>
        <source>Training file:</source>
        <translation>学習ファイル:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_launch.py" line="130"/>
        <source>Validation file:</source>
        <translation>検証ファイル:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_launch.py" line="131"/>
        <source>Model:</source>
        <translation>モデル:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_launch.py" line="132"/>
        <source>Method:</source>
        <translation>手法:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_launch.py" line="133"/>
        <source>Profile:</source>
        <translation>プロファイル:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_launch.py" line="134"/>
        <source>Epochs:</source>
        <translation>エポック数:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_launch.py" line="135"/>
        <source>Batch size:</source>
        <translation>バッチサイズ:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_launch.py" line="136"/>
        <source>LR multiplier:</source>
        <translation>学習率倍率:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_launch.py" line="137"/>
        <source>DPO beta:</source>
        <translation>DPO ベータ:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_launch.py" line="138"/>
        <source>Training type:</source>
        <translation>学習の種類:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_launch.py" line="139"/>
        <source>LoRA rank:</source>
        <translation>LoRA ランク:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_launch.py" line="140"/>
        <source>Context length:</source>
        <translation>コンテキスト長:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_launch.py" line="150"/>
        <source>Suffix:</source>
        <extracomment>The option each launch-option widget sets; a row shows when the profile&apos;s kind takes it.</extracomment>
        <translation>サフィックス:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_launch.py" line="151"/>
        <source>Seed:</source>
        <translation>シード:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_launch.py" line="152"/>
        <source>Budget cap (USD):</source>
        <translation>予算上限（USD）:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_launch.py" line="153"/>
        <source>W&amp;&amp;B project:</source>
        <translation>W&amp;&amp;B プロジェクト:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_launch.py" line="172"/>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_launch.py" line="179"/>
        <source>Choose a data file</source>
        <translation>データファイルを選択</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_launch.py" line="207"/>
        <source>closed</source>
        <translation>受付終了</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_launch.py" line="265"/>
        <source>DPO is not offered for this model.</source>
        <translation>このモデルでは DPO を利用できません。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_launch.py" line="284"/>
        <source>Choose a training file.</source>
        <translation>学習ファイルを選択してください。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_launch.py" line="286"/>
        <location filename="../../app/ftplanner/gui/pages/jobs_launch.py" line="289"/>
        <source>{0}: no such file</source>
        <translation>{0}: ファイルがありません</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_launch.py" line="291"/>
        <source>Choose a model.</source>
        <translation>モデルを選択してください。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_launch.py" line="293"/>
        <source>Add a provider profile first.</source>
        <translation>先にプロバイダープロファイルを追加してください。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_launch.py" line="298"/>
        <source>Seed: expected a whole number, got {0}</source>
        <translation>シード: 整数を入力してください（入力値: {0}）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_launch.py" line="303"/>
        <source>LR multiplier</source>
        <translation>学習率倍率</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_launch.py" line="304"/>
        <source>DPO beta</source>
        <translation>DPO ベータ</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_launch.py" line="317"/>
        <source>budget cap</source>
        <translation>予算上限</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_launch.py" line="340"/>
        <source>{0}: expected a number above 0, got {1}</source>
        <translation>{0}: 0 より大きい数値を入力してください（入力値: {1}）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="122"/>
        <source>Loading the price catalog…</source>
        <translation>価格カタログを読み込んでいます…</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="123"/>
        <source>Setting up the charts…</source>
        <translation>グラフを準備しています…</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="124"/>
        <source>Building the pages…</source>
        <translation>ページを作成しています…</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="125"/>
        <source>Opening the plan…</source>
        <translation>プランを開いています…</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="145"/>
        <source>Summary</source>
        <translation>サマリー</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="147"/>
        <source>Dataset</source>
        <translation>データセット</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="189"/>
        <source>Estimate</source>
        <translation>見積もり</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="190"/>
        <source>ROI</source>
        <translation>ROI</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="191"/>
        <source>Pricing</source>
        <translation>価格</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="192"/>
        <source>Jobs</source>
        <translation>ジョブ</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="211"/>
        <source>{0} (Ctrl+{1})</source>
        <translation>{0}（Ctrl+{1}）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="232"/>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="243"/>
        <source>Damaged file</source>
        <translation>破損したファイル</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="245"/>
        <source>{0}

FT Planner never deletes or overwrites a damaged file: copy back what you need from the kept copy, then delete it.</source>
        <translation>{0}

FT Planner は破損したファイルを削除も上書きもしません。退避したコピーから必要な内容を戻してから、そのコピーを削除してください。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="259"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="260"/>
        <source>&amp;New plan</source>
        <translation>新規プラン(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="262"/>
        <source>&amp;Open plan…</source>
        <translation>プランを開く(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="264"/>
        <source>Open &amp;recent</source>
        <translation>最近使ったプラン(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="267"/>
        <source>Open &amp;dataset…</source>
        <translation>データセットを開く(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="270"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="271"/>
        <source>Save &amp;as…</source>
        <translation>名前を付けて保存(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="273"/>
        <source>&amp;Export report…</source>
        <translation>レポートを書き出す(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="275"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="278"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="279"/>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="281"/>
        <location filename="../../app/ftplanner/gui/main_window.py" line="290"/>
        <source>System</source>
        <translation>システム設定</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="287"/>
        <source>&amp;Theme</source>
        <translation>テーマ(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="291"/>
        <source>Light</source>
        <translation>ライト</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="292"/>
        <source>Dark</source>
        <translation>ダーク</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="299"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="300"/>
        <source>&amp;About FT Planner</source>
        <translation>FT Planner について(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="305"/>
        <source>The language changes the next time FT Planner starts.</source>
        <translation>言語の変更は、FT Planner の次回起動時に反映されます。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="317"/>
        <source>Theme applied.</source>
        <translation>テーマを適用しました。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="322"/>
        <source>About FT Planner</source>
        <translation>FT Planner について</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="324"/>
        <source>FT Planner {0}
Plan, price and track LLM fine-tunes, offline first.

Token counts for Llama 3.x models use the Llama 3 tokenizer, under the Llama 3.1 Community License (Copyright © Meta Platforms, Inc.). Built with Llama.</source>
        <translation>FT Planner {0}
LLM ファインチューニングの計画・費用見積り・追跡を、オフライン優先で。

Llama 3.x モデルのトークン数は Llama 3 トークナイザーで数えます（Llama 3.1 Community License、Copyright © Meta Platforms, Inc.）。Built with Llama.</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="335"/>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="358"/>
        <source>Sample plan</source>
        <translation>サンプルプラン</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="367"/>
        <source>Recover unsaved work?</source>
        <translation>未保存の作業を復元しますか？</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="368"/>
        <source>FT Planner did not close normally. Recover the plan autosaved at {0} ({1})?</source>
        <translation>FT Planner は正常に終了しませんでした。{0} に自動保存されたプラン（{1}）を復元しますか？</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="386"/>
        <source>Unsaved changes</source>
        <translation>未保存の変更</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="387"/>
        <source>Save the changes to {0}?</source>
        <translation>{0} への変更を保存しますか？</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="403"/>
        <source>Open plan</source>
        <translation>プランを開く</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="413"/>
        <source>Cannot open plan</source>
        <translation>プランを開けません</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="417"/>
        <source>The plan&apos;s dataset was not found: {0}. Open it again from the Dataset page.</source>
        <translation>プランのデータセットが見つかりません: {0}。「データセット」ページから開き直してください。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="428"/>
        <source>Save plan</source>
        <translation>プランを保存</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="440"/>
        <source>Cannot save plan</source>
        <translation>プランを保存できません</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="444"/>
        <source>Saved {0}</source>
        <translation>{0} を保存しました</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="456"/>
        <source>Autosave failed: {0}</source>
        <translation>自動保存に失敗しました: {0}</translation>
    </message>
</context>
<context>
    <name>ModelSection</name>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_model.py" line="33"/>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_model.py" line="43"/>
        <source>The catalog model to fine-tune. Its retirement date, last day for new jobs, and its inference and hosting prices at this plan&apos;s traffic come from the price catalog.</source>
        <translation>ファインチューニングするカタログ上のモデル。提供終了日、新規ジョブ受付期限、このプランのトラフィックでの推論・ホスティング価格は価格カタログから取得します。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_model.py" line="50"/>
        <source>Cost of one training run (low / likely / high), in the scenario currency.</source>
        <translation>1 回の学習実行のコスト（低／最頻／高）。シナリオの通貨で入力します。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_model.py" line="54"/>
        <source>never (train once)</source>
        <translation>なし（学習は 1 回のみ）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_model.py" line="55"/>
        <source> months</source>
        <translation> か月</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_model.py" line="58"/>
        <source>A training run at month 0 and every N months after it (0 = once). Runs on or after the retirement date, or after the last day for new jobs, are dropped.</source>
        <translation>月 0 に学習を実行し、以降 N か月ごとに再学習します（0 = 1 回のみ）。提供終了日以降、または新規ジョブ受付期限を過ぎた実行は除外されます。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_model.py" line="62"/>
        <source>Include inference and hosting</source>
        <translation>推論とホスティングを含める</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_model.py" line="65"/>
        <source>Monthly inference and hosting costs over months 1..horizon, from the catalog unless set below.</source>
        <translation>1 か月目から計画期間の終わりまでの、毎月の推論・ホスティングコスト。下で指定しない場合はカタログの値を使います。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_model.py" line="70"/>
        <source>catalog</source>
        <translation>カタログ</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_model.py" line="73"/>
        <source>Inference per month (low / likely / high). Leave empty to use the catalog at this plan&apos;s traffic.</source>
        <translation>月あたりの推論コスト（低／最頻／高）。空欄の場合は、このプランのトラフィックでのカタログ価格を使います。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_model.py" line="79"/>
        <source>One-off cost of moving to a successor, added in the month the model retires when that falls inside the horizon.</source>
        <translation>後継モデルへの移行にかかる一時費用。モデルの提供終了月が計画期間内にある場合、その月に計上します。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_model.py" line="91"/>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_model.py" line="91"/>
        <source>Likely</source>
        <translation>最頻</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_model.py" line="91"/>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_model.py" line="97"/>
        <source>Three-point estimates: low, likely and high. Deterministic results use the likely values.</source>
        <translation>三点見積もり（低・最頻・高）。確定的な計算結果には最頻値を使用します。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_model.py" line="100"/>
        <source>Catalog model</source>
        <translation>カタログのモデル</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_model.py" line="102"/>
        <source>Training per run</source>
        <translation>1 回あたりの学習</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_model.py" line="103"/>
        <source>Retrain every</source>
        <translation>再学習の間隔</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_model.py" line="105"/>
        <source>Inference / month</source>
        <translation>推論／月</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_model.py" line="106"/>
        <source>Migration</source>
        <translation>移行</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_model.py" line="122"/>
        <source>(no model)</source>
        <translation>（モデルなし）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_model.py" line="133"/>
        <source>{0} (not in the catalog)</source>
        <translation>{0}（カタログにありません）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_model.py" line="196"/>
        <source>low</source>
        <translation>下限</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_model.py" line="196"/>
        <source>likely</source>
        <translation>最頻</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_model.py" line="196"/>
        <source>high</source>
        <translation>上限</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_model.py" line="201"/>
        <source>Your override; clear the fields to use the estimate.</source>
        <translation>ユーザーによる上書きです。欄を空にすると見積もりの値を使います。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_model.py" line="202"/>
        <source>Empty: linked to the estimate.</source>
        <translation>空欄: 見積もりの値を使います。</translation>
    </message>
</context>
<context>
    <name>OverrideEditor</name>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_editor.py" line="47"/>
        <location filename="../../app/ftplanner/gui/pages/pricing_editor.py" line="119"/>
        <source>Override</source>
        <translation>上書き設定</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_editor.py" line="54"/>
        <source>Training (USD / 1M tokens):</source>
        <translation>学習（USD／100万トークン）:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_editor.py" line="55"/>
        <source>Training (USD / hour):</source>
        <translation>学習（USD／時）:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_editor.py" line="56"/>
        <source>Input (USD / 1M):</source>
        <translation>入力（USD／100万）:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_editor.py" line="57"/>
        <source>Cached input (USD / 1M):</source>
        <translation>キャッシュ入力（USD／100万）:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_editor.py" line="58"/>
        <source>Output (USD / 1M):</source>
        <translation>出力（USD／100万）:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_editor.py" line="59"/>
        <source>Hosting (USD / hour):</source>
        <translation>ホスティング（USD／時）:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_editor.py" line="60"/>
        <source>Max tokens / example:</source>
        <translation>学習例あたり最大トークン数:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_editor.py" line="61"/>
        <source>New jobs until:</source>
        <translation>新規ジョブ受付期限:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_editor.py" line="62"/>
        <source>Retires on:</source>
        <translation>提供終了日:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_editor.py" line="63"/>
        <source>Prices as of:</source>
        <translation>価格時点:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_editor.py" line="74"/>
        <source>not set</source>
        <translation>未設定</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_editor.py" line="83"/>
        <source>e.g. our enterprise agreement, 2026-11</source>
        <translation>例: 当社のエンタープライズ契約、2026-11</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_editor.py" line="85"/>
        <source>Source of the change:</source>
        <translation>変更の出典:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_editor.py" line="97"/>
        <source>Save override</source>
        <translation>上書き設定を保存</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_editor.py" line="99"/>
        <source>Remove override</source>
        <translation>上書き設定を削除</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_editor.py" line="126"/>
        <source>Override for {0} ({1})</source>
        <translation>{0}（{1}）の上書き設定</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_editor.py" line="130"/>
        <source>Sources: {0}</source>
        <translation>出典: {0}</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_editor.py" line="179"/>
        <source>Nothing changed.</source>
        <translation>変更はありません。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_editor.py" line="190"/>
        <source>Override saved for {0}</source>
        <translation>{0} の上書き設定を保存しました</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_editor.py" line="202"/>
        <source>Cannot remove override</source>
        <translation>上書き設定を削除できません</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_editor.py" line="206"/>
        <source>Override removed for {0}</source>
        <translation>{0} の上書き設定を削除しました</translation>
    </message>
</context>
<context>
    <name>PlanInputsBox</name>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_inputs.py" line="32"/>
        <source>Plan inputs</source>
        <translation>プランの入力条件</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_inputs.py" line="41"/>
        <source>auto</source>
        <translation>自動</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_inputs.py" line="43"/>
        <source>Training epochs; &apos;auto&apos; uses the provider&apos;s choice for the dataset size</source>
        <translation>学習のエポック数。「自動」の場合は、データセットの規模に応じてプロバイダーが決める値を使います</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_inputs.py" line="47"/>
        <source> months</source>
        <translation> か月</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_inputs.py" line="48"/>
        <source>Ownership horizon for the total cost of ownership</source>
        <translation>総保有コスト（TCO）を算出する保有期間</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_inputs.py" line="50"/>
        <source>Currency of all amounts; add exchange rates on the Pricing page</source>
        <translation>すべての金額の通貨。為替レートは「価格」ページで追加します</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_inputs.py" line="54"/>
        <source>Inference requests to the fine-tuned model per month</source>
        <translation>ファインチューニング済みモデルへの月間推論リクエスト数</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_inputs.py" line="58"/>
        <source>Average input (prompt) tokens per request</source>
        <translation>リクエストあたりの平均入力（プロンプト）トークン数</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_inputs.py" line="62"/>
        <source>Average output (completion) tokens per request</source>
        <translation>リクエストあたりの平均出力（生成）トークン数</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_inputs.py" line="69"/>
        <source>Share of input tokens served from the prompt cache (0–1)</source>
        <translation>プロンプトキャッシュから処理される入力トークンの割合（0～1）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_inputs.py" line="70"/>
        <source>Share of requests sent through the batch API (0–1)</source>
        <translation>バッチ API 経由で送信するリクエストの割合（0～1）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_inputs.py" line="95"/>
        <source>&amp;Epochs:</source>
        <translation>エポック数(&amp;E):</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_inputs.py" line="96"/>
        <source>Mont&amp;hs:</source>
        <translation>月数(&amp;H):</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_inputs.py" line="97"/>
        <source>C&amp;urrency:</source>
        <translation>通貨(&amp;U):</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_inputs.py" line="99"/>
        <source>&amp;Requests / month:</source>
        <translation>月間リクエスト数(&amp;R):</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_inputs.py" line="100"/>
        <source>&amp;Input tokens:</source>
        <translation>入力トークン数(&amp;I):</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_inputs.py" line="101"/>
        <source>&amp;Output tokens:</source>
        <translation>出力トークン数(&amp;O):</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_inputs.py" line="102"/>
        <source>Cac&amp;hed share:</source>
        <translation>キャッシュ比率(&amp;H):</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_inputs.py" line="103"/>
        <source>&amp;Batch share:</source>
        <translation>バッチ比率(&amp;B):</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_inputs.py" line="144"/>
        <source>{0} (no rate)</source>
        <translation>{0}（レート未設定）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_inputs.py" line="164"/>
        <source>Unknown currency {0}: amounts are shown in USD.</source>
        <translation>不明な通貨 {0}: 金額は USD で表示しています。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_inputs.py" line="171"/>
        <source>No exchange rate for {0}: amounts are shown in USD. Set a rate on the Pricing page.</source>
        <translation>{0} の為替レートがないため、金額は USD で表示しています。「価格」ページでレートを設定してください。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_inputs.py" line="177"/>
        <source>Catalog prices are in USD.</source>
        <translation>カタログ価格は USD 建てです。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_inputs.py" line="181"/>
        <source>{0} {1} per USD (set {2})</source>
        <translation>1 USD = {0} {1}（{2} 設定）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/estimate_inputs.py" line="185"/>
        <source> — older than 30 days</source>
        <translation> — 30 日以上前の設定</translation>
    </message>
</context>
<context>
    <name>PricingPage</name>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing.py" line="110"/>
        <source>Import overrides…</source>
        <translation>上書き設定をインポート…</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing.py" line="111"/>
        <source>Add the overrides of a TOML file to yours (checked first)</source>
        <translation>TOML ファイルの上書き設定を現在の設定に追加します（追加前に検証します）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing.py" line="113"/>
        <source>Export overrides…</source>
        <translation>上書き設定をエクスポート…</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing.py" line="114"/>
        <source>Save your overrides as a TOML file</source>
        <translation>上書き設定を TOML ファイルとして保存します</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing.py" line="116"/>
        <source>Import catalog…</source>
        <translation>カタログを取り込む…</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing.py" line="118"/>
        <source>Bring in a newer price catalog file (one provider): see what changes, then apply</source>
        <translation>新しい価格カタログファイル（1プロバイダー分）を取り込みます：変更点を確認してから適用</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing.py" line="121"/>
        <location filename="../../app/ftplanner/gui/pages/pricing.py" line="292"/>
        <source>Reset all to bundled</source>
        <translation>すべて同梱の価格に戻す</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing.py" line="122"/>
        <source>Remove every user override: the bundled catalog applies again</source>
        <translation>ユーザーの上書き設定をすべて削除し、同梱のカタログを再び適用します</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing.py" line="171"/>
        <source>{0} models · {1} with stale prices · {2} overridden</source>
        <translation>{0} モデル・古い価格 {1} 件・上書き設定 {2} 件</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing.py" line="186"/>
        <source>{0} problem(s) in the catalog or rates</source>
        <translation>カタログまたは為替レートの問題: {0} 件</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing.py" line="250"/>
        <source>Unsaved override</source>
        <translation>未保存の上書き</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing.py" line="251"/>
        <source>The override typed for {0} is not saved. Apply it before leaving?</source>
        <translation>{0} に入力した上書きは保存されていません。移動する前に適用しますか？</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing.py" line="293"/>
        <source>Remove all your price overrides? The bundled catalog will apply again.</source>
        <translation>価格の上書き設定をすべて削除しますか？同梱のカタログが再び適用されます。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing.py" line="301"/>
        <source>Cannot reset overrides</source>
        <translation>上書き設定をリセットできません</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing.py" line="305"/>
        <source>All overrides removed; bundled prices apply</source>
        <translation>すべての上書き設定を削除しました。同梱の価格が適用されます</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing.py" line="310"/>
        <source>Import overrides</source>
        <translation>上書き設定をインポート</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing.py" line="318"/>
        <location filename="../../app/ftplanner/gui/pages/pricing.py" line="323"/>
        <location filename="../../app/ftplanner/gui/pages/pricing.py" line="331"/>
        <source>Cannot import overrides</source>
        <translation>上書き設定をインポートできません</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing.py" line="324"/>
        <location filename="../../app/ftplanner/gui/pages/pricing.py" line="354"/>
        <source>Nothing was imported. Problems found:
{0}</source>
        <translation>インポートは行われませんでした。次の問題が見つかりました:
{0}</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing.py" line="335"/>
        <source>Imported {0} model override(s) from {1}</source>
        <translation>{1} から {0} モデル分の上書き設定をインポートしました</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing.py" line="342"/>
        <source>Import catalog</source>
        <translation>カタログの取り込み</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing.py" line="353"/>
        <location filename="../../app/ftplanner/gui/pages/pricing.py" line="358"/>
        <location filename="../../app/ftplanner/gui/pages/pricing.py" line="366"/>
        <source>Cannot import the catalog</source>
        <translation>カタログを取り込めません</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing.py" line="369"/>
        <source>Catalog of {0} imported from {1}</source>
        <translation>{1} から {0} のカタログを取り込みました</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing.py" line="374"/>
        <source>Export overrides</source>
        <translation>上書き設定をエクスポート</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing.py" line="382"/>
        <source>Cannot export overrides</source>
        <translation>上書き設定をエクスポートできません</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing.py" line="385"/>
        <source>Overrides exported to {0}</source>
        <translation>上書き設定を {0} にエクスポートしました</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_dialogs.py" line="63"/>
        <source>Edit provider profile</source>
        <translation>プロバイダープロファイルの編集</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_dialogs.py" line="95"/>
        <source>{0}:</source>
        <translation>{0}:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_dialogs.py" line="121"/>
        <source>leave empty to keep the current key</source>
        <translation>空欄のままなら現在のキーを使い続けます</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_dialogs.py" line="178"/>
        <source>A profile named {0} exists already: choose another name, or edit that one.</source>
        <translation>プロファイル {0} は既にあります。別の名前にするか、そのプロファイルを編集してください。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_dialogs.py" line="63"/>
        <source>Add provider profile</source>
        <translation>プロバイダープロファイルの追加</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_dialogs.py" line="66"/>
        <source>e.g. work-openai</source>
        <translation>例: work-openai</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_dialogs.py" line="77"/>
        <source>no cap</source>
        <translation>上限なし</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_dialogs.py" line="80"/>
        <source>leave empty to use the environment variable</source>
        <translation>空欄の場合は環境変数を使用</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_dialogs.py" line="36"/>
        <source>The key is stored in the system keyring.</source>
        <translation>キーはシステムのキーリングに保存されます。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_dialogs.py" line="38"/>
        <source>No usable system keyring: the key is kept for this session only.</source>
        <translation>使用できるシステムキーリングがありません。キーはこのセッションの間だけ保持されます。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_dialogs.py" line="88"/>
        <source>Name:</source>
        <translation>名前:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_dialogs.py" line="89"/>
        <source>Kind:</source>
        <translation>種類:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_dialogs.py" line="96"/>
        <source>Budget cap (USD):</source>
        <translation>予算上限（USD）:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_dialogs.py" line="97"/>
        <source>API key:</source>
        <translation>API キー:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_dialogs.py" line="134"/>
        <location filename="../../app/ftplanner/gui/pages/jobs_dialogs.py" line="141"/>
        <source>leave empty to use {0}</source>
        <translation>空欄の場合は {0} を使用</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_dialogs.py" line="141"/>
        <source>the endpoint&apos;s API key</source>
        <translation>エンドポイントの API キー</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_dialogs.py" line="158"/>
        <source>budget cap</source>
        <translation>予算上限</translation>
    </message>
</context>
<context>
    <name>ProfilesModel</name>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_model.py" line="149"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_model.py" line="150"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_model.py" line="151"/>
        <source>Key</source>
        <translation>キー</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_model.py" line="152"/>
        <source>Budget</source>
        <translation>予算</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_model.py" line="153"/>
        <source>Endpoint</source>
        <translation>エンドポイント</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_model.py" line="164"/>
        <source>stored</source>
        <translation>保存済み</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_model.py" line="166"/>
        <source>session only</source>
        <translation>セッションのみ</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_model.py" line="168"/>
        <source>from {0}</source>
        <translation>{0} から</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_model.py" line="170"/>
        <source>not needed</source>
        <translation>不要</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_model.py" line="171"/>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_model.py" line="177"/>
        <source>resource {0}</source>
        <translation>リソース {0}</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_model.py" line="178"/>
        <source>default</source>
        <translation>既定</translation>
    </message>
</context>
<context>
    <name>ProfilesPanel</name>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_profiles.py" line="87"/>
        <source>Edit…</source>
        <translation>編集…</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_profiles.py" line="89"/>
        <source>Set key…</source>
        <translation>キーを設定…</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_profiles.py" line="188"/>
        <source>Profile {0} updated.</source>
        <translation>プロファイル {0} を更新しました。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_profiles.py" line="195"/>
        <source>Its API key is in the system keyring.</source>
        <translation>API キーはシステムのキーリングにあります。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_profiles.py" line="196"/>
        <source>No usable system keyring: its API key is kept for this session only.</source>
        <translation>使えるシステムキーリングがないため、API キーはこのセッションの間だけ保持されます。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_profiles.py" line="219"/>
        <source>API key of {0} set.</source>
        <translation>{0} の API キーを設定しました。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_profiles.py" line="81"/>
        <source>Add…</source>
        <translation>追加…</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_profiles.py" line="83"/>
        <source>Test connection</source>
        <translation>接続テスト</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_profiles.py" line="85"/>
        <source>Remove…</source>
        <translation>削除…</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_profiles.py" line="157"/>
        <source>Profile {0} added. No usable system keyring: its API key is kept for this session only.</source>
        <translation>プロファイル {0} を追加しました。使用できるシステムキーリングがないため、API キーはこのセッションの間だけ保持されます。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_profiles.py" line="163"/>
        <source>Profile {0} added; its API key is in the system keyring.</source>
        <translation>プロファイル {0} を追加しました。API キーはシステムのキーリングに保存されています。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_profiles.py" line="167"/>
        <source>Profile {0} added without an API key.</source>
        <translation>プロファイル {0} を API キーなしで追加しました。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_profiles.py" line="229"/>
        <source>Remove profile</source>
        <translation>プロファイルの削除</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_profiles.py" line="231"/>
        <source>Remove profile {0} and its stored API key? Jobs launched with it stay in the list.</source>
        <translation>プロファイル {0} と保存済みの API キーを削除しますか？このプロファイルで開始したジョブは一覧に残ります。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_profiles.py" line="242"/>
        <source>Profile {0} removed.</source>
        <translation>プロファイル {0} を削除しました。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_profiles.py" line="255"/>
        <source>Testing the connection of {0}…</source>
        <translation>{0} の接続をテストしています…</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_profiles.py" line="259"/>
        <source>Connection OK: {0} answered.</source>
        <translation>接続 OK: {0} から応答がありました。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_profiles.py" line="262"/>
        <source>Connection failed for {0}: {1}</source>
        <translation>{0} への接続に失敗しました: {1}</translation>
    </message>
</context>
<context>
    <name>ProviderWords</name>
    <message>
        <location filename="../../app/ftplanner/gui/pages/provider_words.py" line="16"/>
        <source>OpenAI</source>
        <translation>OpenAI</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/provider_words.py" line="17"/>
        <source>Azure OpenAI</source>
        <translation>Azure OpenAI</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/provider_words.py" line="18"/>
        <source>OpenAI-compatible (base URL)</source>
        <translation>OpenAI 互換（ベース URL）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/provider_words.py" line="19"/>
        <source>OpenAI-compatible</source>
        <translation>OpenAI 互換</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/provider_words.py" line="20"/>
        <source>Together AI</source>
        <translation>Together AI</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/provider_words.py" line="21"/>
        <source>Base URL</source>
        <translation>ベース URL</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/provider_words.py" line="22"/>
        <source>https://…/v1/</source>
        <translation>https://…/v1/</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/provider_words.py" line="23"/>
        <source>Azure resource</source>
        <translation>Azure リソース</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/provider_words.py" line="24"/>
        <source>trainingType</source>
        <translation>trainingType</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/provider_words.py" line="25"/>
        <source>e.g. Standard, Global, Developer</source>
        <translation>例: Standard、Global、Developer</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/provider_words.py" line="26"/>
        <source>Key header</source>
        <translation>キーのヘッダー</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/provider_words.py" line="27"/>
        <source>Authorization</source>
        <translation>Authorization</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/provider_words.py" line="28"/>
        <source>Fireworks AI</source>
        <translation>Fireworks AI</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/provider_words.py" line="29"/>
        <source>https://api.fireworks.ai</source>
        <translation>https://api.fireworks.ai</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/provider_words.py" line="30"/>
        <source>Account ID</source>
        <translation>アカウント ID</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/provider_words.py" line="31"/>
        <source>The Fireworks account the datasets and jobs belong to (accounts/&lt;id&gt;/…)</source>
        <translation>データセットとジョブが属する Fireworks のアカウント（accounts/&lt;id&gt;/…）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/provider_words.py" line="34"/>
        <source>Nebius Token Factory</source>
        <translation>Nebius Token Factory</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/provider_words.py" line="35"/>
        <source>https://api.tokenfactory.nebius.com/v1/</source>
        <translation>https://api.tokenfactory.nebius.com/v1/</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/provider_words.py" line="36"/>
        <source>Google Vertex AI</source>
        <translation>Google Vertex AI</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/provider_words.py" line="37"/>
        <source>Vertex AI</source>
        <translation>Vertex AI</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/provider_words.py" line="38"/>
        <source>https://us-central1-aiplatform.googleapis.com/</source>
        <translation>https://us-central1-aiplatform.googleapis.com/</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/provider_words.py" line="39"/>
        <source>Project</source>
        <translation>プロジェクト</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/provider_words.py" line="40"/>
        <source>my-project</source>
        <translation>my-project</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/provider_words.py" line="41"/>
        <source>Location</source>
        <translation>ロケーション</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/provider_words.py" line="42"/>
        <source>us-central1</source>
        <translation>us-central1</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/provider_words.py" line="43"/>
        <source>Cloud Storage URI</source>
        <translation>Cloud Storage URI</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/provider_words.py" line="44"/>
        <source>gs://bucket/prefix</source>
        <translation>gs://bucket/prefix</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/provider_words.py" line="45"/>
        <source>where the converted training data is written</source>
        <translation>変換した学習データの書き込み先</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/provider_words.py" line="46"/>
        <source>Service-account key file</source>
        <translation>サービスアカウントのキーファイル</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/provider_words.py" line="47"/>
        <source>empty: Application Default Credentials</source>
        <translation>空欄: アプリケーションのデフォルト認証情報 (ADC)</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/provider_words.py" line="48"/>
        <source>the path is stored, never the key</source>
        <translation>保存されるのはパスのみで、キーは保存されません</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/provider_words.py" line="49"/>
        <source>Adapter size</source>
        <translation>アダプタサイズ</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/provider_words.py" line="50"/>
        <source>1, 2, 4, 8 or 16</source>
        <translation>1、2、4、8、16 のいずれか</translation>
    </message>
</context>
<context>
    <name>RatesBox</name>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_rates.py" line="36"/>
        <source>Exchange rates (units per 1 USD)</source>
        <translation>為替レート（1 USD あたりの通貨単位）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_rates.py" line="40"/>
        <source>Currency</source>
        <translation>通貨</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_rates.py" line="41"/>
        <source>Per USD</source>
        <translation>1 USD あたり</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_rates.py" line="42"/>
        <source>Set on</source>
        <translation>設定日</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_rates.py" line="62"/>
        <source>JPY</source>
        <translation>JPY</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_rates.py" line="65"/>
        <source>e.g. 152.3</source>
        <translation>例: 152.3</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_rates.py" line="72"/>
        <source>Set rate</source>
        <translation>レートを設定</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_rates.py" line="74"/>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_rates.py" line="80"/>
        <source>Currency:</source>
        <translation>通貨:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_rates.py" line="82"/>
        <source>Per USD:</source>
        <translation>1 USD あたり:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_rates.py" line="84"/>
        <source>Set on:</source>
        <translation>設定日:</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_rates.py" line="95"/>
        <source>{0} (older than 30 days)</source>
        <translation>{0}（30 日以上前）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_rates.py" line="124"/>
        <source>Exchange rate saved: {0} {1} per USD</source>
        <translation>為替レートを保存しました: 1 USD = {0} {1}</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_rates.py" line="137"/>
        <source>USD is the base currency; its rate is always 1</source>
        <translation>USD は基準通貨のため、レートは常に 1 です</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_rates.py" line="140"/>
        <source>No exchange rate for {0}</source>
        <translation>{0} の為替レートは設定されていません</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/pricing_rates.py" line="149"/>
        <source>Exchange rate removed: {0}</source>
        <translation>為替レートを削除しました: {0}</translation>
    </message>
</context>
<context>
    <name>ReportExporter</name>
    <message>
        <location filename="../../app/ftplanner/gui/report_export.py" line="229"/>
        <source>Writing the report…</source>
        <translation>レポートを作成しています…</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/report_export.py" line="229"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/report_export.py" line="231"/>
        <location filename="../../app/ftplanner/gui/report_export.py" line="253"/>
        <source>Export report</source>
        <translation>レポートを書き出す</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/report_export.py" line="254"/>
        <source>The report was not written: {0}</source>
        <translation>レポートを書き出せませんでした: {0}</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/report_export.py" line="262"/>
        <source>Report written: {0}</source>
        <translation>レポートを書き出しました: {0}</translation>
    </message>
</context>
<context>
    <name>RoiCharts</name>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_charts.py" line="84"/>
        <source>Cash flow</source>
        <translation>キャッシュフロー</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_charts.py" line="85"/>
        <source>NPV distribution</source>
        <translation>NPV の分布</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_charts.py" line="86"/>
        <source>What moves the NPV</source>
        <translation>NPV の変動要因</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_charts.py" line="87"/>
        <source>Approaches</source>
        <translation>アプローチ比較</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_charts.py" line="89"/>
        <source>Cumulative net cash by month: P10–P90 band of the draws and the median.</source>
        <translation>月別の累積純キャッシュフロー: 試行の P10–P90 の帯と中央値。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_charts.py" line="91"/>
        <source>How the NPV spreads over the Monte Carlo draws.</source>
        <translation>モンテカルロ試行における NPV のばらつき。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_charts.py" line="93"/>
        <source>Each uncertain input at its low and its high value, the others at likely.</source>
        <translation>不確実な入力を 1 つずつ低・高の値にし、それ以外を最頻値に固定した場合の NPV。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_charts.py" line="95"/>
        <source>Prompt engineering, RAG and fine-tuning on the same benefits.</source>
        <translation>同じ便益に対するプロンプトエンジニアリング、RAG、ファインチューニングの比較。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_charts.py" line="96"/>
        <source>Computing…</source>
        <translation>計算中…</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_charts.py" line="126"/>
        <source>P10–P90 of the draws</source>
        <translation>試行の P10–P90</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_charts.py" line="127"/>
        <source>Median (P50)</source>
        <translation>中央値（P50）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_charts.py" line="128"/>
        <source>Likely values</source>
        <translation>最頻値</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_charts.py" line="129"/>
        <source>Payback (likely): {0}</source>
        <translation>回収月（最頻）: {0}</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_charts.py" line="131"/>
        <source>Month of the plan</source>
        <translation>計画の月</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_charts.py" line="132"/>
        <source>Cumulative net cash ({0})</source>
        <translation>累積純キャッシュフロー（{0}）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_charts.py" line="146"/>
        <source>Likely NPV</source>
        <translation>NPV（最頻）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_charts.py" line="147"/>
        <source>P10 and P90</source>
        <translation>P10 と P90</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_charts.py" line="150"/>
        <source>NPV ({0})</source>
        <translation>NPV（{0}）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_charts.py" line="151"/>
        <source>Draws</source>
        <translation>試行回数</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_charts.py" line="153"/>
        <source>Chance NPV &gt; 0: {0} of {1} draws</source>
        <translation>NPV &gt; 0 の確率: {0}（試行回数 {1}）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_charts.py" line="167"/>
        <source>No uncertain inputs: every amount is fixed.</source>
        <translation>不確実な入力はありません。すべての金額が固定値です。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_charts.py" line="182"/>
        <source>Input at its low value</source>
        <translation>入力が低の場合</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_charts.py" line="183"/>
        <source>Input at its high value</source>
        <translation>入力が高の場合</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_charts.py" line="188"/>
        <source>NPV ({0}); the line is the likely NPV {1}</source>
        <translation>NPV（{0}）。縦線は NPV（最頻）{1} を示します</translation>
    </message>
</context>
<context>
    <name>RoiPage</name>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi.py" line="77"/>
        <source>Open scenario…</source>
        <translation>シナリオを開く…</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi.py" line="78"/>
        <source>Replace this plan&apos;s scenario with a scenario TOML file</source>
        <translation>このプランのシナリオを、シナリオ TOML ファイルの内容で置き換えます</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi.py" line="80"/>
        <source>Save scenario…</source>
        <translation>シナリオを保存…</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi.py" line="81"/>
        <source>Write this scenario to a TOML file (for `ftplanner roi`)</source>
        <translation>このシナリオを TOML ファイルに書き出します（`ftplanner roi` 用）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi.py" line="84"/>
        <source>Examples</source>
        <translation>サンプル</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi.py" line="91"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi.py" line="266"/>
        <source>Simulating {0} draws…</source>
        <translation>{0} 回の試行をシミュレーションしています…</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi.py" line="296"/>
        <source>ROI simulation stopped</source>
        <translation>ROI シミュレーションを中止しました</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi.py" line="303"/>
        <source>The figures below are from the last valid scenario.</source>
        <translation>以下の数値は、最後に有効だったシナリオのものです。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi.py" line="325"/>
        <source>Model: {0} (chosen by you); costs linked from its estimate.</source>
        <translation>モデル: {0}（ユーザーが選択）。費用はその見積もりから取られます。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi.py" line="327"/>
        <source>Model: {0} (recommended); costs linked from its estimate.</source>
        <translation>モデル: {0}（推奨）。費用はその見積もりから取られます。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi.py" line="329"/>
        <source>No model estimate to link: tick models on the Estimate page (with a dataset).</source>
        <translation>連携できるモデルの見積もりがありません。データセットを開き、見積もりページでモデルにチェックを入れてください。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi.py" line="331"/>
        <source>Training per run</source>
        <translation>1 回あたりの学習</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi.py" line="332"/>
        <source>Inference / month</source>
        <translation>推論／月</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi.py" line="333"/>
        <source>Hosting / month</source>
        <translation>ホスティング／月</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi.py" line="339"/>
        <source>{0}: {1} — your override (estimate: {2})</source>
        <translation>{0}: {1} — ユーザーによる上書き（見積もり: {2}）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi.py" line="343"/>
        <source>{0}: {1} — from the estimate</source>
        <translation>{0}: {1} — 見積もりから</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi.py" line="345"/>
        <source>{0}: {1} — from the scenario</source>
        <translation>{0}: {1} — シナリオから</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi.py" line="347"/>
        <source>{0}: from the catalog at the plan&apos;s traffic</source>
        <translation>{0}: 計画のトラフィックでのカタログ価格から</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi.py" line="349"/>
        <source>{0}: unknown</source>
        <translation>{0}: 不明</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi.py" line="361"/>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi.py" line="375"/>
        <source>ROI updated: NPV {0} (likely)</source>
        <translation>ROI を更新しました: NPV {0}（最頻）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi.py" line="379"/>
        <source>ROI scenarios (*.toml);;All files (*)</source>
        <translation>ROI シナリオ (*.toml);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi.py" line="383"/>
        <source>Open scenario</source>
        <translation>シナリオを開く</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi.py" line="394"/>
        <source>Cannot open scenario</source>
        <translation>シナリオを開けません</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi.py" line="398"/>
        <source>Opened scenario {0}</source>
        <translation>シナリオ {0} を開きました</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi.py" line="408"/>
        <location filename="../../app/ftplanner/gui/pages/roi.py" line="423"/>
        <source>Cannot save scenario</source>
        <translation>シナリオを保存できません</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi.py" line="408"/>
        <source>Fix the scenario first: {0}</source>
        <translation>先にシナリオを修正してください: {0}</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi.py" line="413"/>
        <source>Save scenario</source>
        <translation>シナリオを保存</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi.py" line="426"/>
        <source>Saved scenario to {0}</source>
        <translation>シナリオを {0} に保存しました</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi.py" line="430"/>
        <source>Loaded the {0} example</source>
        <translation>{0} のサンプルを読み込みました</translation>
    </message>
</context>
<context>
    <name>RoiResults</name>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_results.py" line="23"/>
        <source>NPV (likely)</source>
        <translation>NPV（最頻）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_results.py" line="24"/>
        <source>ROI (likely)</source>
        <translation>ROI（最頻）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_results.py" line="25"/>
        <source>IRR (annual)</source>
        <translation>IRR（年率）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_results.py" line="26"/>
        <source>Payback (likely)</source>
        <translation>回収月（最頻）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_results.py" line="27"/>
        <source>Chance ROI &gt; 0</source>
        <translation>ROI &gt; 0 の確率</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_results.py" line="40"/>
        <source>NPV = Σ_t net_t / (1 + r_m)^t for t = 0..horizon, with the monthly rate r_m = (1 + r)^(1/12) − 1. Deterministic results use the likely values; the range is P10–P90 of the Monte Carlo draws.</source>
        <translation>NPV = Σ_t net_t / (1 + r_m)^t（t = 0..計画期間）、月次割引率 r_m = (1 + r)^(1/12) − 1。確定的な計算結果には最頻値を使用し、範囲はモンテカルロ試行の P10–P90 です。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_results.py" line="44"/>
        <source>ROI % = (Σ benefits − Σ costs) / Σ costs × 100, undiscounted. Deterministic results use the likely values; the range is P10–P90 of the Monte Carlo draws.</source>
        <translation>ROI % = (Σ 便益 − Σ コスト) / Σ コスト × 100（割引なし）。確定的な計算結果には最頻値を使用し、範囲はモンテカルロ試行の P10–P90 です。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_results.py" line="48"/>
        <source>IRR: monthly IRR of net flows, annualised (1 + irr_m)^12 − 1; none when undefined. Deterministic results use the likely values.</source>
        <translation>IRR: 純キャッシュフローの月次 IRR を年率換算した値 (1 + irr_m)^12 − 1。算出できない場合は「なし」。確定的な計算結果には最頻値を使用します。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_results.py" line="52"/>
        <source>Payback month: first t with cumulative net ≥ 0 after at least one cost; none if never. Deterministic results use the likely values; the range is P10–P90 of the Monte Carlo draws.</source>
        <translation>回収月: コストが 1 回以上発生した後、累積純キャッシュフローが 0 以上になる最初の月 t。回収できない場合は「回収なし」。確定的な計算結果には最頻値を使用し、範囲はモンテカルロ試行の P10–P90 です。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_results.py" line="56"/>
        <source>Share of the Monte Carlo draws with ROI &gt; 0 (a draw without costs has no ROI). Below: the share with NPV &gt; 0 and the share that pays back within the horizon.</source>
        <translation>ROI &gt; 0 となったモンテカルロ試行の割合（コストのない試行には ROI がありません）。下段: NPV &gt; 0 となった割合と、計画期間内に投資回収できた割合。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_results.py" line="82"/>
        <source>P10–P90: {0} – {1}</source>
        <translation>P10–P90: {0} ～ {1}</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_results.py" line="94"/>
        <source>monthly: {0}</source>
        <translation>月次: {0}</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_results.py" line="105"/>
        <source>NPV &gt; 0: {0} · pays back: {1}</source>
        <translation>NPV &gt; 0: {0}・投資回収: {1}</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_results.py" line="111"/>
        <source>{0}: {1} months from {2}, discount {3} a year. Likely totals: cost {4}, benefit {5} (undiscounted). {6} draws, seed {7}.</source>
        <translation>{0}: {2} から {1} か月、割引率 年 {3}。最頻値の合計: コスト {4}、便益 {5}（割引なし）。試行回数 {6}、シード {7}。</translation>
    </message>
</context>
<context>
    <name>ScenarioEditor</name>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_editor.py" line="68"/>
        <source>(not set)</source>
        <translation>（未設定）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_editor.py" line="69"/>
        <source>Prompt engineering</source>
        <translation>プロンプトエンジニアリング</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_editor.py" line="70"/>
        <source>RAG</source>
        <translation>RAG</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_editor.py" line="71"/>
        <source>Fine-tuning</source>
        <translation>ファインチューニング</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_editor.py" line="76"/>
        <source>The approach this scenario describes. In the comparison its column uses the scenario as written; the others apply their own cost structure to the same benefits.</source>
        <translation>このシナリオが表すアプローチ。比較では、この列はシナリオをそのまま使い、他のアプローチは同じ便益にそれぞれのコスト構造を適用します。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_editor.py" line="85"/>
        <source>Currency of every amount (ISO code). Catalog prices are converted with your exchange rates.</source>
        <translation>すべての金額の通貨（ISO コード）。カタログ価格は設定済みの為替レートで換算されます。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_editor.py" line="91"/>
        <source>Month t of the plan starts on this day + t months.</source>
        <translation>計画の t か月目は、この日付の t か月後に始まります。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_editor.py" line="94"/>
        <source> months</source>
        <translation> か月</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_editor.py" line="97"/>
        <source>Months the plan covers. Month 0 holds one-off costs at month 0; monthly items run months 1..horizon.</source>
        <translation>計画の対象月数。月 0 には月 0 の一時費用だけが入り、毎月の項目は 1 か月目から計画期間の終わりまで計上されます。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_editor.py" line="102"/>
        <source>e.g. 8</source>
        <translation>例: 8</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_editor.py" line="105"/>
        <source>Annual discount rate r in percent (8 means 8 % a year). Monthly rate r_m = (1 + r)^(1/12) − 1; NPV = Σ_t net_t / (1 + r_m)^t for t = 0..horizon.</source>
        <translation>年間の割引率 r をパーセントで入力します（8 は年 8%）。月次割引率 r_m = (1 + r)^(1/12) − 1、NPV = Σ_t net_t / (1 + r_m)^t（t = 0..計画期間）。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_editor.py" line="110"/>
        <source>PERT</source>
        <translation>PERT</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_editor.py" line="111"/>
        <source>Triangular</source>
        <translation>三角分布</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_editor.py" line="114"/>
        <source>How the Monte Carlo draws a low / likely / high amount: PERT (a Beta on [low, high] with mode likely, weighted towards likely) or triangular.</source>
        <translation>低／最頻／高で指定した金額をモンテカルロで抽出する分布: PERT（[低, 高] 上で最頻値をモードとし、最頻値寄りに重み付けしたベータ分布）または三角分布。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_editor.py" line="123"/>
        <source>Monte Carlo draws. More draws give steadier P10 / P90 figures.</source>
        <translation>モンテカルロの試行回数。回数を増やすほど P10／P90 の値が安定します。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_editor.py" line="127"/>
        <source>Random seed: the same seed gives the same numbers.</source>
        <translation>乱数シード: 同じシードを使うと同じ結果になります。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_editor.py" line="129"/>
        <source>Scenario</source>
        <translation>シナリオ</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_editor.py" line="131"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_editor.py" line="133"/>
        <source>Approach</source>
        <translation>アプローチ</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_editor.py" line="136"/>
        <source>Start</source>
        <translation>開始日</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_editor.py" line="138"/>
        <source>Currency</source>
        <translation>通貨</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_editor.py" line="141"/>
        <source>Discount / year</source>
        <translation>割引率／年</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_editor.py" line="147"/>
        <source>Horizon</source>
        <translation>計画期間</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_editor.py" line="151"/>
        <source>Costs</source>
        <translation>コスト</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_editor.py" line="153"/>
        <source>Benefits</source>
        <translation>便益</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_editor.py" line="157"/>
        <source>Simulation</source>
        <translation>シミュレーション</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_editor.py" line="159"/>
        <source>Distribution</source>
        <translation>分布</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_editor.py" line="162"/>
        <source>Seed</source>
        <translation>シード</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/roi_editor.py" line="164"/>
        <source>Draws</source>
        <translation>試行回数</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="58"/>
        <source>The plan&apos;s name: the report&apos;s title</source>
        <translation>計画の名前（レポートのタイトルになります）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="61"/>
        <source>What is this plan for? (shown under the report&apos;s title)</source>
        <translation>この計画の目的は？（レポートのタイトルの下に表示されます）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="65"/>
        <source>Plan</source>
        <translation>計画</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="67"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="68"/>
        <source>Description</source>
        <translation>説明</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="86"/>
        <source>The model the plan goes with: the recommendation (the cheapest launchable model that fits the per-example limit and is served through the plan&apos;s horizon), or one you choose.</source>
        <translation>この計画で採用するモデル: 推奨（起動可能で、1 例あたりの上限に収まり、計画期間中ずっと提供される最も安いモデル）か、ユーザーが選んだモデルです。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="90"/>
        <source>Launch this model…</source>
        <translation>このモデルで起動…</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="91"/>
        <source>Open the Jobs page&apos;s launch form with this model</source>
        <translation>このモデルでジョブページの起動フォームを開きます</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="92"/>
        <source>Export report…</source>
        <translation>レポートを出力…</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="93"/>
        <source>Write the PDF report (and CSV files) of this plan</source>
        <translation>この計画の PDF レポート（と CSV ファイル）を書き出します</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="94"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="97"/>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="104"/>
        <source>Training cost</source>
        <translation>学習コスト</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="105"/>
        <source>Training time P10–P90</source>
        <translation>学習時間 P10–P90</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="106"/>
        <source>Running cost / month</source>
        <translation>月間運用コスト</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="112"/>
        <source>NPV (P50)</source>
        <translation>NPV（P50）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="113"/>
        <source>ROI (P50)</source>
        <translation>ROI（P50）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="114"/>
        <source>Payback (P50)</source>
        <translation>回収月（P50）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="115"/>
        <source>Chance ROI &gt; 0</source>
        <translation>ROI &gt; 0 の確率</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="130"/>
        <source>Top risks</source>
        <translation>主なリスク</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="137"/>
        <source>Recommendation</source>
        <translation>推奨</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="205"/>
        <source>{value} min</source>
        <translation>{value} 分</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="206"/>
        <source>{value} h</source>
        <translation>{value} 時間</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="207"/>
        <source>month {month}</source>
        <translation>{month} か月目</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="208"/>
        <source>never</source>
        <translation>回収なし</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="209"/>
        <source>{value} %</source>
        <translation>{value} %</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="210"/>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="211"/>
        <source>above 1,000 %</source>
        <translation>1,000 % 超</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="221"/>
        <source>Recommended</source>
        <translation>推奨</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="223"/>
        <source>Recommended: {0}</source>
        <translation>推奨: {0}</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="225"/>
        <source>Recommended (none yet)</source>
        <translation>推奨（まだありません）</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="239"/>
        <source>Evaluating the plan…</source>
        <translation>計画を評価しています…</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="244"/>
        <source>No exchange rate for {0}: amounts are shown in USD. Set a rate on the Pricing page.</source>
        <translation>{0} の為替レートがないため、金額は USD で表示しています。「価格」ページでレートを設定してください。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="255"/>
        <source>No model to go with yet</source>
        <translation>採用できるモデルはまだありません</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="257"/>
        <source>Tick the models to compare on the Estimate page (with a dataset open).</source>
        <translation>データセットを開き、見積もりページで比較するモデルにチェックを入れてください。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="259"/>
        <source>No compared model can be launched with a known price.</source>
        <translation>価格が分かり起動できる比較モデルがありません。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="263"/>
        <source>Go with {0} ({1})</source>
        <translation>{0}（{1}）を推奨します</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="265"/>
        <source>Going with {0} ({1})</source>
        <translation>{0}（{1}）で進めます</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="272"/>
        <source>±token uncertainty: {0} – {1}</source>
        <translation>トークン数の誤差範囲: {0} ～ {1}</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="281"/>
        <source>P50: {0}</source>
        <translation>P50: {0}</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="288"/>
        <source>inference + hosting at {0} requests / month</source>
        <translation>月 {0} リクエストでの推論＋ホスティング</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="290"/>
        <source>inference price unknown</source>
        <translation>推論価格は不明</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="313"/>
        <source>{0:,} simulated outcomes</source>
        <translation>{0:,} 回のシミュレーション結果</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="315"/>
        <source>no ROI scenario</source>
        <translation>ROI シナリオなし</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="318"/>
        <source>No risk flagged.</source>
        <translation>指摘されたリスクはありません。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="322"/>
        <source> Money in {0} at {1} per USD (set {2}).</source>
        <translation> 金額は {0}（1 USD = {1} {0}、{2} に設定）。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="325"/>
        <source>Plan evaluated.</source>
        <translation>計画を評価しました。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="328"/>
        <source>P10–P90: {0} – {1}</source>
        <translation>P10–P90: {0} ～ {1}</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="334"/>
        <source>Chosen by you. The recommendation is listed first in the model box.</source>
        <translation>ユーザーが選択したモデルです。推奨モデルはモデル欄の先頭にあります。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="336"/>
        <source>The cheapest launchable model that fits every example and is served past {0}.</source>
        <translation>起動可能で、全例が上限に収まり、{0} 以降も提供される最も安いモデルです。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="339"/>
        <source>The cheapest launchable model that fits every example; none is served past {0}.</source>
        <translation>起動可能で全例が上限に収まる最も安いモデルです（{0} 以降も提供されるモデルはありません）。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="342"/>
        <source>The cheapest launchable model; every one truncates some examples.</source>
        <translation>起動可能な最も安いモデルです（どのモデルでも一部の例が切り詰められます）。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="354"/>
        <source>{0} retires on {1}, before the plan ends ({2}).</source>
        <translation>{0} は計画の終了（{2}）より前の {1} に提供終了します。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="358"/>
        <source>No new fine-tuning jobs on {0} after {1}: later retraining needs another model.</source>
        <translation>{0} は {1} 以降、新しいファインチューニングジョブを受け付けません。その後の再学習には別のモデルが必要です。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="360"/>
        <source>Prices as of {0} are more than 180 days old.</source>
        <translation>{0} 時点の価格で、180 日以上前のものです。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="362"/>
        <source>Token counts are approximate ({0} stand-in, ±{1:.0%}).</source>
        <translation>トークン数は概算です（{0} で代用、±{1:.0%}）。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="365"/>
        <source>No inference price for {0}: running costs exclude inference.</source>
        <translation>{0} の推論価格が不明なため、運用コストに推論を含みません。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="368"/>
        <source>{0} example(s) exceed the per-example limit and will be truncated.</source>
        <translation>{0} 件の例が 1 例あたりの上限を超え、切り詰められます。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="370"/>
        <source>{0} line(s) of the dataset have data errors.</source>
        <translation>データセットの {0} 行にデータエラーがあります。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="371"/>
        <source>Dataset not found: {0}</source>
        <translation>データセットが見つかりません: {0}</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="373"/>
        <source>ROI is positive in only {0:.0%} of the simulated outcomes.</source>
        <translation>シミュレーション結果のうち ROI がプラスになるのは {0:.0%} だけです。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="375"/>
        <source>The exchange rate is more than 30 days old.</source>
        <translation>為替レートが 30 日以上前のものです。</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/summary.py" line="381"/>
        <source>The plan cannot be evaluated: {0}</source>
        <translation>計画を評価できません: {0}</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_model.py" line="247"/>
        <source>Status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/jobs_model.py" line="248"/>
        <source>Since</source>
        <translation>開始時刻</translation>
    </message>
</context>
</TS>
