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


def right_restore(cost, w, picks, eps):
    w2 = np.array(w, dtype=np.float64, copy=True)
    slopes = np.empty(len(picks))
    for k, (i, j) in enumerate(picks):
        old = w2[i, j]
        w2[i, j] = old + eps
        cp = cost(w2)
        w2[i, j] = old - eps
        cm = cost(w2)
        w2[i, j] = old
        slopes[k] = (cp - cm) / (2 * eps)
    return slopes


def right_basis(cost, w, picks, eps):
    res = np.zeros(len(picks))
    for k, (i, j) in enumerate(picks):
        e = np.zeros_like(w)
        e[i, j] = eps
        res[k] = (cost(w + e) - cost(w - e)) / (2 * eps)
    return res


def wrong_forward_difference(cost, w, picks, eps):
    """One-sided forward difference (C(w+eps) - C(w)) / eps instead of the central one."""
    out = []
    for i, j in picks:
        wp = w.copy()
        wp[i, j] += eps
        out.append((cost(wp) - cost(w)) / eps)
    return np.array(out)


def wrong_divide_by_eps(cost, w, picks, eps):
    """Divides the central difference by eps instead of 2 eps."""
    out = []
    for i, j in picks:
        wp, wm = w.copy(), w.copy()
        wp[i, j] += eps
        wm[i, j] -= eps
        out.append((cost(wp) - cost(wm)) / eps)
    return np.array(out)


def wrong_in_place_no_restore(cost, w, picks, eps):
    """Nudges w in place and never puts the weight back."""
    out = []
    for i, j in picks:
        w[i, j] += eps
        cp = cost(w)
        w[i, j] -= 2 * eps
        cm = cost(w)
        out.append((cp - cm) / (2 * eps))
    return np.array(out)


def wrong_alias(cost, w, picks, eps):
    """'Copies' w with wp = w (an alias), so both nudges land on w itself and accumulate."""
    out = []
    for i, j in picks:
        wp = w
        wp[i, j] += eps
        cp = cost(wp)
        wm = w
        wm[i, j] -= eps
        cm = cost(wm)
        out.append((cp - cm) / (2 * eps))
    return np.array(out)


def wrong_nudge_all(cost, w, picks, eps):
    """Nudges every weight at once (w + eps) instead of only w[i, j]."""
    s = (cost(w + eps) - cost(w - eps)) / (2 * eps)
    return np.array([s for _ in picks])


def wrong_swapped_index(cost, w, picks, eps):
    """Nudges w[j, i] instead of w[i, j]."""
    out = []
    for i, j in picks:
        wp, wm = w.copy(), w.copy()
        wp[j, i] += eps
        wm[j, i] -= eps
        out.append((cost(wp) - cost(wm)) / (2 * eps))
    return np.array(out)


def wrong_sign(cost, w, picks, eps):
    """Subtracts the wrong way round: (C(w - eps) - C(w + eps)) / (2 eps)."""
    out = []
    for i, j in picks:
        wp, wm = w.copy(), w.copy()
        wp[i, j] += eps
        wm[i, j] -= eps
        out.append((cost(wm) - cost(wp)) / (2 * eps))
    return np.array(out)
