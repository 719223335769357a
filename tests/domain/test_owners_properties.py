"""Properties of the owner and stage parsers: they never fail, and names survive any case."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.domain.owners import (
    Owner,
    find_controller,
    parse_owners,
    person_key,
    split_addressee,
)
from tracker.domain.stages import STAGES, stage_from_section, stage_from_text

PERSON_NAME = re.compile(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)? [А-ЯЁ]\.(?:[А-ЯЁ]\.)?")
EXAMPLES = settings(max_examples=300, deadline=None)

# Text that looks like the documents: Russian words, initials, quotes, numbers, markup.
FRAGMENTS = st.sampled_from(
    [
        "Начальнику",
        "директору",
        "отдела",
        "образования",
        "Акимовой",
        "Н.В.",
        "И.",
        "«",
        "»",
        "(",
        ")",
        ":",
        ",",
        "ОО",
        "МБОУ",
        "№",
        "2",
        "подготовить",
        "возложить на",
        "Контроль за исполнением",
        "оставляю за собой",
        "Ответственный:",
        "отв.",
        "Рекомендовать",
        "руководителям",
        "<p>",
        "**",
        "\n",
        "-",
        "и",
        "ё",
        "A.",
    ]
)
DOCUMENT_LIKE = st.lists(FRAGMENTS, max_size=30).map(" ".join)
ANY_TEXT = st.one_of(st.text(), DOCUMENT_LIKE)

CONSONANTS = "БВГДЗКЛМНПРСТФХ"
VOWELS = "аоиуе"
STEMS = st.builds(
    lambda c1, v1, c2, v2, c3, suffix: c1 + v1 + c2.lower() + v2 + c3.lower() + suffix,
    *(st.sampled_from(CONSONANTS), st.sampled_from(VOWELS)) * 2,
    st.sampled_from(CONSONANTS),
    st.sampled_from(["ов", "ев", "ин"]),
)
INITIALS = st.tuples(st.sampled_from(CONSONANTS), st.sampled_from(CONSONANTS)).map(
    lambda letters: f"{letters[0]}.{letters[1]}."
)


def assert_well_formed(owners: list[Owner]) -> None:
    for owner in owners:
        assert owner.kind in ("person", "org", "group")
        assert owner.name.strip()
        assert (owner.group is not None) == (owner.kind == "group")
        if owner.kind == "person":
            assert PERSON_NAME.fullmatch(owner.name), owner.name
        assert set(owner.to_contract()) == {"raw", "kind", "name", "position"}


@EXAMPLES
@given(ANY_TEXT)
def test_parse_owners_never_fails_and_names_owners_properly(text):
    assert_well_formed(parse_owners.__wrapped__(text))


@EXAMPLES
@given(ANY_TEXT)
def test_split_addressee_never_fails_and_leaves_text_alone_without_addressee(text):
    owners, rest = split_addressee.__wrapped__(text)
    assert_well_formed(owners)
    assert isinstance(rest, str)
    if not owners:
        assert rest == text


@EXAMPLES
@given(ANY_TEXT)
def test_find_controller_never_fails(text):
    owner = find_controller.__wrapped__(text)
    assert owner is None or (isinstance(owner, Owner) and owner.name.strip())


@EXAMPLES
@given(ANY_TEXT)
def test_stages_never_fail(text):
    assert stage_from_text.__wrapped__(text) in (*STAGES, None)
    assert stage_from_section.__wrapped__(text) in (*STAGES, None)


@EXAMPLES
@given(ANY_TEXT)
def test_person_key_never_fails(text):
    surname, _initials = person_key.__wrapped__(text)
    assert surname == surname.lower()
    assert "ё" not in surname


@EXAMPLES
@given(STEMS, INITIALS, st.booleans())
def test_a_dative_addressee_comes_back_in_the_nominative(stem, initials, female):
    dative, nominative = (stem + "ой", stem + "а") if female else (stem + "у", stem)
    item = f"Начальнику отдела образования {dative} {initials} провести совещание"
    owners, rest = split_addressee(item)
    assert [(o.kind, o.name, o.position) for o in owners] == [
        ("person", f"{nominative} {initials}", "начальник отдела образования")
    ]
    assert rest == "провести совещание"


@EXAMPLES
@given(st.lists(st.tuples(STEMS, INITIALS, st.booleans()), min_size=1, max_size=4))
def test_a_list_of_nominative_names_reads_back_in_order(people):
    names = [f"{stem}{'а' if female else ''} {initials}" for stem, initials, female in people]
    found = [owner.name for owner in parse_owners(", ".join(names))]
    assert found == list(dict.fromkeys(names))


@EXAMPLES
@given(STEMS, INITIALS)
def test_person_key_ignores_the_order_of_surname_and_initials(stem, initials):
    assert person_key(f"{stem} {initials}") == person_key(f"{initials} {stem}")
