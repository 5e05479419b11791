"""Pages and files the build makes (errata pages, drill pages, their specs), kept as files in
.cache/generated and rewritten only when their text changes: MkDocs' dirty builds (`make serve`)
then re-render only the ones that changed, as for a page in docs/."""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File

from llm_interview.importer.topicpages import write_if_changed

FOLDER = Path(".cache") / "generated"


def cached(root: Path, uri: str, text: str) -> Path:
    """The copy of `text` on disk for the project at `root`, touched only when it changes."""
    path = root / FOLDER / uri
    path.parent.mkdir(parents=True, exist_ok=True)
    write_if_changed(path, text)
    return path


def generated_file(config, uri: str, text: str) -> File:
    """A File for the site at `uri` holding `text`, from its cached copy."""
    path = cached(Path(config.config_file_path).parent, uri, text)
    return File.generated(config, uri, abs_src_path=str(path))
