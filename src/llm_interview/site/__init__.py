"""The site: one model of its pages built once per build, the topic layout, the home page."""
