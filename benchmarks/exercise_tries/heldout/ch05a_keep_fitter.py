import torch


def right_where(population, fitness, children, child_fitness):
    better = child_fitness < fitness
    return (torch.where(better[:, None], children, population),
            torch.where(better, child_fitness, fitness))


def right_clone_and_mask(population, fitness, children, child_fitness):
    pop, fit = population.clone(), fitness.clone()
    better = child_fitness < fitness
    pop[better] = children[better]
    fit[better] = child_fitness[better]
    return pop, fit


def right_loop(population, fitness, children, child_fitness):
    rows, fits = [], []
    for i in range(len(fitness)):
        if child_fitness[i] < fitness[i]:
            rows.append(children[i].clone()); fits.append(child_fitness[i].clone())
        else:
            rows.append(population[i].clone()); fits.append(fitness[i].clone())
    return torch.stack(rows), torch.stack(fits)


def wrong_not_strict(population, fitness, children, child_fitness):
    """Replaces the member when the child is as fit or fitter (<=), not only strictly fitter."""
    better = child_fitness <= fitness
    return (torch.where(better[:, None], children, population),
            torch.where(better, child_fitness, fitness))


def wrong_higher_is_fitter(population, fitness, children, child_fitness):
    """Keeps the child when its fitness is HIGHER (forgets that lower is fitter)."""
    better = child_fitness > fitness
    return (torch.where(better[:, None], children, population),
            torch.where(better, child_fitness, fitness))


def wrong_fitness_not_updated(population, fitness, children, child_fitness):
    """Replaces the members but returns the old fitness unchanged."""
    better = child_fitness < fitness
    return torch.where(better[:, None], children, population), fitness.clone()


def wrong_in_place(population, fitness, children, child_fitness):
    """Writes the fitter children into the given population and fitness tensors (in place)."""
    better = child_fitness < fitness
    population[better] = children[better]
    fitness[better] = child_fitness[better]
    return population, fitness


def wrong_best_n_of_both(population, fitness, children, child_fitness):
    """Pools parents and children and keeps the n fittest overall (mu + lambda), not child i vs member i."""
    n = len(fitness)
    pool = torch.cat([population, children])
    fits = torch.cat([fitness, child_fitness])
    keep = torch.argsort(fits)[:n]
    return pool[keep], fits[keep]


def wrong_compared_with_best_member(population, fitness, children, child_fitness):
    """Replaces member i only if child i beats the best member of the population (fitness.min())."""
    better = child_fitness < fitness.min()
    return (torch.where(better[:, None], children, population),
            torch.where(better, child_fitness, fitness))


def wrong_returned_swapped(population, fitness, children, child_fitness):
    """Returns (fitness, population) instead of (population, fitness)."""
    better = child_fitness < fitness
    return (torch.where(better, child_fitness, fitness),
            torch.where(better[:, None], children, population))
