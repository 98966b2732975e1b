import secrets

import pytest

from tagalong.calendars import DEFAULT_SERVER, CalendarError, video_room_url

TOKEN = "Zq3b9X_k-0aPq7Lm2vN8rT"


def test_room_is_the_token_on_the_public_jitsi_server_by_default() -> None:
    assert DEFAULT_SERVER == "https://meet.jit.si"
    assert video_room_url(secret_token=TOKEN) == f"https://meet.jit.si/{TOKEN}"


def test_self_hosted_server_with_a_path_and_trailing_slash() -> None:
    url = video_room_url(server="https://video.club.example/jitsi/", secret_token=TOKEN)
    assert url == f"https://video.club.example/jitsi/{TOKEN}"


def test_tokens_from_secrets_token_urlsafe_are_accepted() -> None:
    token = secrets.token_urlsafe(16)
    assert video_room_url(secret_token=token).endswith(token)


@pytest.mark.parametrize(
    "server",
    [
        "http://meet.jit.si",
        "meet.jit.si",
        "https://",
        "https://user:pw@meet.example",
        "https://meet.example/?room=x",
        "javascript:alert(1)",
    ],
)
def test_server_must_be_a_plain_https_url(server: str) -> None:
    with pytest.raises(CalendarError, match="server: "):
        video_room_url(server=server, secret_token=TOKEN)


@pytest.mark.parametrize("token", ["short", "a" * 21, TOKEN + "/../x", TOKEN + " x", TOKEN + "?"])
def test_guessable_or_unsafe_tokens_are_refused(token: str) -> None:
    with pytest.raises(CalendarError, match="secret_token: "):
        video_room_url(secret_token=token)
