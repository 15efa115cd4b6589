"""The same extraction on a Dask distributed cluster gives the same output as one process."""

from __future__ import annotations

import pytest

from pipeline.batch import run_batch
from pipeline.cli import main
from tests.conftest import SEEDS

distributed = pytest.importorskip("distributed")


def test_dask_cluster_gives_what_one_process_gives(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for path in sorted(SEEDS.glob("*.txt")):
        (inputs / path.name).write_bytes(path.read_bytes())
    (inputs / "empty.txt").write_bytes(b"")
    run_batch([inputs], tmp_path / "single", jobs=1)
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
    ) as cluster:
        # through the command, by scheduler address, as on a real cluster
        code = main(["extract", str(inputs), "-o", str(tmp_path / "dask"), "-q", "--dask", cluster.scheduler_address])
    assert code == 1  # the empty file
    for name in ("documents.jsonl", "errors.jsonl"):
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "single" / name).read_bytes()
