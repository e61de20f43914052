"""Classifying digits with eigen-digits: three classifiers that work in PCA space.

The fooling post reports "about 70 %" accuracy with principal components and does not say
how. Chapter 4 measures three ways of doing it, each a function of ``k``, the number of
components used:

* `NearestMeanPCA`: project every digit onto the first k components of one PCA of all
  training digits; predict the class whose mean (in those k coordinates) is nearest.
* `KNearestPCA`: in the same k coordinates, find the ``n_neighbors`` nearest training
  digits (3 unless you say otherwise) and let them vote, each vote weighted by
  1 / distance, so a three-way tie goes to the nearest (``weights="uniform"`` gives
  one vote each, ties to the smallest label, as scikit-learn does).
* `SubspacePCA`: fit a separate k-component PCA to the training digits of each class.
  Each class is then an affine subspace (its mean digit plus the span of its k
  components); predict the class whose subspace is nearest, i.e. which reconstructs
  the digit with the smallest squared error.

All three follow scikit-learn's style: ``fit(X, y)`` returns the classifier,
``predict(X)`` gives labels, ``score(X, y)`` the accuracy. ``X`` is ``(n, 28, 28)``
uint8 or ``(n, 784)`` float in [0, 1] (see `course.pca.as_features`). Because the first
k components of a PCA do not depend on how many were fitted, ``with_k(k)`` gives the
same classifier with fewer components without fitting again; `accuracy_vs_k` uses that
to scan k quickly.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np

from .pca import PCA, check_k, as_features, fit_pca, rank_limit, transform, truncate

__all__ = ["NearestMeanPCA", "KNearestPCA", "SubspacePCA", "default_classifiers",
           "AccuracyTable", "accuracy_vs_k"]


def _labels(y, n: int) -> np.ndarray:
    y = np.asarray(y)
    if y.shape != (n,):
        raise ValueError(f"y: expected one label per digit, shape ({n},), got shape {y.shape}.")
    if not np.issubdtype(y.dtype, np.integer):
        raise ValueError(f"y: expected integer class labels, got dtype {y.dtype}.")
    return y.astype(np.int64)


class _PCAClassifier:
    """What the three classifiers share: k, validation, ``score`` and ``with_k``."""

    #: a short name for tables and legends
    label = "PCA classifier"

    def __init__(self, k: int):
        self.k = check_k(k)
        self.classes_: np.ndarray | None = None

    def _params(self) -> str:
        return f"k={self.k}"

    def __repr__(self) -> str:
        state = "fitted" if self.classes_ is not None else "not fitted"
        return f"{type(self).__name__}({self._params()}, {state})"

    def _check_fitted(self) -> None:
        if self.classes_ is None:
            raise ValueError(f"{type(self).__name__} is not fitted yet: call .fit(X, y) first.")

    def _fit_data(self, X, y) -> tuple[np.ndarray, np.ndarray]:
        x = as_features(X, name="X")
        y = _labels(y, len(x))
        if len(np.unique(y)) < 2:
            raise ValueError(f"y: a classifier needs at least 2 classes, got only {np.unique(y)}.")
        self.classes_ = np.unique(y)
        return x, y

    def _global_pca(self, x: np.ndarray, pca: PCA | None) -> PCA:
        """The PCA of all training digits with k components: ``pca`` reused, or a new fit."""
        if pca is None:
            return fit_pca(x, self.k)
        if not isinstance(pca, PCA):
            raise ValueError(f"pca: expected a PCA from course.pca.fit_pca, got {type(pca).__name__}.")
        if (pca.n_samples != len(x) or pca.n_features != x.shape[1] or pca.scale is not None
                or not np.allclose(pca.mean, x.mean(axis=0), rtol=0, atol=1e-9)):
            raise ValueError(f"pca: this PCA was not fitted to these training digits ({pca!r}; X has "
                             f"{len(x)} rows). Pass fit_pca(X) of the same X, not standardised, "
                             "or leave pca=None to fit one.")
        return truncate(pca, check_k(self.k, pca.n_components, what=(
            f"the {pca.n_components} components of the pca passed in")))

    def score(self, X, y) -> float:
        """Accuracy: the share of digits in X whose predicted label equals y."""
        predicted = self.predict(X)
        return float(np.mean(predicted == _labels(y, len(predicted))))

    def with_k(self, k: int) -> "_PCAClassifier":
        """This fitted classifier using only its first ``k`` components (no refitting)."""
        raise NotImplementedError


class NearestMeanPCA(_PCAClassifier):
    """Nearest class mean in the first k principal coordinates of all training digits.

    After ``fit``: ``pca_`` (the PCA, k components), ``means_`` (n_classes, k) the class
    means in PCA coordinates, ``classes_`` (n_classes,) the labels.
    """

    label = "nearest class mean"

    def fit(self, X, y, *, pca: PCA | None = None) -> "NearestMeanPCA":
        """Fit to digits X (n, 28, 28) or (n, 784) with labels y (n,). ``pca``: a PCA of
        the same X (``fit_pca(X)``) to reuse instead of fitting one; fitting is the slow part."""
        x, y = self._fit_data(X, y)
        self.pca_ = self._global_pca(x, pca)
        z = transform(self.pca_, x)
        self.means_ = np.stack([z[y == c].mean(axis=0) for c in self.classes_])
        return self

    def predict(self, X) -> np.ndarray:
        self._check_fitted()
        z = transform(self.pca_, X)
        d2 = (z ** 2).sum(1)[:, None] - 2 * z @ self.means_.T + (self.means_ ** 2).sum(1)[None, :]
        return self.classes_[np.argmin(d2, axis=1)]

    def with_k(self, k: int) -> "NearestMeanPCA":
        self._check_fitted()
        k = check_k(k, self.k, what=f"the k={self.k} this classifier was fitted with")
        new = NearestMeanPCA(k)
        new.classes_, new.pca_, new.means_ = self.classes_, truncate(self.pca_, k), self.means_[:, :k]
        return new


class KNearestPCA(_PCAClassifier):
    """k-nearest neighbours (``n_neighbors`` of them) in the first k principal coordinates.

    n_neighbors : how many training digits vote (default 3).
    weights : ``"distance"`` (default): each vote counts 1 / distance, and a digit at
        distance 0 from training digits takes only their votes; ``"uniform"``: one vote
        each. Ties go to the smallest label, as in scikit-learn's KNeighborsClassifier.
    After ``fit``: ``pca_``, ``z_train_`` (n_train, k) the training digits' coordinates,
    ``y_train_`` (n_train,) their labels.
    """

    label = "3-nearest neighbours"

    def __init__(self, k: int, n_neighbors: int = 3, weights: str = "distance",
                 chunk: int = 2000):
        super().__init__(k)
        self.n_neighbors = check_k(n_neighbors, name="n_neighbors")
        if weights not in ("distance", "uniform"):
            raise ValueError(f"weights must be 'distance' or 'uniform', got {weights!r}.")
        self.weights = weights
        self.chunk = check_k(chunk, name="chunk")
        self.label = f"{n_neighbors}-nearest neighbours"

    def _params(self) -> str:
        return f"k={self.k}, n_neighbors={self.n_neighbors}, weights={self.weights!r}"

    def fit(self, X, y, *, pca: PCA | None = None) -> "KNearestPCA":
        """Fit to digits X (n, 28, 28) or (n, 784) with labels y (n,). ``pca``: a PCA of
        the same X (``fit_pca(X)``) to reuse instead of fitting one."""
        x, y = self._fit_data(X, y)
        if self.n_neighbors > len(x):
            raise ValueError(f"n_neighbors={self.n_neighbors} is more than the {len(x)} training "
                             "digits; choose fewer neighbours.")
        self.pca_ = self._global_pca(x, pca)
        self.z_train_ = transform(self.pca_, x)
        self.y_train_ = y
        return self

    def neighbours(self, X) -> tuple[np.ndarray, np.ndarray]:
        """Distances (n, n_neighbors) to the nearest training digits and their indices,
        nearest first. Computed in chunks of ``chunk`` digits to bound memory."""
        self._check_fitted()
        z = transform(self.pca_, X)
        t2 = (self.z_train_ ** 2).sum(1)
        nn = self.n_neighbors
        dist = np.empty((len(z), nn))
        index = np.empty((len(z), nn), dtype=np.int64)
        for start in range(0, len(z), self.chunk):
            zc = z[start:start + self.chunk]
            d2 = (zc ** 2).sum(1)[:, None] - 2 * zc @ self.z_train_.T + t2[None, :]
            np.maximum(d2, 0.0, out=d2)  # rounding can make a 0 slightly negative
            part = np.argpartition(d2, nn - 1, axis=1)[:, :nn]
            pd = np.take_along_axis(d2, part, axis=1)
            order = np.argsort(pd, axis=1, kind="stable")
            index[start:start + len(zc)] = np.take_along_axis(part, order, axis=1)
            dist[start:start + len(zc)] = np.sqrt(np.take_along_axis(pd, order, axis=1))
        return dist, index

    def predict(self, X) -> np.ndarray:
        dist, index = self.neighbours(X)
        if self.weights == "uniform":
            w = np.ones_like(dist)
        else:
            with np.errstate(divide="ignore"):
                w = 1.0 / dist
            exact = np.isinf(w)
            rows = exact.any(axis=1)
            w[rows] = exact[rows]
        # votes[i, c] = total weight of neighbours of digit i whose label is classes_[c]
        label_pos = np.searchsorted(self.classes_, self.y_train_[index])
        votes = np.zeros((len(dist), len(self.classes_)))
        for j in range(self.n_neighbors):
            np.add.at(votes, (np.arange(len(dist)), label_pos[:, j]), w[:, j])
        return self.classes_[np.argmax(votes, axis=1)]  # first maximum: smallest label

    def with_k(self, k: int) -> "KNearestPCA":
        self._check_fitted()
        k = check_k(k, self.k, what=f"the k={self.k} this classifier was fitted with")
        new = KNearestPCA(k, self.n_neighbors, self.weights, self.chunk)
        new.classes_, new.pca_ = self.classes_, truncate(self.pca_, k)
        new.z_train_, new.y_train_ = np.ascontiguousarray(self.z_train_[:, :k]), self.y_train_
        return new


class SubspacePCA(_PCAClassifier):
    """Nearest class subspace: one k-component PCA per class; the class that reconstructs
    a digit best wins.

    The distance of a digit x to class c's affine subspace is the squared error of its
    reconstruction, ``|x - m_c|^2 - |V_c (x - m_c)|^2`` (Pythagoras), where ``m_c`` is the
    class's mean digit and ``V_c`` (k, 784) its components. After ``fit``: ``pcas_``,
    one `PCA` per class in the order of ``classes_``. Each class needs more than k
    training digits.
    """

    label = "class subspaces"

    def fit(self, X, y) -> "SubspacePCA":
        """Fit one PCA with k components to the digits of each class."""
        x, y = self._fit_data(X, y)
        pcas = []
        for c in self.classes_:
            xc = x[y == c]
            limit = rank_limit(*xc.shape)
            if self.k > limit:
                raise ValueError(f"k={self.k} is larger than class {c} allows: it has {len(xc)} "
                                 f"training digits, so its subspace has at most {limit} "
                                 f"dimensions; choose k between 1 and {limit}.")
            pcas.append(fit_pca(xc, self.k))
        self.pcas_: list[PCA] = pcas
        return self

    def distances(self, X) -> np.ndarray:
        """(n, n_classes) squared distance of each digit to each class's subspace."""
        self._check_fitted()
        x = as_features(X, name="X", n_features=self.pcas_[0].n_features)
        out = np.empty((len(x), len(self.classes_)))
        for j, p in enumerate(self.pcas_):
            xc = x - p.mean
            out[:, j] = (xc ** 2).sum(1) - ((xc @ p.components.T) ** 2).sum(1)
        return out

    def predict(self, X) -> np.ndarray:
        return self.classes_[np.argmin(self.distances(X), axis=1)]

    def with_k(self, k: int) -> "SubspacePCA":
        self._check_fitted()
        k = check_k(k, self.k, what=f"the k={self.k} this classifier was fitted with")
        new = SubspacePCA(k)
        new.classes_, new.pcas_ = self.classes_, [truncate(p, k) for p in self.pcas_]
        return new


