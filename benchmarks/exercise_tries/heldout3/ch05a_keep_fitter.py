import torch


def right_where(population, fitness, children, child_fitness):
    better = child_fitness < fitness
    return (torch.where(better[:, None], children, population),
            torch.where(better, child_fitness, fitness))


def right_clone_mask(population, fitness, children, child_fitness):
    pop = population.clone()
    fit = fitness.clone()
    better = child_fitness < fitness
    pop[better] = children[better]
    fit[better] = child_fitness[better]
    return pop, fit


def right_loop(population, fitness, children, child_fitness):
    pop = population.detach().clone()
    fit = fitness.detach().clone()
    for i in range(len(fit)):
        if child_fitness[i] < fitness[i]:
            pop[i] = children[i]
            fit[i] = child_fitness[i]
    return pop, fit


def wrong_ties_replace(population, fitness, children, child_fitness):
    """Uses <= instead of <, so a child that is only as fit as its member replaces it too."""
    better = child_fitness <= fitness
    return (torch.where(better[:, None], children, population),
            torch.where(better, child_fitness, fitness))


def wrong_higher_is_fitter(population, fitness, children, child_fitness):
    """Keeps the child when its fitness is higher, as if higher were fitter."""
    better = child_fitness > fitness
    return (torch.where(better[:, None], children, population),
            torch.where(better, child_fitness, fitness))


def wrong_in_place_population(population, fitness, children, child_fitness):
    """Writes the fitter children into the given population tensor instead of a copy."""
    better = child_fitness < fitness
    population[better] = children[better]
    return population, torch.where(better, child_fitness, fitness)


def wrong_fitness_not_updated(population, fitness, children, child_fitness):
    """Replaces the members but returns the old fitness unchanged."""
    better = child_fitness < fitness
    return torch.where(better[:, None], children, population), fitness.clone()


def wrong_all_children(population, fitness, children, child_fitness):
    """Lets every child replace its member, without comparing fitness."""
    return children.clone(), child_fitness.clone()


def wrong_compare_to_best(population, fitness, children, child_fitness):
    """Compares each child with the best member of the whole population instead of its own member."""
    better = child_fitness < fitness.min()
    return (torch.where(better[:, None], children, population),
            torch.where(better, child_fitness, fitness))


def wrong_sorted_result(population, fitness, children, child_fitness):
    """Sorts the new population by fitness (fittest first), so member i is no longer row i."""
    better = child_fitness < fitness
    pop = torch.where(better[:, None], children, population)
    fit = torch.where(better, child_fitness, fitness)
    order = torch.argsort(fit)
    return pop[order], fit[order]
