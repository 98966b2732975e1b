"""The ``tagalong`` command: run the app, load demo data, and the core tools."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Callable, Sequence
from typing import Any

DEFAULT_BIND = "127.0.0.1:8000"


def _django(settings: str = "tagalong.config.settings") -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings)
    import django

    django.setup()


def _call(command: str, *args: str, **options: Any) -> None:
    from django.core.management import call_command

    call_command(command, *args, **options)


def site_url_for_bind(bind: str) -> str | None:
    """The address emails link to when TAGALONG_SITE_URL is not set: the one being served.

    A wildcard host (0.0.0.0, ::) is not an address anyone can open, so it links to localhost;
    a Unix socket gives nothing (a proxy in front decides the address: set the variable).
    """
    if bind.startswith(("unix:", "fd://")) or ":" not in bind:
        return None
    host, _, port = bind.rpartition(":")
    host = host.strip("[]")
    if host in ("", "0.0.0.0", "::"):  # noqa: S104 - a bind address read, not one bound
        host = "localhost"
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"


def _serve_site_url(bind: str) -> None:
    derived = site_url_for_bind(bind)
    if derived and not os.environ.get("TAGALONG_SITE_URL"):
        os.environ["TAGALONG_SITE_URL"] = derived  # the web and worker processes inherit it


def _translations() -> None:
    """Compile the translation catalogues the checkout or package carries as .po files."""
    from tagalong.web.catalogues import compile_catalogues

    try:
        compile_catalogues()
    except OSError as error:  # a read-only install: its .mo files were built with it
        print(f"translations not compiled: {error}", file=sys.stderr)


def cmd_translations(args: argparse.Namespace) -> int:
    from tagalong.web.catalogues import compile_catalogues

    for path in compile_catalogues(force=True):
        print(path)
    return 0


def cmd_web(args: argparse.Namespace) -> int:
    _serve_site_url(args.bind)
    _django()
    _translations()
    if args.migrate:
        _call("migrate", interactive=False, verbosity=0)
    from django.conf import settings

    if not settings.DEBUG:
        _call("collectstatic", interactive=False, verbosity=0)
    gunicorn = [
        sys.executable,
        "-m",
        "gunicorn",
        "tagalong.config.wsgi:application",
        "--bind",
        args.bind,
        "--workers",
        str(args.workers),
        "--threads",
        "4",
        "--access-logfile",
        "-",
        "--graceful-timeout",
        "10",
    ]
    # Become gunicorn, so a signal sent to this process (by `serve` or a supervisor) reaches it.
    os.execv(sys.executable, gunicorn)  # noqa: S606


def cmd_worker(args: argparse.Namespace) -> int:
    _django()
    from django.conf import settings

    if args.clock:
        from tagalong.notifications.periodic import start_clock_thread

        start_clock_thread()
    if settings.TASK_BACKEND == "redis":
        _call("rqworker", "default", job_class="django_tasks_rq.Job", with_scheduler=True)
    else:
        _call("db_worker", queue_name="*", interval=1.0, reload=False, verbosity=args.verbosity)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Migrate, then run the web server and one worker; a dead worker is started again."""
    _serve_site_url(args.bind)
    _django()
    _translations()
    _call("migrate", interactive=False, verbosity=0)
    from tagalong.supervise import Supervisor

    base = [sys.executable, "-m", "tagalong.cli"]
    supervisor = Supervisor(
        web_command=[*base, "web", "--no-migrate", "--bind", args.bind],
        worker_command=[*base, "worker", "--verbosity", "0"],
    )
    signal.signal(signal.SIGTERM, supervisor.stop)
    print(f"Tagalong is running on http://{args.bind}/ with one task worker. Ctrl-C stops both.")
    return supervisor.run()


def cmd_demo(args: argparse.Namespace) -> int:
    _django()
    _call("migrate", interactive=False, verbosity=0)
    from tagalong.demo import demo_quietly, print_logins

    created, mail_folder = demo_quietly(reset=args.reset)
    print(f"The demo's emails were written to {mail_folder}, not sent.")
    print_logins(created=created)
    return 0


