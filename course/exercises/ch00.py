"""Chapter 0, Start here: warm-up exercises that show how checking works."""

from ..check import exercise
from ._data import bundled


@exercise("ch00.pixels", "How many pixels does one MNIST digit have?",
          hint="Each digit is a square image; look at the shape of one digit, "
               "or multiply its height by its width.",
          mistakes=[(lambda a: a == 28, "28 is the side of the square; how many pixels fill it?")],
          explanation="A digit is a 28 x 28 grid, so 784 numbers.")
def _pixels():
    return int(bundled().x_train[0].size)


@exercise("ch00.test_digits", "How many digits are in the bundled test part?",
          hint="load_mnist returns an object with x_test and y_test; len() counts them.",
          mistakes=[(lambda a: a == 5000, "5,000 is the whole bundled set; how many of them are "
                                          "kept apart for testing?"),
                    (lambda a: a == 4000, "That is the training part. Look at y_test.")],
          explanation="One digit in five of each class is kept for testing: 1,000 digits.")
def _test_digits():
    return int(len(bundled().y_test))
