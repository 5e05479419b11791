"""The theme's templates compiled once per `mkdocs serve`: every build makes a new Jinja
environment, which compiled each template again (half a second of every rebuild). The compiled
code is kept in memory on the site plugin; Jinja compiles a template anew when its source's
checksum changes."""

from __future__ import annotations

from jinja2.bccache import Bucket, BytecodeCache


class CompiledTemplates(BytecodeCache):
    def __init__(self):
        self._kept: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._kept.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # reset by Jinja if the source changed

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._kept[bucket.key] = bucket.bytecode_to_string()
