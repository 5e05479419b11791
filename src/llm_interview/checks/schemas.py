"""The shape of every data file: which fields a record has and what each holds, checked on the
YAML nodes so each mistake is named with its line (`make check` and the build, before any loader
reads the file). The loaders then only ever see well-formed data."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import yaml

from llm_interview.pages.topics import SLUGS

STR, INT, BOOL = "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:bool"
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ARXIV = re.compile(r"^\d{4}\.\d{4,5}$")
Finding = tuple[int, str]  # (1-based line, message)
Check = Callable[[yaml.Node], Iterator[Finding]]


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def text(node: yaml.Node) -> Iterator[Finding]:
    if isinstance(node, yaml.ScalarNode) and node.tag != STR and node.value:
        quoted = f"'{node.value}'"
        yield _line(node), f"YAML 把「{node.value}」读成了数字或其他类型：加上引号写成 {quoted}"
    elif not (isinstance(node, yaml.ScalarNode) and node.value.strip()):
        yield _line(node), "这里要写一段文字"


def slug(node: yaml.Node) -> Iterator[Finding]:
    if not (isinstance(node, yaml.ScalarNode) and node.tag == STR and SLUG.match(node.value)):
        yield _line(node), "id 只能用小写英文、数字和连字符，如 kv-cache"


def topic(node: yaml.Node) -> Iterator[Finding]:
    if not (isinstance(node, yaml.ScalarNode) and node.value in SLUGS):
        yield _line(node), f"主题要写成 {'、'.join(SLUGS)} 之一"


def arxiv(node: yaml.Node) -> Iterator[Finding]:
    if not (isinstance(node, yaml.ScalarNode) and node.tag == STR and ARXIV.match(node.value)):
        yield _line(node), "arXiv 编号写成带引号的字符串，如 '2305.13245'"


def year(node: yaml.Node) -> Iterator[Finding]:
    if not (isinstance(node, yaml.ScalarNode) and node.tag == INT):
        yield _line(node), "年份写成四位数字，如 2024"


def flag(node: yaml.Node) -> Iterator[Finding]:
    if not (isinstance(node, yaml.ScalarNode) and node.tag == BOOL):
        yield _line(node), "这里写 true 或 false"


def weight(node: yaml.Node) -> Iterator[Finding]:
    if not (isinstance(node, yaml.ScalarNode) and node.tag == INT and 1 <= int(node.value) <= 4):
        yield _line(node), "权重写成 1 到 4 的整数"


def seq(item: Check) -> Check:
    """A list whose every item passes `item`."""

    def check(node: yaml.Node) -> Iterator[Finding]:
        if not isinstance(node, yaml.SequenceNode):
            yield _line(node), "这里要写成列表：每项一行「- …」，或写成 [a, b]"
            return
        for child in node.value:
            yield from item(child)

    return check


def mapping(key: Check, value: Check) -> Check:
    """A mapping whose keys pass `key` and values pass `value`."""

    def check(node: yaml.Node) -> Iterator[Finding]:
        if not isinstance(node, yaml.MappingNode):
            yield _line(node), "这里要写成「键: 值」"
            return
        for k, v in node.value:
            yield from key(k)
            yield from value(v)

    return check


def record(required: dict[str, Check], optional: dict[str, Check] | None = None) -> Check:
    """A mapping with exactly these fields: every required one, any of the optional ones."""
    optional = optional or {}

    def check(node: yaml.Node) -> Iterator[Finding]:
        if not isinstance(node, yaml.MappingNode):
            yield _line(node), f"这里要写成一组字段：{'、'.join(required)}"
            return
        fields = {k.value: v for k, v in node.value if isinstance(k, yaml.ScalarNode)}
        missing = [name for name in required if name not in fields]
        if missing:
            yield _line(node), f"缺少字段 {'、'.join(missing)}"
        for k, v in node.value:
            rule = required.get(k.value) or optional.get(k.value)
            if rule is None:
                known = "、".join([*required, *optional])
                yield _line(k), f"不认识的字段「{k.value}」：可以写的字段是 {known}"
            else:
                yield from rule(v)

    return check


SCHEMAS: dict[str, Check] = {
    "data/glossary.yaml": record(
        {
            "terms": seq(
                record(
                    {
                        "id": slug,
                        "term": text,
                        "zh": text,
                        "en": text,
                        "definition": text,
                        "topic": topic,
                    },
                    {"aliases": seq(text)},
                )
            )
        }
    ),
    "data/references.yaml": seq(
        record(
            {"key": text, "authors": seq(text), "title": text, "url": text, "checked": text},
            {"year": year, "arxiv": arxiv, "venue": text},
        )
    ),
    "data/names.yaml": record(
        {
            "names": seq(
                record(
                    {"name": text, "source": text},
                    {"also": seq(text), "only": seq(text), "chinese": flag},
                )
            )
        }
    ),
    "data/related.yaml": record({"groups": seq(seq(slug))}, {"alone": seq(slug)}),
    "data/topic_lexicon.yaml": record({"topics": mapping(topic, mapping(text, weight))}),
    "data/curation.yaml": record(
        {
            "entries": seq(
                record(
                    {"id": slug, "topic": topic, "title": text, "start": text},
                    {"end": text, "tags": seq(text), "keywords": seq(text)},
                )
            )
        }
    ),
}


def first_finding(name: str, root: yaml.Node | None) -> Finding | None:
    """The first mistake in the shape of data file `name` (None when it is well formed)."""
    if root is None:
        return 1, "文件是空的"
    return next(iter(SCHEMAS[name](root)), None)
