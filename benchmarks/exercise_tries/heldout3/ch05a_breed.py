import torch


def right_vectorised(population, fitness, parents, rate, draw, g):
    n, pixels = population.shape
    fittest = torch.argsort(fitness)[:parents]
    partner = population[fittest[torch.randint(parents, (n,), generator=g)]]
    from_member = torch.rand(n, pixels, generator=g) < 0.5
    child = torch.where(from_member, population, partner)
    mutate = torch.rand(n, pixels, generator=g) < rate
    fresh = draw(torch.rand(n, pixels, generator=g))
    return torch.where(mutate, fresh, child)


def right_sort_and_mask(population, fitness, parents, rate, draw, g):
    n, pixels = population.shape
    order = torch.sort(fitness).indices
    best = population[order[:parents]]
    pick = torch.randint(parents, (n,), generator=g)
    cross = torch.rand(n, pixels, generator=g)
    mut = torch.rand(n, pixels, generator=g)
    new_values = draw(torch.rand(n, pixels, generator=g))
    child = best[pick].clone()
    take = cross < 0.5
    child[take] = population[take]
    child[mut < rate] = new_values[mut < rate]
    return child


def right_loop(population, fitness, parents, rate, draw, g):
    n, pixels = population.shape
    fittest = sorted(range(n), key=lambda i: float(fitness[i]))[:parents]
    pick = torch.randint(parents, (n,), generator=g)
    u_cross = torch.rand(n, pixels, generator=g)
    u_mut = torch.rand(n, pixels, generator=g)
    fresh = draw(torch.rand(n, pixels, generator=g))
    children = torch.empty_like(population)
    for i in range(n):
        partner = population[fittest[int(pick[i])]]
        row = torch.where(u_cross[i] < 0.5, population[i], partner)
        children[i] = torch.where(u_mut[i] < rate, fresh[i], row)
    return children


def wrong_least_fit_parents(population, fitness, parents, rate, draw, g):
    """Selects the parents with the HIGHEST fitness, as if higher were fitter."""
    n, pixels = population.shape
    fittest = torch.argsort(fitness, descending=True)[:parents]
    partner = population[fittest[torch.randint(parents, (n,), generator=g)]]
    child = torch.where(torch.rand(n, pixels, generator=g) < 0.5, population, partner)
    mutate = torch.rand(n, pixels, generator=g) < rate
    fresh = draw(torch.rand(n, pixels, generator=g))
    return torch.where(mutate, fresh, child)


def wrong_draw_only_mutating(population, fitness, parents, rate, draw, g):
    """Draws new values only for the pixels that mutate, so fewer random numbers are taken from g."""
    n, pixels = population.shape
    fittest = torch.argsort(fitness)[:parents]
    partner = population[fittest[torch.randint(parents, (n,), generator=g)]]
    child = torch.where(torch.rand(n, pixels, generator=g) < 0.5, population, partner)
    mutate = torch.rand(n, pixels, generator=g) < rate
    child = child.clone()
    child[mutate] = draw(torch.rand(int(mutate.sum()), generator=g))
    return child


def wrong_global_rng(population, fitness, parents, rate, draw, g):
    """Draws the random numbers from torch's global generator instead of g."""
    n, pixels = population.shape
    fittest = torch.argsort(fitness)[:parents]
    partner = population[fittest[torch.randint(parents, (n,))]]
    child = torch.where(torch.rand(n, pixels) < 0.5, population, partner)
    mutate = torch.rand(n, pixels) < rate
    fresh = draw(torch.rand(n, pixels))
    return torch.where(mutate, fresh, child)


def wrong_crossover_inverted(population, fitness, parents, rate, draw, g):
    """Takes the partner's pixel where the uniform is below one half (member and partner swapped)."""
    n, pixels = population.shape
    fittest = torch.argsort(fitness)[:parents]
    partner = population[fittest[torch.randint(parents, (n,), generator=g)]]
    child = torch.where(torch.rand(n, pixels, generator=g) < 0.5, partner, population)
    mutate = torch.rand(n, pixels, generator=g) < rate
    fresh = draw(torch.rand(n, pixels, generator=g))
    return torch.where(mutate, fresh, child)


def wrong_mutation_drawn_first(population, fitness, parents, rate, draw, g):
    """Draws the mutation mask before the crossover mask (steps 2 and 3 in the wrong order)."""
    n, pixels = population.shape
    fittest = torch.argsort(fitness)[:parents]
    partner = population[fittest[torch.randint(parents, (n,), generator=g)]]
    mutate = torch.rand(n, pixels, generator=g) < rate
    child = torch.where(torch.rand(n, pixels, generator=g) < 0.5, population, partner)
    fresh = draw(torch.rand(n, pixels, generator=g))
    return torch.where(mutate, fresh, child)


def wrong_partner_index_not_mapped(population, fitness, parents, rate, draw, g):
    """Uses the random index 0..parents-1 directly as a row of population, forgetting to map it to the fittest members."""
    n, pixels = population.shape
    partner = population[torch.randint(parents, (n,), generator=g)]
    child = torch.where(torch.rand(n, pixels, generator=g) < 0.5, population, partner)
    mutate = torch.rand(n, pixels, generator=g) < rate
    fresh = draw(torch.rand(n, pixels, generator=g))
    return torch.where(mutate, fresh, child)


def wrong_in_place(population, fitness, parents, rate, draw, g):
    """Builds the children in population itself (child = population, no clone), so the caller's population changes."""
    n, pixels = population.shape
    fittest = torch.argsort(fitness)[:parents]
    partner = population[fittest[torch.randint(parents, (n,), generator=g)]]
    child = population
    take_partner = torch.rand(n, pixels, generator=g) >= 0.5
    child[take_partner] = partner[take_partner]
    mutate = torch.rand(n, pixels, generator=g) < rate
    fresh = draw(torch.rand(n, pixels, generator=g))
    child[mutate] = fresh[mutate]
    return child
