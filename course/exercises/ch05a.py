"""Chapter 5a, Dreams and fooling images: questions answered with `course.fooling`, and the
chapter's two algorithms written by the learner: gradient ascent on the pixels (a dream),
and the genetic algorithm's generation (selection, crossover, mutation; then keep the
fitter)."""

import itertools

import numpy as np
import torch

from ..check import code_exercise, exercise
from ..fooling import output_error


def _logits():
    """A network's output for one image: logit 9 for class 2, 0 for the other nine."""
    z = torch.zeros(1, 10, dtype=torch.float64)
    z[0, 2] = 9.0
    return z


def _p_target() -> float:
    """p_2 for `_logits`: the softmax of logit 9 against nine logits 0."""
    return float(np.exp(9) / (np.exp(9) + 9))


def _near(a, value: float, rel: float) -> bool:
    return abs(float(a) - value) <= rel * abs(value)


@exercise("ch05a.absolute_error",
          "A network gives logit 9 to class 2 and logit 0 to the other nine classes. What is "
          "the original fooling experiment's output error sum_j |p_j - onehot_j| for target 2 "
          "(p: the softmax)? Give it to two significant figures or more.",
          hint="p_2 = e^9 / (e^9 + 9); the other nine probabilities add up to 1 - p_2. Write "
               "the sum as the target's term |p_2 - 1| plus the nine terms |p_j - 0| of the "
               "other classes. (To check by computer: torch.softmax of the ten logits gives "
               "every p_j.)",
          rtol=0.0, atol=5e-5,
          # 1 - p_2 and -log p_2 differ by about 5 in 10,000 (from the fourth significant
          # figure on): told apart within 2 in 100,000 (five figures or more); a value near
          # both, rounded to fewer figures (0.0011, 0.00111), hears about both.
          mistakes=[(lambda a: _near(a, 1 - _p_target(), 2e-5),
                     "That is the target's term |p_2 − 1| alone: the sum runs over all ten "
                     "classes, and the nine wrong ones count too."),
                    (lambda a: _near(a, -np.log(_p_target()), 2e-5),
                     "That is the cross-entropy −log p_2, the course's own error, not the "
                     "output error sum_j |p_j − onehot_j| that the question asks for: add up "
                     "|p_j − onehot_j| over all ten classes."),
                    (lambda a: _near(a, 1 - _p_target(), 0.1),
                     "That is about the size of one term: the target's |p_2 − 1| alone (or "
                     "the cross-entropy −log p_2, nearly the same while p_2 is near 1). The "
                     "sum runs over all ten classes, and the nine wrong ones count too."),
                    (lambda a: _near(a, _p_target(), 1e-3),
                     "That is p_2, the network's probability for the target, not the output "
                     "error: the error measures how far all ten p_j are from the one-hot "
                     "vector of target 2, sum_j |p_j − onehot_j|."),
                    (lambda a: _near(a, 100 * _p_target(), 1e-3),
                     "That is p_2 as a percentage, the network's confidence in the target, "
                     "not the output error sum_j |p_j − onehot_j|.")],
          explanation="The error is 2 (1 - p_t): to reach 99.99 % confidence the genetic "
                      "algorithm must bring it below 0.0002.")
def _absolute_error():
    return float(output_error(_logits(), [2], "absolute")[0])


# ----------------------------------------------------------- write a function: a dream

def _small_net(rng, hidden=24):
    """A small random network, (n, 784) pixels -> (n, 10) logits, float32, in eval mode:
    it needs no training to have gradients, and it is quick to copy for every check."""
    net = torch.nn.Sequential(torch.nn.Linear(784, hidden), torch.nn.ReLU(),
                              torch.nn.Linear(hidden, 10))
    values = (rng.normal(0, 1 / np.sqrt(784), (hidden, 784)), rng.normal(0, 0.1, hidden),
              rng.normal(0, 1 / np.sqrt(hidden), (10, hidden)), rng.normal(0, 0.1, 10))
    with torch.no_grad():
        for p, v in zip(net.parameters(), values):
            p.copy_(torch.from_numpy(v))
    return net.eval()


def _ascend_cases():
    """Batches of 3, 1, 5 and 2 images (some pixels already at 0 or 1), several targets,
    1 to 4 steps, and steps large enough that the clip matters. (Learning rates above 1:
    the random network's gradients are small.)"""
    rng = np.random.default_rng(51)
    cases = []
    for n, target, lr, steps in ((3, 3, 6.0, 2), (1, 0, 8.0, 1), (5, 9, 5.0, 3), (2, 7, 4.0, 4)):
        x = rng.random((n, 784))
        x[:, :40] = rng.integers(0, 2, (n, 40))        # pixels at the edges of [0, 1]
        cases.append((_small_net(rng), torch.from_numpy(x).float(), target, lr, steps))
    return cases


# Typical wrong implementations (the tests check that each gets the right message).

def _log_p(net, x, target):
    return torch.log_softmax(net(x), dim=1)[:, target]


def _ascend_with(score, step, steps_of=lambda steps: steps):
    """ascend with another score (a function of net, x, target -> (n,)) or another step."""
    def wrong(net, x, target, lr, steps):
        for _ in range(steps_of(steps)):
            x = x.detach().requires_grad_(True)
            grad, = torch.autograd.grad(score(net, x, target).sum(), x)
            x = step(x, lr, grad)
        return x.detach()
    return wrong


_descent = _ascend_with(_log_p, lambda x, lr, g: (x - lr * g).clamp(0, 1))
_no_clip = _ascend_with(_log_p, lambda x, lr, g: x + lr * g)
_clip_255 = _ascend_with(_log_p, lambda x, lr, g: (x + lr * g).clamp(0, 255))
_sign_step = _ascend_with(_log_p, lambda x, lr, g: (x + lr * g.sign()).clamp(0, 1))
_probability = _ascend_with(lambda net, x, t: torch.softmax(net(x), dim=1)[:, t],
                            lambda x, lr, g: (x + lr * g).clamp(0, 1))
