"""The offline copy (issue 12): the site built for `file://` and zipped."""


def is_offline_build(config) -> bool:
    """Whether MkDocs is building the offline copy (Material's offline plugin is enabled)."""
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.enabled)
