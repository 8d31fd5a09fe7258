"""writes_entities_as_text: text about entities keeps them; text escaped as a whole is decoded."""

import pytest

from corpus_tools.text.entities import writes_entities_as_text

# Lines that write entities as entities: a decoder would make them say something else.
WRITTEN_AS_ENTITIES = [
    "valid entities are: &amp; &quot; &lt; &gt; &apos;",  # entity names listed
    "Gültige Entitäten sind: &amp;, &quot;, &lt;, &gt;",
    "use &lt; and &gt; for the angle brackets",  # a list joined by a short word
    "escape ampersand as &amp;",  # &amp; closing a clause: named, not a conjunction
    "escape ampersand as &amp;.",
    "échapper l'esperluette en &amp;, toujours",
    'write "&amp;" instead of a bare ampersand',  # quoted as an example
    "écrire « &lt; » pour le signe",
    "écrire «\u00a0&lt;\u00a0» pour le signe",
    "Schreiben Sie „&amp;“ statt des Zeichens",
    "a character reference (&#234; for example)",  # bracketed as an example
    "a named reference [&eacute;] works too",
    "the letter &eacute; is written so",  # a letter's entity outside any word
    "Tom & Jerry, written &amp; in HTML",  # the line's own ampersand is raw
]

# Lines HTML-escaped as a whole: decoding them is the repair.
ESCAPED_AS_A_WHOLE = [
    "Tom &amp; Jerry",  # a conjunction between words
    "He said &quot;hello&quot; and left",  # quotes glued to words
    "caf&eacute; and na&#239;ve",  # letters inside words
    "R&amp;D department",
    "&lt;b&gt;bold&lt;/b&gt; text",  # escaped tags
    "Next &gt;",  # a button label
    "&lt; Back",
    "&laquo; Previous | Next &raquo;",
    "rock &#39;n&#39; roll",
    "price&nbsp;list",
    "(&quot;quoted&quot;)",  # a bracket before a quote glued to a word
    "Q &amp; A &amp; more",  # the same entity twice is no list of names
]

NO_ENTITY = [
    "plain text",
    "AT&T and Procter & Gamble",  # raw ampersands, no entity at all
    "&foo; is no entity",
    "",
]


@pytest.mark.parametrize("line", WRITTEN_AS_ENTITIES)
def test_lines_about_entities_keep_them(line):
    assert writes_entities_as_text(line)


@pytest.mark.parametrize("line", ESCAPED_AS_A_WHOLE)
def test_text_escaped_as_a_whole_is_decoded(line):
    assert not writes_entities_as_text(line)


@pytest.mark.parametrize("line", NO_ENTITY)
def test_a_line_without_entities_has_nothing_to_keep(line):
    assert not writes_entities_as_text(line)
