"""Output tables on a real folder: Parquet per list, the DuckDB file with its views, the
query command in table, CSV and JSON, and load_dataset into pandas.

The list extractors are filled in other branches; these records carry hand-made items
(typed by ``extractors.models``) so that every table and view has rows to show; their agencies
are read by the real resolver (``extractors.agencies``) from the actors, issuer and recipients.
"""

from __future__ import annotations

import json

import duckdb
import pyarrow.parquet as pq
import pytest

from extractors import agencies
from extractors.models import Deadline, DocumentFields, LegalRef, Person, Statistic, Task
from pipeline import load_dataset
from pipeline.agencies import agency_id
from pipeline.cli import main
from pipeline.record import ErrorRow, Record
from pipeline.store import (
    DATABASE,
    TABLES,
    VIEWS,
    Journal,
    OutputBuilder,
    build_outputs,
    journal_line,
    json_line,
)

ND = dict(doc_type="Nghị định", number="04/2015/NĐ-CP", id="Nghị định 04/2015/NĐ-CP", start=0, end=5, text="NĐ 04")
# the id as the contract spells it, doc_type + " " + name, though the name opens with its type
LUAT = dict(doc_type="Luật", name="Luật Tiếp công dân", id="Luật Luật Tiếp công dân", start=6, end=9, text="Luật")


GIA_LAI = DocumentFields(issuer="Ủy ban nhân dân tỉnh Gia Lai", place="Gia Lai", issue_date="2021-12-23", recipients=["Sở Nội vụ"])


def _records() -> list[Record | ErrorRow]:
    span = dict(start=0, end=4, text="span")
    first = Record(
        id="a",
        source="in/a.txt",
        doc_type="Chỉ thị",
        number="14/CT-UBND",
        issuer="Ủy ban nhân dân tỉnh Gia Lai",
        issue_date="2021-12-23",
        recipients=["Sở Nội vụ"],
        issuer_agency=agencies.issuer_agency(GIA_LAI),
        recipient_agencies=agencies.recipient_agencies(GIA_LAI, "text of a"),
        legal_refs=[LegalRef(**ND, mentions=2), LegalRef(**LUAT)],
        tasks=agencies.task_agencies(
            [
                Task(actors=["Sở Nội vụ"], action="rà soát", deadline="2022-01-15", **span),
                Task(actors=["Sở Nội vụ", "Sở Tài chính"], action="báo cáo", **span),
            ],
            GIA_LAI,
            "text of a",
        ),
        deadlines=[Deadline(date="2022-01-15", **span), Deadline(date="2022-06", granularity="month", **span)],
        statistics=[Statistic(value=91.3, unit="%", kind="percent", total=None, **span)],
        people=[Person(name="Trịnh Thị Minh Thanh", title="Phó Bí thư", **span)],
        text="text of a",
    )
    second = Record(
        id="b",
        source="in/b.txt",
        doc_type="Nghị định",
        number="04/2015/NĐ-CP",  # the instrument a cites is in the archive
        issuer="Ủy ban nhân dân tỉnh Gia Lai",
        issuer_agency=agencies.issuer_agency(GIA_LAI),
        legal_refs=[LegalRef(**LUAT, mentions=3)],
        tasks=agencies.task_agencies(
            [
                Task(actors=["Sở Nội vụ"], action="kiểm tra", deadline="2023-03-01", **span),
                Task(actors=["Thủ trưởng các sở, ban, ngành tỉnh"], action="thực hiện", **span),
            ],
            GIA_LAI,
            "text of b",
        ),
        deadlines=[Deadline(date="2023-03-01", **span)],
        text="text of b",
    )
    return [first, ErrorRow(id="c", source="in/c.pdf", error="empty file"), second]


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    folder = tmp_path_factory.mktemp("out")
    journal = Journal(folder)
    for result in _records():
        journal.append(journal_line(result, "hash"))
    journal.close()
    stats = build_outputs(folder, ["a", "c", "b"])
    assert (stats.records, stats.errors, stats.items["tasks"]) == (2, 1, 4)
    return folder


def test_contract_files_keep_input_order(out):
    lines = [json.loads(line) for line in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in lines] == ["a", "b"]
    assert lines[0]["legal_refs"][0]["number"] == "04/2015/NĐ-CP"
    assert json.loads((out / "errors.jsonl").read_text(encoding="utf-8")) == {
        "id": "c",
        "source": "in/c.pdf",
        "error": "empty file",
    }