def default_classifiers(k: int) -> dict[str, _PCAClassifier]:
    """The chapter's three classifiers with k components, by their table names."""
    models = [NearestMeanPCA(k), KNearestPCA(k, n_neighbors=3), SubspacePCA(k)]
    return {m.label: m for m in models}


@dataclass
class AccuracyTable:
    """Test accuracy of each classifier for each k, and how long it took.

    ks : (m,) the numbers of components
    accuracy : classifier name -> (m,) accuracy on the test digits, in [0, 1]
    fit_seconds : name -> (m,) seconds to fit with that k (when fitted once for the
        largest k and truncated, the single fit's time is at the largest k, 0 elsewhere)
    predict_seconds : name -> (m,) seconds to predict all test digits
    n_train, n_test : how many digits were used
    """

    ks: np.ndarray
    accuracy: dict[str, np.ndarray] = field(default_factory=dict)
    fit_seconds: dict[str, np.ndarray] = field(default_factory=dict)
    predict_seconds: dict[str, np.ndarray] = field(default_factory=dict)
    n_train: int = 0
    n_test: int = 0

    def best(self) -> tuple[str, int, float]:
        """(classifier name, k, accuracy) of the most accurate entry (first if tied)."""
        name, i = max(((n, int(np.argmax(a))) for n, a in self.accuracy.items()),
                      key=lambda t: self.accuracy[t[0]][t[1]])
        return name, int(self.ks[i]), float(self.accuracy[name][i])

    def format(self, *, timings: bool = False, decimals: int = 1) -> str:
        """The table as text: one row per k, one column per classifier (accuracy in %);
        with ``timings``, the fit and predict seconds beside each accuracy."""
        names = list(self.accuracy)
        width = max(12, *(len(n) for n in names)) + (20 if timings else 0)
        head = f"{'k':>5}" + "".join(f"{n:>{width + 2}}" for n in names)
        if timings:
            head += "\n" + f"{'':>5}" + "".join(f"{'accuracy   fit s  predict s':>{width + 2}}"
                                                   for _ in names)
        rows = [head]
        for i, k in enumerate(self.ks):
            cells = []
            for n in names:
                cell = f"{100 * self.accuracy[n][i]:.{decimals}f} %"
                if timings:
                    cell = (f"{cell:>10}{self.fit_seconds[n][i]:8.3f}"
                            f"{self.predict_seconds[n][i]:11.3f}")
                cells.append(f"{cell:>{width + 2}}")
            rows.append(f"{int(k):>5}" + "".join(cells))
        return "\n".join(rows)


