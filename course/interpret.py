"""Looking inside a trained classifier (chapter 3).

Five ways to see what a classifier has learnt from the digits:

* `linear_templates`: fit a linear classifier (logistic regression or a linear SVM,
  scikit-learn) to the 784 pixels. Its class score is ``s_c(x) = w_c · x + b_c``, so each
  weight vector ``w_c`` is a 28 x 28 picture: the *template* the digit is compared with.
* `first_layer_fields`: the first-layer weights of a network, one 28 x 28 picture per
  hidden neuron (its *receptive field*). `concentration` scores how much of a field's
  weight sits in a few pixels, to pick out the few that look like single strokes.
* `confusion_matrix` and `most_confused_pairs`: which classes are mistaken for which.
* `class_probabilities` and `confident_mistakes`: the wrong answers the network was
  surest of.
* `saliency`: the gradient of one class score (the logit, before softmax) with respect
  to the input pixels, ``∂s_c/∂x``, by torch autograd; optionally gradient × input.

Images go in as ``(n, 28, 28)`` (or ``(n, 784)``), ``uint8`` in 0..255 or float in
[0, 1]; everything here works with pixels scaled to [0, 1]. Networks are torch models
from `course.training.make_mlp` / `make_cnn` (and, for `first_layer_fields`, the numpy
`course.mlp.MLP`). Nothing here trains a network; that is `course.training`.
"""

from __future__ import annotations

import numpy as np

from .pixel_stats import as_unit_float

__all__ = ["pixels", "linear_templates", "first_layer_fields", "concentration",
           "confusion_matrix", "most_confused_pairs", "class_probabilities",
           "confident_mistakes", "saliency", "SALIENCY_METHODS"]

SALIENCY_METHODS = ("gradient", "gradient_x_input")

#: The regularisation strength C used when none is given (see `linear_templates`).
DEFAULT_C = {"logistic": 0.1, "svm": 0.01}


def pixels(images, *, name: str = "x") -> np.ndarray:
    """Images as a ``(n, 784)`` float64 matrix in [0, 1], one digit per row.

    images : (n, 28, 28) or (n, 784); uint8 in 0..255 (divided by 255) or float in [0, 1].
    """
    x = np.asarray(images)
    if x.ndim == 2 and x.shape[1] == 784:
        x = x.reshape(len(x), 28, 28)
    if x.ndim != 3 or x.shape[1:] != (28, 28):
        raise ValueError(f"{name}: expected digits of shape (n, 28, 28) or (n, 784), got an "
                         f"array of shape {x.shape}.")
    return as_unit_float(x, name=name).reshape(len(x), 784)


def _labels(y, n: int, *, name: str = "y", classes: int = 10) -> np.ndarray:
    y = np.asarray(y)
    if y.ndim != 1 or len(y) != n:
        raise ValueError(f"{name}: expected {n} labels in a 1-D array (one per digit), got "
                         f"an array of shape {y.shape}.")
    if not np.issubdtype(y.dtype, np.integer):
        raise ValueError(f"{name}: labels must be integers 0..{classes - 1}, got dtype {y.dtype}.")
    if y.size and (y.min() < 0 or y.max() >= classes):
        raise ValueError(f"{name}: labels must lie in 0..{classes - 1}, found values from "
                         f"{y.min()} to {y.max()}.")
    return y.astype(np.int64)


# --------------------------------------------------------------------------- linear models