_logit = _ascend_with(lambda net, x, t: net(x)[:, t], lambda x, lr, g: (x + lr * g).clamp(0, 1))
_softmax_over_batch = _ascend_with(lambda net, x, t: torch.log_softmax(net(x), dim=0)[:, t],
                                   lambda x, lr, g: (x + lr * g).clamp(0, 1))
_first_image_only = _ascend_with(lambda net, x, t: torch.log_softmax(net(x), dim=1)[0, t],
                                 lambda x, lr, g: (x + lr * g).clamp(0, 1))
_batch_mean = _ascend_with(lambda net, x, t: _log_p(net, x, t) / len(x),
                           lambda x, lr, g: (x + lr * g).clamp(0, 1))
_one_step_more = _ascend_with(_log_p, lambda x, lr, g: (x + lr * g).clamp(0, 1),
                              steps_of=lambda steps: steps + 1)
_one_step_fewer = _ascend_with(_log_p, lambda x, lr, g: (x + lr * g).clamp(0, 1),
                               steps_of=lambda steps: steps - 1)


def _ascend_counted_from_one(net, x, target, lr, steps):
    x = x.clone()
    for step in range(1, steps):             # steps − 1 passes: range stops before `steps`
        x.requires_grad_(True)
        torch.log_softmax(net(x), dim=1)[:, target].sum().backward()
        x = (x + lr * x.grad).clamp(0, 1).detach()
    return x


def _grad_not_zeroed(net, x, target, lr, steps):
    x = x.clone().requires_grad_(True)
    for _ in range(steps):
        torch.log_softmax(net(x), dim=1)[:, target].sum().backward()
        with torch.no_grad():
            x += lr * x.grad                    # x.grad keeps adding up: never zeroed
            x.clamp_(0, 1)
    return x.detach()


def _ascend_in_place(net, x, target, lr, steps):
    x.requires_grad_(True)
    for _ in range(steps):
        grad, = torch.autograd.grad(torch.log_softmax(net(x), dim=1)[:, target].sum(), x)
        with torch.no_grad():
            x += lr * grad                      # the caller's tensor
            x.clamp_(0, 1)
    return x.detach()


def _no_return(net, x, target, lr, steps):
    for _ in range(steps):
        x = x.detach().requires_grad_(True)
        grad, = torch.autograd.grad(torch.log_softmax(net(x), dim=1)[:, target].sum(), x)
        x = (x + lr * grad).clamp(0, 1)


def _backward_no_detach(net, x, target, lr, steps):
    x = x.clone().requires_grad_(True)
    for _ in range(steps):
        torch.log_softmax(net(x), dim=1)[:, target].sum().backward()
        x = (x + lr * x.grad).clamp(0, 1)       # not detached: no longer a leaf, x.grad is None
    return x


def _no_requires_grad(net, x, target, lr, steps):
    for _ in range(steps):
        grad, = torch.autograd.grad(torch.log_softmax(net(x), dim=1)[:, target].sum(), x)
        x = (x + lr * grad).clamp(0, 1)
    return x


def _as_images(net, x, target, lr, steps):
    for _ in range(steps):
        x = x.detach().requires_grad_(True)
        grad, = torch.autograd.grad(torch.log_softmax(net(x), dim=1)[:, target].sum(), x)
        x = (x + lr * grad).clamp(0, 1)
    return x.detach().reshape(-1, 28, 28)


def _clip_at_the_end(net, x, target, lr, steps):
    for _ in range(steps):
        x = x.detach().requires_grad_(True)
        grad, = torch.autograd.grad(torch.log_softmax(net(x), dim=1)[:, target].sum(), x)
        x = x + lr * grad                       # no clip in the step ...
    return x.detach().clamp(0, 1)               # ... only once, after the last


def _not_detached(net, x, target, lr, steps):
    for _ in range(steps):
        x = x.detach().requires_grad_(True)
        grad, = torch.autograd.grad(torch.log_softmax(net(x), dim=1)[:, target].sum(), x)
        x = (x + lr * grad).clamp(0, 1)
    return x                                    # still attached to the last step's graph


def _clip_before_step(net, x, target, lr, steps):
    for _ in range(steps):
        x = x.detach().clamp(0, 1).requires_grad_(True)
        grad, = torch.autograd.grad(torch.log_softmax(net(x), dim=1)[:, target].sum(), x)
        x = x + lr * grad
    return x.detach()


def _cross_entropy_descent(net, x, target, lr, steps):
    for _ in range(steps):
        x = x.detach().requires_grad_(True)
        loss = torch.nn.functional.cross_entropy(net(x), torch.full((len(x),), target))
        grad, = torch.autograd.grad(loss, x)
        x = (x - lr * grad).clamp(0, 1)
    return x.detach()


def _cross_entropy_ascent(net, x, target, lr, steps):
    for _ in range(steps):
        x = x.detach().requires_grad_(True)
        loss = torch.nn.functional.cross_entropy(net(x), torch.full((len(x),), target),
                                                 reduction="sum")
        grad, = torch.autograd.grad(loss, x)
        x = (x + lr * grad).clamp(0, 1)
    return x.detach()


# Other right ways to write it (the tests check that each is accepted).

def _ascend_backward(net, x, target, lr, steps):
    x = x.clone()
    for _ in range(steps):
        x.requires_grad_(True)
        torch.log_softmax(net(x), dim=1)[:, target].sum().backward()
        x = torch.clamp(x + lr * x.grad, 0, 1).detach()
    return x


