import numpy as np


def right_copies(cost, w, picks, eps):
    out = []
    for i, j in picks:
        plus = w.copy()
        plus[i, j] += eps
        minus = w.copy()
        minus[i, j] -= eps
        out.append((cost(plus) - cost(minus)) / (2 * eps))
    return np.array(out)


def right_in_place_restore(cost, w, picks, eps):
    slopes = np.empty(len(picks))
    for k, (i, j) in enumerate(picks):
        old = w[i, j]
        try:
            w[i, j] = old + eps
            c_plus = cost(w)
            w[i, j] = old - eps
            c_minus = cost(w)
        finally:
            w[i, j] = old
        slopes[k] = (c_plus - c_minus) / (2 * eps)
    return slopes


def right_basis_matrix(cost, w, picks, eps):
    def nudge(i, j):
        e = np.zeros_like(w)
        e[i, j] = eps
        return e
    return np.array([(cost(w + nudge(i, j)) - cost(w - nudge(i, j))) / (2 * eps) for i, j in picks])


def wrong_forward_difference(cost, w, picks, eps):
    """One-sided difference (C(w + ε) − C(w)) / ε instead of the central one."""
    base = cost(w)
    out = []
    for i, j in picks:
        plus = w.copy()
        plus[i, j] += eps
        out.append((cost(plus) - base) / eps)
    return np.array(out)


def wrong_divide_by_eps(cost, w, picks, eps):
    """Divides the central difference by ε instead of 2ε."""
    out = []
    for i, j in picks:
        plus, minus = w.copy(), w.copy()
        plus[i, j] += eps
        minus[i, j] -= eps
        out.append((cost(plus) - cost(minus)) / eps)
    return np.array(out)


def wrong_no_restore(cost, w, picks, eps):
    """Nudges w in place and never puts w[i, j] back: w is left changed."""
    out = []
    for i, j in picks:
        w[i, j] += eps
        c_plus = cost(w)
        w[i, j] -= 2 * eps
        c_minus = cost(w)
        out.append((c_plus - c_minus) / (2 * eps))
    return np.array(out)


def wrong_nudge_all(cost, w, picks, eps):
    """Nudges every weight of w by ε instead of only w[i, j]."""
    return np.array([(cost(w + eps) - cost(w - eps)) / (2 * eps) for i, j in picks])


def wrong_swapped_index(cost, w, picks, eps):
    """Nudges w[j, i] instead of w[i, j]."""
    out = []
    for i, j in picks:
        plus, minus = w.copy(), w.copy()
        plus[j, i] += eps
        minus[j, i] -= eps
        out.append((cost(plus) - cost(minus)) / (2 * eps))
    return np.array(out)


def wrong_reversed_sign(cost, w, picks, eps):
    """Subtracts the other way round: (C(w − ε) − C(w + ε)) / 2ε."""
    out = []
    for i, j in picks:
        plus, minus = w.copy(), w.copy()
        plus[i, j] += eps
        minus[i, j] -= eps
        out.append((cost(minus) - cost(plus)) / (2 * eps))
    return np.array(out)


def wrong_accumulating_copy(cost, w, picks, eps):
    """Copies w once outside the loop, so earlier picks stay nudged to w − ε for later ones."""
    v = w.copy()
    out = []
    for i, j in picks:
        v[i, j] += eps
        c_plus = cost(v)
        v[i, j] -= 2 * eps
        c_minus = cost(v)
        out.append((c_plus - c_minus) / (2 * eps))
    return np.array(out)