def linear_templates(x, y, kind: str = "logistic", C: float | None = None, seed: int = 0):
    """Fit a linear classifier to the pixels; return ``(model, templates)``.

    x : (n, 28, 28) or (n, 784) digits (uint8, or float in [0, 1]); y : (n,) labels 0..9.
    kind : ``"logistic"`` (multinomial logistic regression, solver L-BFGS, softmax over
        ten scores) or ``"svm"`` (linear support vector machine, one class against the
        rest, squared hinge loss, solver liblinear).
    C : inverse strength of the L2 penalty on the weights (smaller C: smaller, smoother
        templates). Default `DEFAULT_C`: 0.1 for logistic, 0.01 for the SVM, values at
        which both reach their best test accuracy on the bundled digits to within a
        percent, and converge within their iteration limit.
    seed : fixes liblinear's random order of coordinates (L-BFGS uses no randomness).

    Returns the fitted scikit-learn estimator (it expects `pixels` of the images: use
    ``model.predict(pixels(images))``) and ``templates`` of shape (10, 28, 28): row c of
    the weight matrix, ``model.coef_[c]``, as a picture. The score of class c for a digit
    x is ``templates[c] · x + model.intercept_[c]``.

    Speed: on the 4,000 bundled digits each fit takes a few seconds. The fit runs in
    float32 (L-BFGS then needs about half the time) with one BLAS thread: the matrices
    are small, and on a busy machine more threads made L-BFGS many times slower.
    """
    from sklearn.linear_model import LogisticRegression
    from sklearn.svm import LinearSVC
    from threadpoolctl import threadpool_limits

    if kind not in DEFAULT_C:
        raise ValueError(f"kind must be 'logistic' or 'svm', got {kind!r}.")
    C = DEFAULT_C[kind] if C is None else C
    if isinstance(C, bool) or not isinstance(C, (int, float, np.integer, np.floating)) \
            or not np.isfinite(C) or C <= 0:
        raise ValueError(f"C (the inverse regularisation strength) must be a positive number, "
                         f"got {C!r}.")
    X = pixels(x)
    labels = _labels(y, len(X))
    if len(np.unique(labels)) < 2:
        raise ValueError("y: a classifier needs digits of at least two classes; all labels "
                         f"are {labels[0] if len(labels) else 'missing'}.")
    if kind == "logistic":
        model = LogisticRegression(C=float(C), max_iter=500)
    else:
        model = LinearSVC(C=float(C), max_iter=2000, random_state=seed)
    with threadpool_limits(limits=1):
        model.fit(X.astype(np.float32), labels)
    return model, model.coef_.reshape(-1, 28, 28).copy()


# --------------------------------------------------------------------------- networks


def _first_linear(model):
    """The first fully connected layer of a torch model, or None."""
    from torch import nn

    for module in model.modules():
        if isinstance(module, nn.Linear):
            return module
        if isinstance(module, nn.Conv2d):  # a convolution comes first: no 784-pixel fields
            return None
    return None


def first_layer_fields(model) -> np.ndarray:
    """The first layer's weights as pictures: ``(n_hidden, 28, 28)`` float.

    model : a torch network whose first layer is ``nn.Linear(784, n_hidden)`` (e.g.
        `course.training.make_mlp`), or a `course.mlp.MLP` with 784 inputs. Picture j is
    the weights from the 784 pixels into hidden neuron j (row j of ``W``): the neuron's
    input is ``fields[j] · x + b_j``, so it responds to ink where its field is positive
    (red) and is held back by ink where it is negative (blue).
    """
    from .mlp import MLP

    if isinstance(model, MLP):
        W = model.W[0]
    else:
        import torch

        if not isinstance(model, torch.nn.Module):
            raise ValueError(f"model: expected a torch network (make_mlp) or a course.mlp.MLP, "
                             f"got {type(model).__name__}.")
        layer = _first_linear(model)
        if layer is None:
            raise ValueError("model: its first layer is not fully connected (nn.Linear), so its "
                             "weights are not one 28 x 28 picture per neuron. Use an MLP from "
                             "make_mlp.")
        W = layer.weight.detach().cpu().numpy()
    if W.shape[1] != 784:
        raise ValueError(f"model: its first layer takes {W.shape[1]} inputs; 28 x 28 pictures "
                         "need 784.")
    return np.array(W).reshape(len(W), 28, 28)


