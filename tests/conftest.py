"""Shared test helpers: where the corpora are, and reading a corpus document by name."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "corpus" / "seeds"
GOLD = ROOT / "corpus"
# The shared corpus of other people's documents: read where it lies, never copied here.
SHARED = Path(os.environ.get("VANBAN_CORPUS", ROOT.parent / "shared" / "corpus")).resolve()
DOCUMENTS = SHARED / "documents"
ARCHIVE = SHARED / "archive"


def corpus_path(name: str) -> Path:
    """Path of a corpus document by file name (or a unique prefix such as "033_")."""
    for folder in (SEEDS, DOCUMENTS, ARCHIVE):
        exact = folder / name
        if exact.exists():
            return exact
        matches = sorted(folder.glob(f"{name}*.txt")) if folder.exists() else []
        if len(matches) == 1:
            return matches[0]
    if not DOCUMENTS.exists():
        pytest.skip(f"shared corpus not found at {SHARED} (set VANBAN_CORPUS)")
    raise FileNotFoundError(name)


@contextmanager
def served(args: list[str], env: dict[str, str] | None = None, headers: dict[str, str] | None = None) -> Iterator[httpx.Client]:
    """``vanban serve ARGS`` in a subprocess on a free loopback port, and a client of it."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    process = subprocess.Popen(
        [sys.executable, "-m", "pipeline.cli", "serve", "--port", str(port), *args],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        else:
            raise RuntimeError("server did not start")
        with httpx.Client(base_url=base + "/", headers=headers, timeout=30) as client:
            yield client
    finally:
        process.terminate()
        process.wait(timeout=10)


def corpus_text(name: str) -> str:
    """The raw text of a corpus document, read with the project's own ingest."""
    from pipeline.ingest import read_source

    return read_source(corpus_path(name)).text


@pytest.fixture(scope="session")
def extract_corpus():
    """Extract a corpus document by name, caching records across tests."""
    from pipeline.extract import extract_text

    cache: dict[str, object] = {}

    def run(name: str):
        if name not in cache:
            path = corpus_path(name)
            cache[name] = extract_text(corpus_text(name), id=path.stem, source=str(path))
        return cache[name]

    return run
