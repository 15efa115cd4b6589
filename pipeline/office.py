"""LibreOffice converts Word 97-2003 (.doc) and RTF files into DOCX, which ingest then reads
as it reads any DOCX: the same paragraphs and tables in order, so a ``.doc`` gives the record
its ``.docx`` twin gives.

LibreOffice was chosen over antiword and catdoc on the six real ``.doc`` files of the shared
corpus (word97/): LibreOffice and antiword give the same words on five of them, every
Vietnamese letter kept; on the sixth antiword appends ~280 words of an earlier passage after
the end of the document (fragments Word's piece table no longer uses). catdoc loses words of
every file (601's whole header table among them) and writes binary garbage into two. antiword has
not been released since 2005 and draws tables as ASCII art; LibreOffice gives a DOCX whose
tables the DOCX reader already understands.
Each conversion runs in a fresh LibreOffice profile in its own temporary folder, so that
conversions in parallel worker processes never share one (~2 s each, most of it start-up).
"""

from __future__ import annotations

import functools
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

INSTALL_HINT = "apt-get install libreoffice-writer-nogui"


class ConversionError(Exception):
    """LibreOffice could not convert the file, or ran out of time; the message says why."""


class ConversionTimeout(ConversionError):
    """The document's time ran out during the conversion."""


@functools.cache
def soffice() -> str | None:
    """The LibreOffice command, or None when LibreOffice is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


# LibreOffice's import filter for each kind: named, so that a file that is not one (a damaged
# file, a spreadsheet) fails to load rather than being read as plain text
IMPORT_FILTERS = {".doc": "MS Word 97", ".rtf": "Rich Text Format"}


def to_docx(data: bytes, suffix: str, deadline: float | None = None) -> bytes:
    """The DOCX bytes of a Word 97-2003 or RTF file's ``data`` (``suffix``: ".doc" or ".rtf").

    ``deadline`` (``time.monotonic()``): LibreOffice is stopped when it is reached and
    ``ConversionTimeout`` raised.
    """
    command = soffice()
    if command is None:
        raise ConversionError(f"LibreOffice is not installed ({INSTALL_HINT})")
    timeout = None if deadline is None else deadline - time.monotonic()
    if timeout is not None and timeout <= 0:
        raise ConversionTimeout("no time left to convert it")
    with tempfile.TemporaryDirectory(prefix="vanban-office-") as folder:
        source = Path(folder) / f"document{suffix}"
        source.write_bytes(data)
        profile = (Path(folder) / "profile").as_uri()
        # its own session: LibreOffice starts helper processes, which a timeout must stop too
        process = subprocess.Popen(
            [command, f"-env:UserInstallation={profile}", "--headless", "--norestore",
             f"--infilter={IMPORT_FILTERS[suffix]}", "--convert-to", "docx", "--outdir", folder, str(source)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        try:
            _, errors = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired as err:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            raise ConversionTimeout("the time limit was reached while LibreOffice converted it") from err
        converted = source.with_suffix(".docx")
        if not converted.exists():
            reason = errors.decode("utf-8", "replace").strip().splitlines()
            raise ConversionError(
                "LibreOffice could not convert it" + (f" ({reason[-1]})" if reason else "")
            )
        return converted.read_bytes()
