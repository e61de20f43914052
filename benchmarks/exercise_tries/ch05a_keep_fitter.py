"""Attempts at ch05a.keep_fitter, written from the question and the notebook only."""

import torch


def right_where(population, fitness, children, child_fitness):
    better = child_fitness < fitness
    return (torch.where(better[:, None], children, population),
            torch.where(better, child_fitness, fitness))


def right_clone_index(population, fitness, children, child_fitness):
    pop, fit = population.clone(), fitness.clone()
    better = child_fitness < fitness
    pop[better] = children[better]
    fit[better] = child_fitness[better]
    return pop, fit


def right_loop(population, fitness, children, child_fitness):
    rows, fits = [], []
    for i in range(len(population)):
        if child_fitness[i] < fitness[i]:
            rows.append(children[i])
            fits.append(child_fitness[i])
        else:
            rows.append(population[i])
            fits.append(fitness[i])
    return torch.stack(rows), torch.stack(fits)


def wrong_not_strict(population, fitness, children, child_fitness):
    """Uses <= so a child as fit as its member replaces it (not strictly fitter)."""
    better = child_fitness <= fitness
    return (torch.where(better[:, None], children, population),
            torch.where(better, child_fitness, fitness))


def wrong_higher_is_fitter(population, fitness, children, child_fitness):
    """Keeps the child when its fitness is HIGHER (reads higher fitness as better)."""
    better = child_fitness > fitness
    return (torch.where(better[:, None], children, population),
            torch.where(better, child_fitness, fitness))


def wrong_always_replace(population, fitness, children, child_fitness):
    """Every child replaces its member, fitter or not."""
    return children.clone(), child_fitness.clone()


def wrong_old_fitness(population, fitness, children, child_fitness):
    """Replaces the members but returns the old fitness unchanged."""
    better = child_fitness < fitness
    return torch.where(better[:, None], children, population), fitness.clone()


def wrong_in_place(population, fitness, children, child_fitness):
    """Writes the fitter children into the given population and fitness tensors."""
    better = child_fitness < fitness
    population[better] = children[better]
    fitness[better] = child_fitness[better]
    return population, fitness


def wrong_mask_not_broadcast(population, fitness, children, child_fitness):
    """Passes the (n,) mask to torch.where against (n, pixels) tensors without [:, None]."""
    better = child_fitness < fitness
    return (torch.where(better, children, population),
            torch.where(better, child_fitness, fitness))


def wrong_swapped_tuple(population, fitness, children, child_fitness):
    """Returns (fitness, population) instead of (population, fitness)."""
    better = child_fitness < fitness
    return (torch.where(better, child_fitness, fitness),
            torch.where(better[:, None], children, population))


def wrong_best_n_overall(population, fitness, children, child_fitness):
    """Keeps the n fittest of members and children together, not child i against member i."""
    n = len(population)
    everyone = torch.cat([population, children])
    fits = torch.cat([fitness, child_fitness])
    keep = torch.argsort(fits)[:n]
    return everyone[keep], fits[keep]


def wrong_population_only(population, fitness, children, child_fitness):
    """Returns only the new population, not the tuple (population, fitness)."""
    better = child_fitness < fitness
    return torch.where(better[:, None], children, population)
