import torch


def right_vectorised(population, fitness, parents, rate, draw, g):
    n, pixels = population.shape
    fittest = torch.argsort(fitness)[:parents]
    partner = population[fittest[torch.randint(parents, (n,), generator=g)]]
    cross = torch.rand(n, pixels, generator=g) < 0.5
    child = torch.where(cross, population, partner)
    mutate = torch.rand(n, pixels, generator=g) < rate
    fresh = draw(torch.rand(n, pixels, generator=g))
    return torch.where(mutate, fresh, child)


def right_topk_clone(population, fitness, parents, rate, draw, g):
    n, pixels = population.shape
    best = torch.topk(fitness, parents, largest=False, sorted=True).indices
    pick = torch.randint(parents, (n,), generator=g)
    partner = population[best][pick]
    u_cross = torch.rand(n, pixels, generator=g)
    u_mut = torch.rand(n, pixels, generator=g)
    new = draw(torch.rand(n, pixels, generator=g))
    child = population.clone()
    take = u_cross >= 0.5
    child[take] = partner[take]
    mut = u_mut < rate
    child[mut] = new[mut]
    return child


def right_loop_rows(population, fitness, parents, rate, draw, g):
    n, pixels = population.shape
    order = sorted(range(n), key=lambda i: float(fitness[i]))[:parents]
    which = torch.randint(parents, (n,), generator=g)
    u_cross = torch.rand(n, pixels, generator=g)
    u_mut = torch.rand(n, pixels, generator=g)
    new = draw(torch.rand(n, pixels, generator=g))
    rows = []
    for i in range(n):
        mate = population[order[int(which[i])]]
        row = torch.where(u_cross[i] < 0.5, population[i], mate)
        row = torch.where(u_mut[i] < rate, new[i], row)
        rows.append(row)
    return torch.stack(rows)


def wrong_fittest_is_highest(population, fitness, parents, rate, draw, g):
    """Takes the highest fitness values as the fittest (lower is fitter)."""
    n, pixels = population.shape
    fittest = torch.argsort(fitness, descending=True)[:parents]
    partner = population[fittest[torch.randint(parents, (n,), generator=g)]]
    child = torch.where(torch.rand(n, pixels, generator=g) < 0.5, population, partner)
    mutate = torch.rand(n, pixels, generator=g) < rate
    return torch.where(mutate, draw(torch.rand(n, pixels, generator=g)), child)


def wrong_partner_index_not_mapped(population, fitness, parents, rate, draw, g):
    """Uses the random index 0..parents-1 as a row of population, not as a rank among the fittest."""
    n, pixels = population.shape
    partner = population[torch.randint(parents, (n,), generator=g)]
    child = torch.where(torch.rand(n, pixels, generator=g) < 0.5, population, partner)
    mutate = torch.rand(n, pixels, generator=g) < rate
    return torch.where(mutate, draw(torch.rand(n, pixels, generator=g)), child)


def wrong_draw_only_mutating(population, fitness, parents, rate, draw, g):
    """Draws new values only for the pixels that mutate, not a full (n, pixels) draw."""
    n, pixels = population.shape
    fittest = torch.argsort(fitness)[:parents]
    partner = population[fittest[torch.randint(parents, (n,), generator=g)]]
    child = torch.where(torch.rand(n, pixels, generator=g) < 0.5, population, partner)
    mutate = torch.rand(n, pixels, generator=g) < rate
    child = child.clone()
    child[mutate] = draw(torch.rand(int(mutate.sum()), generator=g))
    return child


def wrong_not_from_generator(population, fitness, parents, rate, draw, g):
    """Draws the random numbers from torch's global generator instead of g."""
    n, pixels = population.shape
    fittest = torch.argsort(fitness)[:parents]
    partner = population[fittest[torch.randint(parents, (n,))]]
    child = torch.where(torch.rand(n, pixels) < 0.5, population, partner)
    mutate = torch.rand(n, pixels) < rate
    return torch.where(mutate, draw(torch.rand(n, pixels)), child)


def wrong_mutation_drawn_before_crossover(population, fitness, parents, rate, draw, g):
    """Draws the mutation numbers (3) before the crossover numbers (2): the order is swapped."""
    n, pixels = population.shape
    fittest = torch.argsort(fitness)[:parents]
    partner = population[fittest[torch.randint(parents, (n,), generator=g)]]
    mutate = torch.rand(n, pixels, generator=g) < rate
    cross = torch.rand(n, pixels, generator=g) < 0.5
    child = torch.where(cross, population, partner)
    return torch.where(mutate, draw(torch.rand(n, pixels, generator=g)), child)


def wrong_changes_population(population, fitness, parents, rate, draw, g):
    """Writes the child's pixels into population itself (no clone), changing the input."""
    n, pixels = population.shape
    fittest = torch.argsort(fitness)[:parents]
    partner = population[fittest[torch.randint(parents, (n,), generator=g)]]
    take = torch.rand(n, pixels, generator=g) >= 0.5
    mutate = torch.rand(n, pixels, generator=g) < rate
    fresh = draw(torch.rand(n, pixels, generator=g))
    child = population
    child[take] = partner[take]
    child[mutate] = fresh[mutate]
    return child


def wrong_mutate_above_rate(population, fitness, parents, rate, draw, g):
    """Mutates where the number is above rate instead of below (almost every pixel redrawn)."""
    n, pixels = population.shape
    fittest = torch.argsort(fitness)[:parents]
    partner = population[fittest[torch.randint(parents, (n,), generator=g)]]
    child = torch.where(torch.rand(n, pixels, generator=g) < 0.5, population, partner)
    mutate = torch.rand(n, pixels, generator=g) > rate
    return torch.where(mutate, draw(torch.rand(n, pixels, generator=g)), child)
