"""Ids are random version-4 UUIDs in their usual text (other programs read the file's ids as
UUIDs), made without uuid.uuid4() for speed: the text must be what uuid.UUID writes back."""

import uuid

from workshop_app.core.runner.clock import new_id


def test_new_id_is_a_random_version_4_uuid_in_its_canonical_text() -> None:
    ids = [new_id() for _ in range(5000)]
    for text in ids:
        parsed = uuid.UUID(text)
        assert str(parsed) == text
        assert parsed.version == 4
        assert parsed.variant == uuid.RFC_4122
    assert len(set(ids)) == len(ids)
    # Every variant digit occurs: the two free bits of that digit are random, as uuid4 has them.
    assert {text[19] for text in ids} == set("89ab")