def _ascend_image_by_image(net, x, target, lr, steps):
    out = []
    for image in x:
        xi = image[None].clone()
        for _ in range(steps):
            xi.requires_grad_(True)
            p = torch.softmax(net(xi), dim=1)
            grad, = torch.autograd.grad(torch.log(p[0, target]), xi)
            xi = torch.clamp(xi + lr * grad, min=0, max=1).detach()
        out.append(xi[0])
    return torch.stack(out)


@code_exercise(
    "ch05a.ascend",
    "Write ascend(net, x, target, lr, steps): `steps` steps of gradient ascent on the pixels, "
    "x ← clip(x + η ∇_x log p_t(x), 0, 1), with η = lr and t = target. net: a torch network, "
    "(n, 784) pixels -> (n, 10) logits; x: (n, 784) float tensor in [0, 1], one image per row, "
    "each climbing its own log p_t. Return the new images, (n, 784), as a tensor without "
    "gradient history (detached), and leave the x you were given unchanged.",
    hint="In each step: make a fresh leaf that autograd will differentiate "
         "(x.detach().requires_grad_(True)); compute log p_t for every image "
         "(torch.log_softmax over the ten classes, then the column t); torch.autograd.grad "
         "of their sum gives each image its own gradient; climb by η times it, then clamp.",
    cases=_ascend_cases,
    mistakes=[(_descent,
               "Your pixels go down the slope of log p_t, so the network gets less sure of t: "
               "that is descent (x − η∇, or the gradient of the loss −log p_t). A dream climbs: "
               "add η ∇_x log p_t."),
              (_no_clip,
               "Some of your pixels end up outside [0, 1], where no image has them: clip to "
               "[0, 1] after every step (torch.clamp)."),
              (_clip_255,
               "Your pixels go above 1: the images here are in [0, 1], not 0..255. Clip to "
               "[0, 1] after every step."),
              (_sign_step,
               "You step by η times the sign of ∇_x log p_t, the same size for every pixel "
               "(chapter 5b's method). A dream steps by η ∇_x log p_t itself."),
              (_probability,
               "You climb the gradient of the probability p_t, not of its log: the text's "
               "score is log p_t (torch.log_softmax), whose gradient stays large where p_t "
               "is small."),
              (_logit,
               "You climb the gradient of the logit z_t, the network's raw output for t, not "
               "of log p_t: the softmax makes the other classes' logits count too (raising "
               "z_t and raising the others together changes nothing)."),
              (_softmax_over_batch,
               "The softmax runs over the batch (dim=0), so the images compete with each "
               "other: p_t is over the ten classes of one image, dim=1."),
              (_first_image_only,
               "Only the first image of the batch climbs: log p_t must be taken for every "
               "image (every row), and their sum differentiated."),
              (_batch_mean,
               "Each image's step is 1/n of the right one, for a batch of n images: you "
               "differentiated the mean of log p_t over the batch (F.cross_entropy averages). "
               "Take the sum: every image then gets its own gradient, whatever the batch."),
              (_one_step_more,
               "Your images take one step more than `steps`: check the range of your loop."),
              (_one_step_fewer,
               "Your images take one step fewer than `steps`: check the range of your loop "
               "(range(1, steps) runs steps − 1 times; range(steps) runs `steps` times)."),
              (_grad_not_zeroed,
               "From the second step on, your step is too large: .backward() adds each new "
               "gradient to x.grad, which still holds the last one. Set x.grad to zero (or "
               "use torch.autograd.grad) in every step."),
              (_clip_at_the_end,
               "You clip once, after the last step, so between steps your pixels leave [0, 1] "
               "and the next gradient is taken at an image that is no image. The clip belongs "
               "to every step: x ← clip(x + η ∇_x log p_t(x), 0, 1).")],
    wrong_examples=[(_descent, "descent"),
                    (_no_clip, "outside [0, 1]"),
                    (_clip_255, "not 0..255"),
                    (_sign_step, "the sign of ∇_x log p_t"),
                    (_probability, "not of its log"),
                    (_logit, "the logit z_t"),
                    (_softmax_over_batch, "dim=0"),
                    (_first_image_only, "Only the first image"),
                    (_batch_mean, "1/n of the right one"),
                    (_one_step_more, "one step more"),
                    (_one_step_fewer, "one step fewer"),
                    (_ascend_counted_from_one, "one step fewer"),
                    (_grad_not_zeroed, "x.grad"),
                    (_clip_at_the_end, "You clip once, after the last step"),
                    (_not_detached, "gradient history"),
                    (_ascend_in_place, "changes its input `x`"),
                    (_no_return, "return"),
                    (_backward_no_detach, "TypeError"),
                    (_no_requires_grad, "RuntimeError"),
                    (_as_images, "reshape"),
                    (_clip_before_step, "a clip is missing"),
                    (_cross_entropy_descent, "1/n of the right one"),
                    (_cross_entropy_ascent, "descent")],
    right_examples=[_ascend_backward, _ascend_image_by_image],
    atol=2e-5,
    explanation="Each step moves every pixel a little in the direction that raises log p_t "
                "the fastest; the clip keeps the image an image. Nothing in it asks the "
                "image to look like a digit, which is why the dreams are noise.")
def ascend(net, x, target, lr, steps):
    for _ in range(steps):
        x = x.detach().requires_grad_(True)                  # a fresh leaf to differentiate
        log_p = torch.log_softmax(net(x), dim=1)[:, target]  # log p_t, one per image
        grad, = torch.autograd.grad(log_p.sum(), x)          # each image's own gradient
        x = (x + lr * grad).clamp(0, 1)                      # climb, stay in [0, 1]
    return x.detach()


# ------------------------------------------- write a function: one generation's children

class _Histogram:
    """``draw(u)``: pixel values from a made-up class histogram, by the inverse of its
    distribution function, from uniform numbers u in [0, 1) (any shape). Like MNIST's,
    most pixels are 0 and the values are whole multiples of 1/255."""

    def __init__(self, blank: float):
        self.blank = blank

    def __call__(self, u):
        ink = ((u - self.blank) / (1 - self.blank) * 255).ceil().clamp(0, 255) / 255
        return torch.where(u < self.blank, torch.zeros_like(u), ink)

    def __repr__(self):
        return "a class's histogram"


