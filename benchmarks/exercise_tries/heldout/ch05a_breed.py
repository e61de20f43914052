import torch


def right_where(population, fitness, parents, rate, draw, g):
    n, pixels = population.shape
    fittest = torch.argsort(fitness)[:parents]
    partner = population[fittest[torch.randint(parents, (n,), generator=g)]]
    from_member = torch.rand(n, pixels, generator=g) < 0.5
    mutate = torch.rand(n, pixels, generator=g) < rate
    new = draw(torch.rand(n, pixels, generator=g))
    child = torch.where(from_member, population, partner)
    return torch.where(mutate, new, child)


def right_masks_on_clone(population, fitness, parents, rate, draw, g):
    n, pixels = population.shape
    _, order = torch.sort(fitness)                   # ascending: fittest first
    pick = torch.randint(parents, (n,), generator=g)
    partners = population[order[:parents]][pick]
    cross = torch.rand(n, pixels, generator=g)
    mut = torch.rand(n, pixels, generator=g)
    fresh = torch.as_tensor(draw(torch.rand(n, pixels, generator=g)), dtype=population.dtype)
    child = population.clone()
    take_partner = cross >= 0.5
    child[take_partner] = partners[take_partner]
    child[mut < rate] = fresh[mut < rate]
    return child


def right_row_loop(population, fitness, parents, rate, draw, g):
    n, pixels = population.shape
    ranked = sorted(range(n), key=lambda i: float(fitness[i]))[:parents]
    pick = torch.randint(parents, (n,), generator=g)
    cross = torch.rand(n, pixels, generator=g)
    mut = torch.rand(n, pixels, generator=g)
    fresh = draw(torch.rand(n, pixels, generator=g))
    rows = []
    for i in range(n):
        mate = population[ranked[int(pick[i])]]
        row = torch.where(cross[i] < 0.5, population[i], mate)
        row = torch.where(mut[i] < rate, fresh[i], row)
        rows.append(row)
    return torch.stack(rows)


def wrong_highest_fitness_first(population, fitness, parents, rate, draw, g):
    """Takes the members with the HIGHEST fitness as the fittest (lower is fitter, misread)."""
    n, pixels = population.shape
    fittest = torch.argsort(fitness, descending=True)[:parents]
    partner = population[fittest[torch.randint(parents, (n,), generator=g)]]
    from_member = torch.rand(n, pixels, generator=g) < 0.5
    mutate = torch.rand(n, pixels, generator=g) < rate
    new = draw(torch.rand(n, pixels, generator=g))
    return torch.where(mutate, new, torch.where(from_member, population, partner))


def wrong_first_rows_as_parents(population, fitness, parents, rate, draw, g):
    """Uses the first `parents` rows as the parents, never sorting by fitness."""
    n, pixels = population.shape
    partner = population[torch.randint(parents, (n,), generator=g)]
    from_member = torch.rand(n, pixels, generator=g) < 0.5
    mutate = torch.rand(n, pixels, generator=g) < rate
    new = draw(torch.rand(n, pixels, generator=g))
    return torch.where(mutate, new, torch.where(from_member, population, partner))


def wrong_partner_from_whole_population(population, fitness, parents, rate, draw, g):
    """Draws the partner from all n members (randint(n)) instead of from the `parents` fittest."""
    n, pixels = population.shape
    order = torch.argsort(fitness)
    partner = population[order[torch.randint(n, (n,), generator=g)]]
    from_member = torch.rand(n, pixels, generator=g) < 0.5
    mutate = torch.rand(n, pixels, generator=g) < rate
    new = draw(torch.rand(n, pixels, generator=g))
    return torch.where(mutate, new, torch.where(from_member, population, partner))


def wrong_crossover_mask_reversed(population, fitness, parents, rate, draw, g):
    """Takes the partner's pixel where the crossover number is below one half (member and partner swapped)."""
    n, pixels = population.shape
    fittest = torch.argsort(fitness)[:parents]
    partner = population[fittest[torch.randint(parents, (n,), generator=g)]]
    below = torch.rand(n, pixels, generator=g) < 0.5
    mutate = torch.rand(n, pixels, generator=g) < rate
    new = draw(torch.rand(n, pixels, generator=g))
    return torch.where(mutate, new, torch.where(below, partner, population))


def wrong_mutation_draws_swapped(population, fitness, parents, rate, draw, g):
    """Draws the new values (4) before the mutation mask (3): the two rand calls in the wrong order."""
    n, pixels = population.shape
    fittest = torch.argsort(fitness)[:parents]
    partner = population[fittest[torch.randint(parents, (n,), generator=g)]]
    from_member = torch.rand(n, pixels, generator=g) < 0.5
    new = draw(torch.rand(n, pixels, generator=g))
    mutate = torch.rand(n, pixels, generator=g) < rate
    return torch.where(mutate, new, torch.where(from_member, population, partner))


def wrong_randint_without_generator(population, fitness, parents, rate, draw, g):
    """Forgets generator=g in torch.randint, so the partners come from the global random stream."""
    n, pixels = population.shape
    fittest = torch.argsort(fitness)[:parents]
    partner = population[fittest[torch.randint(parents, (n,))]]
    from_member = torch.rand(n, pixels, generator=g) < 0.5
    mutate = torch.rand(n, pixels, generator=g) < rate
    new = draw(torch.rand(n, pixels, generator=g))
    return torch.where(mutate, new, torch.where(from_member, population, partner))


def wrong_children_written_into_population(population, fitness, parents, rate, draw, g):
    """Builds the children by writing into `population` itself (no clone), changing the caller's tensor."""
    n, pixels = population.shape
    fittest = torch.argsort(fitness)[:parents]
    partner = population[fittest[torch.randint(parents, (n,), generator=g)]]   # a copy (fancy index)
    take_partner = torch.rand(n, pixels, generator=g) >= 0.5
    mutate = torch.rand(n, pixels, generator=g) < rate
    new = draw(torch.rand(n, pixels, generator=g))
    child = population
    child[take_partner] = partner[take_partner]
    child[mutate] = new[mutate]
    return child
