"""The live training dashboard of chapter 2.

Choose the hidden layers, activation, loss, learning rate, batch size and number of
epochs; press **Train** and watch the loss and accuracy curves (training and test)
grow epoch by epoch; press **Stop** at any time. Training runs in a background thread,
so the notebook stays responsive, and stopping leaves a usable, partly trained model
in ``dashboard.model``. Bad settings (a learning rate of 0, an empty layer list, text
where a number belongs) get a message in the dashboard, not a traceback.

It trains `course.training.make_mlp` networks with `course.training.train`, the same
functions the tests check.
"""

from __future__ import annotations

import io
import threading

import ipywidgets as w
import numpy as np

from .training import TrainConfig, make_mlp, train
from .widgets._access import name
from .widgets._base import _Widget, with_alt

__all__ = ["TrainingDashboard", "parse_hidden_sizes", "curves_png", "curves_figure"]


def parse_hidden_sizes(text: str) -> list[int]:
    """``"64, 32"`` -> ``[64, 32]``. Raises ValueError with a learner-friendly message."""
    parts = [p for p in text.replace(",", " ").split() if p]
    if not parts:
        raise ValueError("Give at least one hidden layer size, for example '64' or '64, 32'.")
    sizes = []
    for p in parts:
        if not p.isdigit() or int(p) < 1:
            raise ValueError(f"Hidden layer sizes must be positive whole numbers; '{p}' is not.")
        sizes.append(int(p))
    if len(sizes) > 6 or max(sizes) > 2048:
        raise ValueError("Keep it small for a laptop: at most 6 hidden layers of at most 2048 units.")
    return sizes


def curves_png(history, title: str = "") -> bytes:
    """Loss and accuracy per epoch (training and test) as a PNG image (`curves_figure`)."""
    buf = io.BytesIO()
    curves_figure(history, title).savefig(buf, format="png")
    return buf.getvalue()


def curves_figure(history, title: str = ""):
    """Loss and accuracy per epoch (training and test), 756 × 270 pixels, as a Figure."""
    from matplotlib.figure import Figure

    from . import plotting  # noqa: F401  (the course's style: fonts, colours and dashes)

    fig = Figure(figsize=(8.4, 3.0), dpi=90)
    ax_loss, ax_acc = fig.subplots(1, 2)
    epochs = np.arange(1, len(history.train_loss) + 1)
    for ax, train_vals, test_vals, label in (
            (ax_loss, history.train_loss, history.test_loss, "loss"),
            (ax_acc, history.train_accuracy, history.test_accuracy, "accuracy")):
        if len(epochs):
            ax.plot(epochs, train_vals, "o-", label="training")
        if len(history.test_loss):
            ax.plot(epochs[:len(test_vals)], test_vals, "s--", label="test")
        ax.set_xlabel("epoch")
        ax.set_ylabel(label)
        ax.set_title(label)
        ax.grid(alpha=0.3)
        if len(epochs):
            ax.legend(loc="best")
            ax.set_xlim(0.5, max(len(epochs), 2) + 0.5)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