def accuracy_vs_k(ks, x_train, y_train, x_test, y_test, *, classifiers=None,
                  refit: bool = False, pca: PCA | None = None,
                  progress: bool = False) -> AccuracyTable:
    """Accuracy on (x_test, y_test) of each classifier trained on (x_train, y_train), for
    each number of components in ``ks``.

    classifiers : name -> unfitted classifier (its own k is ignored); default: the three
        of `default_classifiers`.
    refit : False fits each classifier once with ``max(ks)`` components and uses
        ``with_k`` for the smaller k (exact, and much faster); True fits afresh for
        every k (for timing each fit).
    pca : a PCA of ``x_train`` (``fit_pca(x_train)``, with at least ``max(ks)``
        components) for the classifiers that project onto one PCA of all training digits
        to share, instead of each fitting its own; their fit times then leave it out.
    progress : show a progress bar (tqdm) over the classifiers and ks.
    """
    ks = np.asarray(ks)
    if ks.ndim != 1 or len(ks) == 0 or not np.issubdtype(ks.dtype, np.integer) or (ks <= 0).any():
        raise ValueError(f"ks must be a non-empty list of positive whole numbers, got {ks!r}.")
    x_train = as_features(x_train, name="x_train")
    x_test = as_features(x_test, name="x_test", n_features=x_train.shape[1])
    y_train = _labels(y_train, len(x_train))
    y_test = _labels(y_test, len(x_test))
    kmax = int(ks.max())
    models = classifiers if classifiers is not None else default_classifiers(kmax)
    table = AccuracyTable(ks=ks, n_train=len(x_train), n_test=len(x_test))
    steps = [(name, i) for name in models for i in range(len(ks))]
    bar = None
    if progress:
        from tqdm.auto import tqdm
        bar = tqdm(total=len(steps), desc="classifiers x k", leave=False)
    for name, model in models.items():
        acc, fit_s, pred_s = np.zeros(len(ks)), np.zeros(len(ks)), np.zeros(len(ks))
        if not refit:
            start = time.perf_counter()
            full = _fit(_with_k_param(model, kmax), x_train, y_train, pca)
            fit_s[int(np.argmax(ks))] = time.perf_counter() - start
        for i, k in enumerate(ks):
            if refit:
                start = time.perf_counter()
                fitted = _fit(_with_k_param(model, int(k)), x_train, y_train, pca)
                fit_s[i] = time.perf_counter() - start
            else:
                fitted = full.with_k(int(k))
            start = time.perf_counter()
            acc[i] = fitted.score(x_test, y_test)
            pred_s[i] = time.perf_counter() - start
            if bar is not None:
                bar.update()
        table.accuracy[name], table.fit_seconds[name], table.predict_seconds[name] = acc, fit_s, pred_s
    if bar is not None:
        bar.close()
    return table


def _fit(model: _PCAClassifier, x, y, pca: PCA | None) -> _PCAClassifier:
    if pca is not None and isinstance(model, (NearestMeanPCA, KNearestPCA)):
        return model.fit(x, y, pca=pca)
    return model.fit(x, y)


def _with_k_param(model: _PCAClassifier, k: int) -> _PCAClassifier:
    """An unfitted copy of ``model`` with k components and its other settings."""
    if isinstance(model, KNearestPCA):
        return KNearestPCA(k, model.n_neighbors, model.weights, model.chunk)
    return type(model)(k)