def concentration(fields, share: float = 0.05) -> np.ndarray:
    """How concentrated each field is: the share of its squared weights in its strongest pixels.

    fields : (k, h, w) (or one (h, w)) real arrays, e.g. from `first_layer_fields`.
    share : which part of the pixels counts as "strongest" (default 5 %: 39 of 784).
    Returns (k,) floats between ``share`` (every pixel equally strong) and 1 (all the
    weight on a few pixels); a field of zeros gets 0. A field whose weight sits in one
    short stroke scores high; a broad blob or noise spread over the frame scores low.
    Freshly initialised weights (torch's uniform random start) score about 0.14 at 5 %.
    """
    f = np.asarray(fields, dtype=np.float64)
    if f.ndim == 2:
        f = f[None]
    if f.ndim != 3 or f.shape[1] * f.shape[2] == 0:
        raise ValueError(f"fields: expected pictures of shape (k, height, width), got an array "
                         f"of shape {np.shape(fields)}.")
    if not np.isfinite(f).all():
        raise ValueError("fields: values must be finite numbers (found NaN or infinity).")
    if isinstance(share, bool) or not isinstance(share, (int, float, np.floating)) \
            or not 0 < share <= 1:
        raise ValueError(f"share must be a number in (0, 1], got {share!r}.")
    energy = (f * f).reshape(len(f), -1)
    top = max(1, int(round(share * energy.shape[1])))
    strongest = -np.sort(-energy, axis=1)[:, :top].sum(axis=1)
    total = energy.sum(axis=1)
    return np.divide(strongest, total, out=np.zeros(len(f)), where=total > 0)


# --------------------------------------------------------------------------- mistakes


def confusion_matrix(y_true, y_pred, classes: int = 10) -> np.ndarray:
    """Counts of (true class, predicted class): ``(classes, classes)`` int64.

    Entry ``[i, j]`` counts the digits labelled i that were predicted as j (rows: the
    truth, columns: the prediction, as in scikit-learn). The diagonal holds the correct
    answers; everything off it is a mistake.
    """
    if isinstance(classes, bool) or not isinstance(classes, (int, np.integer)) or classes < 1:
        raise ValueError(f"classes must be a positive integer, got {classes!r}.")
    yt = np.asarray(y_true)
    if yt.ndim != 1:
        raise ValueError(f"y_true: expected a 1-D array of labels, got shape {yt.shape}.")
    yt = _labels(yt, len(yt), name="y_true", classes=classes)
    yp = _labels(y_pred, len(yt), name="y_pred", classes=classes)
    return np.bincount(yt * classes + yp, minlength=classes * classes).reshape(classes, classes)


def most_confused_pairs(cm, k: int = 5, *, ordered: bool = True) -> list[tuple[int, int, int]]:
    """The ``k`` most frequent mistakes in a confusion matrix, most frequent first.

    cm : (c, c) counts from `confusion_matrix`.
    ordered : True gives ``(true, predicted, count)`` for each off-diagonal cell; False
        joins the two directions, giving ``(a, b, count)`` with a < b and count =
        ``cm[a, b] + cm[b, a]`` (how often a and b were mixed up either way).
    Ties are broken by position (smaller classes first). Pairs with count 0 are left out.
    """
    m = np.asarray(cm)
    if m.ndim != 2 or m.shape[0] != m.shape[1]:
        raise ValueError(f"cm: expected a square confusion matrix, got shape {m.shape}.")
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or k < 0:
        raise ValueError(f"k must be a non-negative integer, got {k!r}.")
    c = len(m)
    if ordered:
        cells = [(i, j, int(m[i, j])) for i in range(c) for j in range(c) if i != j]
    else:
        cells = [(i, j, int(m[i, j] + m[j, i])) for i in range(c) for j in range(i + 1, c)]
    cells = [cell for cell in cells if cell[2] > 0]
    cells.sort(key=lambda cell: -cell[2])  # stable: ties keep their position order
    return cells[:k]


def class_probabilities(model, x, batch_size: int = 2000, threads: int | None = 1) -> np.ndarray:
    """Softmax of a torch network's logits: ``(n, n_classes)`` float64, rows sum to 1.

    x : (n, 28, 28) or (n, 784) digits (uint8, or float in [0, 1]).
    threads : CPU threads for torch (see `course.threads.torch_threads`).
    """
    import torch

    from .threads import torch_threads

    if not isinstance(model, torch.nn.Module):
        raise ValueError(f"model: expected a torch network, got {type(model).__name__}.")
    X = pixels(x)
    dtype = next(model.parameters()).dtype
    model.eval()
    with torch.no_grad(), torch_threads(threads):
        out = [torch.softmax(model(torch.from_numpy(X[i:i + batch_size]).to(dtype)), dim=1)
               for i in range(0, len(X), batch_size)]
    return torch.cat(out).double().numpy() if out else np.zeros((0, 10))


