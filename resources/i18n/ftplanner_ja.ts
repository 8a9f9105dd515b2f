<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>DatasetPage</name>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="59"/>
        <source>Open dataset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="61"/>
        <source>Analyse again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="73"/>
        <source>Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="80"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="89"/>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="279"/>
        <source>Examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="90"/>
        <source>Billed tokens / epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="91"/>
        <source>Epochs (auto)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="92"/>
        <source>Charged tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="93"/>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="94"/>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="125"/>
        <source>Warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="101"/>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="102"/>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="103"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="118"/>
        <source>Double-click a row to see the raw line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="123"/>
        <source>Token histogram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="124"/>
        <source>Validation issues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="171"/>
        <source>Open dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="178"/>
        <source>No dataset open. Open a JSONL file or drop one here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="180"/>
        <source>Dataset not found: {0} (it may have moved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="198"/>
        <source>Analysing {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="207"/>
        <source>%p% — {0} lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="215"/>
        <source>Analysis stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="220"/>
        <source>Analysed {0} examples ({1} errors)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="225"/>
        <source>Cannot analyse dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="242"/>
        <source>No analysis yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="245"/>
        <source>{0} non-blank lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="246"/>
        <source>Σ min(limit, tokens) over examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="251"/>
        <source> — approximate for this model (±{0}%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="255"/>
        <source>Format: {0}. Encoding: {1}{2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="261"/>
        <source>{0} examples exceed this model&apos;s limit of {1} tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="272"/>
        <source>No valid examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="278"/>
        <source>Tokens per example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/pages/dataset.py" line="293"/>
        <source>Line {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="48"/>
        <source>Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="101"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="102"/>
        <source>&amp;New plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="103"/>
        <source>&amp;Open plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="104"/>
        <source>Open &amp;recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="106"/>
        <source>Open &amp;dataset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="108"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="109"/>
        <source>Save &amp;as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="111"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="114"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="115"/>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="117"/>
        <location filename="../../app/ftplanner/gui/main_window.py" line="125"/>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="123"/>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="125"/>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="125"/>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="131"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="132"/>
        <source>&amp;About FT Planner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="137"/>
        <source>The language changes the next time FT Planner starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="147"/>
        <source>Theme applied; charts follow on their next redraw.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="152"/>
        <source>About FT Planner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="153"/>
        <source>FT Planner {0}
Plan, price and track LLM fine-tunes, offline first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="161"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="175"/>
        <source>Sample plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="185"/>
        <source>Recover unsaved work?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="186"/>
        <source>FT Planner did not close normally. Recover the plan autosaved at {0} ({1})?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="204"/>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="205"/>
        <source>Save the changes to {0}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="219"/>
        <source>Open plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="229"/>
        <source>Cannot open plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="233"/>
        <source>The plan&apos;s dataset was not found: {0}. Open it again from the Dataset page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="244"/>
        <source>Save plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="256"/>
        <source>Cannot save plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="260"/>
        <source>Saved {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ftplanner/gui/main_window.py" line="272"/>
        <source>Autosave failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