def test_one_parquet_table_per_list_with_a_document_id_on_every_row(out):
    counts = {
        "documents": 2,
        "legal_refs": 3,
        "tasks": 4,
        "deadlines": 3,
        "statistics": 1,
        "people": 1,
        "errors": 1,
        "agencies": 4,  # the Ủy ban nhân dân, two Sở and one group, each once however often named
        "task_agencies": 5,  # one per actor of every task
        "document_agencies": 3,  # the issuer of a and b, the recipient of a
    }
    for name in TABLES:
        table = pq.read_table(out / f"{name}.parquet")
        assert table.num_rows == counts[name], name
        key = "agency_id" if name == "agencies" else "document_id"  # the bodies are the archive's
        assert key in table.column_names
        assert table.column(key).null_count == 0
    tasks = pq.read_table(out / "tasks.parquet").to_pylist()
    assert tasks[1]["actors"] == ["Sở Nội vụ", "Sở Tài chính"]
    documents = pq.read_table(out / "documents.parquet").to_pylist()
    assert documents[0]["n_tasks"] == 2 and documents[0]["recipients"] == ["Sở Nội vụ"]


def _sql(out, sql):
    connection = duckdb.connect(str(out / DATABASE), read_only=True)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def test_database_has_the_tables_and_views(out):
    names = {row[0] for row in _sql(out, "SELECT table_name FROM duckdb_tables()")}
    views = {row[0] for row in _sql(out, "SELECT view_name FROM duckdb_views() WHERE NOT internal")}
    assert names == set(TABLES) and views == set(VIEWS)
    assert _sql(out, "SELECT agency, place, tasks, documents FROM obligations_by_agency") == [
        ("Sở Nội vụ tỉnh Gia Lai", "Gia Lai", 3, 2),
        ("Sở Tài chính tỉnh Gia Lai", "Gia Lai", 1, 1),
    ]
    assert _sql(out, "SELECT agency, place, tasks FROM obligations_by_group") == [("các sở, ban, ngành", "Gia Lai", 1)]
    assert _sql(out, "SELECT name, is_group, spellings FROM agencies ORDER BY is_group, name") == [
        ("Sở Nội vụ tỉnh Gia Lai", False, ["Sở Nội vụ"]),
        ("Sở Tài chính tỉnh Gia Lai", False, ["Sở Tài chính"]),
        ("Ủy ban nhân dân tỉnh Gia Lai", False, ["Ủy ban nhân dân tỉnh Gia Lai"]),
        ("các sở, ban, ngành", True, ["Thủ trưởng các sở, ban, ngành tỉnh"]),
    ]
    issued = _sql(out, "SELECT DISTINCT issuing_body FROM agency_obligations")
    assert issued == [("Ủy ban nhân dân tỉnh Gia Lai",)]
    assert _sql(out, "SELECT instrument, label, citing_documents, mentions FROM most_cited_instruments") == [
        ("Luật Luật Tiếp công dân", "Luật Tiếp công dân", 2, 4),
        ("Nghị định 04/2015/NĐ-CP", "Nghị định 04/2015/NĐ-CP", 1, 2),
    ]
    edges = _sql(out, "SELECT source_document, label, target_document FROM citation_edges")
    assert edges == [("a", "Luật Tiếp công dân", None), ("a", "Nghị định 04/2015/NĐ-CP", "b"), ("b", "Luật Tiếp công dân", None)]


def test_counts_print_as_whole_numbers(out, capsys):
    """A sum in DuckDB is a HUGEINT, which pandas would turn into a float ("4.0")."""
    assert main(["query", "--db", str(out), "--view", "most_cited_instruments", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["label"], r["mentions"]) for r in rows] == [("Luật Tiếp công dân", 4), ("Nghị định 04/2015/NĐ-CP", 2)]
    assert all(isinstance(r["mentions"], int) for r in rows)


