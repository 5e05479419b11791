{# 封面：mkdocs-print-site-plugin 用 Jinja 渲染，`page.meta` 由 src/llm_interview/editions/plugin.py 填入。
   第一张是整本的封面；其后每个主题一张（分主题 PDF 用），docs/assets/js/print.js 只显示正在打印的那一张。 #}
{% macro facts(online) %}
  <dl class="edition-cover__facts">
    <dt>构建日期</dt><dd>{{ page.meta.edition.date }}</dd>
    <dt>版本</dt><dd><code>{{ page.meta.edition.commit }}</code></dd>
    <dt>在线阅读</dt><dd><a href="{{ online }}">{{ online }}</a></dd>
    <dt>源码与勘误</dt><dd><a href="{{ config.repo_url }}">{{ config.repo_url }}</a></dd>
  </dl>
  <p class="edition-cover__note">本 PDF 与网站同时从同一份源码构建；题目若有更新，以网站为准。</p>
{% endmacro %}
<div class="edition-cover" data-topic="">
  <p class="edition-cover__kind">PDF 版</p>
  <h1>{{ config.site_name }}</h1>
  <p class="edition-cover__description">{{ config.site_description }}</p>
  {{ facts(config.site_url) }}
</div>
{% for topic in page.meta.topics %}
<div class="edition-cover" data-topic="{{ topic.slug }}" hidden>
  <p class="edition-cover__kind">{{ config.site_name }} · 分主题 PDF</p>
  <h1>{{ topic.title }}</h1>
  <p class="edition-cover__description">{{ topic.scope }}</p>
  {{ facts(config.site_url ~ topic.slug ~ "/") }}
</div>
{% endfor %}
