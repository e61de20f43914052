"""Chapter 5a, Dreams and fooling images: questions answered with `course.fooling`, and the
genetic algorithm's "keep the fitter" step written by the learner."""

import numpy as np
import torch

from ..check import code_exercise, exercise
from ..fooling import output_error


def _logits():
    """A network's output for one image: logit 9 for class 2, 0 for the other nine."""
    z = torch.zeros(1, 10, dtype=torch.float64)
    z[0, 2] = 9.0
    return z


@exercise("ch05a.absolute_error",
          "A network gives logit 9 to class 2 and logit 0 to the other nine classes. What is "
          "the original fooling experiment's output error sum_j |p_j - onehot_j| for target 2 "
          "(p: the softmax)?",
          hint="p_2 = e^9 / (e^9 + 9); the other nine probabilities add up to 1 - p_2; the "
               "error is |p_2 - 1| plus the sum of the others. output_error(logits, [2], "
               "'absolute') computes it.",
          rtol=1e-3,
          mistakes=[(lambda a: abs(a - float(1 - np.exp(9) / (np.exp(9) + 9))) < 1e-4,
                     "That is 1 - p_2, half of it: the nine wrong classes count too.")],
          explanation="The error is 2 (1 - p_t): to reach 99.99 % confidence the genetic "
                      "algorithm must bring it below 0.0002.")
def _absolute_error():
    return float(output_error(_logits(), [2], "absolute")[0])


# --------------------------------------------------------------------- write a function

def _keep_cases():
    rng = np.random.default_rng(5)
    cases = []
    for n, pixels in ((6, 784), (9, 784), (4, 10)):
        population = rng.random((n, pixels))
        fitness = rng.random(n)
        children = rng.random((n, pixels))
        child_fitness = rng.random(n)
        child_fitness[0] = fitness[0]          # a tie: the member stays
        cases.append((population, fitness, children, child_fitness))
    return cases


# Typical wrong implementations (the tests check that each gets the right message).

def _keeps_worse(population, fitness, children, child_fitness):
    better = child_fitness > fitness
    return (np.where(better[:, None], children, population), np.where(better, child_fitness, fitness))


def _always_replaces(population, fitness, children, child_fitness):
    return children.copy(), child_fitness.copy()


def _in_place(population, fitness, children, child_fitness):
    better = child_fitness < fitness
    population[better] = children[better]
    fitness[better] = child_fitness[better]
    return population, fitness


def _population_only(population, fitness, children, child_fitness):
    better = child_fitness < fitness
    return np.where(better[:, None], children, population)


def _no_broadcast(population, fitness, children, child_fitness):
    better = child_fitness < fitness
    return np.where(better, children, population), np.where(better, child_fitness, fitness)


@code_exercise(
    "ch05a.keep_fitter",
    "Write keep_fitter(population, fitness, children, child_fitness): the genetic "
    "algorithm's last step. Member i (row i of population, shape (n, pixels)) is replaced by "
    "child i only if the child is strictly fitter (lower fitness). Return the new population "
    "and the new fitness as a tuple, without changing the arrays you were given.",
    hint="better = child_fitness < fitness is one True/False per member; np.where can pick "
         "rows from children or population with it (give it shape (n, 1) to broadcast over "
         "the pixels).",
    cases=_keep_cases,
    mistakes=[(_keeps_worse, "You keep the worse of each pair: lower fitness is better here "
                             "(it is an error to minimise)."),
              (_always_replaces, "Every child replaces its member, even a worse one: then the "
                                 "best fitness can get worse from one generation to the next. "
                                 "Compare the two fitnesses first."),
              (lambda population, fitness, children, child_fitness: (
                  np.where((child_fitness <= fitness)[:, None], children, population),
                  np.minimum(child_fitness, fitness)),
               "On a tie the child replaces the member here; keep the member unless the child "
               "is strictly fitter (<, not <=).")],
    wrong_examples=[(_keeps_worse, "lower fitness is better"),
                    (_always_replaces, "best fitness can get worse"),
                    (_in_place, "changes its input `population`"),
                    (_population_only, "should be 2 things"),
                    (_no_broadcast, "could not be broadcast")],
    explanation="Because a member is only ever replaced by something fitter, the best fitness "
                "of the population can never get worse: the algorithm is elitist.")
def keep_fitter(population, fitness, children, child_fitness):
    better = child_fitness < fitness                      # (n,) True where the child wins
    new_population = np.where(better[:, None], children, population)
    new_fitness = np.where(better, child_fitness, fitness)
    return new_population, new_fitness
