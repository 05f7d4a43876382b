"""The files in deploy/ are usable: the systemd units parse, have what a service needs and start `oms`
commands that exist; the environment file holds only real, valid settings; the nginx site is balanced,
terminates TLS, proxies to where `oms serve` listens and keeps /metrics inside."""

from __future__ import annotations

import configparser
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from oms.cli import build_parser
from oms.settings import Settings

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
UNITS = sorted((DEPLOY / "systemd").glob("*.service"))
NEEDED = {
    "Unit": ("Description", "After"),
    "Service": ("ExecStart", "User", "Restart", "EnvironmentFile", "WorkingDirectory"),
    "Install": ("WantedBy",),
}


def unit(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=True, comment_prefixes=("#", ";"))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # systemd keys are case-sensitive
    parser.read_string(path.read_text(encoding="utf-8"), source=str(path))
    return parser


def test_there_are_units_for_serve_the_templated_worker_and_watch() -> None:
    assert {p.name for p in UNITS} == {
        "comanda-serve.service",
        "comanda-worker@.service",
        "comanda-watch.service",
    }


@pytest.mark.parametrize("path", UNITS, ids=lambda p: p.name)
def test_each_unit_has_what_a_service_needs_and_starts_a_real_command(path: Path) -> None:
    parsed = unit(path)
    for section, keys in NEEDED.items():
        assert section in parsed, section
        assert [k for k in keys if not parsed[section].get(k)] == [], section
    argv = shlex.split(parsed["Service"]["ExecStart"])
    assert argv[0].endswith("/.venv/bin/oms")
    args = build_parser().parse_args(argv[1:])  # exits (SystemExit) on a command or option oms lacks
    expected = path.name.removeprefix("comanda-").split("@")[0].removesuffix(".service")
    assert args.command == expected
    assert parsed["Service"]["Restart"] in ("on-failure", "always")
    assert parsed["Service"]["EnvironmentFile"] == "/etc/comanda/comanda.env"


def test_the_worker_is_a_template_naming_its_instance() -> None:
    parsed = unit(DEPLOY / "systemd" / "comanda-worker@.service")
    assert "%i" in parsed["Unit"]["Description"]


def test_serve_listens_where_the_proxy_sends() -> None:
    argv = shlex.split(unit(DEPLOY / "systemd" / "comanda-serve.service")["Service"]["ExecStart"])
    args = build_parser().parse_args(argv[1:])
    site = (DEPLOY / "nginx" / "comanda.conf").read_text(encoding="utf-8")
    assert f"proxy_pass http://{args.host}:{args.port};" in site


def test_the_environment_file_holds_valid_settings_only() -> None:
    text = (DEPLOY / "systemd" / "comanda.env").read_text(encoding="utf-8")
    pairs = dict(
        line.split("=", 1) for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")
    )
    named = {line.lstrip("#").split("=", 1)[0] for line in text.splitlines() if "=" in line}
    assert all(name.startswith("OMS_") and name[4:].lower() in Settings.model_fields for name in named), named
    settings = Settings.from_env(pairs)  # raises ConfigError on a value that cannot be used
    assert settings.log_format == "json" and settings.broker_url.startswith("redis://")


def without_comments(text: str) -> str:
    return "\n".join(re.sub(r"#.*$", "", re.sub(r'"[^"]*"', '""', line)) for line in text.splitlines())


def test_the_nginx_site_is_balanced_and_terminates_tls() -> None:
    site = without_comments((DEPLOY / "nginx" / "comanda.conf").read_text(encoding="utf-8"))
    depth = 0
    for char in site:
        depth += {"{": 1, "}": -1}.get(char, 0)
        assert depth >= 0
    assert depth == 0
    statements = [s.strip() for s in re.split(r"[;{}]", site) if s.strip()]
    for needed in ("listen 443 ssl", "ssl_certificate ", "ssl_certificate_key ", "return 301 https://"):
        assert any(s.startswith(needed) for s in statements), needed
    assert re.search(r"location = /metrics\s*\{\s*return 404;\s*\}", site)


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_systemd_itself_finds_nothing_wrong(tmp_path: Path) -> None:
    oms = Path(sys.executable).with_name("oms")  # the .venv's, standing in for /opt/comanda/.venv/bin/oms
    for path in UNITS:
        copy = tmp_path / path.name
        copy.write_text(path.read_text(encoding="utf-8").replace("/opt/comanda/.venv/bin/oms", str(oms)))
    copies = [str(tmp_path / p.name) for p in UNITS]
    done = subprocess.run(["systemd-analyze", "verify", "--man=no", *copies], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