class _Generator(torch.Generator):
    """A torch.Generator that says what it is in check's messages (not its address), and
    that notes torch's global random state whenever check copies it. check gives the
    learner's function a copy of each case's arguments (made before the function runs, and
    the solution draws from g only), so the first state noted is the global state the
    learner's function started from: with it, a mistake detector can replay draws that
    forgot generator=g (`_global_draws`). Noting the state changes nothing."""

    def __deepcopy__(self, memo):
        origin = getattr(self, "origin", self)
        origin.global_states = getattr(origin, "global_states", []) + [torch.get_rng_state()]
        copy = _Generator()
        copy.set_state(self.get_state())
        copy.origin = origin
        return copy

    def __repr__(self):
        return "a torch.Generator"


def _breed_cases():
    """Populations of 12, 7, 5 and 1 images of 50, 784, 30 and 20 pixels (whole multiples
    of 1/255, as MNIST's), 3, 2, 4 and 1 parents, mutation rates 3 %, 10 %, 25 % and 6 %,
    each with its own generator."""
    rng = np.random.default_rng(52)
    cases = []
    for n, pixels, parents, rate, seed in ((12, 50, 3, 0.03, 1), (7, 784, 2, 0.1, 2),
                                           (5, 30, 4, 0.25, 3), (1, 20, 1, 0.06, 4)):
        population = torch.from_numpy(rng.integers(0, 256, (n, pixels)) / 255).float()
        fitness = torch.from_numpy(rng.exponential(1.0, n))
        cases.append((population, fitness, parents, rate, _Histogram(0.6),
                      _Generator().manual_seed(seed)))
    return cases


def _breed_with(select=lambda fitness, parents: fitness.argsort()[:parents],
                partner=None, cross=lambda coin: coin < 0.5, mutate_first=False,
                flips=lambda g, n, pixels, rate: torch.rand(n, pixels, generator=g) < rate,
                fresh=lambda g, n, pixels, draw: draw(torch.rand(n, pixels, generator=g)),
                mutation=True):
    """breed with one step done another way (the tests' wrong implementations)."""
    def wrong(population, fitness, parents, rate, draw, g):
        n, pixels = population.shape
        fittest = select(fitness, parents)
        index = torch.randint(parents, (n,), generator=g)
        mates = population[fittest[index]] if partner is None else partner(population, index, g)
        if mutate_first:
            flip = flips(g, n, pixels, rate)
            coin = torch.rand(n, pixels, generator=g)
        else:
            coin = torch.rand(n, pixels, generator=g)
            flip = flips(g, n, pixels, rate) if mutation else None
        child = torch.where(cross(coin), population, mates)
        if not mutation:
            return child
        return torch.where(flip, fresh(g, n, pixels, draw), child)
    return wrong


_selects_least_fit = _breed_with(select=lambda fitness, k: fitness.argsort(descending=True)[:k])
_partner_first_rows = _breed_with(partner=lambda population, index, g: population[index])
_crossover_swapped = _breed_with(cross=lambda coin: coin >= 0.5)
_no_mutation = _breed_with(mutation=False)
_mutation_first = _breed_with(mutate_first=True)
_rate_inverted = _breed_with(flips=lambda g, n, pixels, rate: torch.rand(n, pixels, generator=g) > rate)
_uniform_fresh = _breed_with(fresh=lambda g, n, pixels, draw: torch.rand(n, pixels, generator=g))


def _global_draws(without_g):
    """breed whose draws of the steps in ``without_g`` (1 to 4, as the question numbers
    them) forget generator=g and come from torch's global generator, replayed from the
    global state the learner's function started from (see `_Generator`), then put back as
    it was."""
    def wrong(population, fitness, parents, rate, draw, g):
        start = g.origin.global_states[0]       # not a case's generator: the detector is skipped
        with torch.random.fork_rng(devices=[]):
            torch.set_rng_state(start)
            n, pixels = population.shape
            fittest = fitness.argsort()[:parents]
            mine = {} if 1 in without_g else {"generator": g}
            index = torch.randint(parents, (n,), **mine)

            def rand(step):
                mine = {} if step in without_g else {"generator": g}
                return torch.rand(n, pixels, **mine)
            child = torch.where(rand(2) < 0.5, population, population[fittest[index]])
            flip = rand(3) < rate
            return torch.where(flip, draw(rand(4)), child)
    return wrong


_rand_without_g = _global_draws({2, 3, 4})
_nothing_from_g = _global_draws({1, 2, 3, 4})
_randint_without_g = _global_draws({1})
_new_values_without_g = _global_draws({4})


def _last_rand_global(population, fitness, parents, rate, draw, g):
    fittest = torch.topk(fitness, parents, largest=False).indices
    mates = population[fittest][torch.randint(0, parents, (len(population),), generator=g)]
    child = population.clone()
    take = torch.rand(population.shape, generator=g) >= 0.5
    child[take] = mates[take]
    flip = torch.rand(population.shape, generator=g) < rate
    fresh = draw(torch.rand(population.shape))                   # generator=g forgotten here only
    child[flip] = fresh[flip]
    return child


#: The question's four draws from g, by their step number, as a message names them.
_DRAWS = {1: "(1) the partners", 2: "(2) the crossover's numbers",
          3: "(3) the mutation's numbers", 4: "(4) the new values"}


