{# 封面：mkdocs-print-site-plugin 用 Jinja 渲染，`page.meta` 由 src/llm_interview/editions/plugin.py 填入。 #}
<div class="edition-cover">
  <p class="edition-cover__kind">PDF 版</p>
  <h1>{{ config.site_name }}</h1>
  <p class="edition-cover__description">{{ config.site_description }}</p>
  <dl class="edition-cover__facts">
    <dt>构建日期</dt><dd>{{ page.meta.edition.date }}</dd>
    <dt>版本</dt><dd><code>{{ page.meta.edition.commit }}</code></dd>
    <dt>在线阅读</dt><dd><a href="{{ config.site_url }}">{{ config.site_url }}</a></dd>
    <dt>源码与勘误</dt><dd><a href="{{ config.repo_url }}">{{ config.repo_url }}</a></dd>
  </dl>
  <p class="edition-cover__note">本 PDF 与网站同时从同一份源码构建；题目若有更新，以网站为准。</p>
</div>
