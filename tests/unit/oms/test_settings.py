"""Settings: the contracts' variables and every other `OMS_` one, read once, checked with clear errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from core.kernel.errors import ConfigError
from oms.settings import Settings

MB = 1024 * 1024


def test_the_contracts_defaults_hold_with_nothing_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    s = Settings.from_env({})
    # contracts: OMS_DATA_DIR ./var; OMS_DATABASE_URL sqlite:///$OMS_DATA_DIR/oms.db; OMS_BROKER_URL memory://
    assert s.data_dir == (tmp_path / "var").resolve()
    assert s.database_url == f"sqlite:///{(tmp_path / 'var').resolve() / 'oms.db'}"
    assert s.broker_url == "memory://" and s.embedded


def test_the_database_follows_the_data_dir_unless_given(tmp_path: Path) -> None:
    s = Settings.from_env({"OMS_DATA_DIR": str(tmp_path)})
    assert s.database_url == f"sqlite:///{tmp_path.resolve() / 'oms.db'}"
    given = "postgresql+psycopg://oms@db/oms"
    assert Settings.from_env({"OMS_DATA_DIR": str(tmp_path), "OMS_DATABASE_URL": given}).database_url == given


def test_each_variable_sets_its_setting(tmp_path: Path) -> None:
    env = {
        "OMS_DATA_DIR": str(tmp_path),
        "OMS_BROKER_URL": "redis://127.0.0.1:6379/0",
        "OMS_SMTP_HOST": "0.0.0.0",
        "OMS_SMTP_PORT": "0",
        "OMS_SMTP_MAX_MB": "3",
        "OMS_SMTP_SMARTHOST": "mail.example:25",
        "OMS_MAIL_FROM": "Ventas <ventas@ejemplo.es>",
        "OMS_MAILDIR": str(tmp_path / "Maildir"),
        "OMS_IMAP_URL": "imaps://u:p@imap.example/INBOX",
        "OMS_IMAP_DONE_FOLDER": "Hecho",
        "OMS_IMAP_POLL_SECONDS": "30",
        "OMS_WORKER_THREADS": "4",
        "OMS_MAX_DOCUMENT_MB": "7",
        "OMS_AUTO_FULFIL": "yes",
        "OMS_MAX_PAGES": "9",
        "OMS_OCR_WORKERS": "1",
        "OMS_AS2_PARTNERS": str(tmp_path / "as2.toml"),
        "OMS_COMPANY_GLN": "8437000000001",
        "OMS_COMPANY_PHONE": "976 400 500, +34 976 400 501",
    }
    s = Settings.from_env(env)
    assert not s.embedded
    assert (s.smtp_host, s.smtp_port, s.smtp_max_bytes) == ("0.0.0.0", 0, 3 * MB)
    assert (s.smtp_smarthost, s.mail_from) == ("mail.example:25", "Ventas <ventas@ejemplo.es>")
    assert s.maildir == tmp_path.resolve() / "Maildir"
    assert (s.imap_url, s.imap_done_folder, s.imap_poll_seconds) == (
        "imaps://u:p@imap.example/INBOX",
        "Hecho",
        30,
    )
    assert (s.worker_threads, s.max_document_bytes, s.auto_fulfil) == (4, 7 * MB, True)
    assert (s.max_pages, s.ocr_workers, s.as2_partners) == (9, 1, tmp_path.resolve() / "as2.toml")
    assert s.company_gln == ("8437000000001",)
    assert s.company_phone == ("976 400 500", "+34 976 400 501")


def test_blank_is_unset_except_for_lists_where_it_means_none() -> None:
    s = Settings.from_env({"OMS_SMTP_SMARTHOST": "", "OMS_WORKER_THREADS": "", "OMS_COMPANY_VAT": ""})
    assert s.smtp_smarthost is None and s.worker_threads == 2
    assert s.company_vat == ()
    assert Settings.from_env({}).company_vat == ("ESB50123456",)  # the demo company's, when unset


def test_the_environment_is_read_when_none_is_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OMS_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("OMS_COMPANY_VAT", "ESB11111111,ESB22222222")
    monkeypatch.setenv("OMS_TEST_PG", "postgresql+psycopg://elsewhere")  # the tests' own, not a setting
    s = Settings.from_env()
    assert s.data_dir == tmp_path.resolve()
    assert s.company_vat == ("ESB11111111", "ESB22222222")


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("OMS_SMTP_PORT", "smtp"),
        ("OMS_SMTP_PORT", "70000"),
        ("OMS_WORKER_THREADS", "0"),
        ("OMS_AUTO_FULFIL", "perhaps"),
        ("OMS_MAX_DOCUMENT_MB", "-1"),
    ],
)
def test_a_bad_value_stops_start_up_naming_the_variable(variable: str, value: str) -> None:
    with pytest.raises(ConfigError) as caught:
        Settings.from_env({variable: value})
    assert variable in str(caught.value) and repr(value) in str(caught.value)


def test_a_changed_copy_is_checked_again(tmp_path: Path) -> None:
    s = Settings(data_dir=tmp_path)
    assert s.but(worker_threads=5).worker_threads == 5
    assert s.but(worker_threads=5).data_dir == tmp_path.resolve()
    with pytest.raises(ValueError, match="worker_threads"):
        s.but(worker_threads=0)


def test_the_configuration_page_lists_every_variable_and_only_those() -> None:
    page = (Path(__file__).resolve().parents[3] / "docs" / "configuration.md").read_text(encoding="utf-8")
    rows = [line for line in page.splitlines() if line.startswith("| `OMS_")]
    listed = {name for row in rows for name in re.findall(r"`(OMS_[A-Z0-9_]+)`", row.split("|")[1])}
    assert listed == {f"OMS_{name.upper()}" for name in Settings.model_fields}
