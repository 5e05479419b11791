"""`make serve` rebuilds only the changed pages (`--dirty`): the plugins that gather something
from every rendered page keep what the earlier builds of the same serve gathered."""

from __future__ import annotations

import os

import pytest

from llm_interview.practice.plugin import PracticePlugin
from llm_interview.search.plugin import SearchPlugin
from llm_interview.site.generated import cached


@pytest.mark.parametrize(
    ("plugin", "gathered"), [(SearchPlugin, "pages"), (PracticePlugin, "entries")]
)
@pytest.mark.parametrize("dirty", [True, False])
def test_a_dirty_rebuild_keeps_what_earlier_builds_gathered(plugin, gathered, dirty):
    instance = plugin()
    instance.on_startup(command="serve", dirty=dirty)
    instance.on_config({})
    getattr(instance, gathered)["rl/rlhf.md"] = ["从第一次构建来的记录"]
    instance.on_config({})  # the next build of the same serve
    assert bool(getattr(instance, gathered)) is dirty


def test_a_generated_page_is_rewritten_only_when_its_text_changes(tmp_path):
    first = cached(tmp_path, "drills/x.md", "# 题\n")
    os.utime(first, (1, 1))
    assert (
        os.path.getmtime(cached(tmp_path, "drills/x.md", "# 题\n")) == 1
    )  # a dirty build skips it
    assert os.path.getmtime(cached(tmp_path, "drills/x.md", "# 新题\n")) > 1
