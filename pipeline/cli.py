"""The ``vanban`` command."""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import time
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.progress import Task as ProgressTask
from rich.table import Table
from rich.text import Text

from extractors import line_classifier
from extractors.line_classifier import TASK
from pipeline.batch import DEFAULT_TIMEOUT, BatchResult, extract_file, run_batch
from pipeline.evaluate import (
    AGENCY_PARTS,
    Report,
    gold_files,
    gold_id,
    load_gold,
    load_predictions,
    score,
    text_for_gold,
)
from pipeline.ingest import OCR_MODES
from pipeline.record import Record
from pipeline.store import DATABASE, SAMPLE_ROWS, database_path, query, relations
from pipeline.train import gold_sequences, train

DEFAULT_CORPUS = os.environ.get("VANBAN_CORPUS", "../shared/corpus")


def _summary(console: Console, result: BatchResult) -> None:
    stats = result.stats
    if result.inputs <= SAMPLE_ROWS:
        table = Table(title="vanban extract", show_lines=False)
        for column in ("id", "kind", "type", "number", "date", "issuer", "refs", "tasks", "first deadline"):
            table.add_column(column, overflow="fold")
        for row in stats.sample:
            if row["status"] == "error":
                table.add_row(row["id"][:32], "[red]error[/red]", "", "", "", row["error"][:40], "", "", "")
                continue
            dates = sorted(d["date"] for d in row.get("deadlines") or [])
            table.add_row(
                row["id"][:32],
                row["kind"],
                row.get("doc_type") or "",
                row.get("number") or "",
                row.get("issue_date") or "",
                (row.get("issuer") or "")[:40],
                str(len(row.get("legal_refs") or [])),
                str(len(row.get("tasks") or [])),
                dates[0] if dates else "",
            )
        console.print(table)
    console.print(
        f"{result.inputs} inputs: {stats.records} records, {stats.errors} errors in {result.seconds:.1f} s; "
        + ", ".join(f"{name} {count}" for name, count in stats.items.items())
    )
    rate = result.extracted / result.seconds if result.seconds else 0.0
    console.print(
        f"extracted {result.extracted} ({rate:.1f} documents/s), skipped {result.skipped} unchanged; "
        f"{stats.text_bytes / 1e6:.2f} MB of text"
    )


INTERRUPTED = 128 + signal.SIGINT  # the exit code of a command stopped by Ctrl-C, as shells report it


def _console() -> Console:
    # a pipe or a CI log has no width of its own; keep table rows on one line there
    return Console() if sys.stdout.isatty() else Console(width=200)


class _Rate(ProgressColumn):
    """Documents per second, over the last few seconds."""

    def render(self, task: ProgressTask) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} docs/s" if speed else "- docs/s", style="progress.data.speed")


def _cmd_extract(args: argparse.Namespace) -> int:
    if args.dask is not None:
        try:
            import distributed  # noqa: F401
        except ImportError:
            print('vanban extract --dask needs Dask: pip install "vanban[dask]"', file=sys.stderr)
            return 2
    console = _console()
    if not _use_task_lines(console, args.task_lines):
        return 2
    progress = Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        _Rate(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        auto_refresh=False,  # refreshed from the batch loop: no thread in a process that forks
        disable=args.quiet,
    )
    bar = progress.add_task("extracting", total=None)

    def on_start(todo: int, skipped: int) -> None:
        progress.update(bar, total=todo, description=f"extracting ({skipped} unchanged, skipped)")
        progress.refresh()

    last_refresh = [0.0]

    def tick() -> None:  # at most ten redraws a second
        if time.monotonic() - last_refresh[0] >= 0.1:
            progress.refresh()
            last_refresh[0] = time.monotonic()

    journalled = [0]

    def on_done() -> None:
        journalled[0] += 1
        progress.advance(bar)
        tick()

    try:
        with progress:
            result = run_batch(
                args.inputs,
                args.output,
                jobs=args.jobs,
                timeout=args.timeout,
                dask=args.dask,
                ocr=args.ocr,
                task_lines=line_classifier.model_in_use(),
                fresh=args.fresh,
                on_start=on_start,
                on_done=on_done,
                tick=tick,
            )
            progress.refresh()
    except KeyboardInterrupt:
        # the journal holds every document finished so far; the tables are left as they were
        print(
            f"interrupted: {journalled[0]} documents extracted in this run are kept in the journal of "
            f"{args.output}; run the same command again to extract the rest (done ones are skipped)",
            file=sys.stderr,
        )
        return INTERRUPTED
    if not args.quiet:
        _summary(console, result)
        console.print(
            f"wrote {args.output}/documents.jsonl, errors.jsonl, *.parquet and {DATABASE} "
            f"(`vanban query --db {args.output} --list`)"
        )
    return 1 if result.errors else 0


