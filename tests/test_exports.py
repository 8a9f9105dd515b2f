"""Whole-or-absent exports: checked in a temporary file next to the target, then renamed; never half a file."""

from __future__ import annotations

import pytest

from ftplanner.core.errors import Cancelled, WriteFailed
from ftplanner.core.exports import pdf_problem, whole_or_absent, write_whole


def test_a_cut_short_pdf_is_never_renamed_into_place(tmp_path):
    target = tmp_path / "r.pdf"
    with (
        pytest.raises(WriteFailed, match="incomplete") as caught,
        whole_or_absent(target, "write the PDF", pdf_problem) as tmp,
    ):
        tmp.write_bytes(b"%PDF-1.4\n" + b"x" * 5000)  # what a full disk leaves: no trailer
    assert "nothing was written" in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_a_complete_pdf_is_published_and_an_old_file_survives_a_failure(tmp_path):
    target = tmp_path / "r.pdf"
    with whole_or_absent(target, "write the PDF", pdf_problem) as tmp:
        tmp.write_bytes(b"%PDF-1.4\nbody\n%%EOF\n")
    assert target.read_bytes().endswith(b"%%EOF\n")
    with pytest.raises(Cancelled), whole_or_absent(target, "write the PDF", pdf_problem) as tmp:
        tmp.write_bytes(b"%PDF-1.4\n")
        raise Cancelled()
    assert target.read_bytes().endswith(b"%%EOF\n") and [p.name for p in tmp_path.iterdir()] == ["r.pdf"]


def test_no_file_an_empty_file_or_a_folder_in_the_way_are_clear_errors(tmp_path):
    with pytest.raises(WriteFailed, match="made no file"), whole_or_absent(tmp_path / "a.pdf"):
        pass
    with pytest.raises(WriteFailed, match="empty"), whole_or_absent(tmp_path / "b.csv") as tmp:
        tmp.write_bytes(b"")
    (tmp_path / "c.csv").mkdir()
    with pytest.raises(WriteFailed, match="folder is in the way"):
        write_whole(tmp_path / "c.csv", b"a,b\r\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.csv"]


def test_write_whole_writes_every_byte(tmp_path):
    data = "é,ü\r\n".encode("utf-8-sig") * 1000
    write_whole(tmp_path / "x.csv", data)
    assert (tmp_path / "x.csv").read_bytes() == data
