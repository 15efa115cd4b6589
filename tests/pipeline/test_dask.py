"""The same extraction on a Dask distributed cluster gives the same output as one process."""

from __future__ import annotations

import pyarrow.parquet as pq
import pytest

from pipeline.batch import run_batch
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
