from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.test import Client, override_settings

from tagalong.config.env import SettingsError, env_bool, env_int


def test_deploy_check_is_clean_with_production_settings(tmp_path) -> None:  # type: ignore[no-untyped-def]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tagalong.config.settings",
        "TAGALONG_DEBUG": "false",
        "TAGALONG_SECRET_KEY": "x" * 20 + "-production-secret-for-the-deploy-check-" + "y" * 20,
        "TAGALONG_ALLOWED_HOSTS": "tagalong.example.org",
        "TAGALONG_DATA_DIR": str(tmp_path),
    }
    env.pop("TAGALONG_TASK_BACKEND", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by the browser tests for their own thread
    result = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret(tmp_path) -> None:  # type: ignore[no-untyped-def]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tagalong.config.settings",
        "TAGALONG_DEBUG": "false",
        "TAGALONG_DATA_DIR": str(tmp_path),
    }
    env.pop("TAGALONG_SECRET_KEY", None)
    result = subprocess.run(
        [sys.executable, "-m", "django", "check"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "TAGALONG_SECRET_KEY must be set" in result.stderr


def test_settings_values_are_checked_with_a_clear_message() -> None:
    with pytest.raises(SettingsError, match="TAGALONG_DEBUG='maybe' is not a boolean"):
        env_bool("TAGALONG_DEBUG", False, env={"TAGALONG_DEBUG": "maybe"})
    with pytest.raises(SettingsError, match="is not a whole number"):
        env_int("X", 1, env={"X": "ten"})


@pytest.mark.django_db
def test_pages_carry_csp_without_inline_scripts_and_deny_framing() -> None:
    response = Client().get("/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert b"<script>" not in response.content  # only <script src=...>


@pytest.mark.django_db
@override_settings(DEBUG=False)
def test_missing_page_uses_our_404_without_details() -> None:
    response = Client().get("/no/such/page/")
    assert response.status_code == 404
    assert b"We can't find that page" in response.content
    assert b"Traceback" not in response.content


@pytest.mark.django_db
def test_openapi_document_and_docs_are_served() -> None:
    client = Client()
    schema = client.get("/api/openapi.json").json()
    assert "/api/athletes/{athlete_id}" in schema["paths"]
    docs = client.get("/api/docs")
    assert docs.status_code == 200 and b"cdn" not in docs.content.lower()
