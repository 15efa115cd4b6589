"""The ``vanban`` command."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from pipeline.batch import extract_file, extract_files
from pipeline.evaluate import (
    Report,
    gold_files,
    gold_id,
    load_gold,
    load_predictions,
    score,
    text_for_gold,
)
from pipeline.record import ErrorRow, Record
from pipeline.store import write_output

DEFAULT_CORPUS = os.environ.get("VANBAN_CORPUS", "../shared/corpus")


def _summary(console: Console, records: list[Record], errors: list[ErrorRow], seconds: float) -> None:
    table = Table(title="vanban extract", show_lines=False)
    for column in ("id", "kind", "type", "number", "date", "issuer", "refs", "tasks", "first deadline"):
        table.add_column(column, overflow="fold")
    for record in records:
        dates = sorted(d.date for d in record.deadlines)
        table.add_row(
            record.id[:32],
            record.kind,
            record.doc_type or "",
            record.number or "",
            record.issue_date or "",
            (record.issuer or "")[:40],
            str(len(record.legal_refs)),
            str(len(record.tasks)),
            dates[0] if dates else "",
        )
    for error in errors:
        table.add_row(error.id[:32], "[red]error[/red]", "", "", "", error.error[:40], "", "", "")
    console.print(table)
    total = len(records) + len(errors)
    console.print(
        f"{total} inputs: {len(records)} records, {len(errors)} errors in {seconds:.1f} s; "
        + ", ".join(
            f"{name} {sum(len(getattr(r, name)) for r in records)}"
            for name in ("legal_refs", "tasks", "deadlines", "statistics", "people")
        )
    )


def _console() -> Console:
    # a pipe or a CI log has no width of its own; keep table rows on one line there
    return Console() if sys.stdout.isatty() else Console(width=200)


def _cmd_extract(args: argparse.Namespace) -> int:
    console = _console()
    started = time.perf_counter()
    records, errors = write_output(Path(args.output), extract_files(args.inputs))
    if not args.quiet:
        _summary(console, records, errors, time.perf_counter() - started)
        console.print(f"wrote {args.output}/documents.jsonl and {args.output}/errors.jsonl")
    return 1 if errors else 0


def _print_report(console: Console, report: Report) -> None:
    table = Table(title=f"vanban eval: {report.documents} gold documents")
    table.add_column("field")
    table.add_column("accuracy / P", justify="right")
    table.add_column("R", justify="right")
    table.add_column("F1", justify="right")
    table.add_column("counts", justify="right")
    for name in report.field_total:
        table.add_row(
            name,
            f"{report.accuracy(name):.3f}",
            "",
            "",
            f"{report.field_correct.get(name, 0)}/{report.field_total[name]}",
        )
    for name, counts in report.lists.items():
        table.add_row(
            name,
            f"{counts.precision:.3f}",
            f"{counts.recall:.3f}",
            f"{counts.f1:.3f}",
            f"tp {counts.tp} fp {counts.fp} fn {counts.fn}",
        )
    console.print(table)


def _cmd_eval(args: argparse.Namespace) -> int:
    console = _console()
    corpus = Path(args.corpus) if args.corpus else None
    paths = gold_files(Path(args.gold))
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


def _cmd_schema(args: argparse.Namespace) -> int:
    from pipeline import schema

    if args.write:
        print(f"wrote {schema.write()}")
        return 0
    print(schema.dumps(schema.generate()), end="")
    return 0


def _cmd_serve(args: argparse.Namespace) -> int:
    from pipeline.api import serve

    serve(args.host, args.port, args.token)
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
    extract.add_argument("-q", "--quiet", action="store_true", help="no summary table")
    extract.set_defaults(func=_cmd_extract)

    evaluate = commands.add_parser("eval", help="score predictions against gold files")
    evaluate.add_argument("--gold", default="corpus", help="folder of *.gold.json (default: corpus)")
    evaluate.add_argument("--pred", help="documents.jsonl to score; default: extract the gold texts now")
    evaluate.add_argument(
        "--corpus",
        default=DEFAULT_CORPUS,
        help="shared corpus folder holding documents/ (default: $VANBAN_CORPUS or ../shared/corpus)",
    )
    evaluate.add_argument("--json", help="also write the report as JSON to this file")
    evaluate.add_argument("--show-errors", action="store_true", help="print every mismatch")
    evaluate.set_defaults(func=_cmd_eval)

    schema = commands.add_parser("schema", help="print the record's JSON Schema")
    schema.add_argument("--write", action="store_true", help="regenerate the schema file shipped in the package")
    schema.set_defaults(func=_cmd_schema)

    serve = commands.add_parser("serve", help="run the HTTP API")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, loopback only)")
    serve.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    serve.add_argument("--token", help="bearer token every call but /health must carry (default: $VANBAN_TOKEN)")
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