def confident_mistakes(probs, y_true, k: int = 12) -> np.ndarray:
    """Positions of the ``k`` wrong predictions made with the highest probability.

    probs : (n, classes) predicted probabilities (e.g. `class_probabilities`); the
        prediction is the class of largest probability, its confidence that probability.
    y_true : (n,) true labels.
    Returns up to k indices into the n digits, most confident mistake first (ties: the
    smaller index first); fewer when there are fewer than k mistakes.
    """
    p = np.asarray(probs, dtype=np.float64)
    if p.ndim != 2 or p.shape[1] < 2:
        raise ValueError(f"probs: expected an (n, classes) array of probabilities, got shape "
                         f"{p.shape}.")
    if not np.isfinite(p).all() or p.min(initial=0) < 0:
        raise ValueError("probs: probabilities must be finite and non-negative.")
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or k < 0:
        raise ValueError(f"k must be a non-negative integer, got {k!r}.")
    y = _labels(y_true, len(p), name="y_true", classes=p.shape[1])
    predicted = p.argmax(axis=1)
    wrong = np.flatnonzero(predicted != y)
    confidence = p[wrong, predicted[wrong]]
    order = np.argsort(-confidence, kind="stable")
    return wrong[order[:k]]


# --------------------------------------------------------------------------- saliency


def saliency(model, image, target: int | None = None, *, method: str = "gradient",
             threads: int | None = 1) -> np.ndarray:
    """How each pixel moves one class score: ``(28, 28)`` float64.

    model : a torch network taking ``(n, 784)`` pixels in [0, 1] and giving logits.
    image : one digit, (28, 28) or (784,), uint8 or float in [0, 1].
    target : the class whose score (logit ``s_c``, before the softmax) is explained;
        None explains the predicted class (the largest logit).
    method : ``"gradient"``: ``∂s_c/∂x``, how much the score would rise per unit of ink
        added at each pixel (positive: ink there speaks for class c; negative: against).
        ``"gradient_x_input"``: that gradient times the pixel value, so only pixels that
        carry ink get a value: how much each inked pixel contributes (for a network
        without biases and with ReLUs, these sum to the score exactly).

    threads : CPU threads for torch (see `course.threads.torch_threads`).

    The gradient is computed by torch autograd in the dtype of the model's parameters.
    """
    import torch

    from .threads import torch_threads

    if not isinstance(model, torch.nn.Module):
        raise ValueError(f"model: expected a torch network, got {type(model).__name__}.")
    if method not in SALIENCY_METHODS:
        raise ValueError(f"method must be one of {SALIENCY_METHODS}, got {method!r}.")
    img = np.asarray(image)
    if img.shape == (784,):
        img = img.reshape(28, 28)
    if img.shape != (28, 28):
        raise ValueError(f"image: expected one digit of shape (28, 28) or (784,), got shape "
                         f"{img.shape}. To explain digit i of a set, pass images[i].")
    x_np = as_unit_float(img, name="image").reshape(1, 784)
    dtype = next(model.parameters()).dtype
    x = torch.from_numpy(x_np).to(dtype).requires_grad_(True)
    model.eval()
    with torch_threads(threads):
        logits = model(x)
        n_classes = logits.shape[1]
        if target is None:
            target = int(logits[0].argmax())
        elif isinstance(target, bool) or not isinstance(target, (int, np.integer)) \
                or not 0 <= target < n_classes:
            raise ValueError(f"target must be a class in 0..{n_classes - 1} (or None for the "
                             f"predicted class), got {target!r}.")
        (grad,) = torch.autograd.grad(logits[0, int(target)], x)
    g = grad.detach().double().numpy().reshape(28, 28)
    if method == "gradient_x_input":
        g = g * x_np.reshape(28, 28)
    return g
