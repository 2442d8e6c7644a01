"""Settings: validated up front, every error reported at once naming the field."""
from __future__ import annotations

import pytest

from generator.config import load_settings
from generator.resources import ConfigError


def test_defaults_and_overrides(tmp_path):
    (tmp_path / "briefing.yml").write_text("key_quotes: 5\n")
    s = load_settings(tmp_path, {"summary_sentences": 7})
    assert (s.key_quotes, s.summary_sentences) == (5, 7)
    assert s.articles == tmp_path / "seeds"


def test_every_error_at_once(tmp_path):
    (tmp_path / "briefing.yml").write_text("key_quotes: many\nsite_url: ftp://x\ncolour: red\n")
    with pytest.raises(ConfigError) as err:
        load_settings(tmp_path, {})
    message = str(err.value)
    assert "`key_quotes`" in message and "`site_url`" in message and "`colour`" in message
    assert "briefing.yml" in message


def test_broken_yaml_names_line(tmp_path):
    (tmp_path / "briefing.yml").write_text("key_quotes: 5\nsite_name: [x\n")
    with pytest.raises(ConfigError, match=r"briefing.yml:\d+"):
        load_settings(tmp_path, {})


def test_a_bare_on_or_no_in_a_word_list_is_an_error_naming_the_line(tmp_path, monkeypatch):
    from generator import resources
    monkeypatch.setattr(resources, "DATA", tmp_path)
    (tmp_path / "words.yml").write_text("kept: true\nwords:\n  small: [in, at]\n  more: [by, On, to]\n")
    with pytest.raises(ConfigError, match=r"words.yml:4: 'On' in a list is read as true or false"):
        resources.load.__wrapped__("words.yml")
    (tmp_path / "words.yml").write_text('kept: true\nwords: [in, "On", at]\n')
    assert resources.load.__wrapped__("words.yml") == {"kept": True, "words": ["in", "On", "at"]}
