"""50 visitors for 60 s on gunicorn and PostgreSQL: no server error, and every irritant whose
confirmation came back is stored exactly once."""

from .load import report, run_load, stored_markers

USERS, DURATION = 50, 60


def test_fifty_visitors_for_a_minute(live, capsys):
    figures = run_load(live.server, live.folder, USERS, DURATION)
    figures.update(users=USERS, duration=DURATION)
    stored = stored_markers(live.database_url, figures["confirmed"])
    with capsys.disabled():
        print("\n" + report(figures, stored))

    statuses = figures["statuses"]
    server_errors = {code: n for code, n in statuses.items() if not code.isdigit() or code >= "500"}
    assert server_errors == {}
    # Each visitor waits 0.5–1.5 s between requests; on the 2-core CI machine gunicorn,
    # PostgreSQL and locust share the processors, so answers take longer than that.
    assert figures["requests"] >= 5 * DURATION
    assert figures["pages"] >= 50  # every page of every site, in both languages
    assert len(figures["confirmed"]) >= 10
    assert all(count == 1 for count in stored.values()), stored
