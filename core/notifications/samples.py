"""A preview for a message never sent yet (issue #22 point 4): its templates filled in with sample
values instead of a real message's details.

A sample value is plain text naming what would be there ("[cohort.venue]"): any detail of it is
another sample value, and as a list it is empty. No object is read, so a preview shows nothing
of anyone; it is rendered by the same restricted engine as a real message.
"""


class SampleValue(str):
    """Prints as "[its name]"; in a template `value.detail` is a sample value too. Django looks a
    detail up as a key first, so only keys answer: Python attributes stay missing, and a filter
    that needs a real date or number (`date`, `add`) gives its usual empty result, not an error."""

    def __new__(cls, name: str):
        sample = super().__new__(cls, f"[{name}]")
        sample.name = name
        return sample

    def __getitem__(self, key):
        return SampleValue(f"{self.name}.{key}")

    def __iter__(self):
        # A loop may unpack its items (`{% for name, url in links %}`) into any number of names, so
        # a sample list is empty: the loop shows its `{% empty %}` words, if any.
        return iter(())

    def __bool__(self) -> bool:
        return True


class SampleContext(dict):
    """Any name a template asks for is there, as a sample value."""

    def __contains__(self, name) -> bool:
        return True

    def __missing__(self, name: str) -> SampleValue:
        return SampleValue(name)
