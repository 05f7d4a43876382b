"""A real IMAP server for the tests: Debian's dovecot, started unprivileged on a free port.

Everything it needs lives in a temporary folder (configuration, a passwd-file user, the mail in
Maildir format, its sockets and logs); nothing system-wide is read or changed.  Run as root (CI), it
runs as `nobody`, since dovecot's login processes refuse to run as root.
"""

from __future__ import annotations

import grp
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.waiting import wait_until

DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"
CONFIG = """\
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
info_log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = {user}
default_internal_group = {group}
default_login_user = {user}
mail_location = maildir:{root}/mail/%u
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid={user} gid={group} home={root}/home/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
  chroot =
}}
service anvil {{
  chroot =
}}
service stats {{
  chroot =
}}
"""


@dataclass(frozen=True)
class ImapServer:
    port: int
    username: str
    password: str
    root: Path

    @property
    def url(self) -> str:
        return f"imap://{self.username}:{self.password}@127.0.0.1:{self.port}/INBOX"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _greets(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
            return sock.recv(64).startswith(b"* OK")
    except OSError:
        return False


@contextmanager
def dovecot() -> Iterator[ImapServer]:
    if not Path(DOVECOT).exists():
        message = "dovecot is not installed (Debian package dovecot-imapd; `make install` installs it)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    as_root = os.geteuid() == 0
    account = pwd.getpwnam("nobody") if as_root else pwd.getpwuid(os.geteuid())
    group = account.pw_gid
    root = Path(tempfile.mkdtemp(prefix="comanda-dovecot-"))
    port = _free_port()
    for sub in ("run", "state", "mail", "home"):
        (root / sub).mkdir()
    (root / "passwd").write_text("orders:{PLAIN}s3cret::::::\n", encoding="utf-8")
    config = root / "dovecot.conf"
    config.write_text(
        CONFIG.format(root=root, user=account.pw_name, group=grp.getgrgid(group).gr_name, port=port)
    )
    if as_root:
        for path in [root, *root.rglob("*")]:
            os.chown(path, account.pw_uid, group)
    extra: dict[str, object] = {"user": account.pw_uid, "group": group, "extra_groups": []} if as_root else {}
    proc = subprocess.Popen(
        [DOVECOT, "-F", "-c", str(config)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **extra
    )
    try:
        with suppress(AssertionError):  # greeting, or gone (then the log says why)
            wait_until(lambda: proc.poll() is not None or _greets(port), "dovecot to greet", 20)
        if proc.poll() is not None or not _greets(port):
            log = (
                (root / "dovecot.log").read_text(errors="replace") if (root / "dovecot.log").exists() else ""
            )
            raise RuntimeError(f"dovecot did not start: {log[-2000:]}")
        yield ImapServer(port, "orders", "s3cret", root)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        shutil.rmtree(root, ignore_errors=True)
