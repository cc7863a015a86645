"""A broken or missing agreement template is reported in Indonesian."""

from __future__ import annotations

from pathlib import Path

import pytest

from mou.template import TemplateError, get_template, load_template
from ui.agreements.messages import error_text


def test_template_problems_are_reported_in_indonesian(tmp_path: Path, indonesian) -> None:
    broken = tmp_path / "kb_rusak.toml"
    broken.write_text('id = "kb"\nkind = "kesepakatan_bersama"\nname = "KB"\nsections = []\n')
    with pytest.raises(TemplateError) as missing_key:
        load_template(broken)
    bad_kind = tmp_path / "kb_jenis.toml"
    bad_kind.write_text(
        'id = "kb"\nkind = "nota"\nname = "KB"\nsections = []\npasal = []\n', encoding="utf-8"
    )
    with pytest.raises(TemplateError) as unknown_kind:
        load_template(bad_kind)
    with pytest.raises(TemplateError) as nowhere:
        get_template("tidak-ada")

    assert (
        error_text(missing_key.value) == "Berkas templat kb_rusak.toml tidak memiliki kunci 'pasal'"
    )
    assert error_text(unknown_kind.value) == (
        "Berkas templat kb_jenis.toml menyebut jenis yang tidak dikenal 'nota'"
    )
    assert error_text(nowhere.value) == "Tidak ada templat 'tidak-ada'"