def _breed_in_order(order):
    """breed drawing its four random arrays from g in another order, e.g. (1, 2, 4, 3):
    the new values before the mutation's numbers (the tests' wrong implementations)."""
    def wrong(population, fitness, parents, rate, draw, g):
        n, pixels = population.shape
        drawn = {}
        for step in order:
            drawn[step] = (torch.randint(parents, (n,), generator=g) if step == 1
                           else torch.rand(n, pixels, generator=g))
        partner = population[fitness.argsort()[:parents][drawn[1]]]
        child = torch.where(drawn[2] < 0.5, population, partner)
        return torch.where(drawn[3] < rate, draw(drawn[4]), child)
    wrong.__name__ = wrong.__qualname__ = "_breed_in_order_" + "".join(map(str, order))
    return wrong


def _order_message(order) -> str:
    return ("Your random numbers come from g in another order: you drew "
            + ", then ".join(_DRAWS[step] for step in order)
            + ". The same generator then gives other children. Draw them in the order the "
            "question gives: " + ", ".join(_DRAWS[step] for step in (1, 2, 3, 4)) + ".")


#: Every other order of the four draws but (1, 3, 2, 4), which `_mutation_first` names,
#: the likeliest first: the new values before the mutation's numbers, the crossover's
#: numbers before the partners.
_OTHER_ORDERS = [(1, 2, 4, 3), (2, 1, 3, 4)] + [
    o for o in itertools.permutations((1, 2, 3, 4))
    if o not in {(1, 2, 3, 4), (1, 3, 2, 4), (1, 2, 4, 3), (2, 1, 3, 4)}]
_IN_ORDER = {order: _breed_in_order(order) for order in _OTHER_ORDERS}
_new_values_first = _IN_ORDER[1, 2, 4, 3]
_crossover_before_partners = _IN_ORDER[2, 1, 3, 4]
_new_values_before_all = _IN_ORDER[4, 1, 2, 3]


def _partner_any_member(population, fitness, parents, rate, draw, g):
    n, pixels = population.shape
    mates = population[torch.randint(n, (n,), generator=g)]      # any member, fit or not
    child = torch.where(torch.rand(n, pixels, generator=g) < 0.5, population, mates)
    flip = torch.rand(n, pixels, generator=g) < rate
    return torch.where(flip, draw(torch.rand(n, pixels, generator=g)), child)


def _partner_any_rank(population, fitness, parents, rate, draw, g):
    n, pixels = population.shape
    ranked = fitness.argsort()
    mates = population[ranked[torch.randint(n, (n,), generator=g)]]   # any rank, not the first k
    child = torch.where(torch.rand(n, pixels, generator=g) < 0.5, population, mates)
    flip = torch.rand(n, pixels, generator=g) < rate
    return torch.where(flip, draw(torch.rand(n, pixels, generator=g)), child)


def _partner_any_rank_randint_low(population, fitness, parents, rate, draw, g):
    n, pixels = population.shape
    order = torch.argsort(fitness)
    mates = population[order][torch.randint(0, len(population), (n,), generator=g)]
    child = torch.where(torch.rand(n, pixels, generator=g) < 0.5, population, mates)
    flip = torch.rand(n, pixels, generator=g) < rate
    return torch.where(flip, draw(torch.rand(n, pixels, generator=g)), child)


def _randint_global_loop(population, fitness, parents, rate, draw, g):
    n, pixels = population.shape
    fittest = fitness.argsort()[:parents]
    pick = torch.randint(0, parents, size=(n,))                        # generator=g forgotten
    mates = torch.stack([population[fittest[p]] for p in pick])
    coin = torch.rand(n, pixels, generator=g)
    flip = torch.rand(n, pixels, generator=g) < rate
    fresh = draw(torch.rand(n, pixels, generator=g))
    return torch.where(flip, fresh, torch.where(coin < 0.5, population, mates))


def _fresh_for_flipped_only(population, fitness, parents, rate, draw, g):
    n, pixels = population.shape
    mates = population[fitness.argsort()[:parents][torch.randint(parents, (n,), generator=g)]]
    child = torch.where(torch.rand(n, pixels, generator=g) < 0.5, population, mates)
    flip = torch.rand(n, pixels, generator=g) < rate
    child[flip] = draw(torch.rand(int(flip.sum()), generator=g))
    return child


def _breed_in_place(population, fitness, parents, rate, draw, g):
    n, pixels = population.shape
    mates = population[fitness.argsort()[:parents][torch.randint(parents, (n,), generator=g)]]
    take = torch.rand(n, pixels, generator=g) >= 0.5
    child = population                                           # not a copy
    child[take] = mates[take]
    flip = torch.rand(n, pixels, generator=g) < rate
    child[flip] = draw(torch.rand(n, pixels, generator=g))[flip]
    return child


def _breed_no_return(population, fitness, parents, rate, draw, g):
    n, pixels = population.shape
    mates = population[fitness.argsort()[:parents][torch.randint(parents, (n,), generator=g)]]
    child = torch.where(torch.rand(n, pixels, generator=g) < 0.5, population, mates)
    flip = torch.rand(n, pixels, generator=g) < rate
    child = torch.where(flip, draw(torch.rand(n, pixels, generator=g)), child)


def _generator_by_position(population, fitness, parents, rate, draw, g):
    n, pixels = population.shape
    mates = population[fitness.argsort()[:parents][torch.randint(parents, (n,), generator=g)]]
    child = torch.where(torch.rand((n, pixels), g) < 0.5, population, mates)
    flip = torch.rand((n, pixels), g) < rate
    return torch.where(flip, draw(torch.rand((n, pixels), g)), child)


def _one_parent_index(population, fitness, parents, rate, draw, g):
    n, pixels = population.shape
    fittest = fitness.argsort()[parents]                         # one index, not the first k
    mates = population[fittest[torch.randint(parents, (n,), generator=g)]]
    child = torch.where(torch.rand(n, pixels, generator=g) < 0.5, population, mates)
    flip = torch.rand(n, pixels, generator=g) < rate
    return torch.where(flip, draw(torch.rand(n, pixels, generator=g)), child)


