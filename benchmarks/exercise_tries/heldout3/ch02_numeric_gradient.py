import numpy as np


def right_copies(cost, w, picks, eps):
    slopes = []
    for i, j in picks:
        plus = w.copy()
        plus[i, j] += eps
        minus = w.copy()
        minus[i, j] -= eps
        slopes.append((cost(plus) - cost(minus)) / (2 * eps))
    return np.array(slopes)


def right_nudge_and_restore(cost, w, picks, eps):
    out = np.zeros(len(picks))
    for k, (i, j) in enumerate(picks):
        old = w[i, j]
        w[i, j] = old + eps
        c_plus = cost(w)
        w[i, j] = old - eps
        c_minus = cost(w)
        w[i, j] = old
        out[k] = (c_plus - c_minus) / (2 * eps)
    return out


def right_basis_matrix(cost, w, picks, eps):
    slopes = np.empty(len(picks))
    for k, (i, j) in enumerate(picks):
        E = np.zeros_like(w)
        E[i, j] = eps
        slopes[k] = (cost(w + E) - cost(w - E)) / (2 * eps)
    return slopes


def wrong_one_sided(cost, w, picks, eps):
    """Uses the one-sided difference (C(w + ε) − C(w))/ε instead of the central one."""
    base = cost(w)
    slopes = []
    for i, j in picks:
        plus = w.copy()
        plus[i, j] += eps
        slopes.append((cost(plus) - base) / eps)
    return np.array(slopes)


def wrong_divides_by_eps(cost, w, picks, eps):
    """Divides the central difference by ε instead of 2ε."""
    slopes = []
    for i, j in picks:
        plus = w.copy()
        plus[i, j] += eps
        minus = w.copy()
        minus[i, j] -= eps
        slopes.append((cost(plus) - cost(minus)) / eps)
    return np.array(slopes)


def wrong_no_restore(cost, w, picks, eps):
    """Nudges w in place and never puts w[i, j] back, so w drifts by −ε per pick."""
    slopes = []
    for i, j in picks:
        w[i, j] += eps
        c_plus = cost(w)
        w[i, j] -= 2 * eps
        c_minus = cost(w)
        slopes.append((c_plus - c_minus) / (2 * eps))
    return np.array(slopes)


def wrong_all_weights(cost, w, picks, eps):
    """Nudges every weight at once (w ± ε) instead of only w[i, j]."""
    slopes = []
    for i, j in picks:
        slopes.append((cost(w + eps) - cost(w - eps)) / (2 * eps))
    return np.array(slopes)


def wrong_aliased_copies(cost, w, picks, eps):
    """'Copies' w with plain assignment, so the minus nudge undoes the plus one: (C(w + ε) − C(w))/2ε."""
    slopes = []
    for i, j in picks:
        plus = w
        plus[i, j] += eps
        c_plus = cost(plus)
        minus = w
        minus[i, j] -= eps
        c_minus = cost(minus)
        slopes.append((c_plus - c_minus) / (2 * eps))
    return np.array(slopes)


def wrong_whole_row(cost, w, picks, eps):
    """Nudges the whole row w[i] instead of the single weight w[i, j]."""
    slopes = []
    for i, j in picks:
        plus = w.copy()
        plus[i] += eps
        minus = w.copy()
        minus[i] -= eps
        slopes.append((cost(plus) - cost(minus)) / (2 * eps))
    return np.array(slopes)


def wrong_fixed_eps(cost, w, picks, eps):
    """Hard-codes ε = 1e-2 instead of using the eps argument."""
    h = 1e-2
    slopes = []
    for i, j in picks:
        plus = w.copy()
        plus[i, j] += h
        minus = w.copy()
        minus[i, j] -= h
        slopes.append((cost(plus) - cost(minus)) / (2 * h))
    return np.array(slopes)
