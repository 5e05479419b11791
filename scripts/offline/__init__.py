"""The offline copy (issue 12): the site built for `file://` and zipped."""