def _coin_as_mask(population, fitness, parents, rate, draw, g):
    n, pixels = population.shape
    mates = population[fitness.argsort()[:parents][torch.randint(parents, (n,), generator=g)]]
    coin = torch.rand(n, pixels, generator=g)
    child = torch.where(coin.round(), population, mates)         # a float, not True/False
    flip = torch.rand(n, pixels, generator=g) < rate
    return torch.where(flip, draw(torch.rand(n, pixels, generator=g)), child)


def _size_not_a_tuple(population, fitness, parents, rate, draw, g):
    n, pixels = population.shape
    mates = population[fitness.argsort()[:parents][torch.randint(parents, n, generator=g)]]
    child = torch.where(torch.rand(n, pixels, generator=g) < 0.5, population, mates)
    flip = torch.rand(n, pixels, generator=g) < rate
    return torch.where(flip, draw(torch.rand(n, pixels, generator=g)), child)


def _children_of_parents_only(population, fitness, parents, rate, draw, g):
    n, pixels = population.shape
    fittest = fitness.argsort()[:parents]
    mates = population[fittest[torch.randint(parents, (parents,), generator=g)]]
    child = torch.where(torch.rand(parents, pixels, generator=g) < 0.5, population[fittest], mates)
    flip = torch.rand(parents, pixels, generator=g) < rate
    return torch.where(flip, draw(torch.rand(parents, pixels, generator=g)), child)


# Other right ways to write it.

def _breed_index_assignment(population, fitness, parents, rate, draw, g):
    n = len(population)
    fittest = torch.topk(fitness, parents, largest=False).indices       # sorted, fittest first
    choice = torch.randint(0, parents, size=(n,), generator=g)
    partner = population[fittest][choice]
    child = population.clone()
    take = torch.rand(population.shape, generator=g) >= 0.5
    child[take] = partner[take]
    flip = torch.rand(population.shape, generator=g) < rate
    child[flip] = draw(torch.rand(population.shape, generator=g))[flip]
    return child


def _breed_member_by_member(population, fitness, parents, rate, draw, g):
    n, pixels = population.shape
    order = sorted(range(n), key=lambda i: float(fitness[i]))[:parents]
    pick = torch.randint(parents, (n,), generator=g).tolist()
    coin = torch.rand(n, pixels, generator=g)
    flip = torch.rand(n, pixels, generator=g) < rate
    fresh = draw(torch.rand(n, pixels, generator=g))
    children = []
    for i in range(n):
        mate = population[order[pick[i]]]
        child = torch.where(coin[i] < 0.5, population[i], mate)
        children.append(torch.where(flip[i], fresh[i], child))
    return torch.stack(children)


@code_exercise(
    "ch05a.breed",
    "Write breed(population, fitness, parents, rate, draw, g): the children of one generation. "
    "population: (n, pixels) tensor, one image per row; fitness: (n,), lower is fitter. "
    "Select the `parents` fittest members (fittest first); give every member i a partner, "
    "one of them chosen at random; child i takes each pixel from member i or from its partner "
    "with equal chances (uniform crossover); then each pixel of the child, with probability "
    "`rate`, is replaced by a new value from the class's histogram, draw(u) for uniform u "
    "(mutation). Every random number comes from the torch.Generator g, in this order: "
    "(1) torch.randint(parents, (n,)): which of the fittest is each member's partner; "
    "(2) torch.rand(n, pixels): the pixel comes from the member where this is below one half; "
    "(3) torch.rand(n, pixels): the pixel mutates where this is below rate; "
    "(4) draw(torch.rand(n, pixels)): a new value for every pixel, used where it mutates. "
    "Return the children, (n, pixels), and leave population unchanged.",
    hint="fitness.argsort() lists the members fittest first; index it with the random "
         "choices of step 1 to get each member's partner, and take those rows of population. "
         "torch.where(condition, a, b) picks a where the condition holds, b elsewhere: once "
         "for the crossover, once for the mutation. Pass generator=g to every draw.",
    cases=_breed_cases,
    mistakes=[(_selects_least_fit,
               "Your partners are the least fit members: fitness here is an error, so the "
               "fittest have the lowest fitness (argsort puts them first)."),
              (_partner_first_rows,
               "Your partners come from the first rows of the population, not from the "
               "fittest members: the random choice of step 1 is a position in the list of "
               "the fittest, which says which row to take."),
              (_partner_any_member,
               "Your partners are chosen among all members: only the `parents` fittest "
               "breed with the others (selection)."),
              (_partner_any_rank,
               "Your partners are chosen among all members, of any rank in the fitness "
               "order: only the `parents` fittest breed with the others (selection), so the "
               "random choice of step 1 picks one of them."),
              (_crossover_swapped,
               "Your children take the partner's pixel where the number of step 2 is below one "
               "half: the text gives that pixel to the member."),
              (_no_mutation,
               "Your children have no mutations: after the crossover, each pixel mutates with "
               "probability rate (steps 3 and 4)."),
              (_rate_inverted,
               "Almost every pixel of your children mutates: a pixel mutates where its number "
               "of step 3 is below rate, which happens with probability rate."),
              (_uniform_fresh,
               "Your mutated pixels are the uniform numbers of step 4 themselves: pass them "
               "through draw, which turns them into values from the class's histogram."),
              (_mutation_first,
               "Your random numbers are drawn in another order (the mutation's before the "
               "crossover's): the same generator then gives other children. Follow the order "
               "of the text: partners, crossover, mutation, new values."),
              *[(wrong, _order_message(order)) for order, wrong in _IN_ORDER.items()],
              (_fresh_for_flipped_only,
               "Your new values come from uniform numbers drawn only for the mutating pixels: "
               "step 4 draws one for every pixel (n × pixels of them) and uses those where "
               "the pixel mutates, so that the next draws from g are the same."),
              (_rand_without_g,
               "Your torch.rand draws do not come from g: without generator=g they come from "
               "torch's own global generator, so the same g no longer gives the same children. "
               "Every random number of steps 1 to 4 comes from g."),
              (_new_values_without_g,
               "Your new values of step 4 do not come from g: without generator=g, that "
               "torch.rand draws from torch's own global generator, so the same g no longer "
               "gives the same children. Every random number of steps 1 to 4 comes from g, "
               "the last draw too."),
              (_randint_without_g,
               "Your partners do not come from g: without generator=g, torch.randint draws "
               "from torch's own global generator, so the same g no longer gives the same "
               "children. Every random number of steps 1 to 4 comes from g, the partners of "
               "step 1 too."),
              (_nothing_from_g,
               "Your random numbers do not come from g: without generator=g, torch.randint and "
               "torch.rand draw from torch's own global generator, so the same g no longer "
               "gives the same children. Every random number of steps 1 to 4 comes from g.")],
    wrong_examples=[(_selects_least_fit, "least fit"),
                    (_partner_first_rows, "first rows"),
                    (_partner_any_member, "among all members"),
                    (_crossover_swapped, "below one half"),
                    (_no_mutation, "no mutations"),
                    (_rate_inverted, "Almost every pixel"),
                    (_uniform_fresh, "pass them through draw"),
                    (_mutation_first, "another order"),
                    (_new_values_first, "you drew (1) the partners, then (2) the crossover's "
                                        "numbers, then (4) the new values, then (3)"),
                    (_crossover_before_partners, "you drew (2) the crossover's numbers, then (1)"),
                    (_new_values_before_all, "you drew (4) the new values, then (1)"),
                    (_fresh_for_flipped_only, "only for the mutating pixels"),
                    (_rand_without_g, "do not come from g"),
                    (_randint_without_g, "Your partners do not come from g"),
                    (_new_values_without_g, "new values of step 4 do not come from g"),
                    (_last_rand_global, "new values of step 4 do not come from g"),
                    (_randint_global_loop, "Your partners do not come from g"),
                    (_partner_any_rank, "of any rank"),
                    (_partner_any_rank_randint_low, "of any rank"),
                    (_nothing_from_g, "do not come from g"),
                    (_breed_in_place, "changes its input `population`"),
                    (_breed_no_return, "return"),
                    (_generator_by_position, "TypeError"),
                    (_one_parent_index, "IndexError"),
                    (_coin_as_mask, "RuntimeError"),
                    (_size_not_a_tuple, "TypeError"),
                    (_children_of_parents_only, "shape")],
    right_examples=[_breed_index_assignment, _breed_member_by_member],
    explanation="Selection makes the fittest the parents of everyone's children; crossover "
                "mixes two images pixel by pixel; mutation brings pixel values that neither "
                "had. With one generator and a fixed order of draws, the same seed gives the "
                "same children every time.")