def cmd_createcoach(args: argparse.Namespace) -> int:
    _django()
    import getpass

    from tagalong.accounts.services import create_coach
    from tagalong.errors import DomainError

    password = args.password or os.environ.get("TAGALONG_COACH_PASSWORD") or getpass.getpass()
    try:
        coach = create_coach(
            email=args.email,
            full_name=args.name,
            password=password,
            practice_name=args.practice,
            time_zone=args.time_zone,
        )
    except DomainError as error:
        print(f"error: {error.message}", file=sys.stderr)
        return 2
    print(f"Coach {coach.email} created in practice “{coach.coach_profile.practice.name}”.")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    _django()
    from django.core.management.base import CommandError

    try:
        _call("import_activities", *args.paths, athlete=args.athlete)
    except CommandError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


def cmd_vapid_keys(args: argparse.Namespace) -> int:
    """Print a new VAPID key pair as the two settings that hold it."""
    from cryptography.hazmat.primitives import serialization
    from py_vapid import Vapid01, b64urlencode

    vapid = Vapid01()
    vapid.generate_keys()
    public = vapid.public_key.public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    private = vapid.private_key.private_numbers().private_value.to_bytes(32, "big")
    print(f"TAGALONG_VAPID_PUBLIC_KEY={b64urlencode(public)}")
    print(f"TAGALONG_VAPID_PRIVATE_KEY={b64urlencode(private)}")
    return 0


def cmd_manage(args: argparse.Namespace) -> int:
    _django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["tagalong manage", *args.rest])
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tagalong", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="migrate, then run the web server and a worker")
    serve.add_argument("--bind", default=DEFAULT_BIND)
    serve.set_defaults(func=cmd_serve)

    web = sub.add_parser("web", help="run the web server only (gunicorn)")
    web.add_argument("--bind", default=DEFAULT_BIND)
    web.add_argument(
        "--workers", type=int, default=int(os.environ.get("TAGALONG_WEB_WORKERS", "2"))
    )
    web.add_argument("--no-migrate", dest="migrate", action="store_false")
    web.set_defaults(func=cmd_web)

    worker = sub.add_parser("worker", help="run one background task worker")
    worker.add_argument("--verbosity", type=int, default=1)
    worker.add_argument(
        "--no-clock",
        dest="clock",
        action="store_false",
        help="do not enqueue periodic jobs (reminders, nightly reviews) from this worker",
    )
    worker.set_defaults(func=cmd_worker)

    demo = sub.add_parser("demo", help="load demo data and print the logins")
    demo.add_argument("--reset", action="store_true", help="delete the demo practice first")
    demo.set_defaults(func=cmd_demo)

    coach = sub.add_parser("createcoach", help="create a coach account")
    coach.add_argument("--email", required=True)
    coach.add_argument("--name", required=True)
    coach.add_argument("--practice", default="", help="practice name (a new practice)")
    coach.add_argument("--time-zone", default="UTC")
    coach.add_argument("--password", help="or set TAGALONG_COACH_PASSWORD, or type it")
    coach.set_defaults(func=cmd_createcoach)

    imp = sub.add_parser("import", help="import activity files, folders or archives for an athlete")
    imp.add_argument("--athlete", required=True, help="the athlete's email")
    imp.add_argument("paths", nargs="+")
    imp.set_defaults(func=cmd_import)

    translations = sub.add_parser("translations", help="compile the translation catalogues")
    translations.set_defaults(func=cmd_translations)

    vapid = sub.add_parser("vapid-keys", help="make the key pair web push notifications need")
    vapid.set_defaults(func=cmd_vapid_keys)

    manage = sub.add_parser("manage", help="run a Django management command")
    manage.add_argument("rest", nargs=argparse.REMAINDER)
    manage.set_defaults(func=cmd_manage)

    for register in EXTRA_COMMANDS:
        register(sub)
    return parser


# Core tools add their sub-commands here (analyze, calf-check, plan, import, bench).
EXTRA_COMMANDS: list[Callable[[Any], None]] = []


def main(argv: Sequence[str] | None = None) -> int:
    from tagalong import commands

    commands.register_all(EXTRA_COMMANDS)
    parser = build_parser()
    args = parser.parse_args(argv)
    result: int = args.func(args)
    return result


if __name__ == "__main__":
    sys.exit(main())
