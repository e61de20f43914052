"""Attempts at ch02.numeric_gradient, written from the question and the notebook only."""

import numpy as np


def right_copies(cost, w, picks, eps):
    out = []
    for i, j in picks:
        wp, wm = w.copy(), w.copy()
        wp[i, j] += eps
        wm[i, j] -= eps
        out.append((cost(wp) - cost(wm)) / (2 * eps))
    return np.array(out)


def right_restore_in_place(cost, w, picks, eps):
    slopes = np.empty(len(picks))
    for k, (i, j) in enumerate(picks):
        old = w[i, j]
        w[i, j] = old + eps
        up = cost(w)
        w[i, j] = old - eps
        down = cost(w)
        w[i, j] = old
        slopes[k] = (up - down) / (2 * eps)
    return slopes


def right_unit_matrix(cost, w, picks, eps):
    def slope(i, j):
        e = np.zeros_like(w)
        e[i, j] = eps
        return (cost(w + e) - cost(w - e)) / (2 * eps)
    return np.array([slope(i, j) for i, j in picks])


def wrong_one_sided(cost, w, picks, eps):
    """Uses the one-sided difference (C(w + ε) − C(w))/ε instead of the central one."""
    out = []
    base = cost(w)
    for i, j in picks:
        wp = w.copy()
        wp[i, j] += eps
        out.append((cost(wp) - base) / eps)
    return np.array(out)


def wrong_divides_by_eps(cost, w, picks, eps):
    """Divides the central difference by ε instead of 2ε."""
    out = []
    for i, j in picks:
        wp, wm = w.copy(), w.copy()
        wp[i, j] += eps
        wm[i, j] -= eps
        out.append((cost(wp) - cost(wm)) / eps)
    return np.array(out)


def wrong_precedence(cost, w, picks, eps):
    """Writes / 2 * eps, which multiplies by ε instead of dividing by 2ε."""
    out = []
    for i, j in picks:
        wp, wm = w.copy(), w.copy()
        wp[i, j] += eps
        wm[i, j] -= eps
        out.append((cost(wp) - cost(wm)) / 2 * eps)
    return np.array(out)


def wrong_swapped(cost, w, picks, eps):
    """Subtracts the other way round, (C(w − ε) − C(w + ε))/(2ε): the sign is wrong."""
    out = []
    for i, j in picks:
        wp, wm = w.copy(), w.copy()
        wp[i, j] += eps
        wm[i, j] -= eps
        out.append((cost(wm) - cost(wp)) / (2 * eps))
    return np.array(out)


def wrong_never_restores(cost, w, picks, eps):
    """Nudges w in place and never puts w[i, j] back: w is left changed."""
    out = []
    for i, j in picks:
        w[i, j] += eps
        up = cost(w)
        w[i, j] -= 2 * eps
        down = cost(w)
        out.append((up - down) / (2 * eps))
    return np.array(out)


def wrong_alias(cost, w, picks, eps):
    """Writes w2 = w twice thinking it copies: the −ε nudge only undoes the +ε one, so C(w − ε) is really C(w)."""
    out = []
    for i, j in picks:
        w2 = w
        w2[i, j] += eps
        up = cost(w2)
        w2 = w
        w2[i, j] -= eps
        down = cost(w2)
        out.append((up - down) / (2 * eps))
    return np.array(out)


def wrong_one_copy_for_all(cost, w, picks, eps):
    """Makes one copy before the loop and never undoes its nudges, so they pile up."""
    out = []
    wc = w.copy()
    for i, j in picks:
        wc[i, j] += eps
        up = cost(wc)
        wc[i, j] -= 2 * eps
        down = cost(wc)
        out.append((up - down) / (2 * eps))
    return np.array(out)


def wrong_nudges_all(cost, w, picks, eps):
    """Nudges every weight at once (w ± ε) instead of only w[i, j]."""
    slope = (cost(w + eps) - cost(w - eps)) / (2 * eps)
    return np.array([slope for _ in picks])


def wrong_transposed_pick(cost, w, picks, eps):
    """Nudges w[j, i] instead of w[i, j] (reads the pick as (column, row))."""
    out = []
    for i, j in picks:
        wp, wm = w.copy(), w.copy()
        wp[j, i] += eps
        wm[j, i] -= eps
        out.append((cost(wp) - cost(wm)) / (2 * eps))
    return np.array(out)
