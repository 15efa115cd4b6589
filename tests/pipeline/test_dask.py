"""The same extraction on a Dask distributed cluster gives the same output as one process."""

from __future__ import annotations

import json

import pyarrow.parquet as pq
import pytest

from pipeline.batch import DASK_TASKS_PER_THREAD, Task, process_task, run_batch, run_dask
from pipeline.cli import main
from pipeline.store import TABLES
from tests.conftest import SEEDS

distributed = pytest.importorskip("distributed")


@pytest.fixture
def inputs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for path in sorted(SEEDS.glob("*.txt")):
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    return folder


def _assert_same_output(got, expected):
    for name in ("documents.jsonl", "errors.jsonl"):
        assert (got / name).read_bytes() == (expected / name).read_bytes(), name
    for name in TABLES:
        assert pq.read_table(got / f"{name}.parquet").equals(pq.read_table(expected / f"{name}.parquet")), name


def test_dask_cluster_gives_what_one_process_gives(tmp_path, inputs):
    run_batch([inputs], tmp_path / "single", jobs=1)
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
    ) as cluster:
        # through the command, by scheduler address, as on a real cluster
        code = main(["extract", str(inputs), "-o", str(tmp_path / "dask"), "-q", "--dask", cluster.scheduler_address])
    assert code == 1  # the empty file
    _assert_same_output(tmp_path / "dask", tmp_path / "single")


def test_dask_local_worker_processes_give_what_one_process_gives(tmp_path, inputs):
    """`--dask local`: a LocalCluster of worker processes, so tasks and results cross process
    boundaries (pickled) as they do between machines."""
    run_batch([inputs], tmp_path / "single", jobs=1)
    code = main(["extract", str(inputs), "-o", str(tmp_path / "dask"), "-q", "--dask", "local", "--jobs", "2"])
    assert code == 1  # the empty file
    _assert_same_output(tmp_path / "dask", tmp_path / "single")


def test_a_worker_needs_no_copy_of_the_file(tmp_path):
    """The task carries the file's bytes: a worker on a machine without the file (here: a
    path that does not exist) extracts the same record as one that reads it."""
    path = sorted(SEEDS.glob("*.txt"))[0]
    from_file = process_task(Task(str(path), path.stem, "digest"))
    elsewhere = str(tmp_path / "not-on-this-machine" / path.name)
    shipped = process_task(Task(elsewhere, path.stem, "digest", data=path.read_bytes()))
    assert json.loads(shipped.split("\t", 1)[1])["text"] == json.loads(from_file.split("\t", 1)[1])["text"]
    assert shipped.replace(elsewhere, str(path)) == from_file


def test_only_a_few_documents_are_in_flight(tmp_path, inputs):
    """The archive is sent a few tasks per worker thread at a time, not all at once, and an
    unreadable input becomes an error row without reaching the cluster."""
    tasks = [Task(str(p), p.stem, None) for p in sorted(inputs.iterdir())] * 6
    tasks.append(Task(str(tmp_path / "gone.txt"), "gone", None))
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster, distributed.Client(cluster) as client:
        held = []
        lines = []
        for line in run_dask(tasks, client, jobs=1):
            held.append(len(client.futures))
            lines.append(line)
    assert len(lines) == len(tasks)
    assert max(held) <= DASK_TASKS_PER_THREAD
    gone = [json.loads(line.split("\t", 1)[1]) for line in lines if '"gone"' in line.split("\t", 1)[0]]
    assert gone == [{"id": "gone", "source": str(tmp_path / "gone.txt"), "error": "file not found (it may have been moved or deleted)"}]
