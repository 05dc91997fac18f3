"""The one build step pyproject.toml cannot declare: the top-level resources/ folder goes into the wheel as the
package data evaldesk/_resources (evaldesk/resources.py finds it there through importlib.resources).
Everything else about the package is in pyproject.toml."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class build_py_with_resources(build_py):  # noqa: N801 — setuptools' own naming
    def run(self):
        super().run()
        if self.editable_mode:  # an editable install reads resources/ from the source tree itself
            return
        target = Path(self.build_lib) / "evaldesk" / "_resources"
        shutil.rmtree(target, ignore_errors=True)  # a file deleted from resources/ must not linger in the wheel
        shutil.copytree(Path(__file__).parent / "resources", target)


setup(cmdclass={"build_py": build_py_with_resources})
