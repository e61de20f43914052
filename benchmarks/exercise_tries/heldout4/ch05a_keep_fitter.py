import torch


def right_where(population, fitness, children, child_fitness):
    better = child_fitness < fitness
    return (torch.where(better[:, None], children, population),
            torch.where(better, child_fitness, fitness))


def right_clone_mask(population, fitness, children, child_fitness):
    pop, fit = population.clone(), fitness.clone()
    better = child_fitness < fitness
    pop[better] = children[better]
    fit[better] = child_fitness[better]
    return pop, fit


def right_loop(population, fitness, children, child_fitness):
    rows, fits = [], []
    for i in range(len(population)):
        if child_fitness[i] < fitness[i]:
            rows.append(children[i].clone())
            fits.append(child_fitness[i].clone())
        else:
            rows.append(population[i].clone())
            fits.append(fitness[i].clone())
    return torch.stack(rows), torch.stack(fits)


def wrong_ties_replace(population, fitness, children, child_fitness):
    """Uses <= : a child that is only as fit (a tie) also replaces its member."""
    better = child_fitness <= fitness
    return (torch.where(better[:, None], children, population),
            torch.where(better, child_fitness, fitness))


def wrong_all_children_replace(population, fitness, children, child_fitness):
    """Every child replaces its member, fitter or not."""
    return children.clone(), child_fitness.clone()


def wrong_in_place(population, fitness, children, child_fitness):
    """Writes the fitter children into the given population and fitness tensors in place."""
    better = child_fitness < fitness
    population[better] = children[better]
    fitness[better] = child_fitness[better]
    return population, fitness


def wrong_comparison_reversed(population, fitness, children, child_fitness):
    """Keeps the child when its fitness is higher (treats higher as fitter)."""
    better = child_fitness > fitness
    return (torch.where(better[:, None], children, population),
            torch.where(better, child_fitness, fitness))


def wrong_old_fitness_returned(population, fitness, children, child_fitness):
    """Replaces the members but returns the old fitness unchanged."""
    better = child_fitness < fitness
    return torch.where(better[:, None], children, population), fitness.clone()


def wrong_best_n_of_pool(population, fitness, children, child_fitness):
    """Keeps the n fittest of members and children pooled together, not child i against member i."""
    n = len(population)
    pool = torch.cat([population, children])
    pool_fit = torch.cat([fitness, child_fitness])
    keep = torch.argsort(pool_fit)[:n]
    return pool[keep], pool_fit[keep]


def wrong_tuple_order(population, fitness, children, child_fitness):
    """Returns (fitness, population) instead of (population, fitness)."""
    better = child_fitness < fitness
    return (torch.where(better, child_fitness, fitness),
            torch.where(better[:, None], children, population))