class TrainingDashboard(_Widget):
    """Train an MLP live. Controls are attributes (``hidden``, ``activation``, ``loss``,
    ``lr``, ``batch_size``, ``epochs``, ``train_button``, ``stop_button``); views are
    ``plot`` (an Image of the curves) and ``status`` (HTML). After training, ``model``
    and ``history`` hold the result.

    x_train, y_train, x_test, y_test : the data (images (n, 28, 28), labels (n,)).
    """

    def __init__(self, x_train, y_train, x_test, y_test, *, seed: int = 0):
        self.data = (x_train, y_train, x_test, y_test)
        self.seed = seed
        self.model = None
        self.history = None
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        style = {"description_width": "110px"}
        self.hidden = w.Text(value="64", description="hidden sizes", style=style,
                             placeholder="e.g. 64, 32")
        self.activation = w.Dropdown(options=["relu", "sigmoid"], value="relu",
                                     description="activation", style=style)
        self.loss = w.Dropdown(options=["cross_entropy", "quadratic"], value="cross_entropy",
                               description="loss", style=style)
        self.lr = w.FloatText(value=0.1, description="learning rate", style=style)
        self.batch_size = w.IntText(value=32, description="batch size", style=style)
        self.epochs = w.IntSlider(value=8, min=1, max=40, description="epochs", style=style)
        self.train_button = w.Button(description="Train", button_style="success", icon="play")
        self.stop_button = w.Button(description="Stop", button_style="danger", icon="stop",
                                    disabled=True)
        self.status = w.HTML("Choose the settings and press <b>Train</b>.")
        self.plot = with_alt(w.Image(format="png", layout=w.Layout(width="756px", height="270px")),
                             "two plots over the epochs: the loss on the left and the accuracy "
                             "on the right, training as a solid line with circles, test as a "
                             "dashed line with squares")
        name(self.epochs, "epochs: how many passes over the training digits")
        self.plot.value = curves_png(_empty_history(), "no training yet")
        self.train_button.on_click(lambda _: self.start())
        self.stop_button.on_click(lambda _: self.stop())
        self.ui = w.VBox([
            w.HBox([w.VBox([self.hidden, self.activation, self.loss]),
                    w.VBox([self.lr, self.batch_size, self.epochs])]),
            w.HBox([self.train_button, self.stop_button]), self.status, self.plot])

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def settings(self) -> tuple[list[int], TrainConfig]:
        """The current settings, validated: (hidden sizes, config). Raises ValueError."""
        hidden = parse_hidden_sizes(self.hidden.value)
        config = TrainConfig(epochs=int(self.epochs.value), batch_size=int(self.batch_size.value),
                             lr=float(self.lr.value), loss=self.loss.value, seed=self.seed).validate()
        return hidden, config

    def start(self, blocking: bool = False) -> bool:
        """Start training with the current settings (what the Train button does).

        Returns False, with a message in ``status``, when the settings are invalid or a
        training is already running. ``blocking=True`` waits for the end (for tests).
        """
        if self.running:
            self.status.value = "Already training: press <b>Stop</b> first."
            return False
        try:
            hidden, config = self.settings()
        except ValueError as err:
            self.status.value = f'<span style="color:#b3261e">⚠ {err}</span>'
            return False
        self._stop.clear()
        self.model = make_mlp([784, *hidden, 10], activation=self.activation.value, seed=self.seed)
        self.history = None
        self.train_button.disabled, self.stop_button.disabled = True, False
        self.status.value = f"Training 784-{'-'.join(map(str, hidden))}-10 for {config.epochs} epochs…"
        self._thread = threading.Thread(target=self._run, args=(config,), daemon=True)
        self._thread.start()
        if blocking:
            self.wait()
        return True

    def stop(self) -> None:
        """Ask the training to stop after the current mini-batch (what Stop does)."""
        self._stop.set()

    def wait(self, timeout: float | None = None) -> None:
        if self._thread is not None:
            self._thread.join(timeout)

    def _epoch_done(self, epoch: int, history) -> None:
        self.history = history
        self.plot.value = curves_png(history, f"epoch {epoch + 1}")
        self.status.value = (f"Epoch {epoch + 1}: training accuracy "
                             f"{history.train_accuracy[-1]:.1%}, test accuracy "
                             f"{history.test_accuracy[-1]:.1%}.")

    def _run(self, config: TrainConfig) -> None:
        x_train, y_train, x_test, y_test = self.data
        try:
            history = train(self.model, x_train, y_train, config, test=(x_test, y_test),
                            callback=self._epoch_done, stop=self._stop, progress=False)
            self.history = history
            done = len(history.train_loss)
            how = "Stopped" if self._stop.is_set() else "Finished"
            self.status.value = (f"{how} after {done} epoch{'s' * (done != 1)}: test accuracy "
                                 f"{history.test_accuracy[-1]:.1%}." if done else
                                 f"{how} before the first epoch ended; the model is barely trained.")
        except Exception as err:  # shown in the dashboard; the kernel stays usable
            self.status.value = f'<span style="color:#b3261e">⚠ Training failed: {err}</span>'
        finally:
            self.train_button.disabled, self.stop_button.disabled = False, True


def _empty_history():
    from .mlp import History
    return History()