def _cmd_query(args: argparse.Namespace) -> int:
    console = _console()
    if args.list or not (args.sql or args.view):
        table = Table(title=f"tables and views of {database_path(args.db)}")
        for column in ("name", "kind", "description"):
            table.add_column(column)
        for row in relations(args.db):
            table.add_row(*row)
        console.print(table)
        return 0
    if args.view:
        known = {name for name, _, _ in relations(args.db)}
        if args.view not in known:
            console.print(f"[red]no table or view {args.view!r}; one of: {', '.join(sorted(known))}[/red]")
            return 2
        sql = f'SELECT * FROM "{args.view}"'
    else:
        sql = args.sql
    if args.limit is not None:
        sql = f"SELECT * FROM ({sql}) LIMIT {int(args.limit)}"
    frame = query(args.db, sql, as_of=args.as_of)
    if args.format == "csv":
        sys.stdout.write(frame.to_csv(index=False))
    elif args.format == "json":
        sys.stdout.write(frame.to_json(orient="records", force_ascii=False, date_format="iso", indent=1) + "\n")
    else:
        table = Table(show_lines=False)
        for column in frame.columns:
            table.add_column(str(column), overflow="fold")
        for row in frame.itertuples(index=False):
            table.add_row(*("" if _missing(v) else str(v) for v in row))
        console.print(table)
        console.print(f"{len(frame)} rows")
    return 0


def _cell(value: object) -> str:
    """A value as a table cell: missing values (None, NaN) empty."""
    return "" if _missing(value) else str(value)


def _missing(value: object) -> bool:
    try:
        return value is None or bool(value != value)  # None, NaN, NaT
    except (TypeError, ValueError):  # arrays
        return False


def _print_report(console: Console, report: Report) -> None:
    table = Table(title=f"vanban eval: {report.documents} gold documents")
    table.add_column("field")
    table.add_column("accuracy / P", justify="right")
    table.add_column("R", justify="right")
    table.add_column("F1", justify="right")
    table.add_column("F1 per doc", justify="right")
    table.add_column("counts", justify="right")
    for name in report.field_total:
        table.add_row(
            name,
            f"{report.accuracy(name):.3f}",
            "",
            "",
            "",
            f"{report.field_correct.get(name, 0)}/{report.field_total[name]}",
        )
    table.add_row("document fields (kind … title)", f"{report.header_accuracy():.3f}", "", "", "", "")
    for name, counts in report.lists.items():
        table.add_row(
            name,
            f"{counts.precision:.3f}",
            f"{counts.recall:.3f}",
            f"{counts.f1:.3f}",
            f"{report.macro_f1(name):.3f}",
            f"tp {counts.tp} fp {counts.fp} fn {counts.fn}",
        )
    if report.agency_total:
        for part in AGENCY_PARTS:
            table.add_row(
                f"agencies: {part}", f"{report.agency_accuracy(part):.3f}", "", "", "",
                f"{report.agency_correct.get(part, 0)}/{report.agency_total}",
            )
    if report.resolver_total:
        for part in AGENCY_PARTS:
            table.add_row(
                f"agencies from gold actors: {part}", f"{report.resolver_accuracy(part):.3f}", "", "", "",
                f"{report.resolver_correct.get(part, 0)}/{report.resolver_total}",
            )
    console.print(table)


