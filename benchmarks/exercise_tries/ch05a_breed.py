"""Attempts at ch05a.breed, written from the question and the notebook only."""

import torch


def right_where(population, fitness, parents, rate, draw, g):
    n, pixels = population.shape
    best = torch.argsort(fitness)[:parents]                     # fittest first
    partner = population[best[torch.randint(parents, (n,), generator=g)]]
    take_own = torch.rand(n, pixels, generator=g) < 0.5
    child = torch.where(take_own, population, partner)
    mutate = torch.rand(n, pixels, generator=g) < rate
    new = draw(torch.rand(n, pixels, generator=g))
    return torch.where(mutate, new, child)


def right_topk_masks(population, fitness, parents, rate, draw, g):
    n, pixels = population.shape
    fittest = torch.topk(fitness, parents, largest=False).indices
    pick = torch.randint(parents, (n,), generator=g)
    partner = population.index_select(0, fittest[pick])
    own = (torch.rand(n, pixels, generator=g) < 0.5).to(population.dtype)
    child = own * population + (1 - own) * partner
    mut = (torch.rand(n, pixels, generator=g) < rate).to(population.dtype)
    new = draw(torch.rand(n, pixels, generator=g)).to(population.dtype)
    return mut * new + (1 - mut) * child


def right_clone_and_index(population, fitness, parents, rate, draw, g):
    n, pixels = population.shape
    order = fitness.sort(stable=True).indices
    partner_idx = order[:parents][torch.randint(0, parents, (n,), generator=g)]
    coin = torch.rand(n, pixels, generator=g)
    child = population.clone()
    from_partner = coin >= 0.5
    child[from_partner] = population[partner_idx][from_partner]
    mutate = torch.rand(n, pixels, generator=g) < rate
    new = draw(torch.rand(n, pixels, generator=g))
    child[mutate] = new[mutate].to(child.dtype)
    return child


def wrong_largest_fitness_fittest(population, fitness, parents, rate, draw, g):
    """Takes the members with the HIGHEST fitness as the fittest parents (lower is fitter)."""
    n, pixels = population.shape
    best = torch.argsort(fitness, descending=True)[:parents]
    partner = population[best[torch.randint(parents, (n,), generator=g)]]
    child = torch.where(torch.rand(n, pixels, generator=g) < 0.5, population, partner)
    mutate = torch.rand(n, pixels, generator=g) < rate
    return torch.where(mutate, draw(torch.rand(n, pixels, generator=g)), child)


def wrong_partner_index_is_row(population, fitness, parents, rate, draw, g):
    """Uses the random number 0..parents-1 as the partner's row, not as a position among the fittest."""
    n, pixels = population.shape
    partner = population[torch.randint(parents, (n,), generator=g)]
    child = torch.where(torch.rand(n, pixels, generator=g) < 0.5, population, partner)
    mutate = torch.rand(n, pixels, generator=g) < rate
    return torch.where(mutate, draw(torch.rand(n, pixels, generator=g)), child)


def wrong_draw_only_mutating(population, fitness, parents, rate, draw, g):
    """Draws new values only for the pixels that mutate, not one for every pixel."""
    n, pixels = population.shape
    best = torch.argsort(fitness)[:parents]
    partner = population[best[torch.randint(parents, (n,), generator=g)]]
    child = torch.where(torch.rand(n, pixels, generator=g) < 0.5, population, partner).clone()
    mutate = torch.rand(n, pixels, generator=g) < rate
    child[mutate] = draw(torch.rand(int(mutate.sum()), generator=g)).to(child.dtype)
    return child


def wrong_crossover_swapped(population, fitness, parents, rate, draw, g):
    """Takes the partner's pixel where the number is below one half (the member's elsewhere)."""
    n, pixels = population.shape
    best = torch.argsort(fitness)[:parents]
    partner = population[best[torch.randint(parents, (n,), generator=g)]]
    child = torch.where(torch.rand(n, pixels, generator=g) < 0.5, partner, population)
    mutate = torch.rand(n, pixels, generator=g) < rate
    return torch.where(mutate, draw(torch.rand(n, pixels, generator=g)), child)


def wrong_mutate_above_rate(population, fitness, parents, rate, draw, g):
    """Mutates where the number is ABOVE rate, so almost every pixel is redrawn."""
    n, pixels = population.shape
    best = torch.argsort(fitness)[:parents]
    partner = population[best[torch.randint(parents, (n,), generator=g)]]
    child = torch.where(torch.rand(n, pixels, generator=g) < 0.5, population, partner)
    mutate = torch.rand(n, pixels, generator=g) > rate
    return torch.where(mutate, draw(torch.rand(n, pixels, generator=g)), child)


def wrong_draw_order(population, fitness, parents, rate, draw, g):
    """Draws the mutation numbers before the crossover numbers (steps 2 and 3 swapped)."""
    n, pixels = population.shape
    best = torch.argsort(fitness)[:parents]
    partner = population[best[torch.randint(parents, (n,), generator=g)]]
    mutate = torch.rand(n, pixels, generator=g) < rate
    child = torch.where(torch.rand(n, pixels, generator=g) < 0.5, population, partner)
    return torch.where(mutate, draw(torch.rand(n, pixels, generator=g)), child)


def wrong_in_place(population, fitness, parents, rate, draw, g):
    """Writes the child's pixels into population itself (child = population, no clone)."""
    n, pixels = population.shape
    best = torch.argsort(fitness)[:parents]
    partner = population[best[torch.randint(parents, (n,), generator=g)]]
    child = population
    from_partner = torch.rand(n, pixels, generator=g) >= 0.5
    child[from_partner] = partner[from_partner]
    mutate = torch.rand(n, pixels, generator=g) < rate
    new = draw(torch.rand(n, pixels, generator=g))
    child[mutate] = new[mutate].to(child.dtype)
    return child


def wrong_no_generator(population, fitness, parents, rate, draw, g):
    """Forgets generator=g in the torch.rand calls (only randint uses g)."""
    n, pixels = population.shape
    best = torch.argsort(fitness)[:parents]
    partner = population[best[torch.randint(parents, (n,), generator=g)]]
    child = torch.where(torch.rand(n, pixels) < 0.5, population, partner)
    mutate = torch.rand(n, pixels) < rate
    return torch.where(mutate, draw(torch.rand(n, pixels)), child)


def wrong_uniform_not_drawn(population, fitness, parents, rate, draw, g):
    """Uses the uniform numbers themselves as the new pixel values, without draw(u)."""
    n, pixels = population.shape
    best = torch.argsort(fitness)[:parents]
    partner = population[best[torch.randint(parents, (n,), generator=g)]]
    child = torch.where(torch.rand(n, pixels, generator=g) < 0.5, population, partner)
    mutate = torch.rand(n, pixels, generator=g) < rate
    return torch.where(mutate, torch.rand(n, pixels, generator=g).to(population.dtype), child)
