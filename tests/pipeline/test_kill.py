"""kill -9 in the middle of a run: nothing journalled is lost, no table is ever half-written,
and a rerun finishes the job with exactly what a clean run gives."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time

import duckdb
import pyarrow.parquet as pq

from pipeline.batch import run_batch
from pipeline.store import DATABASE, JOURNAL, TABLES
from tests.conftest import ROOT, SEEDS

COPIES = 30  # 150 documents, ~1.6 MB: a few seconds of work


def _lines(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _journalled(out):
    path = out / JOURNAL
    return path.read_bytes().count(b"\n") if path.exists() else 0


def _assert_whole(out):
    """Every table in the folder is readable: the old one or the new one, never a half."""
    for name in TABLES:
        path = out / f"{name}.parquet"
        if path.exists():
            pq.read_table(path)
    for name in ("documents.jsonl", "errors.jsonl"):
        if (out / name).exists():
            _lines(out / name)
    if (out / DATABASE).exists():
        connection = duckdb.connect(str(out / DATABASE), read_only=True)
        connection.execute("SELECT count(*) FROM documents").fetchall()
        connection.close()


def _archive(tmp_path):
    """COPIES copies of the seeds in one folder."""
    archive = tmp_path / "archive"
    archive.mkdir()
    for copy in range(COPIES):
        for path in sorted(SEEDS.glob("*.txt")):
            shutil.copy(path, archive / f"{copy:03d}_{path.name}")
    return archive


def test_kill_9_mid_run_loses_nothing(tmp_path):
    archive = _archive(tmp_path)
    total = len(list(archive.iterdir()))
    out = tmp_path / "out"
    run_batch([*sorted(archive.iterdir())[:5]], out, jobs=1)  # an earlier run's tables exist

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "pipeline.cli", "extract", str(archive), "-o", str(out), "-q", "--jobs", "2"]
    process = subprocess.Popen(command, env=env, start_new_session=True, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while _journalled(out) < 5 + 20 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGKILL)  # the command and its workers, mid-run
    process.wait()
    journalled = _journalled(out)
    print("journalled at kill:", journalled, "of", total)
    assert journalled < total, "the run finished before it could be killed; raise COPIES"
    _assert_whole(out)

    resumed = run_batch([archive], out, jobs=2)
    assert resumed.skipped >= journalled - 5 - 2  # what was journalled is not extracted again
    assert resumed.extracted + resumed.skipped == total
    records = _lines(out / "documents.jsonl")
    assert sorted(r["id"] for r in records) == sorted(p.stem for p in archive.iterdir())

    clean = tmp_path / "clean"
    run_batch([archive], clean, jobs=2)
    assert (out / "documents.jsonl").read_bytes() == (clean / "documents.jsonl").read_bytes()
    assert (out / "errors.jsonl").read_bytes() == (clean / "errors.jsonl").read_bytes()
    for name in TABLES:
        assert pq.read_table(out / f"{name}.parquet").equals(pq.read_table(clean / f"{name}.parquet"))


def test_ctrl_c_keeps_what_is_done_and_says_how_to_resume(tmp_path):
    """Ctrl-C (SIGINT) mid-run: a message instead of a traceback, exit code 130, the journal
    kept; the same command again extracts only the rest."""
    archive = _archive(tmp_path)
    total = len(list(archive.iterdir()))
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "pipeline.cli", "extract", str(archive), "-o", str(out), "--jobs", "2"]
    process = subprocess.Popen(
        command,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # as from a terminal
    )
    deadline = time.monotonic() + 120
    while _journalled(out) < 10 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    journalled = _journalled(out)
    assert journalled < total, "the run finished before it could be interrupted; raise COPIES"
    assert process.returncode == 130
    assert "Traceback" not in stderr
    assert "interrupted:" in stderr and "run the same command again" in stderr
    assert not (out / "documents.jsonl").exists()  # no table was built from half a run

    resumed = run_batch([archive], out, jobs=2)
    assert resumed.skipped >= journalled - 2 and resumed.extracted + resumed.skipped == total
    assert len(_lines(out / "documents.jsonl")) == total
