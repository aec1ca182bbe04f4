"""Static file URLs are the manifest's, worked out once per app process (core.static_storage)."""

import json

import pytest

from core.static_storage import StaticFilesStorage


@pytest.fixture
def storage(tmp_path):
    manifest = {"version": "1.1", "paths": {"css/site.css": "css/site.abc123.css"}, "hash": "x"}
    (tmp_path / "staticfiles.json").write_text(json.dumps(manifest))
    return StaticFilesStorage(location=tmp_path, base_url="/static/")


def test_a_files_url_is_the_manifests_and_is_kept_once_known(storage):
    assert storage.url("css/site.css") == "/static/css/site.abc123.css"

    storage.hashed_files["css/site.css"] = "css/site.def456.css"  # as if the manifest had changed

    assert storage.url("css/site.css") == "/static/css/site.abc123.css"
    assert storage.url("css/site.css", force=True) == "/static/css/site.def456.css"


def test_collectstatic_forgets_what_was_kept(storage):
    storage.url("css/site.css")

    list(storage.post_process({}))  # a new manifest, without the file

    with pytest.raises(ValueError, match="Missing staticfiles manifest entry"):
        storage.url("css/site.css")