def breed(population, fitness, parents, rate, draw, g):
    n, pixels = population.shape
    fittest = fitness.argsort()[:parents]                               # selection
    partner = population[fittest[torch.randint(parents, (n,), generator=g)]]
    from_member = torch.rand(n, pixels, generator=g) < 0.5              # uniform crossover
    child = torch.where(from_member, population, partner)
    mutate = torch.rand(n, pixels, generator=g) < rate                  # mutation
    fresh = draw(torch.rand(n, pixels, generator=g))
    return torch.where(mutate, fresh, child)


# ------------------------------------------------- write a function: keep the fitter

def _keep_cases():
    """Populations of 6, 9, 4 and 1 images (tensors, as the chapter's genetic algorithm
    has them); in each, a fitter child, a less fit one, and a tie between a member and its
    child."""
    rng = np.random.default_rng(5)
    cases = []
    for n, pixels in ((6, 784), (9, 50), (4, 10), (1, 30)):
        population = torch.from_numpy(rng.random((n, pixels))).float()
        fitness = torch.from_numpy(rng.random(n))
        children = torch.from_numpy(rng.random((n, pixels))).float()
        child_fitness = torch.from_numpy(rng.random(n))
        if n > 1:
            child_fitness[0] = fitness[0] / 2    # fitter: the child replaces its member
            child_fitness[1] = fitness[1] + 0.5  # less fit: the member stays
            child_fitness[-1] = fitness[-1]      # a tie: the member stays
        else:
            child_fitness = fitness / 3          # the only child is fitter
        cases.append((population, fitness, children, child_fitness))
    return cases


# Typical wrong implementations (the tests check that each gets the right message).

def _keeps_worse(population, fitness, children, child_fitness):
    better = child_fitness > fitness
    return (torch.where(better[:, None], children, population), torch.where(better, child_fitness, fitness))


def _always_replaces(population, fitness, children, child_fitness):
    return children.clone(), child_fitness.clone()


def _tie_replaces(population, fitness, children, child_fitness):
    better = child_fitness <= fitness
    return torch.where(better[:, None], children, population), torch.where(better, child_fitness, fitness)


def _returns_its_input(population, fitness, children, child_fitness):
    return population.clone(), fitness.clone()


def _stale_population(population, fitness, children, child_fitness):
    better = child_fitness < fitness
    return population.clone(), torch.where(better, child_fitness, fitness)


def _stale_fitness(population, fitness, children, child_fitness):
    better = child_fitness < fitness
    return torch.where(better[:, None], children, population), fitness.clone()


def _children_with_the_better_fitness(population, fitness, children, child_fitness):
    better = child_fitness < fitness
    return children.clone(), torch.where(better, child_fitness, fitness)


def _children_with_minimum(population, fitness, children, child_fitness):
    new_fitness = torch.minimum(fitness, child_fitness)
    return children.detach().clone(), new_fitness


def _fitness_of_the_loser(population, fitness, children, child_fitness):
    better = child_fitness < fitness
    return torch.where(better[:, None], children, population), torch.where(better, fitness, child_fitness)


