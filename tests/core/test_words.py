from workshop_app.core.words import count


def test_one_is_singular_and_others_plural() -> None:
    assert count(1, "charter") == "1 charter"
    assert count(0, "charter") == "0 charters"
    assert count(2, "pair code") == "2 pair codes"
    assert count(3, "person", "people") == "3 people"
    assert count(1200, "participant") == "1,200 participants"
