"""The course's helper package: the mathematics behind the notebooks, one module per idea.

* `course.data`: MNIST: the bundled 5,000 digits, the full 70,000 (download, cache).
* `course.idx`: the IDX file format, read strictly.
* `course.pixel_stats`: mean digits, intensity histogram, variograms, border ink,
  centre of mass.
* `course.plotting`: grids of digits and PNG pictures for widgets.
* `course.widgets`: the interactive widgets the notebooks display.
* `course.check`: self-checking exercises (`check`, `hint`, `solution`); the exercises
  themselves are in `course.exercises`, one module per chapter.

Notebooks import from these modules; nothing here imports a notebook.
"""
