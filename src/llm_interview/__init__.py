"""大模型面试知识库: the site's page model, importer, checks and MkDocs plugins."""
