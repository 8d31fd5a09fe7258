"""``clean`` run on its own output changes nothing: a CI that runs ``clean`` and then
``clean --check`` must not fail on text ``clean`` just wrote."""

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

# Letters mojibake is made of (UTF-8 read as cp1252 / Latin-1), NBSP and odd spaces,
# Cyrillic and Greek look-alikes, plain words: where a repair could re-read what it wrote.
PIECES = st.sampled_from([
    "Ã", "Ð", "Ñ", "â€", "™", "\u00a0", "\x80", "\xa0", "©", "é", "Ã©", "Ð¾", "Ñ€", "  ", "\u2009",
    "о", "р", "с", "а", "ο", "the ", "road ", "Москва ", "café ", ".", ",", " ",
])
LINES = st.lists(st.lists(PIECES, max_size=12).map("".join), min_size=1, max_size=4)


@pytest.mark.xfail(strict=True, reason=(
    "not idempotent yet (issue 34): 'Ð¾the Ãо' cleans to 'othe Ãо' (Ð¾ repaired to о, "
    "then made Latin; the Cyrillic о in 'Ãо' kept), and a second run turns that о Latin "
    "too: the first run decides 'Ãо' beside the mojibake; a fix is not small"))
@example(lines=["Ð¾the Ãо"])
@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(lines=LINES)
def test_clean_of_clean_is_clean(invoke, lines):
    data = "".join(line + "\n" for line in lines).encode("utf-8")
    once = invoke(["clean", "--lang", "en"], input=data)
    assert once.exit_code == 0, once.stderr
    twice = invoke(["clean", "--lang", "en"], input=once.stdout_bytes)
    assert twice.exit_code == 0, twice.stderr
    assert twice.stdout_bytes == once.stdout_bytes
