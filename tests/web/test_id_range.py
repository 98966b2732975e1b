from __future__ import annotations

import pytest

HUGE_ID = 10**22  # beyond a 64-bit integer


def test_an_id_beyond_the_database_range_is_a_404_not_a_500() -> None:
    from django.http import Http404, HttpResponse
    from django.test import RequestFactory

    from tagalong.web.middleware import IdOutOfRangeMiddleware

    middleware = IdOutOfRangeMiddleware(lambda request: HttpResponse())
    request = RequestFactory().get(f"/athletes/{HUGE_ID}/")
    with pytest.raises(Http404):
        middleware.process_exception(request, OverflowError("too large"))
    assert middleware.process_exception(request, ValueError("other")) is None


@pytest.mark.django_db
def test_the_api_answers_404_for_an_id_beyond_the_database_range() -> None:
    from django.test import Client

    from tests.factories import make_athlete

    athlete = make_athlete()
    client = Client()
    client.force_login(athlete.user)
    response = client.get(f"/api/coaches/{HUGE_ID}/session-types/1/slots")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
