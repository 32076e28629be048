"""The compiled part of tracker: the timeline's fold (tracker/timeline/_fold.pyx).

Everything else is in pyproject.toml. Without the extension (a source tree not built)
the timeline folds in Python, with the same results (tests/timeline compares them).
"""

from Cython.Build import cythonize
from setuptools import Extension, setup

setup(
    ext_modules=cythonize(
        [Extension("tracker.timeline._fold", ["tracker/timeline/_fold.pyx"])],
        compiler_directives={"language_level": 3},
    )
)
