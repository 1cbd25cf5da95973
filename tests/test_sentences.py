"""The sentence splitter on the hard cases of news prose."""

import pytest

from tui.engine.text.sentences import split_spans


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_spans(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Gen. Mark Milley spoke. He left.", ["Gen. Mark Milley spoke.", "He left."]),
        ("Capt. JD Dorsey confirmed it. Mr. Brown agreed.", ["Capt. JD Dorsey confirmed it.", "Mr. Brown agreed."]),
        ("He called Charles Q. Brown Jr. on Monday.", ["He called Charles Q. Brown Jr. on Monday."]),
        ("Brown Jr. The call followed.", ["Brown Jr.", "The call followed."]),
        ("The U.S. Navy said so.", ["The U.S. Navy said so."]),
        ("He said: “We informed Arland of it in Kurdistan.”Borovia has denied it.",
         ["He said: “We informed Arland of it in Kurdistan.”", "Borovia has denied it."]),
        ("The U.S.Navy said so.", ["The U.S.Navy said so."]),
        ("It flew over the U.S. The crew was safe.", ["It flew over the U.S.", "The crew was safe."]),
        ("He waited... and then left.", ["He waited... and then left."]),
        ("“It’s very aggressive. … We have video,” he said.", ["“It’s very aggressive. … We have video,” he said."]),
        ("“We know that. We know this,” Milley said. Then he left.",
         ["“We know that. We know this,” Milley said.", "Then he left."]),
        ("\"One. Two,\" she said. Next one.", ["\"One. Two,\" she said.", "Next one."]),
        ("“It was a phone call.” The ministry confirmed it.", ["“It was a phone call.”", "The ministry confirmed it."]),
        ("Is it over? Yes! It is.", ["Is it over?", "Yes!", "It is."]),
        ("It cost $32 million. It was lost.", ["It cost $32 million.", "It was lost."]),
        ("The talks began at 9 a.m. The ministry said so.", ["The talks began at 9 a.m.", "The ministry said so."]),
        ("It was 1,200 to 1,500 metres deep. 4,000 feet is deep.", ["It was 1,200 to 1,500 metres deep.", "4,000 feet is deep."]),
        ("ends without a stop", ["ends without a stop"]),
    ],
)
def test_split(text, expected):
    assert sentences(text) == expected


def test_unclosed_quote_does_not_swallow_the_paragraph():
    body = "“This quote never closes. " + "Another sentence follows here. " * 40
    assert len(sentences(body)) > 10


def test_offsets_are_absolute():
    text = "  First one. Second one."
    spans = split_spans(text, offset=100)
    assert spans == [(102, 112), (113, 124)]
