"""Static files as production serves them: WhiteNoise's compressed, hashed files, each file's URL
worked out once per app process (issue #8).

Every `{% static %}` looks the file's hashed name up in the manifest and builds its URL again:
about 10 µs, and a Wagtail admin page asks for some fifteen files. The manifest is read when the
process starts and does not change while it runs, so a URL once known is kept. `collectstatic`,
which writes the manifest, forgets what was kept.
"""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._known_urls: dict[str, str] = {}

    def url(self, name, force=False):
        if force:
            return super().url(name, force=True)
        if name not in self._known_urls:
            self._known_urls[name] = super().url(name)
        return self._known_urls[name]

    def post_process(self, *args, **kwargs):
        self._known_urls.clear()
        yield from super().post_process(*args, **kwargs)
        self._known_urls.clear()