def _best_of_everyone(population, fitness, children, child_fitness):
    everyone, scores = torch.cat([population, children]), torch.cat([fitness, child_fitness])
    best = scores.argsort()[:len(population)]                  # the n best of all 2n
    return everyone[best], scores[best]


def _in_place(population, fitness, children, child_fitness):
    better = child_fitness < fitness
    population[better] = children[better]
    fitness[better] = child_fitness[better]
    return population, fitness


def _in_place_fitness(population, fitness, children, child_fitness):
    better = child_fitness < fitness
    new_population = torch.where(better[:, None], children, population)
    fitness[better] = child_fitness[better]
    return new_population, fitness


def _population_only(population, fitness, children, child_fitness):
    better = child_fitness < fitness
    return torch.where(better[:, None], children, population)


def _no_broadcast(population, fitness, children, child_fitness):
    better = child_fitness < fitness
    return np.where(better, children, population), np.where(better, child_fitness, fitness)


def _swapped_outputs(population, fitness, children, child_fitness):
    better = child_fitness < fitness
    return torch.where(better, child_fitness, fitness), torch.where(better[:, None], children, population)


def _fitness_mask_too(population, fitness, children, child_fitness):
    better = (child_fitness < fitness)[:, None]
    return torch.where(better, children, population), torch.where(better, child_fitness, fitness)


def _transposed(population, fitness, children, child_fitness):
    better = child_fitness < fitness
    return torch.where(better, children.T, population.T), torch.where(better, child_fitness, fitness)


def _keep_no_return(population, fitness, children, child_fitness):
    better = child_fitness < fitness
    new_population = torch.where(better[:, None], children, population)
    new_fitness = torch.where(better, child_fitness, fitness)


# Other right ways to write it.

def _keep_with_numpy(population, fitness, children, child_fitness):
    better = np.asarray(child_fitness) < np.asarray(fitness)
    return (np.where(better[:, None], children, population), np.minimum(child_fitness, fitness))


def _keep_member_by_member(population, fitness, children, child_fitness):
    new_population, new_fitness = population.clone(), fitness.clone()
    for i in range(len(population)):
        if child_fitness[i] < fitness[i]:
            new_population[i] = children[i]
            new_fitness[i] = child_fitness[i]
    return new_population, new_fitness


@code_exercise(
    "ch05a.keep_fitter",
    "Write keep_fitter(population, fitness, children, child_fitness): the genetic "
    "algorithm's last step. Member i (row i of population, a tensor of shape (n, pixels)) is "
    "replaced by child i only if the child is strictly fitter (lower fitness). Return the new "
    "population and the new fitness as a tuple, without changing the tensors you were given.",
    hint="better = child_fitness < fitness is one True/False per member; torch.where can pick "
         "rows from children or population with it (give it shape (n, 1) to broadcast over "
         "the pixels), and the fitness with it as it is.",
    cases=_keep_cases,
    mistakes=[(_keeps_worse, "You keep the worse of each pair: lower fitness is better here "
                             "(it is an error to minimise)."),
              (_always_replaces, "Every child replaces its member, even a worse one: then the "
                                 "best fitness can get worse from one generation to the next. "
                                 "Compare the two fitnesses first."),
              (_tie_replaces,
               "On a tie the child replaces the member here; keep the member unless the child "
               "is strictly fitter (<, not <=)."),
              (_returns_its_input,
               "Your result is the population and the fitness you were given, unchanged: no "
               "child ever replaces its member. Compare child i's fitness with member i's, "
               "and where the child is strictly fitter, put it and its fitness in."),
              (_stale_population,
               "Your new fitness is right, but your new population is the old one: where a "
               "child is strictly fitter, its image must replace its member's row too."),
              (_stale_fitness,
               "Your new fitness is the old one: where a child replaces its member, the "
               "child's fitness must come with it."),
              (_children_with_the_better_fitness,
               "Your new population is the children, every one of them, while your new "
               "fitness keeps the fitter of each pair: a member that is as fit as its child "
               "or fitter is dropped, and its fitness now belongs to an image you did not "
               "keep. Only a strictly fitter child replaces its member's row; elsewhere the "
               "member's row stays."),
              (_fitness_of_the_loser,
               "Your new fitness belongs to the image you dropped, not to the one you kept: "
               "each kept image must carry its own fitness."),
              (_best_of_everyone,
               "You keep the n fittest of members and children together; here each member "
               "competes only with its own child (child i against member i), so the "
               "population keeps its variety.")],
    wrong_examples=[(_keeps_worse, "lower fitness is better"),
                    (_always_replaces, "best fitness can get worse"),
                    (_tie_replaces, "strictly fitter"),
                    (_returns_its_input, "you were given, unchanged"),
                    (_stale_population, "your new population is the old one"),
                    (_stale_fitness, "the old one"),
                    (_fitness_of_the_loser, "the image you dropped"),
                    (_children_with_the_better_fitness, "the children, every one of them"),
                    (_children_with_minimum, "the children, every one of them"),
                    (_best_of_everyone, "its own child"),
                    (_in_place, "changes its input `population`"),
                    (_in_place_fitness, "changes its input `fitness`"),
                    (_population_only, "should be 2 things"),
                    (_no_broadcast, "could not be broadcast"),
                    (_swapped_outputs, "swapped"),
                    (_fitness_mask_too, "shape"),
                    (_transposed, "transposed"),
                    (_keep_no_return, "return")],
    right_examples=[_keep_with_numpy, _keep_member_by_member],
    explanation="Because a member is only ever replaced by something fitter, the best fitness "
                "of the population can never get worse: the algorithm is elitist.")
def keep_fitter(population, fitness, children, child_fitness):
    better = child_fitness < fitness                      # (n,) True where the child wins
    new_population = torch.where(better[:, None], children, population)
    new_fitness = torch.where(better, child_fitness, fitness)
    return new_population, new_fitness
