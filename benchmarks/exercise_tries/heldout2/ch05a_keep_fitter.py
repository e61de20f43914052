import torch


def right_where(population, fitness, children, child_fitness):
    better = child_fitness < fitness
    return torch.where(better[:, None], children, population), torch.where(better, child_fitness, fitness)


def right_clone_mask(population, fitness, children, child_fitness):
    pop, fit = population.clone(), fitness.clone()
    better = child_fitness < fitness
    pop[better] = children[better]
    fit[better] = child_fitness[better]
    return pop, fit


def right_loop(population, fitness, children, child_fitness):
    rows, fits = [], []
    for i in range(population.shape[0]):
        if child_fitness[i] < fitness[i]:
            rows.append(children[i]); fits.append(child_fitness[i])
        else:
            rows.append(population[i]); fits.append(fitness[i])
    return torch.stack(rows), torch.stack(fits)


def wrong_ties(population, fitness, children, child_fitness):
    """<= instead of <: a child that is only as fit also replaces its member"""
    better = child_fitness <= fitness
    return torch.where(better[:, None], children, population), torch.where(better, child_fitness, fitness)


def wrong_direction(population, fitness, children, child_fitness):
    """treats higher fitness as fitter (keeps the worse one)"""
    better = child_fitness > fitness
    return torch.where(better[:, None], children, population), torch.where(better, child_fitness, fitness)


def wrong_inplace(population, fitness, children, child_fitness):
    """replaces rows of the given tensors in place instead of copies"""
    better = child_fitness < fitness
    population[better] = children[better]
    fitness[better] = child_fitness[better]
    return population, fitness


def wrong_old_fitness(population, fitness, children, child_fitness):
    """updates the population but returns the old fitness unchanged"""
    better = child_fitness < fitness
    return torch.where(better[:, None], children, population), fitness.clone()


def wrong_tuple_order(population, fitness, children, child_fitness):
    """returns (fitness, population) in the wrong order"""
    better = child_fitness < fitness
    return torch.where(better, child_fitness, fitness), torch.where(better[:, None], children, population)


def wrong_children_always(population, fitness, children, child_fitness):
    """keeps the better fitness numbers but always returns the children as the population"""
    return children.clone(), torch.minimum(fitness, child_fitness)


def wrong_fitness_inplace(population, fitness, children, child_fitness):
    """copies the population but writes the new fitness into the given fitness tensor"""
    better = child_fitness < fitness
    pop = population.clone()
    pop[better] = children[better]
    fitness[better] = child_fitness[better]
    return pop, fitness