def _cmd_eval(args: argparse.Namespace) -> int:
    console = _console()
    corpus = Path(args.corpus) if args.corpus else None
    if not _use_task_lines(console, args.task_lines):
        return 2
    paths = gold_files(*map(Path, args.gold))
    if args.pred:
        predictions = load_predictions(Path(args.pred))
    else:
        predictions = {}
        usable = []
        for path in paths:
            text = text_for_gold(path, corpus)
            if text is None:
                console.print(f"[yellow]skipped {path.name}: its text is not in {corpus}[/yellow]")
                continue
            usable.append(path)
            result = extract_file(text, gold_id(path))
            if isinstance(result, Record):
                predictions[result.id] = result.model_dump(mode="json")
        paths = usable
    report = score(load_gold(paths), predictions)
    _print_report(console, report)
    if args.json:
        Path(args.json).write_text(json.dumps(report.to_json(), ensure_ascii=False, indent=1), encoding="utf-8")
        console.print(f"wrote {args.json}")
    if args.show_errors:
        for error in report.errors:
            console.print(json.dumps(error, ensure_ascii=False))
    return 0


def _use_task_lines(console: Console, option: str | None) -> bool:
    """Put the model ``--task-lines`` names in use (none: the rules alone); False, said on the
    console, when it is no model."""
    try:
        line_classifier.use_model(_task_line_model(option or "rules"))
    except (OSError, ValueError) as unreadable:
        console.print(Text(f"{option}: not a task line model ({unreadable})", style="red"))
        return False
    return True


def _task_line_model(option: str) -> bytes | None:
    """The model ``--task-lines`` names: none for "rules", the bundled one, or a model file's."""
    if option == "rules":
        return None
    return line_classifier.bundled_model() if option == "bundled" else Path(option).read_bytes()


def _cmd_train_lines(args: argparse.Namespace) -> int:
    console = _console()
    corpus = Path(args.corpus) if args.corpus else None
    sequences = gold_sequences(gold_files(*map(Path, args.gold)), corpus)
    if not sequences:
        console.print("[red]no gold file with tasks whose text was found[/red]")
        return 1
    train(sequences, Path(args.out))
    units = sum(len(sequence.labels) for sequence in sequences)
    tasks = sum(label == TASK for sequence in sequences for label in sequence.labels)
    console.print(f"trained on {len(sequences)} documents ({units} units, {tasks} tasks): wrote {args.out}")
    return 0


def _cmd_obligations(args: argparse.Namespace) -> int:
    import datetime as dt

    from pipeline.obligations import agency_obligations

    console = _console()
    as_of = dt.date.fromisoformat(args.as_of) if args.as_of else None
    name, frame = agency_obligations(args.db, args.agency, args.place, as_of, args.open, args.groups)
    if args.format == "csv":
        sys.stdout.write(frame.to_csv(index=False))
        return 0
    if args.format == "json":
        sys.stdout.write(frame.to_json(orient="records", force_ascii=False, date_format="iso", indent=1) + "\n")
        return 0
    table = Table(title=f"{name}: {'open ' if args.open else ''}obligations as of {(as_of or dt.date.today()).isoformat()}")
    for column in ("due", "repeats", "body", "what", "assigned by", "document"):
        table.add_column(column, overflow="fold")
    for row in frame.itertuples(index=False):
        due = "" if _missing(row.due) else row.due.date().isoformat()
        body = row.agency if _missing(row.via_group) else f"{row.agency} (group)"
        what = _cell(row.action)
        what = what if len(what) <= 120 else what[:119] + "…"
        table.add_row(due, _cell(row.recurrence), body, what, _cell(row.issuing_body), f"{row.document} ({row.document_id})")
    console.print(table)
    console.print(f"{len(frame)} obligations")
    return 0


def _cmd_schema(args: argparse.Namespace) -> int:
    from pipeline import schema

    if args.write:
        print(f"wrote {schema.write()}")
        return 0
    print(schema.dumps(schema.generate()), end="")
    return 0


def _cmd_serve(args: argparse.Namespace) -> int:
    from pipeline.api import serve

    serve(args.host, args.port, args.token, args.db)
    return 0


