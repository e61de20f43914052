import numpy as np


def right_copies(cost, w, picks, eps):
    out = []
    for i, j in picks:
        wp = w.copy()
        wm = w.copy()
        wp[i, j] += eps
        wm[i, j] -= eps
        out.append((cost(wp) - cost(wm)) / (2 * eps))
    return np.array(out)


def right_nudge_and_restore(cost, w, picks, eps):
    slopes = np.zeros(len(picks))
    work = w.copy()
    for k, (i, j) in enumerate(picks):
        old = work[i, j]
        work[i, j] = old + eps
        up = cost(work)
        work[i, j] = old - eps
        down = cost(work)
        work[i, j] = old
        slopes[k] = (up - down) / (2 * eps)
    return slopes


def right_basis_matrix(cost, w, picks, eps):
    result = np.empty(len(picks))
    for k, (i, j) in enumerate(picks):
        E = np.zeros_like(w)
        E[i, j] = eps
        result[k] = (cost(w + E) - cost(w - E)) / (2 * eps)
    return result


def wrong_forward_difference(cost, w, picks, eps):
    """One-sided difference (C(w + ε) − C(w)) / ε instead of the central one."""
    out = []
    base = cost(w)
    for i, j in picks:
        wp = w.copy()
        wp[i, j] += eps
        out.append((cost(wp) - base) / eps)
    return np.array(out)


def wrong_divide_by_eps(cost, w, picks, eps):
    """Divides the central difference by ε instead of 2ε."""
    out = []
    for i, j in picks:
        wp, wm = w.copy(), w.copy()
        wp[i, j] += eps
        wm[i, j] -= eps
        out.append((cost(wp) - cost(wm)) / eps)
    return np.array(out)


def wrong_never_restored(cost, w, picks, eps):
    """Nudges w in place and never puts the weight back (ends at w − ε)."""
    out = []
    for i, j in picks:
        w[i, j] += eps
        up = cost(w)
        w[i, j] -= 2 * eps
        down = cost(w)
        out.append((up - down) / (2 * eps))
    return np.array(out)


def wrong_back_to_start(cost, w, picks, eps):
    """After + ε, subtracts ε once: the second cost is C(w), not C(w − ε)."""
    out = []
    for i, j in picks:
        w[i, j] += eps
        up = cost(w)
        w[i, j] -= eps
        down = cost(w)
        out.append((up - down) / (2 * eps))
    return np.array(out)


def wrong_aliased_copies(cost, w, picks, eps):
    """wp = w and wm = w are the same array (no copy): both costs are equal, slopes 0."""
    out = []
    for i, j in picks:
        wp = w
        wm = w
        wp[i, j] += eps
        wm[i, j] -= eps
        out.append((cost(wp) - cost(wm)) / (2 * eps))
    return np.array(out)


def wrong_nudge_all(cost, w, picks, eps):
    """Nudges every weight at once (w ± ε) instead of only w[i, j]."""
    slope = (cost(w + eps) - cost(w - eps)) / (2 * eps)
    return np.array([slope for _ in picks])


def wrong_sign(cost, w, picks, eps):
    """(C(w − ε) − C(w + ε)) / 2ε: the differences the wrong way round."""
    out = []
    for i, j in picks:
        wp, wm = w.copy(), w.copy()
        wp[i, j] += eps
        wm[i, j] -= eps
        out.append((cost(wm) - cost(wp)) / (2 * eps))
    return np.array(out)
