"""The site's front-end build step: its ES modules bundled into classic scripts."""
