"""The exercises of each chapter, one module per chapter (``chNN.py``).

Each module registers its exercises with `course.check.exercise`; the right answers
are computed from the course's data and functions, never typed in by hand.
"""
