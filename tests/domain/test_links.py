import pytest

from tracker.domain.links import is_web_link, split_links


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("https://nogliki-edu.ru/prikaz-12.pdf", True),
        ("http://school1.ru/docs?id=5#p", True),
        ("HTTPS://EXAMPLE.RU/", True),
        ("javascript:alert(1)", False),
        ("https://a.com/ javascript:alert(1)", False),
        ("https://a.com/\tjavascript:alert(1)", False),
        ("javascript://a.com/%0aalert(1)", False),
        ("data:text/html,<script>", False),
        ("https:///no-host", False),
        ("ftp://files.ru/a", False),
        ("", False),
    ],
)
def test_is_web_link(text, ok):
    assert is_web_link(text) is ok


def test_split_links():
    assert split_links(" https://a.ru \n\n http://b.ru\n") == ["https://a.ru", "http://b.ru"]
    assert split_links(None) == []