def _cmd_show(args: argparse.Namespace) -> int:
    from pipeline.display import Highlight, render_page
    from pipeline.ingest import IngestError, read_source
    from pipeline.normalize import normalize
    from pipeline.spacy_component import SPANS_KEY, make_nlp

    try:
        source = read_source(args.file)
    except IngestError as err:
        print(f"vanban show: {args.file}: {err}", file=sys.stderr)
        return 1
    doc = make_nlp()(normalize(source.text).text)
    record = doc._.vanban
    record.id, record.source = Path(args.file).stem, str(args.file)
    highlights = [
        Highlight(span.start_char, span.end_char, span.label_, span.kb_id_) for span in doc.spans[SPANS_KEY]
    ]
    Path(args.html).write_text(render_page(record, doc.text, highlights), encoding="utf-8")
    print(f"wrote {args.html}: {len(highlights)} extractions highlighted")
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from pipeline.export import export_ics
    from pipeline.jsonl import read_records

    if not args.ics and not args.per_agency:
        print("vanban export: give --ics FILE and/or --per-agency DIR", file=sys.stderr)
        return 2
    result = export_ics(
        read_records(args.output),
        Path(args.ics) if args.ics else None,
        Path(args.per_agency) if args.per_agency else None,
    )
    print(f"{result['events']} events for {result['agencies']} agencies; wrote {len(result['files'])} calendar files")
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    import datetime as dt

    from pipeline.report import write_report

    today = dt.date.fromisoformat(args.today) if args.today else None
    result = write_report(Path(args.output), Path(args.html), today)
    print(f"wrote {args.html} ({result['documents']} documents) and the document views in {result['views']}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``vanban`` command."""
    parser = argparse.ArgumentParser(prog="vanban", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    extract = commands.add_parser("extract", help="extract records from files and folders")
    extract.add_argument("inputs", nargs="+", help="files or folders (walked recursively)")
    extract.add_argument("-o", "--output", default="out", help="output folder (default: out)")
    extract.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")
    extract.add_argument(
        "-j", "--jobs", type=int, default=None, help="worker processes (default: one per core)"
    )
    extract.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        help=f"seconds one document may take before it becomes an error row (default: {DEFAULT_TIMEOUT:g})",
    )
    extract.add_argument(
        "--dask",
        metavar="SCHEDULER_ADDRESS",
        help="run on a Dask distributed cluster (tcp://host:8786), or 'local' for one on this machine",
    )
    extract.add_argument(
        "--ocr",
        choices=OCR_MODES,
        default="auto",
        help="read scans (PDF pages without a text layer, images) with Tesseract: auto (default: "
        "the pages that need it, when Tesseract is installed), always (every page) or never",
    )
    extract.add_argument(
        "--task-lines",
        metavar="MODEL",
        help="the task line classifier: 'bundled' (the model shipped, trained on all gold), a model "
        "file of vanban train-lines, or 'rules' for the task rules alone (default); a change of it "
        "needs --fresh, as the journal keeps what earlier runs extracted",
    )
    extract.add_argument(
        "--fresh", action="store_true", help="extract everything again (ignore what earlier runs journalled)"
    )
    extract.set_defaults(func=_cmd_extract)

    evaluate = commands.add_parser("eval", help="score predictions against gold files")
    evaluate.add_argument(
        "--gold", nargs="+", default=["corpus"], help="gold files, or folders of *.gold.json (default: corpus)"
    )
    evaluate.add_argument("--pred", help="documents.jsonl to score; default: extract the gold texts now")
    evaluate.add_argument(
        "--corpus",
        default=DEFAULT_CORPUS,
        help="shared corpus folder holding documents/ (default: $VANBAN_CORPUS or ../shared/corpus)",
    )
    evaluate.add_argument("--json", help="also write the report as JSON to this file")
    evaluate.add_argument("--show-errors", action="store_true", help="print every mismatch")
    evaluate.add_argument(
        "--task-lines",
        metavar="MODEL",
        help="the task line classifier to extract with: 'bundled' (the model shipped, trained on "
        "all gold), a model file of vanban train-lines, or 'rules' for the task rules alone (default)",
    )
    evaluate.set_defaults(func=_cmd_eval)

    train_lines = commands.add_parser(
        "train-lines", help="train the task line classifier (a CRF over the task rules' units) on gold files"
    )
    train_lines.add_argument(
        "--gold", nargs="+", default=["corpus"], help="gold files, or folders of *.gold.json (default: corpus)"
    )
    train_lines.add_argument(
        "--corpus",
        default=DEFAULT_CORPUS,
        help="shared corpus folder holding documents/ (default: $VANBAN_CORPUS or ../shared/corpus)",
    )
    train_lines.add_argument("--out", required=True, help="the model file to write (the bundled one: extractors/data/task_lines.crfsuite)")
    train_lines.set_defaults(func=_cmd_train_lines)

    query_parser = commands.add_parser("query", help="query an output folder's DuckDB database")
    query_parser.add_argument("sql", nargs="?", help="a SQL query over the tables and views")
    query_parser.add_argument("--view", help="print a table or view by name")
    query_parser.add_argument("--list", action="store_true", help="list the tables and views")
    query_parser.add_argument(
        "--db", "-o", default="out", help=f"output folder (or its {DATABASE} file; default: out)"
    )
    query_parser.add_argument(
        "--as-of", help="reference date (YYYY-MM-DD) of upcoming_deadlines and overdue_deadlines; default today"
    )
    query_parser.add_argument("--format", choices=("table", "csv", "json"), default="table")
    query_parser.add_argument("--limit", type=int, help="at most this many rows")
    query_parser.set_defaults(func=_cmd_query)

    obligations = commands.add_parser(
        "obligations", help="one agency's obligations (deadlines, source documents) from an output folder"
    )
    obligations.add_argument("--agency", required=True, help='the body, as a document would name it: "Sở Nội vụ", "UBND tỉnh"')
    obligations.add_argument("--place", help='its province: "Lâm Đồng" (without one, every body whose name starts so)')
    obligations.add_argument("--as-of", help="reference date (YYYY-MM-DD) for --open and for merged bodies; default today")
    obligations.add_argument("--open", action="store_true", help="only what is still open on that date")
    obligations.add_argument(
        "--groups", action="store_true", help='also the obligations of its groups ("các sở, ban, ngành"), marked'
    )
    obligations.add_argument("--db", "-o", default="out", help=f"output folder (or its {DATABASE} file; default: out)")
    obligations.add_argument("--format", choices=("table", "csv", "json"), default="table")
    obligations.set_defaults(func=_cmd_obligations)

    schema = commands.add_parser("schema", help="print the record's JSON Schema")
    schema.add_argument("--write", action="store_true", help="regenerate the schema file shipped in the package")
    schema.set_defaults(func=_cmd_schema)

    serve = commands.add_parser("serve", help="run the HTTP API")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, loopback only)")
    serve.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    serve.add_argument("--token", help="bearer token every call but /health must carry (default: $VANBAN_TOKEN)")
    serve.add_argument("--db", help="an output folder whose obligations GET /obligations answers from")
    serve.set_defaults(func=_cmd_serve)

    show = commands.add_parser("show", help="render a document with its extractions highlighted (displaCy)")
    show.add_argument("file", help="a document (.txt, .html, .docx, .pdf)")
    show.add_argument("--html", required=True, help="the page to write")
    show.set_defaults(func=_cmd_show)

    export = commands.add_parser("export", help="export obligations of an output folder as iCalendar")
    export.add_argument("output", help="output folder of vanban extract (holding documents.jsonl)")
    export.add_argument("--ics", help="one calendar with every obligation")
    export.add_argument("--per-agency", metavar="DIR", help="also one calendar per agency in DIR")
    export.set_defaults(func=_cmd_export)

    report = commands.add_parser("report", help="one HTML page summarising an output folder")
    report.add_argument("output", help="output folder of vanban extract (holding documents.jsonl)")
    report.add_argument("--html", required=True, help="the page to write; document views go beside it")
    report.add_argument("--today", help="date the report is made for (default: today), YYYY-MM-DD")
    report.set_defaults(func=_cmd_report)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the ``vanban`` command."""
    args = build_parser().parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
