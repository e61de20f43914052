import torch


def right_where(population, fitness, parents, rate, draw, g):
    n, pixels = population.shape
    best = torch.argsort(fitness)[:parents]
    partner = population[best[torch.randint(parents, (n,), generator=g)]]
    child = torch.where(torch.rand(n, pixels, generator=g) < 0.5, population, partner)
    mutate = torch.rand(n, pixels, generator=g) < rate
    fresh = draw(torch.rand(n, pixels, generator=g))
    return torch.where(mutate, fresh, child)


def right_masks(population, fitness, parents, rate, draw, g):
    n, pixels = population.shape
    order = fitness.sort().indices
    fittest = population[order[:parents]]
    pick = torch.randint(parents, (n,), generator=g)
    partners = fittest[pick]
    from_member = torch.rand(n, pixels, generator=g) < 0.5
    child = partners.clone()
    child[from_member] = population[from_member]
    mut = torch.rand(n, pixels, generator=g) < rate
    new = draw(torch.rand(n, pixels, generator=g))
    child[mut] = new[mut]
    return child


def right_topk(population, fitness, parents, rate, draw, g):
    n, pixels = population.shape
    idx = torch.topk(fitness, parents, largest=False, sorted=True).indices
    choice = torch.randint(parents, (n,), generator=g)
    u1 = torch.rand(n, pixels, generator=g)
    u2 = torch.rand(n, pixels, generator=g)
    u3 = torch.rand(n, pixels, generator=g)
    partner = population[idx][choice]
    child = population * (u1 < 0.5) + partner * (u1 >= 0.5)
    return torch.where(u2 < rate, draw(u3), child)


def wrong_topk_largest(population, fitness, parents, rate, draw, g):
    """topk with its default largest=True: picks the least fit as parents (fitness is an error)"""
    n, pixels = population.shape
    best = torch.topk(fitness, parents).indices
    partner = population[best[torch.randint(parents, (n,), generator=g)]]
    child = torch.where(torch.rand(n, pixels, generator=g) < 0.5, population, partner)
    mutate = torch.rand(n, pixels, generator=g) < rate
    return torch.where(mutate, draw(torch.rand(n, pixels, generator=g)), child)


def wrong_no_selection(population, fitness, parents, rate, draw, g):
    """uses the random index directly as a row of population, forgetting to map it to the fittest"""
    n, pixels = population.shape
    partner = population[torch.randint(parents, (n,), generator=g)]
    child = torch.where(torch.rand(n, pixels, generator=g) < 0.5, population, partner)
    mutate = torch.rand(n, pixels, generator=g) < rate
    return torch.where(mutate, draw(torch.rand(n, pixels, generator=g)), child)


def wrong_crossover_swapped(population, fitness, parents, rate, draw, g):
    """crossover backwards: takes the partner's pixel where the number is below one half"""
    n, pixels = population.shape
    best = torch.argsort(fitness)[:parents]
    partner = population[best[torch.randint(parents, (n,), generator=g)]]
    child = torch.where(torch.rand(n, pixels, generator=g) < 0.5, partner, population)
    mutate = torch.rand(n, pixels, generator=g) < rate
    return torch.where(mutate, draw(torch.rand(n, pixels, generator=g)), child)


def wrong_mutation_inverted(population, fitness, parents, rate, draw, g):
    """mutation test inverted: mutates where the number is above rate"""
    n, pixels = population.shape
    best = torch.argsort(fitness)[:parents]
    partner = population[best[torch.randint(parents, (n,), generator=g)]]
    child = torch.where(torch.rand(n, pixels, generator=g) < 0.5, population, partner)
    mutate = torch.rand(n, pixels, generator=g) > rate
    return torch.where(mutate, draw(torch.rand(n, pixels, generator=g)), child)


def wrong_random_order(population, fitness, parents, rate, draw, g):
    """draws the random numbers in the wrong order (mutation mask before crossover mask)"""
    n, pixels = population.shape
    best = torch.argsort(fitness)[:parents]
    partner = population[best[torch.randint(parents, (n,), generator=g)]]
    mutate = torch.rand(n, pixels, generator=g) < rate
    child = torch.where(torch.rand(n, pixels, generator=g) < 0.5, population, partner)
    return torch.where(mutate, draw(torch.rand(n, pixels, generator=g)), child)


def wrong_inplace(population, fitness, parents, rate, draw, g):
    """writes the children into population itself (no clone), changing the input"""
    n, pixels = population.shape
    best = torch.argsort(fitness)[:parents]
    partner = population[best[torch.randint(parents, (n,), generator=g)]]
    take = torch.rand(n, pixels, generator=g) >= 0.5
    population[take] = partner[take]
    mutate = torch.rand(n, pixels, generator=g) < rate
    fresh = draw(torch.rand(n, pixels, generator=g))
    population[mutate] = fresh[mutate]
    return population


def wrong_global_rng(population, fitness, parents, rate, draw, g):
    """forgets generator=g on the last torch.rand (the mutation values come from the global RNG)"""
    n, pixels = population.shape
    best = torch.argsort(fitness)[:parents]
    partner = population[best[torch.randint(parents, (n,), generator=g)]]
    child = torch.where(torch.rand(n, pixels, generator=g) < 0.5, population, partner)
    mutate = torch.rand(n, pixels, generator=g) < rate
    return torch.where(mutate, draw(torch.rand(n, pixels)), child)