def test_deadline_views_are_relative_to_a_date(out, capsys):
    assert main(["query", "--db", str(out), "--view", "upcoming_deadlines", "--as-of", "2022-03-01", "--format", "json"]) == 0
    upcoming = json.loads(capsys.readouterr().out)
    assert [(d["document_id"], d["date"], d["days_left"]) for d in upcoming] == [("a", "2022-06", 121), ("b", "2023-03-01", 365)]
    assert main(["query", "--db", str(out), "--view", "overdue_deadlines", "--as-of", "2022-03-01", "--format", "json"]) == 0
    overdue = json.loads(capsys.readouterr().out)
    assert [(d["date"], d["days_overdue"]) for d in overdue] == [("2022-01-15", 45)]


def test_query_prints_a_table_csv_or_json(out, capsys):
    sql = "SELECT document_id, number FROM documents ORDER BY document_id"
    assert main(["query", sql, "--db", str(out)]) == 0
    table = capsys.readouterr().out
    assert "14/CT-UBND" in table and "04/2015/NĐ-CP" in table and "2 rows" in table
    assert main(["query", sql, "--db", str(out), "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines() == ["document_id,number", "a,14/CT-UBND", "b,04/2015/NĐ-CP"]
    assert main(["query", sql, "--db", str(out / DATABASE), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == [
        {"document_id": "a", "number": "14/CT-UBND"},
        {"document_id": "b", "number": "04/2015/NĐ-CP"},
    ]
    assert main(["query", "--db", str(out), "--view", "no_such_view"]) == 2
    assert main(["query", "--db", str(out), "--list"]) == 0
    assert "citation_edges" in capsys.readouterr().out


def test_load_dataset_is_one_call_to_pandas(out):
    data = load_dataset(out)
    assert set(data) == set(TABLES)
    assert list(data.documents["document_id"]) == ["a", "b"]
    merged = data.tasks.merge(data.documents, on="document_id")
    assert len(merged) == 4
    assert len(data.task_agencies.merge(data.agencies, on="agency_id")) == 5
    assert data["errors"].iloc[0]["error"] == "empty file"
    # a folder holding only the contract's JSONL loads into the same tables
    (out / "only").mkdir()
    for name in ("documents.jsonl", "errors.jsonl"):
        (out / "only" / name).write_bytes((out / name).read_bytes())
    jsonl = load_dataset(out / "only")
    assert list(jsonl.tasks.columns) == list(data.tasks.columns)
    assert len(jsonl.deadlines) == 3
    assert sorted(jsonl.agencies["name"]) == sorted(data.agencies["name"])


def test_a_short_form_is_resolved_across_the_archive(tmp_path):
    """ "Pháp lệnh 34" in one document resolves to the full number another document cites."""
    from pipeline.cli import main

    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text(
        "Căn cứ Pháp lệnh số 34/2007/PL-UBTVQH11 ngày 20/4/2007 về thực hiện dân chủ ở xã, phường, thị trấn.",
        encoding="utf-8",
    )
    (inputs / "b.txt").write_text(
        "Thống nhất phân công Chủ tịch UBND cấp xã làm Trưởng Ban Chỉ đạo của 02 nội dung theo Nghị định 18 "
        "và Nghị định số 18/2019/NĐ-CP.\nTiếp tục thực hiện Nghị quyết 99 của Chính phủ.",
        encoding="utf-8",
    )
    (inputs / "c.txt").write_text(
        "Các cơ quan thực hiện Nghị quyết số 99/NQ-CP ngày 30/8/2020 của Chính phủ.", encoding="utf-8"
    )
    out = tmp_path / "out"
    main(["extract", str(inputs), "-o", str(out), "--quiet", "-j", "1"])
    records = {r["id"]: r for r in map(json.loads, (out / "documents.jsonl").read_text(encoding="utf-8").splitlines())}
    numbers = {ref["number"]: ref.get("resolved_by") for ref in records["b"]["legal_refs"]}
    assert numbers.get("99/NQ-CP") == "archive"
    assert "99" not in numbers
    # the tables hold the resolved references too: the rows of b, and its count
    table = pq.read_table(out / "legal_refs.parquet").to_pylist()
    # objects (a reference's issuer agency) are stored as JSON text in the tables
    rows = [
        {k: json.loads(v) if k == "issuer_agency" and v else v for k, v in row.items() if k not in ("document_id", "item")}
        for row in table
        if row["document_id"] == "b"
    ]
    assert rows == records["b"]["legal_refs"]
    counts = {row["document_id"]: row["n_legal_refs"] for row in pq.read_table(out / "documents.parquet").to_pylist()}
    assert counts == {doc_id: len(record["legal_refs"]) for doc_id, record in records.items()}


def test_a_record_is_one_line_whatever_line_breaks_its_text_holds():
    """Characters that str.splitlines takes as line breaks are escaped in the JSON line (the
    JSON stays the same), and a line without them is written as json.dumps gives it."""
    breaks = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
    row = {"id": "a", "text": f"Điều 1.{breaks}Điều 2."}
    line = json_line(row)
    assert line.splitlines() == [line] and json.loads(line) == row
    plain = {"id": "b", "text": "Điều 1.\nĐiều 2."}
    assert json_line(plain) == json.dumps(plain, ensure_ascii=False)


def test_a_journal_written_before_headers_named_citations_gives_the_same_outputs(tmp_path):
    """Headers name the full numbers each record cites, so the archive's instruments are read
    without parsing payloads; a journal from before (no ``cites``) is read from its payloads."""
    short = LegalRef(doc_type="Nghị định", number="04", id="Nghị định 04", start=0, end=5, text="NĐ 04")
    results = [*_records(), Record(id="d", source="in/d.txt", legal_refs=[short], text="NĐ 04")]
    header, _ = journal_line(results[0], "hash").split("\t", 1)
    assert ["Nghị định", "04", "04/2015/NĐ-CP"] in json.loads(header)["cites"]
    folders = {}
    for kind in ("new", "old"):
        folder = folders[kind] = tmp_path / kind
        journal = Journal(folder)
        for result in results:
            header, payload = journal_line(result, "hash").split("\t", 1)
            fields = json.loads(header)
            if kind == "old":
                fields.pop("cites", None)
            journal.append(json.dumps(fields, ensure_ascii=False) + "\t" + payload)
        journal.close()
        build_outputs(folder, ["a", "c", "b", "d"])
    resolved = json.loads((folders["new"] / "documents.jsonl").read_text(encoding="utf-8").splitlines()[-1])
    assert resolved["legal_refs"][0]["number"] == "04/2015/NĐ-CP"
    for name in ("documents.jsonl", "errors.jsonl"):
        assert (folders["old"] / name).read_bytes() == (folders["new"] / name).read_bytes(), name
    for name in TABLES:
        old, new = (pq.read_table(folders[k] / f"{name}.parquet") for k in ("old", "new"))
        assert old.equals(new), name


def test_documents_journalled_in_any_order_are_written_in_input_order(out, tmp_path):
    """The builder adds a document once every one before it is journalled: results that come
    back in another order (several workers) give the outputs of the input order, and nothing
    staged is left behind."""
    folder = tmp_path / "shuffled"
    journal = Journal(folder)
    builder = OutputBuilder(folder, ["a", "c", "b"])
    for result in reversed(_records()):  # b, c, a: nothing can be added before a
        builder.ready(*journal.append(journal_line(result, "hash")))
        assert builder.added == (3 if result.id == "a" else 0)
    journal.close()
    builder.finish(journal_lines=3)
    for name in ("documents.jsonl", "errors.jsonl"):
        assert (folder / name).read_bytes() == (out / name).read_bytes(), name
    for name in TABLES:
        assert pq.read_table(folder / f"{name}.parquet").equals(pq.read_table(out / f"{name}.parquet")), name
    assert sorted(p.name for p in folder.iterdir() if p.name.startswith(".")) == [".journal"]


def test_one_body_written_two_ways_is_one_agency():
    # 134 and 182 write the provinces' committees with "Trung ương" and "trung ương"; a hyphen or a
    # comma between a department's portfolios is one body too; another place is another body
    group = {"level": "province", "place": None, "group": True}
    assert agency_id({"name": "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", **group}) == agency_id(
        {"name": "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương", **group}
    )
    department = {"level": "province", "place": "Kon Tum", "group": False}
    assert agency_id({"name": "Sở Văn hóa - Thể thao và Du lịch tỉnh Kon Tum", **department}) == agency_id(
        {"name": "Sở Văn hóa, Thể thao và Du lịch tỉnh Kon Tum", **department}
    )
    assert agency_id({"name": "Sở Nội vụ tỉnh Gia Lai", **department, "place": "Gia Lai"}) != agency_id(
        {"name": "Sở Nội vụ tỉnh Lâm Đồng", **department, "place": "Lâm Đồng"}
    )
